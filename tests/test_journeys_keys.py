"""The map page with the keyboard only, as a person who does not use a mouse does it."""

from __future__ import annotations

import pytest

from tests.journeys import map_frame, open_map, panel_heading

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const outer = document.activeElement;
  if (outer && outer.tagName === 'IFRAME') {
    const inner = outer.contentDocument && outer.contentDocument.activeElement;
    return 'frame:' + (inner ? inner.tagName + ' ' + (inner.getAttribute('aria-label') ||
      inner.title || '') : '');
  }
  return (outer.getAttribute('aria-label') || outer.innerText || '').slice(0, 60);
}"""


def test_keys_alone_reach_open_a_place_choose_wuhan_and_hear_it_opened(offline) -> None:
    open_map(offline, "basemap=none&lang=en")
    page = offline.page
    page.evaluate("() => document.activeElement && document.activeElement.blur()")  # as loaded
    stops: list[str] = []
    for _ in range(60):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        if stops[-1] == "Open a place":
            break
    assert stops[-1] == "Open a place", stops
    nameless = [s for s in stops if s.startswith("frame:") and s.strip().endswith(("PATH", "path"))]
    assert nameless == [], "shapes on the map are tab stops without a name"
    assert len(stops) <= 40, stops
    page.keyboard.type("Wuhan")
    page.keyboard.press("Enter")
    assert panel_heading(offline, "Wuhan")
    live = page.locator("#atlas-live")
    assert live.get_attribute("aria-live") == "polite"
    page.wait_for_function(
        "() => document.getElementById('atlas-live').textContent.includes('Wuhan')"
    )
    assert live.inner_text().startswith("Beside the map: Wuhan")
    # The map moved to the chosen place, and nothing in it is a nameless tab stop.
    frame = map_frame(offline)
    assert frame.evaluate(
        "() => [...document.querySelectorAll('path.leaflet-interactive')]"
        ".every(p => p.getAttribute('tabindex') === '-1')"
    )

"""Real-browser tests: Playwright on the system Chromium, every request outside the app blocked."""

from __future__ import annotations

import re

import pytest

from tests.browser import IDLE, MAP_FRAME

pytestmark = pytest.mark.browser

MARKER = "path.leaflet-interactive"
# Where a place's feature is on screen, and whether it is the topmost thing there.
LOCATE = """(id) => {
  let found = null;
  window.map.eachLayer((layer) => {
    const f = layer.feature;
    if (f && f.properties && f.properties.id === id && layer._path) found = layer;
  });
  if (!found) return null;
  const box = found._path.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  return {x, y, topmost: document.elementFromPoint(x, y) === found._path};
}"""


def open_app(offline, query: str = "") -> None:
    offline.page.goto(f"{offline.origin}/{'?' + query if query else ''}")
    offline.page.wait_for_selector(IDLE, timeout=60_000)
    # Attached, not visible: zoomed in, shapes off screen are drawn as empty paths.
    markers(offline).first.wait_for(state="attached", timeout=30_000)


def markers(offline):
    return offline.page.frame_locator(MAP_FRAME).locator(MARKER)


def wait_idle(offline) -> None:
    offline.page.wait_for_timeout(300)
    offline.page.wait_for_selector(IDLE, timeout=60_000)


def panel_title(offline) -> str:
    heading = offline.page.locator(".st-key-place_panel h3").first
    heading.wait_for(timeout=30_000)
    return heading.inner_text()


def click_place(offline, place_id: str) -> None:
    frame = offline.page.locator(MAP_FRAME).element_handle().content_frame()
    spot = frame.evaluate(LOCATE, place_id)
    assert spot is not None, f"{place_id} is not on the map"
    assert spot["topmost"], f"{place_id} is covered by another feature"
    box = offline.page.locator(MAP_FRAME).bounding_box()
    offline.page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])


def external(offline) -> list[str]:
    tiles = re.compile(r"https://[a-z.]*tile\.openstreetmap\.org/")
    return [u for u in offline.blocked if not tiles.match(u)]


def test_map_draws_every_place_from_local_assets_only(offline, real) -> None:
    open_app(offline, "basemap=none")
    # Points and shapes together: one clickable feature per place.
    offline.page.wait_for_function(
        f"() => document.querySelector('{MAP_FRAME}').contentDocument"
        f".querySelectorAll('{MARKER}').length >= {len(real.places)}",
        timeout=30_000,
    )
    assert markers(offline).count() == len(real.places)
    assert offline.blocked == []  # with no tiles, not a single request leaves the app
    assert offline.errors == []


def test_clicking_a_marker_opens_its_panel(offline) -> None:
    # Zoomed in through the link, as a user would zoom before clicking among neighbours.
    open_app(offline, "basemap=none&lat=22.6&lon=114.0&zoom=8")
    click_place(offline, "shenzhen")
    offline.page.wait_for_function(
        "() => /Shenzhen/.test(document.querySelector('.st-key-place_panel h3')?.innerText || '')",
        timeout=30_000,
    )
    panel = offline.page.locator(".st-key-place_panel")
    assert "Mitigation" in panel.inner_text() and "Adaptation" in panel.inner_text()
    assert offline.page.locator(".st-key-panel_mitigation li").count() >= 3
    assert offline.page.locator(".st-key-panel_adaptation li").count() >= 2
    assert "place=shenzhen" in offline.page.url
    assert external(offline) == []


def test_clicking_a_region_selects_it(offline) -> None:
    open_app(offline, "basemap=none")
    click_place(offline, "qinghai-tibet-plateau")
    offline.page.wait_for_function(
        "() => /Plateau/.test(document.querySelector('.st-key-place_panel h3')?.innerText || '')",
        timeout=30_000,
    )


def test_deep_link_opens_wuhan(offline) -> None:
    open_app(offline, "place=wuhan")
    assert panel_title(offline).startswith("Wuhan")
    text = offline.page.locator(".st-key-place_panel").inner_text()
    assert "Sources (" in text
    assert external(offline) == []


def test_choosing_a_programme_changes_the_markers(offline) -> None:
    open_app(offline, "basemap=none")
    before = markers(offline).count()
    frame = offline.page.locator(MAP_FRAME).element_handle().content_frame()
    frame.evaluate("() => { window.__sameMap = true; }")  # gone if the iframe reloads
    select = offline.page.locator(".st-key-w_programmes")
    select.click()
    offline.page.keyboard.type("Regional emissions")
    offline.page.keyboard.press("Enter")
    offline.page.keyboard.press("Escape")
    offline.page.wait_for_function(
        f"() => document.querySelector('{MAP_FRAME}').contentDocument"
        f".querySelectorAll('{MARKER}').length < {before}",
        timeout=30_000,
    )
    wait_idle(offline)
    assert 7 <= markers(offline).count() <= 8
    assert "programme=ets-pilot" in offline.page.url
    frame = offline.page.locator(MAP_FRAME).element_handle().content_frame()
    assert frame.evaluate("() => window.__sameMap === true"), "the map iframe reloaded"
    rows = offline.page.locator(".st-key-places_table")
    assert "Shenzhen" in rows.inner_text() or rows.count() == 1


def test_chinese_link_then_switch_to_english_keeps_the_view(offline) -> None:
    open_app(offline, "lang=zh&place=wuhan&programme=low-carbon-pilot&basemap=none")
    assert panel_title(offline).startswith("武汉市")
    page = offline.page
    assert "试点项目" in page.locator("[data-testid=stSidebar]").inner_text()
    legend = page.frame_locator(MAP_FRAME).locator(".atlas-legend")
    assert "试点项目" in legend.inner_text()
    # A Chinese tooltip on a marker (hovering shows it).
    frame = page.locator(MAP_FRAME).element_handle().content_frame()
    spot = frame.evaluate(LOCATE, "wuhan")
    box = page.locator(MAP_FRAME).bounding_box()
    page.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"])
    tooltip = page.frame_locator(MAP_FRAME).locator(".leaflet-tooltip")
    tooltip.first.wait_for(timeout=10_000)
    assert "武汉市" in tooltip.first.inner_text()

    page.locator(".st-key-w_lang").get_by_text("English").click()
    page.wait_for_function(
        "() => /^Wuhan/.test(document.querySelector('.st-key-place_panel h3')?.innerText || '')",
        timeout=30_000,
    )
    wait_idle(offline)
    assert "lang=" not in page.url
    assert "place=wuhan" in page.url and "programme=low-carbon-pilot" in page.url
    assert "Pilot programme" in page.locator("[data-testid=stSidebar]").inner_text()
    assert external(offline) == []

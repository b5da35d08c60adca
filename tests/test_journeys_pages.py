"""The smaller pages and controls as a person meets them (issue 14, item 18): the timeline's
years, the Overlaps chart, "Go to a place", pilots nearby and the map's attribution and scale
bar, in Chromium at 1440x900 and on a 390x844 phone, every outside request blocked."""

from __future__ import annotations

import pytest

from tests.browser import IDLE

pytestmark = pytest.mark.browser

# Each axis of a chart (Streamlit draws Vega as SVG): its aria-label and its labels' text
# and page boxes, as drawn.
AXES = """(chart) => {
  const svg = document.querySelectorAll('[data-testid=stVegaLiteChart]')[chart];
  return [...svg.querySelectorAll('g.role-axis')].map((axis) => ({
    name: axis.getAttribute('aria-label') || '',
    labels: [...axis.querySelectorAll('.role-axis-label text')].map((t) => {
      const r = t.getBoundingClientRect();
      return {text: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height};
    }),
  }));
}"""

# Bounding boxes of a chart's drawn texts (axis labels and titles, legend, mark labels).
TEXT_BOXES = """(chart) => [...[...document.querySelectorAll('[data-testid=stVegaLiteChart]')]
  [chart].querySelectorAll('svg text')].filter((t) => t.textContent.trim()).map((t) => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height};
  })"""


def open_page(session, path: str) -> None:
    session.page.goto(f"{session.origin}/{path}")
    session.page.wait_for_selector(IDLE, timeout=60_000)
    session.page.wait_for_selector("[data-testid=stVegaLiteChart] svg text", timeout=30_000)


def overlapping(boxes: list[dict], slack: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of boxes that cover each other by more than ``slack`` px both ways."""
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if dx > slack and dy > slack:
                pairs.append((a.get("text", "?"), b.get("text", "?")))
    return pairs


def _x_labels(session) -> list[dict]:
    (x_axis,) = [a for a in session.page.evaluate(AXES, 0) if a["name"].startswith("X-axis")]
    return x_axis["labels"]


def _x_years(session) -> list[int]:
    return [int(label["text"]) for label in _x_labels(session)]


@pytest.mark.parametrize("device", ["offline", "phone"])
def test_timeline_shows_every_year_in_order(device, request, real) -> None:
    session = request.getfixturevalue(device)
    open_page(session, "timeline")
    years = _x_years(session)
    first, last = int(real.memberships["year"].min()), int(real.memberships["year"].max())
    assert years == list(range(first, last + 1))  # 2013 and 2018-2022 included, in order
    assert not overlapping(_x_labels(session))  # each year readable, on a phone too
    assert not session.blocked and not session.errors


def test_timeline_years_follow_the_year_filter(offline) -> None:
    open_page(offline, "timeline?from=2012&to=2017")
    assert _x_years(offline) == [2012, 2013, 2014, 2015, 2016, 2017]

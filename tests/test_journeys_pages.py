"""The smaller pages and controls as a person meets them (issue 14, item 18): the timeline's
years, the Overlaps chart, "Go to a place", pilots nearby and the map's attribution and scale
bar, in Chromium at 1440x900 and on a 390x844 phone, every outside request blocked."""

from __future__ import annotations

import re

import pytest

from tests.browser import IDLE, MAP_FRAME
from tests.journeys import map_frame, open_map, panel_heading

pytestmark = pytest.mark.browser

# Each axis of a chart (Streamlit draws Vega as SVG): its labels' text and page boxes.
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
    # The axis of years: its labels are all years (axes carry no aria-label: ui/charts.py).
    (x_axis,) = [
        a
        for a in session.page.evaluate(AXES, 0)
        if a["labels"]
        and all(
            label["text"].isdigit() and 2000 < int(label["text"]) < 2100 for label in a["labels"]
        )
    ]
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


def _type_in_find(session, typed: str) -> list[str]:
    """Click "Go to a place" and type, as a person does; the options then offered."""
    session.page.locator(".st-key-w_find").click()
    session.page.keyboard.type(typed)
    session.page.wait_for_timeout(300)
    return [o.inner_text() for o in session.page.get_by_role("option").all()]


def _close_find(session) -> None:
    session.page.keyboard.press("Escape")
    session.page.locator("h1").first.click()


def test_go_to_a_place_offers_matching_names_only_and_opens_the_choice(offline) -> None:
    open_map(offline, "basemap=none")
    offered = _type_in_find(offline, "wuhan")
    assert offered[0] == "Wuhan · 武汉市"  # the city before its parks
    assert all("wuhan" in o.lower() for o in offered)
    _close_find(offline)
    # Letters scattered through a name are no match: "Liupanshui" is not offered for
    # "lishui", nor "Xiamen" for "xian".
    assert _type_in_find(offline, "lishui") == ["Lishui · 丽水市"]
    _close_find(offline)
    offered = _type_in_find(offline, "xian")
    assert "Xiangtan · 湘潭市" in offered and all("xian" in o.lower() for o in offered)
    _close_find(offline)
    assert _type_in_find(offline, "呼和浩特") == ["Hohhot · 呼和浩特市 · Huhehaote"]
    _close_find(offline)
    offered = _type_in_find(offline, "huhehaote")  # pinyin finds it too
    assert offered == ["Hohhot · 呼和浩特市 · Huhehaote"]
    offline.page.get_by_role("option", name=offered[0]).click()
    assert panel_heading(offline, "Hohhot").startswith("Hohhot · 呼和浩特市")
    assert not offline.blocked and not offline.errors


# Page boxes of the map's corner controls, inside the map's frame.
CORNER_BOXES = """() => Object.fromEntries([
    ['scale', '.leaflet-control-scale'], ['credits', '.leaflet-control-attribution'],
    ['legend', '.atlas-legend'],
  ].map(([name, selector]) => {
    const r = document.querySelector(selector).getBoundingClientRect();
    return [name, {text: name, x: r.x, y: r.y, w: r.width, h: r.height}];
  }))"""


@pytest.mark.parametrize("device", ["offline", "phone"])
def test_attribution_leaves_the_scale_bar_and_legend_readable(device, request) -> None:
    session = request.getfixturevalue(device)
    open_map(session)  # OpenStreetMap tiles (blocked offline), with their credits
    session.page.locator(MAP_FRAME).scroll_into_view_if_needed()
    frame = map_frame(session)
    for _ in range(2):  # as the map opens the legend (folded on a phone), then toggled
        boxes = frame.evaluate(CORNER_BOXES)
        assert boxes["credits"]["w"] > 0 and boxes["scale"]["w"] > 0
        assert not overlapping(list(boxes.values())), boxes
        size = frame.evaluate("() => [window.map.getSize().x, window.map.getSize().y]")
        for box in boxes.values():  # all on the map, none cut off by its edges
            assert box["x"] >= 0 and box["x"] + box["w"] <= size[0] + 0.5, box
            assert box["y"] >= 0 and box["y"] + box["h"] <= size[1] + 0.5, box
        summary = frame.locator(".atlas-legend summary")
        if device == "phone":
            summary.tap()
        else:
            summary.click()
        session.page.wait_for_timeout(300)
    assert "© OpenStreetMap" in frame.locator(".leaflet-control-attribution").inner_text()


def _chart_texts(session, chart: int) -> tuple[list[dict], dict]:
    """A chart's drawn texts (a halo drawn under a name counts once) and its SVG's box."""
    # The charts draw one after the other: wait until this one has drawn its texts.
    drawn = session.page.locator("[data-testid=stVegaLiteChart]").nth(chart)
    drawn.scroll_into_view_if_needed(timeout=30_000)
    drawn.locator("svg text").first.wait_for(timeout=30_000)
    texts = session.page.evaluate(TEXT_BOXES, chart)
    unique = {(t["text"], round(t["x"]), round(t["y"])): t for t in texts}
    svg = session.page.locator("[data-testid=stVegaLiteChart] svg").nth(chart).bounding_box()
    return list(unique.values()), svg


@pytest.mark.parametrize("device", ["offline", "phone"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_overlaps_charts_show_every_text_whole_and_apart(device, lang, request, real) -> None:
    session = request.getfixturevalue(device)
    open_page(session, f"overlaps?lang={lang}")
    width = session.page.viewport_size["width"]
    held = set(real.memberships["programme"])  # a programme without places draws no row
    names = set(real.programmes.loc[real.programmes["id"].isin(held), f"name_{lang}"])
    for chart in (0, 1):  # the UpSet chart, then the programme x programme grid
        texts, svg = _chart_texts(session, chart)
        assert not overlapping(texts), overlapping(texts)
        assert svg["x"] >= 0 and svg["x"] + svg["width"] <= width  # no part off the screen
        for t in texts:  # each text within its chart, none clipped at an edge
            assert t["x"] >= svg["x"] - 0.5 and t["x"] + t["w"] <= svg["x"] + svg["width"] + 0.5
            assert t["y"] >= svg["y"] - 0.5 and t["y"] + t["h"] <= svg["y"] + svg["height"] + 0.5, t
        shown = {t["text"].split(". ", 1)[-1] for t in texts}
        if chart == 1:  # the grid's numbers stand for the numbered names listed under it
            shown = set(session.page.locator(".st-key-pairs_key").inner_text().splitlines())
            shown = {line.split(". ", 1)[-1] for line in shown}
        assert names <= shown  # every programme named, whole, in the interface language
    assert not session.blocked and not session.errors


def test_upset_chart_draws_a_dot_per_programme_and_combination(offline, real) -> None:
    from atlas.insights import combinations
    from atlas.view import ViewState
    from pages.overlaps import UPSET_COMBINATIONS

    open_page(offline, "overlaps")
    combos = combinations(real, ViewState()).head(UPSET_COMBINATIONS)
    rows = {p for held in combos["programmes"] for p in held}  # programmes with a row
    chart = offline.page.locator("[data-testid=stVegaLiteChart]").first
    dots = chart.locator("g.mark-symbol path")
    assert dots.count() == len(combos) * len(rows)
    bars = chart.locator("g.mark-rect path")
    assert bars.count() == len(combos)
    # One joining line for each combination of two programmes or more.
    lines = chart.locator("g.mark-line path")
    assert lines.count() == int((combos["size"] >= 2).sum())
    # Bars from the largest combination down, their counts written on them.
    written = chart.locator("g.mark-text text").evaluate_all("(ts) => ts.map((t) => t.textContent)")
    counts = [int(t) for t in written if t.isdigit()]
    assert counts == list(combos["places"])


def test_nearby_puts_wuhans_province_and_parks_apart_from_the_distances(offline) -> None:
    open_map(offline, "place=wuhan&basemap=none")
    panel_heading(offline, "Wuhan")
    offline.page.get_by_text("Pilots nearby", exact=True).click()
    section = offline.page.locator(".st-key-w_nearby_open")
    section.get_by_text("Within", exact=True).wait_for(timeout=30_000)
    within = offline.page.locator(".st-key-w_nearby_within").inner_text()
    inside = offline.page.locator(".st-key-w_nearby_inside").inner_text()
    listed = offline.page.locator(".st-key-w_nearby").inner_text()
    assert "Hubei (Province)" in within and "km" not in within
    assert "Wuhan Qingshan Economic Development Zone" in inside and "km" not in inside
    assert (
        "Hubei" not in listed
        and "Wuhan" not in listed
        and "\n0 km" not in listed
        and not listed.startswith("0 km")
    )
    # A neighbour outside Wuhan keeps its distance, written first so a long name cannot
    # push it out of its pill.
    assert "180 km · Jiujiang" in listed
    offline.page.locator(".st-key-w_nearby_within").get_by_role(
        "radio", name="Hubei (Province)"
    ).click()
    assert panel_heading(offline, "Hubei").startswith("Hubei · 湖北省")
    assert not offline.blocked and not offline.errors


# Icons of the page list and the map page's expanders: each one's font and width.
ICONS = """() => [...document.querySelectorAll(
  '[data-testid=stSidebarNavLink], [data-testid=stExpander] summary')].map((el) => {
    const icon = el.querySelector('[data-testid=stIconMaterial], [data-testid=stExpanderIcon]');
    return {text: el.innerText, font: icon ? getComputedStyle(icon).fontFamily : '',
            width: icon ? icon.getBoundingClientRect().width : 0};
  })"""
EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\u2139]")


def test_icons_are_drawn_from_the_apps_own_font(offline) -> None:
    # Emoji need an emoji font on the reader's machine (this machine has none: they showed as
    # empty boxes); Streamlit's Material font comes from the app itself, offline too.
    open_map(offline, "basemap=none&place=wuhan")
    icons = offline.page.evaluate(ICONS)
    assert len(icons) >= 8 + 3  # the eight pages; share, nearby and the table's expanders
    for icon in icons:
        assert "Material Symbols" in icon["font"] and icon["width"] > 0, icon
        assert not EMOJI.search(icon["text"]), icon
    assert offline.page.evaluate("() => document.fonts.check('16px \"Material Symbols Rounded\"')")
    assert offline.blocked == []

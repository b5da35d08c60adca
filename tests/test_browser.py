"""Real-browser tests: Playwright on the system Chromium, every request outside the app blocked."""

from __future__ import annotations

import functools
import re

import pytest

from tests.browser import IDLE, MAP_FRAME
from tests.journeys import click_at_place, map_frame, page_pixel, wait_for_map

pytestmark = pytest.mark.browser

# Every place drawn on the map, once (a selected place also has its ring).
DRAWN_IDS = """() => {
  const ids = new Set();
  window.map.eachLayer((l) => {
    const p = l.feature && l.feature.properties;  // places carry their colour; outlines do not
    if (p && p.id && p.colour) ids.add(p.id);
  });
  return ids.size;
}"""


def open_app(offline, query: str = "") -> None:
    offline.page.goto(f"{offline.origin}/{'?' + query if query else ''}")
    offline.page.wait_for_selector(IDLE, timeout=60_000)
    wait_for_map(offline)


def drawn(offline) -> int:
    return map_frame(offline).evaluate(DRAWN_IDS)


def wait_idle(offline) -> None:
    offline.page.wait_for_timeout(300)
    offline.page.wait_for_selector(IDLE, timeout=60_000)


def panel_title(offline) -> str:
    heading = offline.page.locator(".st-key-place_panel h3").first
    heading.wait_for(timeout=30_000)
    return heading.inner_text()


def zoom_in_with_the_wheel(offline) -> None:
    """Zoom in over the map's centre, as a user would; waits until the map wrote the link."""
    page = offline.page
    box = page.locator(MAP_FRAME).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -400)
    page.wait_for_function("() => /[?&]zoom=/.test(window.location.search)", timeout=10_000)


@functools.cache
def _real_places():
    from atlas.dataset import load_dataset
    from tests.browser import ROOT

    return load_dataset(ROOT / "data").places


def click_place(offline, place_id: str) -> None:
    place = _real_places().loc[place_id]
    click_at_place(offline, place_id, inside=(place["lat"], place["lon"]))


def external(offline) -> list[str]:
    tiles = re.compile(r"https://[a-z.]*tile\.openstreetmap\.org/")
    return [u for u in offline.blocked if not tiles.match(u)]


def test_map_draws_every_place_from_local_assets_only(offline, real) -> None:
    open_app(offline, "basemap=none")
    # Points and shapes together: one clickable feature per place.
    map_frame(offline).wait_for_function(f"({DRAWN_IDS})() >= {len(real.places)}", timeout=30_000)
    assert drawn(offline) == len(real.places)
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
    # Each kind's actions: the list under its heading.
    under = ".st-key-place_panel div:has(> h4:has-text('{}')) + ul > li"
    assert offline.page.locator(under.format("Mitigation")).count() >= 3
    assert offline.page.locator(under.format("Adaptation")).count() >= 2
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
    before = drawn(offline)
    frame = offline.page.locator(MAP_FRAME).element_handle().content_frame()
    frame.evaluate("() => { window.__sameMap = true; }")  # gone if the iframe reloads
    select = offline.page.locator(".st-key-w_programmes")
    select.click()
    offline.page.keyboard.type("Regional emissions")
    offline.page.keyboard.press("Enter")
    offline.page.keyboard.press("Escape")
    map_frame(offline).wait_for_function(f"({DRAWN_IDS})() < {before}", timeout=30_000)
    wait_idle(offline)
    assert 7 <= drawn(offline) <= 8
    assert "programme=ets-pilot" in offline.page.url
    frame = offline.page.locator(MAP_FRAME).element_handle().content_frame()
    assert frame.evaluate("() => window.__sameMap === true"), "the map iframe reloaded"
    offline.page.get_by_text("Table of the places shown").click()  # drawn once opened
    rows = offline.page.locator(".st-key-places_table")
    rows.wait_for(timeout=30_000)
    assert "Shenzhen" in rows.inner_text() or rows.count() == 1


def test_chinese_link_then_switch_to_english_keeps_the_view(offline) -> None:
    open_app(offline, "lang=zh&place=wuhan&programme=low-carbon-pilot&basemap=none")
    assert panel_title(offline).startswith("武汉市")
    page = offline.page
    assert "试点项目" in page.locator("[data-testid=stSidebar]").inner_text()
    legend = page.frame_locator(MAP_FRAME).locator(".atlas-legend")
    assert "试点项目" in legend.inner_text()
    # A Chinese tooltip on a marker (hovering shows it).
    page.mouse.move(*page_pixel(offline, "wuhan"))
    tooltip = page.frame_locator(MAP_FRAME).locator(".leaflet-tooltip", has_text="武汉市")
    tooltip.first.wait_for(timeout=10_000)

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


SHARED = (
    "place=changsha&programme=low-carbon-pilot&province=hunan&lang=zh"
    "&lat=27.9&lon=112.9&zoom=7&basemap=none"
)


def test_a_shared_link_reopens_the_same_view_in_a_new_context(browser, app_url) -> None:
    from tests.conftest import Offline

    session = Offline(browser, app_url)  # a fresh context: no cookies, no session
    try:
        open_app(session, SHARED)
        page = session.page
        assert panel_title(session).startswith("长沙市")
        sidebar = page.locator("[data-testid=stSidebar]").inner_text()
        assert "低碳省区和低碳城市试点" in sidebar
        province = page.locator(".st-key-w_province")
        assert "湖南省" in (province.text_content() or "") + (
            province.locator("input").first.input_value()
            if province.locator("input").count()
            else ""
        )
        frame = page.locator(MAP_FRAME).element_handle().content_frame()
        frame.wait_for_function("() => window.map && Math.round(window.map.getZoom()) === 7")
        centre = frame.evaluate("() => window.map.getCenter()")
        assert abs(centre["lat"] - 27.9) < 0.01 and abs(centre["lng"] - 112.9) < 0.01
        for part in SHARED.split("&"):
            if not part.startswith(("lat=", "lon=")):
                assert part in page.url, part
        # The table follows the filters: Hunan's low-carbon pilots only.
        page.get_by_text("所示地点一览表").click()
        page.get_by_text("显示的地点（4）").wait_for(timeout=30_000)
    finally:
        session.context.close()


def test_panning_writes_the_map_position_into_the_link(offline) -> None:
    open_app(offline, "basemap=none")
    page = offline.page
    zoom_in_with_the_wheel(offline)
    assert "lat=" in page.evaluate("() => window.location.search")


def test_a_panned_map_position_reaches_the_share_link(offline) -> None:
    open_app(offline, "basemap=none")
    page = offline.page
    zoom_in_with_the_wheel(offline)
    page.get_by_text("Share and export").click()
    link = page.locator("[data-testid=stCode]").first
    link.wait_for(timeout=30_000)
    assert "zoom=" in link.inner_text()


def test_a_link_reopens_its_map_view_and_the_controls_work(offline) -> None:
    # The link's zoom and centre win over the initial fit to China (which once ended its
    # animation after them and put China back), and the controls from static/atlas/map.js
    # work: province outlines in their own pane, the button back to all of China.
    open_app(offline, "basemap=none&lat=30.6&lon=114.3&zoom=9")
    frame = offline.page.locator(MAP_FRAME).element_handle().content_frame()
    offline.page.wait_for_timeout(1_000)  # past any zoom animation
    view = frame.evaluate("() => [window.map.getZoom(), window.map.getCenter()]")
    assert view[0] == 9
    assert abs(view[1]["lat"] - 30.6) < 0.01 and abs(view[1]["lng"] - 114.3) < 0.01
    controls = offline.page.frame_locator(MAP_FRAME)
    controls.locator(".leaflet-atlasOutlines-pane path").first.wait_for(
        state="attached", timeout=30_000
    )
    controls.locator(".atlas-buttons a[title='Full screen']").wait_for(timeout=10_000)
    controls.locator(".atlas-buttons a[title='Show all of China']").click()
    frame.wait_for_function("() => window.map.getZoom() <= 5", timeout=10_000)
    assert offline.errors == []


def test_a_bad_parameter_shows_a_notice_and_the_rest_applies(offline) -> None:
    open_app(offline, "place=wuhan&programme=moon-pilot&zoom=abc&basemap=none")
    warning = offline.page.locator("[data-testid=stAlert]").first.inner_text()
    assert "moon-pilot" in warning and "zoom" in warning
    assert panel_title(offline).startswith("Wuhan")
    assert "moon-pilot" not in offline.page.url


def test_downloads_hold_exactly_the_places_shown(offline, tmp_path) -> None:
    import io
    import json

    import pandas as pd
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    from atlas.__main__ import main as cli

    open_app(offline, "programme=ets-pilot&basemap=none")
    page = offline.page
    files = {}
    for label, name in (
        ("Places shown (CSV)", "csv"),
        ("Places shown (GeoJSON)", "geojson"),
        ("Place-year panel (CSV)", "panel"),
    ):
        button = page.get_by_role("button", name=label)
        for attempt in range(3):  # a rerun (the map reporting in) can collapse the expander
            wait_idle(offline)
            if not button.is_visible():
                page.get_by_text("Share and export").click()
                button.wait_for(timeout=10_000)
            try:
                with page.expect_download(timeout=30_000) as info:
                    button.click()
                break
            except PlaywrightTimeout:
                if attempt == 2:
                    raise
        files[name] = tmp_path / f"download.{name}"
        info.value.save_as(files[name])
    table = pd.read_csv(io.BytesIO(files["csv"].read_bytes()), encoding="utf-8-sig")
    assert sorted(table["id"]) == sorted(
        ["beijing", "tianjin", "shanghai", "chongqing", "hubei", "guangdong", "shenzhen", "fujian"]
    )
    geojson = json.loads(files["geojson"].read_text(encoding="utf-8"))
    assert sorted(f["id"] for f in geojson["features"]) == sorted(table["id"])
    # The command line writes the very same files for the same filters.
    panel = pd.read_csv(files["panel"])
    assert sorted(set(panel["place_id"])) == sorted(table["id"])
    assert panel.loc[panel["place_id"] == "shenzhen"].set_index("year").at[2013, "ets_pilot"] == 1
    for name in ("csv", "geojson", "panel"):
        out = tmp_path / f"cli.{name}"
        assert cli(["export", "--format", name, "--programme", "ets-pilot", "--out", str(out)]) == 0
        assert out.read_bytes() == files[name].read_bytes(), name


def test_compare_view_from_a_link_shows_three_places_side_by_side(offline) -> None:
    offline.page.goto(
        f"{offline.origin}/compare?compare=wuhan&compare=shenzhen&compare=lishui&lang=zh"
    )
    offline.page.wait_for_selector(IDLE, timeout=60_000)
    page = offline.page
    for place, name in (("wuhan", "武汉市"), ("shenzhen", "深圳市"), ("lishui", "丽水市")):
        block = page.locator(f".st-key-compare_{place}")
        block.wait_for(timeout=30_000)
        assert block.locator("h3").inner_text().startswith(name)
    boxes = [
        page.locator(f".st-key-compare_{p}").bounding_box() for p in ("wuhan", "shenzhen", "lishui")
    ]
    # Side by side: same top, left to right.
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
    assert max(b["y"] for b in boxes) - min(b["y"] for b in boxes) < boxes[0]["height"] / 2
    assert "compare=wuhan&compare=shenzhen&compare=lishui" in page.url
    assert external(offline) == []


def test_every_page_draws_without_errors(offline) -> None:
    for path in ("programmes", "timeline", "overlaps", "targets", "about", "provinces"):
        offline.page.goto(f"{offline.origin}/{path}?programme=ets-pilot")
        offline.page.wait_for_selector(IDLE, timeout=60_000)
        assert offline.page.locator("h1").first.inner_text()
        assert offline.page.locator("[data-testid=stException]").count() == 0, path
    offline.page.frame_locator(MAP_FRAME).locator("path.leaflet-interactive").first.wait_for(
        state="attached", timeout=30_000
    )  # the provinces page draws its choropleth from local assets
    assert offline.errors == []
    assert external(offline) == []


def test_a_deep_link_as_the_first_visit_after_a_restart_goes_through_app_py(browser) -> None:
    # With a folder named pages/, Streamlit ran pages/timeline.py on its own here (no page
    # config, a navigation listing file names) until some run had called st.navigation.
    from tests.browser import streamlit_server
    from tests.conftest import Offline

    with streamlit_server() as url:
        session = Offline(browser, url)
        try:
            page = session.page
            page.goto(f"{url}/timeline?programme=ets-pilot")
            page.wait_for_selector(IDLE, timeout=60_000)
            page.get_by_text("Designations over time").first.wait_for(timeout=30_000)
            nav = page.locator("[data-testid=stSidebarNav]").inner_text()
            assert "Programmes" in nav and "Timeline" in nav
            assert "app" not in nav.split()
            assert page.title() == "China Climate Pilot Atlas"
            assert not session.errors and not session.blocked
        finally:
            session.context.close()

"""User journeys on the map, done as a person does them: a click at the pixel where a place
is drawn (the map's own latLngToContainerPoint), a tap on a phone, the link copied from the
share panel and opened in a fresh browser. Every request outside the app is blocked."""

from __future__ import annotations

import re

import pytest

from tests.browser import IDLE
from tests.journeys import (
    chooser_buttons,
    click_at_place,
    map_frame,
    open_map,
    panel_heading,
    tap_at_place,
    wait_for_map,
)

pytestmark = pytest.mark.browser


def _drawn_beside_their_city(real) -> dict[str, list[str]]:
    """Cities with parks or towns placed at the city's own point, and those places."""
    places = real.places
    children = places[places["coord_method"] == "parent"]
    by_city: dict[str, list[str]] = {}
    for pid, row in children.iterrows():
        at_point = places[
            (places["lat"] == row["lat"])
            & (places["lon"] == row["lon"])
            & (places["coord_method"] != "parent")
        ]
        for city in at_point.index:
            by_city.setdefault(city, []).append(pid)
    return by_city


def test_a_city_and_the_parks_on_its_point_each_open_where_they_are_drawn(offline, real) -> None:
    # Wuhan and Qingdao once opened a park or town drawn on top of them, at every zoom.
    by_city = _drawn_beside_their_city(real)
    assert {"wuhan", "qingdao"} <= set(by_city)
    open_map(offline, "basemap=none")
    for city, children in sorted(by_city.items()):
        for place in (city, *children):
            row = real.places.loc[place]
            click_at_place(offline, place, inside=(row["lat"], row["lon"]))  # for shapes
            name = row["name_en"]
            assert panel_heading(offline, name).startswith(name)
    assert offline.errors == []


def test_shenzhen_is_clickable_at_the_first_view_and_the_legend_folds(offline) -> None:
    # The legend once covered the Pearl River Delta, Shenzhen under it.
    open_map(offline, "basemap=none")
    click_at_place(offline, "shenzhen")
    assert panel_heading(offline, "Shenzhen")
    legend = offline.page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(
        "details.atlas-legend"
    )
    assert legend.get_attribute("open") is not None  # open on a wide map
    legend.locator("summary").click()
    assert legend.get_attribute("open") is None
    assert offline.blocked == []


def test_a_tap_among_crowded_markers_on_a_phone_opens_the_place_tapped(phone) -> None:
    open_map(phone, "basemap=none")
    legend = phone.page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(
        "details.atlas-legend"
    )
    assert legend.get_attribute("open") is None  # folded on a phone: it covered 40% of the map
    for place, name in (("lishui", "Lishui"), ("hangzhou", "Hangzhou")):
        phone.page.wait_for_selector(IDLE, timeout=60_000)
        tap_at_place(phone, place)
        choices = chooser_buttons(phone)
        phone.page.wait_for_timeout(500)
        if choices.count():  # a finger covers several markers: the person picks from a list
            choices.filter(has_text=name).first.tap()
        assert panel_heading(phone, name).startswith(name)
    assert phone.errors == []


def test_a_tap_on_a_crowded_city_inside_a_province_offers_the_list_and_opens_nothing_else(
    phone,
) -> None:
    # Wuhan is drawn inside Hubei's outline. The tap once reached the province too: Hubei's
    # panel opened while the person was still choosing from the list.
    open_map(phone, "basemap=none")
    before = phone.page.locator(".st-key-place_panel h3").all_inner_texts()
    tap_at_place(phone, "wuhan")
    choices = chooser_buttons(phone)
    choices.first.wait_for(timeout=10_000)
    assert choices.filter(has_text="Wuhan").count() >= 1, choices.all_inner_texts()
    phone.page.wait_for_timeout(1500)  # long enough for a rerun that a region click causes
    phone.page.wait_for_selector(IDLE, timeout=60_000)
    assert "place=" not in phone.page.url, phone.page.url
    assert phone.page.locator(".st-key-place_panel h3").all_inner_texts() == before
    assert choices.count() >= 2  # the list is still open
    choices.filter(has_text=re.compile(r"^Wuhan · ")).first.tap()  # not "Wuchang District, Wuhan"
    assert panel_heading(phone, "Wuhan").startswith("Wuhan")
    assert "place=wuhan" in phone.page.url
    assert phone.errors == []


def test_choosing_a_place_from_the_list_moves_the_map_to_it(offline) -> None:
    open_map(offline, "basemap=none")
    picker = offline.page.locator(".st-key-w_place_picker")
    picker.click()
    offline.page.keyboard.type("Wuhan")
    offline.page.get_by_role("option", name="Wuhan · 武汉市").click()
    assert panel_heading(offline, "Wuhan")
    frame = map_frame(offline)
    frame.wait_for_function("() => window.map.getZoom() >= 7", timeout=15_000)
    centre = frame.evaluate("() => window.map.getCenter()")
    assert abs(centre["lat"] - 30.6) < 1 and abs(centre["lng"] - 114.3) < 1.5
    # A click on the map itself leaves the map where it is.
    before = frame.evaluate("() => [window.map.getZoom(), window.map.getCenter()]")
    click_at_place(offline, "xiaogan-high-tech-zone")
    assert panel_heading(offline, "Xiaogan")
    offline.page.wait_for_timeout(500)
    assert frame.evaluate("() => [window.map.getZoom(), window.map.getCenter()]") == before


def test_the_link_copied_from_the_share_panel_reopens_the_view(offline, browser, app_url) -> None:
    from tests.conftest import Offline

    open_map(offline, "basemap=none&lang=zh")
    page = offline.page
    click_at_place(offline, "changsha")
    panel_heading(offline, "长沙")
    # Zoom in with the wheel over the map, as a person does, then copy the link.
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -500)
    frame = map_frame(offline)
    frame.wait_for_function("() => window.map.getZoom() >= 5", timeout=10_000)
    page.wait_for_timeout(800)
    page.wait_for_selector(IDLE, timeout=60_000)
    zoom = frame.evaluate("() => Math.round(window.map.getZoom())")
    page.get_by_text("分享与导出").click()
    code = page.locator("[data-testid=stCode]").first
    code.wait_for(timeout=30_000)
    link = code.inner_text().strip()
    assert "place=changsha" in link and "lang=zh" in link and f"zoom={zoom}" in link, link
    fresh = Offline(browser, app_url)  # no cookies, no session: as the person's colleague
    try:
        fresh.page.goto(link.replace("http://localhost:8501", app_url))
        panel_heading(fresh, "长沙")
        wait_for_map(fresh)
        other = map_frame(fresh)
        other.wait_for_function(f"() => Math.round(window.map.getZoom()) === {zoom}")
        a = frame.evaluate("() => window.map.getCenter()")
        b = other.evaluate("() => window.map.getCenter()")
        assert abs(a["lat"] - b["lat"]) < 0.01 and abs(a["lng"] - b["lng"]) < 0.01
        assert fresh.blocked == []
    finally:
        fresh.context.close()


def test_a_place_on_the_targets_page_opens_its_panel_on_the_map(offline) -> None:
    # Place links once dropped the place: the map page kept the view it had before.
    page = offline.page
    page.goto(f"{offline.origin}/targets?basemap=none")
    page.wait_for_selector(IDLE, timeout=60_000)
    page.locator("[data-testid=stVegaLiteChart]").first.wait_for(timeout=30_000)
    link = page.locator("[data-testid=stPageLink] a", has_text="Lanzhou").first
    link.click()
    assert panel_heading(offline, "Lanzhou").startswith("Lanzhou · 兰州市")
    assert "place=lanzhou" in page.url and "/targets" not in page.url
    wait_for_map(offline)
    # A dot of the peak-year chart opens its place too (Vega draws it with an aria label).
    page.goto(f"{offline.origin}/targets?basemap=none")
    page.wait_for_selector(IDLE, timeout=60_000)
    dot = page.locator(
        '[data-testid=stVegaLiteChart] svg path[aria-label^="Baotou · 包头市: CO₂ peak by 2026"]'
    )
    dot.first.click()
    assert panel_heading(offline, "Baotou").startswith("Baotou · 包头市")
    assert offline.errors == []
    assert offline.blocked == []

"""Links as a person follows them: a place link on another page, the embed snippet."""

from __future__ import annotations

import re

import pytest

from tests.browser import IDLE, MAP_FRAME
from tests.journeys import panel_heading, wait_for_map

pytestmark = pytest.mark.browser


def test_a_place_link_on_the_programmes_page_opens_its_panel_on_the_map(offline) -> None:
    page = offline.page
    page.goto(f"{offline.origin}/programmes?programme=ets-pilot&lang=en&basemap=none")
    page.wait_for_selector(IDLE, timeout=60_000)
    card = page.locator(".st-key-programme_ets-pilot")
    card.get_by_text("Places (").click()  # the expander of the programme's places
    card.get_by_role("link", name="Shenzhen").click()
    assert panel_heading(offline, "Shenzhen")
    wait_for_map(offline)
    assert "place=shenzhen" in page.url and "programme=ets-pilot" in page.url
    assert offline.blocked == []


def test_the_embed_snippet_shows_the_map_and_the_panel_in_a_narrow_host_page(offline) -> None:
    page = offline.page
    page.goto(f"{offline.origin}/?place=wuhan&basemap=none&lang=en")
    panel_heading(offline, "Wuhan")
    page.get_by_text("Share and export").click()
    snippet = page.locator("[data-testid=stCode]").nth(1)
    snippet.wait_for(timeout=30_000)
    html = snippet.inner_text().strip().replace("http://localhost:8501", offline.origin)
    assert html.startswith("<iframe") and "embed=true" in html, html
    # A 1000 px column of someone's article, with the snippet pasted in.
    page.set_content(f'<main style="width:1000px;margin:0 auto">{html}</main>')
    app = page.frame_locator("iframe").first
    app.locator(".st-key-place_panel h3").first.wait_for(timeout=60_000)
    assert app.locator(".st-key-place_panel h3").first.inner_text().startswith("Wuhan")
    sidebar = app.locator("[data-testid=stSidebar]")
    assert sidebar.get_attribute("data-collapsed") == "true"
    assert sidebar.bounding_box()["width"] == 0
    map_frame = app.locator(MAP_FRAME)
    map_frame.wait_for(timeout=60_000)  # the panel can be drawn before the map's iframe
    map_box = map_frame.bounding_box()
    assert map_box is not None and map_box["width"] >= 500, map_box
    assert offline.blocked == []


def test_a_citation_number_links_to_its_source_and_names_the_publisher(offline, real) -> None:
    page = offline.page
    page.goto(f"{offline.origin}/?place=shenzhen&basemap=none&lang=en")
    panel_heading(offline, "Shenzhen")
    cite = page.locator(".st-key-place_panel a", has_text=re.compile(r"^\[1\]$")).first
    cite.wait_for(timeout=30_000)
    # The panel's source 1 is the first it cites: find it in the numbered list below.
    first = page.locator(".st-key-place_panel [data-testid=stExpander] ol > li").first
    listed = first.locator("a").first.get_attribute("href")
    assert first.inner_text().strip() and cite.get_attribute("href") == listed
    source = real.sources[real.sources["url"] == cite.get_attribute("href")].iloc[0]
    title = cite.get_attribute("title") or ""
    assert title.startswith(source["publisher"] or "Outlet not named"), title
    if source["copy"] == "yes":
        assert "copy read at" in title

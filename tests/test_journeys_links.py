"""Links as a person follows them: a place link on another page, the embed snippet."""

from __future__ import annotations

import pytest

from tests.browser import IDLE
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

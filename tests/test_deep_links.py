"""The pages live in pages/, where Streamlit runs a file on its own until some run of the
process has called st.navigation. A deep link as the very first request of a freshly
started server must still show the whole app: its page list, its filters, the page."""

from __future__ import annotations

import pytest

from tests.browser import IDLE, streamlit_server
from tests.conftest import Offline

PAGES = ["programmes", "timeline", "overlaps", "provinces", "compare", "targets", "about"]


@pytest.mark.browser
@pytest.mark.parametrize("page", PAGES)
def test_a_deep_link_is_the_first_request_of_a_fresh_server(browser, page) -> None:
    with streamlit_server() as origin:
        session = Offline(browser, origin)
        try:
            session.page.goto(f"{origin}/{page}?lang=en&basemap=none")
            session.page.wait_for_selector(IDLE, timeout=60_000)
            nav = session.page.locator("[data-testid=stSidebarNav]")
            nav.wait_for(timeout=30_000)
            # The app's own page list (titles from the catalogue), not the folder's files.
            assert "About & data" in nav.inner_text() and "about" not in nav.inner_text()
            session.page.get_by_role("combobox", name="Go to a place").wait_for(timeout=30_000)
            current = nav.locator("[aria-current=page]")
            assert current.count() == 1 and current.get_attribute("href").endswith(f"/{page}")
            assert session.page.locator("h1").first.is_visible()
            assert session.errors == [] and session.blocked == []
        finally:
            session.context.close()

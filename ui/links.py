"""Links between pages that carry the current view (filters, language) along."""

from __future__ import annotations

import streamlit as st

from atlas.escape import escape_markdown
from atlas.view import ViewState, to_query

MAP_PAGE = "pages/map.py"
ABOUT_PATH = "about"  # the About page's url_path in app.py
CORRECTIONS_ANCHOR = "corrections"  # its section on how to propose a correction


def place_link(view: ViewState, place_id: str, label: str) -> None:
    """A link that opens ``place_id`` on the map page with the same filters and language."""
    st.page_link(
        MAP_PAGE,
        label=escape_markdown(label),
        query_params=to_query(view.with_place(place_id)),
    )


def corrections_url() -> str:
    """The address of the About page's "Proposing a correction" section, under the server's
    base path (a Markdown link in the panel, which opens it in a new tab)."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base + '/' if base else ''}{ABOUT_PATH}#{CORRECTIONS_ANCHOR}"

"""Links between pages that carry the current view (filters, language) along."""

from __future__ import annotations

import streamlit as st

from atlas.escape import escape_markdown
from atlas.view import ViewState, to_query

MAP_PAGE = "app_pages/map.py"


def place_link(view: ViewState, place_id: str, label: str) -> None:
    """A link that opens ``place_id`` on the map page with the same filters and language."""
    st.page_link(
        MAP_PAGE,
        label=escape_markdown(label),
        query_params=to_query(view.with_place(place_id)),
    )

"""The map page: map and table on the left, the selected place's panel on the right."""

from __future__ import annotations

import streamlit as st

from atlas.escape import escape_markdown as md
from atlas.filters import programme_counts, shown_places
from atlas.panel import build_panel
from ui import data
from ui.map_view import render_map
from ui.page import open_page
from ui.panel_view import render_panel
from ui.places_table import render_place_picker, render_places_table

page = open_page()
dataset, view = page.dataset, page.view
shown = shown_places(dataset, view)

st.title("China Climate Pilot Atlas")

counts = programme_counts(dataset, shown)
summary = f"**{len(shown)}** of {len(dataset.places)} places shown"
chosen = view.programmes or tuple(dataset.programmes.index)
summary += "".join(
    f" · {md(dataset.programmes.at[p, 'name_en'])}: {counts[p]}" for p in chosen if counts[p]
)
st.markdown(summary)

left, right = st.columns([3, 2], gap="medium")
with left:
    render_map(dataset, data.geo(), shown, view)
    render_place_picker(dataset, shown, view)
with right:
    panel = build_panel(dataset, view.place) if view.place else None
    if panel is None:
        st.info(
            "Click a marker or a region on the map, or choose a place below, to read what it does."
        )
    else:
        render_panel(panel, view.focus)

render_places_table(dataset, shown, view)

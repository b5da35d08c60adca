"""The map page: the map beside the selected place's panel, then the table and sharing."""

from __future__ import annotations

import streamlit as st

from atlas.escape import escape_markdown as md
from atlas.filters import (
    family_counts,
    places_outside_programmes,
    programme_counts,
    shown_places,
    within_families,
)
from atlas.panel import build_panel
from ui import state
from ui.map_view import MAP_HEIGHT, render_map
from ui.page import open_page
from ui.panel_view import render_nearby, render_panel
from ui.places_table import render_place_picker, render_places_table
from ui.share import render_share_and_export
from ui.shell import run_inside_the_app
from ui.text import programme_name

PANEL_HEIGHT = MAP_HEIGHT + 60  # the map and the place picker under it
SUMMARY_PROGRAMMES = 6  # above this many programmes chosen, the summary counts families

run_inside_the_app()  # a deep link after a restart may run this file alone
page = open_page("map")
dataset, view, t = page.dataset, page.view, page.t
shown = shown_places(dataset, view)

st.title(t("app.title"), anchor=False)
chosen = within_families(dataset, view).programmes or tuple(dataset.programmes.index)
summary = t("map.summary", shown=len(shown), total=len(dataset.places))
if len(chosen) > SUMMARY_PROGRAMMES:  # twelve names fill four lines: count by family
    named = {t(f"family.{f}"): n for f, n in family_counts(dataset, shown).items()}
else:
    counts = programme_counts(dataset, shown)
    named = {programme_name(dataset, t, p): counts[p] for p in chosen}
summary += "".join(
    " · " + t("map.summary.programme", name=md(name), count=count)
    for name, count in named.items()
    if count
)
st.markdown(summary)
# Always drawn, filled or not: an element that comes and goes above the map would shift the
# map's place in the page, and Streamlit would then draw a new map (the iframe reloads).
with st.container():
    outside = places_outside_programmes(dataset)
    if outside and (view.families or view.programmes or view.batches):
        st.caption(t("map.summary.outside", count=outside))
    if shown.empty:
        st.warning(t("map.empty"), icon=":material/search_off:")
        st.button(
            t("filters.reset"),
            key="map_reset",
            on_click=state.reset_filters,
            args=(page.options,),
            icon=":material/filter_alt_off:",
        )


@st.fragment
def selection() -> None:
    """Everything below the summary: a click on the map, a pick, a nearby place or the
    table reruns only this part; the filters and the summary stay as they are."""
    view = state.selection_view(dataset)
    left, right = st.columns([5, 3], gap="medium")
    with left:
        map_area = st.container()
        # The picker runs before the map above it is drawn: in a session restored from the
        # browser (after a failover) the place it holds then reaches the map and the panel.
        view = render_place_picker(dataset, shown, view, t)
        with map_area:
            render_map(dataset, view, t)
    with right:
        # Sharing first, then the panel scrolling in its own column beside the map, so the
        # map stays in view while a long panel is read.
        render_share_and_export(dataset, shown, view, t)
        with st.container(height=PANEL_HEIGHT, border=False, key="panel_column"):
            panel = build_panel(dataset, view.place) if view.place else None
            if panel is None and not shown.empty:  # (an empty result has its message above)
                st.info(t("map.hint"))
            elif panel is not None:
                render_panel(dataset, panel, t, view.focus)
                render_nearby(dataset, panel.id, view, t)
    render_places_table(dataset, shown, t)


selection()

"""Declared targets: CO₂ peak years by programme and batch, the other metrics as a table;
every place one click from the map."""

from __future__ import annotations

import streamlit as st

from atlas.targets import other_targets, peak_years
from ui import state
from ui.links import place_link
from ui.page import open_page
from ui.shell import run_inside_the_app
from ui.targets_view import SELECTION, peak_chart, targets_frame
from ui.text import names_in

CHART_KEY = "targets_chart"
TABLE_KEY = "targets_table"
TABLE_IDS = "atlas_targets_ids"

run_inside_the_app()  # a deep link after a restart may run this file alone
page = open_page("targets")
dataset, view, t = page.dataset, page.view, page.t
names = names_in(dataset, t)


def _dot_chosen() -> None:
    chosen = st.session_state[CHART_KEY]["selection"].get(SELECTION, [])
    if chosen and chosen[0].get("place_id") in names.places:
        state.open_on_map(chosen[0]["place_id"])


def _row_chosen() -> None:
    rows = st.session_state[TABLE_KEY].selection.rows
    ids = st.session_state.get(TABLE_IDS, [])
    if rows and rows[0] < len(ids):
        state.open_on_map(ids[rows[0]])


st.title(t("targets.title"), anchor=False)
st.caption(t("targets.caption"))

st.header(t("targets.peak.title"), anchor=False)
peaks = peak_years(dataset, view)
if peaks.empty:
    st.info(t("targets.peak.empty"))
else:
    dots = peak_chart(dataset, peaks, t)
    st.altair_chart(dots, key=CHART_KEY, on_select=_dot_chosen, selection_mode=SELECTION)
    st.caption(t("targets.peak.hint"))
    by_year = (
        peaks.drop_duplicates("place_id")
        .assign(name=lambda f: f["place_id"].map(names.places))
        .sort_values(["peak_year", "name"])
    )
    with st.expander(t("targets.peak.places", count=len(by_year)), expanded=True):
        columns = st.columns(3)
        for i, row in enumerate(by_year.itertuples(index=False)):
            with columns[i % 3]:
                place_link(view, row.place_id, f"{t.year(row.peak_year)} · {row.name}")

st.header(t("targets.other.title"), anchor=False)
others = other_targets(dataset, view)
if others.empty:
    st.info(t("targets.other.empty"))
else:
    table = targets_frame(dataset, others, t)
    st.session_state[TABLE_IDS] = list(others["place_id"])
    st.caption(t("targets.other.hint", count=len(table)))
    st.dataframe(
        table,
        key=TABLE_KEY,
        on_select=_row_chosen,
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        column_config={
            t("targets.value"): st.column_config.NumberColumn(format="%g"),
            t("targets.base_year"): st.column_config.NumberColumn(format="%d"),
            t("targets.target_year"): st.column_config.NumberColumn(format="%d"),
            t("targets.link"): st.column_config.LinkColumn(display_text=t("targets.open")),
        },
    )

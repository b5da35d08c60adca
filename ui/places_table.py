"""The accessible mirror of the map: a place picker and a table of the shown places."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from atlas.dataset import Dataset
from atlas.view import ViewState
from ui import state

TABLE_KEY = "places_table"
SHOWN_IDS = "atlas_table_ids"


def _label(shown: pd.DataFrame, place_id: str | None) -> str:
    if place_id is None:
        return "—"
    row = shown.loc[place_id]
    return f"{row['name_en']} · {row['name_zh']}"


def _picked() -> None:
    state.select_place(st.session_state[state.W_PLACE_PICKER])


def render_place_picker(dataset: Dataset, shown: pd.DataFrame, view: ViewState) -> None:
    """A keyboard- and screen-reader-friendly way to select any shown place."""
    ids = list(shown.sort_values("name_en").index)
    if view.place and view.place not in ids and view.place in dataset.places.index:
        ids.insert(0, view.place)  # the selection stays visible even when filtered out
        shown = pd.concat([shown, dataset.places.loc[[view.place]]])
    st.session_state[state.W_PLACE_PICKER] = view.place if view.place in ids else None
    st.selectbox(
        "Open a place",
        options=[None, *ids],
        format_func=lambda pid: _label(shown, pid),
        key=state.W_PLACE_PICKER,
        on_change=_picked,
    )


def _row_selected() -> None:
    rows = st.session_state[TABLE_KEY].selection.rows
    ids = st.session_state.get(SHOWN_IDS, [])
    if rows and rows[0] < len(ids):
        state.select_place(ids[rows[0]])


def places_frame(dataset: Dataset, shown: pd.DataFrame) -> pd.DataFrame:
    """The table's columns: names, level, province and programmes in words."""
    names = dataset.programmes["name_en"]
    provinces = dataset.provinces["name_en"]
    return pd.DataFrame(
        {
            "Place": shown["name_en"],
            "地名": shown["name_zh"],
            "Level": shown["level"],
            "Province": shown["province"].map(
                lambda ps: ", ".join(provinces.get(p, p) for p in ps)
            ),
            "Programmes": shown["programmes"].map(lambda ps: "; ".join(names[p] for p in ps)),
        },
        index=shown.index,
    )


def render_places_table(dataset: Dataset, shown: pd.DataFrame, view: ViewState) -> None:
    """Table of the places on the map; selecting a row selects the place."""
    st.markdown(f"#### Places shown ({len(shown)})")
    frame = places_frame(dataset, shown.sort_values("name_en"))
    st.session_state[SHOWN_IDS] = list(frame.index)
    st.dataframe(
        frame,
        key=TABLE_KEY,
        on_select=_row_selected,
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
    )

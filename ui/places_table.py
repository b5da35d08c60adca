"""The accessible mirror of the map: a place picker and a table of the shown places."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from atlas.dataset import Dataset
from atlas.i18n import Translator
from atlas.names import Names
from atlas.view import ViewState
from ui import state
from ui.text import names_in

TABLE_KEY = "places_table"
SHOWN_IDS = "atlas_table_ids"


def _in_name_order(shown: pd.DataFrame, names: Names) -> list[str]:
    """Ids of the shown places, sorted by name in the chosen language."""
    here = set(shown.index.tolist())  # tolist: iterating an Arrow-backed index is slow
    return [pid for pid in names.sorted_places if pid in here]


PICKER_IDS = "atlas_picker_ids"


def _picked() -> None:
    picked = st.session_state[state.W_PLACE_PICKER]
    # After a language switch the browser may send the old label of the chosen entry,
    # which is no place id: keep the selection as it is then.
    if picked is None or picked in st.session_state.get(PICKER_IDS, ()):
        state.select_place(picked)


def render_place_picker(
    dataset: Dataset, shown: pd.DataFrame, view: ViewState, t: Translator
) -> ViewState:
    """A keyboard- and screen-reader-friendly way to select any shown place.

    Returns the view, with the place the browser holds if this run restores a session."""
    names = names_in(dataset, t)
    labels = names.places
    # A session restored after a failover may hold a place picked from the list as it was
    # before a filter change that the stopped process never answered: accept any place.
    ids = list(names.sorted_places) if state.restoring() else _in_name_order(shown, names)
    if view.place and view.place not in ids and view.place in labels:
        ids.insert(0, view.place)  # the selection stays visible even when filtered out
    shown_place = view.place if view.place in ids else None
    st.session_state[PICKER_IDS] = frozenset(ids)
    if not state.restoring():
        st.session_state[state.W_PLACE_PICKER] = shown_place
    none = t("picker.none")
    picked = st.selectbox(
        t("picker.label"),
        options=[None, *ids],
        format_func=lambda pid: none if pid is None else labels[pid],
        key=state.W_PLACE_PICKER,
        on_change=_picked,
    )
    if picked is not None and picked not in labels:
        picked = shown_place
    if state.apply_restored(picked != shown_place, lambda: state.select_place(picked)):
        return state.current_view()
    return view


def _row_selected() -> None:
    rows = st.session_state[TABLE_KEY].selection.rows
    ids = st.session_state.get(SHOWN_IDS, [])
    if rows and rows[0] < len(ids):
        state.select_place(ids[rows[0]])


def places_frame(dataset: Dataset, shown: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The table's columns, headed and worded in the chosen language."""
    first, second = ("name_zh", "name_en") if t.lang == "zh" else ("name_en", "name_zh")
    separator = t("format.list_separator")
    names = names_in(dataset, t)
    provinces, programmes = names.provinces, names.programmes
    levels = {level: t(f"level.{level}") for level in set(shown["level"])}
    return pd.DataFrame(
        {
            t("table.place"): shown[first],
            t("table.other_name"): shown[second],
            t("table.level"): shown["level"].map(levels),
            t("table.province"): [
                separator.join(provinces[p] for p in ps) for ps in shown["province"]
            ],
            t("table.programmes"): [
                separator.join(programmes[p] for p in ps) for ps in shown["programmes"]
            ],
        },
        index=shown.index,
    )


def render_places_table(dataset: Dataset, shown: pd.DataFrame, t: Translator) -> None:
    """Table of the places on the map; selecting a row selects the place.

    Collapsed, and drawn only once opened (a lazy expander): the picker above mirrors
    the map for keyboards and screen readers, the table is for reading the list.
    """
    # A constant label: the expander's identity includes it, so a count in it would
    # close the table whenever a filter changes.
    panel = st.expander(
        t("table.expander"), key=state.W_TABLE, on_change="rerun", icon=":material/table_view:"
    )
    if not panel.open:
        return
    panel.markdown(f"#### {t('table.title', count=len(shown))}")
    frame = places_frame(dataset, shown.loc[_in_name_order(shown, names_in(dataset, t))], t)
    st.session_state[SHOWN_IDS] = list(frame.index)
    panel.dataframe(
        frame,
        key=TABLE_KEY,
        on_select=_row_selected,
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
    )

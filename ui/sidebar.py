"""The shared sidebar: the filters that every page reads."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from atlas.dataset import Dataset
from atlas.filters import parse_batch_token
from atlas.view import BASEMAPS, FOCUS_VALUES, ViewOptions, ViewState
from ui import state

BASEMAP_LABELS = {
    "none": "None (province outlines only)",
    "osm": "OpenStreetMap",
    "positron": "CartoDB Positron",
}


def _programme_name(dataset: Dataset, programme: str) -> str:
    return str(dataset.programmes.at[programme, "name_en"])


def _batch_label(dataset: Dataset, token: str) -> str:
    programme, batch = parse_batch_token(token)
    return f"{_programme_name(dataset, programme)} · batch {batch}"


def render_filters(dataset: Dataset, options: ViewOptions, view: ViewState) -> ViewState:
    """Draw the filters and return the view they describe."""
    ss = st.session_state
    with st.sidebar:
        st.header("Filters")
        programmes = st.multiselect(
            "Pilot programme",
            options=list(options.programmes),
            format_func=lambda p: _programme_name(dataset, p),
            key=state.W_PROGRAMMES,
            placeholder="All programmes",
            help="Show places in any of these programmes. Empty shows every place.",
        )
        batch_choices = [
            token
            for token in options.batches
            if not programmes or parse_batch_token(token)[0] in programmes
        ]
        # Drop batches of programmes no longer chosen before the widget sees them.
        ss[state.W_BATCHES] = [b for b in ss.get(state.W_BATCHES, []) if b in batch_choices]
        batches = st.multiselect(
            "Batch",
            options=batch_choices,
            format_func=lambda t: _batch_label(dataset, t),
            key=state.W_BATCHES,
            placeholder="All batches",
            help="Narrow a programme that was announced in batches.",
        )
        province_ids = sorted(options.provinces, key=lambda p: dataset.provinces.at[p, "name_en"])
        province = st.selectbox(
            "Province",
            options=[state.ALL, *province_ids],
            format_func=lambda p: (
                "All provinces" if p == state.ALL else str(dataset.provinces.at[p, "name_en"])
            ),
            key=state.W_PROVINCE,
        )
        low, high = options.years
        if low < high:
            year_from, year_to = st.slider(
                "Year designated", min_value=low, max_value=high, key=state.W_YEARS
            )
        else:
            year_from, year_to = low, high
        search = st.text_input(
            "Search places",
            key=state.W_SEARCH,
            placeholder="Wuhan, 武汉, wuhan",
            max_chars=100,
            help="English name, Chinese name or pinyin.",
        )
        focus = st.radio(
            "Actions shown",
            options=[state.ALL, *FOCUS_VALUES],
            format_func=lambda f: {
                state.ALL: "Both",
                "mitigation": "Mitigation",
                "adaptation": "Adaptation",
            }[f],
            key=state.W_FOCUS,
            horizontal=True,
        )
        basemap = st.selectbox(
            "Basemap",
            options=list(BASEMAPS),
            format_func=BASEMAP_LABELS.__getitem__,
            key=state.W_BASEMAP,
            help="Tiles load from the internet; with none, the map shows province outlines.",
        )
    return replace(
        view,
        programmes=tuple(p for p in options.programmes if p in programmes),
        batches=tuple(b for b in options.batches if b in batches),
        province=None if province == state.ALL else province,
        year_from=year_from if year_from != low else None,
        year_to=year_to if year_to != high else None,
        search=search.strip(),
        focus=None if focus == state.ALL else focus,
        basemap=basemap,
    )

"""The shared sidebar: language and the filters that every page reads."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from atlas.dataset import Dataset
from atlas.filters import family_sizes, parse_batch_token
from atlas.i18n import LANGUAGE_NAMES, LANGUAGES, Translator
from atlas.view import FOCUS_VALUES, ViewOptions, ViewState
from ui import state
from ui.text import names_in, programme_name


def _batch_label(dataset: Dataset, t: Translator, token: str) -> str:
    programme, batch = parse_batch_token(token)
    return t("filters.batch.option", programme=programme_name(dataset, t, programme), batch=batch)


def render_filters(dataset: Dataset, options: ViewOptions, view: ViewState) -> ViewState:
    """Draw the language switch and the filters; return the view they describe."""
    ss = st.session_state
    t0 = Translator(view.lang)
    with st.sidebar:
        lang = st.segmented_control(
            t0("filters.language"),
            options=list(LANGUAGES),
            format_func=LANGUAGE_NAMES.__getitem__,
            key=state.W_LANG,
            required=True,
        )
        t = Translator(lang or view.lang)
        if t.lang != view.lang:
            # New labels make new widgets, which would start empty: carry the view over.
            state.seed_widgets(view, options)
        names = names_in(dataset, t)
        state.empty_find_if_asked()
        found = st.selectbox(
            t("find.label"),
            options=names.sorted_find,
            index=None,
            format_func=names.find.__getitem__,
            filter_mode="contains",  # a part of a name, not letters scattered through it
            key=state.W_FIND,
            placeholder=t("find.placeholder"),
            help=t("find.help"),
            on_change=state.found_place,
        )
        if state.apply_restored(found is not None, lambda: state.found_place_after_drawing(found)):
            view = replace(view, place=found)
        st.header(t("filters.header"), anchor=False)
        reset_slot = st.container()  # filled last, when it is known whether any filter is set
        sizes = family_sizes(dataset)  # counted once per dataset
        families = st.multiselect(
            t("filters.family"),
            options=list(options.families),
            format_func=lambda f: t(
                "filters.family.option", family=t(f"family.{f}"), count=sizes.get(f, 0)
            ),
            key=state.W_FAMILIES,
            placeholder=t("filters.family.placeholder"),
            help=t("filters.family.help"),
        )
        # Chosen families offer only their programmes and batches; a choice outside them
        # leaves (atlas.filters.within_families), so the two never contradict.
        offered = options.programmes_of(families)
        if families:
            state.keep_choices(state.W_PROGRAMMES, lambda p: p in offered)
            state.keep_choices(state.W_BATCHES, lambda b: parse_batch_token(b)[0] in offered)
        programmes = st.multiselect(
            t("filters.programme"),
            options=list(offered),
            format_func=names.programmes.__getitem__,
            key=state.W_PROGRAMMES,
            placeholder=t("filters.programme.placeholder"),
            help=t("filters.programme.help"),
        )
        # A chosen batch stands on its own (atlas.filters): it stays on offer when the
        # programmes change; other batches are offered for the chosen programmes.
        held = set(ss.get(state.W_BATCHES) or ())
        batch_choices = [
            token
            for token in options.batches
            if parse_batch_token(token)[0] in offered
            and (not programmes or parse_batch_token(token)[0] in programmes or token in held)
        ]
        batches = st.multiselect(
            t("filters.batch"),
            options=batch_choices,
            format_func=lambda token: _batch_label(dataset, t, token),
            key=state.W_BATCHES,
            placeholder=t("filters.batch.placeholder"),
            help=t("filters.batch.help"),
        )
        english = names_in(dataset, Translator("en")).provinces
        province_ids = sorted(options.provinces, key=english.__getitem__)
        province = st.selectbox(
            t("filters.province"),
            options=[state.ALL, *province_ids],
            format_func=lambda p: (
                t("filters.province.all") if p == state.ALL else names.provinces[p]
            ),
            key=state.W_PROVINCE,
        )
        low, high = options.years
        year_from, year_to = low, high
        if low < high:
            year_from, year_to = st.slider(
                t("filters.years"),
                min_value=low,
                max_value=high,
                # A range slider needs a pair; seeded widgets already hold one (and a
                # default beside a seeded value makes Streamlit warn).
                value=None if state.W_YEARS in ss else (low, high),
                key=state.W_YEARS,
            )
        search = st.text_input(
            t("filters.search"),
            key=state.W_SEARCH,
            placeholder=t("filters.search.placeholder"),
            max_chars=100,
            help=t("filters.search.help"),
        )
        focus = st.radio(
            t("filters.focus"),
            options=[state.ALL, *FOCUS_VALUES],
            format_func=lambda f: t(f"filters.focus.{f}"),
            key=state.W_FOCUS,
            horizontal=True,
        )
        basemap = st.selectbox(
            t("filters.basemap"),
            options=list(options.basemaps),
            format_func=lambda b: t(f"basemap.{b}"),
            key=state.W_BASEMAP,
            help=t("filters.basemap.help"),
        )
    chosen = replace(
        view,
        lang=t.lang,
        families=tuple(f for f in options.families if f in families),
        programmes=tuple(p for p in offered if p in programmes),
        batches=tuple(b for b in batch_choices if b in batches),
        province=None if province == state.ALL else province,
        year_from=year_from if year_from != low else None,
        year_to=year_to if year_to != high else None,
        search=search.strip(),
        focus=None if focus == state.ALL else focus,
        basemap=basemap,
    )
    with st.sidebar, reset_slot:
        st.button(
            t("filters.reset"),
            key=state.W_RESET,
            icon=":material/filter_alt_off:",
            on_click=state.reset_filters,
            args=(options,),
            disabled=not state.filters_active(chosen),
            help=t("filters.reset.help"),
        )
    return chosen

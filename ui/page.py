"""What every page does first: load the data, restore the view, draw the shared sidebar."""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from atlas.dataset import Dataset
from atlas.i18n import Translator, translator
from atlas.schema import DataError
from atlas.view import Notice, ViewOptions, ViewState
from ui import charts, data, state  # noqa: F401 (charts: enables the charts' Altair theme)
from ui.document import set_document_language
from ui.links import MAP_PAGE
from ui.sidebar import render_filters


@dataclass(frozen=True)
class PageContext:
    """The validated dataset, what a view may hold, the current view and its language."""

    dataset: Dataset
    options: ViewOptions
    view: ViewState
    t: Translator


def notice_text(notice: Notice, t: Translator) -> str:
    """One ignored link parameter, in the interface language."""
    detail = dict(notice.detail)
    if "what" in detail:
        detail["what"] = t(f"what.{detail['what']}")
    reason = t(f"notice.{notice.reason}", **detail)
    return t(
        "notice.line", parameter=notice.parameter, value=repr(notice.shown_value), reason=reason
    )


def open_page(name: str) -> PageContext:
    """Load, restore and draw the shared parts; stops the page with a readable error
    if the data does not validate.

    Called at the top of each page rather than once in app.py: widgets drawn before
    ``st.navigation`` are lost on reruns under AppTest, and the pages must be tested.
    """
    try:
        dataset = data.dataset()
    except DataError as error:
        st.error(state.current_translator()("error.data", folder=data.data_dir()))
        st.code(str(error), language=None)
        st.stop()
    options = data.options(dataset)
    state.initial_view(options)
    state.take_map_click(dataset.places.index)
    state.arrive_on_page(name, options)
    view = state.current_view()
    filtered = render_filters(dataset, options, view)
    if filtered.province != view.province:  # a province chosen: show it (or all of China)
        filtered = replace(filtered, lat=None, lon=None, zoom=None)
        state.move_map(("province", filtered.province) if filtered.province else ("china",))
    view = state.update_view(filtered)
    t = translator(view.lang)
    with st.sidebar:
        set_document_language(t)
    if state.take_jump_to_map() and name != "map":
        st.switch_page(MAP_PAGE)
    ignored = state.notices()
    if ignored:
        # st.warning renders Markdown: the values come from the link, so escape them.
        from atlas.escape import escape_markdown

        lines = "\n".join(f"- {escape_markdown(notice_text(n, t))}" for n in ignored)
        st.warning(f"**{t('notice.title')}**\n{lines}", icon=":material/warning:")
    return PageContext(dataset, options, view, t)

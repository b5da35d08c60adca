"""What every page does first: load the data, restore the view, draw the shared sidebar."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from atlas.dataset import Dataset
from atlas.schema import DataError
from atlas.view import ViewOptions, ViewState
from ui import data, state
from ui.sidebar import render_filters


@dataclass(frozen=True)
class PageContext:
    """The validated dataset, what a view may hold, and the current view."""

    dataset: Dataset
    options: ViewOptions
    view: ViewState


def open_page() -> PageContext:
    """Load, restore and draw the shared parts; stops the page with a readable error
    if the data does not validate.

    Called at the top of each page rather than once in app.py: widgets drawn before
    ``st.navigation`` are lost on reruns under AppTest, and the pages must be tested.
    """
    try:
        dataset = data.dataset()
    except DataError as error:
        st.error(
            f"The data in `{data.data_dir()}` does not validate, so the atlas cannot start. "
            "Run `python -m atlas validate` to see the same list."
        )
        st.code(str(error), language=None)
        st.stop()
    options = data.options()
    view = state.initial_view(options)
    view = state.update_view(render_filters(dataset, options, view))
    for notice in state.notices():
        st.warning(notice, icon="⚠️")
    return PageContext(dataset, options, view)

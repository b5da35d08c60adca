"""China Climate Pilot Atlas: entry point (page config, the process set-up, navigation)."""

from __future__ import annotations

import streamlit as st

from ui.process import prepare_process
from ui.shell import app_pages, the_app
from ui.state import current_translator

st.set_page_config(
    page_title=current_translator()("app.title"),
    page_icon="🗺️",
    layout="wide",
    # An embed (the share panel's snippet, ?embed=true) is the map and the panel: the
    # filters stay one click away behind the sidebar's arrow.
    initial_sidebar_state="collapsed" if st.context.is_embedded else "auto",
)


prepare_process()  # once per server process: assets, garbage collector, theme message
with the_app():
    st.navigation(app_pages(current_translator())).run()

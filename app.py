"""China Climate Pilot Atlas: entry point (page config, static assets, navigation)."""

from __future__ import annotations

import streamlit as st

from atlas.assets import ensure_static_assets
from ui.process import tune_collector
from ui.shell import app_pages, the_app
from ui.state import current_translator
from ui.theme_message import build_theme_once

st.set_page_config(
    page_title=current_translator()("app.title"),
    page_icon="🗺️",
    layout="wide",
    # An embed (the share panel's snippet, ?embed=true) is the map and the panel: the
    # filters stay one click away behind the sidebar's arrow.
    initial_sidebar_state="collapsed" if st.context.is_embedded else "auto",
)


@st.cache_resource(show_spinner=False)
def _assets_ready() -> bool:
    ensure_static_assets()  # once per server process; `make run` has usually done it
    return True


_assets_ready()
tune_collector()
build_theme_once()
with the_app():
    st.navigation(app_pages(current_translator())).run()

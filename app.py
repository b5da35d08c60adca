"""China Climate Pilot Atlas: entry point (page config, static assets, navigation)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from atlas.assets import ensure_static_assets
from ui.shell import the_app
from ui.state import current_translator

ROOT = Path(__file__).resolve().parent
# Each page opens with ui.shell.run_inside_the_app: Streamlit may run a file in pages/ on
# its own (a deep link before any run of this process called st.navigation).
PAGES = ROOT / "pages"

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
t = current_translator()
pages = [
    st.Page(PAGES / "map.py", title=t("nav.map"), icon="🗺️", default=True, url_path="map"),
    st.Page(
        PAGES / "programmes.py",
        title=t("nav.programmes"),
        icon="📋",
        url_path="programmes",
    ),
    st.Page(PAGES / "timeline.py", title=t("nav.timeline"), icon="📈", url_path="timeline"),
    st.Page(PAGES / "overlaps.py", title=t("nav.overlaps"), icon="🔀", url_path="overlaps"),
    st.Page(PAGES / "provinces.py", title=t("nav.provinces"), icon="🗾", url_path="provinces"),
    st.Page(PAGES / "compare.py", title=t("nav.compare"), icon="⚖️", url_path="compare"),
    st.Page(PAGES / "targets.py", title=t("nav.targets"), icon="🎯", url_path="targets"),
    st.Page(PAGES / "about.py", title=t("nav.about"), icon="ℹ️", url_path="about"),
]
with the_app():
    st.navigation(pages).run()

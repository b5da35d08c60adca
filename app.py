"""China Climate Pilot Atlas: entry point (page config, navigation, shared sidebar)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from atlas.assets import ensure_static_assets
from atlas.schema import DataError
from ui import data, state
from ui.sidebar import render_filters

ROOT = Path(__file__).resolve().parent

st.set_page_config(page_title="China Climate Pilot Atlas", page_icon="🗺️", layout="wide")


@st.cache_resource(show_spinner=False)
def _assets_ready() -> bool:
    ensure_static_assets()  # once per server process; `make` also does it
    return True


_assets_ready()

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
view = render_filters(dataset, options, view)
state.update_view(view)

pages = [
    st.Page(ROOT / "pages" / "map.py", title="Map", icon="🗺️", default=True, url_path="map"),
    st.Page(ROOT / "pages" / "about.py", title="About & data", icon="ℹ️", url_path="about"),
]
st.navigation(pages).run()
# Pages may change the selection; print the final view into the URL.
state.write_url(state.current_view())

"""Draw the map with streamlit-folium and turn its clicks into a selection."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st
import streamlit_folium

from atlas.coords import wgs84_to_gcj02
from atlas.dataset import Dataset, per_dataset
from atlas.i18n import Translator
from atlas.mapping import (
    BASEMAPS,
    NO_PROGRAMME_COLOUR,
    EncodedPlace,
    base_map,
    encode_places,
    places_layer,
    programme_colours,
)
from atlas.view import ViewState
from ui import data, state
from ui.text import names_in

MAP_HEIGHT = 560
# Only what we read: pans and zooms then cause no rerun.
RETURNED = ["last_active_drawing", "last_object_clicked_count"]


@per_dataset(maxsize=8)
def _encoded_places(dataset: Dataset, lang: str, gcj02: bool) -> dict[str, EncodedPlace]:
    """Every place's map feature in ``lang``, on WGS-84 or GCJ-02 tiles: built once, then
    each rerun only colours the shown ones."""
    geo = data.geo(dataset, gcj02)
    return encode_places(
        dataset.places,
        names_in(dataset, Translator(lang)).places,
        geo.shapes,
        shift=wgs84_to_gcj02 if gcj02 else None,
        shape_json=geo.shape_json,
    )


def render_map(dataset: Dataset, shown: pd.DataFrame, view: ViewState, t: Translator) -> None:
    """Draw the map of ``shown`` places; a click reruns the app, and
    :func:`ui.state.take_map_click` selects the place at the start of that run."""
    gcj02 = BASEMAPS[view.basemap].gcj02
    geo = data.geo(dataset, gcj02)
    colours = programme_colours(dataset.programmes["id"].tolist())
    names = names_in(dataset, t)
    legend = [(names.programmes[p], c) for p, c in colours.items()]
    legend.append((t("map.legend.none"), NO_PROGRAMME_COLOUR))
    fmap = base_map(
        geo.provinces,
        legend,
        t("map.legend.title"),
        view.basemap,
        attribution=t("map.attribution"),
        tile_key=data.tianditu_key(),
        base_url_path=st.get_option("server.baseUrlPath"),
        button_titles=(t("map.fullscreen"), t("map.reset")),
        provinces_url=data.provinces_url(dataset, gcj02),
    )
    layer = places_layer(
        shown, colours, _encoded_places(dataset, t.lang, gcj02), view.place, geo.outlines
    )
    center: Any = None
    if view.lat is not None and view.lon is not None:
        # The link stores WGS-84; on GCJ-02 tiles the map's own frame is shifted.
        center = list(wgs84_to_gcj02(view.lat, view.lon) if gcj02 else (view.lat, view.lon))
    streamlit_folium.st_folium(
        fmap,
        key=state.W_MAP,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=RETURNED,
        feature_group_to_add=layer,
        center=center,
        zoom=view.zoom,
        # st_folium renders the map either way; render=True first renders the whole HTML page
        # around it as well, which it then discards (same arguments sent, ~1 ms more per run).
        render=False,
    )

"""Draw the map with streamlit-folium and turn its clicks into a selection."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st
import streamlit_folium

from atlas.dataset import Dataset
from atlas.geo import GeoLayers
from atlas.mapping import (
    NO_PROGRAMME_COLOUR,
    base_map,
    parse_click,
    places_layer,
    programme_colours,
)
from atlas.view import ViewState
from ui import state

MAP_KEY = "atlas_map"
MAP_HEIGHT = 560
# Only what we read: pans and zooms then cause no rerun.
RETURNED = ["last_active_drawing", "last_object_clicked_count"]


def _click_from_state(known: frozenset[str]) -> None:
    """on_change callback: runs before the rerun, so the map draws the new selection."""
    result = st.session_state.get(MAP_KEY)
    state.apply_click(parse_click(result, known, state.last_click_count()))


def labels_en(dataset: Dataset) -> dict[str, str]:
    """Tooltip text of every place: English and Chinese name."""
    places = dataset.places
    return dict(zip(places.index, places["name_en"] + " · " + places["name_zh"], strict=True))


def render_map(dataset: Dataset, geo: GeoLayers, shown: pd.DataFrame, view: ViewState) -> None:
    """Draw the map of ``shown`` places; a click selects a place (and reruns once)."""
    colours = programme_colours(list(dataset.programmes["id"]))
    legend = [(dataset.programmes.at[p, "name_en"], c) for p, c in colours.items()]
    legend.append(("Not in any pilot programme", NO_PROGRAMME_COLOUR))
    fmap = base_map(geo.provinces, legend, "Programmes", view.basemap)
    layer = places_layer(shown, colours, labels_en(dataset), geo.shapes, view.place)
    known = frozenset(dataset.places.index)
    center: Any = [view.lat, view.lon] if view.lat is not None else None
    result = _st_folium(fmap, layer, center, view.zoom, known)
    # When no callback ran (e.g. under AppTest), interpret the returned value here.
    if state.apply_click(parse_click(result, known, state.last_click_count())):
        st.rerun()


def _st_folium(fmap: Any, layer: Any, center: Any, zoom: int | None, known: frozenset[str]) -> Any:
    return streamlit_folium.st_folium(
        fmap,
        key=MAP_KEY,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=RETURNED,
        feature_group_to_add=layer,
        center=center,
        zoom=zoom,
        on_change=lambda: _click_from_state(known),
    )

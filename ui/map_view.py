"""Draw the map with streamlit-folium and turn its clicks into a selection."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st
import streamlit_folium

from atlas.coords import wgs84_to_gcj02
from atlas.dataset import Dataset, per_dataset
from atlas.i18n import HTML_LANG, Translator
from atlas.mapping import (
    BASEMAPS,
    CHINA_CENTER,
    CHINA_ZOOM,
    LEGEND_RING,
    NO_PROGRAMME_COLOUR,
    EncodedPlace,
    base_map,
    encode_places,
    fit_view,
    legend_by_family,
    places_layer,
    programme_colours,
    programme_counts,
)
from atlas.view import ViewState
from ui import data, state
from ui.text import names_in

MAP_HEIGHT = 640
# Only what we read: a click, and where the map is after a move (for the link).
RETURNED = ["last_active_drawing", "last_object_clicked_count", "center", "zoom"]


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
        programme_counts=programme_counts(dataset.memberships),
    )


def render_map(dataset: Dataset, shown: pd.DataFrame, view: ViewState, t: Translator) -> None:
    """Draw the map of ``shown`` places; a click reruns the app, and
    :func:`ui.state.take_map_click` selects the place at the start of that run."""
    gcj02 = BASEMAPS[view.basemap].gcj02
    geo = data.geo(dataset, gcj02)
    programmes = dataset.programmes
    colours = programme_colours(programmes["id"].tolist(), programmes["family"].tolist())
    names = names_in(dataset, t)
    families = dict(zip(programmes["id"], programmes["family"], strict=True))
    family_names = {f: t(f"family.{f}") for f in set(families.values()) if f}
    # The ring first: it applies across families, and the list may scroll.
    legend = [(t("map.legend.ring"), LEGEND_RING)]
    legend += legend_by_family(colours, families, names.programmes, family_names)
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
        choose_title=t("map.choose"),
        lang=HTML_LANG[t.lang],
        zoom_titles=(t("map.zoom_in"), t("map.zoom_out")),
    )
    layer = places_layer(
        shown, colours, _encoded_places(dataset, t.lang, gcj02), view.place, geo.outlines
    )
    center: Any = None
    zoom = None
    target = map_target(dataset, view, state.take_map_move())
    if target is not None:
        lat, lon, zoom = target
        # Views are WGS-84; on GCJ-02 tiles the map's own frame is shifted.
        center = list(wgs84_to_gcj02(lat, lon) if gcj02 else (lat, lon))
    streamlit_folium.st_folium(
        fmap,
        key=state.W_MAP,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=RETURNED,
        feature_group_to_add=layer,
        center=center,
        zoom=zoom,
        # st_folium renders the map either way; render=True first renders the whole HTML page
        # around it as well, which it then discards (same arguments sent, ~1 ms more per run).
        render=False,
    )


def map_target(
    dataset: Dataset, view: ViewState, move: state.MapMove | None
) -> tuple[float, float, int] | None:
    """Centre (WGS-84) and zoom for a move the app asked for, or None to leave the map be.

    st_folium moves the map only when these differ from the last ones it was given, so a
    second request for the same place is nudged by a hair (1e-6 degrees, about 10 cm).
    """
    if move is None:
        return None
    kind, *rest = move
    target: tuple[float, float, int] | None = None
    if kind == "view" and view.lat is not None and view.lon is not None:
        target = (view.lat, view.lon, view.zoom or CHINA_ZOOM)
    elif kind == "china":
        target = (*CHINA_CENTER, CHINA_ZOOM)
    elif kind == "place" and rest and rest[0] in dataset.places.index:
        place = dataset.places.loc[rest[0]]
        geo = data.geo(dataset, False)
        shape = geo.shapes.get(rest[0]) or geo.outlines.get(rest[0])
        target = fit_view(
            (place["lat"], place["lon"]), place["level"], shape["geometry"] if shape else None
        )
    elif kind == "province" and rest:
        shape = next(
            (f for f in data.geo(dataset, False).provinces["features"]
             if f["properties"].get("id") == rest[0]),
            None,
        )  # fmt: skip
        if shape is not None:
            target = fit_view((0.0, 0.0), "province", shape["geometry"])
    if target is None:
        return None
    return target[0] + state.next_map_nudge() * 1e-6, target[1], target[2]

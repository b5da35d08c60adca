"""The map's component call (ui/map_view.py) sends what ``st_folium`` itself would send.

render_map keeps the base map's part of st_folium's work (it is the same on every rerun)
and builds only the places layer; these tests hold it to st_folium's own output, argument
by argument, for several basemaps, selections and hostile labels.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import streamlit_folium

from atlas.dataset import Dataset
from atlas.filters import shown_places
from atlas.geo import load_geo
from atlas.mapping import base_map, encode_places, layer_features, places_layer, programme_colours
from atlas.view import ViewState
from tests.factory import PROVINCES
from tests.hostile import HOSTILE
from ui import map_view, state

ROOT = Path(__file__).resolve().parent.parent
BLANK = re.compile(r"^[ \t]+$", re.MULTILINE)


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What reaches streamlit-folium's component, call by call."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kw: calls.append(kw))
    return calls


def _map(basemap: str, provinces_url: str | None) -> Any:
    return base_map(
        PROVINCES,
        [(HOSTILE[0], "#E69F00"), ("None", "#7F7F7F")],
        "Programmes",
        basemap,
        tile_key="k",
        provinces_url=provinces_url,
    )


@pytest.mark.parametrize(
    ("basemap", "provinces_url", "selected", "center", "zoom"),
    [
        ("none", "/app/static/generated/p.json", None, None, None),
        ("osm", None, 0, [30.5, 114.3], 8),
        ("tianditu", "/p.json", 1, None, None),
        ("autonavi", "/p.json", 2, [31.0, 121.0], 6),
    ],
)
def test_the_component_gets_what_st_folium_would_send(
    real: Dataset,
    sent: list[dict[str, Any]],
    basemap: str,
    provinces_url: str | None,
    selected: int | None,
    center: Any,
    zoom: int | None,
) -> None:
    dataset = real
    geo = load_geo(ROOT / "data")
    shown = shown_places(dataset, ViewState())
    colours = programme_colours(dataset.programmes["id"].tolist())
    labels = {pid: f"{HOSTILE[i % len(HOSTILE)]} {pid}" for i, pid in enumerate(shown.index)}
    encoded = encode_places(dataset.places, labels, geo.shapes, shape_json=geo.shape_json)
    # A region (drawn as its shape, with its outline) and points, selected or not.
    regions = [pid for pid in shown.index if pid in geo.shapes]
    place = None if selected is None else (regions + list(shown.index))[selected * 7]

    def layer() -> Any:
        features = layer_features(shown, colours, encoded)
        return places_layer(features, encoded, place, geo.outline_json)

    streamlit_folium.st_folium(
        _map(basemap, provinces_url),
        key=state.W_MAP,
        height=map_view.MAP_HEIGHT,
        use_container_width=True,
        returned_objects=map_view.RETURNED,
        feature_group_to_add=layer(),
        center=center,
        zoom=zoom,
        render=False,
    )
    base = map_view.base_parts(_map(basemap, provinces_url), state.W_MAP)
    map_view.component_args(base, layer(), center, zoom)
    theirs, ours = sent
    assert set(theirs) == set(ours)
    for name in theirs:
        if name not in ("on_change", "feature_group"):
            # The browser gets each argument as JSON: a tuple here is st_folium's list there.
            assert json.dumps(ours[name]) == json.dumps(theirs[name]), name
    # ... and Streamlit need not ask of a list whether it is a table (is_dataframe_like).
    assert not any(isinstance(value, list) for value in ours.values())
    # st_folium's dedent changes nothing but blank lines: they keep their spaces here.
    assert BLANK.sub("", ours["feature_group"]) == theirs["feature_group"]
    assert ours["feature_group"] != theirs["feature_group"]  # the pass is skipped indeed
    assert not any(h in ours["feature_group"] for h in HOSTILE if "<" in h)  # escaped
    # The same base parts serve every rerun: a second layer needs no new base map.
    map_view.component_args(base, layer(), None, None)
    assert sent[2]["script"] == theirs["script"] and sent[2]["key"] == theirs["key"]


def test_the_legend_lists_only_programmes_with_places(real: Dataset) -> None:
    # The low-carbon communities have no sourced member, so no marker: no legend entry either.
    assert "low-carbon-community" not in set(real.memberships["programme"])
    script = map_view._base(real, "en", "none", None, "").script
    held = real.programmes.loc[sorted(set(real.memberships["programme"]))]
    assert all(name in script for name in held["name_en"])
    assert real.programmes.at["low-carbon-community", "name_en"] not in script

"""The shapes the map draws: province outlines and the outlines of pilot places.

Both live as small WGS-84 GeoJSON files under ``data/geo/``, built by
``python -m atlas.geometry`` from boundary data; the app only reads them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from atlas.schema import Problem

GEO_DIR = "geo"
PROVINCES_FILE = "provinces.geojson"
SHAPES_FILE = "shapes.geojson"
OUTLINES_FILE = "outlines.geojson"

Feature = dict[str, Any]


@dataclass(frozen=True)
class GeoLayers:
    """Province outlines, clickable place shapes, and outlines to draw around a selection."""

    provinces: dict[str, Any] = field(
        default_factory=lambda: {"type": "FeatureCollection", "features": []}
    )
    shapes: dict[str, Feature] = field(default_factory=dict)
    outlines: dict[str, Feature] = field(default_factory=dict)  # drawn for the selection only
    problems: tuple[Problem, ...] = ()
    # Each shape's and outline's geometry as JSON, encoded once: the map sends the shapes on
    # every rerun, and the selected place's outline on each of its reruns.
    shape_json: dict[str, str] = field(init=False, repr=False, compare=False)
    outline_json: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "shape_json", _geometry_json(self.shapes))
        object.__setattr__(self, "outline_json", _geometry_json(self.outlines))


def _geometry_json(features: Mapping[str, Feature]) -> dict[str, str]:
    return {
        pid: json.dumps(f.get("geometry"), ensure_ascii=False, separators=(",", ":"))
        for pid, f in features.items()
    }


def _read_collection(path: Path, problems: list[Problem]) -> list[Feature]:
    if not path.exists():
        return []
    name = f"{GEO_DIR}/{path.name}"
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(Problem(name, f"is not valid GeoJSON: {exc}"))
        return []
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        problems.append(Problem(name, "is not a GeoJSON FeatureCollection"))
        return []
    features = [f for f in data.get("features", []) if isinstance(f, dict)]
    for index, feature in enumerate(features):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            problems.append(Problem(name, f"feature {index} is not a polygon"))
    return features


def load_geo(data_dir: Path) -> GeoLayers:
    """Read the shapes of a data folder; missing files give empty layers, not an error."""
    problems: list[Problem] = []
    geo = data_dir / GEO_DIR
    provinces = _read_collection(geo / PROVINCES_FILE, problems)
    # Largest first, the order they are drawn in: a city inside a province stays clickable.
    features = sorted(
        (
            f
            for f in _read_collection(geo / SHAPES_FILE, problems)
            if f.get("properties", {}).get("id")
        ),
        key=lambda f: -bbox_area(f.get("geometry") or {}),
    )
    shapes = {str(f["properties"]["id"]): f for f in features}
    outlines = {
        str(f["properties"]["id"]): f
        for f in _read_collection(geo / OUTLINES_FILE, problems)
        if f.get("properties", {}).get("id")
    }
    return GeoLayers(
        provinces={"type": "FeatureCollection", "features": provinces},
        shapes=shapes,
        outlines=outlines,
        problems=tuple(problems),
    )


def bbox_area(geometry: Mapping[str, Any]) -> float:
    """Area of the bounding box in square degrees, enough to order shapes for drawing."""
    xs: list[float] = []
    ys: list[float] = []

    def walk(coords: Any) -> None:
        if coords and isinstance(coords[0], (int, float)):
            xs.append(coords[0])
            ys.append(coords[1])
        else:
            for c in coords:
                walk(c)

    walk(geometry.get("coordinates", []))
    return (max(xs) - min(xs)) * (max(ys) - min(ys)) if xs else 0.0


Shift = Callable[[float, float], tuple[float, float]]


def _shift_coords(coords: Any, shift: Shift) -> Any:
    if coords and isinstance(coords[0], (int, float)):
        lat, lon = shift(coords[1], coords[0])
        return [round(lon, 5), round(lat, 5)]
    return [_shift_coords(c, shift) for c in coords]


def shift_feature(feature: Feature, shift: Shift) -> Feature:
    """A copy of a feature with every coordinate moved by ``shift(lat, lon)``."""
    geometry = feature.get("geometry") or {}
    moved = {**geometry, "coordinates": _shift_coords(geometry.get("coordinates", []), shift)}
    return {**feature, "geometry": moved}


def shifted(layers: GeoLayers, shift: Shift) -> GeoLayers:
    """All shapes moved, e.g. into GCJ-02 to sit on AutoNavi's tiles."""
    return GeoLayers(
        provinces={
            "type": "FeatureCollection",
            "features": [shift_feature(f, shift) for f in layers.provinces["features"]],
        },
        shapes={pid: shift_feature(f, shift) for pid, f in layers.shapes.items()},
        outlines={pid: shift_feature(f, shift) for pid, f in layers.outlines.items()},
        problems=layers.problems,
    )

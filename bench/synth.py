"""Synthetic atlas data folders of any size, generated with a fixed seed.

A synthetic folder is the real data grown to ``size`` places: every real row is kept (so
regions, members and shapes stay valid) and generated places are added. Each generated place
lies inside its province's outline in ``geo/provinces.geojson``, has Chinese and pinyin names,
belongs to real programmes and batches (each membership copies a real row's batch, year,
notice and sources), and may have a summary and actions copied from real rows, so texts have
realistic lengths and every source id resolves. ``provinces``, ``programmes``, ``sources``
and ``geo/`` are copied unchanged.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from shapely.geometry import Point, shape
from shapely.prepared import prep

from atlas.dataset import DEFAULT_DATA_DIR, split_list
from atlas.schema import ACTIONS, MEMBERSHIPS, PLACES

SEED = 20260101
COPIED = ("provinces.csv", "programmes.csv", "sources.csv")
# Common characters of Chinese place names, with their pinyin.
SYLLABLES = (
    ("安", "an"), ("宝", "bao"), ("北", "bei"), ("滨", "bin"), ("昌", "chang"),
    ("城", "cheng"), ("川", "chuan"), ("春", "chun"), ("大", "da"), ("德", "de"),
    ("东", "dong"), ("丰", "feng"), ("福", "fu"), ("广", "guang"), ("海", "hai"),
    ("河", "he"), ("湖", "hu"), ("华", "hua"), ("佳", "jia"), ("江", "jiang"),
    ("金", "jin"), ("京", "jing"), ("康", "kang"), ("兰", "lan"), ("丽", "li"),
    ("临", "lin"), ("龙", "long"), ("鲁", "lu"), ("美", "mei"), ("明", "ming"),
    ("南", "nan"), ("宁", "ning"), ("平", "ping"), ("清", "qing"), ("庆", "qing"),
    ("山", "shan"), ("寿", "shou"), ("顺", "shun"), ("泰", "tai"), ("天", "tian"),
    ("通", "tong"), ("武", "wu"), ("西", "xi"), ("兴", "xing"), ("阳", "yang"),
    ("永", "yong"), ("源", "yuan"), ("云", "yun"), ("州", "zhou"), ("珠", "zhu"),
)  # fmt: skip
# Generated levels, their weights, Chinese suffix and English suffix.
LEVELS = {
    "city": (0.45, "市", ""),
    "county": (0.25, "县", " County"),
    "district": (0.15, "区", " District"),
    "park": (0.10, "经济开发区", " Economic Development Zone"),
    "town": (0.05, "镇", " Town"),
}
# Which programmes a generated place of each level may join.
PARK_PROGRAMMES = frozenset({"carbon-peaking-pilot", "low-carbon-industrial-park"})
TOWN_PROGRAMMES = frozenset({"low-carbon-town"})
MAX_TRIES = 1000  # bound on every rejection-sampling loop


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows({c: row.get(c, "") for c in columns} for row in rows)


class _Sampler:
    """Random points inside each province's outline."""

    def __init__(self, provinces_geojson: Path, rng: random.Random) -> None:
        features = json.loads(provinces_geojson.read_text(encoding="utf-8-sig"))["features"]
        self.rng = rng
        self.shapes: dict[str, Any] = {}
        for feature in features:
            geometry = shape(feature["geometry"])
            self.shapes[str(feature["properties"]["id"])] = (geometry, prep(geometry))

    def point(self, province: str) -> tuple[float, float]:
        """A (lat, lon) inside ``province``, by rejection from its bounding box."""
        geometry, prepared = self.shapes[province]
        west, south, east, north = geometry.bounds
        for _ in range(MAX_TRIES):
            lon, lat = self.rng.uniform(west, east), self.rng.uniform(south, north)
            if prepared.contains(Point(lon, lat)):
                return round(lat, 4), round(lon, 4)
        fallback = geometry.representative_point()
        return round(fallback.y, 4), round(fallback.x, 4)


class _Names:
    """Unique (level, Chinese name) pairs with matching pinyin."""

    def __init__(self, taken: set[tuple[str, str]], rng: random.Random) -> None:
        self.taken = set(taken)
        self.rng = rng

    def new(self, level: str) -> tuple[str, str, str]:
        """Chinese name, English name and pinyin stem of a new place of ``level``."""
        _weight, suffix_zh, suffix_en = LEVELS[level]
        for _ in range(MAX_TRIES):
            picks = self.rng.choices(SYLLABLES, k=self.rng.choice((2, 3, 3)))
            stem_zh = "".join(zh for zh, _py in picks)
            stem = "".join(py for _zh, py in picks)
            key = (level, stem_zh + suffix_zh)
            if key not in self.taken:
                self.taken.add(key)
                return key[1], stem.capitalize() + suffix_en, stem
        raise RuntimeError(f"no unused {level} name after {MAX_TRIES} tries")


def generate(size: int, target: Path, seed: int = SEED, source: Path = DEFAULT_DATA_DIR) -> Path:
    """Write a data folder of ``size`` places (real ones first) into ``target``; return it."""
    rng = random.Random(seed)
    places = _read(source / "places.csv")
    memberships = _read(source / "memberships.csv")
    actions = _read(source / "actions.csv")
    if size < len(places):
        raise ValueError(f"size {size} is below the {len(places)} real places")
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copyfile(source / name, target / name)
    shutil.copytree(source / "geo", target / "geo", dirs_exist_ok=True)

    sampler = _Sampler(source / "geo" / "provinces.geojson", rng)
    # More generated places where the real pilots are, as in the real map.
    weights = Counter(p for row in places for p in split_list(row["province"]))
    provinces = sorted(sampler.shapes)
    province_weights = [weights[p] + 1 for p in provinces]
    names = _Names({(row["level"], row["name_zh"]) for row in places}, rng)
    summaries = [row for row in places if row["summary_en"]]
    levels = list(LEVELS)
    level_weights = [LEVELS[level][0] for level in levels]
    cities: dict[str, list[dict[str, str]]] = {}

    new_places: list[dict[str, str]] = []
    new_memberships: list[dict[str, str]] = []
    new_actions: list[dict[str, str]] = []
    for index in range(size - len(places)):
        level = rng.choices(levels, level_weights)[0]
        province = rng.choices(provinces, province_weights)[0]
        name_zh, name_en, stem = names.new(level)
        row = {
            "id": f"{stem}-{index + 1}",
            "name_en": name_en,
            "name_zh": name_zh,
            "level": level,
            "province": province,
            "coord_method": "boundary",
        }
        parents = cities.get(province, [])
        if level in ("park", "town") and parents and rng.random() < 0.5:
            parent = rng.choice(parents)  # drawn at its city's point, as in the real data
            row.update(lat=parent["lat"], lon=parent["lon"], coord_method="parent")
            row["within_zh"] = parent["name_zh"]
        else:
            lat, lon = sampler.point(province)
            row.update(lat=f"{lat:.4f}", lon=f"{lon:.4f}")
            if level != "city" and parents:
                row["within_zh"] = rng.choice(parents)["name_zh"]
        if summaries and rng.random() < 0.35:
            donor = rng.choice(summaries)
            for column in ("summary_en", "summary_zh", "summary_source_ids"):
                row[column] = donor[column]
        if level == "city":
            cities.setdefault(province, []).append(row)
        new_places.append(row)
        new_memberships += _memberships(row, memberships, rng)
        for donor in rng.choices(actions, k=min(6, int(rng.expovariate(1 / 1.5)))):
            new_actions.append({**donor, "place_id": row["id"]})

    _write(target / "places.csv", PLACES.column_names, places + new_places)
    _write(target / "memberships.csv", MEMBERSHIPS.column_names, memberships + new_memberships)
    _write(target / "actions.csv", ACTIONS.column_names, actions + new_actions)
    return target


def _memberships(
    place: dict[str, str], real: list[dict[str, str]], rng: random.Random
) -> list[dict[str, str]]:
    """Zero to three memberships, each a copy of a real row of a programme open to the level."""
    if rng.random() < 0.05:
        return []
    if place["level"] == "park":
        pool = [m for m in real if m["programme"] in PARK_PROGRAMMES]
    elif place["level"] == "town":
        pool = [m for m in real if m["programme"] in TOWN_PROGRAMMES]
    else:
        pool = [m for m in real if m["programme"] not in PARK_PROGRAMMES | TOWN_PROGRAMMES]
    wanted = rng.choices((1, 2, 3), (0.75, 0.2, 0.05))[0]
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for template in rng.choices(pool, k=wanted):
        key = (template["programme"], template["batch"])
        rows[key] = {**template, "place_id": place["id"], "note": ""}
    return list(rows.values())

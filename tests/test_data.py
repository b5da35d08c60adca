"""The shipped dataset: official sizes, seed panels, coordinates inside their provinces."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from atlas.schema import TABLES

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [
    "shenzhen",
    "wuhan",
    "changsha-zhuzhou-xiangtan",
    "changsha",
    "zhuzhou",
    "xiangtan",
    "qingdao",
    "lishui",
    "zhenjiang",
    "qinghai-tibet-plateau",
    "beijing-tianjin-hebei",
    "hunan",
]

# (programme, batch) -> (official size, size in this dataset). Where they differ, data/README.md
# says why ("Coverage against the official sizes"); closing a gap means updating both.
SIZES = {
    ("low-carbon-pilot", 1): (13, 13),
    ("low-carbon-pilot", 2): (29, 29),
    ("low-carbon-pilot", 3): (45, 45),
    ("climate-adaptive-city", None): (28, 28),
    ("climate-adaptive-deepening", None): (39, 25),
    ("ets-pilot", None): (8, 8),
    ("carbon-peaking-pilot", 1): (35, 35),
    ("carbon-peaking-pilot", 2): (27, 3),
    ("carbon-peaking-pilot", None): (None, 2),  # 2025 designations whose batch is not stated
    ("low-carbon-industrial-park", 1): (55, 5),
    ("low-carbon-town", None): (8, 4),
    ("climate-finance-pilot", 1): (23, 23),
    ("zero-carbon-park", 1): (52, 21),
    ("sponge-city-pilot", 1): (16, 16),
    ("sponge-city-pilot", 2): (14, 14),
    ("sponge-city-demonstration", 1): (20, 20),
    ("sponge-city-demonstration", 2): (25, 25),
    ("sponge-city-demonstration", 3): (15, 15),
    # 21 cities + 43 industrial parks (MEE list of 2024-01-15); found 8 cities and 12 parks.
    ("pollution-carbon-synergy-pilot", 1): (64, 22),
    # low-carbon-community: no national list of named communities exists; none is sourced.
}


def test_sizes_per_programme_and_batch(real) -> None:
    m = real.memberships
    found = {
        (p, None if b is None or b != b else int(b)): n
        for (p, b), n in m.groupby(["programme", m["batch"].astype("object")], dropna=False)
        .size()
        .items()
    }
    assert found == {key: have for key, (_official, have) in SIZES.items()}


def test_sizes_file_gives_the_official_sizes_encoded_here(real) -> None:
    # data/sizes.csv (what the Programmes and About pages show) against the numbers above.
    sizes = real.sizes
    given = {
        (p, None if pd.isna(b) else int(b)): int(n)
        for p, b, n in zip(sizes["programme"], sizes["batch"], sizes["official_size"], strict=True)
    }
    assert given == {key: official for key, (official, _) in SIZES.items() if official}


def test_official_sizes_are_documented_where_they_differ() -> None:
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for (programme, _batch), (official, have) in SIZES.items():
        if official is not None and official != have:
            assert f"| `{programme}` |" in readme
            assert f"| {have} |" in readme or f"| {have}," in readme, (programme, have)


def test_first_batch_is_five_provinces_and_eight_cities(real) -> None:
    m = real.memberships
    batch1 = m[(m["programme"] == "low-carbon-pilot") & (m["batch"] == 1)]["place_id"]
    levels = real.places.loc[batch1, "level"].value_counts().to_dict()
    assert levels == {"province": 5, "city": 8}


def test_carbon_peaking_first_batch_is_25_cities_and_10_parks(real) -> None:
    m = real.memberships
    batch1 = m[(m["programme"] == "carbon-peaking-pilot") & (m["batch"] == 1)]["place_id"]
    levels = real.places.loc[batch1, "level"]
    assert (levels == "city").sum() == 25
    # Xixian New Area is a 新区 (level district) counted among the ten parks by the notice.
    assert (levels != "city").sum() == 10


def test_climate_finance_pilots_are_12_cities_and_11_districts_and_new_areas(real) -> None:
    # The notice: 12 cities, 4 districts and 7 state-level new areas (new areas are districts).
    m = real.memberships
    members = m[m["programme"] == "climate-finance-pilot"]["place_id"]
    levels = real.places.loc[members, "level"].value_counts().to_dict()
    assert levels == {"city": 12, "district": 11}


def test_every_programme_has_a_row_in_the_sizes_table() -> None:
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    sizes = readme.split("## Coverage against the official sizes")[1].split("\n## ")[0]
    programmes = (ROOT / "data" / "programmes.csv").read_text(encoding="utf-8").splitlines()[1:]
    for line in programmes:
        assert f"| `{line.split(',')[0]}` |" in sizes, line.split(",")[0]


def test_ets_pilots_record_when_trading_began(real) -> None:
    ets = real.memberships[real.memberships["programme"] == "ets-pilot"]
    assert set(ets["place_id"]) == {
        "beijing",
        "tianjin",
        "shanghai",
        "chongqing",
        "hubei",
        "guangdong",
        "shenzhen",
        "fujian",
    }
    assert (ets["started"].str.len() == 10).all()


@pytest.mark.parametrize("place_id", SEEDS)
def test_seed_places_have_rich_panels(real, place_id: str) -> None:
    place = real.places.loc[place_id]
    assert place["summary_en"] and place["summary_zh"] and place["summary_source_ids"]
    actions = real.actions[real.actions["place_id"] == place_id]
    assert (actions["kind"] == "mitigation").sum() >= 3
    assert (actions["kind"] == "adaptation").sum() >= 2


def test_every_membership_and_action_cites_a_source(real) -> None:
    assert real.memberships["source_ids"].map(len).min() >= 1
    assert real.actions["source_ids"].map(len).min() >= 1


def test_every_point_lies_in_its_province(real) -> None:
    shapely = pytest.importorskip("shapely")
    from shapely.geometry import Point, shape

    data = json.loads((ROOT / "data" / "geo" / "provinces.geojson").read_text(encoding="utf-8"))
    provinces = {f["properties"]["id"]: shape(f["geometry"]) for f in data["features"]}
    assert len(provinces) == 34
    outside = []
    for place in real.places.itertuples():
        point = Point(place.lon, place.lat)
        # Simplified outlines can shave a coastal point off: allow ~5 km.
        if not any(provinces[p].buffer(0.05).contains(point) for p in place.province):
            outside.append(place.id)
    assert outside == [], shapely.__version__


def test_shapes_exist_for_groups_and_pilot_provinces(real) -> None:
    data = json.loads((ROOT / "data" / "geo" / "shapes.geojson").read_text(encoding="utf-8"))
    ids = {f["properties"]["id"] for f in data["features"]}
    wanted = set(
        real.places.index[real.places["level"].isin(["province", "region", "agglomeration"])]
    )
    assert wanted == ids


def test_data_readme_documents_every_column() -> None:
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        assert f"`{table.filename}`" in readme
        for column in table.column_names:
            assert f"`{column}`" in readme, (table.filename, column)


def test_research_notes_are_linked() -> None:
    assert (ROOT / "data" / "GAPS.md").exists()


def test_coverage_floors_hold(real) -> None:
    # Floors over all places (issue 15); raise them as content grows, never lower them
    # (except where a merge adds places that lack actions: the two-action floor was set to
    # the measured 85% when the 14 synergy-pilot places of issue 16 came in, 2026-12-01,
    # and data/README.md lists each place short of actions).
    from atlas.coverage import TOTAL, coverage

    rows = {r.programme: r for r in coverage(real)}
    total = rows[TOTAL]
    assert total.share(total.summaries) >= 0.95
    assert total.share(total.owed_one) >= 0.96  # 96.3% after passes r23b-c (2026-12-02)
    assert total.share(total.owed_two) >= 0.91  # 91.4% after them (85% before)
    assert total.with_target >= 50
    assert total.own_site / total.sources >= 0.25
    assert len(real.targets) >= 60


def test_rows_backed_by_a_non_copy_source_do_not_fall(real) -> None:
    # Floors at the values of 2026-12-01 (rounded down) once the four new programmes of
    # issue 16 (67 places, their lists read mostly as reposts) had been merged; raise them as
    # copies are replaced by the publishers' own pages.
    from atlas.coverage import source_backing

    shares = {r.table: r.share for r in source_backing(real)}
    assert shares["memberships"] >= 0.48  # (a content farm counted as own-site: dropped)
    assert shares["actions"] >= 0.30
    assert shares["targets"] >= 0.29
    assert shares["summaries"] >= 0.51


def test_every_programme_says_what_it_asks_of_its_pilots(real) -> None:
    assert set(real.programmes["focus"]) <= {"mitigation", "adaptation", "both"}
    assert real.programmes.at["climate-adaptive-city", "focus"] == "adaptation"


def test_no_place_lists_the_same_action_twice(real) -> None:
    # Shenzhen's list once repeated "carbon market opens" (2013) and a solar item (2024).
    seen: set[tuple[str, str, str]] = set()
    for place, kind, title in zip(
        real.actions["place_id"], real.actions["kind"], real.actions["title_en"], strict=True
    ):
        key = (place, kind, title.strip().lower())
        assert key not in seen, key
        seen.add(key)


def test_data_readme_carries_the_current_coverage(real) -> None:
    from atlas.coverage import backing_table, coverage, coverage_table, source_backing

    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert coverage_table(coverage(real)) in readme
    assert backing_table(source_backing(real)) in readme


def test_readers_see_no_curators_notes_in_source_lines(real) -> None:
    # Notes such as "(repost on example.com)" or "[title not stored]" belong in `note`:
    # readers see the publisher and title, and the copy is marked from `copy` and the url.
    internal = re.compile(
        r"repost|\bvia\b|mirror|not (?:shown|named|stated|stored)|unidentified|\[title", re.I
    )
    sources = real.sources
    shown = sources["publisher"].fillna("") + " | " + sources["title"].fillna("")
    leaks = sources.loc[shown.str.contains(internal), "id"].tolist()
    assert leaks == []

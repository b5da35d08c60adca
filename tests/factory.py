"""Small, valid data folders for tests, written as CSV like a contributor would."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from atlas.schema import TABLES

PROVINCES = [
    {"id": "hubei", "name_en": "Hubei", "name_zh": "湖北省", "adcode": "420000"},
    {"id": "guangdong", "name_en": "Guangdong", "name_zh": "广东省", "adcode": "440000"},
    {"id": "hunan", "name_en": "Hunan", "name_zh": "湖南省", "adcode": "430000"},
]
PROGRAMMES = [
    {
        "id": "low-carbon-pilot",
        "name_en": "Low-carbon pilots",
        "name_zh": "低碳试点",
        "agency": "NDRC",
        "first_year": "2010",
        "description_en": "Cities plan low-carbon growth.",
        "description_zh": "城市规划低碳发展。",
        "source_ids": "notice-a",
        "focus": "mitigation",
    },
    {
        "id": "ets-pilot",
        "name_en": "ETS pilots",
        "name_zh": "碳交易试点",
        "agency": "NDRC",
        "first_year": "2011",
        "description_en": "Regional carbon markets.",
        "description_zh": "地方碳市场。",
        "source_ids": "notice-b",
        "focus": "mitigation",
    },
]
SOURCES = [
    {
        "id": "notice-a",
        "title": "通知甲",
        "publisher": "NDRC",
        "date": "2010-07-19",
        "url": "https://example.org/a",
        "language": "zh",
        "supports": "",
    },
    {
        "id": "notice-b",
        "title": "Notice B",
        "publisher": "NDRC",
        "date": "2011",
        "url": "https://example.org/b",
        "language": "en",
        "supports": "",
    },
]


def place(pid: str, name_en: str, name_zh: str, **extra: str) -> dict[str, str]:
    row = {
        "id": pid,
        "name_en": name_en,
        "name_zh": name_zh,
        "level": "city",
        "province": "hubei",
        "adcode": "",
        "lat": "30.5",
        "lon": "114.3",
        "coord_method": "boundary",
        "within_zh": "",
        "members": "",
        "summary_en": "",
        "summary_zh": "",
        "summary_source_ids": "",
    }
    row.update(extra)
    return row


PLACES = [
    place(
        "wuhan",
        "Wuhan",
        "武汉市",
        summary_en="A city.",
        summary_zh="一座城市。",
        summary_source_ids="notice-a",
    ),
    place("shenzhen", "Shenzhen", "深圳市", province="guangdong", lat="22.6", lon="114.1"),
    place("changsha", "Changsha", "长沙市", province="hunan", lat="28.2", lon="112.9"),
    place(
        "czt",
        "Changsha group",
        "长株潭",
        level="agglomeration",
        province="hunan",
        lat="27.9",
        lon="113.0",
        coord_method="region",
        members="changsha",
    ),
]
MEMBERSHIPS = [
    {
        "place_id": "wuhan",
        "programme": "low-carbon-pilot",
        "batch": "2",
        "year": "2012",
        "notice": "发改气候〔2012〕3760号",
        "peak_year": "",
        "started": "",
        "source_ids": "notice-a",
        "note": "",
    },
    {
        "place_id": "shenzhen",
        "programme": "low-carbon-pilot",
        "batch": "1",
        "year": "2010",
        "notice": "",
        "peak_year": "2020",
        "started": "",
        "source_ids": "notice-a",
        "note": "",
    },
    {
        "place_id": "shenzhen",
        "programme": "ets-pilot",
        "batch": "",
        "year": "2011",
        "notice": "",
        "peak_year": "",
        "started": "2013-06-18",
        "source_ids": "notice-b",
        "note": "",
    },
    {
        "place_id": "changsha",
        "programme": "low-carbon-pilot",
        "batch": "3",
        "year": "2017",
        "notice": "",
        "peak_year": "2025",
        "started": "",
        "source_ids": "notice-a",
        "note": "",
    },
]
ACTIONS = [
    {
        "place_id": "wuhan",
        "kind": "mitigation",
        "year": "2017",
        "theme": "energy",
        "title_en": "Peak plan",
        "title_zh": "达峰计划",
        "detail_en": "Peak by 2022.",
        "detail_zh": "2022年达峰。",
        "source_ids": "notice-a",
    },
    {
        "place_id": "wuhan",
        "kind": "adaptation",
        "year": "2015",
        "theme": "water",
        "title_en": "Sponge city",
        "title_zh": "海绵城市",
        "detail_en": "",
        "detail_zh": "",
        "source_ids": "notice-b",
    },
]
TARGETS = [
    {
        "place_id": "wuhan",
        "metric": "co2-peak-year",
        "value": "2025",
        "unit": "year",
        "document": "Wuhan peak plan",
        "source_ids": "notice-a",
    },
]
# Official list sizes: batch 1 of the low-carbon pilots is incomplete here (1 of 13), the
# emissions-trading pilots' list complete (1 of 1).
SIZES = [
    {
        "programme": "low-carbon-pilot",
        "batch": "1",
        "official_size": "13",
        "source_ids": "notice-a",
    },
    {"programme": "ets-pilot", "batch": "", "official_size": "1", "source_ids": "notice-b"},
]

ROWS = {
    "sizes": SIZES,
    "targets": TARGETS,
    "provinces": PROVINCES,
    "programmes": PROGRAMMES,
    "sources": SOURCES,
    "places": PLACES,
    "memberships": MEMBERSHIPS,
    "actions": ACTIONS,
}


def csv_text(rows: list[dict[str, str]], columns: list[str]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_dataset(directory: Path, **overrides: list[dict[str, str]]) -> Path:
    """Write a valid data folder; ``overrides`` replaces the rows of named tables."""
    directory.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        rows = overrides.get(table.name, ROWS[table.name])
        (directory / table.filename).write_text(
            csv_text(rows, list(table.column_names)), encoding="utf-8"
        )
    return directory


# One province (Hubei) as a GeoJSON collection, for map tests.
PROVINCES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"id": "hubei"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[108, 29], [116, 29], [116, 33], [108, 29]]],
            },
        }
    ],
}

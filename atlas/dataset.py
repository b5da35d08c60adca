"""Load and validate a data folder into a :class:`Dataset`.

Every problem is collected before failing, so a contributor sees the whole
list at once; each names the file, the row (line number, header = 1) and the
column. Valid variations of CSV (a UTF-8 byte-order mark, Windows line
endings) load as usual. Nothing here ever writes to the data folder.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from atlas.schema import (
    ACTIONS,
    CHINA_LAT,
    CHINA_LON,
    GROUP_LEVELS,
    MEMBERSHIPS,
    METRICS,
    PLACES,
    PROGRAMMES,
    SIZES,
    TABLES,
    TARGETS,
    Column,
    DataError,
    Kind,
    Problem,
    Table,
)

T = TypeVar("T")

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DATA_DIR_ENV = "ATLAS_DATA_DIR"

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_DATE = re.compile(r"^[0-9]{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12][0-9]|3[01]))?)?$", re.ASCII)
_ADCODE = re.compile(r"^[0-9]{6}$")
_URL = re.compile(r"^https?://[^\s<>\"']+$")
LIST_SEPARATOR = ";"


@dataclass(frozen=True, eq=False)
class Dataset:
    """All tables of a data folder, validated and typed.

    DataFrames are shared through caches: treat them as read-only. Compared and
    hashed by identity, so derived values can be cached per loaded dataset.
    """

    provinces: pd.DataFrame
    programmes: pd.DataFrame
    sources: pd.DataFrame
    places: pd.DataFrame
    memberships: pd.DataFrame
    actions: pd.DataFrame
    directory: Path
    targets: pd.DataFrame | None = None  # None only for a folder without targets.csv
    sizes: pd.DataFrame | None = None  # official list sizes; None only without sizes.csv

    def place(self, place_id: str) -> pd.Series | None:
        """Return one place row by id, or ``None``."""
        if place_id in self.places.index:
            return self.places.loc[place_id]
        return None


def data_dir_from_env() -> Path:
    """The folder the app reads: ``$ATLAS_DATA_DIR`` if set, else the repo's ``data/``."""
    value = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(value).expanduser().resolve() if value else DEFAULT_DATA_DIR


def split_list(value: str) -> tuple[str, ...]:
    """Split a ';'-separated cell into its parts, dropping blanks."""
    return tuple(part.strip() for part in value.split(LIST_SEPARATOR) if part.strip())


def _read_rows(path: Path, table: Table, problems: list[Problem]) -> list[dict[str, str]] | None:
    """Read a CSV into dicts keyed by column; record problems and return None if unreadable."""
    name = path.name
    if not path.exists():
        if not table.optional_file:
            problems.append(Problem(name, "file is missing"))
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(name, f"is not valid UTF-8 (byte {exc.start}); save it as UTF-8", row=line)
        )
        return None
    if not text.strip():
        problems.append(Problem(name, "file is empty; it needs at least a header row"))
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        problems.append(Problem(name, f"cannot parse the header: {exc}", row=1))
        return None
    missing = [c for c in table.required_columns if c not in header]
    for column in missing:
        problems.append(Problem(name, "required column is missing", row=1, column=column))
    unknown = [h for h in header if h not in table.column_names]
    for column in unknown:
        problems.append(Problem(name, "unknown column", row=1, column=column))
    dupes = {h for h in header if header.count(h) > 1}
    for column in sorted(dupes):
        problems.append(Problem(name, "column appears more than once", row=1, column=column))
    if missing or dupes:
        return None
    rows: list[dict[str, str]] = []
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                problems.append(
                    Problem(
                        name, f"has {len(record)} cells, the header has {len(header)}", row=line
                    )
                )
                continue
            row = {h: v for h, v in zip(header, record, strict=True) if h in table.column_names}
            row["__row__"] = str(line)
            rows.append(row)
    except csv.Error as exc:
        problems.append(Problem(name, f"cannot parse: {exc}", row=reader.line_num))
    return rows


def _check_cell(value: str, column: Column) -> str | None:
    """Return a message if ``value`` is not valid for ``column``, else None."""
    value = value.strip()
    if not value:
        return "required value is empty" if column.required else None
    kind = column.kind
    if kind is Kind.SLUG and not _SLUG.match(value):
        return f"'{value}' is not a lowercase ASCII slug (a-z, 0-9 and '-')"
    if kind is Kind.ZH_TEXT and not _CJK.search(value):
        return f"'{value}' contains no Chinese characters"
    if kind is Kind.INT and not re.fullmatch(r"[0-9]+", value):
        return f"'{value}' is not a whole number"
    if kind is Kind.YEAR and not (re.fullmatch(r"[0-9]{4}", value) and 1949 <= int(value) <= 2100):
        return f"'{value}' is not a year between 1949 and 2100"
    if kind in (Kind.LAT, Kind.LON, Kind.FLOAT):
        try:
            number = float(value)
        except ValueError:
            return f"'{value}' is not a number"
        if number != number:  # NaN
            return "is not a number"
        low, high = {Kind.LAT: CHINA_LAT, Kind.LON: CHINA_LON}.get(kind, (-1e300, 1e300))
        if not low <= number <= high:
            return f"{value} is outside China ({low} to {high})"
    if kind is Kind.ENUM and value not in column.choices:
        return f"'{value}' is not one of: {', '.join(column.choices)}"
    if kind is Kind.SLUG_LIST:
        bad = [p for p in split_list(value) if not _SLUG.match(p)]
        if bad:
            return f"'{bad[0]}' is not a lowercase ASCII slug"
    if kind is Kind.DATE and not _DATE.match(value):
        return f"'{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    if kind is Kind.URL and not _URL.match(value):
        return f"'{value}' is not an http(s) address"
    if kind is Kind.ADCODE and not _ADCODE.match(value):
        return f"'{value}' is not a six-digit GB/T 2260 code"
    return None


def _typed_frame(table: Table, rows: list[dict[str, str]]) -> pd.DataFrame:
    """Turn validated string rows into a typed DataFrame."""
    data: dict[str, list[object]] = {"row": [int(r["__row__"]) for r in rows]}
    for column in table.columns:
        cells = [r.get(column.name, "").strip() for r in rows]
        if column.kind in (Kind.INT, Kind.YEAR):
            data[column.name] = pd.array([int(c) if c else None for c in cells], dtype="Int64")
        elif column.kind in (Kind.LAT, Kind.LON, Kind.FLOAT):
            data[column.name] = [float(c) if c else float("nan") for c in cells]
        elif column.kind is Kind.SLUG_LIST:
            data[column.name] = [split_list(c) for c in cells]
        else:
            data[column.name] = cells
    frame = pd.DataFrame(data)
    return frame


def _load_table(
    directory: Path, table: Table, problems: list[Problem]
) -> tuple[pd.DataFrame, list[dict[str, str]]]:
    rows = _read_rows(directory / table.filename, table, problems) or []
    good: list[dict[str, str]] = []
    for row in rows:
        line = int(row["__row__"])
        row_ok = True
        for column in table.columns:
            message = _check_cell(row.get(column.name, ""), column)
            if message:
                problems.append(Problem(table.filename, message, row=line, column=column.name))
                row_ok = False
        if row_ok:
            good.append(row)
    _check_duplicate_keys(table, good, problems)
    return _typed_frame(table, good), good


def _check_duplicate_keys(
    table: Table, rows: list[dict[str, str]], problems: list[Problem]
) -> None:
    if not table.key:
        return
    seen: dict[tuple[str, ...], int] = {}
    for row in rows:
        key = tuple(row.get(k, "").strip() for k in table.key)
        line = int(row["__row__"])
        if key in seen:
            shown = "/".join(k for k in key if k)
            problems.append(
                Problem(
                    table.filename,
                    f"duplicate {'/'.join(table.key)} '{shown}' (first at row {seen[key]})",
                    row=line,
                    column=table.key[0],
                )
            )
        else:
            seen[key] = line


def _check_refs(
    frame: pd.DataFrame,
    table: Table,
    column: str,
    valid: set[str],
    what: str,
    problems: list[Problem],
) -> None:
    """Every id in ``column`` (single or list) must be in ``valid``."""
    if column not in frame:
        return
    for line, cell in zip(frame["row"], frame[column], strict=True):
        ids: Iterable[str] = cell if isinstance(cell, tuple) else ((cell,) if cell else ())
        for ref in ids:
            if ref not in valid:
                problems.append(
                    Problem(table.filename, f"unknown {what} '{ref}'", row=int(line), column=column)
                )


def _check_places(places: pd.DataFrame, problems: list[Problem]) -> None:
    place_ids = set(places["id"])
    seen_names: dict[tuple[str, str], int] = {}
    for rec in places.itertuples(index=False):
        line = int(rec.row)
        if rec.members and rec.level not in GROUP_LEVELS:
            problems.append(
                Problem(
                    PLACES.filename,
                    f"only a region or agglomeration lists members, not a {rec.level}",
                    row=line,
                    column="members",
                )
            )
        for member in rec.members:
            if member == rec.id:
                problems.append(
                    Problem(PLACES.filename, "a place cannot be its own member", line, "members")
                )
            elif member not in place_ids:
                problems.append(
                    Problem(PLACES.filename, f"unknown place '{member}'", line, "members")
                )
        if (rec.summary_en or rec.summary_zh) and not rec.summary_source_ids:
            problems.append(
                Problem(PLACES.filename, "a summary needs a source", line, "summary_source_ids")
            )
        if rec.summary_zh and not _CJK.search(rec.summary_zh):
            problems.append(
                Problem(PLACES.filename, "contains no Chinese characters", line, "summary_zh")
            )
        key = (rec.level, rec.name_zh)
        if key in seen_names:
            problems.append(
                Problem(
                    PLACES.filename,
                    f"another {rec.level} has the Chinese name '{rec.name_zh}' "
                    f"(row {seen_names[key]})",
                    line,
                    "name_zh",
                )
            )
        else:
            seen_names[key] = line


def validate_dir(directory: Path) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Read and check every table of ``directory``; return frames and all problems."""
    problems: list[Problem] = []
    if not directory.is_dir():
        return {}, [Problem(str(directory), "data folder does not exist")]
    frames: dict[str, pd.DataFrame] = {}
    for table in TABLES:
        frames[table.name], _ = _load_table(directory, table, problems)

    sources = set(frames["sources"]["id"])
    places = frames["places"]
    _check_refs(frames["programmes"], PROGRAMMES, "source_ids", sources, "source", problems)
    _check_refs(places, PLACES, "province", set(frames["provinces"]["id"]), "province", problems)
    _check_refs(places, PLACES, "summary_source_ids", sources, "source", problems)
    _check_places(places, problems)
    place_ids = set(places["id"])
    memberships = frames["memberships"]
    _check_refs(memberships, MEMBERSHIPS, "place_id", place_ids, "place", problems)
    _check_refs(
        memberships,
        MEMBERSHIPS,
        "programme",
        set(frames["programmes"]["id"]),
        "programme",
        problems,
    )
    _check_refs(memberships, MEMBERSHIPS, "source_ids", sources, "source", problems)
    actions = frames["actions"]
    _check_refs(actions, ACTIONS, "place_id", place_ids, "place", problems)
    _check_refs(actions, ACTIONS, "source_ids", sources, "source", problems)
    targets = frames["targets"]
    _check_refs(targets, TARGETS, "place_id", place_ids, "place", problems)
    _check_refs(targets, TARGETS, "source_ids", sources, "source", problems)
    _check_targets(targets, problems)
    sizes = frames["sizes"]
    _check_refs(sizes, SIZES, "programme", set(frames["programmes"]["id"]), "programme", problems)
    _check_refs(sizes, SIZES, "source_ids", sources, "source", problems)
    for line, size in zip(sizes["row"].tolist(), sizes["official_size"].tolist(), strict=True):
        if pd.notna(size) and size <= 0:
            problems.append(
                Problem(SIZES.filename, f"{size} is not positive", line, "official_size")
            )
    return frames, problems


TARGET_YEARS = (2000, 2070)  # plans in the data run from the 2000s to carbon neutrality


def _check_targets(targets: pd.DataFrame, problems: list[Problem]) -> None:
    """Units match their metric; values and years are in range."""
    name = TARGETS.filename
    columns = ("row", "metric", "value", "unit", "base_year", "target_year")
    for line, metric, value, unit, base, target in zip(
        *(targets[c].tolist() for c in columns), strict=True
    ):
        if metric not in METRICS:
            continue  # reported by the column check
        if unit != METRICS[metric]:
            problems.append(
                Problem(
                    name, f"unit of {metric} is '{METRICS[metric]}', not '{unit}'", line, "unit"
                )
            )
        low, high = TARGET_YEARS
        if metric == "co2-peak-year":
            if not low <= value <= high:
                problems.append(
                    Problem(name, f"peak year {value:g} is not in {low}-{high}", line, "value")
                )
        elif unit == "%" and not 0 < value <= 100:
            problems.append(Problem(name, f"{value:g}% is not a share in (0, 100]", line, "value"))
        elif value <= 0:
            problems.append(Problem(name, f"{value:g} is not positive", line, "value"))
        for column, year in (("base_year", base), ("target_year", target)):
            if pd.notna(year) and not low <= year <= high:
                problems.append(Problem(name, f"year {year} is not in {low}-{high}", line, column))


def load_dataset(directory: Path | str | None = None) -> Dataset:
    """Load and validate a data folder.

    Raises
    ------
    DataError
        With every problem found, each naming file, row and column.
    """
    folder = Path(directory).resolve() if directory is not None else data_dir_from_env()
    frames, problems = validate_dir(folder)
    if problems:
        raise DataError(problems)
    places = frames["places"].set_index("id", drop=False)
    places.index.name = None
    return Dataset(
        provinces=frames["provinces"].set_index("id", drop=False).rename_axis(None),
        programmes=frames["programmes"].set_index("id", drop=False).rename_axis(None),
        sources=frames["sources"].set_index("id", drop=False).rename_axis(None),
        places=places,
        memberships=frames["memberships"],
        actions=frames["actions"],
        directory=folder,
        targets=frames["targets"],
        sizes=frames["sizes"],
    )


def per_dataset(maxsize: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Cache ``f(dataset, *args)`` for as long as that dataset object lives.

    ``functools.lru_cache`` keyed by the dataset would keep every replaced dataset (and all
    derived from it) alive after the data is edited and reloaded; here the cache of a dataset
    goes with it. Results must not refer back to the dataset. Thread-safe: at worst a value is
    computed twice.
    """

    def decorate(f: Callable[..., T]) -> Callable[..., T]:
        caches: weakref.WeakKeyDictionary[Dataset, OrderedDict[tuple, T]] = (
            weakref.WeakKeyDictionary()
        )
        lock = threading.Lock()

        @functools.wraps(f)
        def cached(dataset: Dataset, *args: Any) -> T:
            with lock:
                cache = caches.setdefault(dataset, OrderedDict())
                if args in cache:
                    cache.move_to_end(args)
                    return cache[args]
            value = f(dataset, *args)
            with lock:
                cache[args] = value
                if len(cache) > maxsize:
                    cache.popitem(last=False)
            return value

        return cached

    return decorate

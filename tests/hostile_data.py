"""A copy of the real data with hostile text in every free-text field."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from tests.hostile import HOSTILE

ROOT = Path(__file__).resolve().parent.parent
# Free-text columns per file; ids, codes, numbers and urls stay valid so the data loads.
TEXT_COLUMNS = {
    "places.csv": ("name_en", "name_zh", "summary_en", "summary_zh", "within_zh"),
    "programmes.csv": ("name_en", "name_zh", "agency", "description_en", "description_zh"),
    "provinces.csv": ("name_en", "name_zh"),
    "memberships.csv": ("notice", "note"),
    "actions.csv": ("title_en", "title_zh", "detail_en", "detail_zh"),
    "sources.csv": ("title", "publisher", "supports"),
    "targets.csv": ("document", "note"),
}
# Short ones only in names, so labels stay readable; the 5,000-character string goes in details.
SHORT = [h for h in HOSTILE if len(h) < 200]


def hostile_text(column: str, index: int) -> str:
    pool = HOSTILE if column.startswith(("detail", "summary", "description")) else SHORT
    text = f"{pool[index % len(pool)]} #{index}"
    # Chinese columns must contain Chinese; names must stay unique per level.
    return f"{text} 武汉" if column.endswith("_zh") else text


def write_hostile_copy(target: Path) -> Path:
    """Copy data/ to ``target`` with hostile text; returns ``target``."""
    shutil.copytree(ROOT / "data", target)
    for name, columns in TEXT_COLUMNS.items():
        path = target / name
        reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
        rows = list(reader)
        for index, row in enumerate(rows):
            for column in columns:
                if column in row and (row[column] or column.startswith("name")):
                    row[column] = hostile_text(column, index)
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=reader.fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(buffer.getvalue(), encoding="utf-8")
    return target

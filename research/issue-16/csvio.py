"""What the merge scripts from pass r23 on share: the CSV reader and writer, and the merge of a
pass's staged actions and their sources (``import csvio`` works because a script's own folder
comes first on ``sys.path``)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    """Rows in ``fields`` order, a missing column empty, as data/*.csv are written."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows({f: row.get(f, "") for f in fields} for row in rows)


def merge_actions(
    data: Path,
    staged: Path,
    groups: Iterable[str],
    drop: set[tuple[str, str]],
    source_fixes: Mapping[str, Mapping[str, str]],
) -> None:
    """Append each group's staged actions but those in ``drop`` (place id, English title) to
    data/actions.csv, and the staged sources they cite that data/sources.csv lacks, each
    with its fixes (publisher, title, note) applied."""
    groups = tuple(groups)
    every = [a for g in groups for a in read(staged / g / "actions.csv")[1]]
    actions = [a for a in every if (a["place_id"], a["title_en"]) not in drop]
    assert len(actions) == len(every) - len(drop), "a dropped action is not staged"
    fields, rows = read(data / "actions.csv")
    write(data / "actions.csv", fields, rows + actions)

    fields, sources = read(data / "sources.csv")
    known = {s["id"] for s in sources}
    used = {sid for a in actions for sid in a["source_ids"].split(";") if sid}
    offered = {s["id"]: s for g in groups for s in read(staged / g / "sources.csv")[1]}
    add = [dict(offered[i], **source_fixes.get(i, {})) for i in sorted(used - known)]
    write(data / "sources.csv", fields, sources + add)

"""Merge the pass-3 research groups (staged in research/pass3/group-N) into data/.

Appends actions, targets and sources; a source whose id or url is already in the atlas is
not added again (its id is mapped to the existing one). Actions that repeat an existing
one (same place, kind and English title) are skipped. Run from the repository root, then
`python -m atlas validate`.
"""

import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    if not path.exists():
        return [], []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def main(groups: list[Path]) -> None:
    s_fields, sources = read(DATA / "sources.csv")
    a_fields, actions = read(DATA / "actions.csv")
    t_fields, targets = read(DATA / "targets.csv")
    by_id = {s["id"]: s for s in sources}
    by_url = {s["url"]: s["id"] for s in sources}
    seen_actions = {(a["place_id"], a["kind"], a["title_en"].strip().lower()) for a in actions}
    added = {"sources": 0, "actions": 0, "targets": 0, "skipped": 0}
    for group in groups:
        alias: dict[str, str] = {}
        for s in read(group / "sources.csv")[1]:
            if s["id"] in by_id:
                continue
            if s["url"] in by_url:
                alias[s["id"]] = by_url[s["url"]]
                continue
            s.setdefault("note", "")
            sources.append(s)
            by_id[s["id"]] = s
            by_url[s["url"]] = s["id"]
            added["sources"] += 1

        def ids(value: str) -> str:
            return ";".join(alias.get(x, x) for x in value.split(";") if x)

        for a in read(group / "actions.csv")[1]:
            key = (a["place_id"], a["kind"], a["title_en"].strip().lower())
            if key in seen_actions:
                added["skipped"] += 1
                continue
            a["source_ids"] = ids(a["source_ids"])
            actions.append(a)
            seen_actions.add(key)
            added["actions"] += 1
        for t in read(group / "targets.csv")[1]:
            t["source_ids"] = ids(t["source_ids"])
            targets.append(t)
            added["targets"] += 1
    write(DATA / "sources.csv", s_fields, sorted(sources, key=lambda s: s["id"]))
    write(DATA / "actions.csv", a_fields, actions)
    write(DATA / "targets.csv", t_fields, targets)
    print(added)


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]])

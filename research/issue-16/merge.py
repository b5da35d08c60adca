"""Merge the staged issue-16 research (out-prog-a, out-prog-b) into data/*.csv.

One-off data-maintenance script, kept for the record of what was merged and what was
dropped. Run from the repository root: ``.venv/bin/python research/issue-16/merge.py``.
Coordinates are left empty; ``python -m atlas.geometry locate`` fills them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
STAGED = [ROOT / "research" / "issue-16" / d for d in ("out-prog-a", "out-prog-b")]

# Staged source ids whose URL is already in data/sources.csv under another id.
SOURCE_REMAP = {
    "sxrb-2024-changzhi-sponge": "sxrb-2024-changzhi-sponge-a-grade",
    "gscn-2020-qingyang-sponge": "gscn-2020-08-21-qingyang-sponge",
    "cgnews-2025-guangyuan-sponge": "chuanguan-2025-guangyuan-sponge",
    "163-2025-qinhuangdao-sponge": "qhdrb-2025-qinhuangdao-sponge",
    "jinan-2018-sponge-pilot": "jinan-sponge-pilot-overview",
    "cwater-2018-changde-sponge": "changde-2017-sponge-progress",
    "jjrb-2017-changde-chuanzi": "ce-2017-changde-chuanzi-river",
    "jinhua-2022-sponge": "jhdaily-jinhua-sponge-35pct",
}
# Staged rows that repeat a fact the atlas already holds from the same source.
DROP_ACTIONS = {
    ("jinan", "Daming Lake-Xinglong pilot zone"),
    ("changde", "Pilot results: 52.98 km2 built, 15 flood points fixed"),
    ("changde", "Chuanzi River: outfalls intercepted, reed-bed pump stations"),
    ("jinhua", "35% of built-up area at sponge standard by 2021"),
    ("jiujiang", "Jiujiang sponge-city special plan"),
    ("changzhi", "Demonstration results: waterlogging standard 30-year"),
    ("guangyuan", "35.17 km2 at sponge standard; 30 flood spots removed"),
    ("qinhuangdao", "155 demonstration projects; Hebei's first sponge law"),
    ("tongchuan", "Demonstration plan: 4 flagship and 38 projects"),
}
DROP_TARGETS = {
    ("jinhua", "sponge-city-area-share", "55"),
    ("jinhua", "sponge-city-area-share", "80"),
    ("jiujiang", "sponge-city-area-share", "20"),
    ("jiujiang", "sponge-city-area-share", "25"),
}
# New areas that the lists name without a prefecture: the city their point is drawn in
# (sources: xinhua-2014-guian-new-area, tianfu-meishan-yearbook-2022).
WITHIN = {"tianfu-new-area": "成都市", "guian-new-area": "贵阳市"}
EXTRA_SOURCES = [
    {
        "id": "xinhua-2014-guian-new-area",
        "title": "国务院批复设立贵州贵安新区",
        "publisher": "新华社 (Xinhua)",
        "date": "2014-01-10",
        "url": "http://www.dezenewtech.com/webdiceng.php?id=60388",
        "language": "zh",
        "supports": "Gui'an New Area lies where Guiyang and Anshun meet (location of its point)",
        "kind": "state-media",
        "copy": "yes",
    },
    {
        "id": "tianfu-meishan-yearbook-2022",
        "title": "天府新区(眉山)年鉴2022",
        "publisher": "四川天府新区眉山党工委管委会",
        "date": "2022",
        "url": "http://www.scyjwh.com/readingebooks/%E5%A4%A9%E5%BA%9C%E6%96%B0%E5%8C%BA%EF%BC%88%E7%9C%89%E5%B1%B1%EF%BC%89%E5%B9%B4%E9%89%B42022%E6%89%8B%E6%9C%BA%E7%89%88/files/basic-html/page91.html",
        "language": "zh",
        "supports": "Tianfu New Area has a Chengdu part and a Meishan part (location of its point)",
        "kind": "official",
        "copy": "yes",
    },
]


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in header})
    path.write_text(buffer.getvalue(), encoding="utf-8")


def remap(ids: str) -> str:
    return ";".join(SOURCE_REMAP.get(s.strip(), s.strip()) for s in ids.split(";") if s.strip())


def main() -> None:
    dropped: list[str] = []
    # Sources
    header, sources = read(DATA / "sources.csv")
    by_id = {s["id"]: s for s in sources}
    urls = {s["url"] for s in sources}
    for folder in STAGED:
        for s in read(folder / "sources.csv")[1]:
            if s["id"] in SOURCE_REMAP or s["id"] in by_id:
                continue
            if s["url"] in urls:
                raise SystemExit(f"source {s['id']}: URL already cited under another id")
            sources.append(s)
            by_id[s["id"]] = s
            urls.add(s["url"])
    for s in EXTRA_SOURCES:
        if s["id"] not in by_id:
            sources.append(s)
    write(DATA / "sources.csv", header, sources)

    # Programmes (the staged official_size_note goes to data/README.md instead)
    header, programmes = read(DATA / "programmes.csv")
    known = {p["id"] for p in programmes}
    for folder in STAGED:
        for p in read(folder / "programmes.csv")[1]:
            if p["id"] not in known:
                p["source_ids"] = remap(p["source_ids"])
                programmes.append(p)
    write(DATA / "programmes.csv", header, programmes)

    # Places
    header, places = read(DATA / "places.csv")
    if "locate_zh" not in header:
        header.insert(header.index("within_zh") + 1, "locate_zh")
    ids = {p["id"] for p in places}
    for folder in STAGED:
        for p in read(folder / "places_new.csv")[1]:
            if p["id"] in ids:
                raise SystemExit(f"place {p['id']} exists already")
            p["within_zh"] = p["within_zh"] or WITHIN.get(p["id"], "")
            p["summary_source_ids"] = remap(p["summary_source_ids"])
            p.update(adcode="", lat="", lon="", coord_method="", members="")
            places.append(p)
            ids.add(p["id"])
    write(DATA / "places.csv", header, places)

    # Memberships
    header, memberships = read(DATA / "memberships.csv")
    for folder in STAGED:
        for m in read(folder / "memberships.csv")[1]:
            m["source_ids"] = remap(m["source_ids"])
            memberships.append(m)
    write(DATA / "memberships.csv", header, memberships)

    # Actions and targets
    header, actions = read(DATA / "actions.csv")
    seen = {(a["place_id"], a["kind"], a["title_en"].strip().lower()) for a in actions}
    for folder in STAGED:
        for a in read(folder / "actions.csv")[1]:
            key = (a["place_id"], a["kind"], a["title_en"].strip().lower())
            if (a["place_id"], a["title_en"]) in DROP_ACTIONS or key in seen:
                dropped.append(f"action {a['place_id']}: {a['title_en']}")
                continue
            a["source_ids"] = remap(a["source_ids"])
            actions.append(a)
            seen.add(key)
    write(DATA / "actions.csv", header, actions)
    header, targets = read(DATA / "targets.csv")
    for folder in STAGED:
        for t in read(folder / "targets.csv")[1]:
            if (t["place_id"], t["metric"], t["value"]) in DROP_TARGETS:
                dropped.append(f"target {t['place_id']}: {t['metric']} {t['value']}")
                continue
            t["source_ids"] = remap(t["source_ids"])
            targets.append(t)
    write(DATA / "targets.csv", header, targets)
    print("\n".join(f"dropped (repeats a fact already held): {d}" for d in dropped))


if __name__ == "__main__":
    main()

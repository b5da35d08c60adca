"""Merge research pass r21 (research/issue-16/r21) into data/*.csv. One-off, kept for the record.

Run from the repository root: ``.venv/bin/python research/issue-16/merge_r21.py``.
- The seven summaries that add the pollution-and-carbon synergy membership replace the old ones.
- Of three actions, one is kept (Jinan start-up area: coal-free industry, PV, waste-to-energy;
  its excerpt found again in 经济导报's own page). Dropped: the 14 million m2 green-building action
  (its copy on blog.bobobk.com could not be found again by search) and Yibin's "next steps"
  (a plan for later, no figures).
- Found while checking: the same 经济导报 page (2024-05-27) says the Jinan start-up area is one of
  the 39 deepened climate-adaptive pilots: a membership. A copy of a news report (ec-ergo.com,
  outlet not named) gives its water-resilient building rule (an adaptation action) and names it a
  first-batch pollution-and-carbon synergy pilot in Chinese (added to that membership's sources).
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
STAGED = ROOT / "research" / "issue-16" / "r21"
KEEP_ACTIONS = {("jinan-startup-area", "Coal-free industry, 40 MW of new PV and waste-to-energy")}
KEEP_SOURCES = {"sdenews-2024-05-27-jinan-startup-area-zero-coal"}
ECERGO = "ecergo-2025-jinan-startup-area-ecology"
NEW_SOURCES = [
    {
        "id": ECERGO,
        "title": "济南起步区生态环境改善(新闻报道)",
        "publisher": "",
        "date": "2025",
        "url": "https://www.ec-ergo.com/xjg/1999.html",
        "language": "zh",
        "supports": "Jinan start-up area: first-batch national pollution-and-carbon synergy pilot; "
        "new buildings, municipal works and parks built to its water-resilient city standard; "
        "water use per 10,000 yuan of GDP in 2023 down 60.75% on 2020",
        "kind": "media",
        "copy": "yes",
        "note": "publisher: unidentified news report (the copy names no outlet); "
        "dated 2025 from '4年来' since the area's approval in April 2021",
    }
]
NEW_ACTIONS = [
    {
        "place_id": "jinan-startup-area",
        "kind": "adaptation",
        "year": "2025",
        "theme": "water",
        "title_en": "New works built to a water-resilient city standard",
        "title_zh": "新建工程按水弹性城市标准管控建设",
        "detail_en": "New buildings, municipal infrastructure and parks in the start-up area are "
        "all controlled and built to its water-resilient city standard, part of its drive to be "
        "a model water-saving district; water use per 10,000 yuan of GDP in 2023 was 60.75% "
        "below 2020.",
        "detail_zh": "起步区新建房屋建筑、市政基础设施、公园绿地等工程均按水弹性城市标准管控建设,"
        "推进节水典范城区建设;2023年万元GDP用水量较2020年下降60.75%。",
        "source_ids": ECERGO,
    }
]
NEW_MEMBERSHIP = {
    "place_id": "jinan-startup-area",
    "programme": "climate-adaptive-deepening",
    "batch": "",
    "year": "2024",
    "notice": "",
    "peak_year": "",
    "started": "",
    "source_ids": "sdenews-2024-05-27-jinan-startup-area-zero-coal",
    "note": "经济导报 (2024-05-27): the MEE list of deepened climate-adaptive pilots names the "
    "Jinan start-up area among its 39 cities and districts",
}


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    fields, places = read(DATA / "places.csv")
    _, summaries = read(STAGED / "summaries.csv")
    by_id = {row["place_id"]: row for row in summaries}
    for place in places:
        new = by_id.pop(place["id"], None)
        if new is not None:
            for column in ("summary_en", "summary_zh", "summary_source_ids"):
                place[column] = new[column]
    assert not by_id, f"summaries for unknown places: {sorted(by_id)}"
    write(DATA / "places.csv", fields, places)

    fields, actions = read(DATA / "actions.csv")
    _, staged = read(STAGED / "actions.csv")
    kept = [a for a in staged if (a["place_id"], a["title_en"]) in KEEP_ACTIONS]
    assert len(kept) == len(KEEP_ACTIONS)
    write(DATA / "actions.csv", fields, actions + kept + NEW_ACTIONS)

    fields, sources = read(DATA / "sources.csv")
    _, staged_sources = read(STAGED / "sources.csv")
    known = {s["id"] for s in sources}
    add = [dict(s, note=s.get("note", "")) for s in staged_sources if s["id"] in KEEP_SOURCES]
    add += NEW_SOURCES
    assert not {s["id"] for s in add} & known
    write(DATA / "sources.csv", fields, sources + [{f: s.get(f, "") for f in fields} for s in add])

    fields, memberships = read(DATA / "memberships.csv")
    for m in memberships:
        if m["place_id"] == "jinan-startup-area" and m["programme"] == "pollution-carbon-synergy-pilot":
            m["source_ids"] += f";{ECERGO}"
            m["note"] = m["note"].replace(
                "no Chinese source read names it as a synergy pilot",
                "a Chinese news report (copy, outlet not named) names it a first-batch synergy pilot",
            )
    write(DATA / "memberships.csv", fields, memberships + [NEW_MEMBERSHIP])


if __name__ == "__main__":
    main()

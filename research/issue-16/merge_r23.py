"""Merge research pass r23 (research/issue-16/r23) into data/*.csv. One-off, kept for the record.

Run from the repository root: ``.venv/bin/python research/issue-16/merge_r23.py``, then
``make geometry`` to place the new parks.
- Kept: two synergy-pilot parks (Xiangyang High-tech Zone, per 襄阳日报; Ningbo Petrochemical
  ETDZ, per Zhenhai District's own 2023 report, published 2024-07 when only MEE's first batch
  existed); Heping (Goujiang) EDZ's location in 播州区, now sourced by Bozhou District's plan
  report, a new summary and three actions from 贵州日报.
- Left out: the low-carbon industrial park pilot status of Golmud Industrial Park (Haixi
  prefecture government, 2020) and of Tianjin TEDA (two reports): no source gives the year, which
  a membership needs (data/README.md, Known gaps). The staged rows stay in r23/industrial-parks.
- Dropped: actions whose only copy names no publisher (Xiangyang's green factories on
  m.670818.com, Golmud's negative list on lvhuamei.cn), a designation that is not an action
  (Ningbo's 2014 circular-transformation demonstration) and a plan to apply (Bozhou's bid).
- The low-carbon community programme's description gains the 2014 notice's operating targets
  for each pilot (中国储能网's report of the notice, read on a copy); r23 found no named
  community tied to the national notice (r23/communities/gaps.md).
- Checked by search against the stored pages before merging: the Xiangyang, Zhenhai, 贵州日报
  and Haixi excerpts (the Xiangyang text found on a copy, m.sfmzp.com, the same report).
"""

from __future__ import annotations

from pathlib import Path

from csvio import read, write

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
STAGED = ROOT / "research" / "issue-16" / "r23"
FOLDERS = ("synergy", "adaptive-peaking")
DROP_ACTIONS = {
    ("xiangyang-high-tech-zone", "Four national green factories; 420m-yuan paint-shop retrofit"),
    ("ningbo-petrochemical-etdz", "National park circular-transformation demonstration pilot"),
    ("heping-goujiang-edz", "District plan: pilot-park bid and aluminium innovation hub"),
}
HEPING_NOTE = (
    "park; Guizhou DRC reported it among the 27 second-batch pilots. locate_zh 播州区: Bozhou "
    "District's 2023/2024 economic plan report calls the zone the district's main industrial "
    "base (zunyi-gov-2024-bozhou-plan-heping); 贵州日报 (2025) calls it one of Guizhou's only "
    "two national carbon-peaking pilots"
)
# Readers see publisher and title; how the page was read goes in `note` (tests/test_data.py).
SOURCE_FIXES = {
    "xyrb-2024-11-22-xiangyang-htz-synergy-pilot": {
        "title": "襄阳高新区入选国家级减污降碳协同创新试点",
        "publisher": "襄阳日报 (全媒体记者吴芳)",
        "note": "read on 荆楚网襄阳频道 (xy.cnhubei.com); title: not stored, written by the atlas",
    },
    "mee-2023-10-12-ningbo-petrochem-synergy-case": {
        "publisher": "生态环境部",
        "note": "second batch of MEE's synergy practice cases (综合司); read on a copy "
        "(m.ytziyue.cn) whose text is partly garbled: only clean passages used",
    },
    "guizhou-daily-2025-heping-goujiang-low-carbon": {
        "title": "贵州和平(苟江)经济开发区节能降碳实践 (记者王翼)",
        "note": "read on a copy (cn.office369.com, 转自贵州日报); title: not stored, written by "
        "the atlas; year inferred from the text",
    },
    "zunyi-gov-2024-bozhou-plan-heping": {
        "publisher": "遵义市播州区人民政府",
        "note": "excerpt credited to 遵义市人民政府网, read on a copy (mengjiyuan.cn)",
    },
}

COMMUNITY_SOURCE = {
    "id": "cnesa-2014-low-carbon-community-notice-report",
    "title": "发改委组织开展低碳社区试点工作",
    "publisher": "中国储能网",
    "date": "2014-03",
    "url": "http://acstyle.com.cn/news/show-889157.html",
    "language": "zh",
    "supports": "2014 notice (发改气候〔2014〕489号): pilot targets (public transport >=60% of "
    "trips, non-traditional water >=40%, sorted waste collection >=30%, resource use >=50%); all "
    "new housing to green-building standard; pilots counted in provinces' carbon-intensity "
    "assessment",
    "kind": "media",
    "copy": "yes",
    "note": "read on a copy (acstyle.com.cn); title: not stored, written by the atlas from the "
    "report's opening sentence",
}
COMMUNITY_TARGETS = (
    (
        " The notice asks each pilot to reach at least 60% of trips by public transport, 40% of water "
        "from non-traditional sources, 30% of waste collected sorted and 50% reused, with all new "
        "housing built to green-building standards and existing buildings retrofitted."
    ),
    (
        "通知要求试点社区公交出行分担率达60%以上、非传统水源利用率40%以上、垃圾分类收集率30%以上、"
        "资源化利用率50%以上,新建住房全部达到绿色建筑标准,既有建筑进行低碳化改造。"
    ),
)


def staged(name: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for folder in FOLDERS:
        path = STAGED / folder / f"{name}.csv"
        if path.exists():
            rows += read(path)[1]
    return rows


def main() -> None:
    actions = [a for a in staged("actions") if (a["place_id"], a["title_en"]) not in DROP_ACTIONS]
    assert len(actions) == len(staged("actions")) - len(DROP_ACTIONS)

    fields, places = read(DATA / "places.csv")
    known_places = {p["id"] for p in places}
    summaries = {s["place_id"]: s for s in staged("summaries")}
    for place in places:
        new = summaries.pop(place["id"], None)
        if new is not None:
            place.update({k: new[k] for k in ("summary_en", "summary_zh", "summary_source_ids")})
    for new in staged("places_new"):
        assert new["id"] not in known_places, new["id"]
        summaries.pop(new["id"], None)
        places.append(dict(new, adcode="", lat="", lon="", coord_method="", members=""))
    assert not summaries, f"summaries for unknown places: {sorted(summaries)}"
    write(DATA / "places.csv", fields, places)

    fields, rows = read(DATA / "actions.csv")
    write(DATA / "actions.csv", fields, rows + actions)

    fields, memberships = read(DATA / "memberships.csv")
    for m in memberships:
        if m["place_id"] == "heping-goujiang-edz" and m["programme"] == "carbon-peaking-pilot":
            m["note"] = HEPING_NOTE
            m["source_ids"] += ";zunyi-gov-2024-bozhou-plan-heping"
    write(DATA / "memberships.csv", fields, memberships + staged("memberships"))

    fields, sources = read(DATA / "sources.csv")
    known = {s["id"] for s in sources}
    used = {
        sid
        for table in (actions, staged("memberships"), staged("places_new"), staged("summaries"))
        for row in table
        for sid in (row.get("source_ids") or row.get("summary_source_ids") or "").split(";")
        if sid
    } | {"zunyi-gov-2024-bozhou-plan-heping"}
    add = [
        dict(s, **SOURCE_FIXES.get(s["id"], {}))
        for s in staged("sources")
        if s["id"] in used and s["id"] not in known
    ]
    missing = used - known - {s["id"] for s in add}
    assert not missing, f"sources used but not found: {sorted(missing)}"
    write(DATA / "sources.csv", fields, sources + add + [COMMUNITY_SOURCE])

    fields, programmes = read(DATA / "programmes.csv")
    for programme in programmes:
        if programme["id"] == "low-carbon-community":
            programme["description_en"] += COMMUNITY_TARGETS[0]
            programme["description_zh"] += COMMUNITY_TARGETS[1]
            programme["source_ids"] += f";{COMMUNITY_SOURCE['id']}"
    write(DATA / "programmes.csv", fields, programmes)


if __name__ == "__main__":
    main()

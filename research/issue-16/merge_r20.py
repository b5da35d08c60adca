"""Merge the staged issue-16 research of pass r20 into data/*.csv.

One-off data-maintenance script, kept for the record of what was merged and what was
dropped (like ``merge.py``). Run once from the repository root:
``.venv/bin/python research/issue-16/merge_r20.py``; coordinates are left empty and
``python -m atlas.geometry locate`` fills them.

Folders (copies of the staged research, kept here):

- ``out-members``: the pollution-and-carbon synergy programme, its 15 memberships and 11
  places (its ``heping-goujiang-edz`` rows were merged before and are skipped);
- ``r20-synergy-actions``: actions, targets and summaries for those places; its three
  Shandong park rows (places and memberships) replace the staged rows of the same id;
- ``r20-synergy-members``: 6 more synergy memberships (2 new places), less Changzhi;
- ``r20-zero-carbon``: one more zero-carbon park and one Cangzhou action;
- ``r20-adaptive-peaking``: three Xining actions and a new Xining summary.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
HERE = ROOT / "research" / "issue-16"
MEMBERS = HERE / "out-members"
ACTIONS = HERE / "r20-synergy-actions"
MORE = HERE / "r20-synergy-members"
ZERO = HERE / "r20-zero-carbon"
XINING = HERE / "r20-adaptive-peaking"
FOLDERS = [MEMBERS, ACTIONS, MORE, ZERO, XINING]
PROGRAMME = "pollution-carbon-synergy-pilot"

# Merged with the batch-2 carbon-peaking work before this pass.
SKIP_PLACES = {"heping-goujiang-edz"}
# Rows left out, and why (see data/README.md "Known gaps").
DROP_MEMBERSHIPS = {
    # Its source (the city's own plan, issued under MEE's task-list letter) does not name
    # Changzhi as a member of the list: the brief's rule is a source that names the member.
    ("changzhi", PROGRAMME),
}
DROP_SOURCES = {
    # A re-written, machine-style explainer ("简单来说…") of the Luoyang plan on
    # m.189000b.com: a content farm, not a source.
    "luoyang-gov-synergy-pilot-plan-summary",
    # The excerpt (a 2023 Jinan press conference on ixgod.com) could not be found again
    # in the stored pages: left out until it is.
    "jinan-2023-09-20-startup-area-dual-carbon",
}
# Cleaned source lines: readers see title and publisher; notes on the copy go to `note`.
WRITTEN = "title: title not stored; written by the atlas"
SOURCE_FIXES: dict[str, dict[str, str]] = {
    "chndaqi-2024-01-16-synergy-pilot-list-mee": {
        "publisher": "生态环境部",
        "note": "publisher: MEE text reposted by 中国大气网 (chndaqi.com)",
    },
    "kczg-2024-01-17-hebei-synergy-pilots": {
        "publisher": "人民日报客户端",
        "note": "publisher: reposted on 中国科协 kczg.org.cn",
    },
    "yixing-2024-01-15-etdz-synergy-pilot": {
        "publisher": "宜兴日报",
        "note": "publisher: Yixing government information page, read on a hijacked copy at "
        "damyunjae.com",
    },
    "lyd-2025-10-27-luoyang-14th-fyp-environment": {
        "title": "洛阳市“十四五”生态环境保护成效新闻发布会报道",
        "note": WRITTEN + "; the page shows a stray 2024-11-22 date line",
    },
    "selectshandong-2024-01-17-shandong-synergy-pilots": {
        "publisher": "海报新闻 (Haibao News, Dazhong Daily group)",
        "note": "publisher: English version on the Invest Shandong site (en.selectshandong.com)",
    },
    "sdee-2023-11-06-near-zero-carbon-shortlist": {
        "title": "山东省近零碳示范创建单位公示 (2023-11-06)",
        "publisher": "山东省生态环境厅",
        "note": WRITTEN + "; publisher: notice reposted on sdenews.com",
    },
    "xa-2024-09-27-xian-synergy-pilot-plan": {
        "publisher": "西安市人民政府办公厅",
        "note": "publisher: document text read on the document-sharing site 345wk.com",
    },
    "hbchanyelian-2024-xian-synergy-plan-summary": {
        "title": "西安市人民政府印发《西安市减污降碳协同创新试点实施方案》(新闻报道)",
        "publisher": "",
        "note": WRITTEN + "; publisher: the outlet is not named on the copy read at "
        "neibu.hbchanyelian.com",
    },
    "hsb-2025-10-23-xian-synergy-progress": {
        "title": "西安市政府新闻办发布会:西安市减污降碳协同创新试点工作开展情况",
        "publisher": "华商报 (大风新闻)",
        "note": WRITTEN + "; publisher: traditional-script copy on jichangyizi.com",
    },
    "weihai-eeb-2023-08-01-synergy-plan": {
        "publisher": "威海市生态环境局、威海市发展和改革委等六部门",
        "note": "publisher: read on ehs.gold",
    },
    "ingsd-2023-12-08-weihai-nuclear-wind-solar-storage": {
        "title": "威海“核风光储”新能源产业发展报道(记者 陶相银)",
        "publisher": "",
        "note": WRITTEN + "; publisher: a Shandong newspaper report by 陶相银 whose paper the "
        "copy on ingsd.com does not name",
    },
    "jjrb-2025-04-13-qingdao-htz-renewable-energy": {
        "publisher": "经济日报",
        "note": "publisher: reposted by 青岛新闻网, read on 8i8i8i.com",
    },
    "stdaily-2024-04-02-qingdao-htz-near-zero-carbon": {
        "publisher": "科技日报",
        "note": "publisher: reposted on 中国网 (sl.china.com.cn, big5 gateway)",
    },
    "iqilu-2023-04-27-jinan-startup-area-hydrogen": {
        "title": "济南新旧动能转换起步区获批两周年报道(山东新闻联播)",
        "publisher": "齐鲁网·闪电新闻 (山东广播电视台)",
        "note": WRITTEN + "; publisher: read on lncm.cn",
    },
    "dzwww-2024-01-20-leling-chemical-park-synergy": {
        "publisher": "大众网 (记者 孙瑛娜)",
        "note": "publisher: traditional-script copy on stone58.cn",
    },
    "huaxian-2024-01-15-recycling-park-synergy-pilot": {
        "title": "滑县能源新材料循环再生工业园入选第一批城市和产业园区减污降碳协同创新试点",
        "publisher": "滑县开发区",
        "note": WRITTEN + "; publisher: news item on a Hua County government portal served "
        "from the address 61.54.6.141 (host not confirmed); date from the page id",
    },
    "teda-2024-01-synergy-pilot": {
        "title": "天津经开区入选生态环境部第一批城市和产业园区减污降碳协同创新试点",
        "publisher": "天津经济技术开发区管理委员会",
        "note": WRITTEN + "; the park list on the page is an image",
    },
    "xmhc-2024-02-05-haicang-synergy-pilot": {
        "publisher": "厦门市生态环境局",
        "note": "publisher: Haicang district section of sthjj.xm.gov.cn",
    },
    "chinanews-2026-01-09-zhongde-zero-carbon-plan": {
        "title": "中德园国家级零碳园区建设推进会召开 首次发布《中德园零碳园区建设方案》",
        "publisher": "中国新闻网",
        "note": "publisher: traditional-script repost on cisceindiaresults.com",
    },
    "21jingji-2026-01-28-zero-carbon-parks-envision": {
        "publisher": "21世纪经济报道",
        "note": "publisher: repost on chinacsr.com",
    },
    "tiexi-gov-intro-zhongde-park": {
        "title": "铁西区简介",
        "publisher": "沈阳市铁西区人民政府",
        "note": "title: written by the atlas (the copy is headed 沈阳市铁西区人民政府官网网址); "
        "publisher: intro text reposted on nez.cn",
    },
}
PROGRAMME_FIXES = {
    "agency_zh": "生态环境部会同有关部门",
    # Cities and industrial parks named from 2024 to cut pollution and CO2 together: grouped
    # with the other pilots of cities and parks of the 2020s (carbon peaking, zero-carbon
    # parks). The low-carbon family would fit too, but its four blues are taken and no fifth
    # blue lies 12 L* from all of them (atlas.mapping.FAMILY_SHADES), so its markers would
    # repeat a colour.
    "family": "peaking-zero-carbon",
    "description_en": (
        "Cities and industrial parks picked by the Ministry of Ecology and Environment under "
        "its 2023 work plan (环办综合函〔2023〕234号), from provincial recommendations and "
        "expert review, to test how cutting local air, water and waste pollution and cutting "
        "CO2 can be planned, managed and financed together. The first list, published in "
        "mid-January 2024, named 21 cities of resource-based, industrial, comprehensive and "
        "ecologically strong types and 43 industrial parks in sectors such as steel, "
        "non-ferrous metals, petrochemicals, cars, equipment and new energy; local reports "
        "give a three-year pilot period from January 2024."
    ),
    "description_zh": (
        "生态环境部依据2023年印发的试点工作方案(环办综合函〔2023〕234号),在各省推荐和专家评审"
        "基础上选定部分城市和产业园区,探索减少大气、水、固废等污染与降低二氧化碳排放的一体谋划、"
        "协同管理和协同技术。2024年1月中旬公布的第一批名单包括资源型、工业型、综合型、生态良好型"
        "等21个城市,以及涉及钢铁、有色、石化、汽车、装备制造、新能源等行业的43个产业园区;"
        "地方报道称试点期自2024年1月起,为期3年。"
    ),
    "extra_source": "xa-2024-09-27-xian-synergy-pilot-plan",
}
# Summaries written for this merge where a staged one leans on a dropped source.
SUMMARY_FIXES = {
    "jinan-startup-area": (
        "The Jinan Start-up Area for Growth Drivers Transformation (济南新旧动能转换起步区), "
        "created under a 2021 implementation plan, covers about 798 km2 of northern Jinan "
        "across eight streets and parts of two others. It was named in January 2024 one of "
        "Shandong's three industrial zones in the Ministry of Ecology and Environment's first "
        "batch of pollution-and-carbon synergy innovation pilots. A 10-bn-yuan SPIC hydrogen "
        "industry base is under construction in its Cuizhai section.",
        "济南新旧动能转换起步区依据2021年批复的建设实施方案设立,位于济南市北部,包括8个街道及另两个"
        "街道部分区域,面积约798平方公里。2024年1月,起步区作为山东三个园区之一入选生态环境部第一批"
        "减污降碳协同创新试点。国家电投计划总投资100亿元的黄河流域氢能产业基地正在起步区崔寨片区建设。",
        "cdn-2021-05-11-jinan-startup-area-plan;selectshandong-2024-01-17-shandong-synergy-pilots;"
        "iqilu-2023-04-27-jinan-startup-area-hydrogen",
    ),
}
# The adaptive-peaking summary of Xining left out its sponge-city pilot (2016, batch 2);
# the sentence is added back from the existing membership's source.
XINING_SPONGE = (
    " It was also a second-batch sponge-city pilot in 2016.",
    "2016年,西宁还入选第二批海绵城市建设试点。",
    "cnfin-2016-sponge-pilot-batch2-notice",
)
XINING_NOTE = (
    "; Qinghai's government (qinghai-gov-2026-01-31-xining-pilots) dates the selection to "
    "March, which fits the batch-2 notice (2025-03-15), though it prints 2024; no source "
    "read says 第二批"
)
# Place names as the atlas writes them (ASCII brackets, like 和平(苟江)经济开发区).
NAME_FIXES = {"shenyang-zhongde-park": "中德(沈阳)高端装备制造产业园"}


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


def ids(cell: str) -> list[str]:
    return [s.strip() for s in cell.split(";") if s.strip()]


def cites_dropped(cell: str) -> bool:
    return any(s in DROP_SOURCES for s in ids(cell))


def main() -> None:
    dropped: list[str] = []

    # Sources: new ids once each (the folders repeat shared rows), cleaned, none dropped.
    header, sources = read(DATA / "sources.csv")
    known = {s["id"] for s in sources}
    urls = {s["url"]: s["id"] for s in sources}
    for folder in FOLDERS:
        for s in read(folder / "sources.csv")[1]:
            if s["id"] in known or s["id"] in DROP_SOURCES:
                continue
            if s["url"] in urls:
                raise SystemExit(f"source {s['id']}: URL already cited as {urls[s['url']]}")
            s.update(SOURCE_FIXES.get(s["id"], {}))
            sources.append(s)
            known.add(s["id"])
            urls[s["url"]] = s["id"]
    dropped += [f"source {s}" for s in sorted(DROP_SOURCES)]
    write(DATA / "sources.csv", header, sources)

    # Programme (its staged official_size_note goes to data/README.md and the size test).
    header, programmes = read(DATA / "programmes.csv")
    if PROGRAMME not in {p["id"] for p in programmes}:
        (p,) = read(MEMBERS / "programmes.csv")[1]
        fixes = dict(PROGRAMME_FIXES)
        p["source_ids"] = ";".join([*ids(p["source_ids"]), fixes.pop("extra_source")])
        p.update(fixes)
        programmes.append(p)
    write(DATA / "programmes.csv", header, programmes)

    # Places: the staged rows, the three Shandong parks as corrected, then the new ones.
    corrected = {p["id"]: p for p in read(ACTIONS / "places_new.csv")[1]}
    summaries = {s["place_id"]: s for f in (ACTIONS, XINING) for s in read(f / "summaries.csv")[1]}
    summaries.pop("luoyang")  # leans on the dropped plan copy: the staged summary stays
    header, places = read(DATA / "places.csv")
    existing = {p["id"] for p in places}
    new = [
        corrected.get(p["id"], p)
        for p in read(MEMBERS / "places_new.csv")[1]
        if p["id"] not in SKIP_PLACES
    ]
    new += read(MORE / "places_new.csv")[1] + read(ZERO / "places_new.csv")[1]
    for p in new:
        if p["id"] in existing:
            raise SystemExit(f"place {p['id']} exists already")
        p.update(adcode="", lat="", lon="", coord_method="", members="")
        p["name_zh"] = NAME_FIXES.get(p["id"], p["name_zh"])
        places.append(p)
        existing.add(p["id"])
    for p in places:
        s = summaries.get(p["id"])
        if s:
            p.update({k: s[k] for k in ("summary_en", "summary_zh", "summary_source_ids")})
        if p["id"] in SUMMARY_FIXES:
            en, zh, src = SUMMARY_FIXES[p["id"]]
            p.update(summary_en=en, summary_zh=zh, summary_source_ids=src)
        if p["id"] == "xining" and XINING_SPONGE[2] not in p["summary_source_ids"]:
            p["summary_en"] += XINING_SPONGE[0]
            p["summary_zh"] += XINING_SPONGE[1]
            p["summary_source_ids"] += ";" + XINING_SPONGE[2]
        if cites_dropped(p["summary_source_ids"]):
            raise SystemExit(f"summary of {p['id']} cites a dropped source")
    write(DATA / "places.csv", header, places)

    # Memberships
    corrected_m = {(m["place_id"], m["programme"]): m for m in read(ACTIONS / "memberships.csv")[1]}
    header, memberships = read(DATA / "memberships.csv")
    for m in memberships:
        key = (m["place_id"], m["programme"])
        if key == ("xining", "carbon-peaking-pilot") and "第二批" not in m["note"]:
            m["note"] += XINING_NOTE
    for folder in (MEMBERS, MORE, ZERO):
        for m in read(folder / "memberships.csv")[1]:
            key = (m["place_id"], m["programme"])
            if m["place_id"] in SKIP_PLACES:
                continue
            if key in DROP_MEMBERSHIPS:
                dropped.append(f"membership {key[0]} ({key[1]})")
                continue
            memberships.append(corrected_m.get(key, m))
    write(DATA / "memberships.csv", header, memberships)

    # Actions and targets
    header, actions = read(DATA / "actions.csv")
    seen = {(a["place_id"], a["kind"], a["title_en"].strip().lower()) for a in actions}
    for folder in FOLDERS:
        for a in read(folder / "actions.csv")[1]:
            key = (a["place_id"], a["kind"], a["title_en"].strip().lower())
            if a["place_id"] in SKIP_PLACES:
                continue
            if cites_dropped(a["source_ids"]) or key in seen:
                dropped.append(f"action {a['place_id']}: {a['title_en']}")
                continue
            actions.append(a)
            seen.add(key)
    write(DATA / "actions.csv", header, actions)
    header, targets = read(DATA / "targets.csv")
    for folder in FOLDERS:
        for t in read(folder / "targets.csv")[1]:
            if cites_dropped(t["source_ids"]):
                dropped.append(f"target {t['place_id']}: {t['metric']} {t['value']}")
                continue
            targets.append(t)
    write(DATA / "targets.csv", header, targets)
    print("\n".join(f"dropped: {d}" for d in dropped))


if __name__ == "__main__":
    main()

"""Merge research pass r23b (research/issue-16/r23b: actions for places short of them) into
data/actions.csv and data/sources.csv. One-off, kept for the record.

Run from the repository root: ``.venv/bin/python research/issue-16/merge_r23b.py``.
- Three helpers took the 35 places whose panels lacked two actions of the kind their programmes
  ask for (briefs in r23b/); 17 actions came back, 15 are kept.
- Dropped: Huludao's work-plan targets (read on a mirror whose outlet is only inferred from its
  layout) and the Jinpu hydrogen park (the only source is the Dalian government's
  Japanese-language page; the dataset's sources are in Chinese or English).
- Source rows: readers see the original publisher and title; how each page was read goes in
  `note` (tests/test_data.py).
- Checked by search against the stored pages before merging: Zhengzhou Daily (Xinyang wind), the
  澎湃 report on 四川时代 (Yibin), Gongqingcheng's plan page, Zhejiang Online (Ningbo).
"""

from __future__ import annotations

from pathlib import Path

from csvio import merge_actions

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
STAGED = ROOT / "research" / "issue-16" / "r23b"
GROUPS = ("group-1", "group-2", "group-3")
DROP_ACTIONS = {
    ("huludao", "Sponge work plan: no waterlogging points by 2025"),
    ("dalian-jinpu", "Hydrogen industry park opens at Ershilipu (1 km2)"),
}
TITLE_NOT_STORED = "title: not stored, written by the atlas"
SOURCE_FIXES = {
    "zjol-2019-05-24-ningbo-petrochem-top30-green-standard": {
        "publisher": "浙江在线",
        "title": "宁波石化开发区列2019中国化工园区30强第二名",
        "note": f"read on a copy (oolaile.com); {TITLE_NOT_STORED}",
    },
    "xinhua-2019-09-02-yanan-afforestation-vegetation": {
        "publisher": "新华社",
        "note": "on www.gov.cn (big5 gateway)",
    },
    "cwater-2023-10-20-pingliang-sponge-progress": {
        "publisher": "中国水业信息网",
        "note": "c-water.com.cn's own page; the report's original outlet is not given",
    },
    "hld-zjj-2025-04-01-huludao-sponge-inspection": {
        "publisher": "葫芦岛市住房和城乡建设局",
        "note": "read on a copy (m.hongyun188.com) that gives the bureau's address: "
        "http://zjj.hld.gov.cn/zwzx/zjxw/202504/t20250401_1203672.html",
    },
    "chinanews-2022-05-15-golmud-nalenggele-reservoir": {
        "publisher": "中国新闻网",
        "note": "read on 新华网青海频道 (qh.news.cn)",
    },
    "xinhua-2008-05-18-golmud-windbreak-forest": {
        "publisher": "新华网",
        "note": "Xining report of 2008-05-18, excerpted by 環境資訊中心 (e-info.org.tw)",
    },
    "chinanews-2021-08-26-golmud-nalenggele-dam": {
        "publisher": "中国新闻网",
        "note": "carried by 中国西藏网; read on a copy of tibet.cn (hamasdt.com)",
    },
    "zzrb-2008-06-03-henan-eib-wind-xinyang": {
        "title": "河南风力发电项目利用欧投行贷款",
        "note": TITLE_NOT_STORED,
    },
    "qdzb-2012-11-30-lingshan-island-restoration": {
        "publisher": "青岛早报",
        "note": "on 青岛新闻网 (qingdaonews.com), the Qingdao Daily group's portal",
    },
    "qdzb-2020-07-09-lingshan-eco-restoration-accepted": {
        "publisher": "青岛早报",
        "title": "灵山岛生态修复示范工程(一期)通过综合验收",
        "note": f"read on a copy (yybnet.net); {TITLE_NOT_STORED}",
    },
    "thepaper-2023-06-yibin-catl-zero-carbon-factory": {
        "title": "宜宾四川时代基地探访",
        "note": f"read on a copy (hn.shijianwang.net); {TITLE_NOT_STORED}",
    },
    "scol-2021-06-17-sichuan-time-phase1": {
        "publisher": "四川在线",
        "title": "四川时代动力电池一期项目投运",
        "note": TITLE_NOT_STORED,
    },
    "jcgj-163-jincheng-se-belt-park-sponge": {
        "publisher": "晋城公建",
        "note": "the account's page on 网易号 (163.com); undated",
    },
    "cs-xiangyang-bearing-green-factory-pv": {
        "title": "中国证券报记者走进襄阳汽车轴承股份有限公司",
        "note": f"read on a copy (jyzjblg.com); {TITLE_NOT_STORED}; undated",
    },
    "xzcf-2023-06-08-xiangyang-bearing-pv": {
        "note": "the company's notice, read on a copy (awroad.cn)",
    },
}


def main() -> None:
    merge_actions(DATA, STAGED, GROUPS, DROP_ACTIONS, SOURCE_FIXES)


if __name__ == "__main__":
    main()

"""Merge research pass r23c (research/issue-16/r23c: a second try on the places r23b left short)
into data/actions.csv and data/sources.csv. One-off, kept for the record.

Run from the repository root: ``.venv/bin/python research/issue-16/merge_r23c.py``.
- Two helpers took the 24 places still short after r23b; 7 actions came back, 6 are kept.
- Dropped: the Baofeng coal-to-olefins green-hydrogen plant for the Sulige EDZ (the named sources
  place it only in Ordos or Uxin Banner; only copies without an outlet put it in the zone).
- Kept with their doubts in the action's text or the source note: Jinpu's hydrogen vehicles were
  announced, not yet running; the Otog zone is linked to the listed high-tech zone by 内蒙古日报's
  "鄂托克高新区棋盘井产业园".
"""

from __future__ import annotations

from pathlib import Path

from csvio import merge_actions

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
STAGED = ROOT / "research" / "issue-16" / "r23c"
GROUPS = ("group-1", "group-2")
DROP_ACTIONS = {("ordos-sulige-edz", "Green hydrogen in olefins plant: ~6.3 Mt CO2 less a year")}
TITLE_NOT_STORED = "title: not stored, written by the atlas"
SOURCE_FIXES = {
    "lnrb-2025-01-17-huludao-flood-reconstruction": {
        "title": "葫芦岛“8·20”暴雨洪灾灾后重建进展",
        "note": f"the paper's e-edition (版面, background box); {TITLE_NOT_STORED}",
    },
    "lnrb-2025-03-31-huludao-117-reconstruction-projects": {
        "publisher": "辽宁日报",
        "note": "read on 人民网辽宁频道 (ln.people.com.cn)",
    },
    "nmgrb-2025-11-17-otog-qipanjing-chemical-park": {
        "title": "鄂托克高新区棋盘井产业园入选化工园区竞争力研究名单",
        "note": TITLE_NOT_STORED,
    },
    "jjrb-2019-04-22-jingmen-gem-urban-mine": {
        "title": "荆门“城市矿产”示范基地建设",
        "note": TITLE_NOT_STORED,
    },
    "cjyun-jingmen-hitech-zone-recycling-base-visit": {
        "title": "国家科技部火炬中心专家组调研荆门高新区·掇刀区再生资源利用与环保特色产业",
        "note": f"{TITLE_NOT_STORED}; undated",
    },
    "dbw-2018-09-19-xunke-straw-use": {"publisher": "东北网", "note": "its 黑河新闻网 channel"},
    "chinadaily-2024-01-26-otog-edz-profile": {
        "publisher": "China Daily",
        "note": "on China Daily's Invest in Ordos portal (investordos.goinnermongolia.com.cn)",
    },
    "chinadaily-2017-12-14-otog-edz-profile": {
        "publisher": "China Daily",
        "note": "on chinaservicesinfo.com (China Daily's services site)",
    },
}


def main() -> None:
    merge_actions(DATA, STAGED, GROUPS, DROP_ACTIONS, SOURCE_FIXES)


if __name__ == "__main__":
    main()

"""Credit lines of sources and target wording, shared by the panel, Compare, About and Targets."""

from __future__ import annotations

from atlas.i18n import translator
from atlas.panel import SourceLine, source_lines
from ui.text import source_credit, target_value, target_when

COPY = SourceLine(
    1, "x", "武汉[海绵]城市", "新华社 (Xinhua)", "2017", "http://spam.example.com/a", True
)
OWN = SourceLine(2, "y", "Plan", "Wuhan government", "", "https://www.wuhan.gov.cn/p", False)


def test_a_copy_says_where_it_was_read_after_the_publisher() -> None:
    en, zh = translator("en"), translator("zh")
    assert source_credit(COPY, en) == (
        "新华社 \\(Xinhua\\), 2017: [武汉\\[海绵\\]城市](<http://spam.example.com/a>) "
        "(copy read at spam\\.example\\.com)"
    )
    assert source_credit(COPY, zh).endswith("(阅读的是spam\\.example\\.com上的转载)")
    assert source_credit(COPY, en, markdown=False) == (
        "新华社 (Xinhua), 2017 (copy read at spam.example.com)"
    )


def test_the_publishers_own_page_is_not_marked() -> None:
    en = translator("en")
    assert source_credit(OWN, en) == "Wuhan government: [Plan](<https://www.wuhan.gov.cn/p>)"
    assert source_credit(OWN, en, markdown=False) == "Wuhan government"


def test_source_lines_of_the_whole_dataset_or_some(small) -> None:
    assert [s.id for s in source_lines(small)] == ["notice-a", "notice-b"]
    picked = source_lines(small, ["notice-b", "nope"])
    assert [(s.number, s.id, s.publisher) for s in picked] == [(1, "notice-b", "NDRC")]


def test_target_value_and_when() -> None:
    en, zh = translator("en"), translator("zh")
    assert target_value(2030.0, "year") == "2030"
    assert target_value(19.5, "%") == "19.5 %"
    assert target_when(2020, 2025, en) == "2020–2025"
    assert target_when(None, 2025, zh) == "2025年"
    assert target_when(None, None, en) == ""

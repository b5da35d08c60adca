from __future__ import annotations

import pytest

from atlas.escape import escape_markdown, escape_text, markdown_link, safe_url
from tests.hostile import HOSTILE


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_text_leaves_nothing_active(text: str) -> None:
    out = escape_text(text)
    for char in "<>\"'`$\\":
        assert char not in out
    assert "${" not in out


def test_escape_text_keeps_chinese_and_none() -> None:
    assert escape_text("长株潭 & 武汉") == "长株潭 &amp; 武汉"
    assert escape_text(None) == ""
    assert escape_text(2017) == "2017"


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_markdown_backslashes_every_special(text: str) -> None:
    out = escape_markdown(text)
    for i, char in enumerate(out):
        if char in "[]()`*_<>$#":
            assert out[i - 1] == "\\", (text, out)
    assert "\n" not in out


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.ndrc.gov.cn/a.html", True),
        ("http://example.org/x?a=1&b=2", True),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
        ("//evil.example", False),
        ("ftp://example.org", False),
    ],
)
def test_safe_url(url: str, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_markdown_link_escapes_title_and_target() -> None:
    link = markdown_link("Title [x](y)", "https://example.org/a b(c)")
    assert link.startswith("[Title \\[x\\]\\(y\\)](<https://example.org/a%20b%28c%29>)")
    assert markdown_link("Bad", "javascript:alert(1)") == "Bad"


def test_a_link_title_is_plain_text_that_cannot_break_out() -> None:
    link = markdown_link("[3]", "https://example.org/a", title='Xinhua "q" $x$ a|b \\ end\nline')
    assert link == (
        '[\\[3\\]](<https://example.org/a> "Xinhua \\"q\\" \\$x\\$ a\\|b \\\\ end line")'
    )
    assert markdown_link("[3]", "javascript:alert(1)", title="t") == "\\[3\\]"

"""Both languages have every message, pages in Chinese show no English interface text,
and content gaps in translation are counted."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from atlas.i18n import load_catalogue, preferred_language, translator
from tests.test_app import panel_title
from ui.state import W_NEARBY_OPEN, W_SHARE, W_TABLE

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u3400-\u9fff]")
# Messages that are the same in both languages on purpose (proper names, symbols).
SAME_IN_BOTH = {"basemap.osm", "basemap.positron", "picker.none", "format.year"}
PUNCTUATION_ONLY = {"format.list_separator", "map.summary.programme", "nearby.place_level"}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_exists_in_both_languages() -> None:
    en, zh = load_catalogue("en"), load_catalogue("zh")
    assert set(en) == set(zh)
    assert len(en) > 50


def test_placeholders_agree() -> None:
    en, zh = load_catalogue("en"), load_catalogue("zh")
    for key in en:
        assert fields(en[key]) == fields(zh[key]), key


def test_chinese_messages_are_chinese() -> None:
    zh = load_catalogue("zh")
    for key, text in zh.items():
        if key not in SAME_IN_BOTH | PUNCTUATION_ONLY:
            assert CJK.search(text), key


def test_every_key_used_in_the_code_exists() -> None:
    keys = set(load_catalogue("en"))
    sources = [*ROOT.glob("ui/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py"]
    used: set[str] = set()
    prefixes: set[str] = set()
    for path in sources:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt0?\(\s*["']([a-z_.-]+)["']""", text))
        prefixes |= set(re.findall(r"""\bt0?\(\s*f["']([a-z_.-]+)\{""", text))
    assert used, "no message keys found: has the call style changed?"
    assert used <= keys, used - keys
    for prefix in prefixes:
        assert any(k.startswith(prefix) for k in keys), prefix


def test_translator_helpers() -> None:
    zh, en = translator("zh"), translator("en")
    assert zh.year(2017) == "2017年" and en.year(2017) == "2017"
    assert zh.pick("Wuhan", "武汉") == "武汉"
    assert zh.pick("Wuhan", "") == "Wuhan（未翻译）"
    assert en.pick("", "武汉") == "武汉 (untranslated)"
    assert translator("fr").lang == "en"
    assert zh("map.summary", shown=3, total=9).startswith("显示 **3**")
    with pytest.raises(KeyError):
        en("no.such.key")


@pytest.mark.parametrize(
    ("locale", "lang"),
    [("zh-CN", "zh"), ("zh_TW", "zh"), ("en-US", "en"), (None, "en"), ("", "en")],
)
def test_preferred_language(locale: str | None, lang: str) -> None:
    assert preferred_language(locale) == lang


def english_interface_strings() -> list[str]:
    en, zh = load_catalogue("en"), load_catalogue("zh")
    out = []
    for key, text in en.items():
        plain = re.sub(r"\{[^}]*\}|\*\*|`", " ", text).strip()
        if key in SAME_IN_BOTH or text == zh[key]:
            continue
        # Match whole phrases of at least two words, so proper names in data do not count.
        for phrase in re.split(r"[:·()\[\]]", plain):
            phrase = phrase.strip(" .,;")
            # Two real words at least: licence names and abbreviations are proper names.
            if len(re.findall(r"\b[a-z]{3,}\b", phrase)) >= 2:
                out.append(phrase)
    return out


def rendered_text(at: AppTest) -> str:
    parts: list[str] = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "warning",
        "error",
        "expander",
    ):
        for element in getattr(at, kind):
            parts.append(str(getattr(element, "label", None) or element.value))
    for kind in ("selectbox", "multiselect", "slider", "text_input", "radio", "button_group"):
        for widget in getattr(at, kind, []):
            parts.append(str(widget.label))
            parts.append(str(getattr(widget, "placeholder", "") or ""))
            parts.append(str(getattr(widget, "help", "") or ""))
    for frame in at.dataframe:
        parts.extend(str(c) for c in frame.value.columns)
    return "\n".join(parts)


PAGES = ["pages/map.py", "pages/about.py", "pages/targets.py", "pages/programmes.py"]


@pytest.mark.parametrize("page", PAGES)
def test_no_english_interface_text_in_chinese(page: str) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "zh"
    at.query_params["place"] = "wuhan"
    at.session_state[W_TABLE] = True  # the table and share panels open: their text too
    at.session_state[W_SHARE] = True
    at.session_state[W_NEARBY_OPEN] = True
    at.run()
    if page != PAGES[0]:
        at.switch_page(str(ROOT / page)).run()
    assert not at.exception
    text = rendered_text(at)
    assert CJK.search(text)
    leaked = [phrase for phrase in english_interface_strings() if phrase in text]
    assert leaked == []


def test_chinese_panel_and_labels() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "zh"
    at.query_params["place"] = "wuhan"
    at.run()
    assert panel_title(at).startswith("武汉市")
    assert at.multiselect(key="w_programmes").label == "试点项目"
    assert "减缓：减少排放" in rendered_text(at)
    assert "2012年" in rendered_text(at)


def test_untranslated_content_is_counted(real) -> None:
    """Gaps in the Chinese (or English) content, shown marked as untranslated; keep them few."""
    places, actions = real.places, real.actions
    gaps = {
        "summary_zh": int(((places.summary_en != "") & (places.summary_zh == "")).sum()),
        "summary_en": int(((places.summary_zh != "") & (places.summary_en == "")).sum()),
        "detail_zh": int(((actions.detail_en != "") & (actions.detail_zh == "")).sum()),
        "detail_en": int(((actions.detail_zh != "") & (actions.detail_en == "")).sum()),
    }
    assert gaps == {"summary_zh": 0, "summary_en": 0, "detail_zh": 0, "detail_en": 0}


@pytest.mark.parametrize("page", PAGES)
def test_every_label_and_heading_is_chinese(page: str) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "zh"
    at.run()
    if page != PAGES[0]:
        at.switch_page(str(ROOT / page)).run()
    labels = [
        w.label
        for kind in ("selectbox", "multiselect", "slider", "text_input", "radio")
        for w in getattr(at, kind)
    ]
    headings = [h.value for kind in ("title", "header") for h in getattr(at, kind)]
    assert labels and headings
    for text in [*labels, *headings]:
        assert CJK.search(text), text
    options = [
        o
        for kind in ("selectbox", "multiselect", "radio")
        for w in getattr(at, kind)
        for o in w.options
    ]
    english_options = [o for o in options if re.fullmatch(r"[A-Za-z ()]+", o)]
    assert english_options == ["OpenStreetMap", "CartoDB Positron"]

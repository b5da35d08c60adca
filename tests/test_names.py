"""The labels of "Go to a place": readable names, and still found by English, Chinese or
pinyin under the selectbox's "contains" filter (a case-insensitive substring)."""

from __future__ import annotations

import pytest

from atlas.names import PINYIN_LEVELS, find_label, names


def found(query: str, label: str) -> bool:
    return query.lower() in label.lower()


@pytest.mark.parametrize(
    ("label", "place_id", "level", "expected"),
    [
        ("Wuhan · 武汉市", "wuhan", "city", "Wuhan · 武汉市"),
        ("Hohhot · 呼和浩特市", "huhehaote", "city", "Hohhot · 呼和浩特市 · Huhehaote"),
        ("Huai'an · 淮安市", "huaian", "city", "Huai'an · 淮安市 · Huaian"),
        ("Jilin (city) · 吉林市", "jilin-city", "city", "Jilin (city) · 吉林市"),
        ("Baicheng County, Aksu · 拜城县", "akesu-baicheng", "county",
         "Baicheng County, Aksu · 拜城县 · Akesu"),
        ("Dezhou Economic and Technological Development Zone · 德州经济技术开发区",
         "dezhou-etdz", "park",
         "Dezhou Economic and Technological Development Zone · 德州经济技术开发区"),
    ],
)  # fmt: skip
def test_find_label(label: str, place_id: str, level: str, expected: str) -> None:
    assert find_label(label, place_id, level) == expected


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_place_is_found_by_its_names_and_pinyin(real, lang: str) -> None:
    labels = names(real, lang).find
    for pid, row in real.places.iterrows():
        label = labels[pid]
        assert found(row["name_en"], label) and found(row["name_zh"], label), pid
        if row["level"] in PINYIN_LEVELS:
            for word in pid.split("-"):
                assert found(word, label), (pid, word)


def test_labels_show_no_raw_keys(real) -> None:
    labels = names(real, "en").find
    for pid in real.places.index:
        key = pid.replace("-", " ")
        # A key appears only where it is the name itself ("Wuhan" for wuhan), never
        # appended in its lowercase id form ("· akesu baicheng", "· dezhou etdz").
        assert not labels[pid].endswith(f"· {key}"), labels[pid]
        assert labels[pid].count(" · ") <= 2


def test_places_sort_by_name_with_a_city_before_its_parts(real) -> None:
    order = names(real, "en").sorted_find
    assert order.index("wuhan") < order.index("wuhan-huashan-eco-new-town")
    assert len(order) == len(real.places)

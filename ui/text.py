"""Content text in the chosen language: names of places, programmes and provinces."""

from __future__ import annotations

import pandas as pd

from atlas.dataset import Dataset
from atlas.i18n import Translator


def programme_name(dataset: Dataset, t: Translator, programme: str) -> str:
    row = dataset.programmes.loc[programme]
    return t.pick(row["name_en"], row["name_zh"])


def province_name(dataset: Dataset, t: Translator, province: str) -> str:
    row = dataset.provinces.loc[province]
    return t.pick(row["name_en"], row["name_zh"])


def place_label(name_en: str, name_zh: str, t: Translator) -> str:
    """'Wuhan · 武汉市' in English, '武汉市 · Wuhan' in Chinese."""
    first, second = (name_zh, name_en) if t.lang == "zh" else (name_en, name_zh)
    return f"{first} · {second}" if first and second else (first or second)


def place_labels(places: pd.DataFrame, t: Translator) -> dict[str, str]:
    """Display label of every place, the chosen language first (one pass, no lookups)."""
    first, second = ("name_zh", "name_en") if t.lang == "zh" else ("name_en", "name_zh")
    return {
        pid: f"{a} · {b}" if a and b else (a or b)
        for pid, a, b in zip(places.index, places[first], places[second], strict=True)
    }


def find_labels(places: pd.DataFrame, t: Translator) -> dict[str, str]:
    """Search labels of every place: both names and the pinyin id."""
    labels = place_labels(places, t)
    out = {}
    for pid, label in labels.items():
        pinyin = pid.replace("-", " ")
        out[pid] = label if pinyin in label.lower() else f"{label} · {pinyin}"
    return out

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


def find_label(places: pd.DataFrame, t: Translator, place_id: str) -> str:
    """A search label: both names and the pinyin id, so typing any of them finds the place."""
    label = place_label(places.at[place_id, "name_en"], places.at[place_id, "name_zh"], t)
    pinyin = place_id.replace("-", " ")
    return label if pinyin in label.lower() else f"{label} · {pinyin}"

"""Content text in the chosen language: names of places, programmes and provinces."""

from __future__ import annotations

from atlas.dataset import Dataset
from atlas.i18n import Translator
from atlas.names import Names, join_names, names


def programme_name(dataset: Dataset, t: Translator, programme: str) -> str:
    return names(dataset, t.lang).programmes[programme]


def province_name(dataset: Dataset, t: Translator, province: str) -> str:
    return names(dataset, t.lang).provinces[province]


def place_label(name_en: str, name_zh: str, t: Translator) -> str:
    """'Wuhan · 武汉市' in English, '武汉市 · Wuhan' in Chinese."""
    return join_names(name_zh, name_en) if t.lang == "zh" else join_names(name_en, name_zh)


def names_in(dataset: Dataset, t: Translator) -> Names:
    """Every name of ``dataset`` in ``t``'s language (built once, then shared)."""
    return names(dataset, t.lang)

"""Every name the interface shows, built once per dataset and language.

Pages ask for a programme's or province's name many times per rerun, and the map and
pickers need a label for every place; looking each up through pandas costs far more
than the rerun's real work, so they are built here as plain dicts and kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from atlas.dataset import Dataset, per_dataset
from atlas.i18n import Translator


@dataclass(frozen=True)
class Names:
    """Names in one language; place ids in ``sorted_places`` follow that language's names."""

    lang: str
    programmes: Mapping[str, str]
    provinces: Mapping[str, str]
    places: Mapping[str, str]  # "Wuhan · 武汉市", the chosen language first
    short: Mapping[str, str]  # "Wuhan": the name in the chosen language only
    find: Mapping[str, str]  # the label, plus the pinyin where typing it would not find it
    sorted_places: tuple[str, ...]
    sorted_find: tuple[str, ...]


def join_names(first: str, second: str) -> str:
    """'Wuhan · 武汉市': both names when both exist, else whichever does."""
    return f"{first} · {second}" if first and second else (first or second)


# Levels whose ids are the place's pinyin (data/README.md); parks' and towns' ids are
# descriptive slugs ("dezhou-etdz") and their names already hold their city's name.
PINYIN_LEVELS = frozenset({"province", "city", "district", "county", "region", "agglomeration"})
ID_WORDS = frozenset({"city"})  # added to an id to tell it apart ("jilin-city"), not pinyin


def find_label(label: str, place_id: str, level: str) -> str:
    """``label`` as "Go to a place" offers it: typing a part of the English or Chinese name
    or of the pinyin finds it (a case-insensitive substring of the label). The pinyin the
    names do not already hold follows as a third name: "Hohhot · 呼和浩特市 · Huhehaote"."""
    if level not in PINYIN_LEVELS:
        return label
    words = [w for w in place_id.split("-") if w not in ID_WORDS and w not in label.lower()]
    return join_names(label, " ".join(w.capitalize() for w in words))


def _pick_all(ids: Iterable[str], en: Iterable[str], zh: Iterable[str], t: Translator) -> dict:
    return {i: t.pick(e, z) for i, e, z in zip(ids, en, zh, strict=True)}


@per_dataset(maxsize=4)
def names(dataset: Dataset, lang: str) -> Names:
    """The names of ``dataset`` in ``lang`` (cached per dataset object and language)."""
    t = Translator(lang)
    places = dataset.places
    first, second = ("name_zh", "name_en") if lang == "zh" else ("name_en", "name_zh")
    labels = {
        pid: join_names(a, b)
        for pid, a, b in zip(places.index, places[first], places[second], strict=True)
    }
    find = {
        pid: find_label(labels[pid], pid, level)
        for pid, level in zip(places.index, places["level"], strict=True)
    }
    own_name = dict(zip(places.index, places[first], strict=True))
    # A district, county, park, town or community sorts under its city: "Wuhan" before "Wuchang
    # District, Wuhan" and the parks, whatever their own names.
    city_by_zh = {
        zh: pid
        for pid, zh, level in zip(places.index, places["name_zh"], places["level"], strict=True)
        if level == "city"
    }
    parent = {
        pid: city_by_zh.get(within)
        for pid, within in zip(places.index, places["within_zh"], strict=True)
    }

    def order(pid: str) -> tuple[str, int, str, str]:
        city = parent.get(pid)
        head = own_name[city] if city and city != pid else own_name[pid]
        return (head or "", int(bool(city and city != pid)), own_name[pid] or "", pid)

    by_name = sorted(own_name, key=order)
    return Names(
        lang=lang,
        programmes=_pick_all(
            dataset.programmes.index,
            dataset.programmes["name_en"],
            dataset.programmes["name_zh"],
            t,
        ),
        provinces=_pick_all(
            dataset.provinces.index, dataset.provinces["name_en"], dataset.provinces["name_zh"], t
        ),
        places=labels,
        short=_pick_all(places.index, places["name_en"], places["name_zh"], t),
        find=find,
        sorted_places=tuple(by_name),
        # By the name in the chosen language, as the places: "Wuhan" before its parks.
        sorted_find=tuple(by_name),
    )

"""Which places and memberships a view shows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pandas as pd

from atlas.dataset import Dataset, per_dataset
from atlas.schema import FAMILIES
from atlas.view import KEYLESS_BASEMAPS, ViewOptions, ViewState

BATCH_SEPARATOR = ":"


def batch_token(programme: str, batch: int) -> str:
    """The URL form of one batch of a programme, e.g. ``low-carbon-pilot:2``."""
    return f"{programme}{BATCH_SEPARATOR}{batch}"


def parse_batch_token(token: str) -> tuple[str, int]:
    """Inverse of :func:`batch_token`."""
    programme, _, batch = token.rpartition(BATCH_SEPARATOR)
    return programme, int(batch)


def view_options(dataset: Dataset, basemaps: tuple[str, ...] = KEYLESS_BASEMAPS) -> ViewOptions:
    """The values a view may take for this dataset (and the basemaps this server offers)."""
    m = dataset.memberships
    batches = (
        m.dropna(subset=["batch"])[["programme", "batch"]]
        .drop_duplicates()
        .assign(order=lambda f: f["programme"].map(list(dataset.programmes["id"]).index))
        .sort_values(["order", "batch"])
    )
    years = [int(y) for y in m["year"].dropna()] or [2010]
    family_of = _programme_families(dataset)
    with_places = {family_of[p] for p in m["programme"].unique().tolist()}
    return ViewOptions(
        places=frozenset(dataset.places["id"]),
        programmes=tuple(dataset.programmes["id"]),
        batches=tuple(
            batch_token(p, int(b)) for p, b in zip(batches.programme, batches.batch, strict=True)
        ),
        provinces=frozenset(dataset.provinces["id"]),
        years=(min(years), max(max(years), min(years))),
        basemaps=basemaps,
        families=tuple(f for f in FAMILIES if f in with_places),
        programme_families=tuple(family_of[p] for p in dataset.programmes["id"].tolist()),
    )


@per_dataset(maxsize=1)
def _programme_families(dataset: Dataset) -> dict[str, str]:
    """Programme id -> its family ("" for a programme without one)."""
    programmes = dataset.programmes
    return dict(zip(programmes["id"].tolist(), programmes["family"].tolist(), strict=True))


def within_families(dataset: Dataset, view: ViewState) -> ViewState:
    """The view's programme and batch choice with its family choice applied.

    Choosing families means "places in any programme of these families". Chosen programmes
    and batches outside the chosen families are dropped (the sidebar no longer offers them,
    so the two choices never contradict). Inside, the batch rule goes one level up: a chosen
    programme or batch stands for its family narrowed to it, and a family with none of its
    programmes or batches chosen passes whole. "Adaptation" alone thus shows every place in
    an adaptation programme; "Adaptation" with "Sponge-city pilots" shows the sponge-city
    pilots; adding "Markets and finance" adds every ETS and climate-finance pilot. No family
    chosen leaves the view as it is. The result keeps ``families``; its ``programmes`` lists
    every programme that passes whole or narrowed to its chosen batches.
    """
    if not view.families:
        return view
    family_of = _programme_families(dataset)
    chosen = set(view.families)
    programmes = {p for p in view.programmes if family_of.get(p) in chosen}
    batches = tuple(b for b in view.batches if family_of.get(parse_batch_token(b)[0]) in chosen)
    narrowed = {family_of[p] for p in programmes}
    narrowed |= {family_of[parse_batch_token(b)[0]] for b in batches}
    programmes |= {p for p, f in family_of.items() if f in chosen and f not in narrowed}
    return replace(
        view,
        programmes=tuple(p for p in family_of if p in programmes),
        batches=batches,
    )


MembershipRow = tuple[str, str, int | None, int | None]  # place, programme, batch, year


@per_dataset(maxsize=1)
def _membership_rows(dataset: Dataset) -> list[MembershipRow]:
    m = dataset.memberships
    batches = [None if pd.isna(b) else int(b) for b in m["batch"]]
    years = [None if pd.isna(y) else int(y) for y in m["year"]]
    return list(zip(m["place_id"].tolist(), m["programme"].tolist(), batches, years, strict=True))


def _membership_test(view: ViewState) -> Callable[[MembershipRow], bool]:
    """Whether one membership passes the view's programme, batch and year filters.

    A chosen batch stands for its programme, narrowed to that batch; a chosen programme
    without a chosen batch passes whole. Choosing only "low-carbon pilots, batch 2" thus
    shows that batch and nothing else, and adding the climate-adaptive programme shows
    that batch and every climate-adaptive pilot. ``view`` has been through
    :func:`within_families`: with families chosen, no programme left means none passes.
    """
    chosen: dict[str, set[int]] = {}
    for token in view.batches:
        programme, batch = parse_batch_token(token)
        chosen.setdefault(programme, set()).add(batch)
    whole = set(view.programmes) - set(chosen)
    any_programme = not view.programmes and not chosen and not view.families
    low = view.year_from if view.year_from is not None else -1
    high = view.year_to if view.year_to is not None else 10_000

    def passes(row: MembershipRow) -> bool:
        _place, programme, batch, year = row
        if not (any_programme or programme in whole or batch in chosen.get(programme, ())):
            return False
        # Without a year a membership passes a lower bound of 0 only, and any upper bound
        # it is not below (as if its year were 0 and 9999 respectively).
        return (year if year is not None else 0) >= low and (
            year if year is not None else 9999
        ) <= high

    return passes


def matching_memberships(dataset: Dataset, view: ViewState) -> pd.DataFrame:
    """Membership rows that pass the family, programme, batch and year filters."""
    passes = _membership_test(within_families(dataset, view))
    mask = np.array([passes(row) for row in _membership_rows(dataset)], dtype=bool)
    return dataset.memberships[mask]


def membership_filter_active(view: ViewState) -> bool:
    """True when the view narrows places by their memberships."""
    return bool(view.families or view.programmes or view.batches or view.year_from or view.year_to)


def search_matches(places: pd.DataFrame, text: str) -> pd.Series:
    """Boolean mask of places whose English name, Chinese name or pinyin id contains ``text``."""
    needle = text.strip().lower()
    if not needle:
        return pd.Series(True, index=places.index)
    compact = needle.replace(" ", "").replace("-", "")
    return (
        places["name_en"].str.lower().str.contains(needle, regex=False)
        | places["name_zh"].str.contains(needle, regex=False)
        | places["id"].str.replace("-", "", regex=False).str.contains(compact, regex=False)
    )


def filters_of(view: ViewState) -> ViewState:
    """The part of ``view`` that decides which places are shown (a key for what follows
    from them alone): a click, a pan or the language leave it as it is."""
    return replace(
        ViewState(),
        families=view.families,
        programmes=view.programmes,
        batches=view.batches,
        province=view.province,
        year_from=view.year_from,
        year_to=view.year_to,
        search=view.search,
    )


def shown_places(dataset: Dataset, view: ViewState) -> pd.DataFrame:
    """The places a view shows, each with the programmes that made it pass.

    Adds a column ``programmes``: a tuple of programme ids, in the order of
    ``programmes.csv``, of the place's memberships that pass the filters.
    """
    # Only the filters matter: a click or a pan reuses the last result. The copy is
    # shallow; with pandas' copy-on-write, changing it never changes the cached frame.
    return _shown_places(dataset, filters_of(view)).copy(deep=False)


@per_dataset(maxsize=32)
def _shown_places(dataset: Dataset, view: ViewState) -> pd.DataFrame:
    places = dataset.places
    passes = _membership_test(within_families(dataset, view))
    order = {pid: i for i, pid in enumerate(dataset.programmes["id"].tolist())}
    # Plain Python over the membership rows: pandas' filtering and grouping cost more.
    found: dict[str, set[str]] = {}
    for row in _membership_rows(dataset):
        if passes(row):
            found.setdefault(row[0], set()).add(row[1])
    by_place = {pid: tuple(sorted(progs, key=order.__getitem__)) for pid, progs in found.items()}
    ids = places.index.tolist()
    keep = [True] * len(ids)
    if membership_filter_active(view):
        keep = [pid in by_place for pid in ids]
    if view.province:
        provinces = places["province"].tolist()
        keep = [k and view.province in p for k, p in zip(keep, provinces, strict=True)]
    if view.search:
        matches = search_matches(places, view.search).tolist()
        keep = [k and m for k, m in zip(keep, matches, strict=True)]
    # Copy-on-write (pandas >= 3): adding a column to the selection leaves ``places`` as it is.
    result = places[np.array(keep, dtype=bool)]
    result["programmes"] = [by_place.get(pid, ()) for pid in result.index.tolist()]
    return result


def programme_counts(dataset: Dataset, shown: pd.DataFrame) -> dict[str, int]:
    """How many of the shown places are in each programme (programmes.csv order)."""
    tally = Counter(p for programmes in shown["programmes"].tolist() for p in programmes)
    return {p: tally[p] for p in _programme_families(dataset)}  # (in programmes.csv order)


@per_dataset(maxsize=1)
def places_outside_programmes(dataset: Dataset) -> int:
    """How many places hold no national programme (regional initiatives)."""
    return len(dataset.places) - len(set(dataset.memberships["place_id"].tolist()))


def family_counts(dataset: Dataset, shown: pd.DataFrame) -> dict[str, int]:
    """How many of the shown places are in each programme family (a place once per family),
    in the order of the families' first programmes in programmes.csv; programmes without a
    family are left out."""
    family = _programme_families(dataset)
    order = list(dict.fromkeys(f for f in family.values() if f))
    tally = Counter(
        f for programmes in shown["programmes"].tolist() for f in {family[p] for p in programmes}
    )
    return {f: tally[f] for f in order}


@per_dataset(maxsize=1)
def family_sizes(dataset: Dataset) -> dict[str, int]:
    """How many places each programme family has, unfiltered (for the family filter's
    options; counted once per dataset)."""
    return family_counts(dataset, _shown_places(dataset, ViewState()))

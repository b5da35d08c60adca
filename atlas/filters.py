"""Which places and memberships a view shows."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import pandas as pd

from atlas.dataset import Dataset
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
    return ViewOptions(
        places=frozenset(dataset.places["id"]),
        programmes=tuple(dataset.programmes["id"]),
        batches=tuple(
            batch_token(p, int(b)) for p, b in zip(batches.programme, batches.batch, strict=True)
        ),
        provinces=frozenset(dataset.provinces["id"]),
        years=(min(years), max(max(years), min(years))),
        basemaps=basemaps,
    )


def matching_memberships(dataset: Dataset, view: ViewState) -> pd.DataFrame:
    """Membership rows that pass the programme, batch and year filters."""
    m = dataset.memberships
    mask = pd.Series(True, index=m.index)
    if view.programmes:
        mask &= m["programme"].isin(view.programmes)
    if view.batches:
        chosen: dict[str, set[int]] = {}
        for token in view.batches:
            programme, batch = parse_batch_token(token)
            chosen.setdefault(programme, set()).add(batch)
        # A batch choice narrows only its own programme; others pass whole.
        in_batch = pd.Series(
            [
                prog not in chosen or (pd.notna(b) and int(b) in chosen[prog])
                for prog, b in zip(m["programme"], m["batch"], strict=True)
            ],
            index=m.index,
        )
        mask &= in_batch
    if view.year_from is not None:
        mask &= m["year"].fillna(0) >= view.year_from
    if view.year_to is not None:
        mask &= m["year"].fillna(9999) <= view.year_to
    return m[mask]


def membership_filter_active(view: ViewState) -> bool:
    """True when the view narrows places by their memberships."""
    return bool(view.programmes or view.batches or view.year_from or view.year_to)


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


def shown_places(dataset: Dataset, view: ViewState) -> pd.DataFrame:
    """The places a view shows, each with the programmes that made it pass.

    Adds a column ``programmes``: a tuple of programme ids, in the order of
    ``programmes.csv``, of the place's memberships that pass the filters.
    """
    # Only the filters matter: a click or a pan reuses the last result. The copy is
    # shallow; with pandas' copy-on-write, changing it never changes the cached frame.
    filters = replace(
        ViewState(),
        programmes=view.programmes,
        batches=view.batches,
        province=view.province,
        year_from=view.year_from,
        year_to=view.year_to,
        search=view.search,
    )
    return _shown_places(dataset, filters).copy(deep=False)


@lru_cache(maxsize=32)
def _shown_places(dataset: Dataset, view: ViewState) -> pd.DataFrame:
    places = dataset.places
    members = matching_memberships(dataset, view)
    order = {pid: i for i, pid in enumerate(dataset.programmes["id"])}
    pairs = (
        members[["place_id", "programme"]]
        .drop_duplicates()
        .assign(order=lambda f: f["programme"].map(order))
        .sort_values("order", kind="stable")
    )
    # A dict built in one pass: groupby(...).agg(tuple) calls Python per group (~10x slower).
    by_place: dict[str, tuple[str, ...]] = {}
    for place_id, programme in zip(pairs["place_id"], pairs["programme"], strict=True):
        by_place[place_id] = (*by_place.get(place_id, ()), programme)
    mask = pd.Series(True, index=places.index)
    if membership_filter_active(view):
        mask &= places.index.isin(list(by_place))
    if view.province:
        mask &= places["province"].map(lambda provinces: view.province in provinces)
    if view.search:
        mask &= search_matches(places, view.search)
    result = places[mask].copy()
    result["programmes"] = [by_place.get(pid, ()) for pid in result.index]
    return result


def programme_counts(dataset: Dataset, shown: pd.DataFrame) -> pd.Series:
    """How many of the shown places are in each programme (programmes.csv order)."""
    tally = shown["programmes"].explode().dropna().value_counts()
    return tally.reindex(dataset.programmes["id"], fill_value=0).astype(int)

"""Which places and memberships a view shows."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy as np
import pandas as pd

from atlas.dataset import Dataset, per_dataset
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


@per_dataset(maxsize=32)
def _shown_places(dataset: Dataset, view: ViewState) -> pd.DataFrame:
    places = dataset.places
    members = matching_memberships(dataset, view)
    order = {pid: i for i, pid in enumerate(dataset.programmes["id"])}
    # Plain Python over the few matching rows: pandas' grouping costs more than the work.
    found: dict[str, set[str]] = {}
    for place_id, programme in zip(
        members["place_id"].tolist(), members["programme"].tolist(), strict=True
    ):
        found.setdefault(place_id, set()).add(programme)
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
    result = places[np.array(keep, dtype=bool)].copy()
    result["programmes"] = [by_place.get(pid, ()) for pid in result.index]
    return result


def programme_counts(dataset: Dataset, shown: pd.DataFrame) -> pd.Series:
    """How many of the shown places are in each programme (programmes.csv order)."""
    tally = Counter(p for programmes in shown["programmes"] for p in programmes)
    ids = dataset.programmes["id"]
    return pd.Series([tally[p] for p in ids], index=pd.Index(ids, name="id"), dtype=int)

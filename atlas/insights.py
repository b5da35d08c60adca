"""Views beyond the map: growth over time, overlaps, provinces, comparison, neighbours.

Every function takes the dataset and the view, so each page follows the same
filters as the map; all return plain DataFrames for the pages to chart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from atlas.dataset import Dataset, per_dataset
from atlas.filters import matching_memberships, shown_places
from atlas.view import ViewState


def filtered_memberships(dataset: Dataset, view: ViewState) -> pd.DataFrame:
    """Memberships passing the filters, of places the view shows."""
    shown = shown_places(dataset, view)
    members = matching_memberships(dataset, view)
    return members[members["place_id"].isin(shown.index)]


def designations_by_year(dataset: Dataset, view: ViewState) -> pd.DataFrame:
    """How many places each programme designated each year: columns year, programme, places."""
    members = filtered_memberships(dataset, view)
    counts = (
        members.drop_duplicates(["place_id", "programme", "year"])
        .groupby(["year", "programme"])
        .size()
        .rename("places")
        .reset_index()
    )
    counts["year"] = counts["year"].astype(int)
    return counts.sort_values(["year", "programme"], ignore_index=True)


def year_span(years: Iterable[int]) -> list[int]:
    """Every year from the first to the last of ``years``, so that a chart's axis shows a
    year without designations as a gap instead of leaving it out. Empty for no years."""
    present = [int(y) for y in years]
    return list(range(min(present), max(present) + 1)) if present else []


def programme_sets(dataset: Dataset, view: ViewState) -> pd.Series:
    """Each shown place's programmes (passing the filters), as a tuple in programmes.csv order."""
    order = list(dataset.programmes["id"])
    members = filtered_memberships(dataset, view)
    return (
        members.drop_duplicates(["place_id", "programme"])
        .groupby("place_id")["programme"]
        .agg(lambda ps: tuple(sorted(ps, key=order.index)))
    )


def combinations(dataset: Dataset, view: ViewState) -> pd.DataFrame:
    """UpSet-style counts: each combination of programmes held by at least one place,
    with how many places hold exactly that combination. Largest first."""
    sets = programme_sets(dataset, view)
    counts = sets.value_counts().rename("places").reset_index()
    counts.columns = ["programmes", "places"]
    counts["size"] = counts["programmes"].map(len)
    return counts.sort_values(["places", "size"], ascending=[False, False], ignore_index=True)


def co_membership(dataset: Dataset, view: ViewState) -> pd.DataFrame:
    """Programme x programme: how many places are in both (the diagonal: in the programme)."""
    sets = programme_sets(dataset, view)
    ids = list(dataset.programmes["id"])
    rows = [
        {"a": a, "b": b, "places": int(sum(a in s and b in s for s in sets))}
        for a in ids
        for b in ids
    ]
    return pd.DataFrame(rows)


def places_in_many(dataset: Dataset, view: ViewState, at_least: int = 3) -> pd.DataFrame:
    """Places in ``at_least`` programmes or more: columns id, programmes, count."""
    sets = programme_sets(dataset, view)
    many = sets[sets.map(len) >= at_least]
    frame = pd.DataFrame({"id": many.index, "programmes": many.values})
    frame["count"] = frame["programmes"].map(len)
    return frame.sort_values(["count", "id"], ascending=[False, True], ignore_index=True)


def province_counts(dataset: Dataset, view: ViewState, programme: str | None = None) -> pd.Series:
    """Pilot places per province (a place spanning provinces counts in each), all provinces."""
    sets = programme_sets(dataset, view)
    if programme:
        sets = sets[sets.map(lambda s: programme in s)]
    provinces = dataset.places.loc[sets.index, "province"].explode()
    counts = provinces.value_counts()
    return counts.reindex(dataset.provinces.index, fill_value=0).astype(int)


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from geopy.distance import geodesic

    return float(geodesic((lat1, lon1), (lat2, lon2)).km)


def nearby(
    dataset: Dataset, place_id: str, radius_km: float, candidates: Sequence[str] | None = None
) -> pd.DataFrame:
    """Other places within ``radius_km`` of a place (geodesic, WGS-84): id, km. Nearest first."""
    pairs = _nearby(dataset, place_id, radius_km, None if candidates is None else tuple(candidates))
    return pd.DataFrame({"id": [p for p, _ in pairs], "km": [km for _, km in pairs]})


EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG), for the spherical first pass


@per_dataset(maxsize=1)
def _coordinates(dataset: Dataset) -> tuple[list[str], np.ndarray, np.ndarray]:
    places = dataset.places
    return places.index.tolist(), places["lat"].to_numpy(float), places["lon"].to_numpy(float)


@per_dataset(maxsize=256)
def _nearby(
    dataset: Dataset, place_id: str, radius_km: float, candidates: tuple[str, ...] | None
) -> tuple[tuple[str, float], ...]:
    ids, lats, lons = _coordinates(dataset)
    if place_id not in dataset.places.index:
        return ()
    where = ids.index(place_id)
    lat, lon = float(lats[where]), float(lons[where])
    # Great-circle distance on a sphere for all places at once drops the far ones; the
    # geodesic (WGS-84 ellipsoid, which differs by under 0.6%) is computed for the rest.
    rlat, rlon = np.radians(lats), np.radians(lons)
    a = (
        np.sin((rlat - math.radians(lat)) / 2) ** 2
        + math.cos(math.radians(lat)) * np.cos(rlat) * np.sin((rlon - math.radians(lon)) / 2) ** 2
    )
    sphere_km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    allowed = None if candidates is None else set(candidates)
    found = []
    for i in np.flatnonzero(sphere_km <= radius_km * 1.01).tolist():
        pid = ids[i]
        if pid == place_id or (allowed is not None and pid not in allowed):
            continue
        km = _distance_km(lat, lon, float(lats[i]), float(lons[i]))
        if km <= radius_km:
            found.append((pid, km))
    return tuple(sorted(found, key=lambda pair: (pair[1], pair[0])))


def actions_by_theme(dataset: Dataset, place_id: str) -> pd.DataFrame:
    """A place's actions, sorted by kind, theme and year (for side-by-side comparison)."""
    acts = dataset.actions[dataset.actions["place_id"] == place_id]
    return acts.sort_values(["kind", "theme", "year"], kind="stable", ignore_index=True)

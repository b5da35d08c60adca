"""Views beyond the map: growth over time, overlaps, provinces, comparison, neighbours.

Every function takes the dataset and the view, so each page follows the same
filters as the map; all return plain DataFrames for the pages to chart.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

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


GROUP_LEVELS = frozenset({"province", "region", "agglomeration"})
# Smallest first: "inside" lists what a place holds largest first (a province's cities, then
# its parks).
LEVEL_ORDER = (
    "community",
    "park",
    "town",
    "district",
    "county",
    "city",
    "agglomeration",
    "province",
    "region",
)


@dataclass(frozen=True)
class Surroundings:
    """How other places relate to one place beyond distance: a reader does not call the
    province or city group that holds a place "nearby", nor a park inside a city."""

    within: tuple[str, ...]  # places that contain it (its city, province, group), nearest first
    inside: tuple[str, ...]  # places it contains, largest first (a province's cities, then parks)
    city: str | None  # its city (of a park, town, community, district or county), if a pilot
    beside: tuple[str, ...]  # other places in that same city


def _in_ring(lon: float, lat: float, ring: Sequence[Sequence[float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def point_in_shape(lat: float, lon: float, geometry: Mapping[str, Any] | None) -> bool:
    """Whether a WGS-84 point lies in a GeoJSON Polygon or MultiPolygon (holes excluded)."""
    if not geometry:
        return False
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    return any(
        rings
        and _in_ring(lon, lat, [p[:2] for p in rings[0]])
        and not any(_in_ring(lon, lat, [p[:2] for p in hole]) for hole in rings[1:])
        for rings in polygons
    )


@per_dataset(maxsize=1)
def _direct_containers(dataset: Dataset) -> dict[str, tuple[str, ...]]:
    """Each place's immediate containers from the tables alone: the province that holds all
    of it, the city named in ``within_zh``, a group that lists it among its members."""
    places = dataset.places
    provinces = set(places.index[places["level"] == "province"])
    by_name_zh: dict[str, list[str]] = {}
    for pid, name, level in zip(places.index, places["name_zh"], places["level"], strict=True):
        if level not in GROUP_LEVELS:
            by_name_zh.setdefault(name, []).append(pid)
    parents: dict[str, set[str]] = {pid: set() for pid in places.index}
    for pid, level, where, within in zip(
        places.index, places["level"], places["province"], places["within_zh"], strict=True
    ):
        if level != "province" and len(where) == 1 and where[0] in provinces:
            parents[pid].add(where[0])
        if within:
            parents[pid].update(p for p in by_name_zh.get(within, ()) if p != pid)
    for group, members in zip(places.index, places["members"], strict=True):
        for member in members:
            if member in parents and member != group:
                parents[member].add(group)
    return {pid: tuple(sorted(ps)) for pid, ps in parents.items()}


def surroundings(
    dataset: Dataset, place_id: str, shapes: Mapping[str, str] | None = None
) -> Surroundings:
    """The places that contain ``place_id``, those it contains, and those in its city.

    ``shapes`` (id -> GeoJSON geometry as JSON text, ``GeoLayers.shape_json``) adds what
    the tables do not say: a region without a member list (the Qinghai-Tibet Plateau)
    contains the places whose point lies in its shape. Containment is transitive (a park
    in Wuhan is also in Hubei).
    """
    places = dataset.places
    if place_id not in places.index:
        return Surroundings((), (), None, ())
    parents, children = _containment(dataset, tuple(sorted((shapes or {}).items())))

    def closure(start: str, step: Mapping[str, tuple[str, ...]]) -> list[str]:
        seen: list[str] = []
        todo = list(step.get(start, ()))
        while todo:
            pid = todo.pop(0)
            if pid != start and pid not in seen:
                seen.append(pid)
                todo.extend(step.get(pid, ()))
        return seen

    within, inside = closure(place_id, parents), closure(place_id, children)
    # The nearest container first: the one held by the most of the others (Wuhan, in Hubei).
    depth = {pid: len(closure(pid, parents)) for pid in within}
    rank = {level: i for i, level in enumerate(LEVEL_ORDER)}

    def size(pid: str) -> int:
        return rank.get(places.at[pid, "level"], len(rank))

    cities = [p for p in parents.get(place_id, ()) if places.at[p, "level"] not in GROUP_LEVELS]
    city = cities[0] if len(cities) == 1 else None
    related = {place_id, *within, *inside}
    beside = [p for p in children.get(city, ()) if p not in related] if city else []
    return Surroundings(
        within=tuple(sorted(within, key=lambda p: (-depth[p], size(p), p))),
        inside=tuple(sorted(inside, key=lambda p: (-size(p), p))),
        city=city,
        beside=tuple(sorted(beside)),
    )


@per_dataset(maxsize=2)
def _containment(
    dataset: Dataset, shapes: tuple[tuple[str, str], ...]
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Immediate containers and contents of every place (from the tables and the shapes of
    groups without members)."""
    places = dataset.places
    parents = {pid: set(ps) for pid, ps in _direct_containers(dataset).items()}
    geometries = dict(shapes)
    for group in places.index[places["level"].isin(["region", "agglomeration"])]:
        if places.at[group, "members"] or group not in geometries:
            continue
        geometry = json.loads(geometries[group])
        for pid, level, lat, lon in zip(
            places.index, places["level"], places["lat"], places["lon"], strict=True
        ):
            if level not in GROUP_LEVELS and point_in_shape(float(lat), float(lon), geometry):
                parents[pid].add(group)
    children: dict[str, set[str]] = {}
    for child, ps in parents.items():
        for parent in ps:
            children.setdefault(parent, set()).add(child)
    return (
        {pid: tuple(sorted(ps)) for pid, ps in parents.items()},
        {pid: tuple(sorted(cs)) for pid, cs in children.items()},
    )


def nearby_outside(
    dataset: Dataset,
    place_id: str,
    radius_km: float,
    around: Surroundings | None = None,
) -> pd.DataFrame:
    """``nearby`` without the places that contain ``place_id``, lie inside it or share its
    city (``around``, from ``surroundings``): those are not "nearby" at some distance."""
    found = nearby(dataset, place_id, radius_km)
    if around is None:
        return found
    related = {*around.within, *around.inside, *around.beside}
    return found[~found["id"].isin(related)].reset_index(drop=True)


def km_text(km: float) -> str:
    """A distance as a reader takes it: whole kilometres, and never "0 km"."""
    return "< 1" if km < 1 else f"{km:.0f}"


def upset_cells(combos: pd.DataFrame, programmes: Sequence[str]) -> pd.DataFrame:
    """The dot matrix of an UpSet chart: one row per combination (``combinations``, in its
    order) and programme, with ``held`` true where the combination includes it, and the
    first and last programme held (by position in ``programmes``) to draw the line joining
    its dots. Columns: combination (its position), programme, row, held, first, last."""
    rows = []
    for position, held in enumerate(combos["programmes"]):
        rows_held = [programmes.index(p) for p in held if p in programmes]
        first, last = (min(rows_held), max(rows_held)) if rows_held else (None, None)
        rows += [
            {
                "combination": position,
                "programme": p,
                "row": i,
                "held": p in held,
                "first": first,
                "last": last,
            }
            for i, p in enumerate(programmes)
        ]
    columns = ["combination", "programme", "row", "held", "first", "last"]
    return pd.DataFrame(rows, columns=columns)

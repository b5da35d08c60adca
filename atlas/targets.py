"""Declared targets across places: peak years by programme and batch, the other metrics as
rows, and targets side by side for the compare page. Plain DataFrames, no rendering."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from atlas.dataset import Dataset
from atlas.filters import shown_places
from atlas.insights import filtered_memberships
from atlas.schema import METRICS
from atlas.view import ViewState

PEAK_YEAR = "co2-peak-year"
PEAK_COLUMNS = ("place_id", "programme", "batch", "peak_year", "stack")
TARGET_COLUMNS = (
    "place_id",
    "metric",
    "value",
    "unit",
    "base_year",
    "target_year",
    "document",
    "source_id",
    "note",
)


def declared_peak_years(dataset: Dataset) -> dict[str, int]:
    """Each place's declared CO₂ peak year: the earliest its plans give.

    From ``targets.csv``; a folder of the older form still has them in the membership's
    ``peak_year`` column, read the same way (the panel does the same).
    """
    years: dict[str, int] = {}

    def keep(place_id: str, year: object) -> None:
        if pd.isna(year):  # type: ignore[arg-type]
            return
        year = int(year)  # type: ignore[call-overload]
        years[place_id] = min(year, years.get(place_id, year))

    targets = dataset.targets
    if targets is not None:
        peaks = targets[targets["metric"] == PEAK_YEAR]
        for pid, value in zip(peaks["place_id"], peaks["value"], strict=True):
            keep(pid, value)
    m = dataset.memberships
    for pid, value in zip(m["place_id"], m["peak_year"], strict=True):
        keep(pid, value)
    return years


def peak_years(dataset: Dataset, view: ViewState) -> pd.DataFrame:
    """One row per membership passing the filters of a place with a declared peak year.

    Columns: place_id, programme, batch (``<NA>`` where the programme has none), peak_year,
    and ``stack``, the place's position (0, 1, ...) among places of the same programme,
    batch and peak year, so a strip chart can draw each place as its own dot. Rows are in
    programmes.csv order, then batch, peak year and place id.
    """
    years = declared_peak_years(dataset)
    members = filtered_memberships(dataset, view)
    members = members[members["place_id"].isin(list(years))]
    if members.empty:
        return pd.DataFrame({c: [] for c in PEAK_COLUMNS})
    order = {pid: i for i, pid in enumerate(dataset.programmes["id"])}
    rows = (
        pd.DataFrame(
            {
                "place_id": members["place_id"].to_numpy(),
                "programme": members["programme"].to_numpy(),
                "batch": members["batch"].astype("Int64").array,
                "peak_year": members["place_id"].map(years).astype(int).to_numpy(),
            }
        )
        .drop_duplicates(["place_id", "programme", "batch"])
        .assign(order=lambda f: f["programme"].map(order))
        .sort_values(["order", "batch", "peak_year", "place_id"], kind="stable")
        .drop(columns="order")
        .reset_index(drop=True)
    )
    rows["stack"] = rows.groupby(
        ["programme", rows["batch"].fillna(0), "peak_year"], sort=False
    ).cumcount()
    return rows[list(PEAK_COLUMNS)]


def _empty_targets() -> pd.DataFrame:
    return pd.DataFrame({c: [] for c in TARGET_COLUMNS})


def other_targets(dataset: Dataset, view: ViewState) -> pd.DataFrame:
    """Every declared target other than the peak year, of the places the view shows.

    Columns as in ``targets.csv`` with ``source_id``, the first source cited, instead of the
    list. Rows in the vocabulary's order of metrics, then place id and target year.
    """
    targets = dataset.targets
    if targets is None or targets.empty:
        return _empty_targets()
    shown = set(shown_places(dataset, view).index.tolist())
    rows = targets[(targets["metric"] != PEAK_YEAR) & targets["place_id"].isin(shown)]
    if rows.empty:
        return _empty_targets()
    order = {metric: i for i, metric in enumerate(METRICS)}
    rows = rows.assign(
        source_id=[ids[0] if ids else "" for ids in rows["source_ids"]],
        order=rows["metric"].map(order),
    ).sort_values(["order", "place_id", "target_year"], kind="stable")
    return rows[list(TARGET_COLUMNS)].reset_index(drop=True)


def targets_side_by_side(dataset: Dataset, place_ids: Sequence[str]) -> pd.DataFrame:
    """The targets of ``place_ids`` for the compare page, one row per target.

    Columns: metric, place_id, value, unit, base_year, target_year, document; only metrics
    at least one of the places declares, in the vocabulary's order, places in the order
    given (a place's several targets of one metric keep the file's order).
    """
    columns = ["metric", "place_id", "value", "unit", "base_year", "target_year", "document"]
    targets = dataset.targets
    if targets is None or not place_ids:
        return pd.DataFrame({c: [] for c in columns})
    rows = targets[targets["place_id"].isin(list(place_ids))]
    metric_order = {metric: i for i, metric in enumerate(METRICS)}
    place_order = {pid: i for i, pid in enumerate(place_ids)}
    rows = rows.assign(
        m=rows["metric"].map(metric_order), p=rows["place_id"].map(place_order)
    ).sort_values(["m", "p"], kind="stable")
    return rows[columns].reset_index(drop=True)

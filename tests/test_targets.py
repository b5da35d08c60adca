"""Declared targets across places: peak years for the chart, the other metrics for the
table, and targets side by side for Compare."""

from __future__ import annotations

from pathlib import Path

from atlas.dataset import load_dataset
from atlas.schema import METRICS
from atlas.targets import (
    PEAK_COLUMNS,
    declared_peak_years,
    other_targets,
    peak_years,
    targets_side_by_side,
)
from atlas.view import ViewState
from tests.factory import TARGETS, write_dataset

MORE_TARGETS = [
    *TARGETS,
    {
        "place_id": "wuhan",
        "metric": "co2-peak-year",
        "value": "2023",
        "unit": "year",
        "source_ids": "notice-b",
        "note": "an earlier plan",
    },
    {
        "place_id": "shenzhen",
        "metric": "forest-cover",
        "value": "40",
        "unit": "%",
        "target_year": "2025",
        "document": "Shenzhen plan",
        "source_ids": "notice-b;notice-a",
    },
    {
        "place_id": "wuhan",
        "metric": "co2-intensity-reduction",
        "value": "19.5",
        "unit": "%",
        "base_year": "2020",
        "target_year": "2025",
        "document": "Wuhan plan",
        "source_ids": "notice-a",
    },
]


def with_targets(tmp_path: Path):
    return load_dataset(write_dataset(tmp_path / "data", targets=MORE_TARGETS))


def test_peak_years_take_the_earliest_from_targets_and_old_membership_columns(tmp_path) -> None:
    dataset = with_targets(tmp_path)
    # Wuhan: 2025 and 2023 in targets.csv; Shenzhen and Changsha: the older peak_year column.
    assert declared_peak_years(dataset) == {"wuhan": 2023, "shenzhen": 2020, "changsha": 2025}


def test_peak_years_a_row_per_membership_stacked_within_a_year(small) -> None:
    peaks = peak_years(small, ViewState())
    assert tuple(peaks.columns) == PEAK_COLUMNS
    rows = list(peaks[["place_id", "programme", "peak_year"]].itertuples(index=False, name=None))
    # programmes.csv order, then batch: Shenzhen is batch 1, Wuhan 2, Changsha 3.
    assert rows == [
        ("shenzhen", "low-carbon-pilot", 2020),
        ("wuhan", "low-carbon-pilot", 2025),
        ("changsha", "low-carbon-pilot", 2025),
        ("shenzhen", "ets-pilot", 2020),
    ]
    assert list(peaks["batch"].astype("object").where(peaks["batch"].notna(), None)) == [
        1,
        2,
        3,
        None,
    ]
    # Wuhan and Changsha share 2025 but not a batch: each starts its own stack.
    assert list(peaks["stack"]) == [0, 0, 0, 0]


def test_places_of_one_batch_and_year_stack_up(real) -> None:
    peaks = peak_years(real, ViewState(programmes=("low-carbon-pilot",)))
    batch_two_2030 = peaks[(peaks["batch"] == 2) & (peaks["peak_year"] == 2030)]
    assert len(batch_two_2030) >= 2
    assert list(batch_two_2030["stack"]) == list(range(len(batch_two_2030)))
    assert set(peaks["programme"]) == {"low-carbon-pilot"}


def test_peak_years_follow_the_filters(small) -> None:
    peaks = peak_years(small, ViewState(programmes=("ets-pilot",)))
    assert list(peaks["place_id"]) == ["shenzhen"]
    assert list(peak_years(small, ViewState(province="hunan"))["place_id"]) == ["changsha"]
    none = peak_years(small, ViewState(province="hubei", programmes=("ets-pilot",)))
    assert none.empty and tuple(none.columns) == PEAK_COLUMNS


def test_other_targets_leave_the_peak_year_out_and_keep_the_vocabulary_order(tmp_path) -> None:
    dataset = with_targets(tmp_path)
    others = other_targets(dataset, ViewState())
    metrics = list(METRICS)
    assert list(others["metric"]) == sorted(others["metric"], key=metrics.index)
    assert list(zip(others["place_id"], others["metric"], strict=True)) == [
        ("wuhan", "co2-intensity-reduction"),
        ("shenzhen", "forest-cover"),
    ]
    shenzhen = others.iloc[1]
    assert (shenzhen["value"], shenzhen["unit"], shenzhen["target_year"]) == (40.0, "%", 2025)
    assert shenzhen["source_id"] == "notice-b"  # the first one cited
    wuhan = others.iloc[0]
    assert (wuhan["base_year"], wuhan["target_year"], wuhan["document"]) == (
        2020,
        2025,
        "Wuhan plan",
    )
    hubei = other_targets(dataset, ViewState(province="hubei"))
    assert list(hubei["place_id"]) == ["wuhan"]


def test_other_targets_of_a_folder_without_any(tmp_path) -> None:
    directory = write_dataset(tmp_path / "data")
    (directory / "targets.csv").unlink()
    dataset = load_dataset(directory)
    assert dataset.targets is None or dataset.targets.empty
    assert other_targets(dataset, ViewState()).empty
    assert targets_side_by_side(dataset, ["wuhan"]).empty
    assert declared_peak_years(dataset) == {"shenzhen": 2020, "changsha": 2025}


def test_real_table_has_every_non_peak_target(real) -> None:
    others = other_targets(real, ViewState())
    expected = real.targets[real.targets["metric"] != "co2-peak-year"]
    assert len(others) == len(expected) >= 60
    assert set(others["source_id"]) <= set(real.sources.index)


def test_targets_side_by_side_in_the_order_of_the_places(tmp_path) -> None:
    dataset = with_targets(tmp_path)
    side = targets_side_by_side(dataset, ["shenzhen", "wuhan"])
    assert list(zip(side["metric"], side["place_id"], side["value"], strict=True)) == [
        ("co2-peak-year", "wuhan", 2025.0),
        ("co2-peak-year", "wuhan", 2023.0),
        ("co2-intensity-reduction", "wuhan", 19.5),
        ("forest-cover", "shenzhen", 40.0),
    ]
    assert targets_side_by_side(dataset, []).empty
    assert targets_side_by_side(dataset, ["changsha"]).empty

from __future__ import annotations

import pytest

from atlas.insights import (
    actions_by_theme,
    co_membership,
    combinations,
    designations_by_year,
    nearby,
    places_in_many,
    province_counts,
    year_span,
)
from atlas.view import ViewState


def test_designations_by_year(small) -> None:
    table = designations_by_year(small, ViewState())
    assert table.to_dict("records") == [
        {"year": 2010, "programme": "low-carbon-pilot", "places": 1},
        {"year": 2011, "programme": "ets-pilot", "places": 1},
        {"year": 2012, "programme": "low-carbon-pilot", "places": 1},
        {"year": 2017, "programme": "low-carbon-pilot", "places": 1},
    ]
    hunan = designations_by_year(small, ViewState(province="hunan"))
    assert hunan["places"].sum() == 1


def test_combinations_and_co_membership(small) -> None:
    combos = combinations(small, ViewState())
    assert combos.iloc[0].to_dict() == {"programmes": ("low-carbon-pilot",), "places": 2, "size": 1}
    assert ("low-carbon-pilot", "ets-pilot") in set(combos["programmes"])
    matrix = co_membership(small, ViewState()).set_index(["a", "b"])["places"]
    assert matrix[("low-carbon-pilot", "low-carbon-pilot")] == 3
    assert (
        matrix[("low-carbon-pilot", "ets-pilot")] == matrix[("ets-pilot", "low-carbon-pilot")] == 1
    )


def test_places_in_many(small) -> None:
    assert list(places_in_many(small, ViewState(), at_least=2)["id"]) == ["shenzhen"]
    assert places_in_many(small, ViewState(), at_least=3).empty


def test_province_counts(small) -> None:
    counts = province_counts(small, ViewState())
    assert counts.to_dict() == {"hubei": 1, "guangdong": 1, "hunan": 1}
    assert province_counts(small, ViewState(), "ets-pilot").to_dict() == {
        "hubei": 0,
        "guangdong": 1,
        "hunan": 0,
    }


def test_nearby_uses_geodesic_distance(small) -> None:
    # Wuhan (30.5, 114.3) to Changsha (28.2, 112.9): about 290 km.
    found = nearby(small, "wuhan", 500)
    assert list(found["id"]) == ["changsha", "czt"]
    assert found.set_index("id").at["changsha", "km"] == pytest.approx(290, abs=10)
    assert nearby(small, "wuhan", 100).empty
    assert nearby(small, "atlantis", 100).empty


def test_nearby_on_the_real_data(real) -> None:
    found = nearby(real, "changsha", 100)
    assert {"zhuzhou", "xiangtan"} <= set(found["id"])
    assert (found["km"] <= 100).all() and found["km"].is_monotonic_increasing


def test_actions_by_theme(small) -> None:
    assert list(actions_by_theme(small, "wuhan")["kind"]) == ["adaptation", "mitigation"]


def test_year_span_fills_every_year_between_the_first_and_the_last() -> None:
    assert year_span([2017, 2010, 2012, 2017]) == list(range(2010, 2018))
    assert year_span([2023]) == [2023]
    assert year_span([]) == []


def test_timeline_years_of_the_real_data_leave_gaps_as_gaps(real) -> None:
    table = designations_by_year(real, ViewState())
    years = year_span(table["year"])
    assert years == sorted(years) and years[0] == table["year"].min()
    assert 2013 in years and 2013 not in set(table["year"])  # a year without designations

from __future__ import annotations

import json

import pytest

from atlas.dataset import Dataset, load_dataset
from atlas.insights import (
    actions_by_theme,
    co_membership,
    combinations,
    designations_by_year,
    km_text,
    nearby,
    nearby_outside,
    places_in_many,
    point_in_shape,
    province_counts,
    surroundings,
    upset_cells,
    year_span,
)
from atlas.view import ViewState
from tests.factory import MEMBERSHIPS, PLACES, place, write_dataset


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


def _nested(tmp_path) -> Dataset:
    """Hubei holds Wuhan, which holds a park and a town drawn at its point; a plateau without
    a member list holds what its shape covers."""
    places = [
        *PLACES,
        place("hubei", "Hubei", "湖北省", level="province", lat="30.9", lon="112.3"),
        place(
            "wuhan-edz", "Wuhan EDZ", "武汉开发区", level="park", within_zh="武汉市",
            coord_method="parent",
        ),
        place(
            "wuhan-town", "Wuhan Town", "武汉新城", level="town", within_zh="武汉市",
            coord_method="parent",
        ),
        place(
            "plateau", "Plateau", "高原", level="region", province="hubei;hunan",
            lat="29.0", lon="113.5", coord_method="region",
        ),
    ]  # fmt: skip
    memberships = [
        *MEMBERSHIPS,
        *(
            {**MEMBERSHIPS[0], "place_id": pid, "batch": "3", "year": "2017", "notice": ""}
            for pid in ("hubei", "wuhan-edz", "wuhan-town", "plateau")
        ),
    ]
    return load_dataset(write_dataset(tmp_path / "data", places=places, memberships=memberships))


# A square from 28 to 29.5 N and 112.5 to 114 E: Changsha (28.2, 112.9) lies in it.
PLATEAU = {"plateau": json.dumps({"type": "Polygon", "coordinates": [
    [[112.5, 28.0], [114.0, 28.0], [114.0, 29.5], [112.5, 29.5], [112.5, 28.0]]
]})}  # fmt: skip


def test_surroundings_tell_containers_contents_and_neighbours_in_the_same_city(tmp_path) -> None:
    data = _nested(tmp_path)
    wuhan = surroundings(data, "wuhan", PLATEAU)
    assert wuhan.within == ("hubei",)
    assert set(wuhan.inside) == {"wuhan-edz", "wuhan-town"} and wuhan.city is None
    park = surroundings(data, "wuhan-edz", PLATEAU)
    assert park.within == ("wuhan", "hubei")  # the nearest container first
    assert park.city == "wuhan" and park.beside == ("wuhan-town",)
    hubei = surroundings(data, "hubei", PLATEAU)
    assert hubei.inside == ("wuhan", "wuhan-town", "wuhan-edz")  # the city before its parts
    # A group's members, and what lies in the shape of a group without members.
    assert surroundings(data, "changsha", PLATEAU).within == ("czt", "plateau")
    assert surroundings(data, "changsha").within == ("czt",)  # no shapes: members only
    assert surroundings(data, "plateau", PLATEAU).inside == ("changsha",)
    assert surroundings(data, "atlantis") == surroundings(data, "atlantis", PLATEAU)


def test_nearby_leaves_out_containers_contents_and_same_city_places(tmp_path) -> None:
    data = _nested(tmp_path)
    assert set(nearby(data, "wuhan", 500)["id"]) >= {"hubei", "wuhan-edz", "wuhan-town"}
    for pid in ("wuhan", "wuhan-edz", "hubei"):
        around = surroundings(data, pid, PLATEAU)
        found = nearby_outside(data, pid, 500, around)
        assert not set(found["id"]) & {*around.within, *around.inside, *around.beside}
        assert (found["km"] >= 1).all()  # nothing left "0 km" away
    assert list(nearby_outside(data, "wuhan", 500, surroundings(data, "wuhan"))["id"]) == [
        "plateau",
        "changsha",
        "czt",
    ]


def test_km_text_never_says_zero() -> None:
    assert [km_text(km) for km in (0.0, 0.4, 1.2, 181.4)] == ["< 1", "< 1", "1", "181"]


def test_point_in_shape_handles_holes_and_multipolygons() -> None:
    ring = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    hole = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]
    polygon = {"type": "Polygon", "coordinates": [ring, hole]}
    assert point_in_shape(2, 2, polygon) and not point_in_shape(5, 5, polygon)
    assert not point_in_shape(20, 20, polygon) and not point_in_shape(1, 1, None)
    multi = {"type": "MultiPolygon", "coordinates": [[ring], [[[20, 20], [30, 20], [30, 30]]]]}
    assert point_in_shape(22, 25, multi)  # lat 22, lon 25: inside the second polygon


def test_surroundings_on_the_real_data(real) -> None:
    wuhan = surroundings(real, "wuhan")
    assert wuhan.within == ("hubei",)
    assert {"wuhan-qingshan-edz", "wuhan-huashan-eco-new-town"} <= set(wuhan.inside)
    around = nearby_outside(real, "wuhan", 200, wuhan)
    assert "hubei" not in set(around["id"]) and (around["km"] >= 1).all()


def test_upset_cells_mark_the_programmes_of_each_combination(small) -> None:
    combos = combinations(small, ViewState())
    cells = upset_cells(combos, ["low-carbon-pilot", "ets-pilot"])
    assert len(cells) == 2 * len(combos)
    both = combos.index[combos["programmes"] == ("low-carbon-pilot", "ets-pilot")][0]
    joined = cells[cells["combination"] == both]
    assert list(joined["held"]) == [True, True]
    assert set(joined["first"]) == {0} and set(joined["last"]) == {1}
    alone = cells[cells["combination"] == 0]  # low-carbon only, the largest
    assert list(alone["held"]) == [True, False] and set(alone["first"]) == set(alone["last"])

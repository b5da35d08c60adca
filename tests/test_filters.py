from __future__ import annotations

from pathlib import Path

import pytest

from atlas.dataset import Dataset, load_dataset
from atlas.filters import (
    batch_token,
    family_sizes,
    parse_batch_token,
    programme_counts,
    search_matches,
    shown_places,
    view_options,
    within_families,
)
from atlas.view import ViewState
from tests.factory import PROGRAMMES, write_dataset


def test_options_follow_the_data(small) -> None:
    options = view_options(small)
    assert options.programmes == ("low-carbon-pilot", "ets-pilot")
    assert options.batches == ("low-carbon-pilot:1", "low-carbon-pilot:2", "low-carbon-pilot:3")
    assert options.years == (2010, 2017)
    assert parse_batch_token(batch_token("low-carbon-pilot", 2)) == ("low-carbon-pilot", 2)


def test_no_filter_shows_every_place_including_groups(small) -> None:
    shown = shown_places(small, ViewState())
    assert list(shown.index) == ["wuhan", "shenzhen", "changsha", "czt"]
    assert shown.at["shenzhen", "programmes"] == ("low-carbon-pilot", "ets-pilot")
    assert shown.at["czt", "programmes"] == ()


def test_programme_filter(small) -> None:
    shown = shown_places(small, ViewState(programmes=("ets-pilot",)))
    assert list(shown.index) == ["shenzhen"]
    assert shown.at["shenzhen", "programmes"] == ("ets-pilot",)


def test_batch_shows_only_that_batch(small) -> None:
    alone = ViewState(batches=("low-carbon-pilot:2",))
    assert list(shown_places(small, alone).index) == ["wuhan"]
    both = ViewState(programmes=("low-carbon-pilot",), batches=("low-carbon-pilot:2",))
    assert list(shown_places(small, both).index) == ["wuhan"]


def test_batch_beside_a_whole_programme(small) -> None:
    view = ViewState(programmes=("low-carbon-pilot", "ets-pilot"), batches=("low-carbon-pilot:2",))
    assert list(shown_places(small, view).index) == ["wuhan", "shenzhen"]
    # Shenzhen passes through its ETS membership, not through low-carbon batch 1.
    assert shown_places(small, view).at["shenzhen", "programmes"] == ("ets-pilot",)


def test_batches_of_one_programme_add_up(small) -> None:
    one = set(shown_places(small, ViewState(batches=("low-carbon-pilot:1",))).index)
    two = set(shown_places(small, ViewState(batches=("low-carbon-pilot:2",))).index)
    both = ViewState(batches=("low-carbon-pilot:1", "low-carbon-pilot:2"))
    assert set(shown_places(small, both).index) == one | two
    assert one and two and not one & two


def test_years_province_and_search(small) -> None:
    assert list(shown_places(small, ViewState(year_from=2012, year_to=2016)).index) == ["wuhan"]
    assert list(shown_places(small, ViewState(province="hunan")).index) == ["changsha", "czt"]
    for text in ("wuhan", "武汉", "WUHAN", " Wu "):
        assert list(shown_places(small, ViewState(search=text)).index) == ["wuhan"], text
    assert shown_places(small, ViewState(search="nowhere")).empty


def test_counts(small) -> None:
    counts = programme_counts(small, shown_places(small, ViewState()))
    assert counts == {"low-carbon-pilot": 3, "ets-pilot": 1}


def test_search_mask_empty_text(small) -> None:
    assert search_matches(small.places, "").all()


def test_family_counts_count_a_place_once_per_family(real) -> None:
    from atlas.filters import family_counts

    shown = shown_places(real, ViewState())
    counts = family_counts(real, shown)
    assert list(counts) == ["low-carbon", "adaptation", "markets-finance", "peaking-zero-carbon"]
    family = dict(zip(real.programmes["id"], real.programmes["family"], strict=True))
    for name, count in counts.items():
        members = {
            p
            for p, f in zip(
                real.memberships["place_id"], real.memberships["programme"], strict=True
            )
            if family[f] == name
        }
        assert count == len(members) > 0
    # A place in both climate-adaptive rounds (Lishui) or a pilot and a demonstration sponge
    # city counts once for its family, not once per membership row.
    adaptation_rows = real.memberships["programme"].map(family).eq("adaptation").sum()
    assert counts["adaptation"] < adaptation_rows


# The small dataset with families: low-carbon pilots (Wuhan batch 2, Shenzhen batch 1,
# Changsha batch 3), ETS pilots (Shenzhen) and a sponge-city programme without places.
SPONGE = {
    "id": "sponge-city-pilot",
    "name_en": "Sponge cities",
    "name_zh": "海绵城市",
    "agency": "MOF",
    "first_year": "2015",
    "description_en": "Cities soak up rain.",
    "description_zh": "城市吸纳雨水。",
    "source_ids": "notice-a",
    "focus": "adaptation",
    "family": "adaptation",
}


@pytest.fixture
def families(tmp_path: Path) -> Dataset:
    family = {"low-carbon-pilot": "low-carbon", "ets-pilot": "markets-finance"}
    programmes = [{**row, "family": family[row["id"]]} for row in PROGRAMMES] + [SPONGE]
    return load_dataset(write_dataset(tmp_path / "data", programmes=programmes))


def ids(dataset: Dataset, view: ViewState) -> list[str]:
    return list(shown_places(dataset, view).index)


def test_options_list_the_families_that_have_places(families) -> None:
    options = view_options(families)
    # Adaptation has a programme but no place: not offered.
    assert options.families == ("low-carbon", "markets-finance")
    assert options.programmes_of(("markets-finance",)) == ("ets-pilot",)
    assert options.programmes_of(("adaptation",)) == ("sponge-city-pilot",)
    assert options.programmes_of(()) == options.programmes
    assert family_sizes(families) == {"low-carbon": 3, "markets-finance": 1, "adaptation": 0}


def test_a_family_shows_the_places_in_any_of_its_programmes(families) -> None:
    assert ids(families, ViewState(families=("low-carbon",))) == ["wuhan", "shenzhen", "changsha"]
    market = shown_places(families, ViewState(families=("markets-finance",)))
    assert list(market.index) == ["shenzhen"]
    # Shenzhen passes through its ETS membership only, not its low-carbon one.
    assert market.at["shenzhen", "programmes"] == ("ets-pilot",)
    both = ViewState(families=("low-carbon", "markets-finance"))
    assert ids(families, both) == ids(
        families, ViewState(programmes=("low-carbon-pilot", "ets-pilot"))
    )
    # The group (in no programme) is left out, as with any programme chosen.
    assert "czt" not in ids(families, both) and "czt" in ids(families, ViewState())
    # A family whose programmes have no place shows nothing (not everything).
    assert ids(families, ViewState(families=("adaptation",))) == []


def test_programmes_and_batches_outside_the_families_are_dropped(families) -> None:
    outside = ViewState(families=("markets-finance",), programmes=("low-carbon-pilot",))
    assert within_families(families, outside).programmes == ("ets-pilot",)
    assert ids(families, outside) == ["shenzhen"]
    batch = ViewState(families=("markets-finance",), batches=("low-carbon-pilot:2",))
    assert within_families(families, batch).batches == ()
    assert shown_places(families, batch).at["shenzhen", "programmes"] == ("ets-pilot",)


def test_a_chosen_programme_or_batch_narrows_its_family_and_others_stay_whole(families) -> None:
    narrowed = ViewState(families=("low-carbon",), batches=("low-carbon-pilot:2",))
    assert ids(families, narrowed) == ["wuhan"]  # as the batch alone: 29 places on the real map
    # Two families, a batch of one: that family narrowed to the batch, the other whole.
    two = ViewState(families=("low-carbon", "markets-finance"), batches=("low-carbon-pilot:2",))
    assert within_families(families, two).programmes == ("ets-pilot",)
    shown = shown_places(families, two)
    assert list(shown.index) == ["wuhan", "shenzhen"]
    assert shown.at["shenzhen", "programmes"] == ("ets-pilot",)
    # A programme with one of its batches: the batch, as without families.
    both = ViewState(
        families=("low-carbon",),
        programmes=("low-carbon-pilot",),
        batches=("low-carbon-pilot:3",),
    )
    assert ids(families, both) == ["changsha"]


def test_no_family_leaves_the_view_as_it_is(families) -> None:
    view = ViewState(programmes=("ets-pilot",), batches=("low-carbon-pilot:2",))
    assert within_families(families, view) is view
    assert ids(families, view) == ["wuhan", "shenzhen"]


def test_the_real_families_add_up(real) -> None:
    for family, size in family_sizes(real).items():
        assert len(shown_places(real, ViewState(families=(family,)))) == size > 0
    # Markets and finance: the 8 ETS pilots and the 23 climate-finance pilots, no place in both.
    market = shown_places(real, ViewState(families=("markets-finance",)))
    assert len(market) == 8 + 23 == family_sizes(real)["markets-finance"]
    everything = ViewState(families=view_options(real).families)
    in_programmes = real.memberships["place_id"].nunique()
    assert len(shown_places(real, everything)) == in_programmes < len(real.places)

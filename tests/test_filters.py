from __future__ import annotations

from atlas.filters import (
    batch_token,
    parse_batch_token,
    programme_counts,
    search_matches,
    shown_places,
    view_options,
)
from atlas.view import ViewState


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

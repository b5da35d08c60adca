"""The URL form of a view: parse, print back, never raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from atlas.view import PARAMETERS, ViewOptions, ViewState, parse_query, to_query

OPTIONS = ViewOptions(
    places=frozenset({"wuhan", "shenzhen"}),
    programmes=("low-carbon-pilot", "ets-pilot"),
    batches=("low-carbon-pilot:1", "low-carbon-pilot:2"),
    provinces=frozenset({"hubei", "guangdong"}),
    years=(2010, 2024),
)


def test_empty_query_is_the_default_view() -> None:
    view, notices = parse_query({}, OPTIONS)
    assert view == ViewState()
    assert notices == []
    assert to_query(view) == {}


def test_full_query() -> None:
    params = {
        "place": ["wuhan"],
        "programme": ["ets-pilot", "low-carbon-pilot"],
        "batch": ["low-carbon-pilot:2"],
        "province": ["hubei"],
        "from": ["2011"],
        "to": ["2020"],
        "focus": ["adaptation"],
        "q": ["武汉"],
        "lang": ["zh"],
        "basemap": ["none"],
        "lat": ["30.5"],
        "lon": ["114.25"],
        "zoom": ["6"],
    }
    view, notices = parse_query(params, OPTIONS)
    assert notices == []
    # Programmes come back in canonical order, whatever order the link had.
    assert view.programmes == ("low-carbon-pilot", "ets-pilot")
    assert (view.place, view.province, view.year_from, view.year_to) == (
        "wuhan",
        "hubei",
        2011,
        2020,
    )
    assert (view.lat, view.lon, view.zoom) == (30.5, 114.25, 6)
    again, _ = parse_query(to_query(view), OPTIONS)
    assert again == view


def test_bad_values_are_dropped_with_notices_and_the_rest_applies() -> None:
    params = {
        "place": ["atlantis"],
        "programme": ["ets-pilot", "moon-pilot"],
        "from": ["20x1"],
        "to": ["1800"],
        "zoom": ["99"],
        "lat": ["30"],
        "colour": ["red"],
        "province": ["hubei"],
    }
    view, notices = parse_query(params, OPTIONS)
    assert view.place is None
    assert view.programmes == ("ets-pilot",)
    assert view.province == "hubei"
    assert (view.year_from, view.year_to, view.zoom, view.lat) == (None, None, None, None)
    said = " ".join(str(n) for n in notices)
    for fragment in (
        "place='atlantis'",
        "moon-pilot",
        "from='20x1'",
        "to='1800'",
        "zoom='99'",
        "colour",
        "lat and lon go together",
    ):
        assert fragment in said


def test_compare_keeps_link_order_and_at_most_four() -> None:
    params = {"compare": ["wuhan", "shenzhen", "wuhan", "atlantis"], "radius": ["500"]}
    view, notices = parse_query(params, OPTIONS)
    assert view.compare == ("wuhan", "shenzhen")
    assert view.radius == 500
    assert [n.value for n in notices] == ["atlantis"]
    assert to_query(view) == {"compare": ["wuhan", "shenzhen"], "radius": ["500"]}
    bad, notices = parse_query({"radius": ["7"]}, OPTIONS)
    assert bad.radius == 200 and notices[0].parameter == "radius"


def test_unicode_digits_are_not_years() -> None:
    view, notices = parse_query({"from": ["¹"], "to": ["２０１５"]}, OPTIONS)
    assert (view.year_from, view.year_to) == (None, None)
    assert len(notices) == 2


def test_year_range_reversed() -> None:
    view, notices = parse_query({"from": ["2020"], "to": ["2012"]}, OPTIONS)
    assert (view.year_from, view.year_to) == (2020, None)
    assert "earlier than from=2020" in str(notices[0])


def test_defaults_are_left_out() -> None:
    assert to_query(ViewState(lang="en", basemap="osm", search="")) == {}
    assert to_query(ViewState(lang="zh")) == {"lang": ["zh"]}


def test_embed_parameter_is_not_reported() -> None:
    _, notices = parse_query({"embed": ["true"]}, OPTIONS)
    assert notices == []


def test_long_values_are_shortened_in_notices() -> None:
    _, notices = parse_query({"place": ["x" * 500]}, OPTIONS)
    assert len(str(notices[0])) < 120


values = st.lists(st.text(max_size=30), max_size=3)
keys = st.sampled_from([*PARAMETERS, "other", ""])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys | st.text(max_size=8), values, max_size=8))
def test_arbitrary_query_strings_never_raise_and_round_trip(params: dict) -> None:
    view, _ = parse_query(params, OPTIONS)
    again, notices = parse_query(to_query(view), OPTIONS)
    assert again == view
    assert notices == []


views = st.builds(
    ViewState,
    place=st.sampled_from([None, "wuhan", "shenzhen"]),
    programmes=st.sampled_from([(), ("low-carbon-pilot",), ("low-carbon-pilot", "ets-pilot")]),
    province=st.sampled_from([None, "hubei"]),
    year_from=st.sampled_from([None, 2010, 2015]),
    year_to=st.sampled_from([None, 2016, 2024]),
    focus=st.sampled_from([None, "mitigation", "adaptation"]),
    search=st.text(max_size=20).map(str.strip),
    lang=st.sampled_from(["en", "zh"]),
    basemap=st.sampled_from(["none", "osm", "positron"]),
    zoom=st.sampled_from([None, 3, 7]),
    compare=st.sampled_from([(), ("wuhan",), ("shenzhen", "wuhan")]),
    radius=st.sampled_from([50, 100, 200, 500]),
)


@settings(max_examples=200, deadline=None)
@given(views)
def test_views_survive_the_url(view: ViewState) -> None:
    again, notices = parse_query(to_query(view), OPTIONS)
    assert notices == []
    assert again == view

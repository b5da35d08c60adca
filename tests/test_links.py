from __future__ import annotations

from atlas.links import embed_snippet, embed_url, qr_png, share_url
from atlas.view import ViewState


def test_share_url_replaces_the_query_and_keeps_the_page() -> None:
    view = ViewState(place="wuhan", programmes=("ets-pilot", "low-carbon-pilot"), lang="zh")
    url = share_url("http://example.org:8501/about?old=1", view)
    assert url == (
        "http://example.org:8501/about?place=wuhan&programme=ets-pilot"
        "&programme=low-carbon-pilot&lang=zh"
    )
    assert share_url("https://atlas.example/", ViewState()) == "https://atlas.example/"


def test_search_text_is_encoded() -> None:
    url = share_url("http://h/", ViewState(search="长沙 & <x>"))
    assert url == "http://h/?q=%E9%95%BF%E6%B2%99+%26+%3Cx%3E"


def test_embed() -> None:
    assert embed_url("http://h/?place=wuhan") == "http://h/?place=wuhan&embed=true"
    assert embed_url("http://h/") == "http://h/?embed=true"
    snippet = embed_snippet("http://h/?a=1&b=2", 'Atlas "x"')
    assert snippet.startswith('<iframe src="http://h/?a=1&amp;b=2&amp;embed=true"')
    assert 'title="Atlas &quot;x&quot;"' in snippet


def test_qr_png() -> None:
    data = qr_png("http://example.org/?place=wuhan")
    assert data.startswith(b"\x89PNG")


def test_the_family_choice_is_in_the_link_and_comes_back(real) -> None:
    from atlas.filters import view_options
    from atlas.view import parse_query, to_query

    options = view_options(real)
    view = ViewState(families=("adaptation", "markets-finance"), programmes=("ets-pilot",))
    url = share_url("http://h/", view)
    assert url == "http://h/?family=adaptation&family=markets-finance&programme=ets-pilot"
    # Repeatable like programme; canonical order, duplicates once, whatever the link's order.
    params = {"family": ["markets-finance", "adaptation", "adaptation"], "programme": ["ets-pilot"]}
    parsed, notices = parse_query(params, options)
    assert notices == []
    assert parsed == view
    assert parse_query(to_query(parsed), options) == (view, [])
    assert "family" not in to_query(ViewState())  # no family: nothing in the link


def test_an_unknown_family_is_dropped_with_a_notice_and_the_rest_applies(real) -> None:
    from atlas.filters import view_options
    from atlas.view import parse_query

    options = view_options(real)
    view, notices = parse_query({"family": ["moon", "low-carbon"], "place": ["wuhan"]}, options)
    assert (view.families, view.place) == (("low-carbon",), "wuhan")
    assert [str(n) for n in notices] == ["Ignored family='moon': no such family."]
    # The same wording as an unknown programme.
    _, other = parse_query({"programme": ["moon"]}, options)
    assert str(other[0]) == "Ignored programme='moon': no such programme."


def test_a_programme_or_batch_outside_the_linked_families_is_dropped_with_a_notice(real) -> None:
    from atlas.filters import view_options
    from atlas.view import parse_query

    options = view_options(real)
    params = {
        "family": ["adaptation"],
        "programme": ["ets-pilot", "sponge-city-pilot"],
        "batch": ["low-carbon-pilot:2", "sponge-city-pilot:1"],
    }
    view, notices = parse_query(params, options)
    assert view.programmes == ("sponge-city-pilot",)
    assert view.batches == ("sponge-city-pilot:1",)
    assert [str(n) for n in notices] == [
        "Ignored programme='ets-pilot': not in the chosen programme families.",
        "Ignored batch='low-carbon-pilot:2': not in the chosen programme families.",
    ]
    # Without a family, the same programmes and batches all apply.
    alone, none = parse_query({k: v for k, v in params.items() if k != "family"}, options)
    assert none == [] and len(alone.programmes) == len(alone.batches) == 2

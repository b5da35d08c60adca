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

"""GET / answered from memory exactly as Starlette answers it from the file (ui/index_page.py)."""

from __future__ import annotations

import anyio.to_thread
import pytest
from starlette.staticfiles import StaticFiles
from streamlit import file_util
from streamlit.web.server.starlette.starlette_static_routes import (
    create_streamlit_static_handler,
)

from tests.aio import run_coroutine
from ui import index_page

Answer = tuple[int, dict[str, str], bytes]
# One handler, as the server has one (it checks its directory once, on its first request)
STATIC = create_streamlit_static_handler(file_util.get_static_dir(), None)


def _get(path: str, query: str = "", method: str = "GET", headers=()) -> Answer:
    """What Streamlit's static handler answers to one request (status, headers, body)."""
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query.encode(),
        "headers": [(k.encode(), v.encode()) for k, v in headers],
        "scheme": "http",
        "server": ("127.0.0.1", 8501),
        "http_version": "1.1",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
    }
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    run_coroutine(STATIC(scope, receive, send))
    start = sent[0]
    found = {k.decode(): v.decode() for k, v in start["headers"]}
    return start["status"], found, b"".join(m.get("body", b"") for m in sent[1:])


@pytest.fixture
def starlettes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(StaticFiles, "get_response", index_page._STARLETTES)


@pytest.fixture
def from_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(StaticFiles, "get_response", index_page._STARLETTES)
    index_page.install_index_page()  # undone by monkeypatch after the test


def _both(request: pytest.FixtureRequest, *args, **kwargs) -> tuple[Answer, Answer]:
    request.getfixturevalue("starlettes")
    before = _get(*args, **kwargs)
    request.getfixturevalue("from_memory")
    return before, _get(*args, **kwargs)


def test_the_root_page_is_the_same_answer(request: pytest.FixtureRequest) -> None:
    before, after = _both(request, "/", "place=wuhan&lang=zh")
    assert before[0] == after[0] == 200
    assert after[1] == before[1]  # length, last-modified, ETag, type, Streamlit's no-cache
    assert after[1]["cache-control"] == "no-cache"
    assert after[2] == before[2] and b'id="root"' in after[2]


def test_a_current_copy_gets_the_same_304(request: pytest.FixtureRequest) -> None:
    request.getfixturevalue("starlettes")
    etag = _get("/")[1]["etag"]
    before, after = _both(request, "/", headers=[("if-none-match", etag)])
    assert before[0] == after[0] == 304
    assert after == before


@pytest.mark.parametrize(
    ("path", "method"),
    [("/programmes", "GET"), ("/", "HEAD"), ("/favicon.png", "GET"), ("/../x", "GET")],
)
def test_other_requests_are_starlettes_own(
    request: pytest.FixtureRequest, path: str, method: str
) -> None:
    before, after = _both(request, path, method=method)
    assert after == before


def test_the_root_page_needs_no_worker_thread(from_memory, monkeypatch: pytest.MonkeyPatch) -> None:
    _get("/")  # the handler's first request, and the page read once

    def no_thread(*args, **kwargs):
        raise AssertionError("a trip to a worker thread")

    monkeypatch.setattr(anyio.to_thread, "run_sync", no_thread)
    assert _get("/", "place=wuhan")[0] == 200
    with pytest.raises(AssertionError, match="worker thread"):
        _get("/programmes")  # Starlette's path: its look-up in a thread


def test_another_static_directory_is_left_to_starlette(tmp_path, from_memory) -> None:
    (tmp_path / "index.html").write_text("<p>other</p>")
    app = StaticFiles(directory=tmp_path, html=True)
    scope = {"type": "http", "method": "GET", "path": "/", "headers": []}
    assert not index_page._is_streamlits(str(app.directory))
    response = run_coroutine(index_page.get_response(app, index_page.ROOT, scope))
    assert type(response).__name__ == "FileResponse"

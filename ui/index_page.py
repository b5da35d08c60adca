"""The page every visit starts with (Streamlit's ``index.html`` at ``/``), served from memory.

Every visit, and every shared link of the map (``/?place=…``), starts with ``GET /``.
Starlette's ``StaticFiles`` answers it with five trips to a worker thread (two path
look-ups, then open, read and close of the file), each waiting for the interpreter lock and
then for a turn of the event loop. Under 100 busy sessions that was ~0.4 s of an open's
~1 s and ~5 ms of server CPU per open (README, Load). The file is Streamlit's own build,
which does not change while the process runs, so its bytes and ``stat`` are read once. The
answer is what Starlette's ``FileResponse`` gives: the same status and headers (length,
last-modified, ETag, type; Streamlit then adds its ``no-cache``), and a 304 to a matching
``If-None-Match``.

Only ``GET /`` of Streamlit's static directory is served this way. Everything else, HEAD, a
page path (``/programmes``, answered with the same file after a failed look-up) and the
redirect of a path without its slash, is Starlette's as before. This replaces
``StaticFiles.get_response`` (Starlette 1.10, under Streamlit 1.67) with a function that
calls it for those; tests/test_index_page.py compares both answers.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from streamlit import file_util

_STARLETTES: Callable[[StaticFiles, str, MutableMapping[str, Any]], Awaitable[Response]] = (
    StaticFiles.get_response
)
# StaticFiles.get_path gives "." for "/" (os.path.normpath of the empty path)
ROOT = "."


@dataclass(frozen=True)
class IndexPage:
    """Streamlit's index.html as read once: where, its stat and its bytes."""

    path: str
    stat: os.stat_result
    body: bytes


@functools.cache
def _index_page(directory: str) -> IndexPage | None:
    path = os.path.join(directory, "index.html")
    try:
        with open(path, "rb") as file:
            return IndexPage(path, os.fstat(file.fileno()), file.read())
    except OSError:
        return None  # Starlette's own path then says what is wrong


@functools.cache
def _is_streamlits(directory: str) -> bool:
    return os.path.realpath(directory) == os.path.realpath(file_util.get_static_dir())


async def get_response(self: StaticFiles, path: str, scope: MutableMapping[str, Any]) -> Response:
    """``StaticFiles.get_response``, with ``GET /`` of Streamlit's page from memory."""
    if (
        path == ROOT
        and scope["method"] == "GET"
        and scope["path"].endswith("/")  # else Starlette redirects to the slash
        and self.html
        and self.directory is not None
        and _is_streamlits(str(self.directory))
    ):
        page = _index_page(str(self.directory))
        if page is not None:
            # Starlette's own headers, and its 304 when the browser's copy is current
            response = self.file_response(page.path, page.stat, scope)
            if response.status_code != 200:
                return response
            return Response(page.body, headers=dict(response.headers))
    return await _STARLETTES(self, path, scope)


def install_index_page() -> None:
    """Put :func:`get_response` in place of Starlette's (again is a no-op)."""
    StaticFiles.get_response = get_response  # type: ignore[method-assign]

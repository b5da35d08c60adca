"""The shipped nginx configs (deploy/), run as they are in front of the app.

Each test renders a deploy/*.conf file with only its listen address, server_name and app ports
replaced (tests/nginx_helpers.render fails if those placeholders change), runs nginx in the
foreground with everything in a temp dir, and talks to it on loopback. The browser tests prove
that the WebSocket on /_stcore/stream is upgraded: without it no marker or panel is drawn.
"""

from __future__ import annotations

import http.client
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser import IDLE, MAP_FRAME, streamlit_server
from tests.conftest import Offline
from tests.journeys import click_at_place, panel_heading
from tests.nginx_helpers import (
    Nginx,
    check_config,
    find_nginx,
    nginx_server,
    render,
    streamlit_apps,
    write_config,
)

NGINX = find_nginx()
pytestmark = pytest.mark.skipif(
    NGINX is None,
    reason="nginx not found (apt-get install -y nginx, as .ci/run does; or set ATLAS_NGINX)",
)

MARKER = ".leaflet-overlay-pane path"  # points and shapes (points take no pointer events)
PANEL_HEADING = ".st-key-place_panel h3"
COOKIE = re.compile(r"atlas_route=([0-9a-f]{32}); Path=/; HttpOnly; SameSite=Lax")


def get(origin: str, path: str, headers: dict[str, str] | None = None):
    """(status, headers, body) of one GET; loopback only, bounded by a timeout."""
    parts = urlsplit(origin)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def open_place(session: Offline, path: str) -> None:
    """Open ``path`` and wait until the map has markers and the panel names Wuhan."""
    session.page.goto(f"{session.origin}{path}", timeout=60_000)
    session.page.wait_for_selector(IDLE, timeout=60_000)
    frame = session.page.frame_locator(MAP_FRAME)
    frame.locator(MARKER).first.wait_for(state="attached", timeout=30_000)
    assert frame.locator(MARKER).count() > 100
    heading = session.page.locator(PANEL_HEADING).first
    heading.wait_for(timeout=30_000)
    assert heading.inner_text().startswith("Wuhan")


def wait_for_log(server: Nginx, predicate, timeout: float = 15) -> list[dict[str, str]]:
    """The access log once some entry satisfies ``predicate`` (WebSockets log when closed)."""
    deadline = time.monotonic() + timeout
    while True:
        entries = server.access_log()
        if any(predicate(entry) for entry in entries) or time.monotonic() > deadline:
            return entries
        time.sleep(0.2)


@pytest.mark.parametrize(
    ("name", "app_ports"), [("nginx.conf", [8501]), ("nginx-two.conf", [8501, 8502])]
)
def test_shipped_config_passes_nginx_t(name: str, app_ports: list[int], tmp_path: Path) -> None:
    write_config(tmp_path, render(name, 8080, app_ports), 8080)
    check_config(NGINX, tmp_path)


@pytest.mark.browser
def test_app_through_nginx(browser, tmp_path: Path) -> None:
    with (
        streamlit_server() as app_url,
        nginx_server(NGINX, tmp_path, "nginx.conf", [urlsplit(app_url).port]) as server,
    ):
        status, _, body = get(server.origin, "/_stcore/health")
        assert (status, body) == (200, b"ok")

        # Only the server_name reaches the app; the default server closes other hosts.
        with pytest.raises(ConnectionResetError):  # http.client.RemoteDisconnected
            get(server.origin, "/_stcore/health", {"Host": "other.example"})

        # Streamlit serves its bundles uncompressed on purpose; nginx compresses them.
        _, _, page = get(server.origin, "/")
        bundle = re.search(rb'src="\./(static/js/index\.[\w-]+\.js)"', page)
        assert bundle, "no script bundle in the page"
        _, headers, _ = get(server.origin, "/" + bundle[1].decode(), {"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip"

        session = Offline(browser, server.origin)
        try:
            open_place(session, "/?place=wuhan&basemap=none")
            assert session.blocked == []  # the app's own port is another origin: never used
            assert session.errors == []
        finally:
            session.context.close()

        entries = wait_for_log(
            server, lambda e: e["uri"] == "/_stcore/stream" and e["status"] == "101"
        )
        assert any(e["uri"] == "/_stcore/stream" and e["status"] == "101" for e in entries)


@pytest.mark.browser
def test_app_under_a_sub_path(browser, tmp_path: Path) -> None:
    """--server.baseUrlPath=atlas and the same nginx.conf, unchanged."""
    with (
        streamlit_apps(tmp_path / "apps", 1, base_path="atlas") as (app,),
        nginx_server(NGINX, tmp_path / "nginx", "nginx.conf", [app.port]) as server,
    ):
        status, _, body = get(server.origin, "/atlas/_stcore/health")
        assert (status, body) == (200, b"ok")
        session = Offline(browser, server.origin)
        try:
            page = session.page
            page.goto(f"{server.origin}/atlas/?place=wuhan&basemap=none", timeout=60_000)
            page.wait_for_selector(IDLE, timeout=60_000)
            assert page.locator(PANEL_HEADING).first.inner_text(timeout=30_000).startswith("Wuhan")
            markers = page.frame_locator(MAP_FRAME).locator(MARKER)
            deadline = time.monotonic() + 30
            while markers.count() == 0:
                outside = [e for e in server.access_log() if e["uri"].startswith("/app/static/")]
                assert outside == [], "map assets requested outside server.baseUrlPath"
                assert time.monotonic() < deadline, "no markers under the sub-path"
                page.wait_for_timeout(250)
            assert session.blocked == []
            assert session.errors == []
        finally:
            session.context.close()
        entries = wait_for_log(server, lambda e: e["uri"] == "/atlas/_stcore/stream")
        assert [e["status"] for e in entries if e["uri"] == "/atlas/_stcore/stream"] == ["101"]


@pytest.mark.browser
def test_two_processes_stick_and_fail_over(browser, tmp_path: Path) -> None:
    with (
        streamlit_apps(tmp_path / "apps", 2) as apps,
        nginx_server(
            NGINX, tmp_path / "nginx", "nginx-two.conf", [app.port for app in apps]
        ) as server,
    ):
        status, _, body = get(server.origin, "/_stcore/health")
        assert (status, body) == (200, b"ok")

        session = Offline(browser, server.origin)
        try:
            open_place(session, "/?place=wuhan&basemap=none")
            assert session.blocked == []
            assert session.errors == []
            (key,) = [c["value"] for c in session.context.cookies() if c["name"] == "atlas_route"]

            # Every request of this browser, the first one included, reached one process.
            mine = [e for e in server.access_log() if key in (e["cookie"], e["id"])]
            assert len(mine) > 3
            assert len({e["up"] for e in mine}) == 1, mine
            used = next(app for app in apps if mine[0]["up"] == f"127.0.0.1:{app.port}")
            (other,) = [app for app in apps if app is not used]

            # That process dies: with the same cookie, a reload is served by the other one.
            used.stop()
            open_place(session, "/?place=wuhan&basemap=none")
        finally:
            session.context.close()

        survivor = f"127.0.0.1:{other.port}"
        entries = wait_for_log(
            server,
            lambda e: (
                e["uri"] == "/_stcore/stream"
                and e["status"] == "101"
                and e["up"].endswith(survivor)
            ),
        )
        streams = [e for e in entries if e["uri"] == "/_stcore/stream"]
        # The first WebSocket went to the process that served the page, a later one to the other.
        assert streams[0]["status"] == "101", streams
        assert streams[0]["up"] == f"127.0.0.1:{used.port}", streams
        assert any(e["status"] == "101" and e["up"].endswith(survivor) for e in streams), streams


def test_after_a_failover_a_click_on_the_map_opens_its_place(browser, tmp_path: Path) -> None:
    """The process serving a tab stops; the tab reconnects to the other one (a new session,
    restored from the values the tab holds); a click at a park's pixel then opens its panel.
    It once did not: the picker's stale value in that session undid the click."""
    with (
        streamlit_apps(tmp_path / "apps", 2) as apps,
        nginx_server(
            NGINX, tmp_path / "nginx", "nginx-two.conf", [app.port for app in apps]
        ) as server,
    ):
        session = Offline(browser, server.origin)
        try:
            open_place(session, "/?place=wuhan&basemap=none")
            ups = {e["up"] for e in server.access_log()}
            (used,) = [app for app in apps if f"127.0.0.1:{app.port}" in ups]
            (other,) = [app for app in apps if app is not used]
            # The other process has served a page before, as in a deployment.
            warm = Offline(browser, f"http://127.0.0.1:{other.port}")
            try:
                open_place(warm, "/?place=wuhan&basemap=none")
            finally:
                warm.context.close()
            used.stop()
            wait_for_log(
                server,
                lambda e: e["uri"] == "/_stcore/stream" and e["up"].endswith(str(other.port)),
                timeout=30,
            )
            click_at_place(session, "wuhan-huashan-eco-new-town")
            assert panel_heading(session, "Wuhan Huashan").startswith("Wuhan Huashan")
            assert session.blocked == [] and session.errors == []
        finally:
            session.context.close()


class _Named(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"ok" if self.path.endswith("/_stcore/health") else self.server.name.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def named_backends(*names: str) -> Iterator[dict[str, ThreadingHTTPServer]]:
    """Tiny loopback HTTP servers that answer with their own name."""
    servers: dict[str, ThreadingHTTPServer] = {}
    try:
        for name in names:
            backend = ThreadingHTTPServer(("127.0.0.1", 0), _Named)
            backend.name = name
            threading.Thread(target=backend.serve_forever, daemon=True).start()
            servers[name] = backend
        yield servers
    finally:
        for backend in servers.values():
            backend.shutdown()
            backend.server_close()


def test_two_process_config_spreads_browsers_and_fails_over(tmp_path: Path) -> None:
    with (
        named_backends("a", "b") as backends,
        nginx_server(
            NGINX, tmp_path, "nginx-two.conf", [b.server_address[1] for b in backends.values()]
        ) as server,
    ):
        # A new browser gets a cookie, and keeps reaching the process that served it.
        status, headers, first = get(server.origin, "/")
        assert status == 200
        cookie = COOKIE.fullmatch(headers["Set-Cookie"] or "")
        assert cookie, headers["Set-Cookie"]
        sent = {"Cookie": f"atlas_route={cookie[1]}"}
        for _ in range(5):
            _, headers, body = get(server.origin, "/", sent)
            assert body == first
            assert headers["Set-Cookie"] is None

        # Different browsers are spread over both processes.
        reached = {
            get(server.origin, "/", {"Cookie": f"atlas_route={n:032x}"})[2] for n in range(32)
        }
        assert reached == {b"a", b"b"}

        # Its process goes down: the same browser is served by the other one, health stays ok.
        dead = backends.pop(first.decode())
        dead.shutdown()
        dead.server_close()
        (alive,) = backends
        for _ in range(3):
            status, _, body = get(server.origin, "/", sent)
            assert (status, body) == (200, alive.encode())
        assert get(server.origin, "/_stcore/health")[2] == b"ok"

"""Helpers for tests/test_nginx.py: render deploy/*.conf, run nginx and app processes in tmp."""

from __future__ import annotations

import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.browser import ROOT, free_port, streamlit_command

DEPLOY = ROOT / "deploy"
# The shipped files' placeholders, replaced by render().
LISTEN = "listen 80;"
LISTEN_V6 = re.compile(r"^\s*listen \[::\]:80;\n", re.MULTILINE)
SERVER_NAME = "server_name atlas.example.org;"
APP_SERVER = re.compile(r"\bserver 127\.0\.0\.1:(850[12])\b")
# The wrapper's log_format; after a failover $upstream_addr lists both, "a:1, b:2".
ACCESS_LINE = re.compile(
    r"(?P<status>\d+) (?P<method>\S+) (?P<uri>\S+) "
    r"up=(?P<up>.*) cookie=(?P<cookie>\S*) id=(?P<id>\w+)"
)

# The shipped server block goes inside this. A catch-all default server refuses other hosts
# (as deploy/README.md recommends); the access log names the process each request reached.
WRAPPER = """\
daemon off;
worker_processes 1;
{user}
pid {tmp}/nginx.pid;
error_log {tmp}/error.log notice;
events {{
    worker_connections 1024;  # a session holds two: browser to nginx, nginx to the app
}}
http {{
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    log_format routes '$status $request_method $uri up=$upstream_addr '
                      'cookie=$cookie_atlas_route id=$request_id';
    access_log {tmp}/access.log routes;

    server {{
        listen 127.0.0.1:{port} default_server;
        server_name _;
        return 444;
    }}

{server}
}}
"""


def find_nginx() -> str | None:
    for candidate in (os.environ.get("ATLAS_NGINX"), shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def _sub(pattern: str | re.Pattern[str], replacement: str, text: str, count: int) -> str:
    new, found = re.subn(pattern, replacement, text)
    if found != count:
        raise AssertionError(f"expected {count} of {pattern!r} in the shipped config, got {found}")
    return new


def render(name: str, port: int, app_ports: list[int]) -> str:
    """deploy/<name> on 127.0.0.1:<port> for host 127.0.0.1, proxying to ``app_ports``."""
    text = (DEPLOY / name).read_text()
    text = _sub(LISTEN_V6, "", text, 1)
    text = _sub(re.escape(LISTEN), f"listen 127.0.0.1:{port};", text, 1)
    text = _sub(re.escape(SERVER_NAME), "server_name 127.0.0.1;", text, 1)
    shipped = APP_SERVER.findall(text)
    if len(shipped) != len(app_ports):
        raise AssertionError(f"{name} proxies to {shipped}, the test started {app_ports}")
    ports = dict(zip(shipped, app_ports, strict=True))
    return APP_SERVER.sub(lambda m: f"server 127.0.0.1:{ports[m.group(1)]}", text)


@dataclass
class Nginx:
    origin: str
    directory: Path

    def access_log(self) -> list[dict[str, str]]:
        """One dict per logged request: status, method, uri, up, cookie, id."""
        path = self.directory / "access.log"
        lines = path.read_text().splitlines() if path.exists() else []
        return [ACCESS_LINE.fullmatch(line).groupdict() for line in lines]


def _nginx_command(nginx: str, directory: Path) -> list[str]:
    conf = directory / "nginx.conf"
    return [nginx, "-p", str(directory), "-e", str(directory / "error.log"), "-c", str(conf)]


def write_config(directory: Path, server: str, port: int) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    # As root, workers would switch to `nobody` and could not use the private temp paths.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    text = WRAPPER.format(tmp=directory, port=port, user=user, server=server)
    (directory / "nginx.conf").write_text(text)


def check_config(nginx: str, directory: Path) -> None:
    result = subprocess.run(
        [*_nginx_command(nginx, directory), "-t"], capture_output=True, text=True, timeout=30
    )
    if result.returncode != 0:
        raise AssertionError(f"nginx -t failed:\n{result.stderr}")


@contextmanager
def nginx_server(
    nginx: str, directory: Path, name: str, app_ports: list[int], timeout: float = 15
) -> Iterator[Nginx]:
    """Run nginx in the foreground with deploy/<name> in front of ``app_ports``; stop it after."""
    port = free_port()
    write_config(directory, render(name, port, app_ports), port)
    check_config(nginx, directory)
    # Its own process group: if the master hangs, its workers are killed with it.
    process = subprocess.Popen(
        _nginx_command(nginx, directory),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log = (directory / "error.log").read_text()[-2000:]
                raise RuntimeError(f"nginx did not start: {log}")
            time.sleep(0.1)
        yield Nginx(f"http://127.0.0.1:{port}", directory)
    finally:
        process.terminate()  # SIGTERM: fast shutdown of master and workers
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@dataclass
class App:
    port: int
    process: subprocess.Popen

    def stop(self) -> None:
        """Kill the process, as a crash would; also the cleanup after each test."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)


@contextmanager
def streamlit_apps(
    directory: Path, count: int, base_path: str = "", timeout: float = 60
) -> Iterator[list[App]]:
    """``count`` app processes on loopback under ``base_path``, started together.

    tests/browser.streamlit_server polls /_stcore/health, which a base path moves.
    """
    directory.mkdir(parents=True, exist_ok=True)
    base = base_path.strip("/")
    with ExitStack() as stack:
        apps = []
        for _ in range(count):
            port = free_port()
            log = stack.enter_context(open(directory / f"streamlit-{port}.log", "wb"))
            command = streamlit_command(ROOT / "app.py", port, base)
            process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
            app = App(port, process)
            stack.callback(app.stop)
            apps.append(app)
        deadline = time.monotonic() + timeout
        for app in apps:
            url = f"http://127.0.0.1:{app.port}{'/' + base if base else ''}/_stcore/health"
            while not _healthy(url):
                if app.process.poll() is not None or time.monotonic() > deadline:
                    log = (directory / f"streamlit-{app.port}.log").read_text()[-2000:]
                    raise RuntimeError(f"streamlit did not start: {log}")
                time.sleep(0.2)
        yield apps


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read() == b"ok"
    except OSError:
        return False

"""The app under load: one ``streamlit run`` on a free loopback port, or two behind nginx.

Reuses tests/browser.streamlit_server and tests/nginx_helpers (nginx-two.conf as shipped,
with sticky sessions), and reads the processes' memory from /proc/<pid>/status.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tests.browser import streamlit_server
from tests.nginx_helpers import Nginx, find_nginx, nginx_server, streamlit_apps

STOP_TIMEOUT = 20.0  # seconds a SIGTERMed process gets before SIGKILL


@dataclass
class AppProcess:
    """One app process: its port, pid and (for two servers) its Popen, to stop it."""

    name: str
    port: int
    pid: int
    process: subprocess.Popen | None = None
    log: list[bytes] = field(default_factory=list)
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def alive(self) -> bool:
        if self.process is not None:
            return self.process.poll() is None
        return Path(f"/proc/{self.pid}").exists() and status_field(self.pid, "State") != "Z"

    def terminate(self) -> tuple[float, bool]:
        """SIGTERM, as systemd stops a unit; (seconds to exit, whether SIGKILL was needed)."""
        assert self.process is not None, "only the two-server processes are stopped"
        start = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_TIMEOUT)
            return time.monotonic() - start, False
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
            return time.monotonic() - start, True

    def log_text(self) -> str:
        if self.log_path is not None and self.log_path.exists():
            return self.log_path.read_text(errors="replace")
        return b"".join(self.log).decode(errors="replace")


@dataclass
class Target:
    """Where the users connect (the app or nginx) and the app processes behind it."""

    origin: str
    apps: list[AppProcess]
    nginx: Nginx | None = None


def status_field(pid: int, name: str) -> str | None:
    """A field of /proc/<pid>/status (e.g. VmRSS, VmHWM in kB), or None if gone."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                key, _, value = line.partition(":")
                if key == name:
                    return value.split()[0] if value.split() else ""
    except OSError:
        return None
    return None


def rss_mib(pid: int, name: str = "VmRSS") -> float | None:
    value = status_field(pid, name)
    return int(value) / 1024 if value and value.isdigit() else None


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of a process so far, or None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _child_serving(port: int) -> int:
    """The pid of our child ``streamlit run`` on ``port`` (streamlit_server keeps it private)."""
    me = os.getpid()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == me and b"streamlit" in args and str(port).encode() in args:
            return int(entry.name)
    raise RuntimeError(f"no streamlit process of ours on port {port}")


def _drain(pid: int, sink: list[bytes]) -> None:
    """Read the app's stderr pipe through /proc, so a chatty server never blocks on it.

    streamlit_server pipes stderr and reads it only if startup fails; under load the pipe
    could fill and stall the server. This also keeps the log for the report.
    """

    def pump() -> None:
        try:
            with open(f"/proc/{pid}/fd/2", "rb", buffering=0) as pipe:
                while chunk := pipe.read(65536):
                    sink.append(chunk)
        except OSError:
            pass

    threading.Thread(target=pump, name=f"stderr-{pid}", daemon=True).start()


@contextmanager
def single_server() -> Iterator[Target]:
    """One app process on a free loopback port; the users talk to it directly."""
    with streamlit_server() as base:
        port = urlsplit(base).port
        assert port is not None
        app = AppProcess("app", port, _child_serving(port))
        _drain(app.pid, app.log)
        yield Target(base, [app])


@contextmanager
def two_servers() -> Iterator[Target]:
    """Two app processes behind deploy/nginx-two.conf (sticky cookie, failover)."""
    nginx = find_nginx()
    if nginx is None:
        raise RuntimeError("nginx not found (apt-get install -y nginx, or set ATLAS_NGINX)")
    with (
        tempfile.TemporaryDirectory(prefix="atlas-load-") as tmp,
        streamlit_apps(Path(tmp) / "apps", 2) as apps,
        nginx_server(nginx, Path(tmp) / "nginx", "nginx-two.conf", [a.port for a in apps]) as front,
    ):
        yield Target(
            front.origin,
            [
                AppProcess(
                    f"app {i}",
                    a.port,
                    a.process.pid,
                    a.process,
                    log_path=Path(tmp) / "apps" / f"streamlit-{a.port}.log",
                )
                for i, a in enumerate(apps, 1)
            ],
            front,
        )


def routes(front: Nginx) -> dict[str, str]:
    """Routing cookie -> the last app address nginx sent it to, from its access log."""
    latest: dict[str, str] = {}
    for entry in front.access_log():
        key = entry["cookie"] if entry["cookie"] not in ("", "-") else entry["id"]
        upstream = entry["up"].split(",")[-1].strip()
        if upstream and upstream != "-":
            latest[key] = upstream
    return latest

"""Helpers for real-browser tests: a streamlit server on a free port and a locked-down page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def streamlit_command(script: Path, port: int, base_path: str = "") -> list[str]:
    """``streamlit run script`` headless on loopback ``port`` (under ``base_path`` if given)."""
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    base = base_path.strip("/")
    return [*command, "--server.baseUrlPath", base] if base else command


@contextmanager
def streamlit_server(
    env: dict[str, str] | None = None, timeout: float = 60, script: Path = ROOT / "app.py"
) -> Iterator[str]:
    """Start ``streamlit run script`` on loopback; yield its base URL; stop it after."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # A file, not a pipe: nobody reads the log while the app runs, and a full pipe stalls it.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            streamlit_command(script, port),
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=log,
            stderr=log,
        )
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                        if response.read() == b"ok":
                            break
                except OSError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    tail = log.read().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"streamlit did not start: {tail}")
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

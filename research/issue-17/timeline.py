"""Where an action's time goes under load: the client's and the server's clocks joined (round 25).

Usage (from the project root), against ``timeline_server.py`` started with the same LOG:
``python research/issue-17/timeline.py PORT LOG [SESSIONS=100] [SECONDS=40]``.
SESSIONS protocol users (load/protocol.py) open, filter and select with pauses of 0.5–1.5 s,
as ``python -m load`` does. Both processes read the same monotonic clock, so each run's
steps line up: the request sent, handled by the server, the script's end, its last message
handed to the session's client, and that message read by the user. Prints median and 95th
percentile of each step per action kind.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from load import protocol
from load.catalogue import load_catalogue

CLIENT: list[tuple[str, float, float]] = []  # (session id, request sent, last message read)
_run, _handle = protocol.Connection.run, protocol.Connection._handle


async def _timed_run(self: Any, query: str, widgets: Any, fragment_id: str = "") -> Any:
    self.sent_at = time.monotonic()
    return await _run(self, query, widgets, fragment_id)


def _timed_handle(self: Any, message: Any) -> None:
    _handle(self, message)
    if message.WhichOneof("type") == "script_finished":
        CLIENT.append((self.session_id, self.sent_at, time.monotonic()))


protocol.Connection.run = _timed_run  # type: ignore[method-assign]
protocol.Connection._handle = _timed_handle  # type: ignore[method-assign]


async def _user(i: int, port: int, seconds: float) -> None:
    rng = random.Random(i)
    user = protocol.ProtocolUser(f"u{i}", f"http://127.0.0.1:{port}", load_catalogue())
    await user.open(rng)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for action in (user.open, user.filter, user.select):
            await asyncio.sleep(rng.uniform(0.5, 1.5))
            await action(rng)
    await user.close()


def _server_runs(log: Path) -> dict[str, list[dict[str, Any]]]:
    """Each session's runs, in order: kind and the time of each step."""
    steps: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for line in log.read_text().splitlines():
        at, session, step = line.split()
        steps[session].append((float(at), step))
    runs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for session, events in steps.items():
        run: dict[str, Any] | None = None
        for at, step in events:
            if step.startswith("backmsg"):
                kind = "select" if step.endswith(":frag") else "filter" if runs[session] else "open"
                run = {"kind": kind, "handled": at}
            elif run is not None and step.startswith("ev:") and "STOPPED" in step:
                run["ended"] = at
            elif run is not None and step == "send:script_finished":
                run["handed"] = at
                runs[session].append(run)
                run = None
    return runs


def main() -> None:
    port, log = int(sys.argv[1]), Path(sys.argv[2])
    sessions = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 40.0

    async def everyone() -> None:
        await asyncio.gather(*(_user(i, port, seconds) for i in range(sessions)))

    asyncio.run(everyone())
    time.sleep(1)  # the server's log is buffered: let it write the last lines
    client: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for session, sent, read in CLIENT:
        client[session].append((sent, read))
    steps = ("request → handled", "handled → script ended", "ended → last message out",
             "out → read by the user", "whole action")  # fmt: skip
    rows: dict[str, list[tuple[float, ...]]] = defaultdict(list)
    for session, runs in _server_runs(log).items():
        for run, (sent, read) in zip(runs, client.get(session, []), strict=False):
            if "ended" in run:
                rows[run["kind"]].append((
                    run["handled"] - sent, run["ended"] - run["handled"],
                    run["handed"] - run["ended"], read - run["handed"], read - sent,
                ))  # fmt: skip
    for kind, values in rows.items():
        print(f"{kind} ({len(values)} actions): median / 95th percentile, ms")
        for i, step in enumerate(steps):
            column = [v[i] * 1000 for v in values]
            p95 = statistics.quantiles(column, n=20)[18]
            print(f"  {step:28s} {statistics.median(column):7.1f} / {p95:7.1f}")


if __name__ == "__main__":
    main()

"""The machine a load run measured on: its processor, and how fast it runs Python that day.

Server CPU per action follows the processor more than anything in the app: the same code
took 10.2–10.9 ms per action at 25 sessions on the VM of 2026-12-02 morning and 23–27 ms on
the AMD VM of that afternoon. The interpreter's build counts too (README, Load). Every report
therefore names the processor and the Python, and times one fixed piece of pure-Python work
(dictionaries, strings, lists and calls, as the server's own work is), so that figures from
two machines can be read against each other.
"""

from __future__ import annotations

import functools
import os
import platform
import statistics
import time
from pathlib import Path

CPUINFO = Path("/proc/cpuinfo")


def processor(cpuinfo: str | None = None) -> str:
    """The processor's model name (the first ``model name`` line of /proc/cpuinfo)."""
    if cpuinfo is None:
        try:
            cpuinfo = CPUINFO.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "processor unknown"
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "model name" and value.strip():
            return value.strip()
    return "processor unknown"


def _reference_work() -> int:
    table: dict[str, list[int]] = {}
    for i in range(60_000):
        key = f"place-{i % 5_000}"
        table.setdefault(key, []).append(i)
    total = 0
    for key, values in sorted(table.items()):
        total += len(key) + sum(values[:3])
    return total


def reference_ms(repeats: int = 5) -> float:
    """Median wall time of the fixed work, in ms (run while nothing else is loaded)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        _reference_work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def describe(reference: float | None = None, cpuinfo: str | None = None) -> str:
    """'2 CPUs (AMD EPYC), Python 3.11.2, reference work 21 ms': the machine and the
    interpreter (the app's: the load tool runs in the same environment), as a report says."""
    speed = reference_ms() if reference is None else reference
    return (
        f"{os.cpu_count()} CPUs ({processor(cpuinfo)}), Python {platform.python_version()}, "
        f"reference work {speed:.0f} ms"
    )


@functools.cache
def noted() -> str:
    """:func:`describe`, measured once per load run: first thing, before any server starts."""
    return describe()

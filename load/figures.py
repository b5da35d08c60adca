"""The report's arithmetic, kept pure so it is unit-tested: rates, memory trend, budgets."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from load.record import Summary

FLAT_WITHIN = 0.10  # a soak's memory trend after warm-up, as a fraction of its start
WARM_UP_SHARE = 0.25  # the first quarter of a soak is warm-up: caches, allocator arenas


@dataclass(frozen=True)
class Trend:
    """A least-squares line through the RSS samples taken after warm-up."""

    samples: int
    start: float  # MiB, the line's value when warm-up ended
    end: float  # MiB, its value at the last sample
    lowest: float  # MiB, of the samples
    highest: float
    per_hour: float  # MiB per hour, the line's slope

    @property
    def change(self) -> float:
        """The line's change over the window, as a fraction of its start."""
        return (self.end - self.start) / self.start if self.start else 0.0

    @property
    def flat(self) -> bool:
        return abs(self.change) <= FLAT_WITHIN


def trend(series: Sequence[tuple[float, float]], warm_up: float) -> Trend | None:
    """The trend of (seconds, MiB) samples after ``warm_up`` seconds; None under 3 samples."""
    kept = [(t, v) for t, v in series if t >= warm_up]
    if len(kept) < 3:
        return None
    times = [t for t, _ in kept]
    values = [v for _, v in kept]
    mean_t, mean_v = statistics.fmean(times), statistics.fmean(values)
    spread = sum((t - mean_t) ** 2 for t in times)
    slope = sum((t - mean_t) * (v - mean_v) for t, v in kept) / spread if spread else 0.0
    at = lambda t: mean_v + slope * (t - mean_t)  # noqa: E731 - the fitted line
    return Trend(len(kept), at(times[0]), at(times[-1]), min(values), max(values), slope * 3600)


def steady(series: Sequence[tuple[float, float]], since: float) -> float | None:
    """The median of the samples taken from ``since`` seconds on: the RSS a load settles at."""
    kept = [v for t, v in series if t >= since]
    return statistics.median(kept) if kept else None


def per_added_session(low: tuple[int, float], high: tuple[int, float]) -> float | None:
    """MiB each extra session costs, from (sessions, steady RSS) at two session counts."""
    (n1, rss1), (n2, rss2) = low, high
    return (rss2 - rss1) / (n2 - n1) if n2 != n1 else None


def cpu_ms_per_action(cpu_seconds: float, actions: int) -> float | None:
    return 1000 * cpu_seconds / actions if actions else None


@dataclass(frozen=True)
class Budgets:
    """Issue 17's budgets for one process with 100 protocol sessions (and two with 200)."""

    median: float = 0.5  # seconds, for each of open, filter and select
    p95: float = 1.0  # seconds
    cpu_ms: float = 15.0  # server CPU per action, on a 2-core machine
    mib_per_session: float = 1.0  # memory per added session
    errors: int = 0


@dataclass(frozen=True)
class Check:
    name: str
    limit: str
    measured: str
    ok: bool


def check_run(
    summaries: dict[str, Summary | None],
    errors: int,
    cpu_ms: float | None,
    budgets: Budgets = Budgets(),
    *,
    label: str = "",
    latency_only: bool = False,
) -> list[Check]:
    """Budget checks of one run: errors, median and p95 per action, CPU per action.

    ``latency_only`` drops the p95 and CPU checks (the two-server run: its failover
    interrupts actions on purpose, and its CPU is two processes').
    """
    prefix = f"{label}: " if label else ""
    checks = [
        Check(f"{prefix}errors", f"= {budgets.errors}", str(errors), errors <= budgets.errors)
    ]
    for action, summary in summaries.items():
        if summary is None:
            checks.append(Check(f"{prefix}{action}", "done at least once", "never", False))
            continue
        checks.append(
            Check(
                f"{prefix}{action} median",
                f"≤ {budgets.median:.2f} s",
                f"{summary.median:.2f} s",
                summary.median <= budgets.median,
            )
        )
        if not latency_only:
            checks.append(
                Check(
                    f"{prefix}{action} p95",
                    f"≤ {budgets.p95:.2f} s",
                    f"{summary.p95:.2f} s",
                    summary.p95 <= budgets.p95,
                )
            )
    if not latency_only:
        checks.append(
            Check(
                f"{prefix}server CPU per action",
                f"≤ {budgets.cpu_ms:.0f} ms",
                "—" if cpu_ms is None else f"{cpu_ms:.1f} ms",
                cpu_ms is not None and cpu_ms <= budgets.cpu_ms,
            )
        )
    return checks


def check_memory(mib: float | None, budgets: Budgets = Budgets()) -> Check:
    return Check(
        "memory per added session",
        f"≤ {budgets.mib_per_session:.1f} MiB",
        "—" if mib is None else f"{mib:.2f} MiB",
        mib is not None and mib <= budgets.mib_per_session,
    )


def table(checks: Sequence[Check]) -> list[str]:
    """Markdown rows: budget, limit, measured, met."""
    rows = ["| budget | limit | measured | met |", "|---|---|---|---|"]
    rows += [
        f"| {c.name} | {c.limit} | {c.measured} | {'yes' if c.ok else '**no**'} |" for c in checks
    ]
    return rows

"""The run's Markdown report: headline figures, response times per action, every error."""

from __future__ import annotations

import time
from pathlib import Path

from load import machine
from load.figures import (
    FLAT_WITHIN,
    WARM_UP_SHARE,
    cpu_ms_per_action,
    steady,
    trend,
)
from load.record import Recorder, Summary, summarize
from load.run import ACTIONS, Outcome, post_script_gc
from ui.process import gc_thresholds

RESULTS = Path(__file__).resolve().parent / "results"
SHOWN_ERRORS = 30


def _seconds(value: float) -> str:
    return f"{value:.2f}"


def _after(rec: Recorder) -> str:
    """'3 / 5 (open 3/3, filter 0/2)': the first action of each reconnected session."""
    tries = rec.after_reconnect
    if not tries:
        return "—"
    parts = []
    for action in ACTIONS:
        done = [ok for name, ok in tries if name == action]
        if done:
            parts.append(f"{action} {sum(done)}/{len(done)}")
    return f"{sum(ok for _, ok in tries)} / {len(tries)} ({', '.join(parts)})"


def summaries(outcome: Outcome, client: str = "protocol") -> dict[str, Summary | None]:
    """Response times per action of one kind of client."""
    timings = outcome.recorder.timings
    return {
        a: summarize([t.seconds for t in timings if t.action == a and t.client == client])
        for a in ACTIONS
    }


def before_stop(outcome: Outcome) -> dict[str, Summary | None]:
    """Protocol response times while both processes served (before the stop, if any)."""
    stop = outcome.failover.at if outcome.failover and outcome.failover.at else None
    timings = [t for t in outcome.recorder.timings if t.client == "protocol"]
    if stop is not None:
        timings = [t for t in timings if t.at < stop]
    return {a: summarize([t.seconds for t in timings if t.action == a]) for a in ACTIONS}


def steady_rss(outcome: Outcome, name: str = "total") -> float | None:
    """RSS (MiB) the load settled at: the median over its second half."""
    return steady(outcome.rss_series.get(name, []), outcome.load_seconds / 2)


def cpu_ms(outcome: Outcome) -> float | None:
    """Server CPU milliseconds per action (all app processes, all actions)."""
    return cpu_ms_per_action(outcome.app_cpu, len(outcome.recorder.timings))


def _per_process(outcome: Outcome) -> str:
    """'app: 0.80 cores, 262 MiB steady' for each process."""
    parts = []
    for name, cpu in outcome.cpu_by_process.items():
        rss = steady(outcome.rss_series.get(name, []), outcome.load_seconds / 2)
        parts.append(
            f"{name}: {cpu / max(outcome.load_seconds, 1):.2f} cores"
            + (f", {rss:.0f} MiB" if rss is not None else "")
        )
    return "; ".join(parts) or "—"


def render(outcome: Outcome) -> str:
    """The report as Markdown."""
    o, rec, mem = outcome.options, outcome.recorder, outcome.memory
    browsers = min(o.browsers, o.sessions)
    errors = rec.errors_by_kind()
    per_session = (mem.peak - mem.warm) / o.sessions if o.sessions else 0.0
    rate = len(rec.timings) / max(outcome.load_seconds, 1)
    ms = cpu_ms(outcome)
    settled = steady_rss(outcome)
    lines = [
        f"# Load test: {outcome.target}",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')}, {machine.noted()}. {o.sessions} sessions "
        f"({o.sessions - browsers} protocol clients, {browsers} browser "
        f"context{'' if browsers == 1 else 's'} in one "
        f"headless Chromium), {o.seconds:.0f} s of load, pauses of {o.think[0]}–{o.think[1]} s "
        "between actions. Each session opens a deep link, changes the programme filter and "
        "selects a place, over and over.",
        "",
        "| figure | value |",
        "|---|---|",
        f"| sessions held concurrently (peak) | {outcome.held_peak} of {o.sessions} |",
        f"| fewest held once all were up{' (before the stop)' if outcome.failover else ''} | "
        f"{outcome.held_min if outcome.held_min is not None else '—'} |",
        f"| actions done | {len(rec.timings)} ({rate:.1f} a second) |",
        f"| errors | {len(rec.failures)} |",
    ]
    for kind, count in sorted(errors.items()):
        lines.append(f"| … {kind} | {count} |")
    lines += [
        f"| app RSS before load: started / warmed up by one session | "
        f"{mem.cold:.0f} / {mem.warm:.0f} MiB |",
        f"| app RSS at peak (sum of processes) | {mem.peak:.0f} MiB |",
        "| app RSS settled: median over the second half of the load | "
        + ("—" if settled is None else f"{settled:.0f} MiB")
        + " |",
        f"| memory per session: (peak − warmed up) / sessions | {per_session:.1f} MiB |",
        "| peak RSS per process (VmHWM) | "
        + ", ".join(f"{name} {value:.0f} MiB" for name, value in mem.high_water.items())
        + " |",
        f"| app CPU during the load | {outcome.app_cpu:.0f} s "
        f"({outcome.app_cpu / max(outcome.load_seconds, 1):.2f} cores on average) |",
        "| server CPU per action | " + ("—" if ms is None else f"{ms:.1f} ms") + " |",
        f"| per process: CPU, settled RSS | {_per_process(outcome)} |",
        f"| runner.postScriptGC (gc.collect(2) after every run) | "
        f"{'on' if post_script_gc(o.post_script_gc) else 'off'} |",
        "| garbage collector thresholds (ui/process.py, ATLAS_GC_THRESHOLDS) | "
        f"{', '.join(map(str, gc_thresholds()))} |",
        f"| load generator CPU (this process; Chromium not included) | "
        f"{outcome.driver_cpu:.0f} s |",
        f"| machine load average (1 min) at start / end | {outcome.load_average[0]:.1f} / "
        f"{outcome.load_average[1]:.1f} |",
        f"| requests blocked outside the origin | {outcome.blocked} |",
        f"| tracebacks in the app's log | {outcome.server_tracebacks} |",
        f"| run time: whole / load | {outcome.wall_seconds:.0f} s / {outcome.load_seconds:.0f} s |",
    ]
    f = outcome.failover
    if f is not None:
        recovery = summarize([s for _, s in rec.reconnections])
        how = "SIGKILL after SIGTERM timed out" if f.killed else "SIGTERM"
        lines += [
            f"| process stopped | {f.stopped or '—'} at {f.at or 0:.0f} s ({how}, "
            f"exited in {f.exit_seconds:.1f} s) |",
            f"| sessions on it (known from nginx's log) | {len(f.victims)} "
            f"(of {f.mapped} mapped) |",
            f"| reconnected to the other process | {len(rec.reconnections)}"
            + (
                f" (median {_seconds(recovery.median)} s, max {_seconds(recovery.maximum)} s)"
                if recovery
                else ""
            )
            + " |",
            f"| actions interrupted by the stop | {rec.interrupted} |",
            f"| first action after reconnecting: worked / tried | {_after(rec)} |",
            "| browser pages that showed 'Connection error' meanwhile | "
            f"{rec.connection_dialogs} |",
            "| nginx error log (error and warn lines, by kind) | "
            + ("; ".join(f"{n} × {what}" for what, n in outcome.nginx_errors.most_common(6)) or "—")
            + " |",
        ]
    lines += [
        "",
        "Response time: from the user's action until the app is idle again and shows the "
        "result (protocol: the run's `script_finished` and the checked screen; browser: the "
        "page idle with the panel, link or markers checked).",
        "",
        "| action | client | count | median (s) | 95th percentile (s) | max (s) |",
        "|---|---|---|---|---|---|",
    ]
    kinds = sorted({t.client for t in rec.timings}, key=lambda k: k != "protocol")
    for action in ACTIONS:
        for kind in kinds:
            summary = summarize(
                [t.seconds for t in rec.timings if t.action == action and t.client == kind]
            )
            if summary:
                lines.append(
                    f"| {action} | {kind} | {summary.count} | {_seconds(summary.median)} | "
                    f"{_seconds(summary.p95)} | {_seconds(summary.maximum)} |"
                )
    if f is not None and f.at is not None:
        lines += [
            "",
            f"Protocol clients while both processes served (the first {f.at:.0f} s):",
            "",
            "| action | count | median (s) | 95th percentile (s) | max (s) |",
            "|---|---|---|---|---|",
        ]
        for action, summary in before_stop(outcome).items():
            if summary:
                lines.append(
                    f"| {action} | {summary.count} | {_seconds(summary.median)} | "
                    f"{_seconds(summary.p95)} | {_seconds(summary.maximum)} |"
                )
    if rec.failures:
        lines += ["", "## Errors", "", "| session | action | kind | detail |", "|---|---|---|---|"]
        for failure in rec.failures[:SHOWN_ERRORS]:
            detail = failure.detail.replace("|", "\\|")
            lines.append(f"| {failure.session} | {failure.action} | {failure.kind} | {detail} |")
        if len(rec.failures) > SHOWN_ERRORS:
            lines.append(f"| … | | | {len(rec.failures) - SHOWN_ERRORS} more |")
    return "\n".join(lines) + "\n"


def render_soak(outcome: Outcome) -> str:
    """The run's report, then the memory trend after warm-up and its verdict."""
    series = outcome.rss_series.get("total", [])
    warm_up = outcome.load_seconds * WARM_UP_SHARE
    line = trend(series, warm_up)
    lines = [
        render(outcome).rstrip("\n"),
        "",
        "## Memory trend",
        "",
        f"RSS sampled every {outcome.options.rss_every:.0f} s ({len(series)} samples); the "
        f"first {warm_up / 60:.1f} min are warm-up. A least-squares line through the rest "
        f"must change by at most {FLAT_WITHIN:.0%} of its start.",
        "",
    ]
    if line is None:
        lines.append("Too few samples after warm-up for a trend: **fail**.")
    else:
        lines += [
            "| figure | value |",
            "|---|---|",
            f"| samples after warm-up | {line.samples} |",
            f"| trend line: start → end | {line.start:.1f} → {line.end:.1f} MiB |",
            f"| change over the window | {line.change:+.1%} ({line.per_hour:+.1f} MiB an hour) |",
            f"| lowest / highest sample | {line.lowest:.1f} / {line.highest:.1f} MiB |",
            f"| flat within {FLAT_WITHIN:.0%} | {'**pass**' if line.flat else '**fail**'} |",
        ]
    lines += ["", "| minute | RSS (MiB) |", "|---|---|"]
    minute = -1
    for seconds, mib in series:
        if int(seconds // 60) != minute:
            minute = int(seconds // 60)
            lines.append(f"| {minute} | {mib:.1f} |")
    return "\n".join(lines) + "\n"


def soak_flat(outcome: Outcome) -> bool:
    line = trend(outcome.rss_series.get("total", []), outcome.load_seconds * WARM_UP_SHARE)
    return line is not None and line.flat


def write(text: str, outcome: Outcome, mode: str | None = None) -> Path:
    """Write load/results/latest.md, a copy per mode and the run's logs (folder made here)."""
    mode = mode or ("two-servers" if outcome.options.two_servers else "one-server")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{mode}.md").write_text(text)
    for name, log in outcome.logs.items():
        (RESULTS / f"{mode}-{name.replace(' ', '-')}.log").write_text(log)
    latest = RESULTS / "latest.md"
    latest.write_text(text)
    return latest

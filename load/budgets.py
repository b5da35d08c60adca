"""Issue 17's capacity budgets as load runs (``python -m load --budgets``), and side-by-side
runs of runner.postScriptGC on and off (``python -m load --compare-gc``).

Budgets: one process, 100 protocol sessions, pauses 0.5–1.5 s: 0 errors, median ≤ 0.5 s and
p95 ≤ 1.0 s for open, filter and select, server CPU ≤ 15 ms an action; memory per added
session ≤ 1 MiB (settled RSS at 100 against 25 sessions). Two processes behind
deploy/nginx-two.conf with 200 sessions: the same medians while both serve, and the stop of
one loses nothing (every session on it reconnects, every first action after works, 0 errors).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace

from load import machine
from load.figures import Budgets, Check, check_memory, check_run, per_added_session, table
from load.report import RESULTS, before_stop, cpu_ms, render, steady_rss, summaries, write
from load.run import ACTIONS, Options, Outcome, post_script_gc, run

ONE_PROCESS_SECONDS = 60.0
TWO_PROCESS_SECONDS = 90.0


def _uptime() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


def failover_checks(outcome: Outcome) -> list[Check]:
    """The stop of one process lost nothing: all its sessions back, their next actions done."""
    f, rec = outcome.failover, outcome.recorder
    if f is None:
        return []
    back = len(rec.reconnections)
    tried = len(rec.after_reconnect)
    worked = sum(ok for _, ok in rec.after_reconnect)
    return [
        Check(
            "two processes: sessions of the stopped one reconnected",
            "all, at least one",
            f"{back} of {len(f.victims)}",
            bool(f.victims) and back == len(f.victims),
        ),
        Check(
            "two processes: first action after reconnecting worked",
            "all",
            f"{worked} of {tried}",
            worked == tried,
        ),
    ]


def row(label: str, outcome: Outcome) -> str:
    """One line of the side-by-side table."""
    s = summaries(outcome)
    times = ", ".join(
        f"{s[a].median:.2f}/{s[a].p95:.2f}/{s[a].maximum:.2f}" if s[a] else "—" for a in ACTIONS
    )
    rss = steady_rss(outcome)
    ms = cpu_ms(outcome)
    seconds = max(outcome.load_seconds, 1)
    gc = "on" if post_script_gc(outcome.options.post_script_gc) else "off"
    return (
        f"| {label} | {gc} | {outcome.options.sessions} | {len(outcome.recorder.timings)} "
        f"({len(outcome.recorder.timings) / seconds:.1f}/s) | {times} | "
        f"{outcome.app_cpu / seconds:.2f} | {'—' if ms is None else f'{ms:.1f}'} | "
        f"{'—' if rss is None else f'{rss:.0f}'} | {outcome.memory.peak:.0f} | "
        f"{len(outcome.recorder.failures)} | {outcome.load_average[0]:.1f} / "
        f"{outcome.load_average[1]:.1f} |"
    )


HEADER = [
    "| run | postScriptGC | sessions | actions | median/p95/max (s): open, filter, select "
    "| app cores | CPU ms/action | settled RSS (MiB) | peak RSS (MiB) | errors | load avg "
    "start / end |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
]


def _save(name: str, text: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / name).write_text(text)
    print(f"written to {RESULTS / name}", file=sys.stderr)


def _one(options: Options, label: str) -> Outcome:
    print(f"{label}: {options.sessions} sessions for {options.seconds:.0f} s "
          f"(load average {_uptime()})", file=sys.stderr)  # fmt: skip
    outcome = run(options)
    write(render(outcome), outcome, label.replace(" ", "-"))
    return outcome


def run_budgets(options: Options, args: argparse.Namespace) -> int:
    """The three runs, the checks, one report; 1 if any budget is missed."""
    budgets = Budgets()
    seconds = args.seconds or (args.minutes or 0) * 60 or ONE_PROCESS_SECONDS
    browsers = args.browsers or 0
    base = replace(options, seconds=seconds, browsers=browsers, two_servers=False)
    small = _one(replace(base, sessions=25), "budget 25")
    large = _one(replace(base, sessions=100), "budget 100")
    two = _one(
        replace(
            base,
            sessions=200,
            two_servers=True,
            seconds=args.seconds or TWO_PROCESS_SECONDS,
        ),
        "budget two-servers",
    )
    low, high = steady_rss(small), steady_rss(large)
    added = per_added_session((25, low), (100, high)) if low and high else None
    checks = [
        *check_run({}, len(small.recorder.failures), None, budgets, label="25 sessions",
                   latency_only=True),
        *check_run(summaries(large), len(large.recorder.failures), cpu_ms(large), budgets,
                   label="100 sessions"),
        check_memory(added, budgets),
        *check_run(before_stop(two), len(two.recorder.failures), None, budgets,
                   label="two processes, 200 sessions, before the stop", latency_only=True),
        *failover_checks(two),
    ]  # fmt: skip
    missed = [c for c in checks if not c.ok]
    lines = [
        "# Load budgets (issue 17)",
        "",
        f"{machine.noted()}; protocol clients unless stated; pauses "
        f"{base.think[0]}–{base.think[1]} s. Memory per added session: settled RSS "
        f"(median over each run's second half) at 100 against 25 sessions: "
        + ("—" if added is None else f"({high:.0f} − {low:.0f}) / 75 = {added:.2f} MiB")
        + ".",
        "",
        *table(checks),
        "",
        *HEADER,
        row("one process", small),
        row("one process", large),
        row("two processes (one stopped)", two),
        "",
        "Missed: " + "; ".join(c.name for c in missed) if missed else "All budgets met.",
        "",
    ]
    for name, outcome in (("25", small), ("100", large), ("two", two)):
        lines += [f"<details><summary>run {name}</summary>", "", render(outcome), "</details>", ""]
    text = "\n".join(lines)
    print(text)
    _save("budgets.md", text)
    for check in missed:
        print(
            f"budget missed: {check.name}: {check.measured} (limit {check.limit})", file=sys.stderr
        )
    return 1 if missed else 0


def run_compare(options: Options, args: argparse.Namespace) -> int:
    """postScriptGC on and off, taking turns, at 25 and 100 protocol sessions on one process."""
    seconds = args.seconds or (args.minutes or 0) * 60 or ONE_PROCESS_SECONDS
    base = replace(options, seconds=seconds, browsers=args.browsers or 0, two_servers=False)
    counts = [int(n) for n in (args.counts or "25,100").split(",")]
    rows = []
    failed = False
    for sessions in counts:
        for gc in (True, False):
            label = f"gc {'on' if gc else 'off'} {sessions}"
            outcome = _one(replace(base, sessions=sessions, post_script_gc=gc), label)
            rows.append(row("one process", outcome))
            failed = failed or bool(outcome.recorder.failures)
    text = "\n".join(
        ["# runner.postScriptGC on and off", "", f"{machine.noted()}, {seconds:.0f} s a run.",
         "", *HEADER, *rows, ""]
    )  # fmt: skip
    print(text)
    _save("compare-gc.md", text)
    return 1 if failed else 0

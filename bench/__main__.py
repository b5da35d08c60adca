"""``python -m bench [--runs N] [--sizes real,1000,10000] [--browser]``.

Measures this app and the naive baseline side by side on each dataset, prints a Markdown
report, writes it to ``bench/results/latest.md`` and exits non-zero when a budget is missed.
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from atlas.dataset import DEFAULT_DATA_DIR
from bench.report import REAL, Results, budgets, render
from bench.synth import generate

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = Path(__file__).resolve().parent / "results"
VALIDATE_TIMEOUT = 600  # seconds
# Medians steady enough for a 10x ratio need more runs than one 10,000-place repetition
# (about 90 s, nearly all of it the baseline) can afford.
SMALL, SMALL_RUNS, LARGE_RUNS = 1000, 9, 5
QUIET_LOGGERS = (
    "streamlit.runtime.scriptrunner_utils.script_run_context",
    "streamlit.runtime.caching.cache_data_api",
)


def _sizes(text: str) -> list[str]:
    sizes = [part.strip() for part in text.split(",") if part.strip()]
    for size in sizes:
        if size != REAL and not (size.isdigit() and int(size) > 0):
            raise argparse.ArgumentTypeError(f"'{size}' is neither 'real' nor a number of places")
    if not sizes:
        raise argparse.ArgumentTypeError("no sizes given")
    return sizes


def _validate(directory: Path) -> None:
    """``python -m atlas validate DIR``; raises if the folder does not validate."""
    done = subprocess.run(
        [sys.executable, "-m", "atlas", "validate", str(directory)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=VALIDATE_TIMEOUT,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{directory} does not validate:\n{done.stderr[-3000:]}")


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--runs",
        type=int,
        default=None,
        help=f"runs per figure (median); default {SMALL_RUNS} up to {SMALL:,} places, "
        f"{LARGE_RUNS} above",
    )
    parser.add_argument(
        "--sizes", type=_sizes, default=_sizes("real,1000,10000"), help="e.g. real,1000,10000"
    )
    parser.add_argument("--browser", action="store_true", help="also time a real browser")
    args = parser.parse_args(argv)
    if args.runs is not None and not 1 <= args.runs <= 100:
        parser.error("--runs must be between 1 and 100")
    for name in QUIET_LOGGERS:  # notices about running without a server, expected here
        logging.getLogger(name).addFilter(lambda record: record.levelno >= logging.ERROR)
    from bench.measure import APP_UNDER_TEST, BASELINE, measure_dataset, warm_up

    start = time.perf_counter()
    results: Results = {}
    labels: dict[str, str] = {}
    runs: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
        warm_up(DEFAULT_DATA_DIR)
        for size in args.sizes:
            if size == REAL:
                directory = DEFAULT_DATA_DIR
            else:
                _log(f"generating {int(size):,} places")
                directory = generate(int(size), Path(tmp) / f"places-{size}")
            _validate(directory)
            places = len(pd.read_csv(directory / "places.csv", dtype=str))
            labels[size] = f"real ({places:,} places)" if size == REAL else f"{places:,} places"
            runs[labels[size]] = args.runs or (SMALL_RUNS if places <= SMALL else LARGE_RUNS)
            _log(f"{labels[size]}: {runs[labels[size]]} run(s) of both apps")
            samples = measure_dataset(directory, runs[labels[size]])
            table: dict[str, dict[str, float | str | None]] = {}
            for app in (APP_UNDER_TEST, BASELINE):
                for key, value in samples[app.name].medians().items():
                    table.setdefault(key, {})[app.name] = value
            if args.browser:
                from bench.browser import measure_browser

                _log(f"{labels[size]}: browser")
                timings = measure_browser(directory, places, runs[labels[size]])
                for name, values in timings.items():
                    table.setdefault("browser_load", {})[name] = values["load"]
                    table.setdefault("browser_click", {})[name] = values["click"]
            results[size] = table
    checks = budgets(results)
    report = render(results, labels, runs, time.perf_counter() - start, checks)
    print(report)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "latest.md").write_text(report, encoding="utf-8")
    missed = [c for c in checks if not c.ok]
    for check in missed:
        _log(f"budget missed: {check.text} (got {check.got})")
    _log(f"report written to {RESULTS_DIR / 'latest.md'}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())

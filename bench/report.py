"""The benchmark's report: one Markdown table, growth with size, the machine and the budgets."""

from __future__ import annotations

import os
import platform
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path

Cell = float | str | None
# dataset key -> measure key -> app name -> value (seconds, bytes, a count or a message)
Results = dict[str, dict[str, dict[str, Cell]]]

APP_NAME = "this app"
BASELINE_NAME = "baseline"
REAL = "real"
SMALL, LARGE = "1000", "10000"

# Budgets (1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes).
REAL_RERUN_S = 0.150
REAL_SPEEDUP = 10.0
REAL_PAYLOAD_BYTES = 400_000
LARGE_RERUN_S = 1.0
LARGE_PAYLOAD_BYTES = 2_000_000


@dataclass(frozen=True)
class Measure:
    """One row of the table."""

    key: str
    label: str
    kind: str  # "time" (seconds), "bytes" or "count"


MEASURES = (
    Measure("cold", "first load, empty caches", "time"),
    Measure("first", "first load, new session", "time"),
    Measure("filter", "filter change (one programme)", "time"),
    Measure("click", "map click", "time"),
    Measure("click_runs", "script runs per click", "count"),
    Measure("payload", "map payload, first load", "bytes"),
    Measure("click_payload", "map payload, click rerun", "bytes"),
    Measure("browser_load", "browser: navigation to markers drawn", "time"),
    Measure("browser_click", "browser: click to panel shown", "time"),
)
GROWTH = ("cold", "first", "filter", "click", "payload")


def fmt(value: Cell, kind: str) -> str:
    """A cell for the table: ms, KB, a count, or the message as is."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if kind == "time":
        return f"{value * 1000:,.0f} ms"
    if kind == "bytes":
        return f"{value / 1000:,.1f} KB"
    return f"{value:g}"


def ratio(numerator: Cell, denominator: Cell) -> float | None:
    """numerator / denominator when both are positive numbers."""
    if isinstance(numerator, float) and isinstance(denominator, float) and denominator > 0:
        return numerator / denominator
    return None


def _fmt_ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}×"


def results_table(results: Results, labels: dict[str, str]) -> str:
    """Rows: dataset × measure; columns: this app, baseline, baseline / app."""
    lines = [
        f"| dataset | measure | {APP_NAME} | {BASELINE_NAME} | {BASELINE_NAME} / {APP_NAME} |",
        "|---|---|---:|---:|---:|",
    ]
    for dataset, measures in results.items():
        for measure in MEASURES:
            if measure.key not in measures:
                continue
            app = measures[measure.key].get(APP_NAME)
            base = measures[measure.key].get(BASELINE_NAME)
            shown_ratio = "" if measure.kind == "count" else _fmt_ratio(ratio(base, app))
            lines.append(
                f"| {labels[dataset]} | {measure.label} | {fmt(app, measure.kind)} "
                f"| {fmt(base, measure.kind)} | {shown_ratio} |"
            )
    return "\n".join(lines)


def growth_table(results: Results) -> str | None:
    """How each figure grows from 1,000 to 10,000 places (10× the places)."""
    if SMALL not in results or LARGE not in results:
        return None
    lines = [
        f"| measure | {APP_NAME}: 10,000 / 1,000 | {BASELINE_NAME}: 10,000 / 1,000 |",
        "|---|---:|---:|",
    ]
    for measure in MEASURES:
        if measure.key not in GROWTH:
            continue
        small, large = results[SMALL].get(measure.key, {}), results[LARGE].get(measure.key, {})
        cells = [_fmt_ratio(ratio(large.get(n), small.get(n))) for n in (APP_NAME, BASELINE_NAME)]
        lines.append(f"| {measure.label} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


@dataclass(frozen=True)
class Check:
    """One budget and whether it was met."""

    text: str
    ok: bool
    got: str


def _at_most(results: Results, dataset: str, key: str, limit: float, kind: str) -> Check:
    value = results[dataset].get(key, {}).get(APP_NAME)
    text = f"{dataset}: {key} ≤ {fmt(limit, kind)}"
    ok = isinstance(value, float) and value <= limit
    return Check(text, ok, fmt(value, kind))


def budgets(results: Results) -> list[Check]:
    """Every budget that applies to the datasets measured."""
    checks: list[Check] = []
    if REAL in results:
        for key in ("filter", "click"):
            checks.append(_at_most(results, REAL, key, REAL_RERUN_S, "time"))
            row = results[REAL].get(key, {})
            speedup = ratio(row.get(BASELINE_NAME), row.get(APP_NAME))
            checks.append(
                Check(
                    f"{REAL}: {key} ≥ {REAL_SPEEDUP:g}× faster than the baseline",
                    speedup is not None and speedup >= REAL_SPEEDUP,
                    _fmt_ratio(speedup),
                )
            )
        checks.append(_at_most(results, REAL, "payload", REAL_PAYLOAD_BYTES, "bytes"))
    if LARGE in results:
        for key in ("filter", "click"):
            checks.append(_at_most(results, LARGE, key, LARGE_RERUN_S, "time"))
        checks.append(_at_most(results, LARGE, "payload", LARGE_PAYLOAD_BYTES, "bytes"))
    return checks


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def code_version() -> str:
    """The git commit measured, and how many files differ from it (bench/ aside)."""
    root = Path(__file__).resolve().parent.parent

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    try:
        commit = git("log", "-1", "--format=%h (%cs)")
        changed = [
            line for line in git("status", "--porcelain").splitlines() if " bench/" not in line
        ]
    except (OSError, subprocess.SubprocessError):
        commit, changed = "", []
    if not commit:
        return f"code: {root} (not a git checkout)"
    return f"code: git {commit}, {len(changed)} other files changed or untracked"


def machine() -> list[str]:
    """Cores, CPU model, load, Python and library versions, date."""
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in _read("/proc/cpuinfo").splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    load = " ".join(_read("/proc/loadavg").split()[:3]) or "unknown"
    return [
        f"date: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        code_version(),
        f"cores: {os.cpu_count()}; CPU: {model}",
        f"load average (1, 5, 15 min) at the end: {load}",
        f"Python {platform.python_version()} ({platform.system()} {platform.machine()})",
        f"streamlit {_version('streamlit')}, folium {_version('folium')}, "
        f"streamlit-folium {_version('streamlit-folium')}, pandas {_version('pandas')}",
    ]


METHOD = """\
- Server times: `streamlit.testing.v1.AppTest`, `time.perf_counter()` around `at.run()`, median
  of the runs. The two apps take turns figure by figure (this app's filter change, then the
  baseline's, and so on), so a slow spell of the machine falls on both sides of a ratio.
  *First load, empty caches* clears `st.cache_data` and `st.cache_resource` first
  (modules are already imported, scripts compiled: AppTest would compile them on every run,
  a server once per process); *new session* is a fresh `AppTest` on warm caches; *filter
  change* sets the programme multiselect (found by its label) to the first programme;
  *map click* is a click on that programme's place with the most actions, given to each app as
  it reads clicks: this app gets `last_active_drawing` + `last_object_clicked_count` as the
  map's value in session state (where the browser's value lands before the rerun) and applies
  it before drawing, one run; the baseline gets `last_object_clicked` and its tooltip added to
  what the real `st_folium` returns, one run. Either way the map is built and sent as in a
  browser.
- Map payload: `streamlit_folium._component_func` is wrapped to record the UTF-8 length of
  `script` + `header` + `html` + `feature_group`. Streamlit sends the whole element again
  whenever any argument differs from the last one the browser has (an identical element goes
  as a hash reference), so a filter change or a click resends all of it. The baseline's
  Leaflet, Bootstrap and Font Awesome come from public CDNs and are not counted.
- Browser (with `--browser`): `streamlit run` on 127.0.0.1, Playwright on the system Chromium,
  every request outside the app's origin aborted; one unmeasured visit first, then a fresh
  context per visit. Markers: `path.leaflet-interactive` (this app) and `.leaflet-marker-icon`
  (baseline) inside the `streamlit_folium.st_folium` iframe.
- Synthetic data: the real data plus generated places (fixed seed) inside province outlines,
  with real programme memberships, batches, sources and action texts; checked with
  `python -m atlas validate`."""


def render(
    results: Results,
    labels: dict[str, str],
    runs: Mapping[str, int],
    elapsed: float,
    checks: list[Check],
) -> str:
    """The whole report as Markdown."""
    parts = [
        "# Benchmark: China Climate Pilot Atlas vs a naive Streamlit + folium app",
        "",
        *(f"- {line}" for line in machine()),
        "- median of "
        + ", ".join(f"{n} run(s) on {label}" for label, n in runs.items())
        + f" per figure; benchmark wall time {elapsed:,.0f} s",
        "",
        "## Results",
        "",
        results_table(results, labels),
    ]
    growth = growth_table(results)
    if growth:
        parts += ["", "## Growth from 1,000 to 10,000 places", "", growth]
    parts += ["", "## Budgets", ""]
    parts += [f"- [{'x' if c.ok else ' '}] {c.text}: {c.got}" for c in checks] or ["- none apply"]
    parts += ["", "## Method", "", METHOD, ""]
    return "\n".join(parts)

"""A smoke run of the load test (``python -m load``): 3 sessions for 15 s, one app process.

The same code as the full run: two sessions speak Streamlit's WebSocket protocol, one is a
real browser context; each opens deep links, changes the programme and selects places.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from load.report import render
from load.run import ACTIONS, Options, run
from tests.browser import CHROMIUM

pytestmark = pytest.mark.browser


@pytest.mark.timeout(120)
def test_a_short_load_run_has_no_errors_and_reports_its_figures() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (see .ci/run)")
    outcome = run(Options(sessions=3, seconds=15, browsers=1))
    text = render(outcome)

    assert outcome.recorder.failures == [], text
    assert outcome.held_peak == 3, text
    done = {(t.client, t.action) for t in outcome.recorder.timings}
    assert {("protocol", action) for action in ACTIONS} <= done, text
    assert ("browser", "open") in done, text
    assert 0 < outcome.memory.cold < outcome.memory.warm <= outcome.memory.peak
    assert outcome.load_seconds < 15 + 60  # bounded: the last action may run past the end
    assert outcome.app_cpu > 0 and set(outcome.cpu_by_process) == {"app"}
    samples = outcome.rss_series["total"]
    assert len(samples) >= 10 and all(mib > 0 for _, mib in samples)  # one a second
    assert all(0 <= t.at <= outcome.load_seconds + 1 for t in outcome.recorder.timings)

    for figure in (
        ", reference work ",  # the machine, named and timed (load/machine.py)
        "| sessions held concurrently (peak) | 3 of 3 |",
        "| errors | 0 |",
        "| memory per session: (peak − warmed up) / sessions |",
        "| app RSS at peak (sum of processes) |",
        "| server CPU per action |",
        "| per process: CPU, settled RSS | app: ",
        "| runner.postScriptGC (gc.collect(2) after every run) |",
        "| garbage collector thresholds (ui/process.py, ATLAS_GC_THRESHOLDS) | 10000, 10, 10 |",
    ):
        assert figure in text, figure
    for action in ACTIONS:
        assert f"| {action} | protocol | " in text, action

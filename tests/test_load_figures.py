"""The load report's arithmetic and budget checks (load/figures.py, load/budgets.py), no server."""

from __future__ import annotations

import pytest

from load.budgets import failover_checks
from load.figures import (
    Budgets,
    check_memory,
    check_run,
    cpu_ms_per_action,
    per_added_session,
    steady,
    table,
    trend,
)
from load.record import Recorder, Summary, percentile, summarize
from load.report import before_stop
from load.run import Failover, Memory, Options, Outcome, post_script_gc


def _outcome(failover: Failover | None = None) -> Outcome:
    return Outcome(Options(), "test", Recorder(), Memory(), failover)


def test_a_flat_series_with_noise_is_flat_and_its_line_is_the_mean() -> None:
    series = [(10.0 * i, 200.0 + (1.0 if i % 2 else -1.0)) for i in range(60)]
    line = trend(series, warm_up=100)
    assert line is not None
    assert line.samples == 50
    assert line.start == pytest.approx(200.0, abs=0.1)
    assert line.end == pytest.approx(200.0, abs=0.1)
    assert (line.lowest, line.highest) == (199.0, 201.0)
    assert line.flat


def test_a_leak_is_measured_from_the_end_of_warm_up_and_fails_past_ten_percent() -> None:
    # Warm-up climbs from 50 to 200 MiB; then 1 MiB a minute for 20 minutes (+10.5%).
    warm = [(10.0 * i, 50.0 + 5 * i) for i in range(30)]
    leak = [(300.0 + 10 * i, 200.0 + i / 6) for i in range(127)]
    line = trend(warm + leak, warm_up=300)
    assert line is not None
    assert line.start == pytest.approx(200.0)
    assert line.per_hour == pytest.approx(60.0)
    assert line.change == pytest.approx(21 / 200, rel=1e-6)
    assert not line.flat
    # The same leak at half the rate stays within the budget.
    slow = [(t, 200 + (v - 200) / 2) for t, v in leak]
    half = trend(slow, warm_up=300)
    assert half is not None and half.flat and half.change == pytest.approx(0.0525, rel=1e-6)


def test_a_trend_needs_three_samples_after_warm_up() -> None:
    assert trend([(0, 1.0), (10, 2.0), (20, 3.0)], warm_up=5) is None
    assert trend([(0, 1.0), (10, 2.0), (20, 3.0), (30, 4.0)], warm_up=5) is not None


def test_settled_rss_is_the_median_from_the_given_time_and_per_session_is_a_slope() -> None:
    series = [(0.0, 100.0), (10.0, 180.0), (20.0, 190.0), (30.0, 260.0), (40.0, 200.0)]
    assert steady(series, since=20) == 200.0
    assert steady(series, since=99) is None
    assert per_added_session((25, 200.0), (100, 275.0)) == 1.0
    assert per_added_session((25, 200.0), (25, 250.0)) is None
    assert cpu_ms_per_action(3.0, 200) == 15.0
    assert cpu_ms_per_action(3.0, 0) is None


def test_nearest_rank_percentile_and_summary() -> None:
    values = [float(v) for v in range(1, 21)]  # 1..20
    assert percentile(values, 0.95) == 19.0
    assert percentile(values, 1.0) == 20.0
    assert percentile([5.0], 0.95) == 5.0
    assert summarize(values) == Summary(20, 10.5, 19.0, 20.0)
    assert summarize([]) is None


def test_each_budget_is_checked_against_its_limit_inclusive() -> None:
    ok, slow = Summary(100, 0.5, 1.0, 3.0), Summary(100, 0.51, 0.9, 1.0)
    checks = check_run({"open": ok, "filter": slow, "select": None}, 0, 15.0)
    met = {c.name: c.ok for c in checks}
    assert met == {
        "errors": True,
        "open median": True,
        "open p95": True,
        "filter median": False,
        "filter p95": True,
        "select": False,  # never done: a budget cannot be met by doing nothing
        "server CPU per action": True,
    }
    assert not check_run({}, 1, None, label="x")[0].ok
    assert [c.name for c in check_run({}, 0, None, label="x")] == [
        "x: errors",
        "x: server CPU per action",
    ]
    assert not check_run({}, 0, 15.1)[-1].ok
    assert not check_run({}, 0, None)[-1].ok  # CPU not measured is not met
    latency = check_run({"open": ok}, 0, 99.0, latency_only=True)
    assert [c.name for c in latency] == ["errors", "open median"]
    assert check_memory(1.0).ok and not check_memory(1.01).ok and not check_memory(None).ok
    assert not check_memory(0.8, Budgets(mib_per_session=0.5)).ok


def test_the_budget_table_marks_what_is_missed() -> None:
    rows = table(check_run({"open": Summary(1, 2.0, 2.0, 2.0)}, 0, 1.0))
    assert rows[0] == "| budget | limit | measured | met |"
    assert "| open median | ≤ 0.50 s | 2.00 s | **no** |" in rows
    assert "| server CPU per action | ≤ 15 ms | 1.0 ms | yes |" in rows


def test_two_server_latency_counts_only_actions_before_the_stop() -> None:
    outcome = _outcome(Failover(at=30.0))
    for at, seconds in ((10, 0.1), (20, 0.3), (29.9, 0.2), (31, 5.0), (40, 6.0)):
        outcome.recorder.action("protocol", "open", seconds, at)
    outcome.recorder.action("browser", "open", 9.0, 5)
    found = before_stop(outcome)["open"]
    assert found is not None and (found.count, found.median, found.maximum) == (3, 0.2, 0.3)
    assert before_stop(_outcome())["filter"] is None


def test_failover_loses_nothing_only_if_every_victim_is_back_and_acts() -> None:
    outcome = _outcome(Failover(at=30.0, victims={"a", "b"}))
    outcome.recorder.reconnected("a", 1.0)
    outcome.recorder.after_reconnect.append(("open", True))
    assert [c.ok for c in failover_checks(outcome)] == [False, True]
    outcome.recorder.reconnected("b", 1.5)
    outcome.recorder.after_reconnect.append(("filter", False))
    assert [c.ok for c in failover_checks(outcome)] == [True, False]
    assert failover_checks(_outcome()) == []
    assert not failover_checks(_outcome(Failover(at=1.0)))[0].ok  # nobody on it: not a test


def test_post_script_gc_follows_the_option_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("STREAMLIT_RUNNER_POST_SCRIPT_GC", "false")
    assert post_script_gc() is False
    assert post_script_gc(True) is True
    monkeypatch.setenv("STREAMLIT_RUNNER_POST_SCRIPT_GC", "true")
    assert post_script_gc() is True


def test_a_profile_is_summed_per_function_once_per_stack() -> None:
    from load.profile import frame_name, shares

    raw = [
        "main (app.py:1);run (x/site-packages/pkg/mod.py:5);run (x/site-packages/pkg/mod.py:9) 3",
        "main (app.py:2);idle (y.py:3) 1",
        "garbage line",
    ]
    total, inclusive, own = shares(raw)
    assert total == 4
    assert inclusive["main (app.py)"] == 4
    assert inclusive["run (pkg/mod.py)"] == 3  # a recursive frame counts once per stack
    assert own == {"run (pkg/mod.py)": 3, "idle (y.py)": 1}
    assert frame_name(" f (a/b.py:12)") == "f (a/b.py)"


def test_the_command_line_defaults_differ_for_a_soak() -> None:
    from load.__main__ import parse

    soak, _ = parse(["--soak", "--minutes", "10"])
    assert (soak.sessions, soak.seconds, soak.browsers, soak.rss_every) == (50, 600, 0, 10.0)
    plain, _ = parse([])
    assert (plain.sessions, plain.seconds, plain.browsers, plain.rss_every) == (25, 90, 2, 1.0)
    gc_off, _ = parse(["--sessions", "100", "--browsers", "0", "--post-script-gc", "off"])
    assert (gc_off.sessions, gc_off.browsers, gc_off.post_script_gc) == (100, 0, False)
    with pytest.raises(SystemExit):
        parse(["--seconds", "60", "--minutes", "1"])
    with pytest.raises(SystemExit):
        parse(["--soak", "--two-servers"])
    with pytest.raises(SystemExit):
        parse(["--post-script-gc", "maybe"])


def test_simulated_users_choose_only_programmes_with_places() -> None:
    from load.catalogue import load_catalogue

    catalogue = load_catalogue()
    assert "low-carbon-community" not in catalogue.programmes.values()  # no member yet
    assert "low-carbon-pilot" in catalogue.programmes.values()


def test_a_fragment_rerun_replaces_only_what_the_fragment_drew() -> None:
    """As the frontend: a widget inside st.fragment asks for that fragment's rerun, whose
    new_session names it; what it drew before goes, the rest of the page stays."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    from load.protocol import Connection

    conn = Connection("http://127.0.0.1:1", {})

    def delta(path: tuple[int, ...], label: str, fragment: str = "") -> ForwardMsg:
        msg = ForwardMsg()
        msg.metadata.delta_path.extend(path)
        msg.delta.fragment_id = fragment
        msg.delta.new_element.selectbox.id = f"$$ID-{label}"
        msg.delta.new_element.selectbox.label = label
        return msg

    def new_session(*fragments: str) -> ForwardMsg:
        msg = ForwardMsg()
        msg.new_session.page_script_hash = "h"
        msg.metadata.run.fragment_ids.extend(fragments)
        return msg

    for msg in (
        new_session(),
        delta((1, 0), "Go to a place"),
        delta((0, 3, 0), "Open a place", "frag"),
        delta((0, 3, 1), "Radius", "frag"),
    ):
        conn._handle(msg)
    screen = conn._screen
    assert screen.fragment_of("$$ID-Open a place") == "frag"
    assert screen.fragment_of("$$ID-Go to a place") == ""
    conn._handle(new_session("frag"))
    conn._handle(delta((0, 3, 0), "Open a place", "frag"))
    assert conn._screen is screen  # not a new page
    labels = {e.selectbox.label for e in screen.elements.values()}
    assert labels == {"Go to a place", "Open a place"}  # "Radius" was not drawn again
    conn._handle(new_session())  # a full run starts a new screen
    assert conn._screen is not screen and not conn._screen.elements


def test_the_machine_is_named_by_its_processor_and_timed_by_fixed_work() -> None:
    from load import machine

    cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 9B14\n"
    assert machine.processor(cpuinfo) == "AMD EPYC 9B14"
    assert machine.processor("processor\t: 0\nmodel name\t:\n") == "processor unknown"
    text = machine.describe(reference=41.6, cpuinfo=cpuinfo)
    assert "CPUs (AMD EPYC 9B14), Python 3." in text and text.endswith(", reference work 42 ms")
    assert machine.reference_ms(repeats=1) > 0

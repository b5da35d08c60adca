"""A script run's callbacks reach the event loop in order, in batches, errors reported."""

from __future__ import annotations

import asyncio
import threading

import pytest
from streamlit.runtime import app_session
from streamlit.runtime.app_session import AppSession

from tests.aio import LoopInThread
from tests.streamlit_source import method_body
from ui import event_handoff
from ui.event_handoff import Handoff


def test_streamlits_handoff_still_only_calls_soon_and_drops_on_a_closed_loop() -> None:
    """The replacement does what Streamlit's method does, in batches: if an upgrade of
    Streamlit makes its method do more, this fails first, so that it is looked at again."""
    assert method_body(app_session, "AppSession", "_call_soon_on_event_loop") == [
        "try:\n    self._event_loop.call_soon_threadsafe(callback)\n"
        "except RuntimeError:\n    if not self._event_loop.is_closed():\n        raise\n"
        "    _LOGGER.debug('Dropped event-loop callback', exc_info=True)"
    ]


class CountingLoop(LoopInThread):
    """An asyncio loop in its own thread that counts the wake-ups asked of it."""

    def __init__(self) -> None:
        super().__init__()
        self.wakeups = 0
        self.errors: list[dict] = []
        self.loop.set_exception_handler(lambda _loop, context: self.errors.append(context))

    def call_soon_threadsafe(self, callback) -> None:
        self.wakeups += 1
        self.loop.call_soon_threadsafe(callback)

    def call_exception_handler(self, context: dict) -> None:
        self.loop.call_exception_handler(context)


@pytest.fixture
def counting_loop():
    loop = CountingLoop()
    yield loop
    if not loop.loop.is_closed():
        loop.close()


def test_callbacks_run_on_the_loop_in_the_order_handed_over(counting_loop) -> None:
    handoff = Handoff(counting_loop)
    seen: list[tuple[int, bool]] = []
    main = threading.current_thread()
    for i in range(200):
        handoff.call_soon(lambda i=i: seen.append((i, threading.current_thread() is not main)))
    counting_loop.run_and_wait(lambda: None)
    assert [i for i, _ in seen] == list(range(200))
    assert all(on_loop for _, on_loop in seen)


def test_a_busy_loop_is_woken_once_for_a_burst(counting_loop) -> None:
    handoff = Handoff(counting_loop)
    release = threading.Event()
    counting_loop.loop.call_soon_threadsafe(release.wait)  # the loop is busy
    seen: list[int] = []
    for i in range(40):  # one page run's elements
        handoff.call_soon(lambda i=i: seen.append(i))
    release.set()
    counting_loop.run_and_wait(lambda: None)
    assert seen == list(range(40))
    assert counting_loop.wakeups == 1  # Streamlit's own way: 40


def test_a_callback_handed_over_while_a_batch_runs_gets_its_own_wakeup(counting_loop) -> None:
    handoff = Handoff(counting_loop)
    seen: list[str] = []

    def first() -> None:
        seen.append("first")
        handoff.call_soon(lambda: seen.append("late"))

    handoff.call_soon(first)
    counting_loop.run_and_wait(lambda: None)
    counting_loop.run_and_wait(lambda: None)
    assert seen == ["first", "late"]
    assert counting_loop.wakeups == 2


def test_a_failing_callback_is_reported_and_the_rest_still_run(counting_loop) -> None:
    handoff = Handoff(counting_loop)
    seen: list[int] = []

    def fail() -> None:
        raise ValueError("boom")

    release = threading.Event()
    counting_loop.loop.call_soon_threadsafe(release.wait)
    handoff.call_soon(lambda: seen.append(1))
    handoff.call_soon(fail)
    handoff.call_soon(lambda: seen.append(2))
    release.set()
    counting_loop.run_and_wait(lambda: None)
    assert seen == [1, 2]
    assert [type(e["exception"]) for e in counting_loop.errors] == [ValueError]


class ClosedLoopSession:
    """Just what the replacement reads of an AppSession whose loop has closed."""

    def __init__(self) -> None:
        self._event_loop = asyncio.new_event_loop()
        self._event_loop.close()


def test_events_after_the_loop_closed_are_dropped_as_streamlit_drops_them() -> None:
    session = ClosedLoopSession()
    event_handoff._call_soon_in_batches(session, lambda: None)  # type: ignore[arg-type]
    event_handoff._call_soon_in_batches(session, lambda: None)  # type: ignore[arg-type]
    assert session.__dict__["_atlas_handoff"]._waiting == []


def test_an_open_loop_refusing_a_callback_is_an_error() -> None:
    class Refusing:
        def call_soon_threadsafe(self, _callback) -> None:
            raise RuntimeError("not closed, yet refusing")

        def is_closed(self) -> bool:
            return False

    class Session:
        _event_loop = Refusing()

    with pytest.raises(RuntimeError, match="refusing"):
        event_handoff._call_soon_in_batches(Session(), lambda: None)  # type: ignore[arg-type]


def test_install_replaces_streamlits_handoff() -> None:
    before = AppSession._call_soon_on_event_loop
    try:
        event_handoff.install_event_handoff()
        event_handoff.install_event_handoff()
        assert AppSession._call_soon_on_event_loop is event_handoff._call_soon_in_batches
    finally:
        AppSession._call_soon_on_event_loop = before  # type: ignore[method-assign]

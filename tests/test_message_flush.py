"""A session's queued messages leave on the event loop's next pass (ui/message_flush.py)."""

from __future__ import annotations

import asyncio
import inspect
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime import app_session, runtime
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.forward_msg_queue import ForwardMsgQueue
from streamlit.runtime.session_manager import SessionClientDisconnectedError

from tests.aio import LoopInThread
from tests.streamlit_source import method_body
from ui import message_flush
from ui.message_flush import Flusher, _enqueue_and_flush_soon


def test_streamlits_enqueue_still_only_queues_and_calls_back() -> None:
    """The replacement queues and then flushes instead of calling back: if an upgrade of
    Streamlit makes its method do more, this fails first, so that it is looked at again."""
    assert method_body(app_session, "AppSession", "_enqueue_forward_msg") == [
        "self._browser_queue.enqueue(msg)",
        "if self._message_enqueued_callback:\n    self._message_enqueued_callback()",
    ]


def test_streamlits_runtime_loop_still_flushes_as_the_replacement_does() -> None:
    """The flush here repeats the runtime loop's: the same calls, in the same order."""
    source = inspect.getsource(runtime.Runtime._loop_coroutine)
    steps = [
        "session.flush_browser_queue()",
        "self._send_message(active_session_info, msg)",
        "except SessionClientDisconnectedError:",
        "self.disconnect_session(",
        "client=active_session_info.client",
        "session.on_flushed_messages_sent()",
        "await asyncio.sleep(MESSAGE_FLUSH_INTERVAL_SECS)",
    ]
    positions = [source.index(step) for step in steps]
    assert positions == sorted(positions)
    # ... and an enqueue is what wakes it (the callback the replacement no longer calls).
    assert method_body(runtime, "Runtime", "_enqueued_some_message")[-1].endswith(
        "call_soon_threadsafe(async_objs.need_send_data.set)"
    )


@dataclass
class Info:
    session: Any
    client: str = "client"


@dataclass
class FakeSession:
    """What the flush uses of an AppSession, with Streamlit's real browser queue."""

    id: str
    _event_loop: asyncio.AbstractEventLoop
    _message_enqueued_callback: Any = lambda: None
    _browser_queue: ForwardMsgQueue = field(default_factory=ForwardMsgQueue)
    flushed_and_sent: int = 0

    def flush_browser_queue(self) -> list[ForwardMsg]:
        return self._browser_queue.flush()

    def on_flushed_messages_sent(self) -> None:
        self.flushed_and_sent += 1


class FakeRuntime:
    """Records what is sent; ``active`` holds the connected sessions by id."""

    def __init__(self) -> None:
        self.active: dict[str, Info] = {}
        self.sent: list[tuple[str, str, bool]] = []  # (session, body, on the loop's thread)
        self.disconnected: list[tuple[str, str]] = []
        self.gone: set[str] = set()  # sessions whose client is closed
        self.loop_thread: threading.Thread | None = None
        self._session_mgr = self

    def get_active_session_info(self, session_id: str) -> Info | None:
        return self.active.get(session_id)

    def _send_message(self, info: Info, msg: ForwardMsg) -> None:
        if info.session.id in self.gone:
            raise SessionClientDisconnectedError
        on_loop = threading.current_thread() is self.loop_thread
        self.sent.append((info.session.id, msg.delta.new_element.markdown.body, on_loop))

    def disconnect_session(self, session_id: str, client: str) -> None:
        self.disconnected.append((session_id, client))
        self.active.pop(session_id, None)  # as Streamlit's: no longer active


def _message(n: int) -> ForwardMsg:
    msg = ForwardMsg()
    msg.delta.new_element.markdown.body = str(n)
    msg.metadata.delta_path[:] = [0, n]
    return msg


class LoopThread(LoopInThread):
    """An event loop running in a thread of its own, with a flusher for a fake runtime."""

    def __init__(self, interval: float = 0.005) -> None:
        super().__init__()
        self.runtime = FakeRuntime()
        self.runtime.loop_thread = self.thread
        self.flusher = Flusher(self.loop, lambda: self.runtime, interval)
        self.flushes: list[float] = []
        flush = self.flusher.flush
        self.flusher.flush = lambda: (self.flushes.append(time.monotonic()), flush())[1]
        message_flush._FLUSHERS[self.loop] = self.flusher

    def session(self, session_id: str, active: bool = True) -> FakeSession:
        session = FakeSession(session_id, self.loop)
        if active:
            self.runtime.active[session_id] = Info(session)
        return session

    def settle(self, seconds: float = 0.05) -> None:
        """Wait ``seconds``, then for the loop to finish what it was given."""
        time.sleep(seconds)
        self.run_and_wait(lambda: None)


@pytest.fixture
def loop_thread():
    running = LoopThread()
    yield running
    running.close()


def test_messages_from_another_thread_are_sent_in_order_on_the_loop(loop_thread) -> None:
    session = loop_thread.session("a")
    for n in range(50):  # from this thread, as a script thread would
        _enqueue_and_flush_soon(session, _message(n))  # type: ignore[arg-type]
    loop_thread.settle()
    assert loop_thread.runtime.sent == [("a", str(n), True) for n in range(50)]
    assert session.flushed_and_sent == len(loop_thread.flushes) >= 1
    assert not session._browser_queue.flush()


def test_a_burst_queued_on_the_loop_leaves_in_one_flush(loop_thread) -> None:
    # The event handoff (ui/event_handoff.py) queues a run's messages on the loop, in batches.
    session = loop_thread.session("a")
    loop_thread.run_and_wait(
        lambda: [_enqueue_and_flush_soon(session, _message(n)) for n in range(50)]  # type: ignore[arg-type]
    )
    loop_thread.settle()
    assert [body for _, body, _ in loop_thread.runtime.sent] == [str(n) for n in range(50)]
    assert len(loop_thread.flushes) == 1 and session.flushed_and_sent == 1


def test_messages_queued_on_the_loop_are_sent_on_a_later_pass(loop_thread) -> None:
    session = loop_thread.session("a")
    sent_at_once: list[int] = []

    def on_loop() -> None:
        for n in range(3):
            _enqueue_and_flush_soon(session, _message(n))  # type: ignore[arg-type]
        sent_at_once.append(len(loop_thread.runtime.sent))

    loop_thread.run_and_wait(on_loop)
    loop_thread.settle()
    assert sent_at_once == [0]  # not inside the caller's own callback
    assert [body for _, body, _ in loop_thread.runtime.sent] == ["0", "1", "2"]


def test_flushes_are_at_least_the_interval_apart() -> None:
    running = LoopThread(interval=1.0)
    try:
        session = running.session("a")
        _enqueue_and_flush_soon(session, _message(0))  # type: ignore[arg-type]
        running.settle(0.05)
        _enqueue_and_flush_soon(session, _message(1))  # type: ignore[arg-type]
        running.settle(0.05)
        assert len(running.flushes) == 1  # the second waits for the interval to pass
        running.settle(1.1)
        assert len(running.flushes) == 2
        assert running.flushes[1] - running.flushes[0] >= 1.0 - 0.01
        assert [body for _, body, _ in running.runtime.sent] == ["0", "1"]
    finally:
        running.close()


def test_each_waiting_session_gets_its_own_messages(loop_thread) -> None:
    a, b = loop_thread.session("a"), loop_thread.session("b")
    loop_thread.run_and_wait(
        lambda: [_enqueue_and_flush_soon(a if n % 2 else b, _message(n)) for n in range(4)]  # type: ignore[arg-type]
    )
    loop_thread.settle()
    assert sorted(loop_thread.runtime.sent) == [
        ("a", "1", True), ("a", "3", True), ("b", "0", True), ("b", "2", True)
    ]  # fmt: skip
    assert a.flushed_and_sent == b.flushed_and_sent == 1


def test_a_session_not_connected_keeps_its_queue_until_it_is(loop_thread) -> None:
    session = loop_thread.session("a", active=False)
    _enqueue_and_flush_soon(session, _message(0))  # type: ignore[arg-type]
    loop_thread.settle()
    assert loop_thread.runtime.sent == [] and session.flushed_and_sent == 0
    loop_thread.runtime.active["a"] = Info(session)  # reconnected
    _enqueue_and_flush_soon(session, _message(1))  # type: ignore[arg-type]
    loop_thread.settle()
    assert [body for _, body, _ in loop_thread.runtime.sent] == ["0", "1"]


def test_a_closed_client_disconnects_its_session(loop_thread) -> None:
    gone, other = loop_thread.session("gone"), loop_thread.session("other")
    loop_thread.runtime.gone.add("gone")
    for n in range(3):
        _enqueue_and_flush_soon(gone, _message(n))  # type: ignore[arg-type]
    _enqueue_and_flush_soon(other, _message(9))  # type: ignore[arg-type]
    loop_thread.settle()
    assert loop_thread.runtime.disconnected == [("gone", "client")]  # once, with its client
    assert gone.flushed_and_sent == 1
    assert loop_thread.runtime.sent == [("other", "9", True)]


def test_a_failing_send_is_reported_and_the_other_sessions_still_get_theirs(loop_thread) -> None:
    errors: list[dict] = []
    loop_thread.loop.set_exception_handler(lambda _loop, context: errors.append(context))
    broken, other = loop_thread.session("broken"), loop_thread.session("other")
    send = loop_thread.runtime._send_message

    def failing(info: Info, msg: ForwardMsg) -> None:
        if info.session is broken:
            raise ValueError("a bug")
        send(info, msg)

    loop_thread.runtime._send_message = failing  # type: ignore[method-assign]
    loop_thread.run_and_wait(
        lambda: [_enqueue_and_flush_soon(s, _message(n)) for n, s in enumerate([broken, other])]  # type: ignore[arg-type]
    )
    loop_thread.settle()
    assert loop_thread.runtime.sent == [("other", "1", True)]
    assert [type(e["exception"]) for e in errors] == [ValueError]
    assert "broken" in errors[0]["message"]


def test_a_session_without_a_runtime_callback_is_only_queued(loop_thread) -> None:
    session = loop_thread.session("check")
    session._message_enqueued_callback = None  # as Streamlit's own check run
    _enqueue_and_flush_soon(session, _message(0))  # type: ignore[arg-type]
    loop_thread.settle()
    assert loop_thread.runtime.sent == [] and len(session._browser_queue.flush()) == 1


def test_install_puts_the_flush_in_place_of_streamlits_enqueue(monkeypatch) -> None:
    monkeypatch.setattr(AppSession, "_enqueue_forward_msg", AppSession._enqueue_forward_msg)
    message_flush.install_message_flush()
    message_flush.install_message_flush()  # again: the same
    assert AppSession._enqueue_forward_msg is _enqueue_and_flush_soon

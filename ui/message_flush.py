"""A session's queued messages leave on one callback of the event loop, not a runtime cycle.

Streamlit queues every message of a run in its session's browser queue. Its runtime loop
(``Runtime._loop_coroutine``) sends them: an enqueue sets an ``asyncio.Event``, and the
loop, parked in ``asyncio.wait`` on two new tasks, wakes three passes of the event loop
later (the event's waiter, its task, then ``wait``'s own callback). It then goes through
every session, sends, sleeps 5 ms and parks again. Under 100 busy sessions each pass of the
event loop is long: it polls the sockets, which lets go of the interpreter lock to the
script threads, and it runs every callback that is ready. A run that had finished waited a
median of 27–75 ms for its last message to leave, and 0.36–0.57 s at the 95th percentile.

Here :meth:`AppSession._enqueue_forward_msg` still queues the message, but then asks this
module's :class:`Flusher` to send the session's queue on the event loop's next pass. As
Streamlit's loop did, a flush follows the previous one by at least
``MESSAGE_FLUSH_INTERVAL_SECS`` (5 ms), so that a placeholder replaced at once is sent once.
The flush does what the runtime loop's flush does:
- it sends through ``Runtime._send_message``, which counts finished runs and sends
  references to messages the browser has cached;
- it drops the session if its client is gone;
- it ends with ``on_flushed_messages_sent``.
Sessions that are not active (disconnected, kept for a reconnect) keep their queue, as they
did. The runtime loop itself then wakes only for what still asks it directly (a new
connection, a session's settling).

Measured (README, Load, round 25): 100 sessions on each of two processes at once, one with
this and one without, three times: p95 of opens 1.33, 1.25, 1.45 -> 0.85, 0.78, 1.19 s, of
filters 1.07, 1.02, 1.33 -> 0.37, 0.35, 0.47 s; actions a second +10%. It replaces round 24's
``ui/send_loop.py``, which made the runtime loop's sends yield less often: that loop no
longer sends.

This replaces ``AppSession._enqueue_forward_msg`` (Streamlit 1.67). tests/test_message_flush.py
checks that Streamlit's method and loop still do what this assumes, and what the flush does.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import Callable
from typing import Any

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.runtime import Runtime
from streamlit.runtime.runtime_util import MESSAGE_FLUSH_INTERVAL_SECS
from streamlit.runtime.session_manager import SessionClientDisconnectedError


class Flusher:
    """Sends the queued messages of the sessions of one event loop, on that loop."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        runtime: Callable[[], Any] = Runtime.instance,
        interval: float = MESSAGE_FLUSH_INTERVAL_SECS,
    ) -> None:
        self._loop = loop
        self._runtime = runtime
        self._interval = interval
        self._waiting: dict[str, AppSession] = {}  # by id, in the order they asked
        self._scheduled = False
        self._last = -interval  # monotonic time of the last flush

    def request(self, session: AppSession) -> None:
        """Send ``session``'s queue on a coming pass of the loop. Call on the loop's thread."""
        self._waiting.setdefault(session.id, session)
        if self._scheduled:
            return
        self._scheduled = True
        wait = self._last + self._interval - time.monotonic()
        if wait > 0:
            self._loop.call_later(wait, self.flush)
        else:
            self._loop.call_soon(self.flush)

    def flush(self) -> None:
        """Send every waiting session's queued messages, in order."""
        self._scheduled = False
        self._last = time.monotonic()
        sessions, self._waiting = self._waiting, {}
        runtime = self._runtime()
        for session_id, session in sessions.items():
            try:
                self._send_queued(runtime, session_id, session)
            except Exception as exc:  # one session's failure must not hold the others' back
                self._loop.call_exception_handler(
                    {"message": f"Sending session {session_id}'s messages", "exception": exc}
                )

    @staticmethod
    def _send_queued(runtime: Any, session_id: str, session: AppSession) -> None:
        info = runtime._session_mgr.get_active_session_info(session_id)
        if info is None or info.session is not session:
            return  # not connected now: the queue waits, as in Streamlit's loop
        for msg in session.flush_browser_queue():
            try:
                runtime._send_message(info, msg)
            except SessionClientDisconnectedError:
                runtime.disconnect_session(session_id, client=info.client)
                break
        session.on_flushed_messages_sent()


_FLUSHERS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Flusher] = (
    weakref.WeakKeyDictionary()
)


def _flusher(loop: asyncio.AbstractEventLoop) -> Flusher:
    flusher = _FLUSHERS.get(loop)
    if flusher is None:
        flusher = _FLUSHERS.setdefault(loop, Flusher(loop))
    return flusher


def _on_this_thread(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:  # no loop runs on this thread (a script thread)
        return False


def _enqueue_and_flush_soon(session: AppSession, msg: ForwardMsg) -> None:
    session._browser_queue.enqueue(msg)
    if not session._message_enqueued_callback:
        return  # a session no runtime sends for (Streamlit's own check run)
    loop = session._event_loop
    flusher = _flusher(loop)
    if _on_this_thread(loop):
        flusher.request(session)
    else:
        loop.call_soon_threadsafe(flusher.request, session)


def install_message_flush() -> None:
    """Put :func:`_enqueue_and_flush_soon` in place of Streamlit's (again is a no-op)."""
    AppSession._enqueue_forward_msg = _enqueue_and_flush_soon  # type: ignore[method-assign]

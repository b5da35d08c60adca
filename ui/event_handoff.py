"""A script run's messages reach the event loop in batches, not one wake-up each.

Streamlit hands every event of a script run (each element, block and widget, ~40 a page
run) from the script thread to the event loop with its own ``call_soon_threadsafe``: a
write to the loop's self-pipe, a wake-up of the loop thread and a hand-over of the
interpreter lock, forty times a run. Here the script thread appends the callback to its
session's list and wakes the loop only when the list was empty; the loop then runs every
callback waiting, in the order they came. Each callback still runs on the loop, after the
event it handles happened and in the same order, so the session sees what it saw before.

This replaces ``AppSession._call_soon_on_event_loop`` (Streamlit 1.67);
tests/test_event_handoff.py checks order, batching, errors and a closed loop.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from streamlit.runtime.app_session import AppSession

_LOG = logging.getLogger(__name__)


class Handoff:
    """Callbacks from other threads, run on one event loop in batches, in order."""

    def __init__(self, loop: Any) -> None:
        self._loop = loop
        self._waiting: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def call_soon(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` on the loop after every callback handed over before it."""
        with self._lock:
            self._waiting.append(callback)
            first = len(self._waiting) == 1
        if first:
            try:
                self._loop.call_soon_threadsafe(self._run_waiting)
            except RuntimeError:  # a closed loop: nothing waits for these any more
                with self._lock:
                    self._waiting.clear()
                raise

    def _run_waiting(self) -> None:
        with self._lock:
            batch, self._waiting = self._waiting, []
        for callback in batch:
            try:
                callback()
            except Exception as exc:  # as the loop does for a callback of its own
                self._loop.call_exception_handler(
                    {"message": "Exception in a script event's callback", "exception": exc}
                )


def _call_soon_in_batches(session: AppSession, callback: Callable[[], None]) -> None:
    handoff = session.__dict__.get("_atlas_handoff")
    if handoff is None:
        handoff = session.__dict__.setdefault("_atlas_handoff", Handoff(session._event_loop))
    try:
        handoff.call_soon(callback)
    except RuntimeError:  # Streamlit's own: the loop closed (shutdown) drops the event
        if not session._event_loop.is_closed():
            raise
        _LOG.debug("Dropped event-loop callback", exc_info=True)


def install_event_handoff() -> None:
    """Put :func:`_call_soon_in_batches` in place of Streamlit's (again is a no-op)."""
    AppSession._call_soon_on_event_loop = _call_soon_in_batches  # type: ignore[method-assign]

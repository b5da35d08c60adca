"""Coroutines run to the end from a test, whatever runs in the test's own thread; an event
loop running in a thread of its own."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_coroutine(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run`` in a thread of its own: the browser tests (Playwright's sync API)
    leave an event loop running in pytest's thread, where ``asyncio.run`` refuses."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


class LoopInThread:
    """An asyncio event loop running in a thread of its own, as a server's loop runs beside
    the threads that hand it work."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run_and_wait(self, callback: Callable[[], Any]) -> None:
        """Run ``callback`` on the loop and wait until the loop has done it."""
        done = threading.Event()
        self.loop.call_soon_threadsafe(lambda: (callback(), done.set()))
        assert done.wait(5)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()

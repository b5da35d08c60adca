"""Streamlit's send loop yields to other tasks every 64 messages (ui/send_loop.py)."""

from __future__ import annotations

import asyncio
import inspect

import pytest
from streamlit.runtime import runtime as streamlit_runtime

from tests.aio import run_coroutine
from ui import send_loop


def test_streamlits_loop_still_yields_after_each_message_with_a_zero_sleep() -> None:
    """If an upgrade of Streamlit changes how its send loop yields, the replacement would do
    nothing: this fails first, so that it is looked at again."""
    source = inspect.getsource(streamlit_runtime.Runtime._loop_coroutine)
    assert source.count("await asyncio.sleep(0)") == 1
    sending = source.index("self._send_message(active_session_info, msg)")
    assert sending < source.index("await asyncio.sleep(0)") < source.index("on_flushed_messages")
    assert "await asyncio.sleep(MESSAGE_FLUSH_INTERVAL_SECS)" in source


def _suspends(awaitable) -> bool:
    """Whether awaiting ``awaitable`` gives the event loop a turn."""
    steps = []

    async def other() -> None:
        steps.append("other ran")

    async def main() -> None:
        task = asyncio.ensure_future(other())
        await awaitable
        steps.append("after sleep")
        await task

    run_coroutine(main())
    return steps[0] == "other ran"


@pytest.fixture
def fresh_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(send_loop._Yields, "skipped", 0)


def test_only_every_64th_zero_sleep_in_a_row_yields(fresh_count) -> None:
    yielded = [_suspends(send_loop.sleep(0)) for _ in range(3 * send_loop.YIELD_EVERY)]
    every = send_loop.YIELD_EVERY
    assert [i for i, y in enumerate(yielded) if y] == [every - 1, 2 * every - 1, 3 * every - 1]


def test_a_sleep_with_a_delay_or_a_result_is_asyncios_own(fresh_count) -> None:
    assert _suspends(send_loop.sleep(0.001))
    assert _suspends(send_loop.sleep(0, "result"))

    async def result() -> str:
        return await send_loop.sleep(0.001, "result")

    assert run_coroutine(result()) == "result"


def test_install_gives_streamlits_runtime_the_batched_sleep_and_nothing_else() -> None:
    before = streamlit_runtime.asyncio
    try:
        send_loop.install_send_loop()
        installed = streamlit_runtime.asyncio
        send_loop.install_send_loop()
        assert streamlit_runtime.asyncio is installed  # again is a no-op
        assert installed.sleep is send_loop.sleep
        assert asyncio.sleep is not send_loop.sleep  # every other module keeps asyncio's
        for name in ("wait", "create_task", "Event", "get_running_loop", "CancelledError"):
            assert getattr(installed, name) is getattr(asyncio, name)
    finally:
        streamlit_runtime.asyncio = before

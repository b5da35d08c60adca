"""The server process's one-time set-up (ui/process.py): collector, handoff, send, page."""

from __future__ import annotations

import gc
import logging

import pytest

from ui.process import GC_THRESHOLDS, PYTHON_DEFAULT, THRESHOLDS_ENV, gc_thresholds


def test_the_tuned_thresholds_unless_the_environment_names_others() -> None:
    assert gc_thresholds({}) == GC_THRESHOLDS != PYTHON_DEFAULT
    assert gc_thresholds({THRESHOLDS_ENV: " 700, 10,10 "}) == PYTHON_DEFAULT
    assert gc_thresholds({THRESHOLDS_ENV: ""}) == GC_THRESHOLDS


@pytest.mark.parametrize("text", ["700", "700,10", "a,b,c", "700,0,10", "-1,10,10", "1,2,3,4"])
def test_a_malformed_value_is_named_and_ignored(
    text: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="ui.process"):
        assert gc_thresholds({THRESHOLDS_ENV: text}) == GC_THRESHOLDS
    assert THRESHOLDS_ENV in caplog.text and repr(text.strip()) in caplog.text


def test_a_run_of_the_app_sets_them(monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.test_app import APP

    monkeypatch.delenv(THRESHOLDS_ENV, raising=False)
    before = gc.get_threshold()
    try:
        gc.set_threshold(*PYTHON_DEFAULT)
        from ui import process

        process._PREPARED.clear()  # once per process: this test's process may have done it
        AppTest.from_file(str(APP), default_timeout=60).run()
        assert gc.get_threshold() == GC_THRESHOLDS
        # ... and hands script events to the event loop in batches (ui/event_handoff.py)
        from streamlit.runtime.app_session import AppSession

        from ui.event_handoff import _call_soon_in_batches

        assert AppSession._call_soon_on_event_loop is _call_soon_in_batches
        # ... and sends each session's messages on the loop's next pass (ui/message_flush.py)
        from ui.message_flush import _enqueue_and_flush_soon

        assert AppSession._enqueue_forward_msg is _enqueue_and_flush_soon
        # ... and answers GET / from memory (ui/index_page.py)
        from starlette.staticfiles import StaticFiles

        from ui.index_page import get_response

        assert StaticFiles.get_response is get_response
    finally:
        gc.set_threshold(*before)

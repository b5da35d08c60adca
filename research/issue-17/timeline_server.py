"""``streamlit run app.py`` that logs, per session, when each run's steps happen (round 25).

Usage (from the project root): ``python research/issue-17/timeline_server.py LOG [streamlit
options...]``, e.g. ``--server.port 8851 --server.headless true --server.fileWatcherType none``.
Each line of LOG is ``<monotonic time> <session id> <step>``; the steps are the rerun request
handled on the loop (``backmsg``, ``backmsg:frag`` for a fragment), the script's start and end
events handled on the loop (``ev:SCRIPT_STARTED``, ``ev:...STOPPED...``) and each message
handed to the session's client (``send:<type>``). ``timeline.py`` drives users against it and
joins both sides.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from streamlit.runtime import runtime
from streamlit.runtime.app_session import AppSession
from streamlit.web.cli import main

LOG = open(sys.argv[1], "w", buffering=1 << 16)  # noqa: SIM115 (open for the process's life)


def log(session_id: str, step: str) -> None:
    LOG.write(f"{time.monotonic():.5f} {session_id} {step}\n")


_handle_backmsg = AppSession.handle_backmsg
_on_event = AppSession._handle_scriptrunner_event_on_event_loop
_send = runtime.Runtime._send_message


def handle_backmsg(self: AppSession, msg: Any) -> None:
    if msg.WhichOneof("type") == "rerun_script":
        log(self.id, "backmsg:frag" if msg.rerun_script.fragment_id else "backmsg")
    _handle_backmsg(self, msg)


def on_event(self: AppSession, sender: Any, event: Any, *args: Any, **kwargs: Any) -> None:
    if event.name == "SCRIPT_STARTED" or "STOPPED" in event.name:
        log(self.id, f"ev:{event.name}")
    _on_event(self, sender, event, *args, **kwargs)


def send(self: runtime.Runtime, info: Any, msg: Any) -> None:
    log(info.session.id, f"send:{msg.WhichOneof('type')}")
    _send(self, info, msg)


AppSession.handle_backmsg = handle_backmsg  # type: ignore[method-assign]
AppSession._handle_scriptrunner_event_on_event_loop = on_event  # type: ignore[method-assign]
runtime.Runtime._send_message = send  # type: ignore[method-assign]
sys.argv = ["streamlit", "run", "app.py", *sys.argv[2:]]
sys.exit(main())

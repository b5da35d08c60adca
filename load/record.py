"""What a load run records: timed actions, errors by kind, reconnections; and their statistics."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass, field

# Error kinds, as the report counts them.
EXCEPTION = "exception"  # a timeout or any other exception while acting or checking
PAGE_ERROR = "page error"  # an uncaught JavaScript error in a browser page
ST_EXCEPTION = "Streamlit exception element"  # the script raised: an exception box is shown
DISCONNECT = "disconnect"  # the WebSocket closed although no process was stopped
CRASH_PAGE = "crash page"  # an error page instead of the app (e.g. nginx 502)
NOT_RECOVERED = "not recovered"  # after a stopped process, the panel did not come back in time
WRONG_SCREEN = "wrong screen"  # the run finished but the panel or link is not what was asked
TOO_FEW = "too few sessions"  # fewer sessions held at once than asked for
LEGACY = "legacy pages/ routing"  # a run skipped app.py: Streamlit ran pages/<page>.py directly
LOST = "action lost after reconnecting"  # the first action on the new process had no effect


class ScreenError(AssertionError):
    """The app answered, but not with what the action asked for."""


class LegacyRouting(ScreenError):
    """The run did not go through app.py (Streamlit ran a pages/ file as its own page)."""


class CrashPage(AssertionError):
    """An error page was shown instead of the app."""


class StreamlitException(AssertionError):
    """The app showed an exception element."""


class Disconnected(ConnectionError):
    """The session's WebSocket closed while it was in use."""


@dataclass(frozen=True)
class Timing:
    client: str
    action: str
    seconds: float
    at: float = 0.0  # seconds into the run when the action ended


@dataclass(frozen=True)
class Failure:
    session: str
    action: str
    kind: str
    detail: str


@dataclass
class Recorder:
    """Shared by every session of one run (one event loop, so no locking)."""

    timings: list[Timing] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    reconnections: list[tuple[str, float]] = field(default_factory=list)
    interrupted: int = 0  # actions cut short by the stopped process, then recovered
    after_reconnect: list[tuple[str, bool]] = field(default_factory=list)  # (action, worked)
    connection_dialogs: int = 0  # browser pages that showed Streamlit's "Connection error" dialog

    def action(self, client: str, action: str, seconds: float, at: float = 0.0) -> None:
        self.timings.append(Timing(client, action, seconds, at))

    def error(self, session: str, action: str, kind: str, detail: object) -> None:
        text = str(detail) or type(detail).__name__
        text = " ".join(text.split())[:300]
        self.failures.append(Failure(session, action, kind, text))

    def reconnected(self, session: str, seconds: float) -> None:
        self.reconnections.append((session, seconds))

    def errors_by_kind(self) -> Counter[str]:
        return Counter(f.kind for f in self.failures)


def classify(exc: BaseException) -> str:
    """The report's error kind for an exception raised by an action."""
    if isinstance(exc, LegacyRouting):
        return LEGACY
    if isinstance(exc, ScreenError):
        return WRONG_SCREEN
    if isinstance(exc, CrashPage):
        return CRASH_PAGE
    if isinstance(exc, StreamlitException):
        return ST_EXCEPTION
    if isinstance(exc, Disconnected):
        return DISCONNECT
    return EXCEPTION


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (0 < fraction <= 1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Summary:
    count: int
    median: float
    p95: float
    maximum: float


def summarize(values: list[float]) -> Summary | None:
    if not values:
        return None
    return Summary(len(values), statistics.median(values), percentile(values, 0.95), max(values))

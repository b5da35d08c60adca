"""Once per server process (:func:`prepare_process`): the map's local assets, the theme
message, and what a busy Streamlit server needs: script events handed to the event loop in
batches (ui/event_handoff.py), each session's messages sent on the loop's next pass
(ui/message_flush.py), the page at / from memory (ui/index_page.py), and the garbage
collector's thresholds.

Python's default thresholds (700, 10, 10) start a young collection every 700 net
allocations and a full one, over the whole heap (the dataset, pandas, folium, Streamlit),
every 100 young ones once enough objects have aged. A script run allocates far more than
700 objects (protobuf messages, map layers, widget state), so under load the collector
ran ~1,000 times a minute and each full pass stopped every session for ~190 ms. Measured
with a gc callback, 100 busy sessions for 40 s: 4.1 s in the collector with the default
(16 full passes, 3.0 s), 1.3 s with (10_000, 10, 10) and no full pass; README, Load.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Mapping

from atlas.assets import ensure_static_assets
from ui.event_handoff import install_event_handoff
from ui.index_page import install_index_page
from ui.message_flush import install_message_flush
from ui.theme_message import install_theme_message

GC_THRESHOLDS = (10_000, 10, 10)
PYTHON_DEFAULT = (700, 10, 10)
# "700,10,10" (Python's default) or any three positive integers: to measure against.
THRESHOLDS_ENV = "ATLAS_GC_THRESHOLDS"

_LOG = logging.getLogger(__name__)


def gc_thresholds(environ: Mapping[str, str] = os.environ) -> tuple[int, int, int]:
    """The thresholds to use: ``ATLAS_GC_THRESHOLDS`` if it holds three positive integers
    (a malformed value is logged and ignored), else :data:`GC_THRESHOLDS`."""
    text = environ.get(THRESHOLDS_ENV, "").strip()
    if not text:
        return GC_THRESHOLDS
    parts = [p.strip() for p in text.split(",")]
    if len(parts) == 3 and all(p.isdigit() and int(p) > 0 for p in parts):
        first, second, third = (int(p) for p in parts)
        return first, second, third
    _LOG.warning(
        "%s=%r is not three positive integers (e.g. 700,10,10): using %s",
        THRESHOLDS_ENV,
        text,
        GC_THRESHOLDS,
    )
    return GC_THRESHOLDS


def tune_collector() -> tuple[int, int, int]:
    """Set the collector's thresholds; the thresholds set."""
    thresholds = gc_thresholds()
    gc.set_threshold(*thresholds)
    return thresholds


_PREPARED = threading.Event()
_PREPARING = threading.Lock()


def prepare_process() -> None:
    """The process's one-time set-up, from the first run of any page: the vendored map assets
    (`make run` has usually copied them), the collector's thresholds, the theme message, the
    event handoff, the message flush and the page from memory.
    An event, not ``st.cache_resource``: that hashed its key on every run (and, defined in
    app.py, the function's source too: ~0.4 ms of each whole-page run)."""
    if _PREPARED.is_set():
        return
    with _PREPARING:  # two first runs at once: one prepares, the other waits
        if not _PREPARED.is_set():
            ensure_static_assets()
            tune_collector()
            install_theme_message()
            install_event_handoff()
            install_message_flush()
            install_index_page()
            _PREPARED.set()

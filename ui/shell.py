"""Pages run inside app.py's navigation, also when Streamlit runs one on its own.

Streamlit treats a folder named ``pages/`` beside the main script as a multipage app of
the older kind: until some run of the process has called ``st.navigation``, a deep link
(``/programmes`` as the first request after a restart) runs ``pages/programmes.py`` by
itself, without ``app.py``'s page config, assets and page list. Each page therefore opens
with :func:`run_inside_the_app`: when this run did not come through ``app.py``, it runs
``app.py`` (which calls ``st.navigation`` and so runs this page again, properly) and stops.
"""

from __future__ import annotations

import runpy
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import streamlit as st

APP = Path(__file__).resolve().parent.parent / "app.py"
_INSIDE = ContextVar("atlas_inside_the_app", default=False)


@contextmanager
def the_app() -> Iterator[None]:
    """app.py runs its navigation inside this: pages then know they came through it."""
    token = _INSIDE.set(True)
    try:
        yield
    finally:
        _INSIDE.reset(token)


def run_inside_the_app() -> None:
    """The first line of every page: a no-op inside app.py's navigation; otherwise run
    app.py in this script run (it shows this page) and stop here."""
    if _INSIDE.get():
        return
    runpy.run_path(str(APP), run_name="__main__")
    st.stop()

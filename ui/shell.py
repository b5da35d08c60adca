"""Pages run inside app.py's navigation, also when Streamlit runs one on its own.

Streamlit treats a folder named ``pages/`` beside the main script as a multipage app of
the older kind: until some run of the process has called ``st.navigation``, a deep link
(``/programmes`` as the first request after a restart) runs ``pages/programmes.py`` by
itself, without ``app.py``'s page config, assets and page list. Each page therefore opens
with :func:`run_inside_the_app`: when this run did not come through ``app.py``, it runs
``app.py`` (which calls ``st.navigation`` and so runs this page again, properly) and stops.
"""

from __future__ import annotations

import copy
import runpy
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import streamlit as st

from atlas.i18n import Translator

APP = Path(__file__).resolve().parent.parent / "app.py"
# Each page opens with run_inside_the_app: Streamlit may run a file in pages/ on its own
# (a deep link before any run of this process called st.navigation).
PAGES = APP.parent / "pages"
# (file stem = url path, title key, icon); the first is the default page.
# Material icons, drawn from the font Streamlit serves itself: emoji need an emoji font on the
# reader's machine, and without one (many Linux desktops, kiosks) they show as empty boxes.
PAGE_LIST = (
    ("map", "nav.map", ":material/map:"),
    ("programmes", "nav.programmes", ":material/list_alt:"),
    ("timeline", "nav.timeline", ":material/timeline:"),
    ("overlaps", "nav.overlaps", ":material/join_inner:"),
    ("provinces", "nav.provinces", ":material/public:"),
    ("compare", "nav.compare", ":material/compare_arrows:"),
    ("targets", "nav.targets", ":material/target:"),
    ("about", "nav.about", ":material/info:"),
)
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


def app_pages(t: Translator) -> list[st.Page]:
    """The pages in ``t``'s language, for ``st.navigation``: fresh copies of objects built
    once per process and language. Building an ``st.Page`` resolves and checks its file
    (``realpath``, ``stat``): ~6% of the server's time per run under load. A copy, because
    ``st.navigation`` marks the page object it runs."""
    return [copy.copy(page) for page in _page_templates(t.lang)]


@st.cache_resource(show_spinner=False)
def _page_templates(lang: str) -> tuple[st.Page, ...]:
    t = Translator(lang)
    return tuple(
        st.Page(PAGES / f"{stem}.py", title=t(key), icon=icon, default=i == 0, url_path=stem)
        for i, (stem, key, icon) in enumerate(PAGE_LIST)
    )

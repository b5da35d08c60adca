"""The theme in Streamlit's session message, built once per parse of the config files.

Streamlit opens every script run, a fragment's rerun included, with a session message that
carries the theme; it builds the theme's six sections (theme, light, dark and their
sidebars) by walking all of its ~300 config options once per section. Under load that was
4.6% of the server CPU of a filter change (py-spy), every run alike. The theme changes only
when the config files are parsed again (a changed config.toml), so each section's message
is built once per parse by Streamlit's own function and copied into later messages.

This replaces a private function of ``streamlit.runtime.app_session`` (Streamlit 1.67);
tests/test_theme_message.py checks that the copies equal what Streamlit builds, and that a
new parse builds them again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from streamlit import config
from streamlit.runtime import app_session

_BUILD: Callable[..., None] = app_session._populate_theme_msg  # Streamlit's own
_built: dict[tuple[type, str], Any] = {}
_lock = threading.Lock()


def forget_built_themes() -> None:
    """Drop the built sections (the config files were parsed again)."""
    with _lock:
        _built.clear()


def populate_theme_once(msg: Any, section: str = "theme") -> None:
    """What ``_populate_theme_msg(msg, section)`` writes into an empty ``msg``, built once."""
    key = (type(msg), section)
    with _lock:
        built = _built.get(key)
    if built is None:
        built = type(msg)()
        _BUILD(built, section)
        with _lock:
            _built[key] = built
    # Streamlit leaves the message untouched when the section sets nothing: so do we (a
    # copy of an empty message would still mark the field as present).
    if built.ListFields():
        msg.CopyFrom(built)


def install_theme_message() -> None:
    """Put :func:`populate_theme_once` in place of Streamlit's (once; again is a no-op).
    Called by ``ui.process.prepare_process``, which keeps two first runs from racing."""
    if app_session._populate_theme_msg is not populate_theme_once:
        config.on_config_parsed(forget_built_themes, force_connect=True)
        app_session._populate_theme_msg = populate_theme_once

"""The theme sections copied into each session message equal what Streamlit builds."""

from __future__ import annotations

import pytest
from streamlit import config
from streamlit.proto.NewSession_pb2 import NewSession

from ui import theme_message

SECTIONS = ["theme", "theme.light", "theme.dark", "theme.sidebar"]
SECTIONS += ["theme.light.sidebar", "theme.dark.sidebar"]


def _session(populate) -> NewSession:
    """A session message's theme, its sections filled as Streamlit fills them."""
    msg = NewSession()
    theme = msg.custom_theme
    populate(theme)
    populate(theme.light, "theme.light")
    populate(theme.dark, "theme.dark")
    populate(theme.sidebar, "theme.sidebar")
    populate(theme.light.sidebar, "theme.light.sidebar")
    populate(theme.dark.sidebar, "theme.dark.sidebar")
    return msg


@pytest.fixture
def primary_colour():
    """The theme's primary colour set for a test, then put back (and the built sections
    forgotten either way, as a new parse of the config files does)."""
    before = config.get_option("theme.primaryColor")
    yield
    config.set_option("theme.primaryColor", before)
    theme_message.forget_built_themes()


def test_copies_equal_what_streamlit_builds(primary_colour) -> None:
    config.set_option("theme.primaryColor", "#1a5fb4")
    theme_message.forget_built_themes()
    built = _session(theme_message._BUILD)
    assert built.custom_theme.primary_color == "#1a5fb4"  # the test sees a real theme
    assert _session(theme_message.populate_theme_once) == built  # built, then copied
    copied = _session(theme_message.populate_theme_once)
    assert copied == built
    # A section that sets nothing stays absent, as Streamlit leaves it.
    for name in ("light", "dark", "sidebar"):
        assert copied.custom_theme.HasField(name) == built.custom_theme.HasField(name)


def test_a_new_parse_of_the_config_builds_the_theme_again(monkeypatch, primary_colour) -> None:
    from streamlit.runtime import app_session

    monkeypatch.setattr(app_session, "_populate_theme_msg", theme_message._BUILD)
    theme_message.install_theme_message()  # hooks forget_built_themes onto the next parses
    config.set_option("theme.primaryColor", "#aa0000")
    theme_message.forget_built_themes()
    assert _session(theme_message.populate_theme_once).custom_theme.primary_color == "#aa0000"
    config.get_config_options(force_reparse=True)  # as after an edit of config.toml
    parsed = config.get_option("theme.primaryColor")
    assert parsed != "#aa0000"
    assert _session(theme_message.populate_theme_once).custom_theme.primary_color == parsed


def test_installed_once_and_forgotten_on_each_parse(monkeypatch) -> None:
    from streamlit.runtime import app_session

    hooks: list = []
    monkeypatch.setattr(config, "on_config_parsed", lambda f, **kw: hooks.append((f, kw)))
    monkeypatch.setattr(app_session, "_populate_theme_msg", theme_message._BUILD)
    theme_message.install_theme_message()
    theme_message.install_theme_message()
    assert app_session._populate_theme_msg is theme_message.populate_theme_once
    assert hooks == [(theme_message.forget_built_themes, {"force_connect": True})]

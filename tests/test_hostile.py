"""Hostile text in every data field and in the link: nothing runs, everything shows literally."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import IDLE, MAP_FRAME, streamlit_server
from tests.conftest import Offline
from tests.hostile import HOSTILE
from tests.hostile_data import write_hostile_copy

pytestmark = pytest.mark.browser

PWNED = "() => window.__pwned === undefined && (window.parent.__pwned === undefined)"


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory: pytest.TempPathFactory):
    data = write_hostile_copy(tmp_path_factory.mktemp("hostile") / "data")
    with streamlit_server(env={"ATLAS_DATA_DIR": str(data)}) as url:
        yield url, data, snapshot(data)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def visit(session: Offline, path: str) -> None:
    session.page.goto(f"{session.origin}{path}")
    session.page.wait_for_selector(IDLE, timeout=60_000)
    session.page.wait_for_timeout(500)


def assert_nothing_ran(session: Offline) -> None:
    assert session.page.evaluate(PWNED), "a script from the data ran"
    frames = session.page.locator(MAP_FRAME)
    if frames.count():
        frame = frames.first.element_handle().content_frame()
        assert frame.evaluate(PWNED), "a script from the data ran inside the map"
    assert session.errors == []  # no page error, no dialog (alert/confirm/prompt)


def test_hostile_data_never_runs_and_shows_literally(browser, hostile_app) -> None:
    url, _data, _ = hostile_app
    session = Offline(browser, url)
    try:
        visit(session, "/?place=shenzhen&basemap=none")
        page = session.page
        page.frame_locator(MAP_FRAME).locator("path.leaflet-interactive").first.wait_for(
            state="attached", timeout=30_000
        )
        heading = page.locator(".st-key-place_panel h3").first.inner_text()
        assert "<" in heading or "$" in heading or "`" in heading or "[" in heading, heading
        # The small line under it (level and province, a hostile name here) reads literally,
        # brackets and all, inside the panel's one Markdown element.
        where = page.locator(".st-key-place_panel [data-testid=stMarkdownContainer] p").first
        assert where.inner_text().startswith("City · "), where.inner_text()
        assert any(text in where.inner_text() for text in HOSTILE), where.inner_text()
        legend = page.frame_locator(MAP_FRAME).locator(".atlas-legend").inner_text()
        assert "<script>" in legend or "<img" in legend or "${" in legend, legend
        # Hover every marker briefly: tooltips are HTML inside the map.
        frame = page.locator(MAP_FRAME).element_handle().content_frame()
        frame.evaluate(
            "() => window.map.eachLayer(l => { if (l.openTooltip && l.getTooltip()) {"
            " l.openTooltip(); l.closeTooltip(); } })"
        )
        assert_nothing_ran(session)
        page.get_by_text("Share and export").click()
        page.get_by_text("Table of the places shown").click()
        page.get_by_text("Pilots nearby").click()
        page.wait_for_timeout(300)
        page.wait_for_selector(IDLE, timeout=60_000)
        assert_nothing_ran(session)
        for path in (
            "/programmes",
            "/timeline",
            "/overlaps",
            "/provinces",
            "/compare?compare=wuhan&compare=shenzhen&compare=baotou",
            "/targets",
            "/about",
            "/?place=qinghai-tibet-plateau&lang=zh",
        ):
            visit(session, path)
            assert page.locator("[data-testid=stException]").count() == 0, path
            if path == "/targets":  # the chart's tooltips show place names
                for dot in page.locator("[data-testid=stVegaLiteChart] svg path[aria-label]").all()[
                    :5
                ]:
                    dot.hover()
                    page.wait_for_timeout(100)
            assert_nothing_ran(session)
        assert session.blocked == [] or all("tile" in u for u in session.blocked)
    finally:
        session.context.close()


HOSTILE_LINK = (
    "/?place=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E"
    "&q=%24%7Bwindow.__pwned%3D1%7D"
    "&programme=%60%3Bwindow.__pwned%3D1%3B%60"
    "&lang=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E"
    "&zoom=%5Bx%5D(javascript%3Awindow.__pwned%3D1)"
    "&basemap=none"
)


def test_hostile_link_is_dropped_with_a_literal_notice(browser, app_url) -> None:
    session = Offline(browser, app_url)
    try:
        visit(session, HOSTILE_LINK)
        notice = session.page.locator("[data-testid=stAlert]").first.inner_text()
        assert "<script>window.__pwned=1</script>" in notice
        assert "javascript:window.__pwned=1" in notice
        assert_nothing_ran(session)
    finally:
        session.context.close()


def test_app_never_writes_into_its_data_folder(hostile_app) -> None:
    # Runs after the browser has been through every page of this server.
    _url, data, written = hostile_app
    assert snapshot(data) == written

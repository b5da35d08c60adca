from __future__ import annotations

from pathlib import Path

import pytest

from atlas.dataset import Dataset, load_dataset
from tests.factory import write_dataset

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def small_dir(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "data")


@pytest.fixture
def small(small_dir: Path) -> Dataset:
    return load_dataset(small_dir)


@pytest.fixture(scope="session")
def real() -> Dataset:
    return load_dataset(ROOT / "data")


@pytest.fixture(scope="session")
def browser():
    """The system Chromium through Playwright; tests that need it skip only if it is absent."""
    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (see .ci/run)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def app_url(browser):
    from tests.browser import IDLE, MAP_FRAME, streamlit_server

    with streamlit_server() as url:
        # Warm the fresh server once (dataset, shapes, every place's map feature are built on
        # the first run, ~30 s on a busy 2-core machine), so no test's own timeouts pay for it.
        page = browser.new_page()
        try:
            page.goto(f"{url}/?basemap=none")
            page.wait_for_selector(IDLE, timeout=180_000)
            page.locator(MAP_FRAME).wait_for(timeout=180_000)
        finally:
            page.close()
        yield url


class Offline:
    """A page whose requests outside the app's origin are blocked and recorded."""

    def __init__(self, browser, origin: str, **context: object) -> None:
        self.origin = origin
        self.blocked: list[str] = []
        self.errors: list[str] = []
        context.setdefault("viewport", {"width": 1440, "height": 900})
        self.context = browser.new_context(**context)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on(
            "dialog",
            lambda dialog: (self.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()),
        )

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.origin) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


@pytest.fixture
def offline(browser, app_url):
    session = Offline(browser, app_url)
    yield session
    session.context.close()


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone(browser, app_url):
    """A 390x844 touch phone, offline like the desktop page."""
    session = Offline(browser, app_url, **PHONE)
    yield session
    session.context.close()

"""Real-browser timings: ``streamlit run`` on loopback, Playwright on the system Chromium.

Every request outside the app's origin is aborted, as in a network where public CDNs and
tile servers do not load. Two timings per app: from navigation to the markers drawn in the
map's iframe, and from a click on a marker to the place's panel shown.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from bench.measure import APP, DATA_DIR_ENV, NAIVE_APP
from tests.browser import CHROMIUM, CHROMIUM_ARGS, IDLE, MAP_FRAME, streamlit_server

BLANK = "blank (CDN blocked)"
START_TIMEOUT = 90.0  # seconds for a server to answer its health check
DRAW_TIMEOUT_MS = 180_000  # navigation to markers, 10,000 places included
PANEL_TIMEOUT_MS = 120_000
BLANK_WAIT_MS = 20_000  # once its iframe is there, how long the baseline gets to draw
PICK_TRIES = 40
# True once the map's iframe holds at least n elements matching the selector.
COUNT_ELEMENTS = """([frame, selector, n]) => {
  const f = document.querySelector(frame);
  const d = f && f.contentDocument;
  return !!d && d.querySelectorAll(selector).length >= n;
}"""
# True once the map holds at least n drawn GeoJSON features, as SVG paths or on a canvas
# (large datasets are drawn on a canvas, which has no element per marker).
COUNT_FEATURES = """([frame, _selector, n]) => {
  const f = document.querySelector(frame);
  const w = f && f.contentWindow;
  if (!w || !w.map) return false;
  let drawn = 0;
  w.map.eachLayer((layer) => { if (layer.feature && layer._renderer) drawn += 1; });
  return drawn >= n;
}"""
# A point marker that is the topmost element at its own centre, in iframe coordinates.
PICK = """() => {
  let spot = null;
  if (!window.map) return null;
  window.map.eachLayer((layer) => {
    const f = layer.feature;
    if (spot || !f || !f.geometry || f.geometry.type !== "Point" || !layer._renderer) return;
    const label = String((f.properties || {}).label || "");
    if (!layer._path) {  // on a canvas: its centre, if inside the visible map
      const p = window.map.latLngToContainerPoint(layer.getLatLng());
      const size = window.map.getSize();
      const at = window.map.getContainer().getBoundingClientRect();
      const x = at.left + p.x, y = at.top + p.y;
      const inside = p.x > 10 && p.y > 10 && p.x < size.x - 10 && p.y < size.y - 10;
      if (inside && document.elementFromPoint(x, y) === layer._renderer._container) {
        spot = {x, y, label};  // not under a control; the topmost point there gets the click
      }
      return;
    }
    const box = layer._path.getBoundingClientRect();
    if (box.width === 0) return;
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    if (document.elementFromPoint(x, y) === layer._path) {
      spot = {x, y, label};
    }
  });
  return spot;
}"""
# The panel of a selected place: its container, or any third-level heading naming it.
PANEL = """(name) => {
  if (document.querySelector(".st-key-place_panel h3")) return true;
  return [...document.querySelectorAll("h3")].some((h) => name && h.innerText.includes(name));
}"""


@dataclass(frozen=True)
class BrowserApp:
    """What to serve and how to count its drawn markers (a script and its selector)."""

    name: str
    script: Path
    count: str
    marker: str = ""


BROWSER_APP = BrowserApp("this app", APP, COUNT_FEATURES)
BROWSER_BASELINE = BrowserApp("baseline", NAIVE_APP, COUNT_ELEMENTS, ".leaflet-marker-icon")


@contextmanager
def serve(script: Path, directory: Path) -> Iterator[str]:
    """``streamlit run script`` on a free loopback port with ``directory`` as the data."""
    with streamlit_server({DATA_DIR_ENV: str(directory)}, START_TIMEOUT, script) as base:
        yield base


class _Offline:
    """A fresh browser context whose requests outside ``origin`` are aborted."""

    def __init__(self, browser: Any, origin: str) -> None:
        self.origin = origin
        self.blocked: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith((self.origin, "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def close(self) -> None:
        self.context.close()


def _load_and_click(browser: Any, base: str, app: BrowserApp, places: int) -> tuple[Any, Any]:
    """One visit: seconds to markers drawn, then seconds from a click to the panel."""
    session = _Offline(browser, base)
    page = session.page
    try:
        start = time.perf_counter()
        page.goto(f"{base}/", wait_until="commit")
        try:
            page.wait_for_selector(MAP_FRAME, state="attached", timeout=DRAW_TIMEOUT_MS)
            page.wait_for_function(
                app.count,
                arg=[MAP_FRAME, app.marker, places],
                timeout=DRAW_TIMEOUT_MS if app is BROWSER_APP else BLANK_WAIT_MS,
                polling=50,
            )
        except PlaywrightTimeout:
            if app is not BROWSER_APP and session.blocked:
                return BLANK, BLANK
            return "timeout", "n/a"
        drawn = time.perf_counter() - start
        page.wait_for_selector(IDLE, timeout=DRAW_TIMEOUT_MS)
        frame = page.locator(MAP_FRAME).element_handle().content_frame()
        spot = None
        for _ in range(PICK_TRIES):  # the map may still be settling after fitting China
            spot = frame.evaluate(PICK)
            if spot:
                break
            page.wait_for_timeout(250)
        box = page.locator(MAP_FRAME).bounding_box()
        if not spot or not box:
            return drawn, "no clickable marker"
        name = spot["label"].split(" · ")[0]
        start = time.perf_counter()
        page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
        try:
            page.wait_for_function(PANEL, arg=name, timeout=PANEL_TIMEOUT_MS, polling=50)
        except PlaywrightTimeout:
            return drawn, "timeout"
        return drawn, time.perf_counter() - start
    finally:
        session.close()


def measure_browser(directory: Path, places: int, runs: int) -> dict[str, dict[str, Any]]:
    """Median browser timings of both apps on ``directory``: {app: {"load", "click"}}."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing (Debian: apt-get install chromium)")
    results: dict[str, dict[str, Any]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for app in (BROWSER_APP, BROWSER_BASELINE):
                with serve(app.script, directory) as base:
                    # An unmeasured visit fills the server's caches, as on a running server.
                    load, click = _load_and_click(browser, base, app, places)
                    loads, clicks = [load], [click]
                    if not isinstance(load, str):  # a blank map stays blank: no repeats
                        visits = [_load_and_click(browser, base, app, places) for _ in range(runs)]
                        loads, clicks = [v[0] for v in visits], [v[1] for v in visits]
                    results[app.name] = {"load": _median(loads), "click": _median(clicks)}
        finally:
            browser.close()
    return results


def _median(values: list[Any]) -> Any:
    """Median of the numbers, or the first message when a run produced none."""
    numbers = [v for v in values if isinstance(v, float)]
    if len(numbers) == len(values) and numbers:
        return float(statistics.median(numbers))
    return next(v for v in values if not isinstance(v, float))

"""A session in a real browser: a Playwright context in the one shared headless Chromium.

Every request outside the app's (or nginx's) origin is blocked. The user opens deep links in
a new tab (closing the old one once the new one shows its panel), changes the programme filter
with the keyboard, and selects a place by clicking its marker on the map.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Browser, BrowserContext, Page, Route, WebSocket
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from load.catalogue import Catalogue
from load.record import (
    PAGE_ERROR,
    CrashPage,
    LegacyRouting,
    Recorder,
    ScreenError,
    StreamlitException,
)
from tests.browser import CHROMIUM, CHROMIUM_ARGS, IDLE, MAP_FRAME

TIMEOUT_MS = 55_000  # each wait inside an action; the whole action is bounded at 60 s
SETTLE = 5.0  # seconds idle after a finished run without the result: the action had no effect
MARKER = ".leaflet-overlay-pane path"  # points and shapes (points take no pointer events)
PROGRAMMES = ".st-key-w_programmes"
EXCEPTION = "[data-testid=stException]"
CRASH_TEXT = ("502 Bad Gateway", "504 Gateway", "503 Service")
CONNECTION_ERROR = "Connection error"
# Places a click opens, in the map frame's pixels: a point drawn at least 3 px from every
# other point (a click goes to the nearest centre), or a shape topmost at its centre; never
# under a control (legend, buttons).
CLICKABLE = """() => {
  const out = [], points = [];
  if (!window.map) return out;
  const map = window.map, box = map.getContainer().getBoundingClientRect();
  const free = (x, y) => {
    if (x < 5 || y < 5 || x > innerWidth - 5 || y > innerHeight - 5) return false;
    const hit = document.elementFromPoint(x, y);
    return !!hit && !hit.closest('.leaflet-control');
  };
  map.eachLayer((layer) => {
    const f = layer.feature;
    if (!f || !f.properties || !f.properties.id || !f.properties.colour) return;
    if (layer.getLatLng) {
      if (layer.options.interactive) return;  // the selection ring, drawn around a point
      let p = map.latLngToContainerPoint(layer.getLatLng());
      const o = f.properties.offset;
      if (o) p = p.add(L.point(o[0], o[1]));
      points.push({id: f.properties.id, x: box.left + p.x, y: box.top + p.y});
    } else if (layer._path) {
      const r = layer._path.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return;
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (free(x, y) && document.elementFromPoint(x, y) === layer._path) {
        out.push({id: f.properties.id, x, y});
      }
    }
  });
  points.forEach((p) => {
    const apart = points.every((q) => q === p || Math.hypot(q.x - p.x, q.y - p.y) > 3);
    if (apart && free(p.x, p.y)) out.push(p);
  });
  return out;
}"""
# The panel heading (.st-key-place_panel h3) starts with the place's English name.
HEADING_STARTS = """(name) => {
  const h = document.querySelector('.st-key-place_panel h3');
  return !!h && h.innerText.startsWith(name);
}"""
PROGRAMME_IN_LINK = """(wanted) =>
  new URLSearchParams(window.location.search).getAll('programme').join(',') === wanted"""


async def launch(playwright: Any) -> Browser:
    """The one headless Chromium every browser session shares."""
    return await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class BrowserUser:
    """One simulated user in its own browser context (cookies, cache, tabs)."""

    kind = "browser"

    def __init__(
        self, name: str, browser: Browser, origin: str, catalogue: Catalogue, recorder: Recorder
    ) -> None:
        self.name = name
        self.browser = browser
        self.origin = origin
        self.catalogue = catalogue
        self.recorder = recorder
        self.context: BrowserContext | None = None
        self.page: Page | None = None
        self.place: str | None = None
        self.programme: str | None = None
        self.blocked = 0
        self.screen: object | None = None  # the tab, once it has shown a panel
        self._sockets: dict[Page, int] = {}  # open app WebSockets per tab
        self._runs: dict[Page, int] = {}  # script runs finished per tab
        self._retired: set[Page] = set()
        self._lost = asyncio.Event()
        self._route_cookie: str | None = None

    @property
    def held(self) -> bool:
        return self.page is not None and self._sockets.get(self.page, 0) > 0

    def lost(self) -> asyncio.Event:
        return self._lost

    def route_key(self) -> str | None:
        return self._route_cookie

    async def _route(self, route: Route) -> None:
        url = route.request.url
        if url.startswith(self.origin) or url.startswith(("data:", "blob:", "about:")):
            await route.continue_()
        else:
            self.blocked += 1
            await route.abort()

    def _watch(self, page: Page) -> None:
        page.on("pageerror", lambda exc: self.recorder.error(self.name, "page", PAGE_ERROR, exc))
        page.on("dialog", self._dialog)
        page.on("websocket", lambda ws: self._socket(page, ws))

    async def _dialog(self, dialog: Any) -> None:
        self.recorder.error(self.name, "page", PAGE_ERROR, f"dialog: {dialog.message}")
        await dialog.dismiss()

    def _socket(self, page: Page, ws: WebSocket) -> None:
        if not ws.url.endswith("/_stcore/stream"):
            return
        self._sockets[page] = self._sockets.get(page, 0) + 1
        ws.on("framereceived", lambda payload: self._frame(page, payload))

        def closed(_: object = None) -> None:
            self._sockets[page] = self._sockets.get(page, 1) - 1
            if page is self.page and page not in self._retired:
                self._lost.set()

        ws.on("close", closed)

    def _frame(self, page: Page, payload: str | bytes) -> None:
        """Count the script runs that finished, from the page's own WebSocket frames."""
        if isinstance(payload, bytes):
            message = ForwardMsg()
            with contextlib.suppress(Exception):
                message.ParseFromString(payload)
                if (
                    message.WhichOneof("type") == "script_finished"
                    and message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
                ):
                    self._runs[page] = self._runs.get(page, 0) + 1

    async def _panel(self, page: Page, name: str, runs: int, timeout_ms: float) -> None:
        what = f"the panel showing {name!r}"
        await self._until(page, HEADING_STARTS, name, runs, timeout_ms, what)

    async def _until(
        self, page: Page, predicate: str, arg: str, runs: int, timeout_ms: float, what: str
    ) -> None:
        """Wait until ``predicate(arg)`` holds, then until the app is idle.

        ``runs`` is the count of finished runs before the action. Once a later run has
        finished and the app then stays idle for SETTLE seconds without the result, the action
        was answered but had no effect: fail then rather than at the timeout. (Idle alone
        proves nothing: under load a requested rerun can wait seconds before it starts.)
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_ms / 1000
        settled: tuple[int, float] | None = None  # (runs seen, since when idle)
        while not await page.evaluate(predicate, arg):
            now, finished = loop.time(), self._runs.get(page, 0)
            if finished > runs and await page.locator(IDLE).count():
                if settled is None or settled[0] != finished:
                    settled = (finished, now)
                elif now - settled[1] > SETTLE:
                    raise ScreenError(f"the app answered but shows no {what}")
            else:
                settled = None
            if now > deadline:
                raise TimeoutError(f"no {what} in {timeout_ms / 1000:.0f} s")
            await asyncio.sleep(0.25)
        await self._idle(page, max(1000.0, (deadline - loop.time()) * 1000))

    async def _idle(self, page: Page, timeout_ms: float) -> None:
        """Called once the result began to show (heading, link), so the run has started."""
        await page.wait_for_selector(IDLE, timeout=timeout_ms)
        await check(page)

    async def open(self, rng: random.Random, timeout_ms: float = TIMEOUT_MS) -> None:
        """Open a deep link in a new tab; once its panel and markers show, close the old tab."""
        if self.context is None:
            self.context = await self.browser.new_context(viewport={"width": 1400, "height": 1000})
            await self.context.route("**/*", self._route)
        place, query = self.catalogue.deep_link(rng)
        page = await self.context.new_page()
        self._watch(page)
        try:
            response = await page.goto(f"{self.origin}/?{query}", timeout=timeout_ms)
            if response is None or response.status != 200:
                raise CrashPage(f"/?{query} answered {response.status if response else None}")
            await self._panel(page, self.catalogue.heading(place), 0, timeout_ms)
            markers = page.frame_locator(MAP_FRAME).locator(MARKER)
            await markers.first.wait_for(state="attached", timeout=timeout_ms)
        except BaseException:
            self._retired.add(page)
            with contextlib.suppress(Exception):
                await page.close()
            raise
        old, self.page = self.page, page
        self.place, self.programme, self.screen = place, None, page
        self._lost = asyncio.Event()
        if old is not None:
            self._retired.add(old)
            await old.close()

    async def filter(self, rng: random.Random, timeout_ms: float = TIMEOUT_MS) -> None:
        """Replace the chosen programme (or choose none): Backspace, type its name, pick it."""
        assert self.page is not None
        page = self.page
        names = list(self.catalogue.programmes)
        choice = rng.choice([c for c in [None, *names] if c != self.programme])
        runs = self._runs.get(page, 0)
        await page.locator(PROGRAMMES).click(timeout=timeout_ms)
        if self.programme is not None:
            await page.keyboard.press("Backspace")
        if choice is not None:
            await page.keyboard.type(choice)
            await page.get_by_role("option", name=choice, exact=True).click(timeout=timeout_ms)
        await page.keyboard.press("Escape")
        wanted = self.catalogue.programmes[choice] if choice else ""
        what = f"programme={wanted} in the link"
        await self._until(page, PROGRAMME_IN_LINK, wanted, runs, timeout_ms, what)
        self.programme = choice

    async def select(self, rng: random.Random, timeout_ms: float = TIMEOUT_MS) -> None:
        """Click the marker (or shape) of another place; its panel must show."""
        assert self.page is not None
        page = self.page
        handle = await page.locator(MAP_FRAME).element_handle(timeout=timeout_ms)
        frame = await handle.content_frame() if handle else None
        if frame is None:
            raise ScreenError("no map frame")
        for attempt in range(2):
            spots = [
                s
                for s in await frame.evaluate(CLICKABLE)
                if s["id"] != self.place and s["id"] in self.catalogue.places
            ]
            if spots or attempt:
                break
            # A link to a place opens the map on it: zoom out to all of China, as a person would.
            await frame.locator(".atlas-buttons a").nth(1).click(timeout=timeout_ms)
            await page.wait_for_timeout(600)
        if not spots:
            raise ScreenError("no other place can be clicked on the map")
        spot = rng.choice(spots)
        box = await page.locator(MAP_FRAME).bounding_box()
        if box is None:
            raise ScreenError("the map frame is not on screen")
        runs = self._runs.get(page, 0)
        await page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
        await self._panel(page, self.catalogue.heading(spot["id"]), runs, timeout_ms)
        self.place = spot["id"]

    async def recover(self, deadline: float) -> None:
        """Wait while Streamlit reconnects by itself; the same panel must show again.

        An error page (nginx 5xx) fails at once. Streamlit's "Connection error" dialog, shown
        while it retries, is counted but is not an error.
        """
        assert self.page is not None and self.place is not None
        page, loop = self.page, asyncio.get_running_loop()
        saw_dialog = False
        name = self.catalogue.heading(self.place)
        while True:
            body = await page.locator("body").inner_text(timeout=10_000)
            if any(text in body for text in CRASH_TEXT):
                raise CrashPage(body[:200])
            saw_dialog = saw_dialog or CONNECTION_ERROR in body
            if self.held and await page.evaluate(HEADING_STARTS, name):
                left = max(1.0, deadline - loop.time()) * 1000
                await self._idle(page, left)
                break
            if loop.time() > deadline:
                raise TimeoutError("the page did not show its panel again in time")
            await asyncio.sleep(0.5)
        if saw_dialog:
            self.recorder.connection_dialogs += 1
        self._lost = asyncio.Event()

    async def remember_route(self) -> None:
        """Read nginx's routing cookie (two-server runs map sessions to processes with it)."""
        if self.context is not None:
            for cookie in await self.context.cookies():
                if cookie.get("name") == "atlas_route":
                    self._route_cookie = cookie.get("value")

    async def evidence(self, folder: Path, tag: str) -> None:
        """A screenshot of the page after an error, for the report's reader."""
        if self.page is not None:
            folder.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(Exception):
                await self.page.screenshot(path=folder / f"{self.name}-{tag}.png", timeout=10_000)

    async def close(self) -> None:
        if self.context is not None:
            self._retired.update(self._sockets)
            with contextlib.suppress(Exception):
                await self.context.close()


async def check(page: Page) -> None:
    """Errors every screen is checked for: exception elements, error pages, legacy routes.

    The map is the default page, at the root; a path such as /map means Streamlit ran
    pages/map.py as a page of its own (without app.py).
    """
    path = urlsplit(page.url).path
    if path not in ("", "/"):
        raise LegacyRouting(f"the address became {path}: pages/ file run without app.py")
    if await page.locator(EXCEPTION).count():
        text = await page.locator(EXCEPTION).first.inner_text()
        raise StreamlitException(text[:300])
    title = await page.title()
    if any(text in title for text in CRASH_TEXT):
        raise CrashPage(title)

"""A session without a browser: the page request, then Streamlit's own WebSocket protocol.

Each :class:`ProtocolUser` does what the browser does on the wire: it GETs the deep link (so
nginx sets its routing cookie), opens ``/_stcore/stream`` with the browser's subprotocols,
sends ``BackMsg.rerun_script`` with the link's query string, and reads ``ForwardMsg``s until
the run finishes. Widgets are changed the way the frontend changes them: a rerun whose
``widget_states`` hold the new value (the label the user picked). Large elements are cached and
their hashes sent back, as the frontend does, so the server sends references, not copies.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import urllib.error
import urllib.request
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Block_pb2 import Block
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Origin, Subprotocol

from load.catalogue import Catalogue, plain
from load.record import (
    CrashPage,
    Disconnected,
    LegacyRouting,
    ScreenError,
    StreamlitException,
)

PLACEHOLDER_TOKEN = "PLACEHOLDER_AUTH_TOKEN"  # what the frontend sends without an XSRF cookie
PICKER_LABEL = "Open a place"
PROGRAMME_KEY = "w_programmes"  # the widget behind the .st-key-w_programmes hook
PANEL_KEY = "place_panel"  # the container behind the .st-key-place_panel hook
# A run's end: the whole script's, or one fragment's (a widget inside st.fragment changed).
FINISHED = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
CACHE_LIMIT = 64  # cached large messages kept per session
HTTP_TIMEOUT = 30.0  # seconds
CONTEXT = {"timezone": "UTC", "locale": "en-US", "color_scheme": "light"}


@dataclass
class Screen:
    """What one finished script run drew, by delta path, and the URL's query string."""

    elements: dict[tuple[int, ...], Element] = field(default_factory=dict)
    blocks: dict[tuple[int, ...], Block] = field(default_factory=dict)
    # The fragment (st.fragment id) that drew each path, "" outside every fragment.
    fragments: dict[tuple[int, ...], str] = field(default_factory=dict)
    query_string: str = ""
    configured: bool = False  # app.py ran: it sets the page config on every run

    def _keyed_block(self, key: str) -> tuple[int, ...] | None:
        for path, block in self.blocks.items():
            if block.id.endswith(f"-{key}"):
                return path
        return None

    def panel_title(self) -> str | None:
        """The heading inside the place panel (``.st-key-place_panel h3``), as shown."""
        panel = self._keyed_block(PANEL_KEY)
        if panel is None:
            return None
        for path in sorted(self.elements):
            element = self.elements[path]
            if path[: len(panel)] != panel:
                continue
            if element.WhichOneof("type") == "heading":
                return plain(element.heading.body)
            # The panel's text is one Markdown element that opens with its heading.
            if element.WhichOneof("type") == "markdown":
                first_line = element.markdown.body.split("\n", 1)[0]
                if first_line.startswith("### "):
                    return plain(first_line.removeprefix("### "))
        return None

    def widget(self, kind: str, *, key: str | None = None, label: str | None = None) -> Any:
        """The first widget of ``kind`` with this user key or visible label."""
        for path in sorted(self.elements):
            element = self.elements[path]
            if element.WhichOneof("type") != kind:
                continue
            proto = getattr(element, kind)
            if (key and proto.id.endswith(f"-{key}")) or (label and proto.label == label):
                return proto
        raise ScreenError(f"no {kind} {key or label!r} on the page")

    def fragment_of(self, widget_id: str) -> str:
        """The fragment that drew this widget ("" if none): the frontend names it in the
        rerun a change of that widget asks for, and the server then reruns only it."""
        for path, element in self.elements.items():
            kind = element.WhichOneof("type")
            if kind and getattr(getattr(element, kind), "id", None) == widget_id:
                return self.fragments.get(path, "")
        return ""

    def forget_fragments(self, fragment_ids: Collection[str]) -> None:
        """Drop what these fragments drew: their rerun draws it again (as the frontend
        clears a fragment's stale elements); the rest of the page stays."""
        gone = {path for path, f in self.fragments.items() if f in fragment_ids}
        for table in (self.elements, self.blocks, self.fragments):
            for path in gone:
                table.pop(path, None)

    def exceptions(self) -> list[str]:
        return [
            f"{e.exception.type}: {e.exception.message}"
            for e in self.elements.values()
            if e.WhichOneof("type") == "exception"
        ]

    def query(self) -> dict[str, list[str]]:
        return parse_qs(self.query_string)


def held_value(kind: str, proto: Any) -> WidgetState | None:
    """The value the frontend holds for a widget it draws: set by the server, else its default.

    The frontend sends every drawn widget's value with each rerun, not only the changed one;
    None for the kinds it sends nothing for until the user acts (buttons, tables, components).
    """
    state = WidgetState(id=proto.id)
    if kind in ("selectbox", "radio"):
        if proto.set_value:
            value = proto.raw_value if proto.HasField("raw_value") else None
        else:
            value = proto.options[proto.default] if proto.HasField("default") else None
        if value is not None:
            state.string_value = value
    elif kind in ("multiselect", "button_group"):
        options = [getattr(o, "content", o) for o in proto.options]
        values = list(proto.raw_values) if proto.set_value else [options[i] for i in proto.default]
        state.string_array_value.data.extend(values)
    elif kind == "slider":
        state.double_array_value.data.extend(proto.value if proto.set_value else proto.default)
    elif kind == "text_input":
        if proto.set_value and proto.HasField("value"):
            state.string_value = proto.value
        elif proto.HasField("default"):
            state.string_value = proto.default
    elif kind == "checkbox":
        state.bool_value = proto.value if proto.set_value else proto.default
    else:
        return None
    return state


class Widgets:
    """The widget values a tab holds and sends with every rerun, as the frontend does."""

    def __init__(self) -> None:
        self.values: dict[str, WidgetState] = {}

    def update(self, screen: Screen) -> None:
        """Take the values of the widgets just drawn; forget the ones no longer shown."""
        shown: dict[str, WidgetState] = {}
        for element in screen.elements.values():
            kind = element.WhichOneof("type")
            proto = getattr(element, kind) if kind else None
            if proto is None or not getattr(proto, "id", ""):
                continue
            state = held_value(kind, proto)
            if state is None:
                continue
            keep = self.values.get(proto.id)
            shown[proto.id] = state if proto.set_value or keep is None else keep
        self.values = shown

    def changed(self, state: WidgetState) -> list[WidgetState]:
        """Every held value, with the user's change in place."""
        self.values[state.id] = state
        return list(self.values.values())


def http_get(url: str, cookies: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    """(status, cookies set, body) of one GET, never through a proxy."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=HTTP_TIMEOUT) as response:
            status, message, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, message, body = error.code, error.headers, error.read()
    jar = {}
    for line in message.get_all("Set-Cookie") or []:
        name, _, value = line.split(";", 1)[0].partition("=")
        jar[name.strip()] = value.strip()
    return status, jar, body


class Connection:
    """One WebSocket, hence one server-side session."""

    def __init__(self, origin: str, cookies: dict[str, str]) -> None:
        self.origin = origin
        self.cookies = dict(cookies)
        self.session_id: str | None = None
        self.page_script_hash = ""
        self.lost = asyncio.Event()  # closed by the other side
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._closing = False
        self._screen = Screen()
        self._pending: asyncio.Future[Screen] | None = None
        self._cache: OrderedDict[str, ForwardMsg] = OrderedDict()

    async def start(self, previous_session: str | None = None) -> None:
        """Open the WebSocket as the frontend does (session tokens in the subprotocols)."""
        token = self.cookies.get("_streamlit_xsrf") or PLACEHOLDER_TOKEN
        protocols = ["streamlit", token, *([previous_session] if previous_session else [])]
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        self._ws = await connect(
            self.origin.replace("http", "ws", 1) + "/_stcore/stream",
            origin=Origin(self.origin),
            subprotocols=[Subprotocol(p) for p in protocols],
            additional_headers=headers if self.cookies else None,
            user_agent_header="atlas-load",
            proxy=None,
            open_timeout=HTTP_TIMEOUT,
            ping_interval=None,  # browsers do not ping; the server pings us
            close_timeout=5,
            max_size=None,
        )
        self._reader = asyncio.create_task(self._read())

    @property
    def is_open(self) -> bool:
        return self._ws is not None and not self.lost.is_set() and not self._closing

    async def run(
        self, query_string: str, widgets: list[WidgetState], fragment_id: str = ""
    ) -> Screen:
        """Ask for a rerun with these widget values (of one fragment, if ``fragment_id``,
        as the frontend asks when a widget inside a fragment changes); the screen when the
        run finishes."""
        if not self.is_open or self._ws is None:
            raise Disconnected("the WebSocket is closed")
        message = BackMsg()
        state = message.rerun_script
        state.query_string = query_string
        state.page_script_hash = self.page_script_hash
        state.fragment_id = fragment_id
        state.widget_states.widgets.extend(widgets)
        state.cached_message_hashes.extend(self._cache)
        info = state.context_info
        info.timezone, info.locale = CONTEXT["timezone"], CONTEXT["locale"]
        info.color_scheme = CONTEXT["color_scheme"]
        info.url = f"{self.origin}/{'?' + query_string if query_string else ''}"
        self._pending = asyncio.get_running_loop().create_future()
        await self._ws.send(message.SerializeToString())
        return await self._pending

    async def close(self) -> None:
        """Close as a tab closes (not counted as a disconnect)."""
        self._closing = True
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._ws.close(), 10)
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(BaseException):
                await self._reader

    async def _read(self) -> None:
        assert self._ws is not None
        problem: BaseException = Disconnected("the server closed the WebSocket")
        try:
            async for data in self._ws:
                message = ForwardMsg()
                message.ParseFromString(data if isinstance(data, bytes) else data.encode())
                self._handle(message)
        except ConnectionClosed as closed:
            problem = Disconnected(f"WebSocket closed: {closed}")
        except Exception as exc:
            problem = exc
        finally:
            if not self._closing:
                self.lost.set()
                self._fail(problem)

    def _fail(self, exc: BaseException) -> None:
        if self._pending is not None and not self._pending.done():
            self._pending.set_exception(exc)
            # The waiting action may be cancelled first (its guard saw the lost WebSocket):
            # mark the exception as seen so asyncio does not log it as never retrieved.
            self._pending.exception()

    def _handle(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if kind == "ref_hash":
            cached = self._cache.get(message.ref_hash)
            if cached is None:
                self._fail(ScreenError(f"reference to an uncached message {message.ref_hash}"))
                return
            path = tuple(message.metadata.delta_path)
            message = ForwardMsg()
            message.CopyFrom(cached)
            message.metadata.ClearField("delta_path")
            message.metadata.delta_path.extend(path)
            kind = "delta"
        elif message.metadata.cacheable and message.hash:
            self._cache[message.hash] = message
            while len(self._cache) > CACHE_LIMIT:
                self._cache.popitem(last=False)
        if kind == "new_session":
            session = message.new_session
            if session.HasField("initialize"):
                self.session_id = session.initialize.session_id
            self.page_script_hash = session.page_script_hash
            fragments = list(message.metadata.run.fragment_ids)
            if fragments:  # a fragment's rerun: the rest of the screen stays
                self._screen.forget_fragments(fragments)
            else:
                self._screen = Screen(query_string=self._screen.query_string)
        elif kind == "delta":
            path = tuple(message.metadata.delta_path)
            delta = message.delta
            self._screen.fragments[path] = delta.fragment_id
            if delta.WhichOneof("type") == "new_element":
                self._screen.elements[path] = delta.new_element
            elif delta.WhichOneof("type") == "add_block":
                self._screen.blocks[path] = delta.add_block
        elif kind == "navigation":
            # The frontend's current page is the one st.navigation reports, as here.
            self.page_script_hash = message.navigation.page_script_hash
        elif kind == "page_config_changed":
            self._screen.configured = True
        elif kind == "page_info_changed":
            self._screen.query_string = message.page_info_changed.query_string
        elif kind == "page_not_found":
            self._fail(ScreenError("page not found"))
        elif kind == "script_finished":
            status = message.script_finished
            if status in FINISHED and self._pending is not None:
                if not self._pending.done():
                    self._pending.set_result(self._screen)
            elif status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                self._fail(StreamlitException("the script did not compile"))

    def seed_query(self, query_string: str) -> None:
        """The URL the page was opened with (the server reports only later changes)."""
        self._screen.query_string = query_string


def check(screen: Screen) -> None:
    """Errors every screen is checked for: exception elements."""
    shown = screen.exceptions()
    if shown:
        raise StreamlitException("; ".join(shown))


def routed(screen: Screen) -> None:
    """Checked once the action's effect is: the run went through app.py (st.navigation)."""
    if not screen.configured:
        raise LegacyRouting("the run skipped app.py (no page config): pages/ file run directly")


class ProtocolUser:
    """One simulated user: a tab holding one session, opening links and using widgets."""

    kind = "protocol"

    def __init__(self, name: str, origin: str, catalogue: Catalogue) -> None:
        self.name = name
        self.origin = origin
        self.catalogue = catalogue
        self.cookies: dict[str, str] = {}
        self.conn: Connection | None = None
        self.screen: Screen | None = None
        self.programme: str | None = None  # the programme label chosen, if any
        self.widgets = Widgets()
        self._closing_tabs: set[asyncio.Task[None]] = set()

    @property
    def held(self) -> bool:
        """True while a session of this user is open on a server."""
        return self.conn is not None and self.conn.is_open

    def lost(self) -> asyncio.Event:
        return self.conn.lost if self.conn is not None else asyncio.Event()

    def route_key(self) -> str | None:
        return self.cookies.get("atlas_route")

    async def remember_route(self) -> None:
        """The routing cookie is already in ``cookies``."""

    async def _connect(self, query: str) -> Screen:
        """GET the page in a new tab (keeping cookies, as a browser does), open its session."""
        status, jar, body = await asyncio.to_thread(
            http_get, f"{self.origin}/{'?' + query if query else ''}", self.cookies
        )
        if status != 200 or b'id="root"' not in body:
            raise CrashPage(f"GET /?{query} answered {status}: {body[:120]!r}")
        self.cookies.update(jar)
        conn = Connection(self.origin, self.cookies)
        try:
            await conn.start()
            conn.seed_query(query)
            screen = await conn.run(query, [])
        except BaseException:
            await conn.close()
            raise
        check(screen)
        old, self.conn = self.conn, conn
        if old is not None:
            # The new tab is up: close the old one without waiting for the server's reply,
            # as a browser does (the open's time would otherwise include the handshake).
            closing = asyncio.create_task(old.close())
            self._closing_tabs.add(closing)
            closing.add_done_callback(self._closing_tabs.discard)
        return screen

    async def open(self, rng: random.Random) -> None:
        """Open a deep link to a random place in a new tab; its panel must show."""
        place, query = self.catalogue.deep_link(rng)
        screen = await self._connect(query)
        title = screen.panel_title() or ""
        if not title.startswith(self.catalogue.heading(place)):
            raise ScreenError(f"opened {place}, the panel shows {title!r}")
        routed(screen)
        self.screen, self.programme, self.widgets = screen, None, Widgets()
        self.widgets.update(screen)

    async def _change(self, state: WidgetState) -> Screen:
        assert self.conn is not None and self.screen is not None
        fragment = self.screen.fragment_of(state.id)
        screen = await self.conn.run(
            self.screen.query_string, self.widgets.changed(state), fragment
        )
        check(screen)
        self.widgets.update(screen)
        return screen

    async def filter(self, rng: random.Random) -> None:
        """Pick another programme (or none) in the programme filter."""
        assert self.screen is not None
        widget = self.screen.widget("multiselect", key=PROGRAMME_KEY)
        # Programmes with places only (the catalogue's): one without leaves nothing to select.
        choices = [None, *(o for o in widget.options if o in self.catalogue.programmes)]
        choice = rng.choice([c for c in choices if c != self.programme])
        state = WidgetState(id=widget.id)
        state.string_array_value.data.extend([choice] if choice else [])
        screen = await self._change(state)
        wanted = [self.catalogue.programmes[choice]] if choice else []
        if screen.query().get("programme", []) != wanted:
            raise ScreenError(f"chose {choice!r}, the link says {screen.query_string!r}")
        routed(screen)
        self.screen, self.programme = screen, choice

    async def select(self, rng: random.Random) -> None:
        """Choose another place in 'Open a place'; its panel must show."""
        assert self.screen is not None
        widget = self.screen.widget("selectbox", label=PICKER_LABEL)
        current = self.screen.panel_title()
        options = [o for o in list(widget.options)[1:] if plain(o) != current]
        if not options:
            raise ScreenError("no other place to choose")
        choice = rng.choice(options)
        screen = await self._change(WidgetState(id=widget.id, string_value=choice))
        if screen.panel_title() != plain(choice):
            raise ScreenError(f"chose {choice!r}, the panel shows {screen.panel_title()!r}")
        routed(screen)
        self.screen = screen

    async def recover(self, deadline: float) -> None:
        """Reconnect as the frontend does after a lost WebSocket, within ``deadline``.

        The frontend polls the health check, then opens a new WebSocket naming its old session
        and keeps showing the old screen; on the new process it asks at once for a whole-page
        run with the current page's script hash and every widget value it holds (seen in a
        browser: research/issue-17/failover_click_repro.py), which starts the new session. A
        rerun of one fragment first would be dropped: the new session has no fragments yet.
        """
        assert self.screen is not None and self.conn is not None
        loop = asyncio.get_running_loop()
        previous, page = self.conn.session_id, self.conn.page_script_hash
        delay = 0.5
        while True:
            try:
                status, _, _ = await asyncio.to_thread(
                    http_get, f"{self.origin}/_stcore/health", self.cookies
                )
                if status == 200:
                    conn = Connection(self.origin, self.cookies)
                    conn.page_script_hash = page
                    await asyncio.wait_for(conn.start(previous), max(1.0, deadline - loop.time()))
                    conn.seed_query(self.screen.query_string)
                    self.conn = conn
                    held = list(self.widgets.values.values())
                    screen = await asyncio.wait_for(
                        conn.run(self.screen.query_string, held),
                        max(1.0, deadline - loop.time()),
                    )
                    check(screen)
                    self.screen = screen
                    self.widgets.update(screen)
                    return
            except (OSError, TimeoutError):
                pass
            if loop.time() + delay > deadline:
                raise TimeoutError("the session did not come back in time")
            await asyncio.sleep(delay)
            delay = min(delay * 2, 4.0)

    async def evidence(self, folder: Path, tag: str) -> None:
        """Nothing to keep: the error's text says what the screen held."""

    async def close(self) -> None:
        if self.conn is not None:
            await self.conn.close()
        await asyncio.gather(*self._closing_tabs, return_exceptions=True)

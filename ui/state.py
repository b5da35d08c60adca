"""The single place where session state and query parameters are read and written.

At the start of a session the URL is parsed into a :class:`ViewState` (invalid
parts become notices). Widgets are seeded from it and, on every run, the view is
rebuilt from the widgets and the selection, then printed back into the URL.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import replace

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from atlas.coords import gcj02_to_wgs84
from atlas.dataset import Dataset
from atlas.i18n import Translator, preferred_language, translator
from atlas.mapping import BASEMAPS, parse_click, parse_position
from atlas.view import LANGUAGES, ZOOM_RANGE, Notice, ViewOptions, ViewState, parse_query, to_query

# Session-state keys, declared once.
VIEW = "atlas_view"
NOTICES = "atlas_notices"
LAST_CLICK_COUNT = "atlas_last_click_count"
W_FAMILIES = "w_families"
W_PROGRAMMES = "w_programmes"
W_BATCHES = "w_batches"
W_PROVINCE = "w_province"
W_YEARS = "w_years"
W_SEARCH = "w_search"
W_FOCUS = "w_focus"
W_BASEMAP = "w_basemap"
W_PLACE_PICKER = "w_place_picker"
W_LANG = "w_lang"
W_RESET = "w_reset"
W_FIND = "w_find"
W_COMPARE = "w_compare"
W_RADIUS = "w_radius"
W_NEARBY = "w_nearby"  # the nearby pilots, one chosen to open
W_NEARBY_OPEN = "w_nearby_open"  # the nearby section, open or not
W_SHARE = "w_share"  # the share panel, open or not
W_TABLE = "w_table"  # the table of places, open or not
W_MAP = "atlas_map"  # st_folium's value: what was last clicked, with a click counter
JUMP_TO_MAP = "atlas_jump_to_map"
MAP_MOVE = "atlas_map_move"  # where the app moves the map on its next drawing (MapMove)
MAP_SEEN = "atlas_map_seen"  # the position the map last reported
MAP_NUDGE = "atlas_map_nudge"  # 0 or 1, alternating with each move of the map
EMPTY_FIND = "atlas_empty_find"
PAGE = "atlas_page"
RESTORING = "atlas_restoring"  # this run began a session with the browser's widget values
ALL = "all"  # widget value meaning "no restriction"; never a valid id of anything


def _query_dict() -> dict[str, list[str]]:
    params = st.query_params
    return {key: params.get_all(key) for key in params.keys()}  # noqa: SIM118


def initial_view(options: ViewOptions) -> ViewState:
    """The view for this run: parsed from the URL once per session, then kept in state.

    A new session normally starts from a page load, and its widgets are set from the
    link. A browser that reconnects to another server process (failover) also starts a
    new session, but sends the values its widgets show, including a change the user just
    made: those are kept, and the link supplies only what widgets do not hold.
    """
    state = st.session_state
    if VIEW not in state:
        params = _query_dict()
        view, notices = parse_query(params, options)
        if "lang" not in params:
            view = replace(view, lang=preferred_language(st.context.locale))
        state[VIEW] = view
        state[NOTICES] = (view, notices)
        move_map_to_view(view)
        if _browser_sent_widget_values():
            state[RESTORING] = True
        else:
            seed_widgets(view, options)
            state[W_LANG] = view.lang
    else:
        state.pop(RESTORING, None)
    return state[VIEW]


def restoring() -> bool:
    """True in the first run of a session that began with the browser's widget values.

    Widget callbacks do not run then (the new session does not know them yet), and a
    widget's value is not readable by key until it is drawn: widgets whose change is
    applied by a callback compare what they return with the view instead.

    Never in a fragment's rerun: that follows a whole run, so the first run is over even if
    it applied nothing (else a tab that reconnected after a failover had its first click on
    the map undone by the stale place its picker still held).
    """
    ctx = get_script_run_ctx()
    if ctx is not None and ctx.fragment_ids_this_run:
        return False
    return bool(st.session_state.get(RESTORING))


def apply_restored(changed: bool, apply: Callable[[], None]) -> bool:
    """In a restoring run, apply a widget change its callback would have applied (and put
    it in the link); True if it did. Pages run such widgets before what depends on them.

    One change per run, the first drawn: the browser sends every widget's value and the
    others (e.g. the place picker after "Find a place") may still show the older view.
    """
    if not (restoring() and changed):
        return False
    apply()
    st.session_state.pop(RESTORING, None)
    write_url(current_view())
    return True


def _browser_sent_widget_values() -> bool:
    """True when this run arrived with widget values from the browser.

    Streamlit has no public API for this: session state maps a widget's key to its
    value only once the widget is drawn, so the raw values the browser sent are read.
    """
    from streamlit.runtime.state import get_session_state

    try:
        return bool(get_session_state()._state._new_widget_state.states)
    except AttributeError:  # another Streamlit version: behave as on a page load
        return False


def current_lang() -> str:
    """The language of this session, before the page has restored the full view.

    The language switch's new value first: app.py titles the page list before the page
    draws the switch, and the view still holds the language of the previous run.
    """
    switched = st.session_state.get(W_LANG)
    if switched in LANGUAGES:
        return switched
    if VIEW in st.session_state:
        return st.session_state[VIEW].lang
    asked = st.query_params.get("lang")
    return asked if asked in LANGUAGES else preferred_language(st.context.locale)


def current_translator() -> Translator:
    return translator(current_lang())


def seed_widgets(view: ViewState, options: ViewOptions) -> None:
    """Set the filter widgets to show ``view`` (before they are drawn in this run)."""
    state = st.session_state
    state[W_FAMILIES] = list(view.families)
    state[W_PROGRAMMES] = list(view.programmes)
    state[W_BATCHES] = list(view.batches)
    state[W_PROVINCE] = view.province or ALL
    state[W_YEARS] = (
        view.year_from if view.year_from is not None else options.years[0],
        view.year_to if view.year_to is not None else options.years[1],
    )
    state[W_SEARCH] = view.search
    state[W_FOCUS] = view.focus or ALL
    state[W_BASEMAP] = view.basemap
    state[W_COMPARE] = list(view.compare)
    state[W_RADIUS] = view.radius


def keep_choices(key: str, keep: Callable[[str], bool]) -> None:
    """Drop the values a multiselect no longer offers, before it is drawn in this run."""
    held = st.session_state.get(key) or []
    kept = [value for value in held if keep(value)]
    if kept != list(held):
        st.session_state[key] = kept


# What "Reset filters" clears: everything that narrows the places shown (not the
# language, basemap, selection or comparison).
CLEARED_FILTERS = {
    "families": (),
    "programmes": (),
    "batches": (),
    "province": None,
    "year_from": None,
    "year_to": None,
    "search": "",
    "focus": None,
}


def reset_filters(options: ViewOptions) -> None:
    """on_click of "Reset filters": clear every filter, and show all of China again if a
    province had been chosen."""
    if VIEW not in st.session_state:
        return  # see _change_view
    view = st.session_state[VIEW]
    cleared = replace(view, **CLEARED_FILTERS)
    if view.province:
        cleared = replace(cleared, lat=None, lon=None, zoom=None)
        move_map(("china",))
    st.session_state[VIEW] = cleared
    seed_widgets(cleared, options)


def filters_active(view: ViewState) -> bool:
    """True when some filter narrows the places (what "Reset filters" would clear)."""
    return replace(view, **CLEARED_FILTERS) != view


def notices() -> list[Notice]:
    """Link parts that were ignored: shown until the user changes the view they opened."""
    opened, ignored = st.session_state.get(NOTICES, (None, []))
    current = st.session_state.get(VIEW)
    if current is None or opened is None or _without_position(current) != _without_position(opened):
        st.session_state.pop(NOTICES, None)
        return []
    return ignored


def _without_position(view: ViewState) -> ViewState:
    return replace(view, lat=None, lon=None, zoom=None)


MapMove = tuple[str, ...]  # ("view",), ("place", id), ("province", id) or ("china",)


def move_map(move: MapMove) -> None:
    """Ask the next drawing of the map to move there (the map is not moved otherwise, so it
    never fights the user). Its next report is where the map now is, not a user's move."""
    st.session_state[MAP_MOVE] = move
    st.session_state.pop(MAP_SEEN, None)


def move_map_to_view(view: ViewState) -> None:
    """Move the map to what ``view`` says: its position, else its place, else its province."""
    if view.lat is not None:
        move_map(("view",))
    elif view.place:
        move_map(("place", view.place))
    elif view.province:
        move_map(("province", view.province))


def take_map_move() -> MapMove | None:
    """The move asked for since the map was last drawn, once."""
    return st.session_state.pop(MAP_MOVE, None)


def next_map_nudge() -> int:
    """0 and 1 in turn: added to a move's centre so that a repeated move still moves."""
    nudge = st.session_state.get(MAP_NUDGE, 0) ^ 1
    st.session_state[MAP_NUDGE] = nudge
    return nudge


def take_map_position() -> None:
    """Put the map position into the view when the user moved the map.

    ``st_folium`` reports centre and zoom after every move. The first report after the app
    drew or moved the map is where the app put it (a link's view, the fit to China or to a
    place) and is only remembered; a later, different one is the user's, and the link
    follows it. Positions are converted to WGS-84 here and never sent back to the map, so a
    GCJ-02 round trip cannot move it.
    """
    position = parse_position(st.session_state.get(W_MAP))
    if position is None or VIEW not in st.session_state:
        return
    seen = st.session_state.get(MAP_SEEN)
    st.session_state[MAP_SEEN] = position
    if seen is None or seen == position:
        return
    lat, lon = position.lat, position.lon
    if BASEMAPS[current_view().basemap].gcj02:
        lat, lon = gcj02_to_wgs84(lat, lon)
    zoom = min(max(round(position.zoom), ZOOM_RANGE[0]), ZOOM_RANGE[1])
    _change_view(lat=round(lat, 4), lon=round(lon, 4), zoom=zoom)


def update_view(view: ViewState) -> ViewState:
    """Store the view built from the widgets this run and print it into the URL."""
    st.session_state[VIEW] = view
    write_url(view)
    return view


def write_url(view: ViewState) -> None:
    """Replace the query string with the view's, only when it differs (no extra reruns)."""
    wanted = to_query(view)
    if _query_dict() != wanted:
        st.query_params.from_dict(wanted)


def current_view() -> ViewState:
    return st.session_state[VIEW]


def select_place(place_id: str | None, fit: bool = True) -> None:
    """Select a place (or clear the selection) from any control; with ``fit``, also move the
    map to show it (choosing from a list, a link), not for a click on the map itself."""
    if fit and place_id:
        _change_view(place=place_id, lat=None, lon=None, zoom=None)
        move_map(("place", place_id))
    else:
        _change_view(place=place_id)


def _change_view(**changes: object) -> None:
    # A callback can run before the session has a view (a browser reconnecting with
    # widget values); the restoring run applies the change once the view exists.
    if VIEW in st.session_state:
        st.session_state[VIEW] = replace(st.session_state[VIEW], **changes)


def selection_view(dataset: Dataset) -> ViewState:
    """The view at the start of the map page's selection fragment.

    On a full run the page has done this already (a no-op here); when only the fragment
    reruns, a new map click is taken and the link follows the selection.
    """
    take_map_click(dataset.places.index)
    view = current_view()
    write_url(view)
    return view


def take_map_click(known: Container[str]) -> None:
    """Select the place a new map click reported, before anything is drawn.

    The browser sends the map's new value with the rerun the click causes, so the
    view, map and panel show the selection in that one run.
    """
    last = st.session_state.get(LAST_CLICK_COUNT)
    click = parse_click(st.session_state.get(W_MAP), known, last)
    if click is not None:
        st.session_state[LAST_CLICK_COUNT] = click.count
        select_place(click.place_id, fit=False)
    take_map_position()


def found_place() -> None:
    """on_change of "Find a place": select it, and show it on the map page."""
    if VIEW not in st.session_state:
        return  # see _change_view
    place = st.session_state.get(W_FIND)
    if place:
        select_place(place)
        st.session_state[JUMP_TO_MAP] = True
    st.session_state[W_FIND] = None


def found_place_after_drawing(place: str) -> None:
    """As :func:`found_place`, once the box is drawn: it is emptied on the next run."""
    select_place(place)
    st.session_state[JUMP_TO_MAP] = True
    st.session_state[EMPTY_FIND] = True


def empty_find_if_asked() -> None:
    if st.session_state.pop(EMPTY_FIND, False):
        st.session_state[W_FIND] = None


def open_on_map(place_id: str) -> None:
    """Select a place from another page and show it on the map page (as "Go to a place")."""
    select_place(place_id)
    st.session_state[JUMP_TO_MAP] = True


def take_jump_to_map() -> bool:
    """True once after a place was found from another page."""
    return bool(st.session_state.pop(JUMP_TO_MAP, False))


def set_compare(places: tuple[str, ...]) -> None:
    _change_view(compare=places)


def radius_changed() -> None:
    _change_view(radius=st.session_state[W_RADIUS])


def ensure_widget(key: str, value: object) -> None:
    """Seed a page's own widget from the view when it was not drawn on the last run
    (Streamlit forgets a widget's state when another page is shown)."""
    if key not in st.session_state and not restoring():
        st.session_state[key] = value


def arrive_on_page(name: str, options: ViewOptions) -> None:
    """Re-seed the widgets from the view when the user comes from another page.

    Streamlit forgets a widget's value when a page that does not draw it runs, and
    widgets are per page; the view (plain session state) is what survives. A link inside
    the app (``st.page_link`` with the view in its query, e.g. a place on the Programmes
    page) arrives with that view in the URL: it is the view the user asked for. The page
    list in the sidebar arrives with an empty query and keeps the session's view.
    """
    state = st.session_state
    if state.get(PAGE) not in (None, name):
        params = _query_dict()
        if params:
            asked, _ignored = parse_query(params, options)
            if "lang" not in params:
                asked = replace(asked, lang=state[VIEW].lang)
            state[VIEW] = asked
        view = state[VIEW]
        seed_widgets(view, options)
        state[W_LANG] = view.lang
        if name == "map":  # a new map: show the view's position or place again
            move_map_to_view(view)
    state[PAGE] = name

"""What a person does on the map, for browser tests: find where a place is drawn, click or
tap there, read the panel. Pixels come from the map's own ``latLngToContainerPoint``."""

from __future__ import annotations

from tests.browser import IDLE, MAP_FRAME

# Page pixel (relative to the map's iframe) where a place is drawn: a point's centre, with
# the pixel offset of a park or town drawn beside its city; for a shape, `inside` (a
# [lat, lon] within it) is given by the test. Null if the place is not drawn.
DRAWN_AT = """([id, inside]) => {
  const map = window.map, box = map.getContainer().getBoundingClientRect();
  let found = null;
  map.eachLayer((layer) => {
    const f = layer.feature;
    if (!found && f && f.properties && f.properties.id === id) found = layer;
  });
  if (!found) return null;
  let point;
  if (found.getLatLng) {
    point = map.latLngToContainerPoint(found.getLatLng());
    const offset = found.feature.properties.offset;
    if (offset) point = point.add(L.point(offset[0], offset[1]));
  } else {
    point = map.latLngToContainerPoint(L.latLng(inside[0], inside[1]));
  }
  const size = map.getSize();
  const onMap = point.x >= 0 && point.y >= 0 && point.x <= size.x && point.y <= size.y;
  return {x: box.left + point.x, y: box.top + point.y, onMap};
}"""


def map_frame(session):
    return session.page.locator(MAP_FRAME).element_handle().content_frame()


def wait_for_map(session) -> None:
    session.page.wait_for_selector(IDLE, timeout=60_000)
    map_frame(session).wait_for_function(
        "() => window.map && window.atlasMap && "
        "Object.values(window.map._layers).some(l => l.feature && l.feature.properties.id)",
        timeout=60_000,
    )


def open_map(session, query: str = "") -> None:
    session.page.goto(f"{session.origin}/{'?' + query if query else ''}")
    wait_for_map(session)
    session.page.wait_for_timeout(400)  # past the map's own moves after loading
    session.page.wait_for_selector(IDLE, timeout=60_000)


def page_pixel(session, place_id: str, inside: tuple[float, float] | None = None):
    """Where ``place_id`` is drawn, in page pixels; asserts it is on the visible map."""
    frame, where = map_frame(session), [place_id, list(inside or (0, 0))]
    spot = frame.evaluate(DRAWN_AT, where)
    for _ in range(20):  # until the map stands still (it may still be moving to a link's view)
        session.page.wait_for_timeout(150)
        again = frame.evaluate(DRAWN_AT, where)
        if again == spot:
            break
        spot = again
    assert spot is not None, f"{place_id} is not drawn"
    assert spot["onMap"], f"{place_id} is outside the visible map"
    frame_box = session.page.locator(MAP_FRAME).bounding_box()
    return frame_box["x"] + spot["x"], frame_box["y"] + spot["y"]


def click_at_place(session, place_id: str, inside: tuple[float, float] | None = None) -> None:
    session.page.locator(MAP_FRAME).scroll_into_view_if_needed()  # a person looks first
    x, y = page_pixel(session, place_id, inside)
    session.page.mouse.click(x, y)


def tap_at_place(session, place_id: str, inside: tuple[float, float] | None = None) -> None:
    session.page.locator(MAP_FRAME).scroll_into_view_if_needed()
    x, y = page_pixel(session, place_id, inside)
    session.page.touchscreen.tap(x, y)


def chooser_buttons(session):
    """The buttons of the list a tap on several markers offers, inside the map's iframe."""
    return session.page.frame_locator(MAP_FRAME).locator(".atlas-chooser button")


def panel_heading(session, starts_with: str) -> str:
    """Wait until the panel's heading starts with ``starts_with``; return the heading."""
    session.page.wait_for_function(
        "(s) => (document.querySelector('.st-key-place_panel h3')?.innerText || '').startsWith(s)",
        arg=starts_with,
        timeout=30_000,
    )
    return session.page.locator(".st-key-place_panel h3").first.inner_text()

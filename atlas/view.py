"""The view state and its URL form.

The query string is a public interface (documented in the README): one pure
function turns parameters into a :class:`ViewState` plus notices about what was
dropped, and :func:`to_query` prints a state back, leaving defaults out so links
stay short.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

FOCUS_VALUES = ("mitigation", "adaptation")
LANGUAGES = ("en", "zh")
BASEMAPS = ("none", "osm", "positron", "autonavi", "tianditu")
KEYLESS_BASEMAPS = ("none", "osm", "positron", "autonavi")
DEFAULT_BASEMAP = "osm"
DEFAULT_LANGUAGE = "en"
ZOOM_RANGE = (3, 12)
# The order of keys in a printed URL; also the list of every known parameter.
PARAMETERS = (
    "place",
    "family",
    "programme",
    "batch",
    "province",
    "from",
    "to",
    "focus",
    "q",
    "lang",
    "basemap",
    "lat",
    "lon",
    "zoom",
    "compare",
    "radius",
)
MAX_SEARCH_LENGTH = 100
MAX_COMPARED = 4
RADII_KM = (50, 100, 200, 500)
DEFAULT_RADIUS_KM = 200


@dataclass(frozen=True)
class ViewState:
    """Everything a link can say about what the user sees."""

    place: str | None = None
    families: tuple[str, ...] = ()  # programme families (programmes.csv ``family``)
    programmes: tuple[str, ...] = ()
    batches: tuple[str, ...] = ()  # tokens "programme:batch", e.g. "low-carbon-pilot:2"
    province: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    focus: str | None = None
    search: str = ""
    lang: str = DEFAULT_LANGUAGE
    basemap: str = DEFAULT_BASEMAP
    lat: float | None = None
    lon: float | None = None
    zoom: int | None = None
    compare: tuple[str, ...] = ()  # places side by side on the compare page, in link order
    radius: int = DEFAULT_RADIUS_KM  # "nearby pilots" distance in the panel

    def with_place(self, place: str | None) -> ViewState:
        """The same view with another place selected."""
        return replace(self, place=place)


@dataclass(frozen=True)
class ViewOptions:
    """What values are valid, derived from the dataset."""

    places: frozenset[str]
    programmes: tuple[str, ...]
    batches: tuple[str, ...]
    provinces: frozenset[str]
    years: tuple[int, int]
    basemaps: tuple[str, ...] = KEYLESS_BASEMAPS
    families: tuple[str, ...] = ()  # the programme families that have places
    programme_families: tuple[str, ...] = ()  # the family of each of ``programmes`` ("" none)

    def family_of(self, programme: str) -> str:
        """The family of a programme ("" if it has none or is unknown)."""
        if programme in self.programmes and len(self.programme_families) == len(self.programmes):
            return self.programme_families[self.programmes.index(programme)]
        return ""

    def programmes_of(self, families: Sequence[str]) -> tuple[str, ...]:
        """The programmes a family choice offers: those of ``families``, or all if empty."""
        if not families:
            return self.programmes
        return tuple(p for p in self.programmes if self.family_of(p) in families)


# Why a parameter was ignored: a code (also a message-catalogue key, notice.<code>)
# and its English text, used on the command line and in logs.
REASONS = {
    "unknown-parameter": "unknown parameter",
    "only-one": "only one value is allowed",
    "no-such-value": "no such {what}",
    "not-a-year": "not a year from {low} to {high}",
    "not-a-number": "not a number from {low} to {high}",
    "earlier-than-from": "earlier than from={year}",
    "too-long": "longer than {limit} characters",
    "lat-lon-together": "lat and lon go together",
    "too-many": "at most {limit} values",
    "outside-family": "not in the chosen programme families",
}


@dataclass(frozen=True)
class Notice:
    """A query parameter that was ignored, and why (``reason`` is a key of REASONS)."""

    parameter: str
    value: str
    reason: str
    detail: tuple[tuple[str, str], ...] = ()

    @property
    def shown_value(self) -> str:
        """The value, shortened so a hostile link cannot flood the page."""
        return self.value if len(self.value) <= 40 else self.value[:37] + "..."

    def __str__(self) -> str:
        reason = REASONS[self.reason].format(**dict(self.detail))
        return f"Ignored {self.parameter}={self.shown_value!r}: {reason}."


@dataclass
class _Parser:
    params: Mapping[str, Sequence[str]]
    options: ViewOptions
    notices: list[Notice] = field(default_factory=list)

    def values(self, key: str) -> list[str]:
        raw = self.params.get(key, ())
        if isinstance(raw, str):
            raw = [raw]
        return [v.strip() for v in raw if v is not None and v.strip()]

    def single(self, key: str) -> str | None:
        values = self.values(key)
        for extra in values[1:]:
            self.notices.append(Notice(key, extra, "only-one"))
        return values[0] if values else None

    def choice(self, key: str, valid: Sequence[str] | frozenset[str], what: str) -> str | None:
        value = self.single(key)
        if value is None:
            return None
        if value in valid:
            return value
        self.notices.append(Notice(key, value, "no-such-value", (("what", what),)))
        return None

    def many(self, key: str, valid: Sequence[str], what: str) -> tuple[str, ...]:
        chosen: list[str] = []
        for value in self.values(key):
            if value not in valid:
                self.notices.append(Notice(key, value, "no-such-value", (("what", what),)))
            elif value not in chosen:
                chosen.append(value)
        # Canonical order, so equal views print equal URLs.
        return tuple(v for v in valid if v in chosen)

    def year(self, key: str) -> int | None:
        value = self.single(key)
        if value is None:
            return None
        low, high = self.options.years
        if not re.fullmatch(r"[0-9]{4}", value) or not low <= int(value) <= high:
            self.notices.append(
                Notice(key, value, "not-a-year", (("low", str(low)), ("high", str(high))))
            )
            return None
        return int(value)

    def number(self, key: str, low: float, high: float) -> float | None:
        value = self.single(key)
        if value is None:
            return None
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not (math.isfinite(number) and low <= number <= high):
            detail = (("low", f"{low:g}"), ("high", f"{high:g}"))
            self.notices.append(Notice(key, value, "not-a-number", detail))
            return None
        return round(number, 4)


def _programme_in(key: str, value: str) -> str:
    """The programme a ``programme`` value or a ``batch`` token ("programme:batch") names."""
    return value.rpartition(":")[0] if key == "batch" else value


def parse_query(
    params: Mapping[str, Sequence[str]], options: ViewOptions
) -> tuple[ViewState, list[Notice]]:
    """Turn query parameters into a view state; never raises.

    ``params`` maps each key to all its values (as ``st.query_params.to_dict``
    would give with ``get_all``). Unknown keys and invalid values are dropped and
    reported as notices; everything else in the link still applies.
    """
    p = _Parser(params, options)
    for key in params:
        if key not in PARAMETERS and key != "embed" and not key.startswith("embed_"):
            p.notices.append(Notice(key, ",".join(p.values(key)), "unknown-parameter"))
    families = p.many("family", options.families, "family")
    programmes = p.many("programme", options.programmes, "programme")
    batches = p.many("batch", options.batches, "batch")
    if families:  # a programme or batch outside the chosen families would contradict them
        offered = options.programmes_of(families)
        for key, values in (("programme", programmes), ("batch", batches)):
            for value in values:
                if _programme_in(key, value) not in offered:
                    p.notices.append(Notice(key, value, "outside-family"))
        programmes = tuple(v for v in programmes if v in offered)
        batches = tuple(v for v in batches if _programme_in("batch", v) in offered)
    year_from, year_to = p.year("from"), p.year("to")
    if year_from is not None and year_to is not None and year_from > year_to:
        p.notices.append(
            Notice("to", str(year_to), "earlier-than-from", (("year", str(year_from)),))
        )
        year_to = None
    search = p.single("q") or ""
    if len(search) > MAX_SEARCH_LENGTH:
        p.notices.append(Notice("q", search, "too-long", (("limit", str(MAX_SEARCH_LENGTH)),)))
        search = ""
    lat = p.number("lat", -90, 90)
    lon = p.number("lon", -180, 180)
    zoom_value = p.number("zoom", *ZOOM_RANGE)
    if (lat is None) != (lon is None):
        p.notices.append(Notice("lat" if lat is not None else "lon", "", "lat-lon-together"))
        lat = lon = None
    compare: list[str] = []
    for value in p.values("compare"):
        if value not in options.places:
            p.notices.append(Notice("compare", value, "no-such-value", (("what", "place"),)))
        elif value not in compare:
            compare.append(value)
    for extra in compare[MAX_COMPARED:]:
        p.notices.append(Notice("compare", extra, "too-many", (("limit", str(MAX_COMPARED)),)))
    radius = p.choice("radius", [str(r) for r in RADII_KM], "radius")
    state = ViewState(
        place=p.choice("place", options.places, "place"),
        families=families,
        programmes=programmes,
        batches=batches,
        province=p.choice("province", options.provinces, "province"),
        year_from=year_from,
        year_to=year_to,
        focus=p.choice("focus", FOCUS_VALUES, "focus"),
        search=search,
        lang=p.choice("lang", LANGUAGES, "language") or DEFAULT_LANGUAGE,
        basemap=p.choice("basemap", options.basemaps, "basemap") or DEFAULT_BASEMAP,
        lat=lat,
        lon=lon,
        zoom=int(zoom_value) if zoom_value is not None else None,
        compare=tuple(compare[:MAX_COMPARED]),
        radius=int(radius) if radius else DEFAULT_RADIUS_KM,
    )
    return state, p.notices


def to_query(state: ViewState) -> dict[str, list[str]]:
    """Print a view state as query parameters, defaults left out, keys in a fixed order."""
    out: dict[str, list[str]] = {}

    def put(key: str, *values: object) -> None:
        kept = [str(v) for v in values if v not in (None, "")]
        if kept:
            out[key] = kept

    put("place", state.place)
    put("family", *state.families)
    put("programme", *state.programmes)
    put("batch", *state.batches)
    put("province", state.province)
    put("from", state.year_from)
    put("to", state.year_to)
    put("focus", state.focus)
    put("q", state.search)
    if state.lang != DEFAULT_LANGUAGE:
        put("lang", state.lang)
    if state.basemap != DEFAULT_BASEMAP:
        put("basemap", state.basemap)
    if state.lat is not None and state.lon is not None:
        put("lat", f"{state.lat:.4f}")
        put("lon", f"{state.lon:.4f}")
    put("zoom", state.zoom)
    put("compare", *state.compare)
    if state.radius != DEFAULT_RADIUS_KM:
        put("radius", state.radius)
    return out

"""Geocode places whose location is missing or only their city's point.

A data-maintenance command, never run by the app::

    python -m atlas.geocode [--data DIR] [--dry-run]

It asks Nominatim (through geopy) for places with no coordinates or with
``coord_method=parent`` (parks and towns drawn at their city's point), at most
one request a second, with a descriptive user agent, and keeps every answer
(including "no result") in ``geo/geocode_cache.json`` beside the data, which is
committed so that a rerun asks nothing it has asked before. A result is used
only if it falls inside the place's province; rows located from boundaries are
never touched, and nothing else in a row changes.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from atlas.dataset import DEFAULT_DATA_DIR, split_list
from atlas.geo import GEO_DIR, PROVINCES_FILE
from atlas.geometry import read_rows, write_rows

CACHE_FILE = "geocode_cache.json"
USER_AGENT = "china-climate-pilot-atlas-geocoder/0.2 (data maintenance; see data/README.md)"
CANDIDATE_METHODS = ("", "parent")
PUBLIC_NOMINATIM = "nominatim.openstreetmap.org"


@dataclass
class GeocodeReport:
    """What a run did, place by place."""

    located: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (place, why)
    outside: list[str] = field(default_factory=list)
    requests: int = 0

    def lines(self) -> list[str]:
        out = [f"located {len(self.located)}: {', '.join(self.located) or '-'}"]
        out += [f"no result for {name}" for name in self.not_found]
        out += [f"failed for {name}: {why}" for name, why in self.failed]
        out += [f"result outside its province, not used: {name}" for name in self.outside]
        out.append(f"{self.requests} request(s) sent")
        return out


def query_for(place: dict[str, str], provinces: dict[str, str]) -> str:
    """The search text: the place, the city it is in, its province, China (in Chinese)."""
    parts = [place["name_zh"], place.get("within_zh", "")]
    parts += [provinces.get(p, "") for p in split_list(place["province"])]
    parts.append("中国")
    return ", ".join(p for p in parts if p)


def _inside_province(data_dir: Path) -> Callable[[str, float, float], bool]:
    """A test of whether a point lies in a province (always true without shapes or shapely)."""
    path = data_dir / GEO_DIR / PROVINCES_FILE
    try:
        from shapely.geometry import Point, shape
    except ModuleNotFoundError:
        return lambda _p, _lat, _lon: True
    if not path.exists():
        return lambda _p, _lat, _lon: True
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    shapes = {f["properties"]["id"]: shape(f["geometry"]).buffer(0.05) for f in features}
    return lambda p, lat, lon: p not in shapes or shapes[p].contains(Point(lon, lat))


def geocode_places(
    data_dir: Path,
    geocode: Callable[[str], Any],
    dry_run: bool = False,
) -> GeocodeReport:
    """Fill coordinates from ``geocode`` (a geopy-style callable) and the cache.

    ``geocode(query)`` returns an object with ``latitude``/``longitude`` or ``None``,
    and may raise (timeouts, service errors): such a place is reported and left as it was.
    """
    places_path = data_dir / "places.csv"
    cache_path = data_dir / GEO_DIR / CACHE_FILE
    cache: dict[str, Any] = (
        json.loads(cache_path.read_text(encoding="utf-8")) if cache_path.exists() else {}
    )
    header, rows = read_rows(places_path)
    with (data_dir / "provinces.csv").open(encoding="utf-8-sig", newline="") as handle:
        provinces = {r["id"]: r["name_zh"] for r in csv.DictReader(handle)}
    inside = _inside_province(data_dir)
    report = GeocodeReport()
    for place in rows:
        if place.get("coord_method", "").strip() not in CANDIDATE_METHODS:
            continue
        query = query_for(place, provinces)
        if query not in cache:
            report.requests += 1
            try:
                result = geocode(query)
            except Exception as exc:
                report.failed.append((place["id"], f"{type(exc).__name__}: {exc}"))
                continue
            cache[query] = (
                None
                if result is None
                else {
                    "lat": round(float(result.latitude), 5),
                    "lon": round(float(result.longitude), 5),
                }
            )
        hit = cache[query]
        if hit is None:
            report.not_found.append(place["id"])
            continue
        if not any(inside(p, hit["lat"], hit["lon"]) for p in split_list(place["province"])):
            report.outside.append(place["id"])
            continue
        place["lat"], place["lon"] = f"{hit['lat']:.4f}", f"{hit['lon']:.4f}"
        place["coord_method"] = "geocoded"
        report.located.append(place["id"])
    if not dry_run:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        cache_path.write_text(
            json.dumps(cache, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        if report.located:
            write_rows(places_path, header, rows)
    return report


def nominatim(
    domain: str = PUBLIC_NOMINATIM,
    scheme: str = "https",
    user_agent: str = USER_AGENT,
    timeout: float = 10,
    min_delay: float = 1.0,
    error_wait: float = 5.0,
) -> Callable[[str], Any]:
    """A rate-limited Nominatim lookup (Nominatim's policy: at most one request a second)."""
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    service = Nominatim(user_agent=user_agent, domain=domain, scheme=scheme, timeout=timeout)
    limited = RateLimiter(
        service.geocode,
        min_delay_seconds=min_delay,
        max_retries=1,
        error_wait_seconds=error_wait,
        swallow_exceptions=False,
    )
    return lambda query: limited(query, exactly_one=True, country_codes="cn", language="zh")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m atlas.geocode", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data folder")
    parser.add_argument("--domain", default=PUBLIC_NOMINATIM)
    parser.add_argument("--scheme", default="https", choices=("http", "https"))
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--min-delay", type=float, default=1.0, help="seconds between requests")
    parser.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    args = parser.parse_args(argv)
    delay = args.min_delay
    if args.domain == PUBLIC_NOMINATIM:
        delay = max(delay, 1.0)  # its usage policy: at most one request a second
    lookup = nominatim(args.domain, args.scheme, timeout=args.timeout, min_delay=delay)
    report = geocode_places(args.data, lookup, dry_run=args.dry_run)
    for line in report.lines():
        print(line)
    return 1 if report.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

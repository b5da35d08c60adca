"""The geocoding command against a fake Nominatim on loopback: no network in tests."""

from __future__ import annotations

import csv
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest

from atlas.geocode import geocode_places, main, nominatim
from tests.factory import PLACES, place, write_dataset

ANSWERS = {
    "武汉花山生态新城": [{"lat": "30.5411", "lon": "114.5386", "display_name": "花山"}],
    "远方园区": [{"lat": "39.90", "lon": "116.40", "display_name": "北京"}],  # wrong province
}


class FakeNominatim(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        text = query.get("q", [""])[0]
        FakeNominatim.requests.append(text)
        assert "china-climate-pilot-atlas" in self.headers["User-Agent"]
        if text.startswith("慢园区"):
            time.sleep(1.5)
        name = text.split(",")[0]
        body = json.dumps(ANSWERS.get(name, [])).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    FakeNominatim.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def dataset(tmp_path: Path) -> Path:
    rows = [
        *PLACES,
        place(
            "huashan",
            "Huashan",
            "武汉花山生态新城",
            level="town",
            coord_method="parent",
            within_zh="武汉市",
        ),
        place("faraway", "Far", "远方园区", level="park", coord_method="parent"),
        place("nowhere", "Nowhere", "无名园区", level="park", coord_method="parent"),
        place("slow", "Slow", "慢园区", level="park", coord_method="parent"),
    ]
    directory = write_dataset(tmp_path, places=rows)
    hubei = [[[108.0, 29.0], [116.2, 29.0], [116.2, 33.3], [108.0, 33.3], [108.0, 29.0]]]
    feature = {
        "type": "Feature",
        "properties": {"id": "hubei"},
        "geometry": {"type": "Polygon", "coordinates": hubei},
    }
    (directory / "geo").mkdir()
    (directory / "geo" / "provinces.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8"
    )
    return directory


def rows(directory: Path) -> dict[str, dict[str, str]]:
    with (directory / "places.csv").open(encoding="utf-8") as handle:
        return {r["id"]: r for r in csv.DictReader(handle)}


def test_geocodes_reports_failures_and_keeps_everything_else(tmp_path: Path, server: str) -> None:
    directory = dataset(tmp_path)
    before = rows(directory)
    lookup = nominatim(domain=server, scheme="http", timeout=0.5, min_delay=0, error_wait=0)
    report = geocode_places(directory, lookup)
    after = rows(directory)
    assert report.located == ["huashan"]
    assert (after["huashan"]["lat"], after["huashan"]["lon"]) == ("30.5411", "114.5386")
    assert after["huashan"]["coord_method"] == "geocoded"
    assert report.not_found == ["nowhere"]
    assert report.outside == ["faraway"]
    assert [name for name, _ in report.failed] == ["slow"]
    assert "Timed" in report.failed[0][1] or "timed out" in report.failed[0][1].lower()
    # Nothing else changed: every other row, and every other column of huashan.
    for pid, row in before.items():
        if pid != "huashan":
            assert after[pid] == row
    changed = {k for k in row if before["huashan"][k] != after["huashan"][k]}
    assert changed == {"lat", "lon", "coord_method"}
    assert FakeNominatim.requests[0] == "武汉花山生态新城, 武汉市, 湖北省, 中国"


def test_cache_is_reused(tmp_path: Path, server: str) -> None:
    directory = dataset(tmp_path)
    lookup = nominatim(domain=server, scheme="http", timeout=0.5, min_delay=0, error_wait=0)
    geocode_places(directory, lookup)
    report = geocode_places(directory, lookup)
    # Only the timed-out place is asked again; answers and "no result" come from the cache.
    assert report.requests == 1
    for name in ("武汉花山生态新城", "远方园区", "无名园区"):
        assert sum(q.startswith(name) for q in FakeNominatim.requests) == 1
    cache = json.loads((directory / "geo" / "geocode_cache.json").read_text(encoding="utf-8"))
    assert cache["无名园区, 湖北省, 中国"] is None


def test_dry_run_writes_nothing(tmp_path: Path, server: str) -> None:
    directory = dataset(tmp_path)
    before = (directory / "places.csv").read_bytes()
    lookup = nominatim(domain=server, scheme="http", timeout=0.5, min_delay=0, error_wait=0)
    geocode_places(directory, lookup, dry_run=True)
    assert (directory / "places.csv").read_bytes() == before
    assert not (directory / "geo" / "geocode_cache.json").exists()


def test_command_line(tmp_path: Path, server: str, capsys: pytest.CaptureFixture) -> None:
    directory = dataset(tmp_path)
    code = main(
        [
            "--data",
            str(directory),
            "--domain",
            server,
            "--scheme",
            "http",
            "--timeout",
            "0.5",
            "--min-delay",
            "0",
        ]
    )
    out = capsys.readouterr().out
    assert code == 1  # the timeout is a failure worth a non-zero exit
    assert "located 1: huashan" in out and "no result for nowhere" in out
    assert "failed for slow" in out


def test_unreachable_service_loses_nothing(tmp_path: Path) -> None:
    directory = dataset(tmp_path)
    before = (directory / "places.csv").read_bytes()
    lookup = nominatim(domain="127.0.0.1:9", scheme="http", timeout=0.5, min_delay=0, error_wait=0)
    report = geocode_places(directory, lookup)
    assert len(report.failed) == 4
    assert (directory / "places.csv").read_bytes() == before

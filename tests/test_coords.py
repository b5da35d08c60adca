from __future__ import annotations

import math

import pytest

from atlas.coords import gcj02_to_wgs84, outside_china, wgs84_to_gcj02


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat = math.radians((a[0] + b[0]) / 2)
    dy = (a[0] - b[0]) * 111_320
    dx = (a[1] - b[1]) * 111_320 * math.cos(lat)
    return math.hypot(dx, dy)


@pytest.mark.parametrize(
    "point", [(39.9042, 116.4074), (22.5431, 114.0579), (30.5928, 114.3055), (29.65, 91.1)]
)
def test_offset_is_a_few_hundred_metres_inside_china(point: tuple[float, float]) -> None:
    shifted = wgs84_to_gcj02(*point)
    assert 50 < metres(point, shifted) < 800


@pytest.mark.parametrize("point", [(39.9042, 116.4074), (22.5431, 114.0579), (45.75, 126.65)])
def test_inverse_round_trips_to_a_centimetre(point: tuple[float, float]) -> None:
    back = gcj02_to_wgs84(*wgs84_to_gcj02(*point))
    assert metres(point, back) < 0.01


def test_no_offset_outside_china() -> None:
    assert outside_china(51.5, -0.12)
    assert wgs84_to_gcj02(51.5, -0.12) == (51.5, -0.12)
    assert gcj02_to_wgs84(51.5, -0.12) == (51.5, -0.12)


# Published reference pairs (WGS-84 -> GCJ-02) from the eviltransform test suites
# (googollee/eviltransform and its PHP port larryli/eviltransform): Shanghai, Shenzhen, Beijing.
REFERENCE = [
    ((31.1774276, 121.5272106), (31.17530398364597, 121.531541859215)),
    ((22.543847, 113.912316), (22.540796131694766, 113.9171764808363)),
    ((39.911954, 116.377817), (39.91334545536069, 116.38404722455657)),
]


@pytest.mark.parametrize(("wgs", "gcj"), REFERENCE)
def test_published_reference_points(wgs: tuple[float, float], gcj: tuple[float, float]) -> None:
    assert wgs84_to_gcj02(*wgs) == pytest.approx(gcj, abs=1e-9)
    assert metres(gcj02_to_wgs84(*gcj), wgs) < 0.001

"""AppTest runs of the Timeline and Overlaps charts, the nearby list and "Go to a place"
(issue 14, item 18): what each page sends to the browser, checked on the real data."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from tests.test_app import APP, ROOT


def _page(name: str, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page(str(ROOT / "app_pages" / f"{name}.py")).run()
    assert not at.exception, at.exception
    return at


def _specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def test_timeline_axis_has_every_year_in_order() -> None:
    spec = _specs(_page("timeline"))[0]
    domain = spec["encoding"]["x"]["scale"]["domain"]
    assert domain == list(range(domain[0], domain[-1] + 1))
    assert domain[0] == 2010 and 2013 in domain and {2018, 2019, 2020, 2021, 2022} <= set(domain)


def test_timeline_span_follows_the_filters() -> None:
    spec = _specs(_page("timeline", {"programme": "ets-pilot"}))[0]
    domain = spec["encoding"]["x"]["scale"]["domain"]
    assert domain == list(range(2011, domain[-1] + 1)) and len(domain) >= 2

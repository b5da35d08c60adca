"""Arbitrary links through the whole app (AppTest): no exception escapes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from atlas.view import PARAMETERS

ROOT = Path(__file__).resolve().parent.parent
KEYS = st.sampled_from([*PARAMETERS, "embed", "x"])
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "wuhan",
            "ets-pilot",
            "adaptation",
            "low-carbon-pilot:3",
            "hunan",
            "2017",
            "zh",
            "none",
            "30.5",
            "nan",
            "inf",
            "-1e999",
            "<script>alert(1)</script>",
            "${x}",
            "`",
        ]
    ),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, st.lists(VALUES, min_size=1, max_size=3), max_size=6))
def test_arbitrary_links_never_raise(params: dict[str, list[str]]) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, values in params.items():
        at.query_params[key] = values
    at.run()
    assert not at.exception, (params, at.exception)
    assert at.title  # the page rendered

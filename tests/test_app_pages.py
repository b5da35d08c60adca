"""AppTest runs of the Timeline and Overlaps charts, the nearby list and "Go to a place"
(issue 14, item 18): what each page sends to the browser, checked on the real data."""

from __future__ import annotations

import json

import pytest
from streamlit.proto.SelectWidgetFilterMode_pb2 import SelectWidgetFilterMode
from streamlit.testing.v1 import AppTest

from atlas.dataset import load_dataset
from tests.test_app import APP, ROOT, panel_title, run
from ui.state import W_NEARBY


def _page(name: str, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page(str(ROOT / "pages" / f"{name}.py")).run()
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


def _marks(spec: dict) -> list[str]:
    """Every mark type of a (possibly concatenated and layered) Vega-Lite spec."""
    found = []
    for part in [spec, *spec.get("vconcat", []), *spec.get("layer", [])]:
        if "mark" in part:
            mark = part["mark"]
            found.append(mark["type"] if isinstance(mark, dict) else mark)
        if part is not spec:
            found += _marks({"layer": part.get("layer", [])})
    return found


def test_overlaps_page_draws_an_upset_chart_in_the_interface_language() -> None:
    at = _page("overlaps", {"lang": "zh"})
    upset, pairs = _specs(at)
    assert len(upset["vconcat"]) == 2  # the bars above the dot matrix
    assert {"bar", "text", "circle", "line"} <= set(_marks(upset))
    assert upset["vconcat"][0]["title"]["text"] == "地点数"
    rows = pairs["layer"][0]["encoding"]["y"]["sort"]
    programmes = len(load_dataset(ROOT / "data").programmes)
    assert rows == list(range(1, programmes + 1))  # numbers; the names are listed below it
    key = next(c.value for c in at.caption if "低碳省区和低碳城市试点" in c.value)
    assert key.splitlines()[0].replace("\\", "").strip() == "1. 低碳省区和低碳城市试点"
    # The data travel with the chart (Streamlit serves vega-lite itself), never a URL.
    assert len(at.get("vega_lite_chart")[0].proto.datasets) == 4  # bars, dots, joins, names
    assert '"url"' not in json.dumps(upset)


def test_nearby_says_what_holds_a_place_and_what_it_holds_without_a_distance() -> None:
    at = run({"place": "wuhan", "radius": "200"})
    assert not at.exception
    within = at.button_group(key=f"{W_NEARBY}_within")
    inside = at.button_group(key=f"{W_NEARBY}_inside")
    assert within.label == "Within" and [str(o) for o in within.options] == ["Hubei (Province)"]
    assert {"Wuhan Qingshan Economic Development Zone", "Wuhan Huashan Eco New Town"} <= {
        str(o) for o in inside.options
    }
    listed = [str(o) for o in at.button_group(key=W_NEARBY).options]
    assert listed and not any(s.startswith(("Hubei", "Wuhan")) for s in listed)
    assert not any(s.startswith("0 km") for s in listed)
    assert listed[0].startswith("80 km · Xiaogan")  # the distance first, never cut off
    within.set_value("hubei").run()  # a containing region is one click away
    assert not at.exception
    assert panel_title(at).startswith("Hubei")


def test_a_park_shows_its_city_and_the_other_places_in_it() -> None:
    at = run({"place": "wuhan-qingshan-edz", "lang": "zh"})
    assert not at.exception
    within = at.button_group(key=f"{W_NEARBY}_within")
    assert [str(o) for o in within.options] == ["武汉市（城市）", "湖北省（省级）"]
    beside = at.button_group(key=f"{W_NEARBY}_beside")
    assert beside.label == "同在武汉市"
    # Every other place the data puts in Wuhan, and not the park itself.
    places = load_dataset(ROOT / "data").places
    others = places[(places["within_zh"] == "武汉市") & (places.index != "wuhan-qingshan-edz")]
    assert sorted(str(o) for o in beside.options) == sorted(others["name_zh"])
    assert "武汉花山生态新城" in [str(o) for o in beside.options]


def test_go_to_a_place_filters_by_a_part_of_a_name() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    find = at.selectbox(key="w_find")
    assert find.proto.filter_mode == SelectWidgetFilterMode.FILTER_MODE_CONTAINS
    labels = [str(o) for o in find.options]
    assert "Wuhan · 武汉市" in labels and "Hohhot · 呼和浩特市 · Huhehaote" in labels
    assert labels.index("Wuhan · 武汉市") < labels.index(
        "Wuhan Huashan Eco New Town · 武汉花山生态新城"
    )


PAGE_NAMES = [
    "map",
    "programmes",
    "timeline",
    "overlaps",
    "provinces",
    "compare",
    "targets",
    "about",
]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_page_draws_once_per_script_run(name, monkeypatch) -> None:
    # Under AppTest a page in pages/ may be run on its own and hand over to app.py
    # (ui/shell.py); either way one run draws the page once, with app.py's page list.
    import ui.page

    opened: list[str] = []
    real_open_page = ui.page.open_page

    def counting(page_name: str):
        opened.append(page_name)
        return real_open_page(page_name)

    monkeypatch.setattr(ui.page, "open_page", counting)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert opened == ["map"]
    at.switch_page(str(ROOT / "pages" / f"{name}.py")).run()
    assert not at.exception, at.exception
    assert opened == ["map", name]


@pytest.mark.parametrize(
    ("lang", "zero_carbon", "about_line"),
    [
        (
            "en",
            "Batch 1: the official list names 52; 21 of them are in the atlas so far",
            "National zero-carbon parks, batch 1: 21 of 52 in the atlas",
        ),
        (
            "zh",
            "第1批官方名单共52个，本图集目前收录21个",
            "国家级零碳园区 · 第1批：已收录21个，官方名单共52个",
        ),
    ],
)
def test_partial_official_lists_say_how_much_of_them_the_atlas_holds(
    lang: str, zero_carbon: str, about_line: str
) -> None:
    # A researcher must not take 21 zero-carbon parks for the whole list of 52.
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(str(ROOT / "pages" / "programmes.py")).run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any(c.startswith(zero_carbon) for c in captions), captions
    # One such line per partial list (6), none for a complete one such as the 23
    # climate-finance pilots.
    partial = [c for c in captions if c.endswith(("yet).", "来源）。"))]
    assert len(partial) == 6, partial
    assert not any("23" in c for c in partial)
    at.switch_page(str(ROOT / "pages" / "about.py")).run()
    lines = [
        line.removeprefix("- ").replace("\\", "")
        for m in at.markdown
        for line in m.value.splitlines()
    ]
    assert about_line in lines  # (Markdown escapes removed)

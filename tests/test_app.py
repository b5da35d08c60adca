"""AppTest runs of every page. A map click is simulated as the browser reports it: the
map's value (``st_folium``'s return value) arrives in session state before the rerun."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from atlas.dataset import load_dataset
from tests.factory import place, write_dataset
from ui.state import W_MAP, W_NEARBY, W_NEARBY_OPEN, W_SHARE, W_TABLE

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


def run(
    params: dict[str, str | list[str]] | None = None,
    clicks: list | None = None,
    open_panels: bool = True,
) -> AppTest:
    """Run the app with ``params`` in the URL, then once per click (st_folium values).
    ``open_panels``: the table and share panels open, as if the user had opened them."""
    at = AppTest.from_file(APP, default_timeout=60)
    if open_panels:
        at.session_state[W_TABLE] = True
        at.session_state[W_SHARE] = True
        at.session_state[W_NEARBY_OPEN] = True
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    for value in clicks or []:
        map_click(at, value)
    return at


def map_click(at: AppTest, value: dict) -> None:
    """What a click on the map does: the browser sends the map's new value and reruns."""
    at.session_state[W_MAP] = value
    at.run()


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [s.value for s in at.subheader]
    parts += (
        [c.value for c in at.caption] + [w.value for w in at.warning] + [i.value for i in at.info]
    )
    return "\n".join(str(p) for p in parts)


def panel_title(at: AppTest) -> str:
    """The place panel's heading as written: its text is one Markdown element that opens
    with it ('### Wuhan · 武汉市')."""
    for element in at.markdown:
        if element.value.startswith("### "):
            return element.value.split("\n", 1)[0].removeprefix("### ")
    raise AssertionError("no place panel on the page")


def click(place_id: str, count: int) -> dict:
    return {
        "last_active_drawing": {"properties": {"id": place_id}},
        "last_object_clicked_count": count,
    }


def test_map_page_renders_with_all_places() -> None:
    at = run()
    assert not at.exception
    assert at.title[0].value == "China Climate Pilot Atlas"
    assert "places shown" in texts(at)
    assert at.info[0].value.startswith("Click a marker")
    table = at.dataframe[0].value
    assert {"shenzhen", "wuhan", "qingdao", "lishui", "zhenjiang", "hunan"} <= set(table.index)


def test_deep_link_opens_the_panel() -> None:
    at = run({"place": "wuhan"})
    assert not at.exception
    assert panel_title(at).startswith("Wuhan")
    body = texts(at)
    assert "Mitigation: cutting emissions" in body
    assert "Adaptation: preparing for climate impacts" in body
    assert "Low\\-carbon province and city pilots" in body


def test_click_on_the_map_selects_a_place_and_a_second_click_is_seen() -> None:
    at = run(clicks=[click("shenzhen", 1)])
    assert panel_title(at).startswith("Shenzhen")
    assert at.query_params["place"] == "shenzhen"
    # Select another place from the picker, then click Shenzhen again (same id, new count).
    at.selectbox(key="w_place_picker").set_value("wuhan").run()
    assert panel_title(at).startswith("Wuhan")
    map_click(at, click("shenzhen", 2))
    assert panel_title(at).startswith("Shenzhen")


def test_stale_click_does_not_override_a_new_selection() -> None:
    at = run(clicks=[click("shenzhen", 1)])
    at.selectbox(key="w_place_picker").set_value("wuhan").run()
    map_click(at, click("shenzhen", 1))
    assert panel_title(at).startswith("Wuhan")


def test_programme_filter_changes_table_counts_and_url() -> None:
    at = run()
    all_rows = len(at.dataframe[0].value)
    at.multiselect(key="w_programmes").set_value(["ets-pilot"]).run()
    shown = at.dataframe[0].value
    assert 7 <= len(shown) <= 8 < all_rows
    assert {"shenzhen", "beijing", "hubei"} <= set(shown.index)
    assert at.query_params["programme"] == "ets-pilot"


def _places_by_family() -> tuple[int, dict[str, int], int]:
    """Counted from the CSV files with the csv module (not the atlas's code): places, places
    in each family's programmes, places in the low-carbon pilots."""
    import csv

    def rows(name: str) -> list[dict[str, str]]:
        with (ROOT / "data" / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    family = {r["id"]: r["family"] for r in rows("programmes.csv")}
    members: dict[str, set[str]] = {}
    low_carbon = set()
    for m in rows("memberships.csv"):
        members.setdefault(family[m["programme"]], set()).add(m["place_id"])
        if m["programme"] == "low-carbon-pilot":
            low_carbon.add(m["place_id"])
    sizes = {f: len(ids) for f, ids in members.items()}
    return len(rows("places.csv")), sizes, len(low_carbon)


def test_a_programme_family_narrows_the_map_the_programmes_and_the_link() -> None:
    total, sizes, low_carbon = _places_by_family()
    at = run()
    family = at.multiselect(key="w_families")
    assert family.options == [
        f"Low-carbon · {sizes['low-carbon']} places",
        f"Adaptation · {sizes['adaptation']} places",
        f"Markets and finance · {sizes['markets-finance']} places",
        f"Peaking and zero-carbon · {sizes['peaking-zero-carbon']} places",
    ]
    at.multiselect(key="w_programmes").set_value(["low-carbon-pilot"]).run()
    assert at.markdown[0].value.startswith(f"**{low_carbon}** of {total}")
    family.set_value(["markets-finance"]).run()
    assert not at.exception
    # Counted by hand in memberships.csv: 8 ETS pilots and 23 climate-finance pilots, none in
    # both. The summary counts each programme, as it does for a few chosen programmes.
    summary = at.markdown[0].value
    assert summary.startswith(f"**31** of {total} places shown"), summary
    assert "Regional emissions\\-trading pilots: 8" in summary
    assert "Climate investment and financing pilots: 23" in summary
    assert len(at.dataframe[0].value) == 31
    programmes = at.multiselect(key="w_programmes")
    assert programmes.options == [
        "Regional emissions-trading pilots",
        "Climate investment and financing pilots",
    ]
    # The low-carbon pilots are outside the family: dropped from the choice, not shown.
    assert programmes.value == []
    assert at.query_params["family"] == "markets-finance"
    assert "programme" not in at.query_params
    # A programme chosen inside the family narrows it to that programme.
    programmes.set_value(["ets-pilot"]).run()
    assert at.markdown[0].value.startswith(f"**8** of {total}")
    assert at.query_params["programme"] == "ets-pilot"
    assert "regional initiatives" in texts(at)
    at.button(key="w_reset").click().run()
    assert at.multiselect(key="w_families").value == []
    assert not {"family", "programme"} & set(at.query_params)
    assert at.markdown[0].value.startswith(f"**{total}** of {total}")
    assert len(at.multiselect(key="w_programmes").options) == 13


def test_a_family_link_is_restored_and_a_bad_family_is_noticed() -> None:
    at = run({"family": ["adaptation", "moon"], "batch": "low-carbon-pilot:2"})
    assert not at.exception
    assert at.multiselect(key="w_families").value == ["adaptation"]
    assert at.multiselect(key="w_batches").value == []
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")  # Markdown escapes
    assert "family='moon': no such programme family" in warnings
    assert "batch='low-carbon-pilot:2': not in the chosen programme families" in warnings
    total, sizes, _ = _places_by_family()
    assert at.markdown[0].value.startswith(f"**{sizes['adaptation']}** of {total}")
    zh = run({"family": "moon", "lang": "zh"})
    assert "没有这个试点项目类别" in " ".join(w.value for w in zh.warning)


def test_batch_filter() -> None:
    at = run({"programme": "low-carbon-pilot", "batch": "low-carbon-pilot:1"})
    assert not at.exception
    assert len(at.dataframe[0].value) == 13


def test_a_batch_alone_shows_only_that_batch() -> None:
    at = run({"batch": "low-carbon-pilot:2"})
    assert len(at.dataframe[0].value) == 29  # the official size of batch 2 (2012)
    assert "regional initiatives" in texts(at)


def test_an_empty_result_says_so_and_one_click_resets_every_filter() -> None:
    at = run({"programme": "ets-pilot", "province": "hunan", "q": "zzz", "focus": "adaptation"})
    assert "No place matches these filters." in texts(at)
    assert "Click a marker" not in texts(at)
    reset = next(b for b in at.button if b.key == "map_reset")
    reset.click().run()
    assert not at.exception
    assert "No place matches" not in texts(at)
    assert at.multiselect(key="w_programmes").value == []
    assert at.selectbox(key="w_province").value == "all"
    assert at.text_input(key="w_search").value == ""
    assert not {"programme", "province", "q", "focus"} & set(at.query_params)
    assert at.button(key="w_reset").disabled  # nothing left to reset


def test_bad_parameters_show_a_notice_and_the_rest_applies() -> None:
    at = run({"place": "atlantis", "programme": ["ets-pilot", "moon"], "zoom": "x"})
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "atlantis" in warnings and "moon" in warnings and "zoom" in warnings
    assert at.multiselect(key="w_programmes").value == ["ets-pilot"]


def test_about_page() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(str(ROOT / "pages" / "about.py")).run()
    assert not at.exception
    assert at.title[0].value == "About the atlas"
    assert any(h.value.startswith("Sources (") for h in at.header)
    assert "Proposing a correction" in [h.value for h in at.header]


@pytest.mark.parametrize(("lang", "copy_at"), [("en", "copy read at"), ("zh", "上的转载")])
def test_about_page_shows_publishers_first_and_marks_copies(lang: str, copy_at: str, real) -> None:
    from atlas.escape import escape_markdown as md

    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(str(ROOT / "pages" / "about.py")).run()
    lines = next(m.value for m in at.markdown if m.value.startswith("1. ")).splitlines()
    assert len(lines) == len(real.sources)
    sources = real.sources.sort_values("id")
    for line, source in zip(lines, sources.itertuples(index=False), strict=True):
        assert line.startswith(f"1. {md(source.publisher)}"), line  # the publisher first
        assert (copy_at in line) == (source.copy == "yes"), line
    copied = sources[sources["copy"] == "yes"].iloc[0]
    host = md(copied["url"].split("/")[2])
    assert any(host in line and copy_at in line for line in lines)


def test_broken_data_shows_a_readable_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = write_dataset(tmp_path, places=[place("x", "X", "某地", lat="99")])
    monkeypatch.setenv("ATLAS_DATA_DIR", str(directory))
    at = run()
    assert not at.exception
    assert "does not validate" in at.error[0].value
    assert "places.csv, row 2, column 'lat'" in at.code[0].value


def test_other_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATLAS_DATA_DIR", str(write_dataset(tmp_path)))
    at = run({"place": "czt"})
    assert not at.exception
    assert set(at.dataframe[0].value.index) == {"wuhan", "shenzhen", "changsha", "czt"}
    assert "**Members:** Changsha" in texts(at)


@pytest.mark.parametrize(
    "page", ["programmes", "timeline", "overlaps", "provinces", "compare", "targets", "about"]
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_renders_and_follows_the_filters(page: str, lang: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.query_params["programme"] = "ets-pilot"
    at.run()
    at.switch_page(str(ROOT / "pages" / f"{page}.py")).run()
    assert not at.exception, at.exception
    assert at.title
    assert at.query_params.get("programme") == "ets-pilot"


def test_programmes_page_lists_batches_and_links_to_the_map() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(str(ROOT / "pages" / "programmes.py")).run()
    body = texts(at)
    assert "Batch 1 (2010): 13 places" in body
    assert "发改气候〔2010〕1587号" in body
    # Every programme, the new ones alike, without special cases.
    programmes = load_dataset(ROOT / "data").programmes
    headings = [s.value.replace("\\", "") for s in at.subheader]  # markdown-escaped
    assert headings == list(programmes["name_en"])
    assert "Batch 3 (2023): 15 places" in body  # sponge-city demonstration cities
    assert "No place of this programme is in the atlas for this view." in body  # communities


def test_compare_page_keeps_its_places_in_the_link() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["compare"] = ["wuhan", "shenzhen", "zhenjiang"]
    at.run()
    at.switch_page(str(ROOT / "pages" / "compare.py")).run()
    assert not at.exception
    names = [s.value for s in at.subheader]
    assert [n.split(" · ")[0] for n in names] == ["Wuhan", "Shenzhen", "Zhenjiang"]
    at.multiselect(key="w_compare").set_value(["wuhan", "lishui"]).run()
    assert at.query_params["compare"] == ["wuhan", "lishui"]


def test_nearby_pilots_in_the_panel() -> None:
    at = run({"place": "changsha", "radius": "100"})
    assert not at.exception
    nearby = at.button_group(key=W_NEARBY)
    labels = [str(o) for o in nearby.options]
    assert any("Zhuzhou" in label for label in labels)
    assert any("Xiangtan" in label for label in labels)
    nearby.set_value("zhuzhou").run()
    assert not at.exception
    assert panel_title(at).startswith("Zhuzhou")
    assert at.button_group(key=W_NEARBY).value is None  # a choice opens a place, not kept


def test_find_a_place_from_another_page_opens_it_on_the_map() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(str(ROOT / "pages" / "timeline.py")).run()
    at.selectbox(key="w_find").set_value("lishui").run()
    assert not at.exception
    assert panel_title(at).startswith("Lishui")


def test_no_page_writes_into_data() -> None:
    data = ROOT / "data"
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["place"] = "wuhan"
    at.run()
    for page in ("programmes", "timeline", "overlaps", "provinces", "compare", "targets", "about"):
        at.switch_page(str(ROOT / "pages" / f"{page}.py")).run()
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before


def test_table_and_share_panels_are_drawn_only_once_opened() -> None:
    at = run({"place": "wuhan"}, open_panels=False)
    labels = [e.label for e in at.expander]
    assert labels[0] == "Share and export" and labels[-1] == "Table of the places shown"
    assert "Pilots nearby" in labels
    assert not at.dataframe and not at.get("image") and not at.get("download_button")
    assert [g.key for g in at.get("button_group")] == ["w_lang"]  # no nearby pills yet
    at.session_state[W_TABLE] = True
    at.session_state[W_SHARE] = True
    at.run()
    assert not at.exception
    assert len(at.dataframe[0].value) == len(load_dataset(ROOT / "data").places)
    assert len(at.get("image")) == 1  # the QR code
    assert len(at.get("download_button")) == 4  # places (CSV, GeoJSON), panel, whole dataset
    # A filter changes the count, not the panel's label: it stays open.
    at.multiselect(key="w_programmes").set_value(["ets-pilot"]).run()
    assert len(at.dataframe[0].value) == 8


def test_a_new_session_keeps_the_widget_values_the_browser_sends() -> None:
    # After a failover the browser reconnects to another process: a new session (no view
    # in state) whose first run carries the widgets' values, here a filter just changed.
    at = run({"programme": "ets-pilot"})
    assert len(at.dataframe[0].value) == 8
    forget_the_session(at)
    at.multiselect(key="w_programmes").set_value(["climate-adaptive-city"]).run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 28
    assert len(at.slider(key="w_years").value) == 2  # still a range
    assert at.query_params["programme"] == "climate-adaptive-city"


def forget_the_session(at: AppTest) -> None:
    """What the other process lacks after a failover: all but the widgets' values."""
    for key in ("atlas_view", "atlas_notices", "atlas_page", "atlas_last_click_count"):
        if key in at.session_state:
            del at.session_state[key]


def test_a_new_session_applies_a_place_the_browser_picked() -> None:
    at = run({"place": "wuhan"})
    forget_the_session(at)
    at.selectbox(key="w_place_picker").set_value("shenzhen").run()
    assert not at.exception
    assert panel_title(at).startswith("Shenzhen")
    assert at.query_params["place"] == "shenzhen"


def test_a_new_session_applies_a_place_the_browser_found() -> None:
    at = run({"place": "wuhan"})
    forget_the_session(at)
    at.selectbox(key="w_find").set_value("qingdao").run()
    assert not at.exception
    assert panel_title(at).startswith("Qingdao")
    at.run()  # the box is emptied on the next run (it is drawn already in this one)
    assert at.selectbox(key="w_find").value is None
    assert panel_title(at).startswith("Qingdao")


def open_targets(lang: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(str(ROOT / "pages" / "targets.py")).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(
    ("lang", "title", "place", "lanzhou"),
    [
        ("en", "Declared targets", "Place", "2025 · Lanzhou · 兰州市"),
        ("zh", "已公布的目标", "地点", "2025年 · 兰州市 · Lanzhou"),
    ],
)
def test_targets_page_charts_peak_years_and_tables_the_other_targets(
    lang: str, title: str, place: str, lanzhou: str, real
) -> None:
    at = open_targets(lang)
    assert at.title[0].value == title
    chart = at.get("vega_lite_chart")
    assert len(chart) == 1 and chart[0].key == "targets_chart"
    # Every place with a declared peak year is one link from the map, with its place id.
    links = {link.proto.label: link.proto.query_string for link in at.get("page_link")}
    peaks = real.targets[real.targets["metric"] == "co2-peak-year"]
    assert len(links) == peaks["place_id"].nunique()
    assert "place=lanzhou" in links[lanzhou]
    assert len({link.proto.page_script_hash for link in at.get("page_link")}) == 1  # the map
    table = at.dataframe[0].value
    assert table.columns[0] == place
    assert len(table) == (real.targets["metric"] != "co2-peak-year").sum()
    texts_zh = " ".join(str(v) for v in table.iloc[:, 1])
    if lang == "zh":
        assert "非化石能源消费比重" in texts_zh and "Non-fossil" not in texts_zh
    else:
        assert "Non-fossil" in texts_zh
    # A copy is never shown as the publisher's own page.
    source = table.columns[7]
    copies = real.sources[real.sources["copy"] == "yes"]
    shown_copies = [c for c in table[source] if ("copy read at" in c or "转载" in c)]
    assert shown_copies and not copies.empty


def test_targets_page_follows_the_filters() -> None:
    at = open_targets("en", programme="ets-pilot")
    assert at.query_params["programme"] == "ets-pilot"
    labels = [link.proto.label for link in at.get("page_link")]
    assert any("Shanghai" in label for label in labels)
    assert not any("Lanzhou" in label for label in labels)  # not an ETS pilot


def test_a_place_link_opens_the_place_on_the_map() -> None:
    # What the browser does on a click on a place link: the map page, the place in its query.
    at = open_targets("en")
    at.switch_page(str(ROOT / "pages" / "map.py"))
    at.query_params["place"] = "lanzhou"
    at.run()
    assert not at.exception
    assert panel_title(at) == "Lanzhou · 兰州市"
    assert at.query_params["place"] == "lanzhou"


@pytest.mark.parametrize(
    ("lang", "forest", "copy"),
    [("en", "Forest cover", "copy read at"), ("zh", "森林覆盖率", "转载")],
)
def test_compare_page_puts_the_places_targets_side_by_side(
    lang: str, forest: str, copy: str
) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["compare"] = ["wuhan", "baotou", "lanzhou"]
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(str(ROOT / "pages" / "compare.py")).run()
    assert not at.exception
    table = next(m.value for m in at.markdown if m.value.startswith("| "))
    head, _rule, *rows = table.splitlines()
    places = ["Wuhan", "Baotou", "Lanzhou"] if lang == "en" else ["武汉市", "包头市", "兰州市"]
    assert head.strip("| ").split(" | ")[1:] == places  # after the metric, in the link's order
    peak = next(r for r in rows if "2026" in r).split(" | ")
    assert peak[1:3] == [
        "2022",
        "2026 · 包头市深入推进碳达峰碳中和加快建设绿色低碳城市实施方案 \\(2022\\)",
    ]
    cover = next(r for r in rows if forest in r).split(" | ")
    assert cover[1] == "—" and cover[2].startswith("19 % \\(2025") and cover[3].startswith("—")
    # Sources: publisher first, copies marked where they were read.
    assert any(copy in m.value for m in at.markdown)


@pytest.mark.parametrize(
    ("lang", "asked", "not_asked"),
    [
        (
            "en",
            "Pilots of Low\\-carbon pilots, ETS pilots are asked to cut emissions",
            "Preparing for climate impacts is not what its programmes (Low\\-carbon pilots, ETS "
            "pilots) ask",
        ),
        ("zh", "该地入选低碳试点、碳交易试点，按要求应减少排放", "为气候影响做好准备并非"),
    ],
)
def test_a_panel_without_actions_says_what_its_programmes_ask_and_how_to_help(
    lang: str, asked: str, not_asked: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The small dataset's Shenzhen has no action; both its programmes ask for mitigation.
    monkeypatch.setenv("ATLAS_DATA_DIR", str(write_dataset(tmp_path)))
    at = run({"place": "shenzhen", "lang": lang})
    assert not at.exception
    body = texts(at)
    assert asked in body and not_asked in body
    assert "](/about#corrections)" in body  # the link to how a correction is proposed
    assert body.count("](/about#corrections)") == 2  # one under each heading
    from atlas.i18n import translator

    assert translator(lang)("panel.no_actions") not in body  # no bare line twice

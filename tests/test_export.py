"""Exports: CSV and GeoJSON of the shown places, the zipped data package and the CLI."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from atlas.__main__ import main
from atlas.dataset import Dataset, load_dataset
from atlas.export import (
    PANEL_FILE,
    PANEL_PLACE_COLUMNS,
    PLACE_COLUMNS,
    TARGET_EXPORT_COLUMNS,
    ZIP_TIME,
    data_package_bytes,
    datapackage,
    package_version,
    panel_table,
    places_table,
    targets_table,
    to_csv_bytes,
    to_geojson_bytes,
)
from atlas.filters import shown_places
from atlas.schema import TABLES
from atlas.view import ViewState
from tests.factory import MEMBERSHIPS, PLACES, place, write_dataset
from tests.hostile import HOSTILE

BOM = b"\xef\xbb\xbf"
CSV_MEMBERS = [t.filename for t in TABLES]


def read_csv(data: bytes) -> pd.DataFrame:
    """Read an exported CSV as a spreadsheet user's script would."""
    return pd.read_csv(
        io.BytesIO(data),
        encoding="utf-8-sig",
        dtype={c: str for c in PLACE_COLUMNS if c not in ("lat", "lon")},
        keep_default_na=False,
    )


def hostile_dataset(tmp_path: Path, *names: str) -> Dataset:
    """The small dataset plus one place per name, each named ``name`` in English and Chinese."""
    extra = [
        # name_zh must contain Chinese; the prefix keeps every hostile string in it intact.
        place(f"hostile-{i}", name, f"武汉{name}", province="hunan")
        for i, name in enumerate(names)
    ]
    return load_dataset(write_dataset(tmp_path / "hostile", places=[*PLACES, *extra]))


def zip_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


# places_table


def test_places_table_rows_and_columns(small) -> None:
    table = places_table(small, shown_places(small, ViewState()))
    assert tuple(table.columns) == PLACE_COLUMNS
    assert list(table["id"]) == ["changsha", "czt", "shenzhen", "wuhan"]
    shenzhen = table.set_index("id").loc["shenzhen"]
    assert shenzhen["name_zh"] == "深圳市"
    assert shenzhen["provinces"] == "guangdong"
    assert shenzhen["province_names_en"] == "Guangdong"
    assert (shenzhen["lat"], shenzhen["lon"]) == (22.6, 114.1)
    assert shenzhen["programmes"] == "low-carbon-pilot;ets-pilot"
    assert shenzhen["memberships"] == "low-carbon-pilot batch 1 (2010);ets-pilot (2011)"
    assert shenzhen["source_ids"] == "notice-a;notice-b"
    czt = table.set_index("id").loc["czt"]
    assert (czt["programmes"], czt["memberships"], czt["source_ids"]) == ("", "", "")


def test_programmes_say_why_a_place_passed_memberships_say_everything(small) -> None:
    view = ViewState(programmes=("ets-pilot",), batches=("low-carbon-pilot:2",))
    table = places_table(small, shown_places(small, view)).set_index("id")
    assert list(table.index) == ["shenzhen", "wuhan"]
    assert table.at["shenzhen", "programmes"] == "ets-pilot"
    assert table.at["shenzhen", "memberships"] == (
        "low-carbon-pilot batch 1 (2010);ets-pilot (2011)"
    )
    assert table.at["wuhan", "memberships"] == "low-carbon-pilot batch 2 (2012)"


def test_sources_cover_summary_and_memberships(tmp_path: Path) -> None:
    places = [
        place(
            "wuhan",
            "Wuhan",
            "武汉市",
            summary_en="A city.",
            summary_zh="一座城市。",
            summary_source_ids="notice-b",
        ),
        *PLACES[1:],
    ]
    dataset = load_dataset(write_dataset(tmp_path / "d", places=places))
    table = places_table(dataset, shown_places(dataset, ViewState())).set_index("id")
    assert table.at["wuhan", "source_ids"] == "notice-b;notice-a"


def test_places_table_of_nothing_has_the_columns(small) -> None:
    table = places_table(small, shown_places(small, ViewState(search="nowhere")))
    assert table.empty
    assert tuple(table.columns) == PLACE_COLUMNS


# CSV


def test_csv_has_bom_crlf_no_index_and_parses_back(small) -> None:
    shown = shown_places(small, ViewState(province="hunan"))
    table = places_table(small, shown)
    data = to_csv_bytes(table)
    assert data.startswith(BOM)
    assert data.count(b"\r\n") == len(table) + 1
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert data[len(BOM) :].startswith(b"id,name_en,")
    back = read_csv(data)
    assert list(back["id"]) == sorted(shown.index) == ["changsha", "czt"]
    pd.testing.assert_frame_equal(back, table, check_dtype=False)


def test_csv_keeps_chinese(real) -> None:
    shown = shown_places(real, ViewState(programmes=("ets-pilot",)))
    data = to_csv_bytes(places_table(real, shown))
    assert "深圳市".encode() in data
    back = read_csv(data).set_index("id")
    assert back.at["shenzhen", "name_zh"] == "深圳市"
    assert len(back) == 8


def test_csv_empty_selection_is_a_header(small) -> None:
    data = to_csv_bytes(places_table(small, shown_places(small, ViewState(search="nowhere"))))
    assert data == BOM + ",".join(PLACE_COLUMNS).encode() + b"\r\n"


@pytest.mark.parametrize("name", ['=HYPERLINK("http://evil.example","x")', "+1", "-2", "@SUM(A1)"])
def test_csv_defuses_formulas_geojson_keeps_them(tmp_path: Path, name: str) -> None:
    dataset = hostile_dataset(tmp_path, name)
    shown = shown_places(dataset, ViewState())
    back = read_csv(to_csv_bytes(places_table(dataset, shown))).set_index("id")
    assert back.at["hostile-0", "name_en"] == "'" + name
    assert back.at["hostile-0", "name_zh"] == "武汉" + name  # starts harmlessly: untouched
    assert back.at["wuhan", "name_en"] == "Wuhan"
    features = json.loads(to_geojson_bytes(dataset, shown))["features"]
    named = {f["id"]: f["properties"]["name_en"] for f in features}
    assert named["hostile-0"] == name


def test_csv_leaves_negative_numbers_alone() -> None:
    frame = pd.DataFrame({"id": ["a"], "value": [-2.5], "text": ["-2.5"]})
    data = to_csv_bytes(frame)
    assert data == BOM + b"id,value,text\r\na,-2.5,'-2.5\r\n"


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_round_trip_unchanged(tmp_path: Path, text: str) -> None:
    dataset = hostile_dataset(tmp_path, text)
    shown = shown_places(dataset, ViewState())
    back = read_csv(to_csv_bytes(places_table(dataset, shown))).set_index("id")
    assert back.at["hostile-0", "name_en"] == text
    assert back.at["hostile-0", "name_zh"] == "武汉" + text
    properties = {
        f["id"]: f["properties"] for f in json.loads(to_geojson_bytes(dataset, shown))["features"]
    }
    assert properties["hostile-0"]["name_en"] == text
    assert properties["hostile-0"]["name_zh"] == "武汉" + text


# GeoJSON


def test_geojson_points_one_per_shown_place(small) -> None:
    shown = shown_places(small, ViewState(programmes=("low-carbon-pilot",)))
    data = to_geojson_bytes(small, shown)
    assert "武汉市".encode() in data  # not \u escapes
    collection = json.loads(data.decode("utf-8"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["id"] for f in features] == sorted(shown.index) == ["changsha", "shenzhen", "wuhan"]
    shenzhen = features[1]
    assert shenzhen["geometry"] == {"type": "Point", "coordinates": [114.1, 22.6]}
    properties = shenzhen["properties"]
    assert tuple(properties) == PLACE_COLUMNS
    assert properties["programmes"] == ["low-carbon-pilot"]
    assert properties["memberships"] == ["low-carbon-pilot batch 1 (2010)", "ets-pilot (2011)"]
    assert properties["provinces"] == ["guangdong"]
    assert properties["source_ids"] == ["notice-a", "notice-b"]


def test_geojson_matches_the_table(real) -> None:
    shown = shown_places(real, ViewState())
    table = places_table(real, shown)
    features = json.loads(to_geojson_bytes(real, shown))["features"]
    assert len(features) == len(shown) == len(table)
    for feature, row in zip(features, table.itertuples(index=False), strict=True):
        lon, lat = feature["geometry"]["coordinates"]
        assert (lat, lon) == (row.lat, row.lon)
        assert 73 < lon < 136 and 3 < lat < 54  # [lon, lat], not swapped
        assert ";".join(feature["properties"]["memberships"]) == row.memberships


def test_geojson_of_nothing(small) -> None:
    data = to_geojson_bytes(small, shown_places(small, ViewState(search="nowhere")))
    assert json.loads(data) == {"type": "FeatureCollection", "features": []}


# Data package


def test_package_holds_every_table_as_on_disk(small, small_dir: Path) -> None:
    members = zip_members(data_package_bytes(small))
    assert list(members) == ["datapackage.json", *CSV_MEMBERS, PANEL_FILE]
    for name in CSV_MEMBERS:
        assert members[name] == (small_dir / name).read_bytes()


def test_package_adds_documents_and_shapes(small_dir: Path) -> None:
    (small_dir / "README.md").write_text("# Data\n\nVersion **1.2.3** (2026-01-01).\n")
    (small_dir / "GAPS.md").write_text("# Gaps\n")
    (small_dir / "geo").mkdir()
    shapes = '{"type": "FeatureCollection", "features": []}\n'
    for name in ("shapes.geojson", "provinces.geojson"):
        (small_dir / "geo" / name).write_text(shapes)
    (small_dir / "geo" / "notes.txt").write_text("not a shape")
    data = data_package_bytes(load_dataset(small_dir))
    members = zip_members(data)
    assert list(members)[len(CSV_MEMBERS) + 2 :] == [
        "README.md",
        "GAPS.md",
        "geo/provinces.geojson",
        "geo/shapes.geojson",
    ]
    assert members["README.md"] == (small_dir / "README.md").read_bytes()
    assert json.loads(members["datapackage.json"])["version"] == "1.2.3"


def test_real_package(real) -> None:
    members = zip_members(data_package_bytes(real))
    for name in ("README.md", "GAPS.md", "geo/provinces.geojson", "geo/shapes.geojson"):
        assert members[name] == (real.directory / name).read_bytes()
    descriptor = json.loads(members["datapackage.json"])
    assert descriptor["version"] == "0.2.0"
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["name"] and descriptor["title"]


def test_descriptor_describes_the_csvs(small) -> None:
    members = zip_members(data_package_bytes(small))
    descriptor = json.loads(members["datapackage.json"].decode("utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert [r["path"] for r in descriptor["resources"]] == [*CSV_MEMBERS, PANEL_FILE]
    for table in TABLES:
        resource = resources[table.name]
        raw = members[resource["path"]]
        header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == header
        required = [f["name"] for f in fields if f.get("constraints", {}).get("required")]
        assert required == list(table.required_columns)
        assert resource["schema"].get("primaryKey", []) == list(table.key)
        assert resource["hash"] == "sha256:" + hashlib.sha256(raw).hexdigest()
        assert resource["bytes"] == len(raw)
        for key in resource["schema"].get("foreignKeys", []):
            target = resources[key["reference"]["resource"]]
            assert key["fields"] in header
            assert key["reference"]["fields"] in [f["name"] for f in target["schema"]["fields"]]


def test_descriptor_field_types_and_help(small) -> None:
    resources = {r["name"]: r for r in datapackage(small)["resources"]}
    places = {f["name"]: f for f in resources["places"]["schema"]["fields"]}
    assert places["lat"]["type"] == "number"
    assert places["lat"]["description"] == "WGS-84 latitude of a representative point."
    assert places["level"]["constraints"]["enum"][0] == "province"
    assert "sources.id" in places["summary_source_ids"]["description"]
    memberships = {f["name"]: f for f in resources["memberships"]["schema"]["fields"]}
    assert memberships["year"]["type"] == memberships["batch"]["type"] == "integer"
    assert {k["fields"] for k in resources["memberships"]["schema"]["foreignKeys"]} == {
        "place_id",
        "programme",
    }
    sources = {f["name"]: f for f in resources["sources"]["schema"]["fields"]}
    assert sources["url"]["format"] == "uri"
    assert "primaryKey" not in resources["actions"]["schema"]


def test_descriptor_follows_the_file_header(small_dir: Path) -> None:
    # A contributor's file may order columns differently and leave optional ones out.
    path = small_dir / "places.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = ["name_en", "id", "name_zh", "level", "province", "lat", "lon", "coord_method"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    resources = {r["name"]: r for r in datapackage(load_dataset(small_dir))["resources"]}
    assert [f["name"] for f in resources["places"]["schema"]["fields"]] == header


def test_version_only_when_stated(small) -> None:
    assert package_version("Version **0.2.0** (2026-11-28).") == "0.2.0"
    assert package_version("# Data\n\nNo version here.") is None
    assert "version" not in datapackage(small)


def test_exports_are_byte_identical(small, small_dir: Path) -> None:
    shown = shown_places(small, ViewState())
    first = data_package_bytes(small)
    os.utime(small_dir / "places.csv", (0, 0))  # file times must not leak into the zip
    assert data_package_bytes(load_dataset(small_dir)) == first
    assert to_csv_bytes(places_table(small, shown)) == to_csv_bytes(places_table(small, shown))
    assert to_geojson_bytes(small, shown) == to_geojson_bytes(small, shown)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {ZIP_TIME}


# Command line


def test_cli_csv_with_programme_filter(real, tmp_path: Path, capsys) -> None:
    out = tmp_path / "ets.csv"
    argv = ["export", "--format", "csv", "--programme", "ets-pilot", "--data", str(real.directory)]
    assert main([*argv, "--out", str(out)]) == 0
    back = read_csv(out.read_bytes())
    assert len(back) == 8
    assert set(back["programmes"]) == {"ets-pilot"}
    assert capsys.readouterr().err.strip() == f"wrote 8 places to {out}"


def test_cli_batch_and_years(real, tmp_path: Path, capsys) -> None:
    out = tmp_path / "b1.csv"
    data = ["--data", str(real.directory)]
    args = ["--programme", "low-carbon-pilot", "--batch", "low-carbon-pilot:1", *data]
    assert main(["export", "--format", "csv", *args, "--out", str(out)]) == 0
    assert len(read_csv(out.read_bytes())) == 13
    assert capsys.readouterr().err.strip() == f"wrote 13 places to {out}"
    years = ["--from", "2012", "--to", "2012", "--programme", "low-carbon-pilot", *data]
    assert main(["export", "--format", "csv", *years, "--out", str(out)]) == 0
    assert len(read_csv(out.read_bytes())) == 29


def test_cli_geojson_to_stdout(small_dir: Path, capsysbinary) -> None:
    args = ["--province", "hunan", "--data", str(small_dir), "--out", "-"]
    assert main(["export", "--format", "geojson", *args]) == 0
    captured = capsysbinary.readouterr()
    features = json.loads(captured.out)["features"]
    assert [f["id"] for f in features] == ["changsha", "czt"]
    assert captured.err.strip() == b"wrote 2 places to standard output"


def test_cli_zip(small_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "atlas.zip"
    assert main(["export", "--format", "zip", "--data", str(small_dir), "--out", str(out)]) == 0
    assert out.read_bytes() == data_package_bytes(load_dataset(small_dir))
    assert capsys.readouterr().err.strip() == f"wrote the data package to {out}"


@pytest.mark.parametrize(
    ("args", "notices"),
    [
        (["--programme", "nope"], ["Ignored programme='nope': no such programme."]),
        (
            ["--programme", "ets-pilot", "nope", "--batch", "ets-pilot:9"],
            ["Ignored programme='nope': no such programme.", "Ignored batch='ets-pilot:9'"],
        ),
        (["--province", "atlantis"], ["Ignored province='atlantis': no such province."]),
        (["--from", "1900"], ["Ignored from='1900': not a year from 2010 to 2017."]),
        (["--from", "2017", "--to", "2012"], ["Ignored to='2012': earlier than from=2017."]),
    ],
)
def test_cli_invalid_filter_writes_nothing(
    small_dir: Path, tmp_path: Path, capsys, args: list[str], notices: list[str]
) -> None:
    out = tmp_path / "out.csv"
    argv = ["export", "--format", "csv", *args, "--data", str(small_dir), "--out", str(out)]
    assert main(argv) == 2
    assert not out.exists()
    err = capsys.readouterr().err
    for notice in notices:
        assert notice in err
    assert "wrote" not in err


def test_cli_zip_refuses_filters(small_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "atlas.zip"
    argv = ["export", "--format", "zip", "--province", "hunan", "--data", str(small_dir)]
    assert main([*argv, "--out", str(out)]) == 2
    assert not out.exists()
    assert "--province" in capsys.readouterr().err


def test_cli_broken_data_exits_1(tmp_path: Path, capsys) -> None:
    broken = write_dataset(tmp_path / "broken", places=[place("x", "X", "某地", province="mars")])
    out = tmp_path / "out.csv"
    assert main(["export", "--format", "csv", "--data", str(broken), "--out", str(out)]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "places.csv, row 2, column 'province': unknown province 'mars'" in err
    assert "Traceback" not in err


def test_cli_missing_data_folder_exits_1(tmp_path: Path, capsys) -> None:
    argv = ["export", "--format", "zip", "--data", str(tmp_path / "none"), "--out", "-"]
    assert main(argv) == 1
    assert "data folder does not exist" in capsys.readouterr().err


def test_cli_needs_format_and_out(small_dir: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export", "--format", "xlsx", "--out", "-"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit):
        main(["export", "--format", "csv"])


def test_cli_validate_still_works(small_dir: Path, capsys) -> None:
    assert main(["validate", str(small_dir)]) == 0
    assert "valid" in capsys.readouterr().out


# targets


def test_targets_table_of_the_shown_places(small) -> None:
    table = targets_table(small, shown_places(small, ViewState()))
    assert tuple(table.columns) == TARGET_EXPORT_COLUMNS
    assert table.to_dict("records") == [
        {
            "place_id": "wuhan",
            "place_name_en": "Wuhan",
            "place_name_zh": "武汉市",
            "metric": "co2-peak-year",
            "value": "2025",
            "unit": "year",
            "base_year": None,
            "target_year": None,
            "document": "Wuhan peak plan",
            "source_ids": "notice-a",
            "note": "",
        }
    ]
    assert targets_table(small, shown_places(small, ViewState(province="hunan"))).empty


def test_real_targets_csv_round_trips(real) -> None:
    shown = shown_places(real, ViewState())
    back = pd.read_csv(io.BytesIO(to_csv_bytes(targets_table(real, shown))), encoding="utf-8-sig")
    assert len(back) == len(real.targets) >= 60
    assert set(back["metric"]) == set(real.targets["metric"])
    assert sorted(back["value"]) == sorted(real.targets["value"])  # 19.5 stays 19.5
    assert list(back["place_id"]) == sorted(back["place_id"])


def test_package_holds_targets_with_a_schema_and_a_foreign_key(real) -> None:
    members = zip_members(data_package_bytes(real))
    assert members["targets.csv"] == (real.directory / "targets.csv").read_bytes()
    descriptor = json.loads(members["datapackage.json"])
    assert "targets" in descriptor["description"]
    resource = {r["name"]: r for r in descriptor["resources"]}["targets"]
    assert resource["path"] == "targets.csv"
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    assert fields["value"]["type"] == "number"
    assert fields["target_year"]["type"] == "integer"
    assert "co2-peak-year" in fields["metric"]["constraints"]["enum"]
    assert "sources.id" in fields["source_ids"]["description"]
    assert resource["schema"]["foreignKeys"] == [
        {"fields": "place_id", "reference": {"resource": "places", "fields": "id"}}
    ]


def test_cli_targets_follow_the_filters(real, tmp_path: Path, capsys) -> None:
    out = tmp_path / "targets.csv"
    argv = ["export", "--format", "targets", "--programme", "ets-pilot"]
    assert main([*argv, "--data", str(real.directory), "--out", str(out)]) == 0
    back = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    ets = set(real.memberships.loc[real.memberships["programme"] == "ets-pilot", "place_id"])
    expected = real.targets[real.targets["place_id"].isin(ets)]
    assert set(back["place_id"]) == set(expected["place_id"]) and len(back) == len(expected)
    assert out.read_bytes().startswith(BOM)
    assert capsys.readouterr().err.strip() == f"wrote {len(back)} targets of 8 places to {out}"


def test_cli_targets_of_a_folder_without_targets_is_a_header(small_dir: Path, capsysbinary) -> None:
    (small_dir / "targets.csv").unlink()
    args = ["--data", str(small_dir), "--out", "-"]
    assert main(["export", "--format", "targets", *args]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out.decode("utf-8-sig").strip() == ",".join(TARGET_EXPORT_COLUMNS)
    assert captured.err.strip() == b"wrote 0 targets of 4 places to standard output"


# Panel


def panel_dataset(tmp_path: Path) -> Dataset:
    """The small dataset plus Hubei as a pilot province (2010) and a district of Wuhan."""
    extra_places = [
        place("hubei", "Hubei", "湖北省", level="province", lat="31.0", lon="112.5"),
        place("wuhan-wuchang", "Wuchang", "武昌区", level="district", within_zh="武汉市"),
    ]
    extra = {k: "" for k in MEMBERSHIPS[0]}
    hubei = {**extra, "place_id": "hubei", "programme": "low-carbon-pilot", "batch": "1"}
    wuchang = {**extra, "place_id": "wuhan-wuchang", "programme": "ets-pilot"}
    return load_dataset(
        write_dataset(
            tmp_path / "panel",
            places=[*PLACES, *extra_places],
            memberships=[
                *MEMBERSHIPS,
                {**hubei, "year": "2010", "source_ids": "notice-a"},
                {**wuchang, "year": "2013", "source_ids": "notice-b"},
            ],
        )
    )


def panel_row(panel: pd.DataFrame, place_id: str, year: int) -> dict:
    rows = panel[(panel["place_id"] == place_id) & (panel["year"] == year)]
    assert len(rows) == 1
    return rows.iloc[0].to_dict()


STATUS = (
    "low_carbon_pilot",
    "low_carbon_pilot_b1",
    "low_carbon_pilot_b2",
    "low_carbon_pilot_b3",
    "ets_pilot",
)


def test_panel_columns_and_one_row_per_place_and_year(tmp_path: Path) -> None:
    dataset = panel_dataset(tmp_path)
    panel = panel_table(dataset, first_year=2010, last_year=2013)
    assert list(panel.columns) == [*PANEL_PLACE_COLUMNS, *STATUS]
    assert len(panel) == len(dataset.places) * 4
    assert list(panel["place_id"].drop_duplicates()) == sorted(dataset.places.index)
    assert set(panel["year"]) == {2010, 2011, 2012, 2013}
    assert panel[list(STATUS)].isin([0, 1]).all().all()


def test_panel_rows_computed_by_hand(tmp_path: Path) -> None:
    panel = panel_table(panel_dataset(tmp_path), first_year=2010, last_year=2013)
    # Wuhan: low-carbon batch 2 in 2012; nothing before; the province's 2010 title is Hubei's.
    wuhan_2011 = panel_row(panel, "wuhan", 2011)
    assert [wuhan_2011[c] for c in STATUS] == [0, 0, 0, 0, 0]
    wuhan_2012 = panel_row(panel, "wuhan", 2012)
    assert [wuhan_2012[c] for c in STATUS] == [1, 0, 1, 0, 0]
    assert (wuhan_2012["level"], wuhan_2012["province"], wuhan_2012["province_adcode"]) == (
        "city",
        "hubei",
        "420000",
    )
    assert wuhan_2012["parent_city_zh"] == wuhan_2012["parent_city_id"] == ""
    # Shenzhen: batch 1 from 2010, the ETS pilot from 2011.
    assert [panel_row(panel, "shenzhen", 2010)[c] for c in STATUS] == [1, 1, 0, 0, 0]
    assert [panel_row(panel, "shenzhen", 2011)[c] for c in STATUS] == [1, 1, 0, 0, 1]
    # Changsha: batch 3 (2017) is after the panel's last year.
    assert [panel_row(panel, "changsha", 2013)[c] for c in STATUS] == [0, 0, 0, 0, 0]
    # Hubei itself, and Wuchang with its parent city.
    assert [panel_row(panel, "hubei", 2010)[c] for c in STATUS] == [1, 1, 0, 0, 0]
    wuchang = panel_row(panel, "wuhan-wuchang", 2013)
    assert (wuchang["parent_city_zh"], wuchang["parent_city_id"]) == ("武汉市", "wuhan")
    assert [wuchang[c] for c in STATUS] == [0, 0, 0, 0, 1]
    assert panel_row(panel, "wuhan-wuchang", 2012)["ets_pilot"] == 0


def test_panel_provinces_cover_cities_only_when_asked(tmp_path: Path) -> None:
    dataset = panel_dataset(tmp_path)
    panel = panel_table(dataset, first_year=2010, last_year=2013, provinces_cover_cities=True)
    # Wuhan, a city of pilot province Hubei, counts from 2010 in batch 1 as well.
    assert [panel_row(panel, "wuhan", 2010)[c] for c in STATUS] == [1, 1, 0, 0, 0]
    assert [panel_row(panel, "wuhan", 2012)[c] for c in STATUS] == [1, 1, 1, 0, 0]
    # A district is not a city; Shenzhen and Changsha are in other provinces.
    assert panel_row(panel, "wuhan-wuchang", 2010)["low_carbon_pilot"] == 0
    assert [panel_row(panel, "changsha", 2010)[c] for c in STATUS] == [0, 0, 0, 0, 0]
    default = panel_table(dataset, first_year=2010, last_year=2013)
    changed = (panel[list(STATUS)] != default[list(STATUS)]).any(axis=1)
    assert set(panel.loc[changed, "place_id"]) == {"wuhan"}


def test_panel_ends_this_year_and_real_sizes_hold(real) -> None:
    import datetime

    panel = panel_table(real)
    this_year = datetime.date.today().year
    assert panel["year"].min() == 2010 and panel["year"].max() == this_year
    assert len(panel) == len(real.places) * (this_year - 2009)
    last = panel[panel["year"] == this_year]
    # In the last year every membership counts: the column sums are the programme sizes.
    assert last["sponge_city_pilot_b1"].sum() == 16 and last["sponge_city_pilot_b2"].sum() == 14
    assert last["climate_finance_pilot"].sum() == 23
    shenzhen = panel_row(panel, "shenzhen", 2012)
    assert shenzhen["low_carbon_pilot_b1"] == shenzhen["ets_pilot"] == 1
    assert shenzhen["carbon_peaking_pilot"] == 0  # named in 2023
    assert shenzhen["adcode"] == "440300"


def test_cli_panel(tmp_path: Path, capsys) -> None:
    data = panel_dataset(tmp_path).directory
    out = tmp_path / "panel.csv"
    argv = ["export", "--format", "panel", "--data", str(data), "--out", str(out)]
    assert main([*argv, "--provinces-cover-cities", "--province", "hubei"]) == 0
    back = pd.read_csv(out, encoding="utf-8-sig", dtype={"adcode": str}, keep_default_na=False)
    assert set(back["place_id"]) == {"hubei", "wuhan", "wuhan-wuchang"}  # filters pick rows
    assert back[(back["place_id"] == "wuhan") & (back["year"] == 2010)]["low_carbon_pilot"].item()
    assert "wrote 3 places x" in capsys.readouterr().err
    # The option belongs to the panel only.
    bad = ["export", "--format", "csv", "--provinces-cover-cities", "--data", str(data)]
    assert main([*bad, "--out", str(tmp_path / "x.csv")]) == 2
    assert not (tmp_path / "x.csv").exists()
    assert "only for --format panel" in capsys.readouterr().err


def test_package_panel_is_the_default_rule(small) -> None:
    members = zip_members(data_package_bytes(small))
    assert members[PANEL_FILE] == to_csv_bytes(panel_table(small))
    descriptor = json.loads(members["datapackage.json"])
    panel = next(r for r in descriptor["resources"] if r["name"] == "panel")
    header = next(csv.reader(io.StringIO(members[PANEL_FILE].decode("utf-8-sig"))))
    assert [f["name"] for f in panel["schema"]["fields"]] == header
    assert panel["schema"]["primaryKey"] == ["place_id", "year"]
    assert panel["hash"] == "sha256:" + hashlib.sha256(members[PANEL_FILE]).hexdigest()

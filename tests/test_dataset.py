"""Loading and validation: every defect is reported with file, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.dataset import load_dataset, validate_dir
from atlas.schema import DataError
from tests.factory import MEMBERSHIPS, PLACES, SIZES, SOURCES, place, write_dataset


def problems_of(directory: Path) -> list[str]:
    _, problems = validate_dir(directory)
    return [str(p) for p in problems]


def test_small_dataset_loads(small_dir: Path) -> None:
    dataset = load_dataset(small_dir)
    assert list(dataset.places.index) == ["wuhan", "shenzhen", "changsha", "czt"]
    assert dataset.places.at["czt", "members"] == ("changsha",)
    assert dataset.memberships["batch"].tolist()[:2] == [2, 1]
    assert dataset.place("nowhere") is None


def test_real_dataset_validates(real) -> None:
    assert len(real.places) > 100
    assert not real.memberships.empty


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            {"places": [*PLACES, place("wuhan", "Wuhan 2", "武汉二")]},
            "places.csv, row 6, column 'id': duplicate id 'wuhan' (first at row 2)",
        ),
        (
            {"places": [place("x", "X", "某地", lat="60.0")]},
            "places.csv, row 2, column 'lat': 60.0 is outside China",
        ),
        (
            {"places": [place("x", "X", "某地", lon="east")]},
            "places.csv, row 2, column 'lon': 'east' is not a number",
        ),
        (
            {"places": [place("x", "X", "某地", lat="nan")]},
            "places.csv, row 2, column 'lat': is not a number",
        ),
        (
            {"places": [place("x", "X", "Somewhere")]},
            "places.csv, row 2, column 'name_zh': 'Somewhere' contains no Chinese characters",
        ),
        (
            {"places": [place("Bad Id", "X", "某地")]},
            "places.csv, row 2, column 'id': 'Bad Id' is not a lowercase ASCII slug",
        ),
        (
            {"places": [place("x", "X", "某地", level="planet")]},
            "places.csv, row 2, column 'level': 'planet' is not one of",
        ),
        (
            {"places": [place("x", "", "某地")]},
            "places.csv, row 2, column 'name_en': required value is empty",
        ),
        (
            {"places": [place("x", "X", "某地", province="atlantis")]},
            "places.csv, row 2, column 'province': unknown province 'atlantis'",
        ),
        (
            {"places": [*PLACES, place("g", "G", "组", level="region", members="nowhere")]},
            "places.csv, row 6, column 'members': unknown place 'nowhere'",
        ),
        (
            {"places": [place("x", "X", "某地", members="wuhan")]},
            "places.csv, row 2, column 'members': only a region or agglomeration lists members",
        ),
        (
            {"places": [place("x", "X", "某地", summary_en="Text")]},
            "places.csv, row 2, column 'summary_source_ids': a summary needs a source",
        ),
        (
            {"memberships": [{**MEMBERSHIPS[0], "programme": "moon-pilot"}]},
            "memberships.csv, row 2, column 'programme': unknown programme 'moon-pilot'",
        ),
        (
            {"memberships": [{**MEMBERSHIPS[0], "place_id": "atlantis"}]},
            "memberships.csv, row 2, column 'place_id': unknown place 'atlantis'",
        ),
        (
            {"memberships": [{**MEMBERSHIPS[0], "source_ids": "notice-a;ghost"}]},
            "memberships.csv, row 2, column 'source_ids': unknown source 'ghost'",
        ),
        (
            {"memberships": [{**MEMBERSHIPS[0], "year": "1900"}]},
            "memberships.csv, row 2, column 'year': '1900' is not a year between 1949 and 2100",
        ),
        (
            {"memberships": [MEMBERSHIPS[0], MEMBERSHIPS[0]]},
            "memberships.csv, row 3, column 'place_id': duplicate place_id/programme/batch",
        ),
        (
            {"sizes": [{**SIZES[0], "programme": "moon-pilot"}]},
            "sizes.csv, row 2, column 'programme': unknown programme 'moon-pilot'",
        ),
        (
            {"sizes": [{**SIZES[0], "official_size": "0"}]},
            "sizes.csv, row 2, column 'official_size': 0 is not positive",
        ),
        (
            {"sizes": [{**SIZES[0], "official_size": "many"}]},
            "sizes.csv, row 2, column 'official_size': 'many' is not",
        ),
        (
            {"sizes": [SIZES[0], SIZES[0]]},
            "sizes.csv, row 3, column 'programme': duplicate programme/batch",
        ),
        (
            {"sources": [*SOURCES, {**SOURCES[0], "id": "bad-url", "url": "javascript:alert(1)"}]},
            "sources.csv, row 4, column 'url': 'javascript:alert(1)' is not an http(s) address",
        ),
    ],
)
def test_each_defect_is_named(tmp_path: Path, rows: dict, expected: str) -> None:
    directory = write_dataset(tmp_path, **rows)
    found = problems_of(directory)
    assert any(p.startswith(expected) for p in found), found


def test_every_problem_is_listed_not_just_the_first(tmp_path: Path) -> None:
    directory = write_dataset(
        tmp_path,
        places=[place("a", "A", "甲", lat="99"), place("b", "B", "B"), *PLACES],
    )
    found = problems_of(directory)
    assert any("row 2, column 'lat'" in p for p in found)
    assert any("row 3, column 'name_zh'" in p for p in found)


def test_missing_column(small_dir: Path) -> None:
    path = small_dir / "places.csv"
    text = path.read_text(encoding="utf-8").replace(",lat,", ",latitude,", 1)
    path.write_text(text, encoding="utf-8")
    found = problems_of(small_dir)
    assert "places.csv, row 1, column 'lat': required column is missing" in found
    assert "places.csv, row 1, column 'latitude': unknown column" in found


def test_missing_and_empty_files(small_dir: Path) -> None:
    (small_dir / "actions.csv").unlink()
    (small_dir / "sources.csv").write_text("", encoding="utf-8")
    found = problems_of(small_dir)
    assert "actions.csv: file is missing" in found
    assert "sources.csv: file is empty; it needs at least a header row" in found


def test_wrong_encoding_names_the_file_and_line(small_dir: Path) -> None:
    path = small_dir / "places.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    found = problems_of(small_dir)
    assert any(p.startswith("places.csv, row 2: is not valid UTF-8") for p in found), found


def test_ragged_row(small_dir: Path) -> None:
    path = small_dir / "actions.csv"
    path.write_text(path.read_text(encoding="utf-8") + "wuhan,mitigation\n", encoding="utf-8")
    assert "actions.csv, row 4: has 2 cells, the header has 9" in problems_of(small_dir)


def test_bom_and_windows_line_endings_load(small_dir: Path) -> None:
    for path in small_dir.glob("*.csv"):
        text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    dataset = load_dataset(small_dir)
    assert dataset.places.at["wuhan", "name_zh"] == "武汉市"
    assert list(dataset.places.columns)[1] == "id"


def test_data_error_lists_everything(tmp_path: Path) -> None:
    directory = write_dataset(tmp_path, places=[place("a", "A", "甲", lat="99")])
    with pytest.raises(DataError) as info:
        load_dataset(directory)
    text = str(info.value)
    assert text.splitlines()[0].endswith("in the data:")
    assert "places.csv, row 2, column 'lat'" in text


def test_missing_folder(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nope") == [f"{tmp_path / 'nope'}: data folder does not exist"]


def test_loading_never_writes(small_dir: Path) -> None:
    before = {p.name: p.read_bytes() for p in small_dir.iterdir()}
    load_dataset(small_dir)
    assert {p.name: p.read_bytes() for p in small_dir.iterdir()} == before


def test_data_dir_from_env(monkeypatch: pytest.MonkeyPatch, small_dir: Path) -> None:
    monkeypatch.setenv("ATLAS_DATA_DIR", str(small_dir))
    assert set(load_dataset().places.index) == {"wuhan", "shenzhen", "changsha", "czt"}


def test_per_dataset_caches_for_the_life_of_the_dataset(small_dir) -> None:
    import gc
    import weakref

    from atlas.dataset import load_dataset, per_dataset

    calls: list[tuple] = []

    @per_dataset(maxsize=2)
    def count(dataset, n: int) -> int:
        calls.append((id(dataset), n))
        return len(dataset.places) + n

    dataset = load_dataset(small_dir)
    assert count(dataset, 1) == count(dataset, 1) == len(dataset.places) + 1
    count(dataset, 2)
    count(dataset, 3)  # evicts n=1, the least recently used
    count(dataset, 1)
    assert [n for _, n in calls] == [1, 2, 3, 1]
    gone = weakref.ref(dataset)
    del dataset
    gc.collect()
    assert gone() is None  # the cache did not keep the replaced dataset alive

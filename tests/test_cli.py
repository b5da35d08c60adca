"""`python -m atlas validate`: what contributors run before submitting data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.factory import PLACES, place, write_dataset

ROOT = Path(__file__).resolve().parent.parent


def validate(directory: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "atlas", "validate", str(directory)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_valid_folder(tmp_path: Path) -> None:
    result = validate(write_dataset(tmp_path))
    assert result.returncode == 0
    assert "valid (4 places, 4 memberships, 2 actions, 1 targets, 2 sources)" in result.stdout


def test_every_problem_is_listed_with_a_non_zero_exit(tmp_path: Path) -> None:
    directory = write_dataset(
        tmp_path,
        places=[*PLACES, place("bad", "Bad", "坏", lat="91"), place("wuhan", "Dup", "重复")],
    )
    (directory / "sources.csv").write_bytes(b"id,title\n" + "标题".encode("gb18030"))
    (directory / "geo").mkdir()
    (directory / "geo" / "shapes.geojson").write_text("{not json", encoding="utf-8")
    result = validate(directory)
    assert result.returncode == 1
    err = result.stderr
    assert "places.csv, row 6, column 'lat': 91 is outside China" in err
    assert "places.csv, row 7, column 'id': duplicate id 'wuhan'" in err
    assert "sources.csv, row 2: is not valid UTF-8" in err
    assert "geo/shapes.geojson: is not valid GeoJSON" in err
    assert "Traceback" not in err


def test_shipped_data_validates() -> None:
    assert validate(ROOT / "data").returncode == 0


def test_a_folder_without_targets_is_valid(tmp_path: Path) -> None:
    directory = write_dataset(tmp_path)
    (directory / "targets.csv").unlink()  # optional: older folders have none
    result = validate(directory)
    assert result.returncode == 0
    assert "valid (4 places, 4 memberships, 2 actions, 0 targets, 2 sources)" in result.stdout


def test_export_targets_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "targets.csv"
    data = str(write_dataset(tmp_path / "data"))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "atlas",
            "export",
            "--format",
            "targets",
            "--data",
            data,
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "wrote 1 target of 4 places" in result.stderr
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].startswith("wuhan,Wuhan,武汉市,co2-peak-year,2025,year,")

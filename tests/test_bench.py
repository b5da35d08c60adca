"""Cheap, deterministic parts of the benchmark (``python -m bench`` does the timing)."""

from __future__ import annotations

from pathlib import Path

from atlas.dataset import load_dataset
from bench.measure import APP, map_payload
from bench.report import REAL_PAYLOAD_BYTES
from bench.synth import generate

ROOT = Path(__file__).resolve().parent.parent


def test_map_payload_on_the_real_data_is_within_budget() -> None:
    size = map_payload(APP, ROOT / "data")
    assert 0 < size <= REAL_PAYLOAD_BYTES, f"the map sends {size:,} bytes"


def test_generator_writes_a_folder_the_loader_accepts(tmp_path: Path) -> None:
    directory = generate(300, tmp_path / "a")
    dataset = load_dataset(directory)
    real = load_dataset(ROOT / "data")
    assert len(dataset.places) == 300
    assert set(real.places.index) <= set(dataset.places.index)
    assert set(dataset.memberships["programme"]) <= set(real.programmes.index)
    assert len(dataset.memberships) > len(real.memberships)
    # The same seed writes the same files.
    again = generate(300, tmp_path / "b")
    for name in ("places.csv", "memberships.csv", "actions.csv"):
        assert (directory / name).read_bytes() == (again / name).read_bytes()

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.dataset import Dataset, load_dataset
from tests.factory import write_dataset

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def small_dir(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "data")


@pytest.fixture
def small(small_dir: Path) -> Dataset:
    return load_dataset(small_dir)


@pytest.fixture(scope="session")
def real() -> Dataset:
    return load_dataset(ROOT / "data")

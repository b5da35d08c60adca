"""What the simulated users choose from: place and programme names, read from the data files."""

from __future__ import annotations

import csv
import os
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKDOWN_ESCAPE = re.compile(r"\\(.)")


def plain(text: str) -> str:
    """Text as shown on screen: Markdown backslash escapes removed."""
    return MARKDOWN_ESCAPE.sub(r"\1", text).strip()


@dataclass(frozen=True)
class Catalogue:
    """Place names by id and programme ids by their English name."""

    places: dict[str, str]
    programmes: dict[str, str]

    def heading(self, place_id: str) -> str:
        """The start of the panel heading for ``place_id`` (its English name)."""
        return self.places[place_id]

    def deep_link(self, rng: random.Random) -> tuple[str, str]:
        """(place id, query string) of a deep link to a random place, without tiles."""
        place = rng.choice(sorted(self.places))
        return place, f"place={place}&basemap=none"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_catalogue(data_dir: Path | None = None) -> Catalogue:
    """Read places.csv and programmes.csv from the app's data folder: the programmes that
    have members (choosing one without, e.g. low-carbon communities, leaves no place to open)."""
    folder = data_dir or Path(os.environ.get("ATLAS_DATA_DIR", ROOT / "data"))
    places = {row["id"]: row["name_en"] for row in _rows(folder / "places.csv")}
    held = {row["programme"] for row in _rows(folder / "memberships.csv")}
    programmes = {
        row["name_en"]: row["id"] for row in _rows(folder / "programmes.csv") if row["id"] in held
    }
    if not places or not programmes:
        raise RuntimeError(f"no places or programmes in {folder}")
    return Catalogue(places, programmes)

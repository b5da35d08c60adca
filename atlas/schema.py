"""The tables of the dataset, declared once.

Each column says what kind of value it holds and whether it is required; the
loader checks every cell against this declaration, and the data README's
dictionary is tested against it so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Kind(Enum):
    """What a column holds."""

    SLUG = "slug"  # lowercase ASCII id
    TEXT = "text"
    ZH_TEXT = "zh_text"  # must contain Chinese characters
    INT = "int"
    YEAR = "year"
    FLOAT = "float"
    LAT = "lat"
    LON = "lon"
    ENUM = "enum"
    SLUG_LIST = "slug_list"  # ';'-separated slugs
    DATE = "date"  # YYYY, YYYY-MM or YYYY-MM-DD
    URL = "url"
    ADCODE = "adcode"  # six-digit GB/T 2260 code


@dataclass(frozen=True)
class Column:
    """One column of a table."""

    name: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    help: str = ""


@dataclass(frozen=True)
class Table:
    """One CSV file of the dataset."""

    name: str
    filename: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ("id",)
    help: str = ""
    optional_file: bool = False

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


LEVELS = (
    "province",
    "city",
    "district",
    "county",
    "park",
    "region",
    "agglomeration",
    "town",
    "community",
)
# Places too small for an outline: drawn at a point inside the county or district that contains
# them (locate_zh), else inside their city.
POINT_LEVELS = ("park", "town", "community")
ACTION_KINDS = ("mitigation", "adaptation")
THEMES = (
    "energy",
    "industry",
    "buildings",
    "transport",
    "waste",
    "carbon-sink",
    "market",
    "governance",
    "finance",
    "water",
    "heat",
    "ecosystem",
    "infrastructure",
    "health",
    "agriculture",
    "coast",
)
LANGUAGES = ("zh", "en")
FOCUS = ("mitigation", "adaptation", "both")  # what a programme asks of its pilots
# Families of programmes, for colours and grouping (documented in data/README.md).
FAMILIES = ("low-carbon", "adaptation", "markets-finance", "peaking-zero-carbon")
SOURCE_KINDS = ("official", "state-media", "media", "research", "ngo", "company", "other")
# Declared targets: each metric with its one unit (documented in data/README.md).
METRICS: dict[str, str] = {
    "co2-peak-year": "year",  # value is the year
    "co2-intensity-reduction": "%",  # cut in CO2 per unit GDP, base_year to target_year
    "energy-intensity-reduction": "%",  # cut in energy per unit GDP
    "non-fossil-energy-share": "%",  # of primary energy
    "forest-cover": "%",
    "sponge-city-area-share": "%",  # of built-up area meeting the sponge-city standard
    "renewable-power-capacity": "GW",
    "new-energy-vehicle-share": "%",
    "green-building-share": "%",  # of new urban buildings
    "coal-share": "%",  # of energy consumption
}
COORD_METHODS = ("boundary", "parent", "geocoded", "region")
GROUP_LEVELS = ("region", "agglomeration")

# Rough box around China's territory, islands of the South China Sea included.
CHINA_LAT = (3.0, 54.0)
CHINA_LON = (73.0, 136.0)

PROVINCES = Table(
    name="provinces",
    filename="provinces.csv",
    help="The 34 provincial-level divisions, used for the province filter and outlines.",
    columns=(
        Column("id", Kind.SLUG, True, help="Pinyin slug, e.g. hunan, shaanxi, neimenggu."),
        Column("name_en", Kind.TEXT, True, help="English name."),
        Column("name_zh", Kind.ZH_TEXT, True, help="Chinese name."),
        Column("adcode", Kind.ADCODE, True, help="GB/T 2260 code."),
    ),
)

PROGRAMMES = Table(
    name="programmes",
    filename="programmes.csv",
    help="The national pilot programmes.",
    columns=(
        Column("id", Kind.SLUG, True, help="e.g. low-carbon-pilot."),
        Column("name_en", Kind.TEXT, True),
        Column("name_zh", Kind.ZH_TEXT, True),
        Column("agency", Kind.TEXT, True, help="Agencies that run it."),
        Column("agency_zh", Kind.ZH_TEXT, help="The same agencies, as Chinese names them."),
        Column("first_year", Kind.YEAR, True),
        Column("description_en", Kind.TEXT, True),
        Column("description_zh", Kind.ZH_TEXT, True),
        Column("source_ids", Kind.SLUG_LIST, True, help="Sources for the description."),
        Column("focus", Kind.ENUM, True, FOCUS, help="What it asks of its pilots."),
        Column("family", Kind.ENUM, False, FAMILIES, help="Group of related programmes."),
    ),
)

PLACES = Table(
    name="places",
    filename="places.csv",
    help=(
        "Every pilot place: a province, city, district, county, park, town, community, region "
        "or group."
    ),
    columns=(
        Column("id", Kind.SLUG, True, help="Stable pinyin slug; never renumbered or reused."),
        Column("name_en", Kind.TEXT, True),
        Column("name_zh", Kind.ZH_TEXT, True),
        Column("level", Kind.ENUM, True, LEVELS),
        Column("province", Kind.SLUG_LIST, True, help="Province ids, ';'-separated."),
        Column("adcode", Kind.ADCODE, help="GB/T 2260 code where the place has one."),
        Column("lat", Kind.LAT, True, help="WGS-84 latitude of a representative point."),
        Column("lon", Kind.LON, True, help="WGS-84 longitude of a representative point."),
        Column("coord_method", Kind.ENUM, True, COORD_METHODS, help="How lat/lon were derived."),
        Column(
            "within_zh",
            Kind.TEXT,
            help="City containing a district, county, park, town or community.",
        ),
        Column(
            "locate_zh",
            Kind.TEXT,
            help="County or district containing a park, town or community (its point).",
        ),
        Column("members", Kind.SLUG_LIST, help="For regions and agglomerations: member place ids."),
        Column("summary_en", Kind.TEXT),
        Column("summary_zh", Kind.TEXT),
        Column("summary_source_ids", Kind.SLUG_LIST, help="Sources for the summary."),
    ),
)

MEMBERSHIPS = Table(
    name="memberships",
    filename="memberships.csv",
    key=("place_id", "programme", "batch"),
    help="One row per place per programme (and batch).",
    columns=(
        Column("place_id", Kind.SLUG, True),
        Column("programme", Kind.SLUG, True),
        Column("batch", Kind.INT, help="Batch number where the programme has batches."),
        Column("year", Kind.YEAR, True, help="Year of designation."),
        Column("notice", Kind.TEXT, help="Official document number."),
        Column(
            "peak_year", Kind.YEAR, help="Declared CO2 peak year, only where a source states it."
        ),
        Column("started", Kind.DATE, help="ETS pilots: the date trading began."),
        Column("source_ids", Kind.SLUG_LIST, True),
        Column("note", Kind.TEXT),
    ),
)

ACTIONS = Table(
    name="actions",
    filename="actions.csv",
    key=(),
    help="What a place does to cut emissions (mitigation) or prepare for impacts (adaptation).",
    columns=(
        Column("place_id", Kind.SLUG, True),
        Column("kind", Kind.ENUM, True, ACTION_KINDS),
        Column("year", Kind.YEAR),
        Column("theme", Kind.ENUM, False, THEMES),
        Column("title_en", Kind.TEXT, True),
        Column("title_zh", Kind.ZH_TEXT, True),
        Column("detail_en", Kind.TEXT),
        Column("detail_zh", Kind.TEXT),
        Column("source_ids", Kind.SLUG_LIST, True),
    ),
)

SOURCES = Table(
    name="sources",
    filename="sources.csv",
    help="Every document the data cites.",
    columns=(
        Column("id", Kind.SLUG, True),
        Column("title", Kind.TEXT, True, help="Title in its original language."),
        Column(
            "publisher",
            Kind.TEXT,
            help="The original publisher, not the site read; empty when the copy does not say.",
        ),
        Column("date", Kind.DATE),
        Column("url", Kind.URL, True),
        Column("language", Kind.ENUM, True, LANGUAGES),
        Column("supports", Kind.TEXT, help="What the data takes from it."),
        Column("kind", Kind.ENUM, False, SOURCE_KINDS, help="What kind of publisher."),
        Column("copy", Kind.ENUM, False, ("yes", "no"), help="yes: the url is a repost elsewhere."),
        Column("note", Kind.TEXT, help="Curators' notes on the copy read; never shown to readers."),
    ),
)

TARGETS = Table(
    name="targets",
    filename="targets.csv",
    key=(),
    optional_file=True,
    help="Targets a place's plans declare (peak year, intensity cuts, shares).",
    columns=(
        Column("place_id", Kind.SLUG, True),
        Column("metric", Kind.ENUM, True, tuple(METRICS), help="From the vocabulary."),
        Column("value", Kind.FLOAT, True, help="A number; for co2-peak-year the year."),
        Column("unit", Kind.TEXT, True, help="The metric's unit: year, % or GW."),
        Column("base_year", Kind.YEAR),
        Column("target_year", Kind.YEAR),
        Column("document", Kind.TEXT, help="Title or number of the plan that sets it."),
        Column("source_ids", Kind.SLUG_LIST, True),
        Column("note", Kind.TEXT, help="Conflicts, drafts, wording (e.g. 'before 2030')."),
    ),
)

SIZES = Table(
    name="sizes",
    filename="sizes.csv",
    key=("programme", "batch"),
    optional_file=True,
    help="How many members each programme's official list names (per batch), where known.",
    columns=(
        Column("programme", Kind.SLUG, True),
        Column("batch", Kind.INT, help="Empty for a programme without batches."),
        Column("official_size", Kind.INT, True, help="Members the official list names."),
        Column("source_ids", Kind.SLUG_LIST, True, help="Sources that give the size."),
        Column("note", Kind.TEXT, help="What the list counts (e.g. 21 cities and 43 parks)."),
    ),
)

TABLES: tuple[Table, ...] = (
    PROVINCES,
    PROGRAMMES,
    SOURCES,
    PLACES,
    MEMBERSHIPS,
    ACTIONS,
    TARGETS,
    SIZES,
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as possible."""

    file: str
    message: str
    row: int | None = None  # line number in the file, header = 1
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


@dataclass
class DataError(Exception):
    """Raised when a data folder does not validate; carries every problem found."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        return "\n".join([head, *(f"- {p}" for p in self.problems)])

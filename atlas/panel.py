"""What the side panel says about one place: plain data, no rendering."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

from atlas.dataset import Dataset, per_dataset


@dataclass(frozen=True)
class MembershipLine:
    """One programme a place belongs to."""

    programme: str
    programme_en: str
    programme_zh: str
    batch: int | None
    year: int | None
    notice: str
    peak_year: int | None
    started: str
    note: str
    source_ids: tuple[str, ...]
    focus: str = ""  # what the programme asks of its pilots: mitigation, adaptation or both


@dataclass(frozen=True)
class ActionLine:
    """One mitigation or adaptation action."""

    kind: str
    year: int | None
    theme: str
    title_en: str
    title_zh: str
    detail_en: str
    detail_zh: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class SourceLine:
    """One cited source, numbered in the order the panel first cites it."""

    number: int
    id: str
    title: str
    publisher: str  # the original publisher
    date: str
    url: str
    copy: bool = False  # the address is a repost on a site that is not the publisher's

    @property
    def site(self) -> str:
        """The host of the address read (shown for copies)."""
        return urlsplit(self.url).hostname or self.url


@dataclass(frozen=True)
class TargetLine:
    """A target one of the place's plans declares."""

    metric: str
    value: float
    unit: str
    base_year: int | None
    target_year: int | None
    document: str
    source_ids: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class PlacePanel:
    """Everything the panel shows about one place."""

    id: str
    name_en: str
    name_zh: str
    level: str
    provinces: tuple[tuple[str, str, str], ...]  # (id, name_en, name_zh)
    within_zh: str
    summary_en: str
    summary_zh: str
    memberships: tuple[MembershipLine, ...]
    mitigation: tuple[ActionLine, ...]
    adaptation: tuple[ActionLine, ...]
    members: tuple[tuple[str, str, str], ...]  # (id, name_en, name_zh)
    member_of: tuple[tuple[str, str, str], ...]
    sources: tuple[SourceLine, ...]
    summary_source_ids: tuple[str, ...]
    approximate: bool = False  # drawn at the point of the city it is in
    targets: tuple[TargetLine, ...] = ()

    @property
    def peak_year(self) -> int | None:
        """The declared CO2 peak year (the earliest, if plans differ)."""
        years = [int(t.value) for t in self.targets if t.metric == "co2-peak-year"]
        years += [m.peak_year for m in self.memberships if m.peak_year]
        return min(years) if years else None

    def asking(self, kind: str) -> tuple[MembershipLine, ...]:
        """The place's programmes that ask their pilots for actions of ``kind`` (one line
        per programme, the first of its memberships)."""
        seen: dict[str, MembershipLine] = {}
        for m in self.memberships:
            if m.focus in (kind, "both") and m.programme not in seen:
                seen[m.programme] = m
        return tuple(seen.values())

    def source(self, source_id: str) -> SourceLine | None:
        """A source this panel cites, with its footnote number."""
        return next((s for s in self.sources if s.id == source_id), None)

    def source_number(self, source_id: str) -> int | None:
        """The footnote number of a source in this panel."""
        source = self.source(source_id)
        return source.number if source else None


def _opt_int(value: object) -> int | None:
    return None if pd.isna(value) else int(value)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Tables:
    """The rows panels are built from, grouped by place once per dataset: building a
    panel is then a few dict lookups instead of pandas filtering and per-cell access."""

    place_names: dict[str, tuple[str, str]]
    programme_names: dict[str, tuple[str, str]]
    province_names: dict[str, tuple[str, str]]
    sources: dict[str, tuple[str, str, str, str, bool]]
    memberships: dict[str, list[MembershipLine]]
    targets: dict[str, list[TargetLine]]
    actions: dict[str, list[ActionLine]]
    member_of: dict[str, list[str]]


def _pairs(frame: pd.DataFrame, *columns: str) -> dict[str, tuple]:
    return dict(zip(frame.index, zip(*(frame[c] for c in columns), strict=True), strict=True))


def prepare_panels(dataset: Dataset) -> None:
    """Group the rows panels are built from now (once per dataset), not at the first click."""
    _tables(dataset)


@per_dataset(maxsize=1)
def _tables(dataset: Dataset) -> _Tables:
    places, programmes = dataset.places, dataset.programmes
    programme_names = _pairs(programmes, "name_en", "name_zh")
    focus = dict(zip(programmes.index, programmes["focus"], strict=True))
    order = {pid: i for i, pid in enumerate(programmes["id"])}
    m = dataset.memberships
    m = m.assign(order=m["programme"].map(order)).sort_values(
        ["order", "batch", "year"], kind="stable"
    )
    memberships: dict[str, list[MembershipLine]] = {}
    for r in m.itertuples(index=False):
        memberships.setdefault(r.place_id, []).append(
            MembershipLine(
                programme=r.programme,
                programme_en=programme_names[r.programme][0],
                programme_zh=programme_names[r.programme][1],
                batch=_opt_int(r.batch),
                year=_opt_int(r.year),
                notice=r.notice,
                peak_year=_opt_int(r.peak_year),
                started=r.started,
                note=r.note,
                source_ids=r.source_ids,
                focus=focus.get(r.programme, ""),
            )
        )
    a = dataset.actions
    a = a.assign(sort_year=a["year"].fillna(0)).sort_values("sort_year", kind="stable")
    actions: dict[str, list[ActionLine]] = {}
    for r in a.itertuples(index=False):
        actions.setdefault(r.place_id, []).append(
            ActionLine(
                kind=r.kind,
                year=_opt_int(r.year),
                theme=r.theme,
                title_en=r.title_en,
                title_zh=r.title_zh,
                detail_en=r.detail_en,
                detail_zh=r.detail_zh,
                source_ids=r.source_ids,
            )
        )
    member_of: dict[str, list[str]] = {}
    for parent, members in zip(places.index, places["members"], strict=True):
        for member in members:
            member_of.setdefault(member, []).append(parent)
    targets: dict[str, list[TargetLine]] = {}
    if dataset.targets is not None:
        for r in dataset.targets.itertuples(index=False):
            targets.setdefault(r.place_id, []).append(
                TargetLine(
                    metric=r.metric,
                    value=float(r.value),
                    unit=r.unit,
                    base_year=_opt_int(r.base_year),
                    target_year=_opt_int(r.target_year),
                    document=r.document,
                    source_ids=r.source_ids,
                    note=r.note,
                )
            )
    sources = {
        sid: (title, publisher, date, url, copy == "yes")
        for sid, (title, publisher, date, url, copy) in _pairs(
            dataset.sources, "title", "publisher", "date", "url", "copy"
        ).items()
    }
    return _Tables(
        place_names=_pairs(places, "name_en", "name_zh"),
        programme_names=programme_names,
        province_names=_pairs(dataset.provinces, "name_en", "name_zh"),
        sources=sources,
        memberships=memberships,
        targets=targets,
        actions=actions,
        member_of=member_of,
    )


def _names(tables: _Tables, ids: tuple[str, ...] | list[str]) -> tuple[tuple[str, str, str], ...]:
    names = tables.place_names
    return tuple((pid, *names[pid]) for pid in ids if pid in names)


@per_dataset(maxsize=256)  # immutable, and the same place is opened again and again
def build_panel(dataset: Dataset, place_id: str) -> PlacePanel | None:
    """Collect the panel of ``place_id``; ``None`` if there is no such place."""
    place = dataset.place(place_id)
    if place is None:
        return None
    tables = _tables(dataset)
    memberships = tuple(tables.memberships.get(place_id, ()))
    actions = tables.actions.get(place_id, [])
    targets = tuple(tables.targets.get(place_id, ()))
    # Sources are numbered in reading order: summary, memberships, targets, then actions.
    cited: list[str] = []
    for ids in (
        place["summary_source_ids"],
        *(m.source_ids for m in memberships),
        *(x.source_ids for x in targets),
        *(a.source_ids for a in actions),
    ):
        cited.extend(s for s in ids if s not in cited)
    source_lines = tuple(
        SourceLine(i + 1, sid, *tables.sources[sid]) for i, sid in enumerate(cited)
    )
    return PlacePanel(
        id=place_id,
        name_en=place["name_en"],
        name_zh=place["name_zh"],
        level=place["level"],
        provinces=tuple((p, *tables.province_names[p]) for p in place["province"]),
        within_zh=place["within_zh"],
        summary_en=place["summary_en"],
        summary_zh=place["summary_zh"],
        memberships=memberships,
        mitigation=tuple(a for a in actions if a.kind == "mitigation"),
        adaptation=tuple(a for a in actions if a.kind == "adaptation"),
        members=_names(tables, place["members"]),
        member_of=_names(tables, tables.member_of.get(place_id, [])),
        sources=source_lines,
        summary_source_ids=place["summary_source_ids"],
        approximate=place["coord_method"] == "parent",
        targets=targets,
    )


def source_lines(
    dataset: Dataset, source_ids: Sequence[str] | None = None
) -> tuple[SourceLine, ...]:
    """Sources as the panel shows them, numbered 1, 2, ... in the order given (every source
    of the dataset, by id, when ``source_ids`` is None); unknown ids are left out."""
    known = _tables(dataset).sources
    ids = sorted(known) if source_ids is None else [s for s in source_ids if s in known]
    return tuple(SourceLine(i + 1, sid, *known[sid]) for i, sid in enumerate(ids))

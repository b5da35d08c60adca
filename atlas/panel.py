"""What the side panel says about one place: plain data, no rendering."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from atlas.dataset import Dataset


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
    publisher: str
    date: str
    url: str


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

    @property
    def peak_year(self) -> int | None:
        """The declared peak year, if any membership records one."""
        years = [m.peak_year for m in self.memberships if m.peak_year]
        return min(years) if years else None

    def source_number(self, source_id: str) -> int | None:
        """The footnote number of a source in this panel."""
        for source in self.sources:
            if source.id == source_id:
                return source.number
        return None


def _opt_int(value: object) -> int | None:
    return None if pd.isna(value) else int(value)  # type: ignore[arg-type]


def _names(dataset: Dataset, ids: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    places = dataset.places
    return tuple(
        (pid, places.at[pid, "name_en"], places.at[pid, "name_zh"])
        for pid in ids
        if pid in places.index
    )


@lru_cache(maxsize=256)  # immutable, and the same place is opened again and again
def build_panel(dataset: Dataset, place_id: str) -> PlacePanel | None:
    """Collect the panel of ``place_id``; ``None`` if there is no such place."""
    place = dataset.place(place_id)
    if place is None:
        return None
    programmes = dataset.programmes
    order = {pid: i for i, pid in enumerate(programmes["id"])}
    rows = dataset.memberships[dataset.memberships["place_id"] == place_id]
    rows = rows.assign(order=rows["programme"].map(order)).sort_values(["order", "batch", "year"])
    memberships = tuple(
        MembershipLine(
            programme=r.programme,
            programme_en=programmes.at[r.programme, "name_en"],
            programme_zh=programmes.at[r.programme, "name_zh"],
            batch=_opt_int(r.batch),
            year=_opt_int(r.year),
            notice=r.notice,
            peak_year=_opt_int(r.peak_year),
            started=r.started,
            note=r.note,
            source_ids=r.source_ids,
        )
        for r in rows.itertuples(index=False)
    )
    acts = dataset.actions[dataset.actions["place_id"] == place_id]
    acts = acts.assign(sort_year=acts["year"].fillna(0)).sort_values("sort_year", kind="stable")
    actions = [
        ActionLine(
            kind=a.kind,
            year=_opt_int(a.year),
            theme=a.theme,
            title_en=a.title_en,
            title_zh=a.title_zh,
            detail_en=a.detail_en,
            detail_zh=a.detail_zh,
            source_ids=a.source_ids,
        )
        for a in acts.itertuples(index=False)
    ]
    # Sources are numbered in reading order: summary, memberships, then actions.
    cited: list[str] = []
    for ids in (
        place["summary_source_ids"],
        *(m.source_ids for m in memberships),
        *(a.source_ids for a in actions),
    ):
        cited.extend(s for s in ids if s not in cited)
    sources = dataset.sources
    source_lines = tuple(
        SourceLine(
            number=i + 1,
            id=sid,
            title=sources.at[sid, "title"],
            publisher=sources.at[sid, "publisher"],
            date=sources.at[sid, "date"],
            url=sources.at[sid, "url"],
        )
        for i, sid in enumerate(cited)
    )
    member_of = tuple(dataset.places.index[dataset.places["members"].map(lambda m: place_id in m)])
    province_rows = dataset.provinces
    return PlacePanel(
        id=place_id,
        name_en=place["name_en"],
        name_zh=place["name_zh"],
        level=place["level"],
        provinces=tuple(
            (p, province_rows.at[p, "name_en"], province_rows.at[p, "name_zh"])
            for p in place["province"]
        ),
        within_zh=place["within_zh"],
        summary_en=place["summary_en"],
        summary_zh=place["summary_zh"],
        memberships=memberships,
        mitigation=tuple(a for a in actions if a.kind == "mitigation"),
        adaptation=tuple(a for a in actions if a.kind == "adaptation"),
        members=_names(dataset, place["members"]),
        member_of=_names(dataset, member_of),
        sources=source_lines,
        summary_source_ids=place["summary_source_ids"],
        approximate=place["coord_method"] == "parent",
    )

"""How much the content covers: of each programme's places, summaries, owed actions, targets
and sources read at their publisher's own address; of each official list, how many members
the atlas holds."""

from __future__ import annotations

from dataclasses import dataclass

from atlas.dataset import Dataset, per_dataset

TOTAL = "all"


@dataclass(frozen=True)
class Coverage:
    """Counts of places (and sources) for one programme, or for all places."""

    programme: str
    places: int
    summaries: int  # a summary in both languages
    owed_one: int  # at least one action of each kind its programmes ask for
    owed_two: int  # two or more of each such kind
    with_target: int
    sources: int  # sources cited by these places
    own_site: int  # of them, read at the publisher's own address (copy is not "yes")

    def share(self, count: int) -> float:
        return count / self.places if self.places else 1.0


def owed_kinds(dataset: Dataset) -> dict[str, set[str]]:
    """For each place, the kinds of action its programmes ask for."""
    focus = dict(zip(dataset.programmes.index, dataset.programmes["focus"], strict=True))
    owed: dict[str, set[str]] = {pid: set() for pid in dataset.places.index.tolist()}
    for pid, programme in zip(
        dataset.memberships["place_id"], dataset.memberships["programme"], strict=True
    ):
        kind = focus.get(programme)
        owed[pid] |= {"mitigation", "adaptation"} if kind == "both" else {kind}
    return owed


def coverage(dataset: Dataset) -> list[Coverage]:
    """One row per programme, then one for all places."""
    places = dataset.places
    summarised = {
        pid
        for pid, en, zh in zip(
            places.index, places["summary_en"], places["summary_zh"], strict=True
        )
        if en.strip() and zh.strip()
    }
    counts: dict[tuple[str, str], int] = {}
    cited: dict[str, set[str]] = {
        pid: set(places.at[pid, "summary_source_ids"]) for pid in places.index
    }
    for pid, kind, sources in zip(
        dataset.actions["place_id"],
        dataset.actions["kind"],
        dataset.actions["source_ids"],
        strict=True,
    ):
        counts[(pid, kind)] = counts.get((pid, kind), 0) + 1
        cited[pid] |= set(sources)
    targeted: set[str] = set()
    if dataset.targets is not None:
        targeted = set(dataset.targets["place_id"])
        for pid, sources in zip(
            dataset.targets["place_id"], dataset.targets["source_ids"], strict=True
        ):
            cited[pid] |= set(sources)
    for pid, sources in zip(
        dataset.memberships["place_id"], dataset.memberships["source_ids"], strict=True
    ):
        cited[pid] |= set(sources)
    copies = set(dataset.sources.index[dataset.sources["copy"] == "yes"])
    owed = owed_kinds(dataset)
    groups: dict[str, set[str]] = {}
    for pid, programme in zip(
        dataset.memberships["place_id"], dataset.memberships["programme"], strict=True
    ):
        groups.setdefault(programme, set()).add(pid)
    groups[TOTAL] = set(places.index)

    def has(pid: str, n: int) -> bool:
        return all(counts.get((pid, kind), 0) >= n for kind in owed[pid])

    rows = []
    for programme, members in groups.items():
        sources = set().union(*(cited[p] for p in members)) if members else set()
        rows.append(
            Coverage(
                programme=programme,
                places=len(members),
                summaries=len(members & summarised),
                owed_one=sum(has(p, 1) for p in members),
                owed_two=sum(has(p, 2) for p in members),
                with_target=len(members & targeted),
                sources=len(sources),
                own_site=len(sources - copies),
            )
        )
    order = [*dataset.programmes.index.tolist(), TOTAL]
    return sorted(rows, key=lambda r: order.index(r.programme))


def coverage_table(rows: list[Coverage]) -> str:
    """The coverage as a Markdown table (data/README.md carries it)."""
    lines = [
        "| programme | places | summary (en+zh) | ≥1 owed action of each kind | ≥2 | with a target "
        "| sources at the publisher's own site |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        own = r.own_site / r.sources if r.sources else 1.0
        lines.append(
            f"| `{r.programme}` | {r.places} | {r.share(r.summaries):.0%} "
            f"| {r.share(r.owed_one):.0%} | {r.share(r.owed_two):.0%} "
            f"| {r.share(r.with_target):.0%} | {own:.0%} |"
        )
    return "\n".join(lines)


BACKED_TABLES = ("memberships", "actions", "targets", "summaries")


@dataclass(frozen=True)
class Backing:
    """How many rows of one table cite at least one source read at its publisher's own
    address (``copy`` is not ``yes``); ``summaries`` counts the places that have one."""

    table: str
    rows: int
    backed: int

    @property
    def share(self) -> float:
        return self.backed / self.rows if self.rows else 1.0


def source_backing(dataset: Dataset) -> list[Backing]:
    """Per table (memberships, actions, targets, places' summaries), the rows backed by at
    least one non-copy source, in the order of ``BACKED_TABLES``."""
    copies = set(dataset.sources.index[dataset.sources["copy"] == "yes"])
    known = set(dataset.sources.index)

    def count(table: str, source_lists: list[tuple[str, ...]]) -> Backing:
        backed = sum(any(s in known and s not in copies for s in ids) for ids in source_lists)
        return Backing(table, len(source_lists), backed)

    places = dataset.places
    summarised = (places["summary_en"].str.strip() != "") | (places["summary_zh"].str.strip() != "")
    targets = dataset.targets
    return [
        count("memberships", list(dataset.memberships["source_ids"])),
        count("actions", list(dataset.actions["source_ids"])),
        count("targets", list(targets["source_ids"]) if targets is not None else []),
        count("summaries", list(places.loc[summarised, "summary_source_ids"])),
    ]


def backing_table(rows: list[Backing]) -> str:
    """The per-table share of rows backed by a non-copy source, as Markdown."""
    lines = [
        "| table | rows | backed by a source at the publisher's own site | share |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| `{r.table}` | {r.rows} | {r.backed} | {r.share:.0%} |" for r in rows]
    return "\n".join(lines)


@dataclass(frozen=True)
class ListGap:
    """An official list (one programme's batch) of which the atlas holds only part."""

    programme: str
    batch: int | None  # None: the programme has no batches
    official: int  # members the official list names (sizes.csv)
    held: int  # of them, places in the atlas with a sourced membership


@per_dataset(maxsize=1)
def incomplete_lists(dataset: Dataset) -> tuple[ListGap, ...]:
    """The official lists the atlas holds fewer members of than the list names, in the
    order of programmes.csv, then by batch. A list whose size is not known is not listed."""
    sizes = dataset.sizes
    if sizes is None or sizes.empty:
        return ()
    members = dataset.memberships
    # Batch 0 stands for "no batch" on both sides (batches are numbered from 1).
    held = members.groupby(["programme", members["batch"].fillna(0)])["place_id"].nunique()
    order = {p: i for i, p in enumerate(dataset.programmes.index)}
    gaps = []
    for programme, batch, official in zip(
        sizes["programme"], sizes["batch"].fillna(0), sizes["official_size"], strict=True
    ):
        have = int(held.get((programme, batch), 0))
        if have < official:
            gaps.append(ListGap(programme, int(batch) or None, int(official), have))
    return tuple(sorted(gaps, key=lambda g: (order.get(g.programme, len(order)), g.batch or 0)))

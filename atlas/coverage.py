"""How much of each programme's places the content covers: summaries, owed actions,
targets, and sources read at their publisher's own address."""

from __future__ import annotations

from dataclasses import dataclass

from atlas.dataset import Dataset

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

"""Per-table backing by sources read at their publisher's own address."""

from __future__ import annotations

from pathlib import Path

from atlas.coverage import BACKED_TABLES, Backing, backing_table, source_backing
from atlas.dataset import load_dataset
from tests.factory import PLACES, SOURCES, TARGETS, write_dataset


def test_rows_count_as_backed_with_one_non_copy_source(tmp_path: Path) -> None:
    # notice-b is a repost: rows citing only it are not backed; notice-a is the publisher's.
    sources = [SOURCES[0], {**SOURCES[1], "copy": "yes", "kind": "official"}]
    places = [
        {
            **PLACES[0],
            "summary_en": "A city.",
            "summary_zh": "一座城市。",
            "summary_source_ids": "notice-b",
        },
        *PLACES[1:],
    ]
    targets = [*TARGETS, {**TARGETS[0], "value": "2024", "source_ids": "notice-b;notice-a"}]
    dataset = load_dataset(
        write_dataset(tmp_path / "data", sources=sources, places=places, targets=targets)
    )
    rows = {r.table: r for r in source_backing(dataset)}
    assert [r.table for r in source_backing(dataset)] == list(BACKED_TABLES)
    # Memberships: three cite notice-a, Shenzhen's ETS row only notice-b.
    assert (rows["memberships"].rows, rows["memberships"].backed) == (4, 3)
    # Actions: the mitigation one cites notice-a, the adaptation one notice-b.
    assert (rows["actions"].rows, rows["actions"].backed) == (2, 1)
    assert (rows["targets"].rows, rows["targets"].backed) == (2, 2)  # one of two is enough
    summaries = rows["summaries"]
    assert summaries.rows == sum(1 for p in places if p.get("summary_en") or p.get("summary_zh"))
    assert summaries.backed == summaries.rows - 1  # the one citing the repost


def test_a_folder_without_targets_or_rows_counts_as_fully_backed(tmp_path: Path) -> None:
    directory = write_dataset(tmp_path / "data")
    (directory / "targets.csv").unlink()
    rows = {r.table: r for r in source_backing(load_dataset(directory))}
    assert rows["targets"] == Backing("targets", 0, 0)
    assert rows["targets"].share == 1.0


def test_backing_table_is_markdown() -> None:
    table = backing_table([Backing("actions", 406, 129), Backing("targets", 0, 0)])
    assert table.splitlines() == [
        "| table | rows | backed by a source at the publisher's own site | share |",
        "|---|---:|---:|---:|",
        "| `actions` | 406 | 129 | 32% |",
        "| `targets` | 0 | 0 | 100% |",
    ]


def test_incomplete_lists_are_those_the_atlas_holds_fewer_members_of(tmp_path: Path) -> None:
    from atlas.coverage import ListGap, incomplete_lists
    from tests.factory import SIZES

    dataset = load_dataset(write_dataset(tmp_path / "data"))
    # Batch 1 of the low-carbon pilots: 13 on the list, 1 here; the ETS list (1) is complete.
    assert incomplete_lists(dataset) == (ListGap("low-carbon-pilot", 1, 13, 1),)
    bigger = [*SIZES, {"programme": "low-carbon-pilot", "batch": "3", "official_size": "2",
                       "source_ids": "notice-a"}]  # fmt: skip
    other = load_dataset(write_dataset(tmp_path / "other", sizes=bigger))
    found = [(g.batch, g.held, g.official) for g in incomplete_lists(other)]
    assert found == [(1, 1, 13), (3, 1, 2)]


def test_no_sizes_file_means_no_list_is_known_to_be_incomplete(tmp_path: Path) -> None:
    from atlas.coverage import incomplete_lists

    folder = write_dataset(tmp_path / "data")
    (folder / "sizes.csv").unlink()
    assert incomplete_lists(load_dataset(folder)) == ()

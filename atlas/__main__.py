"""Command line: ``python -m atlas validate [DIR]``, ``coverage [DIR]``, ``assets``, ``export``
(places as csv or geojson, their targets as csv, the whole data package as zip)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from atlas.assets import ensure_static_assets
from atlas.dataset import data_dir_from_env, load_dataset, validate_dir
from atlas.export import (
    data_package_bytes,
    panel_table,
    places_table,
    targets_table,
    to_csv_bytes,
    to_geojson_bytes,
)
from atlas.filters import shown_places, view_options
from atlas.geo import load_geo
from atlas.schema import DataError
from atlas.view import parse_query

# csv and geojson: the shown places; targets: their declared targets (CSV); panel: a row
# per place and year with 0/1 per programme and batch; zip: everything.
EXPORT_FORMATS = ("csv", "geojson", "targets", "panel", "zip")
# CLI option -> link parameter, so the CLI filters exactly as a shared link does.
FILTER_PARAMETERS = {
    "programme": "programme",
    "batch": "batch",
    "province": "province",
    "year_from": "from",
    "year_to": "to",
}
STDOUT = "-"


def _validate(directory: Path) -> int:
    frames, problems = validate_dir(directory)
    problems = [*problems, *load_geo(directory).problems]
    if problems:
        print(f"{directory}: {len(problems)} problem(s)", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    counts = ", ".join(
        f"{len(frames[name])} {name}"
        for name in ("places", "memberships", "actions", "targets", "sources")
    )
    print(f"{directory}: valid ({counts})")
    return 0


def _coverage(directory: Path) -> int:
    from atlas.coverage import backing_table, coverage, coverage_table, source_backing

    try:
        dataset = load_dataset(directory)
    except DataError as exc:
        print(f"{directory}: {exc}", file=sys.stderr)
        return 1
    print(coverage_table(coverage(dataset)))
    print()
    print(backing_table(source_backing(dataset)))
    return 0


def _filter_params(args: argparse.Namespace) -> dict[str, list[str]]:
    """The export filters as query parameters, only those given."""
    params: dict[str, list[str]] = {}
    for option, parameter in FILTER_PARAMETERS.items():
        value = getattr(args, option)
        if value is not None:
            params[parameter] = list(value) if isinstance(value, list) else [value]
    return params


def _export(args: argparse.Namespace) -> int:
    directory = (args.data or data_dir_from_env()).resolve()
    try:
        dataset = load_dataset(directory)
    except DataError as exc:
        print(f"{directory}: {exc}", file=sys.stderr)
        return 1
    params = _filter_params(args)
    if args.format == "zip":
        if params:
            # The data package is the whole dataset; a filtered one would be misleading.
            given = ", ".join(f"--{parameter}" for parameter in params)
            print(
                f"{given}: the zip data package holds the whole dataset; "
                "filters apply to csv and geojson only; nothing written",
                file=sys.stderr,
            )
            return 2
        data, what = data_package_bytes(dataset), "the data package"
    elif args.provinces_cover_cities and args.format != "panel":
        print("--provinces-cover-cities: only for --format panel; nothing written", file=sys.stderr)
        return 2
    else:
        view, notices = parse_query(params, view_options(dataset))
        if notices:
            for notice in notices:
                print(notice, file=sys.stderr)
            print("nothing written", file=sys.stderr)
            return 2
        shown = shown_places(dataset, view)
        what = f"{len(shown)} place{'s' if len(shown) != 1 else ''}"
        if args.format == "csv":
            data = to_csv_bytes(places_table(dataset, shown))
        elif args.format == "targets":
            table = targets_table(dataset, shown)
            data = to_csv_bytes(table)
            what = f"{len(table)} target{'s' if len(table) != 1 else ''} of {what}"
        elif args.format == "panel":
            # Filters choose the rows (places); the columns always cover every programme.
            panel = panel_table(dataset, shown, provinces_cover_cities=args.provinces_cover_cities)
            data = to_csv_bytes(panel)
            what += f" x {panel['year'].nunique()} years"
        else:
            data = to_geojson_bytes(dataset, shown)
    if args.out == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        target = "standard output"
    else:
        try:
            Path(args.out).write_bytes(data)
        except OSError as exc:
            print(f"cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        target = args.out
    print(f"wrote {what} to {target}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atlas")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data folder; lists every problem")
    check.add_argument("directory", nargs="?", type=Path, default=None)
    commands.add_parser("assets", help="copy Leaflet and jQuery into static/vendor")
    cover = commands.add_parser(
        "coverage",
        help="per programme: summaries, owed actions, targets, own-site sources; "
        "per table: rows backed by a non-copy source",
    )
    cover.add_argument("directory", nargs="?", type=Path, default=None)
    export = commands.add_parser(
        "export",
        help=(
            "write the filtered places (csv, geojson), their declared targets (targets, CSV), "
            "their pilot status per year (panel) or the whole data package (zip)"
        ),
        description="Filters take the same values as the app's link parameters.",
    )
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("--programme", nargs="+", action="extend", metavar="ID")
    export.add_argument(
        "--batch",
        nargs="+",
        action="extend",
        metavar="TOKEN",
        help="programme:batch, e.g. low-carbon-pilot:2",
    )
    export.add_argument("--province", metavar="ID")
    export.add_argument(
        "--provinces-cover-cities",
        action="store_true",
        help="panel: a province's pilot status also marks every city of the dataset in it",
    )
    export.add_argument("--from", dest="year_from", metavar="YEAR")
    export.add_argument("--to", dest="year_to", metavar="YEAR")
    export.add_argument(
        "--data", type=Path, metavar="DIR", help="data folder (default: $ATLAS_DATA_DIR or data/)"
    )
    export.add_argument(
        "--out", required=True, metavar="PATH", help="file to write, '-' for stdout"
    )
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate((args.directory or data_dir_from_env()).resolve())
    if args.command == "export":
        return _export(args)
    if args.command == "coverage":
        return _coverage((args.directory or data_dir_from_env()).resolve())
    written = ensure_static_assets()
    print(f"static assets ready ({len(written)} copied)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Command line: ``python -m atlas validate [DIR]`` and ``python -m atlas assets``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from atlas.assets import ensure_static_assets
from atlas.dataset import data_dir_from_env, validate_dir
from atlas.geo import load_geo


def _validate(directory: Path) -> int:
    frames, problems = validate_dir(directory)
    problems = [*problems, *load_geo(directory).problems]
    if problems:
        print(f"{directory}: {len(problems)} problem(s)", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    counts = ", ".join(
        f"{len(frames[name])} {name}" for name in ("places", "memberships", "actions", "sources")
    )
    print(f"{directory}: valid ({counts})")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atlas")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data folder; lists every problem")
    check.add_argument("directory", nargs="?", type=Path, default=None)
    commands.add_parser("assets", help="copy Leaflet and jQuery into static/vendor")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate((args.directory or data_dir_from_env()).resolve())
    written = ensure_static_assets()
    print(f"static assets ready ({len(written)} copied)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

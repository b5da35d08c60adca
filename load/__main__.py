"""``python -m load [--sessions 25] [--seconds 90] [--browsers 2] [--two-servers]``.

Prints the Markdown report, writes it to load/results/latest.md and exits 1 on any error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from load.report import render, write
from load.run import Options, run


def parse(argv: Sequence[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m load", description=__doc__)
    parser.add_argument("--sessions", type=int, default=25, help="concurrent sessions (25)")
    parser.add_argument("--seconds", type=float, default=90.0, help="seconds of load (90)")
    parser.add_argument(
        "--browsers",
        type=int,
        default=2,
        help="how many of the sessions are real browser contexts; the rest speak "
        "Streamlit's WebSocket protocol directly (2)",
    )
    parser.add_argument(
        "--two-servers",
        action="store_true",
        help="two app processes behind deploy/nginx-two.conf; one is stopped mid-test",
    )
    parser.add_argument("--seed", type=int, default=Options.seed, help="random seed")
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= 200 or not 5 <= args.seconds <= 900 or args.browsers < 0:
        parser.error("--sessions 1..200, --seconds 5..900, --browsers >= 0")
    return Options(
        sessions=args.sessions,
        seconds=args.seconds,
        browsers=args.browsers,
        two_servers=args.two_servers,
        seed=args.seed,
    )


def main(argv: Sequence[str] | None = None) -> int:
    outcome = run(parse(argv))
    text = render(outcome)
    print(text)
    path = write(text, outcome)
    print(f"written to {path}", file=sys.stderr)
    return 1 if outcome.recorder.failures else 0


if __name__ == "__main__":
    sys.exit(main())

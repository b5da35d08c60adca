"""``python -m load [--sessions 25] [--seconds 90] [--browsers 2] [--two-servers]``.

Also ``--soak --sessions 50 --minutes 20`` (memory trend, RSS every 10 s) and ``--budgets``
(issue 17's capacity budgets: 25 and 100 sessions on one process, 200 on two) and
``--compare-gc`` (runner.postScriptGC on and off, taking turns, at 25 and 100 sessions).
Prints the Markdown report, writes it to load/results/ and exits 1 on any error, on a soak
whose memory is not flat, or on a missed budget.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from load import machine
from load.report import render, render_soak, soak_flat, write
from load.run import Options, run

SOAK_SAMPLE = 10.0  # seconds between RSS samples in a soak


def _switch(text: str) -> bool:
    if text not in ("on", "off"):
        raise argparse.ArgumentTypeError("on or off")
    return text == "on"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m load", description=__doc__)
    p.add_argument("--sessions", type=int, default=None, help="concurrent sessions (25)")
    p.add_argument("--seconds", type=float, default=None, help="seconds of load (90)")
    p.add_argument("--minutes", type=float, default=None, help="minutes of load (soak: 20)")
    p.add_argument(
        "--browsers",
        type=int,
        default=None,
        help="how many of the sessions are real browser contexts; the rest speak "
        "Streamlit's WebSocket protocol directly (2; soak and budgets: 0)",
    )
    p.add_argument(
        "--two-servers",
        action="store_true",
        help="two app processes behind deploy/nginx-two.conf; one is stopped mid-test",
    )
    p.add_argument(
        "--soak",
        action="store_true",
        help="a long run reporting the RSS trend (sampled every 10 s)",
    )
    p.add_argument(
        "--budgets",
        action="store_true",
        help="25 and 100 protocol sessions on one process, 200 on two with failover; "
        "checks issue 17's budgets",
    )
    p.add_argument(
        "--compare-gc",
        action="store_true",
        help="runner.postScriptGC on and off, taking turns, on one process (--counts 25,100)",
    )
    p.add_argument("--counts", default=None, help="session counts for --compare-gc (25,100)")
    p.add_argument(
        "--post-script-gc",
        type=_switch,
        default=None,
        metavar="on|off",
        help="runner.postScriptGC for the app (default: .streamlit/config.toml)",
    )
    p.add_argument("--seed", type=int, default=Options.seed, help="random seed")
    return p


def parse(argv: Sequence[str] | None = None) -> tuple[Options, argparse.Namespace]:
    p = parser()
    args = p.parse_args(argv)
    if args.seconds is not None and args.minutes is not None:
        p.error("--seconds or --minutes, not both")
    if args.minutes is not None:
        seconds = args.minutes * 60
    elif args.seconds is not None:
        seconds = args.seconds
    else:
        seconds = 20 * 60.0 if args.soak else 90.0
    sessions = args.sessions if args.sessions is not None else (50 if args.soak else 25)
    browsers = args.browsers if args.browsers is not None else (0 if args.soak else 2)
    longest = 4 * 3600 if args.soak else 900
    if not 1 <= sessions <= 200 or not 5 <= seconds <= longest or browsers < 0:
        p.error(f"--sessions 1..200, --seconds 5..{longest}, --browsers >= 0")
    if args.soak and (args.two_servers or args.budgets or args.compare_gc):
        p.error("--soak runs one process on its own")
    options = Options(
        sessions=sessions,
        seconds=seconds,
        browsers=browsers,
        two_servers=args.two_servers,
        seed=args.seed,
        rss_every=SOAK_SAMPLE if args.soak else Options.rss_every,
        post_script_gc=args.post_script_gc,
    )
    return options, args


def main(argv: Sequence[str] | None = None) -> int:
    options, args = parse(argv)
    machine.noted()  # on the quiet machine, before any server starts
    if args.budgets or args.compare_gc:
        from load.budgets import run_budgets, run_compare

        return (run_budgets if args.budgets else run_compare)(options, args)
    outcome = run(options)
    if args.soak:
        text = render_soak(outcome)
        gc = "on" if outcome.options.post_script_gc else "off"
        mode = f"soak-gc-{gc}" if options.post_script_gc is not None else "soak"
        path = write(text, outcome, mode)
        failed = bool(outcome.recorder.failures) or not soak_flat(outcome)
    else:
        text = render(outcome)
        path = write(text, outcome)
        failed = bool(outcome.recorder.failures)
    print(text)
    print(f"written to {path}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

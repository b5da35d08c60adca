"""Summarise a py-spy raw profile of the app under load (``python -m load.profile FILE``).

Record one with ``py-spy record --pid PID --duration 30 --rate 100 --nonblocking
--format raw -o profile.txt`` while ``python -m load`` runs (the report's log names the
app's port; ``pgrep -f 'streamlit run'`` its pid). Each line of the raw format is one stack,
root first, frames joined by ``;``, then a space and how many samples had it. This prints the
frames with the largest inclusive share (samples with the frame anywhere in their stack) and
the largest self share (samples where it is the innermost frame).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

LINE_NUMBER = re.compile(r":\d+\)$")  # "f (file.py:12)" -> "f (file.py)": one row a function


def frame_name(frame: str) -> str:
    """The frame without its line number, and with site-packages paths shortened."""
    name = LINE_NUMBER.sub(")", frame.strip())
    return re.sub(r"\(.*?site-packages/", "(", name)


def shares(lines: Iterable[str]) -> tuple[int, Counter[str], Counter[str]]:
    """(samples, inclusive samples per frame, self samples per frame) of raw py-spy lines."""
    total = 0
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    for line in lines:
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = [frame_name(f) for f in stack.split(";") if f.strip()]
        if not frames:
            continue
        total += n
        for name in set(frames):
            inclusive[name] += n
        own[frames[-1]] += n
    return total, inclusive, own


def render(total: int, inclusive: Counter[str], own: Counter[str], top: int = 40) -> str:
    lines = [f"{total} samples", "", "inclusive  self  frame"]
    for name, n in inclusive.most_common(top):
        lines.append(f"{100 * n / total:8.1f}% {100 * own[name] / total:5.1f}%  {name}")
    lines += ["", "top self time"]
    for name, n in own.most_common(top // 2):
        lines.append(f"{100 * n / total:8.1f}%  {name}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m load.profile", description=__doc__)
    parser.add_argument("raw", type=Path, help="py-spy --format raw output")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--only", default="", help="keep stacks containing this text")
    args = parser.parse_args(argv)
    if not args.raw.is_file():
        parser.error(f"no file {args.raw}")
    text = args.raw.read_text(errors="replace").splitlines()
    if args.only:
        text = [line for line in text if args.only in line]
    total, inclusive, own = shares(text)
    if not total:
        parser.error("no samples in the file")
    print(render(total, inclusive, own, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())

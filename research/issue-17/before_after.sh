#!/usr/bin/env bash
# Two source trees under the same load one after the other, taking turns, each on its own data:
# the app before issue 17 and the app now, on the same machine in the same minutes.
# Usage: research/issue-17/before_after.sh TREE_BEFORE TREE_AFTER [ROUNDS] [SECONDS] [COUNTS]
# Both trees must hold the same load/ package (copy this tree's into the other; an older tree
# without ui/process.py needs load/report.py's gc_thresholds taken from gc.get_threshold).
# Prints per round, tree and session count: actions a second, CPU per action, median / p95 of
# open, filter, select.
set -euo pipefail
A=$1 B=$2 R=${3:-1} T=${4:-60} COUNTS=${5:-"25 100"}
out=$(mktemp -d)
# shellcheck source=figures.sh
source "$(dirname "$0")/figures.sh"
for r in $(seq "$R"); do
    for n in $COUNTS; do
        for side in before after; do
            tree=$A; [ "$side" = after ] && tree=$B
            (cd "$tree" && .venv/bin/python -m load --sessions "$n" --seconds "$T" --browsers 0 >"$out/$side" 2>&1) || true
            echo "round $r, $n sessions, $side: $(figures "$out/$side")"
        done
    done
done

#!/usr/bin/env bash
# Two source trees under load at the same time, so that a slow spell of the VM falls on both.
# Usage (any directory): research/issue-17/simultaneous.sh TREE_A TREE_B [ROUNDS] [SESSIONS] [SECONDS]
# Each tree runs its own `python -m load` (one app process, protocol sessions) on the data of
# $ATLAS_DATA_DIR (default: TREE_B's data/); both must hold the same load/ package. Prints per
# round and tree: actions a second, server CPU per action, median / p95 of open, filter, select.
set -euo pipefail
A=$1 B=$2 R=${3:-2} S=${4:-100} T=${5:-30}
DATA=${ATLAS_DATA_DIR:-$B/data}
out=$(mktemp -d)
# shellcheck source=figures.sh
source "$(dirname "$0")/figures.sh"
for r in $(seq "$R"); do
    (cd "$A" && ATLAS_DATA_DIR=$DATA .venv/bin/python -m load --sessions "$S" --seconds "$T" --browsers 0 >"$out/a" 2>&1) &
    (cd "$B" && ATLAS_DATA_DIR=$DATA .venv/bin/python -m load --sessions "$S" --seconds "$T" --browsers 0 >"$out/b" 2>&1) &
    wait
    echo "round $r A: $(figures "$out/a")"
    echo "round $r B: $(figures "$out/b")"
done

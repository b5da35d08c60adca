# Sourced by simultaneous.sh and before_after.sh: one load report's line of figures, i.e.
# actions a second, server CPU per action, median / p95 of open, filter and select.
figures() {
    local f=$1
    echo "$(grep -o '([0-9.]* a second)' "$f") $(grep 'server CPU per action' "$f" | awk -F'|' '{print $3}')" \
        "$(grep '^| open\|^| filter\|^| select' "$f" | awk -F'|' '{printf "%s/%s ", $5, $6}')"
}

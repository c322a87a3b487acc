#!/usr/bin/env bash
# Worst cases: text made of one pattern, at 1 MB and 4 MB. Linear time shows as the same MB/s at
# both sizes; quadratic time as MB/s that drops by four.
#
#   bench/pathological.sh
#   CHRONIK=build/chronik bench/pathological.sh
set -euo pipefail
cd "$(dirname "$0")/.."

chronik=${CHRONIK:-build/chronik}
[ -x "$chronik" ] || { echo "no $chronik: run 'make build' first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Writes `megabytes` MB of `piece` repeated, after a date header, to a file; prints its path.
make_input() {
  local name=$1 piece=$2 megabytes=$3
  local file="$tmp/$name-$megabytes"
  { echo "date 2025-02-12"; yes "$piece" | tr -d '\n' | head -c $((megabytes << 20)); } >"$file"
  echo "$file"
}

printf '%-22s %8s %8s %12s\n' input MB seconds MB/s
for spec in "digits-and-dots|1." "month-names|Januar " "one-long-word|a" "clock-times|um 10 Uhr " \
            "dates|am 3. Mai 2024, "; do
  name=${spec%%|*}
  piece=${spec#*|}
  for megabytes in 1 4; do
    file=$(make_input "$name" "$piece" "$megabytes")
    start=$EPOCHREALTIME
    "$chronik" extract --format jsonl "$file" >/dev/null
    seconds=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }')
    awk -v n="$name" -v m="$megabytes" -v s="$seconds" \
      'BEGIN { printf "%-22s %8d %8.3f %12.1f\n", n, m, s, m / s }'
  done
done

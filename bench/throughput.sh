#!/usr/bin/env bash
# End-to-end throughput of `chronik extract` on a JSONL corpus: MB/s, expressions per second and
# peak memory, the median of several runs, beside `grep -c` for the twelve month names over the
# same file as a yardstick for what a plain scan costs on this machine.
#
#   bench/throughput.sh [CORPUS.jsonl] [RUNS]
#   CHRONIK=build/chronik bench/throughput.sh ../shared/bench/news-de.jsonl 5
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-../shared/bench/news-de.jsonl}
runs=${2:-5}
chronik=${CHRONIK:-build/chronik}
months='Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember'

[ -x "$chronik" ] || { echo "no $chronik: run 'make build' first" >&2; exit 2; }
[ -r "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

bytes=$(stat -c %s "$corpus")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Wall time from bash's microsecond clock; /usr/bin/time reports peak memory.
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f\n", b - a }'; }

for i in $(seq "$runs"); do
  start=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$tmp/rss_now" \
    "$chronik" extract --input-format jsonl --format jsonl "$corpus" >"$tmp/out" 2>"$tmp/err" || true
  elapsed "$start" "$EPOCHREALTIME" >>"$tmp/chronik_s"
  cat "$tmp/rss_now" >>"$tmp/rss"
  start=$EPOCHREALTIME
  # (not to /dev/null: GNU grep then stops at the first match)
  LC_ALL=C.UTF-8 grep -cE "$months" "$corpus" >"$tmp/grep_count"
  elapsed "$start" "$EPOCHREALTIME" >>"$tmp/grep_s"
done

expressions=$(wc -l <"$tmp/out")
failed=$(grep -c '^chronik:' "$tmp/err" || true)
chronik_s=$(median <"$tmp/chronik_s")
grep_s=$(median <"$tmp/grep_s")
rss_mb=$(awk '{ print $1 / 1024 }' "$tmp/rss" | median)

awk -v mb="$mb" -v s="$chronik_s" -v g="$grep_s" -v n="$expressions" -v rss="$rss_mb" \
    -v runs="$runs" -v corpus="$corpus" -v failed="$failed" 'BEGIN {
  printf "corpus      %s (%.1f MB), median of %d runs\n", corpus, mb, runs
  printf "chronik     %.3f s  %.1f MB/s  %.0f expressions/s  peak RSS %.1f MB  (%d expressions, %d failed documents)\n",
         s, mb / s, n / s, rss, n, failed
  printf "grep -c     %.3f s  %.1f MB/s  (twelve month names)\n", g, mb / g
  printf "ratio       chronik runs at %.2f of grep speed\n", (mb / s) / (mb / g)
}'

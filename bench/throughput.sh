#!/usr/bin/env bash
# End-to-end throughput of `chronik extract` on a JSONL corpus: MB/s, expressions per second and
# peak memory on one thread and on several, the median of several runs, beside `grep -c` for the
# twelve month names over the same file in the same runs as a yardstick for what a plain scan
# costs on this machine; then the start-up time (grammar compile).
#
#   bench/throughput.sh [CORPUS.jsonl] [RUNS]
#   CHRONIK=build/chronik THREADS=2 bench/throughput.sh ../shared/bench/news-de.jsonl 5
#   BIG=1 bench/throughput.sh     # also a >= 1 GB input (the corpus repeated, in $TMPDIR)
#   WARM=1 bench/throughput.sh    # also one thread over the corpus's second copy (automata built)
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-../shared/bench/news-de.jsonl}
runs=${2:-5}
chronik=${CHRONIK:-build/chronik}
threads=${THREADS:-$(nproc)}
months='Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember'

[ -x "$chronik" ] || { echo "no $chronik: run 'make build' first" >&2; exit 2; }
[ -r "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
mb_of() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1e6 }'; }

# Wall time from bash's microsecond clock; /usr/bin/time reports peak memory.
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f\n", b - a }'; }

# run_chronik NAME THREADS FILE: one run, appending seconds to $tmp/NAME_s and KB to $tmp/NAME_rss.
run_chronik() {
  local start=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$tmp/rss_now" "$chronik" extract --threads "$2" \
    --input-format jsonl --format jsonl "$3" >"$tmp/out_$1" 2>"$tmp/err_$1" || true
  elapsed "$start" "$EPOCHREALTIME" >>"$tmp/$1_s"
  cat "$tmp/rss_now" >>"$tmp/$1_rss"
}

for i in $(seq "$runs"); do
  run_chronik one 1 "$corpus"
  run_chronik many "$threads" "$corpus"
  start=$EPOCHREALTIME
  # (not to /dev/null: GNU grep then stops at the first match)
  LC_ALL=C.UTF-8 grep -cE "$months" "$corpus" >"$tmp/grep_count"
  elapsed "$start" "$EPOCHREALTIME" >>"$tmp/grep_s"
done
for i in $(seq 10); do
  start=$EPOCHREALTIME
  "$chronik" extract --format jsonl </dev/null >/dev/null
  elapsed "$start" "$EPOCHREALTIME" >>"$tmp/startup_s"
done

cmp -s "$tmp/out_one" "$tmp/out_many" && same=identical || same=DIFFERENT
expressions=$(wc -l <"$tmp/out_one")
failed=$(grep -c '^chronik:' "$tmp/err_one" || true)

awk -v mb="$(mb_of "$corpus")" -v one="$(median <"$tmp/one_s")" -v many="$(median <"$tmp/many_s")" \
    -v g="$(median <"$tmp/grep_s")" -v n="$expressions" -v threads="$threads" \
    -v rss1="$(awk '{ print $1 / 1024 }' "$tmp/one_rss" | median)" \
    -v rssn="$(awk '{ print $1 / 1024 }' "$tmp/many_rss" | median)" \
    -v startup="$(median <"$tmp/startup_s")" -v same="$same" \
    -v runs="$runs" -v corpus="$corpus" -v failed="$failed" 'BEGIN {
  printf "corpus      %s (%.1f MB), median of %d runs\n", corpus, mb, runs
  printf "1 thread    %.3f s  %6.1f MB/s  %7.0f expressions/s  peak RSS %.1f MB  (%d expressions, %d failed documents)\n",
         one, mb / one, n / one, rss1, n, failed
  printf "%d threads   %.3f s  %6.1f MB/s  %7.0f expressions/s  peak RSS %.1f MB  (%.2fx; output %s)\n",
         threads, many, mb / many, n / many, rssn, one / many, same
  printf "grep -c     %.3f s  %6.1f MB/s  (twelve month names)\n", g, mb / g
  printf "ratio       one thread runs at %.3f of grep speed\n", (mb / one) / (mb / g)
  printf "start-up    %.0f ms  (chronik extract </dev/null: grammar compile)\n", startup * 1000
}'

# The same corpus twice in one run: its second copy finds RE2's automata built (they grow lazily,
# state by state, as new text needs them), which tells how much of a run goes to building them.
if [ -n "${WARM:-}" ]; then
  cat "$corpus" "$corpus" >"$tmp/twice.jsonl"
  for i in $(seq "$runs"); do run_chronik twice 1 "$tmp/twice.jsonl"; done
  awk -v mb="$(mb_of "$corpus")" -v one="$(median <"$tmp/one_s")" \
      -v two="$(median <"$tmp/twice_s")" 'BEGIN {
    printf "warm        %.1f MB/s  (one thread, the second copy of the corpus in a run of two: automata built)\n",
           mb / (two - one)
  }'
fi

if [ -n "${BIG:-}" ]; then
  big="${TMPDIR:-/tmp}/chronik-bench-big.$$.jsonl"
  trap 'rm -rf "$tmp" "$big"' EXIT
  copies=$(awk -v b="$(stat -c %s "$corpus")" 'BEGIN { c = int(1e9 / b); print c * b < 1e9 ? c + 1 : c }')
  for i in $(seq "$copies"); do cat "$corpus"; done >"$big"
  for t in 1 "$threads"; do
    start=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$tmp/rss_big" "$chronik" extract --threads "$t" \
      --input-format jsonl --format jsonl "$big" >/dev/null 2>&1 || true
    s=$(elapsed "$start" "$EPOCHREALTIME")
    awk -v mb="$(mb_of "$big")" -v s="$s" -v kb="$(cat "$tmp/rss_big")" -v t="$t" 'BEGIN {
      printf "big input   %.0f MB, %d thread(s): %.1f s  %.1f MB/s  peak RSS %.1f MB\n", mb, t, s, mb / s, kb / 1024
    }'
  done
  rm -f "$big"
fi

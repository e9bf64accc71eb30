#!/usr/bin/env bash
# The whole text path the worker and `newswire process` run, on one core:
# raw bytes → decode → normalise → parse → enrich → the three encoded records
# (normalised, parsed, enriched), release build.
#   1. in process (`text-chain`): each level cumulatively on the corpus
#      articles and the HTML pages, the start-up cost (first input, which
#      loads every table), and the normalise stage alone as the same-run
#      baseline;
#   2. `newswire process` as a user runs it, on COPIES × the corpus articles,
#      as MB of input per CPU-second, beside the in-process chain of step 1.
# Figures are thread or process CPU time, so a busy shared machine skews them
# far less than wall time; compare them only as ratios within one run.
#   Benchmarks/text-chain.sh [SECONDS] [COPIES]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
shared="${NEWSWIRE_SHARED:-$root/../shared}"
seconds="${1:-2}"
copies="${2:-50}"
articles=("$shared"/corpus/articles/*.txt)
pages=("$shared"/corpus/html-dates/pages/*.html)
[ -e "${articles[0]}" ] || { echo "no .txt articles in $shared/corpus/articles" >&2; exit 2; }

Scripts/setup-system.sh >&2
echo "building text-chain and newswire (release)…" >&2
# Both from the benchmark package's build tree: one release build of the project.
swift build -c release --package-path Benchmarks --product text-chain >&2
swift build -c release --package-path Benchmarks --product newswire >&2
bin="$(swift build -c release --package-path Benchmarks --show-bin-path)"
bench="$bin/text-chain"
newswire="$bin/newswire"

echo "-- in process: ${#articles[@]} corpus articles"
"$bench" --seconds "$seconds" "${articles[@]}" | tee /tmp/text-chain.$$
chain="$(awk '/^level chain/ { for (i = 1; i <= NF; i++) if ($i ~ /^mbps=/) { sub("mbps=", "", $i); print $i } }' /tmp/text-chain.$$)"
rm -f /tmp/text-chain.$$
if [ -e "${pages[0]}" ]; then
    echo "-- in process: ${#pages[@]} HTML pages"
    "$bench" --seconds "$seconds" "${pages[@]}"
fi

echo "-- newswire process (one process, one core): $copies copies of the ${#articles[@]} corpus articles"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for ((copy = 0; copy < copies; copy++)); do
    for file in "${articles[@]}"; do cp -p "$file" "$scratch/$copy-$(basename "$file")"; done
done
bytes="$(cat "$scratch"/* | wc -c)"
TIMEFORMAT='%U %S'
cpu="$( { time "$newswire" process "$scratch" > /dev/null; } 2>&1 | tail -1)"
python3 - "$bytes" "$cpu" "$chain" "$((copies * ${#articles[@]}))" <<'PY'
import sys
total, (user, system), chain, count = int(sys.argv[1]), map(float, sys.argv[2].split()), float(sys.argv[3]), int(sys.argv[4])
cpu = user + system
rate = total / cpu / 1e6
print(f"newswire process: {count} articles, {total / 1e6:.1f} MB in {cpu:.2f} CPU-s: {rate:.2f} MB/s per core")
print(f"ratio newswire process / in-process chain ({chain:.2f} MB/s, same run): {rate / chain:.2f}")
PY

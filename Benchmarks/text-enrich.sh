#!/usr/bin/env bash
# Enrich-stage throughput on the corpus articles (release build): articles/s
# and MB/s of parsed text, the one-off resource load, and parse timed on the
# same documents in the same run as the baseline.
#   Benchmarks/text-enrich.sh [CORPUS_DIR] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
shared="${NEWSWIRE_SHARED:-$root/../shared}"
corpus="${1:-$shared/corpus/articles}"
seconds="${2:-3}"
files=("$corpus"/*.txt)
[ -e "${files[0]}" ] || { echo "no .txt articles in $corpus" >&2; exit 2; }
echo "building EnrichBench (release)…" >&2
NEWSWIRE_TEXT_ONLY=1 swift build -c release --package-path Benchmarks/TextBench --scratch-path "$root/.build-textbench" --product EnrichBench >&2
bench="$(NEWSWIRE_TEXT_ONLY=1 swift build -c release --package-path Benchmarks/TextBench --scratch-path "$root/.build-textbench" --show-bin-path)/EnrichBench"
"$bench" --seconds "$seconds" "${files[@]}"

#!/usr/bin/env bash
# Parse-stage throughput on the corpus articles (release build): MB/s and
# articles/s, normalise timed on the same texts in the same run as the
# baseline, and a linearity check on 512 KiB vs 2 MiB adversarial inputs.
#   Benchmarks/text-parse.sh [CORPUS_DIR] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
shared="${NEWSWIRE_SHARED:-$root/../shared}"
corpus="${1:-$shared/corpus/articles}"
seconds="${2:-3}"
files=("$corpus"/*.txt)
[ -e "${files[0]}" ] || { echo "no .txt articles in $corpus" >&2; exit 2; }
echo "building ParseBench (release)…" >&2
NEWSWIRE_TEXT_ONLY=1 swift build -c release --package-path Benchmarks/TextBench --scratch-path "$root/.build-textbench" --product ParseBench >&2
bench="$(NEWSWIRE_TEXT_ONLY=1 swift build -c release --package-path Benchmarks/TextBench --scratch-path "$root/.build-textbench" --show-bin-path)/ParseBench"
"$bench" --seconds "$seconds" "${files[@]}"

#!/usr/bin/env bash
# The worker end to end on the embedded cluster (consume, stages in lanes,
# publish, commit) against the stages alone on one thread, in one run.
#   Benchmarks/pipeline-throughput.sh [--messages N] [--partitions P]
# Inputs: the shared corpus articles, cycled (../shared or $NEWSWIRE_SHARED).
# The mock cluster keeps ~5 MiB per partition: keep N × 4 KB under that × P.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${NEWSWIRE_SHARED:-$PWD/../shared}"
Scripts/setup-system.sh
echo "building pipeline-throughput (release)…" >&2
swift build -c release --package-path Benchmarks --product pipeline-throughput >&2
bin="$(swift build -c release --package-path Benchmarks --show-bin-path)"
"$bin/pipeline-throughput" "$@" "$shared"/corpus/articles/*.txt

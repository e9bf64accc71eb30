#!/usr/bin/env bash
# Runs every benchmark and measurement of the project in turn. Each prints its
# figures beside a baseline measured in the same run (kcat, CAMeL Tools,
# the normalise stage, htmldate). Release builds; run on a quiet machine.
#   Benchmarks/run-all.sh            everything (the Kafka one sends 1,000,000 messages)
#   Benchmarks/run-all.sh --quick    the Kafka one with 100,000 messages
set -euo pipefail
cd "$(dirname "$0")"

kafka_args=()
if [ "${1:-}" = "--quick" ]; then kafka_args=(--messages 100000); fi

echo "== Text stages: normalise vs CAMeL Tools"
./text-normalise.sh
echo "== Text stages: parse (normalise as baseline, linearity check)"
./text-parse.sh
echo "== Text stages: enrich (parse as baseline)"
./text-enrich.sh
echo "== HTML publication dates: newswire vs htmldate"
../Scripts/evaluate-html-dates.sh
echo "== The worker end to end vs the stages alone"
./pipeline-throughput.sh
echo "== Kafka layer vs kcat"
./kafka-throughput.sh "${kafka_args[@]}"

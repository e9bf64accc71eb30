#!/usr/bin/env bash
# Runs every benchmark and measurement of the project in turn. Each prints its
# figures beside a baseline measured in the same run (kcat, CAMeL Tools,
# the normalise stage, the in-process chain, htmldate, Quix Streams). Release builds; run on a quiet machine.
# The Kafka one sends 1,000,000 messages of 2 KB (about a minute): with far
# fewer, each tool's fixed start-up dominates and the ratio says little.
set -euo pipefail
cd "$(dirname "$0")"

echo "== Text stages: normalise vs CAMeL Tools"
./text-normalise.sh
echo "== Text stages: parse (normalise as baseline, linearity check)"
./text-parse.sh
echo "== Text stages: enrich (parse as baseline)"
./text-enrich.sh
echo "== Text stages: start-up (every table loaded, one tiny article; process without tables as baseline)"
./text-startup.sh
echo "== Text stages: the whole chain, raw bytes to three records (normalise alone as baseline; newswire process)"
./text-chain.sh
echo "== HTML publication dates: newswire vs htmldate"
../Scripts/evaluate-html-dates.sh
echo "== The worker end to end vs the stages alone"
./pipeline-throughput.sh
echo "== The worker on one Tansu broker vs kcat, Quix Streams and the stages alone on every core"
./worker-tansu.sh
echo "== Observing the worker: with and without a scrape every second"
./worker-scrape.sh
echo "== Kafka layer vs kcat"
./kafka-throughput.sh

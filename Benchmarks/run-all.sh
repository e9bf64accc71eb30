#!/usr/bin/env bash
# Runs every benchmark of the project in turn; extra arguments go to each.
# Append new benchmarks below.
set -euo pipefail
cd "$(dirname "$0")"

echo "== Kafka layer vs kcat"
./kafka-throughput.sh "$@"

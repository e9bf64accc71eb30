#!/usr/bin/env bash
# Runs every test: installs what is missing, builds once, starts a Tansu broker,
# then runs the suite in three parts over the same build:
#   1. the text stages, pipeline, stats server and CLI, on Debian's librdkafka
#      2.0.2 (the worker and replay run on the mock cluster here);
#   2. the Kafka layer's own tests on the mock cluster (fault injection), on
#      2.0.2 — apart from part 1, whose CPU-heavy text tests would otherwise
#      starve their timers and broker round trips on a 2-core machine;
#   3. the real-broker suites (named RealBroker…) against Tansu, on Confluent's
#      librdkafka 2.16 via LD_LIBRARY_PATH (2.0.2 cannot read Tansu's replies).
# and then a short chaos run of the built worker on its own Tansu (below).
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup-system.sh
Scripts/setup-tools.sh
python3 Scripts/fetch-eval-corpus.py

Scripts/check-deploy.sh
swift build --build-tests
.build/debug/newswire schema check --dir Schemas

brokers=$(Scripts/tansu.sh start)
trap 'Scripts/tansu.sh stop' EXIT
export NEWSWIRE_TEST_BROKERS="$brokers"
export NEWSWIRE_TEST_PYTHON="$PWD/.tools/venv/bin/python"
export NEWSWIRE_SHARED="${NEWSWIRE_SHARED:-$(cd .. && pwd)/shared}"
echo "test: Tansu at $brokers; shared corpus at $NEWSWIRE_SHARED"

echo "== suite 1/3: text stages, pipeline, stats server, CLI (system librdkafka)"
swift test --skip-build --skip '^KafkaTests\.|RealBroker'

echo "== suite 2/3: Kafka layer on the mock cluster (system librdkafka)"
swift test --skip-build --filter '^KafkaTests\.' --skip RealBroker

echo "== suite 3/3: real-broker tests against Tansu, on librdkafka 2.16"
LD_LIBRARY_PATH="$PWD/.tools/rdkafka" swift test --skip-build --filter RealBroker

# ---- chaos: a short run of `newswire run` as a black box (Scripts/chaos.sh):
# 3,000 inputs with poison, 5 kills, a freeze, churn; its own Tansu, on 2.16.
echo "== chaos: 3,000 inputs, 5 kills, 1 freeze (Scripts/chaos.sh, debug build)"
Scripts/chaos.sh --binary .build/debug/newswire --inputs 3000 --kills 5 --freezes 1 \
    --throughput-inputs 300 --stall-seconds 120 --deadline 900

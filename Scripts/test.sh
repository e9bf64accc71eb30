#!/usr/bin/env bash
# Runs every test: installs what is missing, builds once, starts a Tansu broker,
# then runs the suite twice over the same build:
#   1. everything except the real-broker suites, on Debian's librdkafka 2.0.2
#      (unit tests, text stages, mock-cluster fault injection);
#   2. the real-broker suites (named RealBroker…) against Tansu, on Confluent's
#      librdkafka 2.16 via LD_LIBRARY_PATH (2.0.2 cannot read Tansu's replies).
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup-system.sh
Scripts/setup-tools.sh

Scripts/check-deploy.sh
swift build --build-tests
.build/debug/newswire schema check --dir Schemas

brokers=$(Scripts/tansu.sh start)
trap 'Scripts/tansu.sh stop' EXIT
export NEWSWIRE_TEST_BROKERS="$brokers"
export NEWSWIRE_TEST_PYTHON="$PWD/.tools/venv/bin/python"
export NEWSWIRE_SHARED="${NEWSWIRE_SHARED:-$(cd .. && pwd)/shared}"
echo "test: Tansu at $brokers; shared corpus at $NEWSWIRE_SHARED"

echo "== suite 1/2: all but real-broker tests, on the system librdkafka"
swift test --skip-build --skip RealBroker

echo "== suite 2/2: real-broker tests against Tansu, on librdkafka 2.16"
LD_LIBRARY_PATH="$PWD/.tools/rdkafka" swift test --skip-build --filter RealBroker

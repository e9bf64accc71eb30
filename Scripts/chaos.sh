#!/usr/bin/env bash
# The chaos run: drives `newswire run` as a black box against its own Tansu
# broker, with a poison corpus mixed into corpus articles, while workers are
# SIGKILLed and restarted, a worker is added and one removed, and the broker
# is frozen; then reads every output topic back and checks that no input was
# lost or reordered. Prints a table and, as its last line, one JSON object.
#
#   Scripts/chaos.sh [--inputs N] [--kills K] [--freezes F] [--binary PATH] [more: --help]
#
# Without --binary it builds and uses the release binary. The worker logs and
# report.json go to .build/chaos/<time>/. Exit status: 0 when nothing was
# lost, incomplete or out of order; 1 when something was; 2 when the run
# itself failed. Bounded: --deadline (default 3600 s) plus a margin, enforced
# from outside too, so a hung worker cannot hang the script.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=""
deadline=3600
args=()
while [ $# -gt 0 ]; do
    case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --deadline) deadline="$2"; args+=("$1" "$2"); shift 2 ;;
    *) args+=("$1"); shift ;;
    esac
done

Scripts/setup-system.sh
Scripts/setup-tools.sh confluent-kafka==2.16.1 pyyaml==6.0.4 >&2
if [ -z "$binary" ]; then
    echo "chaos: building the release binary…" >&2
    swift build -c release --product newswire >&2
    binary="$(swift build -c release --show-bin-path)/newswire"
fi
[ -x "$binary" ] || { echo "chaos: $binary is not an executable; build it or pass --binary PATH" >&2; exit 2; }

run_dir=".build/chaos/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
export NEWSWIRE_SHARED="${NEWSWIRE_SHARED:-$(cd .. && pwd)/shared}"
export PYTHONPATH="$PWD/Scripts" PYTHONDONTWRITEBYTECODE=1
echo "chaos: binary $binary; logs in $run_dir" >&2
status=0
timeout -k 30 $((deadline + 300)) .tools/venv/bin/python -u Scripts/chaos.py \
    --binary "$binary" --run-dir "$run_dir" ${args[@]+"${args[@]}"} || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "chaos: the run passed its deadline ($deadline s + 300 s) and was stopped; see $run_dir" >&2
    # Only our own workers: the pid must still run this very binary.
    while read -r pid; do
        if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$binary"; then kill -9 "$pid" || true; fi
    done <"$run_dir/pids" 2>/dev/null || true
    [ -f .tools/tansu-chaos.pid ] && kill -CONT "$(cat .tools/tansu-chaos.pid)" 2>/dev/null || true
    Scripts/tansu.sh stop chaos || true
    exit 2
fi
exit "$status"

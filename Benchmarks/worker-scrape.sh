#!/usr/bin/env bash
# What observing the worker costs: `newswire run` (release) on one Tansu broker
# processes the same corpus articles in alternating runs, without and with a
# scrape of /stats and /metrics every second (as Prometheus and the dashboard
# do), in one invocation:
#   - throughput (msgs/s between the first and the last enriched record or
#     dead letter to arrive, worker-bench collect) and the worker's CPU time
#     per message (/proc/PID/stat), with scrapes beside without;
#   - the CPU time one scrape of /stats and /metrics costs the worker,
#     measured on the idle worker over many scrapes, and what a scrape every
#     second is as a share of what the worker uses per second under load.
#
#   Benchmarks/worker-scrape.sh [--count N] [--rounds R] [--scrapes S] [--brokers HOST:PORT]
#
# N articles per run (default 4,000; ../shared/corpus/articles cycled) on 6
# partitions; R rounds of (without, with) (default 2). Timings on a shared
# machine are noisy; the CPU figures per message and per scrape are steadier.
set -euo pipefail
cd "$(dirname "$0")/.."

count=4000
rounds=2
scrapes=500
brokers=""
while [ $# -gt 0 ]; do
    case "$1" in
    --count) count="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --scrapes) scrapes="$2"; shift 2 ;;
    --brokers) brokers="$2"; shift 2 ;;
    *) echo "usage: $0 [--count N] [--rounds R] [--scrapes S] [--brokers HOST:PORT]" >&2; exit 2 ;;
    esac
done

shared="${NEWSWIRE_SHARED:-$PWD/../shared}"
files=("$shared"/corpus/articles/*)
[ -e "${files[0]}" ] || { echo "worker-scrape: no corpus articles in $shared/corpus/articles; set NEWSWIRE_SHARED" >&2; exit 2; }

Scripts/setup-system.sh
Scripts/setup-tools.sh >/dev/null
echo "worker-scrape: building newswire and worker-bench (release)…" >&2
swift build -c release --product newswire >&2
(cd Benchmarks && swift build -c release --product worker-bench >&2)
newswire="$PWD/.build/release/newswire"
bench="$(cd Benchmarks && swift build -c release --show-bin-path)/worker-bench"
export LD_LIBRARY_PATH="$PWD/.tools/rdkafka"
work=$(mktemp -d)
worker_pid=""
cleanup() {
    if [ -n "$worker_pid" ] && kill -0 "$worker_pid" 2>/dev/null; then kill -TERM "$worker_pid"; wait "$worker_pid" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
if [ -z "$brokers" ]; then
    brokers=$(Scripts/tansu.sh start)
    trap 'cleanup; Scripts/tansu.sh stop' EXIT
fi
run="s$(date +%s)"
ticks=$(getconf CLK_TCK)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# The worker's CPU time so far, in seconds (user + system).
cpu_seconds() { awk -v t="$ticks" '{ print ($14 + $15) / t }' "/proc/$1/stat"; }
scrape_once() { curl -sf "http://127.0.0.1:$1/stats" >/dev/null && curl -sf "http://127.0.0.1:$1/metrics" >/dev/null; }

echo "worker-scrape: $count corpus articles per run on 6 partitions, $rounds round(s) of (without, with) scrapes, broker $brokers, $(nproc) cores"
for output in articles.normalised.v1 articles.parsed.v1 articles.enriched.v1 articles.dlq.v1; do
    "$bench" create --brokers "$brokers" --topic "$output" --partitions 6
done

results=()
for round in $(seq 1 "$rounds"); do
    for mode in without with; do
        topic="$run.$round.$mode"
        "$bench" create --brokers "$brokers" --topic "$topic" --partitions 6
        "$bench" produce --brokers "$brokers" --topic "$topic" --count "$count" --partitions 6 "${files[@]}"
        port=$(free_port)
        "$bench" collect --brokers "$brokers" --input "$topic" --outputs articles.enriched.v1,articles.dlq.v1 --count "$count" --by source \
            >"$work/$topic.json" 2>"$work/$topic.collect.log" &
        collector=$!
        deadline=$((SECONDS + 60))
        until grep -q "collect: ready" "$work/$topic.collect.log"; do
            if ! kill -0 "$collector" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
                echo "worker-scrape: the reader did not start within 60 s; see $work/$topic.collect.log" >&2
                exit 1
            fi
            sleep 0.1
        done
        "$newswire" run --brokers "$brokers" --group "$topic-group" --input-topic "$topic" --stats-address "127.0.0.1:$port" \
            --kafka-property session.timeout.ms=6000 >"$work/newswire.log" 2>&1 &
        worker_pid=$!
        scraped=0
        while kill -0 "$collector" 2>/dev/null; do
            if [ "$mode" = with ]; then
                scrape_once "$port" && scraped=$((scraped + 1)) || true
            fi
            sleep 1
        done
        wait "$collector"
        cpu=$(cpu_seconds "$worker_pid")
        if [ "$round" -eq "$rounds" ] && [ "$mode" = with ]; then
            # The idle worker: what many scrapes cost it, one after another.
            sleep 3
            before=$(cpu_seconds "$worker_pid")
            for _ in $(seq 1 "$scrapes"); do scrape_once "$port"; done
            after=$(cpu_seconds "$worker_pid")
            per_scrape_ms=$(python3 -c "print(f'{($after - $before) * 1000 / $scrapes:.3f}')")
            curl -sf "http://127.0.0.1:$port/stats" >"$work/stats.json"
            curl -sf "http://127.0.0.1:$port/metrics" >"$work/metrics.txt"
        fi
        kill -TERM "$worker_pid"
        wait "$worker_pid" || true
        worker_pid=""
        rate=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['msgsPerSecond'])" "$work/$topic.json")
        cpu_per_message_ms=$(python3 -c "print(f'{$cpu * 1000 / $count:.3f}')")
        results+=("$round $mode $rate $cpu_per_message_ms $scraped")
        echo "… round $round, $mode scrapes: $rate msgs/s, $cpu_per_message_ms ms CPU per message (whole run incl. start), $scraped scrapes"
    done
done

python3 - "$per_scrape_ms" "$work/stats.json" "$work/metrics.txt" "${results[@]}" <<'PY'
import json, statistics, sys
per_scrape_ms = float(sys.argv[1])
stats = json.load(open(sys.argv[2]))
metrics = open(sys.argv[3]).read()
rows = [line.split() for line in sys.argv[4:]]
def mean(mode, column):
    return statistics.mean(float(row[column]) for row in rows if row[1] == mode)
rate_without, rate_with = mean("without", 2), mean("with", 2)
cpu_without, cpu_with = mean("without", 3), mean("with", 3)
print()
print(f"{'':38} {'without':>10} {'with scrapes':>13} {'with/without':>13}")
print(f"{'throughput, msgs/s (mean)':38} {rate_without:>10.0f} {rate_with:>13.0f} {rate_with / rate_without:>12.3f}x")
print(f"{'worker CPU per message, ms (mean)':38} {cpu_without:>10.3f} {cpu_with:>13.3f} {cpu_with / cpu_without:>12.3f}x")
# Under load the worker uses (msgs/s x CPU per message) CPU-seconds each second.
busy_ms_per_second = rate_without * cpu_without
print(f"one scrape of /stats and /metrics costs the idle worker {per_scrape_ms:.3f} ms CPU "
      f"({len(json.dumps(stats))} + {len(metrics)} bytes); once a second that is "
      f"{100 * per_scrape_ms / busy_ms_per_second:.2f}% of the {busy_ms_per_second:.0f} ms CPU the worker uses per second under load")
PY

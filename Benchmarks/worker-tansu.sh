#!/usr/bin/env bash
# The worker on one Tansu broker beside the tools users compare it with, in
# one run, on the same messages (librdkafka 2.16 from .tools/rdkafka for all):
#   - kcat pass-through (read once, write once);
#   - a Quix Streams app (PyPI quixstreams, installed into .tools/venv) with a
#     trivial transform writing three outputs per message;
#   - newswire run (release build), full processing;
#   - the stages and encoding alone on every core, without Kafka.
#
#   Benchmarks/worker-tansu.sh [--count N] [--brokers HOST:PORT] [--latency-count N] [--latency-rate R]
#                              [--reader-wait-ms MS] [--newswire-property KEY=VALUE]…
#
# --reader-wait-ms: the benchmark reader's fetch.wait.max.ms in the throughput
#   runs (default 500: the broker holds an empty fetch instead of answering a
#   poll every 10 ms, which cost Tansu 3.8 of 14.7 CPU-seconds while newswire
#   ran). The latency runs keep 10 ms: a longer wait would add to what they measure.
# --newswire-property: a Kafka property for newswire run, to try a setting.
#
# Throughput: N corpus articles (../shared/corpus/articles cycled; default
# 20,000) on 6 partitions, already in the topic; msgs/s between the first and
# the last output to arrive at a reader that was listening before the tool
# started. Peak RSS from /usr/bin/time (kcat: its two processes added up).
# Latency: a second, paced run per tool (default 1,000 inputs at 50 a second,
# well under every tool's capacity): p50/p99 of (output arrival − input
# timestamp); for newswire the output is the enriched record (or the dead
# letter), for the others the last of their outputs. Without --brokers it
# starts Tansu (Scripts/tansu.sh) and stops it afterwards.
# CPU accounting (the throughput run): CPU-seconds per 1,000 messages of the
# newswire process itself (user + system, whole life) against the stages alone
# (the same, for the stages-alone process): their ratio is what Kafka,
# concurrency and commits cost in our own process. Beside it, the broker's
# CPU-seconds while newswire ran (read from /proc of the Tansu this script
# started; "-" with --brokers), which includes the benchmark reader's fetches.
set -euo pipefail
cd "$(dirname "$0")/.."

count=20000
latency_count=1000
latency_rate=50
reader_wait=500
newswire_properties=()
brokers=""
while [ $# -gt 0 ]; do
    case "$1" in
    --count) count="$2"; shift 2 ;;
    --brokers) brokers="$2"; shift 2 ;;
    --latency-count) latency_count="$2"; shift 2 ;;
    --latency-rate) latency_rate="$2"; shift 2 ;;
    --reader-wait-ms) reader_wait="$2"; shift 2 ;;
    --newswire-property) newswire_properties+=(--kafka-property "$2"); shift 2 ;;
    *) echo "usage: $0 [--count N] [--brokers HOST:PORT] [--latency-count N] [--latency-rate R] [--reader-wait-ms MS] [--newswire-property K=V]…" >&2; exit 2 ;;
    esac
done

shared="${NEWSWIRE_SHARED:-$PWD/../shared}"
files=("$shared"/corpus/articles/*)
[ -e "${files[0]}" ] || { echo "worker-tansu: no corpus articles in $shared/corpus/articles; set NEWSWIRE_SHARED" >&2; exit 2; }

Scripts/setup-system.sh
Scripts/setup-tools.sh quixstreams==3.28.1 >/dev/null
echo "worker-tansu: building newswire and worker-bench (release)…" >&2
swift build -c release --product newswire >&2
(cd Benchmarks && swift build -c release --product worker-bench >&2)
newswire="$PWD/.build/release/newswire"
bench="$(cd Benchmarks && swift build -c release --show-bin-path)/worker-bench"
python="$PWD/.tools/venv/bin/python"
export LD_LIBRARY_PATH="$PWD/.tools/rdkafka"
work=$(mktemp -d)

broker_pid=""
if [ -z "$brokers" ]; then
    brokers=$(Scripts/tansu.sh start)
    trap 'Scripts/tansu.sh stop' EXIT
    broker_pid=$(cat .tools/tansu.pid)
fi
ticks=$(getconf CLK_TCK)
# CPU-seconds (user + system) a process has used so far.
cpu_of() { awk -v t="$ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }
broker_cpu() { if [ -n "$broker_pid" ]; then cpu_of "$broker_pid"; else echo 0; fi; }
echo "worker-tansu: logs and results in $work"

run="b$(date +%s)"
cores=$(nproc)

# Starts a reader of the tool's outputs and waits until it listens; its JSON
# result lands in $work/$1.json.
start_collector() {
    local name="$1" input="$2" outputs="$3" n="$4" by="$5" wait="${6:-$reader_wait}"
    "$bench" collect --brokers "$brokers" --input "$input" --outputs "$outputs" --count "$n" --by "$by" --fetch-wait-ms "$wait" \
        >"$work/$name.json" 2>"$work/$name.collect.log" &
    echo $! >"$work/$name.collect.pid"
    for _ in $(seq 1 600); do
        grep -q "collect: ready" "$work/$name.collect.log" && return 0
        sleep 0.1
    done
    echo "worker-tansu: the $name reader did not start; see $work/$name.collect.log" >&2
    exit 1
}
wait_collector() {
    wait "$(cat "$work/$1.collect.pid")"
    echo "   $1: $(cat "$work/$1.json")"
}
field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$work/$1.json" "$2"; }
child_of() { pgrep -P "$1" | head -n1; }

# The tools. Each takes: a name suffix, the input topic, a group.
run_kcat() {
    local input="$1" output="$2"
    /usr/bin/time -f %M -o "$work/kcat-in.rss" kcat -C -b "$brokers" -t "$input" -o beginning -c "$3" -q -K $'\x1f' -D $'\x1e' 2>/dev/null |
        /usr/bin/time -f %M -o "$work/kcat-out.rss" kcat -P -b "$brokers" -t "$output" -K $'\x1f' -D $'\x1e' 2>/dev/null
}
quix_app="$work/quix_app.py"
cat >"$quix_app" <<'PY'
import sys
from quixstreams import Application
brokers, group, source, prefix = sys.argv[1:5]
app = Application(broker_address=brokers, consumer_group=group, auto_offset_reset="earliest")
topic = app.topic(source, key_deserializer="bytes", value_deserializer="bytes")
outputs = [app.topic(f"{prefix}.{n}", key_serializer="bytes", value_serializer="bytes") for n in (1, 2, 3)]
sdf = app.dataframe(topic).apply(lambda value: value.upper())
for output in outputs:
    sdf = sdf.to_topic(output)
app.run()
PY
start_quix() {
    /usr/bin/time -f %M -o "$work/quix.rss" "$python" "$quix_app" "$brokers" "$1" "$2" "$3" >"$work/quix.log" 2>&1 &
    echo $! >"$work/quix.pid"
}
stop_quix() { kill -TERM "$(child_of "$(cat "$work/quix.pid")")"; wait "$(cat "$work/quix.pid")" || true; }
start_newswire() {
    /usr/bin/time -f "%M %U %S" -o "$work/newswire.rss" "$newswire" run --brokers "$brokers" --group "$1" --input-topic "$2" \
        --stats-address off --kafka-property session.timeout.ms=30000 "${newswire_properties[@]}" >"$work/newswire.log" 2>&1 &
    echo $! >"$work/newswire.pid"
}
newswire_pid() { child_of "$(cat "$work/newswire.pid")"; }
stop_newswire() { kill -TERM "$(newswire_pid)"; wait "$(cat "$work/newswire.pid")" || true; }
mb() { echo $(( $(awk '{ print $1 }' "$1") / 1024 )); }
# User + system CPU-seconds from a /usr/bin/time -f "%M %U %S" file.
cpu_seconds() { awk '{ printf "%.2f", $2 + $3 }' "$1"; }
per_thousand() { python3 -c "print(f'{$1 * 1000 / $2:.3f}')"; }

echo "worker-tansu: $count corpus articles (${#files[@]} files cycled) on 6 partitions, broker $brokers, $cores cores, librdkafka from .tools/rdkafka"
"$bench" create --brokers "$brokers" --topic "$run.raw" --partitions 6
for output in articles.normalised.v1 articles.parsed.v1 articles.enriched.v1 articles.dlq.v1 "$run.kcat" "$run.quix.1" "$run.quix.2" "$run.quix.3"; do
    "$bench" create --brokers "$brokers" --topic "$output" --partitions 6
done
"$bench" produce --brokers "$brokers" --topic "$run.raw" --count "$count" --partitions 6 "${files[@]}"

echo "… kcat pass-through"
start_collector kcat "$run.raw" "$run.kcat" "$count" key
run_kcat "$run.raw" "$run.kcat" "$count"
wait_collector kcat
kcat_rss=$(( $(mb "$work/kcat-in.rss") + $(mb "$work/kcat-out.rss") ))

echo "… Quix Streams"
start_collector quix "$run.raw" "$run.quix.3" "$count" key
start_quix "$run-quix" "$run.raw" "$run.quix"
wait_collector quix
stop_quix
quix_rss=$(mb "$work/quix.rss")

echo "… newswire run"
start_collector newswire "$run.raw" articles.enriched.v1,articles.dlq.v1 "$count" source
broker_before=$(broker_cpu)
start_newswire "$run-newswire" "$run.raw"
rss_samples=()
while kill -0 "$(cat "$work/newswire.collect.pid")" 2>/dev/null; do
    pid=$(newswire_pid || true)
    if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
        rss_samples+=("$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")")
    fi
    sleep 2
done
wait_collector newswire
stop_newswire
broker_after=$(broker_cpu)
newswire_rss=$(mb "$work/newswire.rss")
newswire_cpu=$(cpu_seconds "$work/newswire.rss")

echo "… the stages alone on $cores cores"
/usr/bin/time -f "%M %U %S" -o "$work/stages.rss" "$bench" stages --count "$count" --threads "$cores" "${files[@]}" >"$work/stages.json"
stages_rss=$(mb "$work/stages.rss")
stages_cpu=$(cpu_seconds "$work/stages.rss")

echo "… latency: $latency_count inputs at $latency_rate a second per tool"
for tool in kcat quix newswire; do
    topic="$run.lat-$tool"
    "$bench" create --brokers "$brokers" --topic "$topic" --partitions 6
    case "$tool" in
    kcat)
        "$bench" create --brokers "$brokers" --topic "$topic.out" --partitions 6
        start_collector lat-kcat "$topic" "$topic.out" "$latency_count" key 10
        run_kcat "$topic" "$topic.out" "$latency_count" &
        ;;
    quix)
        for n in 1 2 3; do "$bench" create --brokers "$brokers" --topic "$topic.quix.$n" --partitions 6; done
        start_collector lat-quix "$topic" "$topic.quix.3" "$latency_count" key 10
        start_quix "$run-lat-quix" "$topic" "$topic.quix"
        ;;
    newswire)
        start_collector lat-newswire "$topic" articles.enriched.v1,articles.dlq.v1 "$latency_count" source 10
        start_newswire "$run-lat-newswire" "$topic"
        ;;
    esac
    sleep 10  # the tool joins its group (session.timeout.ms/2) before inputs arrive
    "$bench" produce --brokers "$brokers" --topic "$topic" --count "$latency_count" --partitions 6 --rate "$latency_rate" "${files[@]}"
    wait_collector "lat-$tool"
    case "$tool" in
    kcat) wait ;;
    quix) stop_quix ;;
    newswire) stop_newswire ;;
    esac
done

stages_rate=$(field stages msgsPerSecond)
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
printf '\n%-44s %9s %9s %9s %9s %10s\n' what msgs/s "p50 ms" "p99 ms" "peak RSS" "vs stages"
printf '%-44s %9s %9s %9s %8sM %10s\n' "kcat pass-through" "$(field kcat msgsPerSecond)" "$(field lat-kcat p50Milliseconds)" "$(field lat-kcat p99Milliseconds)" "$kcat_rss" "-"
printf '%-44s %9s %9s %9s %8sM %10s\n' "Quix Streams, trivial transform, 3 outputs" "$(field quix msgsPerSecond)" "$(field lat-quix p50Milliseconds)" "$(field lat-quix p99Milliseconds)" "$quix_rss" "-"
printf '%-44s %9s %9s %9s %8sM %10s\n' "newswire run, full processing" "$(field newswire msgsPerSecond)" "$(field lat-newswire p50Milliseconds)" "$(field lat-newswire p99Milliseconds)" "$newswire_rss" "$(ratio "$(field newswire msgsPerSecond)" "$stages_rate")x"
printf '%-44s %9s %9s %9s %8sM %10s\n' "the stages alone, $cores threads, no Kafka" "$stages_rate" "-" "-" "$stages_rss" "1.00x"
echo "newswire RSS every 2 s during the throughput run (MB): ${rss_samples[*]:-none}"
newswire_per=$(per_thousand "$newswire_cpu" "$count")
stages_per=$(per_thousand "$stages_cpu" "$count")
broker_used=$(python3 -c "print(f'{$broker_after - $broker_before:.2f}')")
echo
echo "CPU accounting, $count messages (user + system CPU-seconds):"
printf '  %-52s %8s CPU-s, %6s per 1,000 msgs\n' "newswire run, the process itself" "$newswire_cpu" "$newswire_per"
printf '  %-52s %8s CPU-s, %6s per 1,000 msgs\n' "the stages alone, $cores threads, no Kafka" "$stages_cpu" "$stages_per"
printf '  %-52s %8sx\n' "ours: Kafka, concurrency and commits cost (CPU ratio)" "$(ratio "$newswire_per" "$stages_per")"
if [ -n "$broker_pid" ]; then
    printf '  %-52s %8s CPU-s, %6s per 1,000 msgs\n' "the broker while newswire ran (reader included)" "$broker_used" "$(per_thousand "$broker_used" "$count")"
else
    printf '  %-52s %8s\n' "the broker while newswire ran" "-"
fi
printf '  %-52s %8sx\n' "msgs/s, newswire against the stages alone" "$(ratio "$(field newswire msgsPerSecond)" "$stages_rate")"

#!/usr/bin/env bash
# Produce and consume N messages of SIZE bytes through our Kafka layer and
# through kcat, on the same broker and the same librdkafka, in one run; print
# msgs/s for each and the ratio ours/kcat per direction.
#
#   Benchmarks/kafka-throughput.sh [--messages N] [--size BYTES] [--brokers HOST:PORT]
#
# Without --brokers it installs and starts Tansu (Scripts/tansu.sh) and stops
# it afterwards. Both tools run on Confluent's librdkafka 2.16 from .tools/rdkafka
# (Debian's 2.0.2 cannot talk to Tansu). Each figure is wall-clock time of the
# whole command, connection set-up included, for both tools alike. Consuming,
# both use one client that looks the topic up and reads its partitions from
# the beginning by plain assignment (kcat -C without -G; ours assign(), no
# group join, no commit), with librdkafka's default fetch settings, and stop
# after N messages; kcat also formats each message to /dev/null. The broker
# slows as it fills, so kcat runs once before and once after ours in each
# direction and its baseline is the mean of the two.
set -euo pipefail
cd "$(dirname "$0")/.."

messages=1000000
size=2048
brokers=""
while [ $# -gt 0 ]; do
    case "$1" in
    --messages) messages="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --brokers) brokers="$2"; shift 2 ;;
    *) echo "usage: $0 [--messages N] [--size BYTES] [--brokers HOST:PORT]" >&2; exit 2 ;;
    esac
done

Scripts/setup-system.sh
Scripts/setup-tools.sh >/dev/null
(cd Benchmarks && swift build -c release --product kafka-throughput >/dev/null)
bin="$(cd Benchmarks && swift build -c release --show-bin-path)/kafka-throughput"
export LD_LIBRARY_PATH="$PWD/.tools/rdkafka"

if [ -z "$brokers" ]; then
    brokers=$(Scripts/tansu.sh start)
    trap 'Scripts/tansu.sh stop' EXIT
fi

run="$(date +%s)-$$"
for name in kcat1 ours kcat2; do
    "$bin" create --brokers "$brokers" --topic "bench-$name-$run" --partitions 4
done
payload=$(head -c "$size" /dev/zero | tr '\0' x)

now() { date +%s.%N; }
rate() { python3 -c "print(int($1 / ($3 - $2)))"; }
mean() { python3 -c "print(int(($1 + $2) / 2))"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

kcat_produce() {
    local start
    start=$(now)
    { yes "$payload" || true; } | head -n "$messages" | kcat -P -b "$brokers" -t "$1" 2>/dev/null
    rate "$messages" "$start" "$(now)"
}
kcat_consume() {
    local start
    start=$(now)
    kcat -C -b "$brokers" -t "$1" -o beginning -c "$messages" -q 2>/dev/null >/dev/null
    rate "$messages" "$start" "$(now)"
}
ours() {
    local start
    start=$(now)
    "$bin" "$1" --brokers "$brokers" --topic "$2" --messages "$messages" --size "$size" >/dev/null
    rate "$messages" "$start" "$(now)"
}

echo "kafka-throughput: $messages messages of $size bytes, broker $brokers, librdkafka from .tools/rdkafka"
kcat_produce_1=$(kcat_produce "bench-kcat1-$run")
ours_produce=$(ours produce "bench-ours-$run")
kcat_produce_2=$(kcat_produce "bench-kcat2-$run")
kcat_consume_1=$(kcat_consume "bench-kcat1-$run")
ours_consume=$(ours consume "bench-ours-$run")
kcat_consume_2=$(kcat_consume "bench-kcat2-$run")
kcat_produce_mean=$(mean "$kcat_produce_1" "$kcat_produce_2")
kcat_consume_mean=$(mean "$kcat_consume_1" "$kcat_consume_2")

printf '%-8s %22s %12s %12s %10s\n' direction "kcat msg/s (before/after)" "kcat mean" "ours msg/s" "ours/kcat"
printf '%-8s %22s %12s %12s %10s\n' produce "$kcat_produce_1/$kcat_produce_2" "$kcat_produce_mean" "$ours_produce" "$(ratio "$ours_produce" "$kcat_produce_mean")"
printf '%-8s %22s %12s %12s %10s\n' consume "$kcat_consume_1/$kcat_consume_2" "$kcat_consume_mean" "$ours_consume" "$(ratio "$ours_consume" "$kcat_consume_mean")"

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
# whole command, connection set-up included, for both tools alike.
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
kcat_topic="bench-kcat-$run"
ours_topic="bench-ours-$run"
"$bin" create --brokers "$brokers" --topic "$kcat_topic" --partitions 4
"$bin" create --brokers "$brokers" --topic "$ours_topic" --partitions 4
payload=$(head -c "$size" /dev/zero | tr '\0' x)

now() { date +%s.%N; }
rate() { python3 -c "import sys; print(int($1 / ($3 - $2)))"; }

echo "kafka-throughput: $messages messages of $size bytes, broker $brokers, librdkafka from .tools/rdkafka"

start=$(now)
yes "$payload" | head -n "$messages" | kcat -P -b "$brokers" -t "$kcat_topic" 2>/dev/null
kcat_produce=$(rate "$messages" "$start" "$(now)")

start=$(now)
"$bin" produce --brokers "$brokers" --topic "$ours_topic" --messages "$messages" --size "$size" >/dev/null
ours_produce=$(rate "$messages" "$start" "$(now)")

start=$(now)
kcat -C -b "$brokers" -t "$kcat_topic" -o beginning -c "$messages" -q 2>/dev/null >/dev/null
kcat_consume=$(rate "$messages" "$start" "$(now)")

start=$(now)
"$bin" consume --brokers "$brokers" --topic "$ours_topic" --messages "$messages" >/dev/null
ours_consume=$(rate "$messages" "$start" "$(now)")

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
printf '%-8s %12s %12s %8s\n' direction "kcat msg/s" "ours msg/s" "ours/kcat"
printf '%-8s %12s %12s %8s\n' produce "$kcat_produce" "$ours_produce" "$(ratio "$ours_produce" "$kcat_produce")"
printf '%-8s %12s %12s %8s\n' consume "$kcat_consume" "$ours_consume" "$(ratio "$ours_consume" "$kcat_consume")"

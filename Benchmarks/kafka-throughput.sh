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
#
# Producing is measured twice: idempotent on both sides (our producer's
# default, what the worker uses; kcat with -X enable.idempotence=true), and
# not idempotent on both sides (kcat -P's default). librdkafka's idempotent
# producer costs its broker thread several times the CPU, so comparing our
# idempotent producer with a plain kcat measured that setting, not our layer.
# Each row also gives the CPU time (user + system) of each tool, which the
# load on a shared machine disturbs less than the wall clock.
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

cputime=$(mktemp)
trap 'rm -f "$cputime"' EXIT
if [ -z "$brokers" ]; then
    brokers=$(Scripts/tansu.sh start)
    trap 'rm -f "$cputime"; Scripts/tansu.sh stop' EXIT
fi

run="$(date +%s)-$$"
for name in kcat1 ours kcat2 kcatplain1 oursplain kcatplain2; do
    "$bin" create --brokers "$brokers" --topic "bench-$name-$run" --partitions 4
done
payload=$(head -c "$size" /dev/zero | tr '\0' x)

now() { date +%s.%N; }
rate() { python3 -c "print(int($1 / ($3 - $2)))"; }
mean() { python3 -c "print(int(($1 + $2) / 2))"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
# CPU seconds (user + system) of the last timed command.
cpu() { awk '{printf "%.2f", $1 + $2}' "$cputime"; }

# Each prints "MSGS_PER_SECOND CPU_SECONDS".
kcat_produce() {
    local topic=$1 start rate_
    shift
    start=$(now)
    { yes "$payload" || true; } | head -n "$messages" | /usr/bin/time -f '%U %S' -o "$cputime" kcat -P -b "$brokers" -t "$topic" "$@" 2>/dev/null
    rate_=$(rate "$messages" "$start" "$(now)")
    echo "$rate_ $(cpu)"
}
kcat_consume() {
    local start rate_
    start=$(now)
    /usr/bin/time -f '%U %S' -o "$cputime" kcat -C -b "$brokers" -t "$1" -o beginning -c "$messages" -q 2>/dev/null >/dev/null
    rate_=$(rate "$messages" "$start" "$(now)")
    echo "$rate_ $(cpu)"
}
ours() {
    local mode=$1 topic=$2 start rate_
    shift 2
    start=$(now)
    /usr/bin/time -f '%U %S' -o "$cputime" "$bin" "$mode" --brokers "$brokers" --topic "$topic" --messages "$messages" --size "$size" "$@" >/dev/null
    rate_=$(rate "$messages" "$start" "$(now)")
    echo "$rate_ $(cpu)"
}

echo "kafka-throughput: $messages messages of $size bytes, broker $brokers, librdkafka from .tools/rdkafka"
idempotent=(-X enable.idempotence=true)
read -r kp1 kp1cpu < <(kcat_produce "bench-kcat1-$run" "${idempotent[@]}")
read -r op opcpu < <(ours produce "bench-ours-$run")
read -r kp2 kp2cpu < <(kcat_produce "bench-kcat2-$run" "${idempotent[@]}")
read -r kn1 kn1cpu < <(kcat_produce "bench-kcatplain1-$run")
read -r on oncpu < <(ours produce "bench-oursplain-$run" --property enable.idempotence=false)
read -r kn2 kn2cpu < <(kcat_produce "bench-kcatplain2-$run")
read -r kc1 kc1cpu < <(kcat_consume "bench-kcat1-$run")
read -r oc occpu < <(ours consume "bench-ours-$run")
read -r kc2 kc2cpu < <(kcat_consume "bench-kcat2-$run")

# row NAME KCAT1 KCAT2 OURS KCAT1_CPU KCAT2_CPU OURS_CPU
row() {
    local kmean kcpu
    kmean=$(mean "$2" "$3")
    kcpu=$(python3 -c "print(f'{($5 + $6) / 2:.2f}')")
    printf '%-22s %20s %10s %10s %9s %10s %9s %12s\n' "$1" "$2/$3" "$kmean" "$4" "$(ratio "$4" "$kmean")" "$kcpu" "$7" "$(ratio "$7" "$kcpu")"
}
printf '%-22s %20s %10s %10s %9s %10s %9s %12s\n' direction "kcat msg/s (bef/aft)" "kcat mean" "ours msg/s" ours/kcat "kcat cpu s" "ours cpu" "cpu ours/kcat"
row "produce (idempotent)" "$kp1" "$kp2" "$op" "$kp1cpu" "$kp2cpu" "$opcpu"
row "produce (plain)" "$kn1" "$kn2" "$on" "$kn1cpu" "$kn2cpu" "$oncpu"
row consume "$kc1" "$kc2" "$oc" "$kc1cpu" "$kc2cpu" "$occpu"

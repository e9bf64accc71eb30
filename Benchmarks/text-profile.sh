#!/usr/bin/env bash
# Instruction counts of the text path (callgrind), which, unlike times, repeat
# on a busy shared machine: per level of `text-chain` (decode, + normalise,
# + parse, + enrich, + record encoding), the instructions of one round over the
# inputs (three rounds minus one, halved) and the one-off start-up (loading
# the tables), and per input byte. With --annotate, also the functions that
# take the most instructions (inclusive) in one round of the whole chain.
#   Benchmarks/text-profile.sh [--annotate] [FILE...]   (default: the corpus articles)
# Swift's hashing is seeded per process, so Set and Dictionary probes (and the
# String comparisons on collisions) would vary a few million instructions
# from run to run; SWIFT_DETERMINISTIC_HASHING=1 fixes the seed.
# Valgrind 3.19 cannot read the DWARF 5 this toolchain writes, so it runs on a
# copy without debug sections (function names come from the symbol table).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
shared="${NEWSWIRE_SHARED:-$root/../shared}"
annotate=0
if [ "${1:-}" = "--annotate" ]; then annotate=1; shift; fi
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$shared"/corpus/articles/*.txt)
command -v valgrind >/dev/null || { echo "text-profile.sh needs valgrind (apt-get install valgrind)" >&2; exit 2; }

echo "building text-chain (release)…" >&2
swift build -c release --package-path Benchmarks --product text-chain >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
strip --strip-debug -o "$work/text-chain" "$(swift build -c release --package-path Benchmarks --show-bin-path)/text-chain"
bytes="$(cat "${files[@]}" | wc -c)"

instructions() {
    SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file="$work/out.$1.$2" "$work/text-chain" --rounds "$2" --stage "$1" "${files[@]}" 2>&1 >/dev/null \
        | awk '/Collected/ { print $4 }'
}
echo "inputs: ${#files[@]} files, $bytes bytes"
printf '%-10s %16s %14s %18s\n' level "instr/round" "instr/byte" "start-up instr"
for level in decode normalise parse enrich chain; do
    one="$(instructions "$level" 1)"
    three="$(instructions "$level" 3)"
    round=$(((three - one) / 2))
    printf '%-10s %16d %14.0f %18d\n' "$level" "$round" "$(awk -v r="$round" -v b="$bytes" 'BEGIN { print r / b }')" "$((one - round))"
done
if [ "$annotate" = 1 ]; then
    echo "-- the whole chain, one round plus start-up: functions by inclusive instructions"
    callgrind_annotate --inclusive=yes "$work/out.chain.1" 2>/dev/null | swift demangle --simplified \
        | grep -E '^ *[0-9,]+ \(' | sed -E 's/ \[[^]]*\]$//; s/\?\?\?://' | head -"${TOP:-60}"
fi

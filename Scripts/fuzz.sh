#!/usr/bin/env bash
# Fuzzes the text stages with libFuzzer (Fuzz/: one executable, fuzz-text,
# built with `-sanitize=fuzzer,address`), one target after another, each at
# nice 19:
#
#   Scripts/fuzz.sh [--seconds S] [--runs N] [--max-len B] [--sanitizer address|fuzzer] [TARGET…]
#       TARGET: decode normalise parse enrich (default all). Inputs are cut to
#       --max-len bytes (default: 4096 for decode and normalise, 2048 for
#       parse, 1024 for enrich, whose cost per byte is highest). With --runs,
#       a run stops after N executions, or after --seconds if that is given too.
#       --sanitizer fuzzer builds with `-sanitize=fuzzer` only (no
#       AddressSanitizer, into .build-fuzz-fast): 1.8 to 2.4 times more
#       executions per CPU second (README "Chaos run and fuzzing"), for long
#       runs; Swift's own checks (bounds, overflow, force unwraps) still trap
#       in it, and only memory errors in unsafe-pointer code go unseen.
#       `make chaos` keeps the default, address.
#
# Seeds: ../shared/corpus (articles and HTML pages) and Examples/, copied at
# run time into .build/fuzz/seeds; the corpus libFuzzer grows is kept in
# .build/fuzz/corpus/TARGET between runs. Crashes (and timeouts, leaks, out of
# memory) land in .build/fuzz/artifacts/TARGET; every input that took more
# than 100 ms of CPU (timed by the harness itself: libFuzzer's
# -report_slow_units counts whole seconds of wall time) in
# .build/fuzz/slow/TARGET, then re-timed without sanitizers by fuzz-replay. Prints one JSON line per target:
#   {"target","executions","totalExecutions","totalRuns","totalBySanitizer","sanitizer","seconds","execsPerSecond",
#    "cpuSeconds","execsPerCpuSecond","coverage","features","corpus","crashes","crashFiles","starvedTimeouts","slowInputs",
#    "slowestMilliseconds","slowestReplayMilliseconds","maxLen","fuzzerExit"}
# execsPerSecond is by the wall clock; execsPerCpuSecond by the fuzzer's own CPU
# time, which does not depend on what else the machine runs.
# slowestMilliseconds is CPU time under the sanitizers and libFuzzer's instrumentation
# (a few times slower); slowestReplayMilliseconds is the slowest slow input
# timed in a plain release build (median CPU time of five runs). Exits 1 if a target crashed or an input took more
# than 100 ms in the plain build.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

seconds=60
seconds_given=""
runs=""
max_len=""
sanitizer=address
targets=()
usage="usage: Scripts/fuzz.sh [--seconds S] [--runs N] [--max-len B] [--sanitizer address|fuzzer] [decode|normalise|parse|enrich …]"
while [ $# -gt 0 ]; do
    case "$1" in
    --seconds) seconds="$2"; seconds_given=1; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --max-len) max_len="$2"; shift 2 ;;
    --sanitizer)
        case "${2:-}" in
        address|fuzzer) sanitizer="$2" ;;
        *) echo "fuzz: --sanitizer takes address or fuzzer, not '${2:-}'; $usage" >&2; exit 2 ;;
        esac
        shift 2 ;;
    decode|normalise|parse|enrich) targets+=("$1"); shift ;;
    *) echo "fuzz: unknown argument '$1'; $usage" >&2; exit 2 ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(decode normalise parse enrich)
slow_ms=100
# libFuzzer's -timeout is wall-clock time (SIGALRM). At nice 19 on the shared
# machine a decode input that replays in 0.5 ms of CPU once ran 28 s by the
# wall clock and ended the run as a "timeout". Slow inputs are caught by CPU
# time (the harness's slow inputs, replayed below); this catches only inputs
# that never end, and each timeout is replayed before it counts (below).
hang_seconds=600
shared="${NEWSWIRE_SHARED:-$root/../shared}"

# lld: gold links the ASan runtime too, but crashes reporting any link error.
# detect_leaks=0: the sanitizer flags reach the build tool that embeds
# ArticleText's data too, and LeakSanitizer would fail it at exit.
if [ "$sanitizer" = address ]; then
    sanitize=fuzzer,address scratch="$root/.build-fuzz"
else
    sanitize=fuzzer scratch="$root/.build-fuzz-fast"
fi
fuzz_build=(env NEWSWIRE_TEXT_ONLY=1 ASAN_OPTIONS=detect_leaks=0 nice -n 10 swift build -c release --package-path Fuzz --scratch-path "$scratch"
    -Xswiftc -sanitize="$sanitize" -Xswiftc -use-ld=lld)
replay_build=(env NEWSWIRE_TEXT_ONLY=1 nice -n 10 swift build -c release --package-path Fuzz --scratch-path "$root/.build-fuzz-replay")
echo "fuzz: building the harnesses (release, -sanitize=$sanitize)…" >&2
# After main adds source files in new folders, the first incremental build of
# a scratch folder built before can compile ArticleText with the old file list
# ("cannot find 'PageChrome' in scope") and plan again only after failing; a
# second build then succeeds. Build once more before giving up.
build() {
    "$@" || { echo "fuzz: build failed; building once more (SwiftPM re-plans after a stale source list)" >&2; "$@"; }
}
build "${fuzz_build[@]}" --product fuzz-text >&2
build "${replay_build[@]}" --product fuzz-replay >&2
bin="$("${fuzz_build[@]}" --show-bin-path)"
replay="$("${replay_build[@]}" --show-bin-path)/fuzz-replay"

work="$root/.build/fuzz"
seeds="$work/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
for file in "$shared"/corpus/articles/* "$shared"/corpus/html-dates/pages/* Examples/*; do
    [ -f "$file" ] && cp "$file" "$seeds/"
done
if [ -z "$(ls -A "$seeds")" ]; then
    echo "fuzz: no seeds found in $shared/corpus or Examples/; set NEWSWIRE_SHARED to the shared folder" >&2
    exit 2
fi

budget="$seconds s"
if [ -n "$runs" ]; then budget="$runs runs${seconds_given:+ or $seconds s}"; fi
failed=0
for target in "${targets[@]}"; do
    corpus="$work/corpus/$target"
    artifacts="$work/artifacts/$target"
    slow="$work/slow/$target"
    log="$work/$target.log"
    mkdir -p "$corpus" "$artifacts"
    rm -rf "$slow"
    mkdir -p "$slow"
    ls "$artifacts" | sort >"$work/$target.before"
    limit=(-max_total_time="$seconds")
    backstop=$((seconds + 600))
    if [ -n "$runs" ]; then
        limit=(-runs="$runs"); backstop=172800
        if [ -n "$seconds_given" ]; then limit+=(-max_total_time="$seconds"); backstop=$((seconds + 600)); fi
    fi
    case "$target" in enrich) length=1024 ;; parse) length=2048 ;; *) length=4096 ;; esac
    length="${max_len:-$length}"
    echo "fuzz: $target ($budget, -sanitize=$sanitize); log in $log" >&2
    started=$(date +%s)
    status=0
    # The outer timeout is a backstop: libFuzzer stops itself at -max_total_time.
    # SWIFT_BACKTRACE: Swift's crash backtracer reads the stack in a way ASan
    # reports as an overflow of its own; libFuzzer prints the stack anyway.
    # The fuzzer's CPU time (user + system, from bash's `time`) gives a rate
    # that does not depend on what else the shared machine runs.
    TIMEFORMAT='%U %S'
    { time SWIFT_BACKTRACE=enable=no FUZZ_SLOW_DIR="$slow" FUZZ_SLOW_MS="$slow_ms" timeout -k 30 "$backstop" \
        nice -n 19 "$bin/fuzz-text" "$target" "${limit[@]}" -max_len="$length" -timeout="$hang_seconds" -rss_limit_mb=4096 \
        -report_slow_units=1 -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "$seeds" \
        >"$log" 2>&1; } 2>"$work/$target.cpu" || status=$?
    elapsed=$(( $(date +%s) - started ))
    new_artifacts=$(ls "$artifacts" | sort | comm -13 "$work/$target.before" - | grep -v '^slow-unit-' || true)
    # A timeout whose input replays in the plain build within the slow-input
    # threshold was the machine, not the input: moved to
    # .build/fuzz/starved/TARGET and counted as starvedTimeouts, not a crash.
    # A replay that does not end within 120 s stays a finding.
    starved=0
    for name in $(printf '%s\n' "$new_artifacts" | grep '^timeout-' || true); do
        ms=$(timeout 120 "$replay" "$target" "$artifacts/$name" | cut -d' ' -f1 || true)
        if [ -n "$ms" ] && awk -v ms="$ms" -v limit="$slow_ms" 'BEGIN { exit !(ms <= limit) }'; then
            mkdir -p "$work/starved/$target"
            mv "$artifacts/$name" "$work/starved/$target/"
            echo "fuzz: $target: $name timed out by the wall clock but replays in $ms ms of CPU; moved to $work/starved/$target" >&2
            starved=$((starved + 1))
            new_artifacts=$(printf '%s\n' "$new_artifacts" | grep -vxF "$name" || true)
        fi
    done
    crashes=$(printf '%s' "$new_artifacts" | grep -c . || true)
    replay_ms=""
    slow_files=("$slow"/slow-*)
    if [ -e "${slow_files[0]}" ]; then
        replay_ms=$("$replay" "$target" "${slow_files[@]}" | sort -rn | head -1 | cut -d' ' -f1)
    fi
    "$root/.tools/venv/bin/python" - "$target" "$log" "$elapsed" "$crashes" "$slow" "$replay_ms" "$artifacts" "$new_artifacts" "$status" "$length" "$work/totals" "$sanitizer" "$work/$target.cpu" "$starved" <<'PY'
import json, os, re, sys
target, log, elapsed, crashes, slow, replay_ms, artifacts, new_artifacts, status, max_len, totals, sanitizer, cpu_file, starved = sys.argv[1:]
cpu_seconds = sum(float(field) for field in open(cpu_file).read().split()[-2:])
text = open(log, errors="replace").read()
def last(pattern, cast=int):
    found = re.findall(pattern, text)
    return cast(found[-1]) if found else None
executions = last(r"stat::number_of_executed_units:\s*(\d+)") or last(r"#(\d+)\s")
# Runs resume on the saved corpus: their executions add up, per target, in
# .build/fuzz/totals/TARGET (one JSON object; delete it to start counting anew),
# also split by sanitizer (runs before the split counted are all "address").
os.makedirs(totals, exist_ok=True)
total_path = os.path.join(totals, target)
total = {"executions": 0, "runs": 0, "crashes": 0}
if os.path.exists(total_path):
    total = json.load(open(total_path))
by_sanitizer = total.get("bySanitizer", {"address": total["executions"]})
by_sanitizer[sanitizer] = by_sanitizer.get(sanitizer, 0) + (executions or 0)
total = {"executions": total["executions"] + (executions or 0), "runs": total["runs"] + 1,
         "crashes": total["crashes"] + int(crashes), "bySanitizer": by_sanitizer}
with open(total_path, "w") as f:
    json.dump(total, f)
slowest = None
if os.path.exists(os.path.join(slow, "slowest-ms")):
    slowest = round(float(open(os.path.join(slow, "slowest-ms")).read()), 1)
print(json.dumps({
    "target": target,
    "executions": executions,
    "totalExecutions": total["executions"],
    "totalRuns": total["runs"],
    "totalBySanitizer": total["bySanitizer"],
    "sanitizer": sanitizer,
    "seconds": int(elapsed),
    "execsPerSecond": round(executions / max(1, int(elapsed))) if executions else None,
    "cpuSeconds": round(cpu_seconds, 1),
    "execsPerCpuSecond": round(executions / cpu_seconds) if executions and cpu_seconds else None,
    "coverage": last(r"cov: (\d+)"),
    "features": last(r"ft: (\d+)"),
    "corpus": last(r"corp: (\d+)/"),
    "crashes": int(crashes),
    "crashFiles": [os.path.join(artifacts, f) for f in new_artifacts.split()],
    "starvedTimeouts": int(starved),
    "slowInputs": len([f for f in os.listdir(slow) if f.startswith("slow-")]),
    "slowestMilliseconds": slowest,
    "slowestReplayMilliseconds": float(replay_ms) if replay_ms else None,
    "maxLen": int(max_len),
    "fuzzerExit": int(status),
}))
PY
    if [ "$crashes" -gt 0 ]; then
        echo "fuzz: $target crashed; reproduce with: $bin/fuzz-text $target $(printf '%s' "$new_artifacts" | head -1 | sed "s|^|$artifacts/|")" >&2
        failed=1
    fi
    if [ -n "$replay_ms" ] && awk -v ms="$replay_ms" -v limit="$slow_ms" 'BEGIN { exit !(ms > limit) }'; then
        echo "fuzz: $target has inputs slower than $slow_ms ms without sanitizers; time them with: $replay $target $slow/slow-*" >&2
        failed=1
    fi
done
exit "$failed"

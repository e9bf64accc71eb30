#!/usr/bin/env bash
# Start-up of the text stages (target ≤ 50 ms): the wall clock of a process
# that loads every table (gazetteer, cues, month names, stop words, fold and
# character tables …) and takes one tiny article through the whole chain
# (`text-chain --rounds 1`: decode → normalise → parse → enrich → the three
# records), run RUNS times, median wall clock and CPU time (user + system).
# Beside it, alternating with it in the same run, the same binary started
# with `--rounds 0` (it reads the article and stops: process
# start, dynamic linking and the Swift runtime, no table loaded).
# Wall clock depends on the machine's load: on a shared machine run it as
#   flock /work/heavy.lock Benchmarks/text-startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-101}"
echo "building text-chain (release)…" >&2
swift build -c release --package-path Benchmarks --product text-chain >&2
bench="$(swift build -c release --package-path Benchmarks --show-bin-path)/text-chain"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cat > "$scratch/tiny.txt" <<'ARTICLE'
وزير الخارجية يزور القاهرة

القاهرة - 3 مارس 2021: قال وزير الخارجية إن المحادثات مع الأمم المتحدة في جنيف كانت مفيدة.

Officials from the United Nations met in Geneva on Tuesday, the ministry said.
ARTICLE
python3 - "$bench" "$scratch/tiny.txt" "$runs" <<'PY'
import os, statistics, subprocess, sys, time
bench, article, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
wall = {0: [], 1: []}
cpu = {0: [], 1: []}
# Alternate the two so that the machine's load falls on both alike.
for _ in range(runs):
    for rounds in (0, 1):
        start = time.perf_counter()
        child = subprocess.Popen([bench, "--rounds", str(rounds), "--stage", "chain", article], stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall[rounds].append((time.perf_counter() - start) * 1000)
        cpu[rounds].append((usage.ru_utime + usage.ru_stime) * 1000)
        if status != 0:
            sys.exit(f"text-chain --rounds {rounds} failed (status {status})")
m = {k: statistics.median(v) for k, v in wall.items()}
c = {k: statistics.median(v) for k, v in cpu.items()}
print(f"start-up (load every table, one tiny article through the chain): median {m[1]:.1f} ms wall (min {min(wall[1]):.1f}), {c[1]:.1f} ms CPU, over {runs} runs; target <= 50 ms")
print(f"baseline, same binary without loading tables (--rounds 0), same run: median {m[0]:.1f} ms wall (min {min(wall[0]):.1f}), {c[0]:.1f} ms CPU; tables + article: {m[1] - m[0]:.1f} ms wall, {c[1] - c[0]:.1f} ms CPU")
PY

"""Where the side-by-side throughput workers of a chaos run spend their wall
time: samples each `newswire run` worker whose input topic is a
`chaos.throughput.*` topic, five times a second, and summarises the samples.

    chaos_sample.py sample FILE SECONDS   # run next to Scripts/chaos.sh
    chaos_sample.py summary FILE          # per clean/poisoned pair

A sample is one JSON line per worker: its threads' run states and CPU ticks
(/proc/PID/task/*/stat) and its /stats document. The summary compares the two
workers of each pair over the window in which both were consuming and neither
had finished: CPU seconds used (cores), how often their stage threads were
runnable (R: running or waiting for a CPU) rather than asleep (waiting for
input or for the publisher), and how many inputs each had in flight at the
window's end. A worker that waits on something shows sleeping stage threads
while it still has inputs to process."""
import collections
import json
import os
import sys
import time
import urllib.request


def workers():
    """pid → (input topic, stats port) of the running throughput workers."""
    found = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                argv0 = f.read().split(b"\0")[0]
            with open("/proc/%s/environ" % pid, "rb") as f:
                env = dict(e.split(b"=", 1) for e in f.read().split(b"\0") if b"=" in e)
        except OSError:
            continue
        topic = env.get(b"NEWSWIRE_INPUT_TOPIC", b"").decode()
        if not argv0.endswith(b"newswire") or not topic.startswith("chaos.throughput."):
            continue
        found[int(pid)] = (topic, env.get(b"NEWSWIRE_STATS_ADDRESS", b"").decode().rsplit(":", 1)[-1])
    return found


def threads(pid):
    """tid → [name, state, user + system ticks]."""
    result = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
            stat = f.read()
        fields = stat[stat.rindex(")") + 2:].split()
        result[tid] = [stat[stat.index("(") + 1:stat.rindex(")")], fields[0], int(fields[11]) + int(fields[12])]
    return result


def sample(path, seconds):
    stop_at = time.time() + seconds
    with open(path, "a") as out:
        while time.time() < stop_at:
            now = time.time()
            for pid, (topic, port) in workers().items():
                row = {"t": now, "pid": pid, "topic": topic}
                try:
                    row["threads"] = threads(pid)
                except OSError:
                    continue  # the worker ended between listing and reading
                try:
                    with urllib.request.urlopen("http://127.0.0.1:%s/stats" % port, timeout=1) as response:
                        row["stats"] = json.load(response)
                except (OSError, ValueError) as error:
                    row["statsError"] = str(error)
                out.write(json.dumps(row) + "\n")
            out.flush()
            time.sleep(0.2)


def totals(row, key):
    return ((row.get("stats") or {}).get("totals") or {}).get(key) or 0


def pairs(path):
    """Per clean/poisoned pair in the samples: the window and, per worker,
    CPU seconds and cores, the share of stage-thread samples that were
    runnable, the samples with every stage thread asleep, and commits."""
    runs_by_rep = collections.defaultdict(dict)
    with open(path) as f:
        for line in f:
            row = json.loads(line)
            _, _, variant, rep = row["topic"].split(".")
            runs_by_rep[rep].setdefault(variant, []).append(row)
    ticks = os.sysconf("SC_CLK_TCK")
    result = []
    for rep, runs in sorted(runs_by_rep.items()):
        if set(runs) != {"clean", "poisoned"}:
            continue
        start = max(next((r["t"] for r in rows if totals(r, "consumed") > 0), rows[-1]["t"]) for rows in runs.values())
        inputs = {variant: max(totals(r, "consumed") for r in rows) for variant, rows in runs.items()}
        end = min(next((r["t"] for r in rows if totals(r, "committed") >= inputs[variant]), rows[-1]["t"])
                  for variant, rows in runs.items())
        pair = {"rep": rep, "windowSeconds": end - start}
        for variant, rows in runs.items():
            window = [r for r in rows if start <= r["t"] <= end]
            if len(window) < 2:
                pair[variant] = None
                continue
            cpu = (sum(t[2] for t in window[-1]["threads"].values()) - sum(t[2] for t in window[0]["threads"].values())) / ticks
            stage = collections.Counter(state for r in window for name, state, _ in r["threads"].values()
                                        if name.startswith("stage"))
            pair[variant] = {
                "cpuSeconds": cpu,
                "cores": cpu / (window[-1]["t"] - window[0]["t"]),
                "stageRunnable": stage["R"] / max(1, sum(stage.values())),
                "allStageAsleep": sum(1 for r in window if all(state != "R" for name, state, _ in r["threads"].values()
                                                               if name.startswith("stage"))),
                "samples": len(window),
                "committed": (totals(window[0], "committed"), totals(window[-1], "committed")),
                "inFlightAtEnd": ((window[-1].get("stats") or {}).get("inFlight") or {}).get("messages"),
            }
        result.append(pair)
    return result


def summary(path):
    for pair in pairs(path):
        print("pair %s: window %.1f s (from both consuming to the first done)" % (pair["rep"], pair["windowSeconds"]))
        for variant in ("clean", "poisoned"):
            w = pair[variant]
            if w is None:
                print("  %-8s too few samples in the window" % variant)
                continue
            print("  %-8s CPU %.2f s = %.2f cores; stage threads runnable in %d%% of thread samples; "
                  "all stage threads asleep in %d of %d samples; committed %d → %d; in flight at the end %s" % (
                      variant, w["cpuSeconds"], w["cores"], round(100 * w["stageRunnable"]), w["allStageAsleep"],
                      w["samples"], w["committed"][0], w["committed"][1], w["inFlightAtEnd"]))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "sample":
        sample(sys.argv[2], float(sys.argv[3]))
    elif len(sys.argv) == 3 and sys.argv[1] == "summary":
        summary(sys.argv[2])
    else:
        sys.exit("usage: chaos_sample.py sample FILE SECONDS | summary FILE")

"""The figures of a chaos run: the table for people and the final JSON line
for tools (the same numbers)."""
import json
import os
import statistics
import time

import poison_corpus


def side_by_side(rep, runs):
    """Good inputs per second of a clean and a poisoned worker that ran at the
    same time: counted over the window from the later of the two becoming
    ready (/readyz) to the earlier of the two finishing its good inputs
    (first output of its last good input), so both shared the machine
    throughout the window."""
    finish = {}
    for variant, run in runs.items():
        done = [r.first_output for _, r in run["records"] if r.kind == "good" and r.first_output is not None]
        goods = sum(1 for _, r in run["records"] if r.kind == "good")
        finish[variant] = max(done) if done and len(done) == goods else None
    starts = [run["ready"] for run in runs.values()]
    ends = [f for f in finish.values() if f is not None]
    start = max(starts) if all(starts) else None
    end = min(ends) if ends else None
    window = (end - start) if start and end and end > start else None
    pair = {"rep": rep, "windowSeconds": round(window, 1) if window else None}
    for variant, run in runs.items():
        records = [r for _, r in run["records"]]
        good = [r for r in records if r.kind == "good"]
        within = sum(1 for r in good if window and r.first_output is not None and start < r.first_output <= end)
        pair[variant] = {
            "topic": run["topic"], "cpu": run.get("cpu"), "good": len(good), "poison": len(records) - len(good),
            "accounted": sum(1 for r in records if r.accounted), "drained": run["done"],
            "goodInWindow": within,
            "goodPerSecond": round(within / window, 1) if window else None,
            "crashes": len(run["crashes"]),
            "cpuSeconds": round(run["cpuSeconds"], 2) if run.get("cpuSeconds") else None,
            "goodPerCpuSecond": round(len(good) / run["cpuSeconds"], 1) if run.get("cpuSeconds") else None,
        }
    clean, poisoned = pair["clean"]["goodPerSecond"], pair["poisoned"]["goodPerSecond"]
    pair["poisonedOverClean"] = round(poisoned / clean, 3) if clean and poisoned is not None else None
    clean, poisoned = pair["clean"]["goodPerCpuSecond"], pair["poisoned"]["goodPerCpuSecond"]
    pair["poisonedOverCleanPerCpuSecond"] = round(poisoned / clean, 3) if clean and poisoned is not None else None
    return pair


def default_rate(pairs):
    """The clean worker's rate while it shared the machine with the poisoned
    one (about half of what it does alone), so the chaos phase's three
    workers have room to catch up after each fault and latency means
    something."""
    rates = [p["clean"]["goodPerSecond"] for p in pairs if p["clean"]["goodPerSecond"]]
    return max(10.0, statistics.median(rates)) if rates else 50.0


def rebalance_rounds(events, gap=1.0):
    """Assignment events within `gap` seconds of each other are one rebalance."""
    rounds, last = 0, None
    for when, _, _ in sorted(events):
        if last is None or when - last > gap:
            rounds += 1
        last = when
    return rounds


def build(run, events, throughput_runs, rate):
    args = run.args
    topic = run.compose.input_topic
    records = run.ledger.records(topic)
    out_of_order = [entry for entry in run.ledger.out_of_order() if entry["source"].startswith(topic + "/")]
    inputs = [r for _, r in records]
    lost = [(k, r) for k, r in records if not r.processed and not r.dead_lettered and r.normalised == 0]
    incomplete = [(k, r) for k, r in records if r.normalised > 0 and not r.processed and not r.dead_lettered]
    reread = reread_unaccounted(run, lost + incomplete)
    missed = set(reread["accountedKeys"]) if reread else set()
    lost = [(k, r) for k, r in lost if k not in missed]
    incomplete = [(k, r) for k, r in incomplete if k not in missed]
    duplicates = sum(max(0, r.normalised - 1) + max(0, r.dead - 1) for r in inputs)
    latencies = [r.first_output - r.timestamp for r in inputs if r.first_output is not None]
    by_code = {}
    for r in inputs:
        if r.dead_lettered:
            by_code[r.code] = by_code.get(r.code, 0) + 1
    by_kind = poison_by_kind(inputs)
    good = [r for r in inputs if r.kind == "good"]
    crashes = [c for c in run.crashes if c["worker"].startswith("worker-")]
    without_reason = sum(1 for r in inputs if r.dead_lettered and not r.reason)
    churn_rebalances = [e for e in run.assignment_events if e[1].startswith("worker-")]
    peak = max((w.peak_rss_bytes for w in run.all_workers), default=0)
    report = {
        "inputs": len(inputs),
        "lost": len(lost),
        "duplicates": duplicates,
        "kills": events["kills"],
        "freezes": events["freezes"],
        "rebalances": rebalance_rounds(churn_rebalances),
        "poisonKinds": len(by_kind),
        "deadLettersByCode": dict(sorted(by_code.items())),
        "outOfOrder": len(out_of_order),
        "maxLatencySeconds": round(max(latencies), 3) if latencies else None,
        "incomplete": len(incomplete),
        "goodInputs": len(good),
        "goodProcessed": sum(1 for r in good if r.processed),
        "goodDeadLettered": sum(1 for r in good if r.dead_lettered),
        "poisonInputs": len(inputs) - len(good),
        "poisonByKind": dict(sorted(by_kind.items())),
        "deadLettersWithoutReason": without_reason,
        "latencySeconds": percentiles(latencies),
        "workersAdded": events["added"],
        "workersRemoved": events["removed"],
        "crashes": len(crashes),
        "crashExamples": crashes[:3],
        "assignmentEvents": len(churn_rebalances),
        "initialAssignment": {name: ["%s/%d" % p for p in parts] for name, parts in events["split"]["assignment"].items()},
        "evenSplit": events["split"]["evenSplit"],
        "rateInputsPerSecond": round(rate, 1),
        "feedSeconds": round(events["feedSeconds"], 1),
        "drained": events["drained"],
        "throughput": throughput_summary(throughput_runs),
        "peakWorkerRssMiB": round(peak / 2**20, 1),
        "composeMemoryLimitMiB": round(run.compose.memory_limit_bytes / 2**20) if run.compose.memory_limit_bytes else None,
        "unknownSources": run.ledger.unknown_sources,
        "outputsRead": run.ledger.consumed,
        "ledgerError": run.ledger.error,
        "ledgerMissed": len(missed),
        "ledgerGaps": [list(g) for g in run.ledger.sequence.gaps[:20]],
        "ledgerRereads": run.ledger.sequence.rereads,
        "reread": reread,
        "lostExamples": [describe(k, r) for k, r in lost[:5]],
        "incompleteExamples": [describe(k, r) for k, r in incomplete[:5]],
        "outOfOrderExamples": out_of_order[:5],
        "timeline": [[round(t, 1), e] for t, e in run.timeline],
        "seconds": round(time.time() - run.started, 1),
        "seed": args.seed,
    }
    return report


def poison_by_kind(inputs):
    """Per poison kind: inputs, processed, dead-lettered (by stage/code) and lost."""
    by_kind = {}
    for r in inputs:
        if r.kind == "good":
            continue
        entry = by_kind.setdefault(r.kind, {"inputs": 0, "processed": 0, "deadLettered": 0, "lost": 0, "codes": {}})
        entry["inputs"] += 1
        if r.dead_lettered:
            entry["deadLettered"] += 1
            label = "%s/%s" % (r.stage, r.code)
            entry["codes"][label] = entry["codes"].get(label, 0) + 1
        elif r.processed:
            entry["processed"] += 1
        else:
            entry["lost"] += 1
    return dict(sorted(by_kind.items()))


def throughput_summary(throughput_runs):
    """The side-by-side pairs and their medians. When the pairs' workers were
    pinned to one CPU each, with the CPUs swapped from pair to pair, the
    wall-clock ratio is the geometric mean of the pairs' ratios over an even
    number of pairs: if one CPU runs a worker a times as fast as the other
    (its other load is lighter), one pair's ratio is off by a, the next by
    1/a, and their product's root is free of it. Otherwise the median."""
    ratios = [p["poisonedOverClean"] for p in throughput_runs if p["poisonedOverClean"] is not None]
    complete = bool(ratios) and len(ratios) == len(throughput_runs)
    swapped = complete and len(ratios) % 2 == 0 and all(
        p["clean"].get("cpu") is not None and p["clean"]["cpu"] == q["poisoned"]["cpu"]
        and p["poisoned"]["cpu"] == q["clean"]["cpu"]
        for p, q in zip(throughput_runs[0::2], throughput_runs[1::2]))
    if swapped:
        ratio, method = statistics.geometric_mean(ratios), "geometric mean of pairs on swapped CPUs"
    else:
        ratio, method = (statistics.median(ratios), "median of pairs, CPUs not swapped") if complete else (None, None)
    clean = [p["clean"]["goodPerSecond"] for p in throughput_runs if p["clean"]["goodPerSecond"]]
    poisoned = [p["poisoned"]["goodPerSecond"] for p in throughput_runs if p["poisoned"]["goodPerSecond"]]
    per_cpu = [p["poisonedOverCleanPerCpuSecond"] for p in throughput_runs if p["poisonedOverCleanPerCpuSecond"] is not None]
    return {
        "poisonedOverCleanPerCpuSecond": round(statistics.median(per_cpu), 3) if per_cpu else None,
        "sideBySide": throughput_runs,
        "cleanGoodPerSecond": round(statistics.median(clean), 1) if clean else None,
        "poisonedGoodPerSecond": round(statistics.median(poisoned), 1) if poisoned else None,
        "poisonedOverClean": round(ratio, 3) if ratio is not None else None,
        "poisonedOverCleanFrom": method,
        "within10Percent": ratio is not None and ratio >= 0.9,
    }


def throughput_only(run, throughput_runs):
    """The report of a run stopped after the throughput pairs
    (--throughput-only): the pairs, and how each poison kind of the poisoned
    topics ended, so a faster run is seen to lose nothing. `lost` counts
    inputs that even a second, independent read of the output topics does
    not account for; `ledgerMissed` those only that second read accounts
    for (a fault of the ledger's reader, not of the workers)."""
    inputs = [r for pair in throughput_runs for _, r in run.ledger.records(pair["poisoned"]["topic"])]
    inputs += [r for pair in throughput_runs for _, r in run.ledger.records(pair["clean"]["topic"])]
    unaccounted = [(k, r) for pair in throughput_runs for variant in ("clean", "poisoned")
                   for k, r in run.ledger.records(pair[variant]["topic"]) if not r.accounted]
    reread = reread_unaccounted(run, unaccounted)
    return {
        "unaccountedExamples": [describe(k, r) for k, r in unaccounted[:5]],
        "unknownSources": run.ledger.unknown_sources,
        "ledgerError": run.ledger.error,
        "ledgerReadErrors": [list(e) for e in run.ledger.read_errors[:10]],
        "ledgerGaps": [list(g) for g in run.ledger.sequence.gaps[:20]],
        "ledgerRereads": run.ledger.sequence.rereads,
        "reread": reread,
        "ledgerMissed": reread["accounted"] if reread else 0,
        "throughput": throughput_summary(throughput_runs),
        "inputs": len(inputs),
        "lost": len(unaccounted) - (reread["accounted"] if reread else 0),
        "poisonByKind": poison_by_kind(inputs),
        "seconds": round(time.time() - run.started, 1),
        "seed": run.args.seed,
    }


def reread_unaccounted(run, unaccounted):
    """For inputs the ledger left unaccounted: a second, independent read
    of the output topics from offset 0, once every worker has stopped (so no
    batch is still being stored), and how many of them it accounts for,
    together with what the ledger had read."""
    if not unaccounted:
        return None
    again = run.ledger.reread([k for k, _ in unaccounted], time.time() + 120)
    accounted = []
    for key, record in unaccounted:
        found = again["found"][key]
        processed = all(getattr(record, role) + found.get(role, 0) > 0 for role in ("normalised", "parsed", "enriched"))
        if processed or record.dead + found.get("dlq", 0) > 0:
            accounted.append(key)
    return {
        "outputsRead": again["read"], "errors": again["errors"], "accounted": len(accounted), "accountedKeys": accounted,
        "examples": [{"source": "%s/%d/%d" % k, "found": again["found"][k]} for k, _ in unaccounted[:5]],
    }


def write_throughput_only(report, run_dir):
    with open(os.path.join(run_dir, "report.json"), "w") as f:
        json.dump(report, f, indent=2)
    t = report["throughput"]
    lines = ["chaos throughput (side by side, one worker each)"]
    for pair in t["sideBySide"]:
        lines.append("  pair %d over %s s, CPUs clean/poisoned %s/%s: clean %s, poisoned %s good inputs/s (%d poison) → %s; "
                     "good inputs per CPU second %s / %s → %s" % (
                         pair["rep"], pair["windowSeconds"], pair["clean"]["cpu"], pair["poisoned"]["cpu"], pair["clean"]["goodPerSecond"], pair["poisoned"]["goodPerSecond"],
                         pair["poisoned"]["poison"], pair["poisonedOverClean"], pair["clean"]["goodPerCpuSecond"],
                         pair["poisoned"]["goodPerCpuSecond"], pair["poisonedOverCleanPerCpuSecond"]))
    lines.append("  clean %s / poisoned %s good inputs/s (medians) → %s (%s; per CPU second, median → %s); inputs %d, lost %d" % (
        t["cleanGoodPerSecond"], t["poisonedGoodPerSecond"], t["poisonedOverClean"], t["poisonedOverCleanFrom"],
        t["poisonedOverCleanPerCpuSecond"],
        report["inputs"], report["lost"]))
    if report["ledgerMissed"] or report["ledgerGaps"]:
        lines.append("  the ledger's reader missed %d inputs that a second read found; offset gaps it passed: %s" % (
            report["ledgerMissed"], report["ledgerGaps"][:3]))
    for kind, entry in report["poisonByKind"].items():
        codes = ", ".join("%s ×%d" % kv for kv in sorted(entry["codes"].items()))
        lines.append("    %-18s %5d → %5d / %5d  %s" % (kind, entry["inputs"], entry["processed"], entry["deadLettered"], codes))
    print("\n".join(lines))
    print(json.dumps({"throughput": {k: v for k, v in t.items() if k != "sideBySide"}, "inputs": report["inputs"],
                      "lost": report["lost"], "ledgerMissed": report["ledgerMissed"]}, separators=(",", ":")))


def describe(key, record):
    return {"source": "%s/%d/%d" % key, "kind": record.kind, "normalised": record.normalised,
            "parsed": record.parsed, "enriched": record.enriched, "deadLetters": record.dead}


def percentiles(values):
    if not values:
        return None
    ordered = sorted(values)
    pick = lambda q: round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)
    return {"p50": pick(0.5), "p90": pick(0.9), "p99": pick(0.99), "max": round(ordered[-1], 3)}


def table(report):
    t = report["throughput"]
    rows = [
        ("inputs (good + poison)", "%d (%d + %d)" % (report["inputs"], report["goodInputs"], report["poisonInputs"])),
        ("lost", report["lost"]),
        ("missed by the ledger, found by a second read", report["ledgerMissed"]),
        ("incomplete", report["incomplete"]),
        ("out of order", report["outOfOrder"]),
        ("duplicates", report["duplicates"]),
        ("good inputs processed", "%d of %d (%d dead-lettered)" % (report["goodProcessed"], report["goodInputs"], report["goodDeadLettered"])),
        ("kills / freezes", "%d / %d" % (report["kills"], report["freezes"])),
        ("workers added / removed", "%d / %d" % (report["workersAdded"], report["workersRemoved"])),
        ("rebalances (assignment events)", "%d (%d)" % (report["rebalances"], report["assignmentEvents"])),
        ("crashes (exits not caused by the run)", report["crashes"]),
        ("initial split", "; ".join("%s: %s" % (n, ",".join(p)) for n, p in report["initialAssignment"].items())),
        ("latency p50 / p99 / max (s)", "%s / %s / %s" % tuple((report["latencySeconds"] or {}).get(q) for q in ("p50", "p99", "max"))),
        ("feed rate (inputs/s)", report["rateInputsPerSecond"]),
        ("throughput clean / poisoned (good/s)", "%s / %s → %s (%s)" % (
            t["cleanGoodPerSecond"], t["poisonedGoodPerSecond"], t["poisonedOverClean"], t["poisonedOverCleanFrom"])),
        ("the same per CPU second of the worker", t["poisonedOverCleanPerCpuSecond"]),
        ("peak worker RSS / compose limit (MiB)", "%s / %s" % (report["peakWorkerRssMiB"], report["composeMemoryLimitMiB"])),
        ("seconds", report["seconds"]),
    ]
    width = max(len(r[0]) for r in rows)
    lines = ["chaos run"] + ["  %-*s  %s" % (width, k, v) for k, v in rows]
    lines.append("  poison kinds (%d): inputs → processed / dead-lettered (stage/code)" % report["poisonKinds"])
    for kind, entry in report["poisonByKind"].items():
        codes = ", ".join("%s ×%d" % kv for kv in sorted(entry["codes"].items()))
        lost = " LOST %d" % entry["lost"] if entry["lost"] else ""
        lines.append("    %-18s %5d → %5d / %5d  %s%s" % (kind, entry["inputs"], entry["processed"], entry["deadLettered"], codes, lost))
    missing = sorted(set(poison_corpus.KINDS) - set(report["poisonByKind"]))
    if missing:
        lines.append("    kinds not in this run: %s" % ", ".join(missing))
    return "\n".join(lines)


def write(report, run_dir):
    with open(os.path.join(run_dir, "report.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(table(report))
    print(json.dumps(report, separators=(",", ":")))

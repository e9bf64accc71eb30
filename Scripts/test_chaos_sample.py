"""Tests of Scripts/chaos_sample.py: reading a real process's threads, and
the per-pair summary of samples written by hand."""
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import chaos_sample  # noqa: E402


def row(t, topic, consumed, committed, stage_states, stage_ticks, in_flight=0):
    threads = {str(i): ["stage-%d" % i, state, stage_ticks] for i, state in enumerate(stage_states)}
    threads["99"] = ["rdk:main", "S", 1]
    return {"t": t, "pid": 1, "topic": topic, "threads": threads,
            "stats": {"totals": {"consumed": consumed, "committed": committed}, "inFlight": {"messages": in_flight}}}


class ChaosSampleTests(unittest.TestCase):
    def test_threads_reads_this_process(self):
        threads = chaos_sample.threads(os.getpid())
        self.assertIn(str(os.getpid()), threads)
        name, state, ticks = threads[str(os.getpid())]
        self.assertEqual(state, "R")  # it is reading its own /proc right now
        self.assertGreaterEqual(ticks, 0)

    def test_a_pair_is_compared_from_both_consuming_to_the_first_done(self):
        hz = os.sysconf("SC_CLK_TCK")
        rows = [
            # The clean worker: consumes at t=1, done at t=3, its stage
            # threads using a whole core each, asleep once.
            row(0, "chaos.throughput.clean.1", 0, 0, "SS", 0),
            row(1, "chaos.throughput.clean.1", 100, 0, "RR", 0),
            row(2, "chaos.throughput.clean.1", 100, 50, "RS", hz),
            row(3, "chaos.throughput.clean.1", 100, 100, "SS", 2 * hz),
            row(4, "chaos.throughput.clean.1", 100, 100, "SS", 2 * hz),
            # The poisoned one: runnable throughout but given half a core.
            row(0, "chaos.throughput.poisoned.1", 0, 0, "SS", 0),
            row(1, "chaos.throughput.poisoned.1", 120, 0, "RR", 0),
            row(2, "chaos.throughput.poisoned.1", 120, 30, "RR", hz // 2),
            row(3, "chaos.throughput.poisoned.1", 120, 60, "RR", hz),
            row(4, "chaos.throughput.poisoned.1", 120, 120, "SS", 2 * hz),
        ]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            f.write("".join(json.dumps(r) + "\n" for r in rows))
        try:
            [pair] = chaos_sample.pairs(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(pair["windowSeconds"], 2)
        clean, poisoned = pair["clean"], pair["poisoned"]
        self.assertAlmostEqual(clean["cpuSeconds"], 4.0)
        self.assertAlmostEqual(clean["cores"], 2.0)
        self.assertAlmostEqual(poisoned["cores"], 1.0)
        self.assertAlmostEqual(clean["stageRunnable"], 0.5)
        self.assertAlmostEqual(poisoned["stageRunnable"], 1.0)
        self.assertEqual((clean["allStageAsleep"], poisoned["allStageAsleep"]), (1, 0))
        self.assertEqual(poisoned["committed"], (0, 60))


if __name__ == "__main__":
    unittest.main()

"""Tests of the throughput pairs' CPU pinning (chaos.py) and how their
wall-clock ratio is summarised (chaos_report.throughput_summary)."""
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import chaos  # noqa: E402
import chaos_report  # noqa: E402


def pair(rep, clean_rate, poisoned_rate, clean_cpu, poisoned_cpu):
    return {"rep": rep, "poisonedOverClean": round(poisoned_rate / clean_rate, 3), "poisonedOverCleanPerCpuSecond": 0.95,
            "clean": {"goodPerSecond": clean_rate, "cpu": clean_cpu},
            "poisoned": {"goodPerSecond": poisoned_rate, "cpu": poisoned_cpu}}


class ThroughputPinningTests(unittest.TestCase):
    def test_a_worker_started_through_taskset_runs_on_its_cpu_only(self):
        cpu = min(os.sched_getaffinity(0))
        argv = ["taskset", "--cpu-list", str(cpu), sys.executable, "-c",
                "import os; print(sorted(os.sched_getaffinity(0)))"]
        out = subprocess.run(argv, capture_output=True, text=True, timeout=30, check=True)
        self.assertEqual(out.stdout.strip(), "[%d]" % cpu)

    def test_cpus(self):
        self.assertEqual(chaos.throughput_cpus("none"), ())
        self.assertEqual(chaos.throughput_cpus("1,0"), (1, 0))
        available = sorted(os.sched_getaffinity(0))
        self.assertEqual(chaos.throughput_cpus("auto"), tuple(available[:2]) if len(available) > 1 else ())
        with self.assertRaises(SystemExit):
            chaos.throughput_cpus("0,0")

    def test_swapped_pairs_cancel_a_faster_cpu(self):
        # The poisoned worker is truly 0.95 as fast; CPU 0 runs anything
        # 1.5 times as fast as CPU 1 (lighter other load).
        pairs = [pair(1, 100 * 1.5, 95, 0, 1), pair(2, 100, 95 * 1.5, 1, 0)]
        summary = chaos_report.throughput_summary(pairs)
        self.assertAlmostEqual(summary["poisonedOverClean"], 0.95, places=2)
        self.assertEqual(summary["poisonedOverCleanFrom"], "geometric mean of pairs on swapped CPUs")
        self.assertTrue(summary["within10Percent"])

    def test_unpinned_or_unswapped_pairs_take_the_median(self):
        for pairs in ([pair(1, 100, 80, None, None), pair(2, 100, 90, None, None), pair(3, 100, 85, None, None)],
                      [pair(1, 100, 80, 0, 1), pair(2, 100, 90, 0, 1), pair(3, 100, 85, 0, 1)]):
            summary = chaos_report.throughput_summary(pairs)
            self.assertEqual(summary["poisonedOverClean"], 0.85)
            self.assertEqual(summary["poisonedOverCleanFrom"], "median of pairs, CPUs not swapped")


if __name__ == "__main__":
    unittest.main()

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
    def test_every_thread_of_a_pinned_worker_runs_on_its_cpu_only(self):
        # The worker is multi-threaded: threads it starts after exec must
        # inherit the affinity too.
        cpu = max(os.sched_getaffinity(0))
        child = ("import sys, threading\n"
                 "threads = [threading.Thread(target=sys.stdin.readline) for _ in range(3)]\n"
                 "[t.start() for t in threads]\n"
                 "print('started', flush=True)\n"
                 "[t.join() for t in threads]\n")
        process = subprocess.Popen(chaos.pinned([sys.executable, "-c", child], cpu),
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            self.assertEqual(process.stdout.readline().strip(), "started")
            tasks = os.listdir("/proc/%d/task" % process.pid)
            allowed = set()
            for task in tasks:
                with open("/proc/%d/task/%s/status" % (process.pid, task)) as status:
                    allowed |= {line.split()[1] for line in status if line.startswith("Cpus_allowed_list:")}
            self.assertEqual(len(tasks), 4)
            self.assertEqual(allowed, {str(cpu)})
        finally:
            process.stdin.write("\n" * 3)
            process.stdin.close()
            process.wait(timeout=30)
            process.stdout.close()

    def test_unpinned_argv_is_unchanged(self):
        self.assertEqual(chaos.pinned(["newswire", "run"], None), ["newswire", "run"])

    def test_cpus(self):
        self.assertEqual(chaos.throughput_cpus("none"), ())
        self.assertEqual(chaos.throughput_cpus("1,0"), (1, 0))
        available = sorted(os.sched_getaffinity(0))
        self.assertEqual(chaos.throughput_cpus("auto"), tuple(available[:2]) if len(available) > 1 else ())
        with self.assertRaises(SystemExit):
            chaos.throughput_cpus("0,0")

    def test_swapped_pairs_cancel_a_faster_cpu(self):
        # The poisoned worker is truly 0.95 as fast; CPU 0 runs anything
        # 1.5 times as fast as CPU 1 (lighter other load). The CPUs are the
        # ones throughput_phase gives each pair.
        speed = {0: 1.5, 1: 1.0}
        pairs = []
        for rep in (1, 2, 3, 4):
            cpus = chaos.pair_cpus((0, 1), rep)
            self.assertNotEqual(cpus["clean"], cpus["poisoned"])
            pairs.append(pair(rep, 100 * speed[cpus["clean"]], 95 * speed[cpus["poisoned"]], cpus["clean"], cpus["poisoned"]))
        self.assertEqual([p["clean"]["cpu"] for p in pairs], [0, 1, 0, 1])
        summary = chaos_report.throughput_summary(pairs)
        self.assertAlmostEqual(summary["poisonedOverClean"], 0.95, places=2)
        self.assertEqual(summary["poisonedOverCleanFrom"], "geometric mean of pairs on swapped CPUs")
        self.assertTrue(summary["within10Percent"])
        self.assertEqual(chaos.pair_cpus((), 1), {"clean": None, "poisoned": None})

    def test_unpinned_or_unswapped_pairs_take_the_median(self):
        for pairs in ([pair(1, 100, 80, None, None), pair(2, 100, 90, None, None), pair(3, 100, 85, None, None)],
                      [pair(1, 100, 80, 0, 1), pair(2, 100, 90, 0, 1), pair(3, 100, 85, 0, 1)]):
            summary = chaos_report.throughput_summary(pairs)
            self.assertEqual(summary["poisonedOverClean"], 0.85)
            self.assertEqual(summary["poisonedOverCleanFrom"], "median of pairs, CPUs not swapped")


if __name__ == "__main__":
    unittest.main()

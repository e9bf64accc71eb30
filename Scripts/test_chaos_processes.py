"""Tests of the chaos run's worker processes (chaos_processes.Worker), with
`sleep` standing in for `newswire run`: the harness's own bookkeeping, not
the worker, is under test."""
import os
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from chaos_processes import Worker  # noqa: E402


class WorkerRestartTests(unittest.TestCase):
    def test_a_kill_and_restart_is_never_taken_for_a_crash(self):
        # The chaos run SIGKILLs a worker and starts it again on its main
        # thread while its supervisor thread reaps workers that exited on
        # their own. A reap between the kill and the new process took the
        # killed process for a crash and started a second one (2026-12-02:
        # "worker-4 exited on its own (status -9)", then a fifth worker that
        # failed on the taken stats port).
        with tempfile.TemporaryDirectory() as logs:
            worker = Worker("worker-1", ["sleep", "60"], dict(os.environ), 0, logs)
            worker.start()
            reaped, done = [], threading.Event()

            def supervise():
                while not done.is_set():
                    code = worker.reap()
                    if code is not None:
                        reaped.append(code)
            supervisor = threading.Thread(target=supervise, daemon=True)
            supervisor.start()
            deadline = time.time() + 60
            try:
                for _ in range(200):
                    self.assertLess(time.time(), deadline, "200 kills and restarts took over a minute")
                    worker.kill()
                    worker.start()
            finally:
                done.set()
                supervisor.join(10)
                worker.kill()
            self.assertEqual(reaped, [], "the supervisor reaped %d killed worker(s) as crashes" % len(reaped))
            self.assertEqual(worker.generation, 201)


if __name__ == "__main__":
    unittest.main()

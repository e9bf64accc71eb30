"""The processes a chaos run drives as black boxes: its own Tansu broker
(started by Scripts/tansu.sh under the name `chaos`, so it never freezes the
test suite's broker) and `newswire run` workers, each in its own session so a
signal meant for one never reaches the harness. Every wait has a deadline."""
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.request
import json


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Broker:
    """A Tansu broker that can be frozen (SIGSTOP, then SIGCONT)."""

    def __init__(self, root, name="chaos"):
        self.root = root
        self.name = name
        self.frozen = False
        out = subprocess.run([os.path.join(root, "Scripts/tansu.sh"), "start", name], cwd=root,
                             capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise RuntimeError("could not start Tansu: %s" % out.stderr.strip())
        self.address = out.stdout.strip().splitlines()[-1]
        with open(os.path.join(root, ".tools", "tansu-%s.pid" % name)) as f:
            self.pid = int(f.read().strip())

    def freeze(self, seconds):
        os.kill(self.pid, signal.SIGSTOP)
        self.frozen = True
        try:
            time.sleep(seconds)
        finally:
            os.kill(self.pid, signal.SIGCONT)
            self.frozen = False

    def stop(self):
        if self.frozen:
            os.kill(self.pid, signal.SIGCONT)
        subprocess.run([os.path.join(self.root, "Scripts/tansu.sh"), "stop", self.name], cwd=self.root, timeout=30)


class Worker:
    """One `newswire run` process; restarted like Compose's `restart:` policy
    when it exits without being told to. Its output goes to a log file, each
    line stamped with the time the harness read it."""

    def __init__(self, name, argv, env, stats_port, log_dir, on_line=None):
        self.name = name
        self.argv = argv
        self.env = env
        self.stats_port = stats_port
        self.log_dir = log_dir
        self.on_line = on_line
        self.process = None
        self.generation = 0
        self.stopping = False
        self.peak_rss_bytes = 0
        self.exits = []  # (generation, returncode, expected)
        self.last_lines = []
        # start, kill, terminate and reap change or read the process and
        # `stopping` together: the run's main thread kills and restarts while
        # the supervisor thread reaps, and a reap between a kill and the new
        # process would take the killed one for a crash (and start another).
        self.lock = threading.RLock()

    def start(self):
        with self.lock:
            self.generation += 1
            log_path = os.path.join(self.log_dir, "%s.%d.log" % (self.name, self.generation))
            self.process = subprocess.Popen(self.argv, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                            start_new_session=True)
            self.stopping = False
            # For chaos.sh, which ends leftovers by pid if this harness is killed.
            with open(os.path.join(self.log_dir, "pids"), "a") as f:
                f.write("%d\n" % self.process.pid)
            threading.Thread(target=self._pump, args=(self.process, log_path, self.generation), daemon=True).start()

    def _pump(self, process, log_path, generation):
        with open(log_path, "w") as log:
            for raw in process.stdout:
                now = time.time()
                line = raw.decode("utf-8", "replace").rstrip("\n")
                log.write("%.3f %s\n" % (now, line))
                log.flush()
                self.last_lines = (self.last_lines + [line])[-5:]
                if self.on_line:
                    self.on_line(self, generation, now, line)

    @property
    def alive(self):
        return self.process is not None and self.process.poll() is None

    @property
    def pid(self):
        return self.process.pid if self.process else None

    def sample_memory(self):
        """Peak resident memory so far (VmHWM), kept across restarts."""
        if not self.alive:
            return
        try:
            with open("/proc/%d/status" % self.process.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        self.peak_rss_bytes = max(self.peak_rss_bytes, int(line.split()[1]) * 1024)
        except OSError:
            pass

    def cpu_seconds(self):
        """CPU time (user + system, all threads) the running process has used
        so far, or None when it is not running."""
        if not self.alive:
            return None
        try:
            with open("/proc/%d/stat" % self.process.pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            return None
        # Fields 14 and 15 of proc(5), counted from the state (field 3).
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def kill(self, timeout=10):
        """SIGKILL, waited for."""
        with self.lock:
            self.sample_memory()
            self.stopping = True
            self.process.send_signal(signal.SIGKILL)
            code = self.process.wait(timeout=timeout)
            self.exits.append((self.generation, code, True))

    def terminate(self, grace):
        """SIGTERM, then SIGKILL after the grace period (Compose's stop_grace_period)."""
        with self.lock:
            if not self.alive:
                return None
            self.sample_memory()
            self.stopping = True
        # Outside the lock: the grace period can be long, and a stopping
        # worker is never reaped.
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGKILL)
            code = self.process.wait(timeout=10)
            code = "killed after %.0f s grace" % grace
        self.exits.append((self.generation, code, True))
        return code

    def reap(self):
        """If the process ended on its own, record it and return its exit code."""
        with self.lock:
            if self.process is None or self.stopping or self.process.poll() is None:
                return None
            code = self.process.returncode
            self.exits.append((self.generation, code, False))
            self.stopping = True
            return code

    def stats(self, timeout=2):
        """The worker's /stats document, or None if it does not answer."""
        try:
            with urllib.request.urlopen("http://127.0.0.1:%d/stats" % self.stats_port, timeout=timeout) as r:
                return json.load(r)
        except (OSError, ValueError):
            return None

    def assigned(self):
        document = self.stats()
        if document is None:
            return None
        return sorted((p["topic"], p["partition"]) for p in document.get("partitions", []))

"""The chaos run (Scripts/chaos.sh is the entry point; it builds the binary and
installs the Python tools first).

  1. Starts its own Tansu and creates the topics Deploy/compose.yaml's
     `topics` job creates, with --partitions partitions each.
  2. Throughput, side by side: the same good inputs alone (clean) and with the
     poison corpus mixed in (poisoned), each preloaded into its own topic and
     drained by one worker; good inputs per second from the moment the worker
     is ready (/readyz) to its last good input's first output. With two or
     more CPUs the two workers are pinned to different CPUs (taskset), and
     the CPUs are swapped from one pair to the next, so each variant gets
     the same CPUs over an even number of pairs (--throughput-cpus).
  3. Chaos: the compose file's worker replicas, with the compose file's
     worker environment, consume the input topic while the loader feeds it
     (paced); meanwhile SIGKILL random workers (restarting them, as the
     compose restart policy does), add a worker and remove one (SIGTERM with
     the compose stop_grace_period), and freeze the broker (SIGSTOP for
     --freeze-seconds, then SIGCONT).
  4. Reads every output topic back and matches each record's
     `newswire-source` header against every input offset (chaos_ledger.py).
Prints a table and, as its last line, one JSON object. Exits 1 if any input
was lost, left incomplete or came out of order; 2 if the harness itself
could not run. Every wait has a deadline (--deadline bounds the whole run).
"""
import argparse
import json
import os
import random
import signal
import sys
import threading
import time
import urllib.request

from confluent_kafka.admin import AdminClient, NewTopic

import chaos_report
from chaos_compose import ComposeWorker
from chaos_ledger import Ledger
from chaos_loader import Loader, corpus_articles, mix, poison_for
from chaos_processes import Broker, Worker, free_port


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the newswire executable")
    parser.add_argument("--inputs", type=int, default=20_000, help="inputs in the chaos phase, poison included")
    parser.add_argument("--poison", type=int, help="poison inputs among them (default: 5%%, at least one per kind)")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--freezes", type=int, default=2)
    parser.add_argument("--freeze-seconds", type=float, default=10)
    parser.add_argument("--no-churn", dest="churn", action="store_false", help="do not add and remove a worker")
    parser.add_argument("--partitions", type=int, default=6)
    parser.add_argument("--rate", type=float, help="inputs/s fed during the chaos phase (default: half the clean throughput)")
    parser.add_argument("--throughput-inputs", type=int, help="good inputs per throughput run (default: the chaos phase's; 0 skips)")
    parser.add_argument("--throughput-reps", type=int, default=1, help="clean/poisoned pairs to run")
    parser.add_argument("--throughput-cpus", default="auto",
                        help="CPUs the clean and poisoned workers are pinned to, as A,B (swapped every other pair); "
                             "auto: the first two this process may use; none: not pinned")
    parser.add_argument("--throughput-only", action="store_true",
                        help="stop after the clean/poisoned pairs (no chaos phase); the poison sample is the same as a full run's")
    parser.add_argument("--hold-on-loss", type=float, default=0, metavar="SECONDS",
                        help="when inputs are unaccounted, keep the broker up this long before stopping it, to inspect the topics")
    parser.add_argument("--stall-seconds", type=float, default=180, help="give up draining after this long without progress")
    parser.add_argument("--deadline", type=float, default=3600, help="seconds the whole run may take")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--compose", default="Deploy/compose.yaml")
    parser.add_argument("--shared", default=os.environ.get("NEWSWIRE_SHARED", "../shared"))
    parser.add_argument("--run-dir", required=True, help="folder for worker logs and the report")
    return parser.parse_args()


class Run:
    def __init__(self, args):
        self.args = args
        self.root = os.getcwd()
        self.started = time.time()
        self.deadline = self.started + args.deadline
        self.compose = ComposeWorker(args.compose)
        self.rng = random.Random(args.seed)
        self.workers = []
        self.all_workers = []
        self.assignment_events = []
        self.timeline = []
        self.crashes = []
        self._lock = threading.Lock()
        os.makedirs(args.run_dir, exist_ok=True)

    def log(self, message):
        line = "[chaos %6.1fs] %s" % (time.time() - self.started, message)
        print(line, file=sys.stderr, flush=True)

    def note(self, event):
        self.timeline.append((time.time() - self.started, event))
        self.log(event)

    def hold_broker(self):
        """--hold-on-loss: the broker stays up (its address logged) so the
        topics can be read by hand; bounded by the run's deadline."""
        seconds = min(self.args.hold_on_loss, max(0.0, self.remaining()))
        if seconds > 0:
            self.log("holding the broker at %s for %.0f s (--hold-on-loss)" % (self.broker.address, seconds))
            time.sleep(seconds)

    def remaining(self):
        return self.deadline - time.time()

    # -- workers -------------------------------------------------------------

    def on_worker_line(self, worker, generation, when, line):
        lowered = line.lower()
        if "assigned" in lowered and "revok" not in lowered:
            with self._lock:
                self.assignment_events.append((when, worker.name, generation))

    def new_worker(self, name, overrides=None, cpu=None):
        port = free_port()
        env = self.compose.environment_for(self.broker.address, port, overrides)
        env["PATH"] = os.environ.get("PATH", "/usr/bin:/bin")
        env["HOME"] = os.environ.get("HOME", "/tmp")
        # Debian's librdkafka 2.0.2 cannot talk to Tansu; the image ships a newer one.
        env["LD_LIBRARY_PATH"] = os.path.join(self.root, ".tools", "rdkafka")
        argv = pinned([self.args.binary] + self.compose.command, cpu)
        worker = Worker(name, argv, env, port, self.args.run_dir, self.on_worker_line)
        worker.start()
        self.workers.append(worker)
        self.all_workers.append(worker)
        return worker

    def supervise(self, stop):
        """Compose's restart policy for workers that exit on their own, and
        peak memory sampling; runs until `stop` is set."""
        restart = self.compose.restart in ("always", "unless-stopped", "on-failure")
        while not stop.wait(0.5):
            for worker in list(self.workers):
                worker.sample_memory()
                # Reaped and restarted as one step, as the run's kills are.
                with worker.lock:
                    code = worker.reap()
                    if code is None:
                        continue
                    self.crashes.append({"worker": worker.name, "generation": worker.generation, "exit": code,
                                         "at": round(time.time() - self.started, 1), "lastLines": worker.last_lines[-3:]})
                    self.note("%s exited on its own (status %s): %s" % (worker.name, code, " | ".join(worker.last_lines[-2:])))
                    if restart and not stop.is_set():
                        worker.start()
                        self.note("%s restarted (restart: %s)" % (worker.name, self.compose.restart))

    def stop_workers(self, workers=None):
        """SIGTERM to every worker at once, each given the compose grace period."""
        grace = min(self.compose.stop_grace_seconds, max(5.0, self.remaining()))
        codes = {}

        def stop(worker):
            codes[worker.name] = worker.terminate(grace)
        stoppers = [threading.Thread(target=stop, args=(w,)) for w in (workers or list(self.workers)) if w.alive]
        for thread in stoppers:
            thread.start()
        for thread in stoppers:
            thread.join(grace + 20)
        return codes

    def wait_ready(self, worker, deadline):
        """Until the worker's /readyz answers 200 (it has partitions)."""
        while time.time() < deadline:
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/readyz" % worker.stats_port, timeout=1) as r:
                    if r.status == 200:
                        return time.time()
            except OSError:
                pass
            if not worker.alive:
                return None
            time.sleep(0.1)
        return None

    # -- topics ----------------------------------------------------------------

    def create_topics(self, names):
        admin = AdminClient({"bootstrap.servers": self.broker.address})
        futures = admin.create_topics([NewTopic(name, self.args.partitions) for name in names], request_timeout=30)
        for name, future in futures.items():
            future.result(timeout=60)

    # -- phases ------------------------------------------------------------------

    def throughput_phase(self, loader, good, poison, articles):
        """Clean and poisoned side by side: both topics preloaded, both
        workers started together, so the machine's other load slows both
        alike; compared over the window in which both were working. Pinned
        to one CPU each, neither can take the other's CPU; swapping the CPUs
        between pairs cancels a difference between the CPUs' other load
        (chaos_report.throughput_summary)."""
        cpus = throughput_cpus(self.args.throughput_cpus)
        fraction = len(poison) and min(1.0, good / max(1, self.args.inputs - len(poison)))
        sample = stratified(poison, fraction, self.rng)
        results = []
        for rep in range(1, self.args.throughput_reps + 1):
            runs = {}
            for variant, mixed in (("clean", []), ("poisoned", sample)):
                topic = "chaos.throughput.%s.%d" % (variant, rep)
                self.create_topics([topic])
                loader.write(topic, self.args.partitions, mix(good, mixed, articles, self.args.seed + rep),
                             deadline=self.deadline)
                runs[variant] = {"topic": topic}
            for variant, run in runs.items():
                run["cpu"] = pair_cpus(cpus, rep)[variant]
                run["worker"] = self.new_worker("%s-%d" % (variant, rep), {
                    "NEWSWIRE_INPUT_TOPIC": run["topic"], "NEWSWIRE_GROUP": "chaos-throughput-%s-%d" % (variant, rep)},
                    cpu=run["cpu"])
            ready_deadline = min(self.deadline, time.time() + 120)
            for run in runs.values():
                run["ready"] = self.wait_ready(run["worker"], ready_deadline)
            self.wait_accounted_sampling_cpu(runs)
            self.stop_workers([run["worker"] for run in runs.values()])
            for variant, run in runs.items():
                self.workers.remove(run["worker"])
                run["records"] = self.ledger.records(run["topic"])
                run["crashes"] = [c for c in self.crashes if c["worker"] == run["worker"].name]
            pair = chaos_report.side_by_side(rep, runs)
            results.append(pair)
            self.note("throughput #%d, side by side over %.0f s (CPUs clean/poisoned: %s/%s): clean %s, poisoned %s good "
                      "inputs/s (%d poison) → %s; per CPU second %s / %s → %s" % (
                          rep, pair["windowSeconds"] or 0, pair["clean"]["cpu"], pair["poisoned"]["cpu"],
                          pair["clean"]["goodPerSecond"], pair["poisoned"]["goodPerSecond"],
                          pair["poisoned"]["poison"], pair["poisonedOverClean"], pair["clean"]["goodPerCpuSecond"],
                          pair["poisoned"]["goodPerCpuSecond"], pair["poisonedOverCleanPerCpuSecond"]))
        return results

    def wait_accounted_sampling_cpu(self, runs):
        """Until every run's topic is accounted for (or stalls): each
        worker's CPU time is read the moment its own topic is done, so the
        one that finishes first is not charged for idling while it waits."""
        last, last_change = {}, time.time()
        pending = dict(runs)
        while pending and time.time() < self.deadline:
            for variant, run in list(pending.items()):
                counts = self.ledger.snapshot(run["topic"])
                if counts["accounted"] != last.get(variant):
                    last[variant], last_change = counts["accounted"], time.time()
                if counts["accounted"] >= counts["inputs"]:
                    run["cpuSeconds"] = run["worker"].cpu_seconds()
                    run["done"] = True
                    del pending[variant]
            if pending and time.time() - last_change > self.args.stall_seconds:
                break
            if pending:
                self.ledger.wait_for_output(0.2)
        for run in pending.values():
            run["done"], run["cpuSeconds"] = False, None

    def chaos_phase(self, loader, inputs, rate):
        topic = self.compose.input_topic
        for index in range(self.compose.replicas):
            self.new_worker("worker-%d" % (index + 1))
        stop = threading.Event()
        split = self.wait_for_split(min(self.deadline, time.time() + 120))
        self.note("initial assignment: " + "; ".join("%s %s" % (name, ",".join("%s/%d" % p for p in parts))
                                                     for name, parts in split["assignment"].items()))
        feed_error = []

        def feed():
            try:
                loader.write(topic, self.args.partitions, inputs, rate=rate, deadline=self.deadline, stop=stop)
            except RuntimeError as error:
                feed_error.append(str(error))
        feeder = threading.Thread(target=feed, daemon=True)
        feed_started = time.time()
        feeder.start()
        counts = self.run_events(len(inputs) / rate, feed_started)
        feeder.join(max(1.0, self.remaining()))
        self.note("all %d inputs written; draining" % len(inputs))
        drained = self.ledger.wait_until_accounted(
            topic, self.deadline, self.args.stall_seconds,
            on_progress=lambda c: self.log("accounted %d/%d" % (c["accounted"], c["inputs"])))
        if not drained:
            self.note("stopped waiting: %s" % ("deadline reached" if self.remaining() <= 0 else
                                               "no progress for %.0f s" % self.args.stall_seconds))
        stop.set()
        exit_codes = self.stop_workers()
        counts.update({"split": split, "feedSeconds": time.time() - feed_started, "drained": drained,
                       "feedError": feed_error[0] if feed_error else None, "finalExitCodes": exit_codes})
        return counts

    def wait_for_split(self, deadline):
        """Until every live worker has its share of the partitions (or the deadline)."""
        share = self.args.partitions // max(1, len(self.workers))
        assignment = {}
        while time.time() < deadline:
            assignment = {w.name: w.assigned() for w in self.workers}
            if all(parts is not None and len(parts) == share for parts in assignment.values()):
                union = set(p for parts in assignment.values() for p in parts)
                if len(union) == self.args.partitions:
                    return {"assignment": assignment, "evenSplit": True}
            time.sleep(0.5)
        return {"assignment": {k: v or [] for k, v in assignment.items()}, "evenSplit": False}

    def run_events(self, feed_seconds, feed_started):
        events = ["kill"] * self.args.kills + ["freeze"] * self.args.freezes
        if self.args.churn:
            events += ["churn-add", "churn-remove"]
        self.rng.shuffle(events)
        # The worker is added before one is removed.
        if self.args.churn:
            add, remove = events.index("churn-add"), events.index("churn-remove")
            if remove < add:
                events[add], events[remove] = events[remove], events[add]
        counts = {"kills": 0, "freezes": 0, "added": 0, "removed": 0}
        for slot, event in enumerate(events):
            at = feed_started + feed_seconds * (slot + 1) / (len(events) + 1)
            while time.time() < at and self.remaining() > 0:
                time.sleep(min(0.5, at - time.time()))
            if self.remaining() <= 0:
                self.note("deadline reached before event %s" % event)
                break
            live = [w for w in self.workers if w.alive]
            if event == "kill" and live:
                victim = self.rng.choice(live)
                with victim.lock:
                    victim.kill()
                    counts["kills"] += 1
                    self.note("SIGKILL %s (pid %d, generation %d); restarting it" % (victim.name, victim.pid, victim.generation))
                    victim.start()
            elif event == "freeze":
                self.note("SIGSTOP broker for %.0f s" % self.args.freeze_seconds)
                self.broker.freeze(self.args.freeze_seconds)
                counts["freezes"] += 1
                self.note("SIGCONT broker")
            elif event == "churn-add":
                worker = self.new_worker("worker-%d" % (len([w for w in self.workers if w.name.startswith("worker-")]) + 1))
                counts["added"] += 1
                self.note("added %s" % worker.name)
            elif event == "churn-remove" and live:
                victim = self.rng.choice(live)
                self.note("removing %s (SIGTERM, %.0f s grace)" % (victim.name, self.compose.stop_grace_seconds))
                code = victim.terminate(min(self.compose.stop_grace_seconds, max(5.0, self.remaining())))
                self.workers.remove(victim)
                counts["removed"] += 1
                counts["removedExit"] = code
                self.note("removed %s (exit status %s)" % (victim.name, code))
        return counts


def throughput_cpus(choice):
    """The two CPUs the throughput pairs' workers are pinned to, or () when
    they are not pinned (--throughput-cpus none, or fewer than two CPUs)."""
    if choice == "none":
        return ()
    if choice == "auto":
        available = sorted(os.sched_getaffinity(0))
        return tuple(available[:2]) if len(available) >= 2 else ()
    chosen = tuple(int(c) for c in choice.split(","))
    if len(chosen) != 2 or chosen[0] == chosen[1]:
        raise SystemExit("chaos: --throughput-cpus takes two different CPUs as A,B, auto or none, not %r" % choice)
    return chosen


def pair_cpus(cpus, rep):
    """{"clean": CPU, "poisoned": CPU} for pair `rep` (from 1): the first of
    `cpus` goes to clean in odd pairs and to poisoned in even ones; None when
    not pinned."""
    if not cpus:
        return {"clean": None, "poisoned": None}
    first, second = cpus if rep % 2 else cpus[::-1]
    return {"clean": first, "poisoned": second}


def pinned(argv, cpu):
    """argv run on CPU `cpu` only (unchanged when cpu is None). taskset sets
    the affinity before exec, so every thread the worker starts inherits it."""
    return argv if cpu is None else ["taskset", "--cpu-list", str(cpu)] + argv


def stratified(items, fraction, rng):
    """About `fraction` of each kind of (kind, value) items, by stochastic rounding."""
    if fraction >= 1:
        return list(items)
    by_kind = {}
    for item in items:
        by_kind.setdefault(item[0], []).append(item)
    sample = []
    for kind in sorted(by_kind):
        group = by_kind[kind]
        n = int(len(group) * fraction + rng.random())
        sample += group[:n]
    rng.shuffle(sample)
    return sample


def main():
    args = parse_arguments()
    run = Run(args)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    poison_count = args.poison if args.poison is not None else max(15, args.inputs // 20)
    good_count = args.inputs - poison_count
    if good_count <= 0:
        raise SystemExit("chaos: --inputs %d leaves no room for %d poison inputs; raise --inputs" % (args.inputs, poison_count))
    run.broker = Broker(run.root)
    run.note("Tansu at %s (pid %d); workers from %s: %d replicas, command %s, %s" % (
        run.broker.address, run.broker.pid, args.compose, run.compose.replicas, run.compose.command,
        " ".join("%s=%s" % kv for kv in sorted(run.compose.environment.items()))))
    try:
        outputs = run.compose.topics["output"]
        roles = {topic.split(".")[1] if topic.count(".") >= 2 else topic: topic for topic in outputs}
        run.create_topics(run.compose.topics["input"] + outputs)
        run.ledger = Ledger(run.broker.address, roles)
        run.ledger.start(args.partitions)
        loader = Loader(run.broker.address, run.ledger)
        articles = corpus_articles(args.shared)
        poison = poison_for(poison_count, args.seed)
        supervising = threading.Event()
        supervisor = threading.Thread(target=run.supervise, args=(supervising,), daemon=True)
        supervisor.start()
        throughput = []
        good_throughput = args.throughput_inputs if args.throughput_inputs is not None else good_count
        if good_throughput > 0:
            throughput = run.throughput_phase(loader, good_throughput, poison, articles)
        if args.throughput_only:
            report = chaos_report.throughput_only(run, throughput)
            run.ledger.stop()
            chaos_report.write_throughput_only(report, args.run_dir)
            if report["lost"] or report["ledgerMissed"]:
                run.hold_broker()
            sys.exit(1 if report["lost"] else 0)
        rate = args.rate or chaos_report.default_rate(throughput)
        run.note("chaos phase: %d inputs (%d poison) at %.0f inputs/s" % (args.inputs, poison_count, rate))
        inputs = mix(good_count, poison, articles, args.seed)
        events = run.chaos_phase(loader, inputs, rate)
        supervising.set()
        supervisor.join(10)
        written = run.ledger.snapshot(run.compose.input_topic)["inputs"]
        if written != len(inputs):
            raise RuntimeError("chaos: the loader confirmed %d of %d inputs; the run cannot account for the rest" % (written, len(inputs)))
        if not run.ledger.wait_until_read_to_end(min(run.deadline, time.time() + 60)):
            run.note("the ledger did not read every output partition to its end within 60 s; the counts may miss the last duplicates")
        run.ledger.stop()
        report = chaos_report.build(run, events, throughput, rate)
    except KeyboardInterrupt:
        run.log("interrupted; stopping workers and the broker")
        raise SystemExit(2)
    except RuntimeError as error:
        run.log(str(error))
        raise SystemExit(2)
    finally:
        for worker in run.workers:
            if worker.alive:
                worker.kill()
        run.broker.stop()
    chaos_report.write(report, args.run_dir)
    sys.exit(1 if report["lost"] or report["outOfOrder"] or report["incomplete"] else 0)


if __name__ == "__main__":
    main()

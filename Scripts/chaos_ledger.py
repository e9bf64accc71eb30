"""The ledger of a chaos run: every input offset the loader wrote, and every
output record read back from the output topics, matched through the
`newswire-source` header (`topic/partition/offset` of the input).

  lost        inputs with neither a normalised record nor a dead letter
  incomplete  inputs with a normalised record but no parsed or enriched one,
              and no dead letter
  duplicates  extra copies of an input's normalised record or dead letter
              (at-least-once allows them; they are counted, not failed)
  outOfOrder  records that broke partition order: within one output
              partition, the first publications of one input partition's
              records must follow input-offset order. A record's first
              publication is its earliest copy in the output topic (by
              timestamp); later copies are duplicates from reprocessing, and
              may land on another partition (a dead letter of an input with
              no key is placed at random), so they are not checked.
  latency     first normalised record or dead letter, minus the input's
              timestamp (both stamped by producers on this machine)
"""
import threading
import time

from confluent_kafka import Consumer, KafkaException, TopicPartition

from chaos_offsets import ALREADY_READ, READ_AGAIN, OffsetSequence

SOURCE = "newswire-source"
DLQ_CODE = "newswire-dlq-code"
DLQ_STAGE = "newswire-dlq-stage"
DLQ_REASON = "newswire-dlq-reason"


class InputRecord:
    __slots__ = ("kind", "timestamp", "normalised", "parsed", "enriched", "dead", "first_output", "code", "stage", "reason")

    def __init__(self, kind, timestamp):
        self.kind = kind
        self.timestamp = timestamp
        self.normalised = self.parsed = self.enriched = self.dead = 0
        self.first_output = None
        self.code = self.stage = self.reason = None

    @property
    def dead_lettered(self):
        return self.dead > 0

    @property
    def processed(self):
        return self.normalised > 0 and self.parsed > 0 and self.enriched > 0

    @property
    def accounted(self):
        return self.processed or self.dead_lettered


class Ledger:
    """Inputs by (topic, partition, offset), filled by the loader's delivery
    reports; outputs read back by a consumer thread that runs all along."""

    def __init__(self, brokers, topics):
        self.topics = topics  # role → topic name: normalised, parsed, enriched, dlq
        self.roles = {name: role for role, name in topics.items()}
        self.inputs = {}
        self.unknown_sources = 0
        self.outputs = []  # (out topic, out partition, out offset, source key, timestamp)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._stop = threading.Event()
        self.consumed = 0
        self.sequence = OffsetSequence()  # per output partition, the offset read next (chaos_offsets.py)
        self.brokers = brokers
        self.error = None
        self.read_errors = []  # (output topic, partition, error) the reader's consumer reported
        self._thread = threading.Thread(target=self._read, daemon=True)

    def add_input(self, topic, partition, offset, kind, timestamp):
        with self._lock:
            self.inputs[(topic, partition, offset)] = InputRecord(kind, timestamp)

    def start(self, partitions_per_topic):
        self.partitions_per_topic = partitions_per_topic
        self._thread.start()

    def stop(self, timeout=30):
        self._stop.set()
        self._thread.join(timeout)

    def _read(self):
        consumer = Consumer({
            "bootstrap.servers": self.brokers, "group.id": "chaos-ledger", "enable.auto.commit": False,
            "fetch.max.bytes": 64 * 1024 * 1024, "max.partition.fetch.bytes": 16 * 1024 * 1024,
            "receive.message.max.bytes": 128 * 1024 * 1024,
        })
        consumer.assign([TopicPartition(topic, p, 0) for topic in self.topics.values()
                         for p in range(self.partitions_per_topic)])
        try:
            while not self._stop.is_set():
                for message in consumer.consume(1000, 0.2):
                    if message.error():
                        with self._lock:
                            self.read_errors.append((message.topic(), message.partition(), str(message.error())))
                        continue
                    with self._lock:
                        verdict = self.sequence.check(message.topic(), message.partition(), message.offset())
                        expected = self.sequence.next.get((message.topic(), message.partition()), 0)
                    if verdict == READ_AGAIN:
                        consumer.seek(TopicPartition(message.topic(), message.partition(), expected))
                    elif verdict != ALREADY_READ:
                        self._record(message)
        except KafkaException as error:
            self.error = str(error)
        finally:
            consumer.close()

    def _record(self, message):
        headers = {k: v for k, v in (message.headers() or [])}
        role = self.roles.get(message.topic())
        source = headers.get(SOURCE)
        with self._lock:
            self.consumed += 1
            self._changed.notify_all()
            if source is None:
                self.unknown_sources += 1
                return
            topic, partition, offset = source.decode("utf-8", "replace").rsplit("/", 2)
            key = (topic, int(partition), int(offset))
            record = self.inputs.get(key)
            if record is None:
                self.unknown_sources += 1
                return
            stamp = message.timestamp()[1] / 1000.0
            self.outputs.append((message.topic(), message.partition(), message.offset(), key, stamp))
            if role == "dlq":
                record.dead += 1
                if record.code is None:
                    record.code = (headers.get(DLQ_CODE) or b"").decode("utf-8", "replace") or "(none)"
                    record.stage = (headers.get(DLQ_STAGE) or b"").decode("utf-8", "replace") or "(none)"
                    record.reason = (headers.get(DLQ_REASON) or b"").decode("utf-8", "replace")
            elif role == "normalised":
                record.normalised += 1
            elif role == "parsed":
                record.parsed += 1
            elif role == "enriched":
                record.enriched += 1
            if role in ("dlq", "normalised") and (record.first_output is None or stamp < record.first_output):
                record.first_output = stamp

    def out_of_order(self):
        """The first publications that came after a higher offset of the
        same input partition in the same output partition."""
        with self._lock:
            outputs = list(self.outputs)
        first = {}
        for topic, partition, offset, key, stamp in outputs:
            known = first.get((topic, key))
            if known is None or (stamp, partition, offset) < known:
                first[(topic, key)] = (stamp, partition, offset)
        streams = {}
        for topic, partition, offset, key, stamp in outputs:
            if first[(topic, key)] == (stamp, partition, offset):
                streams.setdefault((topic, partition, key[0], key[1]), []).append((offset, key[2]))
        found = []
        for (topic, partition, source_topic, source_partition), records in sorted(streams.items()):
            highest = -1
            for _, source_offset in sorted(records):
                if source_offset < highest:
                    found.append({"output": "%s/%d" % (topic, partition),
                                  "source": "%s/%d/%d" % (source_topic, source_partition, source_offset),
                                  "after": highest})
                highest = max(highest, source_offset)
        return found

    def wait_until_read_to_end(self, deadline):
        """Waits until the reader has read every output partition up to its
        end offset as of now (so records the workers flushed on shutdown are
        counted too), or the deadline passes; returns whether it did. On
        Tansu the end offset (ListOffsets) lags the stored records, so this
        is a lower bound; `reread` is the check that nothing was missed."""
        consumer = Consumer({"bootstrap.servers": self.brokers, "group.id": "chaos-ledger-ends"})
        try:
            ends = {(topic, p): consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=30)[1]
                    for topic in self.topics.values() for p in range(self.partitions_per_topic)}
        except KafkaException as error:
            raise RuntimeError("chaos: could not read the output topics' end offsets: %s" % error)
        finally:
            consumer.close()
        while time.time() < deadline:
            with self._lock:
                behind = [tp for tp, end in ends.items() if self.sequence.next.get(tp, 0) < end]
            if not behind:
                return True
            time.sleep(0.2)
        return False

    def reread(self, keys, deadline, idle_seconds=5.0):
        """A second, independent read of every output topic from offset 0 with
        a fresh consumer (no offset reset: an out-of-range fetch is an error),
        until nothing new has come for `idle_seconds` or the deadline passes:
        for each input key in `keys`, how many records of each role name it.
        Tells a record the ledger missed (found here) from one that is not in
        the topic. The broker's end offsets are not the end condition: Tansu's
        (ListOffsets) lag the stored records."""
        wanted = set(keys)
        found = {key: {} for key in wanted}
        read = 0
        consumer = Consumer({
            "bootstrap.servers": self.brokers, "group.id": "chaos-ledger-reread", "enable.auto.commit": False,
            "auto.offset.reset": "error", "fetch.max.bytes": 64 * 1024 * 1024,
            "max.partition.fetch.bytes": 16 * 1024 * 1024, "receive.message.max.bytes": 128 * 1024 * 1024,
        })
        consumer.assign([TopicPartition(topic, p, 0) for topic in self.topics.values()
                         for p in range(self.partitions_per_topic)])
        errors = []
        try:
            last = time.time()
            while time.time() < deadline and time.time() - last < idle_seconds:
                for message in consumer.consume(1000, 0.5):
                    last = time.time()
                    if message.error():
                        errors.append(str(message.error()))
                        continue
                    read += 1
                    source = dict(message.headers() or []).get(SOURCE)
                    if source is None:
                        continue
                    topic, partition, offset = source.decode("utf-8", "replace").rsplit("/", 2)
                    key = (topic, int(partition), int(offset))
                    if key in wanted:
                        role = self.roles.get(message.topic())
                        found[key][role] = found[key].get(role, 0) + 1
        finally:
            consumer.close()
        return {"read": read, "errors": errors[:5], "found": found}

    def wait_for_output(self, timeout):
        """Blocks until the reader has read another output record, or
        `timeout` seconds have passed."""
        with self._changed:
            self._changed.wait(timeout)

    def snapshot(self, topic=None):
        """Counts over the inputs (of one input topic, or all)."""
        with self._lock:
            records = [r for k, r in self.inputs.items() if topic is None or k[0] == topic]
            return {
                "inputs": len(records),
                "accounted": sum(1 for r in records if r.accounted),
            }

    def records(self, topic=None):
        with self._lock:
            return [(k, r) for k, r in self.inputs.items() if topic is None or k[0] == topic]

    def wait_until_accounted(self, topic, deadline, stall_seconds, on_progress=None):
        """Waits until every input of `topic` is accounted for, or the deadline
        passes, or nothing new is accounted for `stall_seconds`."""
        last, last_change = -1, time.time()
        while time.time() < deadline:
            counts = self.snapshot(topic)
            if counts["accounted"] != last:
                last, last_change = counts["accounted"], time.time()
                if on_progress:
                    on_progress(counts)
            if counts["accounted"] >= counts["inputs"]:
                return True
            if time.time() - last_change > stall_seconds:
                return False
            time.sleep(0.5)
        return False

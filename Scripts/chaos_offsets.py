"""The order in which the chaos ledger reads each output partition: every
offset once, none skipped.

Why: Tansu's memory storage raises a partition's high watermark before it
stores the batch that the new offsets belong to (its `produce`, as read in
its source). A fetch that comes in between, while a batch another producer
sent later is already stored, is answered with that later batch, and
librdkafka moves its fetch position past the batch that is not stored yet,
as if it had been compacted away. Two workers publishing to the same output
partition (the throughput pairs, the chaos phase) make that window
reachable: on 2026-12-02 the reader jumped from offset 2784 to 2826 of
articles.enriched.v1/1 and reported 42 inputs unaccounted whose records
kcat read at exactly those offsets.

So the reader expects offsets in sequence. A record past the next expected
offset is a gap: the reader seeks back and reads again, until the gap has
lasted `patience` seconds; only then is it taken as real (offsets that a
broker never filled: transaction markers, compaction) and recorded. A record
below the expected offset was read already (left over from before a seek)
and is dropped, so nothing is counted twice."""
import time

READ = "read"
ALREADY_READ = "already-read"
READ_AGAIN = "read-again"


class OffsetSequence:
    def __init__(self, patience=5.0, clock=time.monotonic):
        self.patience = patience
        self.clock = clock
        self.next = {}  # (topic, partition) → the offset expected next
        self.gaps = []  # (topic, partition, expected offset, offset read): gaps that outlasted the patience
        self.rereads = 0  # seeks back over a gap that was not yet filled
        self._first_seen = {}  # (topic, partition) → (expected offset, when the gap was first seen)

    def check(self, topic, partition, offset):
        """What to do with a record at `offset`: READ it (and expect the
        next offset), drop it as ALREADY_READ, or seek back and READ_AGAIN
        from `self.next[(topic, partition)]`."""
        key = (topic, partition)
        expected = self.next.get(key, 0)
        if offset < expected:
            return ALREADY_READ
        if offset > expected:
            seen = self._first_seen.get(key)
            if seen is None or seen[0] != expected:
                seen = self._first_seen[key] = (expected, self.clock())
            if self.clock() - seen[1] < self.patience:
                self.rereads += 1
                return READ_AGAIN
            self.gaps.append((topic, partition, expected, offset))
        self._first_seen.pop(key, None)
        self.next[key] = offset + 1
        return READ

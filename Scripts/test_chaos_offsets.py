"""Tests of chaos_offsets.OffsetSequence (run by Scripts/test.sh before the
chaos run: `python3 -m unittest Scripts/test_chaos_offsets.py`). The
sequences are the ones librdkafka delivered to the ledger when Tansu answered
a fetch with a batch stored after one that was not stored yet."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from chaos_offsets import ALREADY_READ, READ, READ_AGAIN, OffsetSequence  # noqa: E402


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class OffsetSequenceTests(unittest.TestCase):
    def test_a_skipped_batch_is_read_again_not_passed_over(self):
        clock = Clock()
        sequence = OffsetSequence(patience=5, clock=clock)
        for offset in range(10):
            self.assertEqual(sequence.check("t", 0, offset), READ)
        # The batch at 10..19 is not stored yet; the broker answers with 20..29.
        self.assertEqual(sequence.check("t", 0, 20), READ_AGAIN)
        self.assertEqual(sequence.next[("t", 0)], 10)
        # Left over from the fetch before the seek: dropped, nothing moves.
        self.assertEqual(sequence.check("t", 0, 21), READ_AGAIN)
        clock.now = 0.01
        for offset in range(10, 30):
            self.assertEqual(sequence.check("t", 0, offset), READ)
        self.assertEqual(sequence.gaps, [])
        self.assertEqual(sequence.rereads, 2)

    def test_records_read_before_a_seek_are_not_counted_twice(self):
        sequence = OffsetSequence(patience=5, clock=Clock())
        for offset in range(5):
            sequence.check("t", 1, offset)
        self.assertEqual(sequence.check("t", 1, 3), ALREADY_READ)
        self.assertEqual(sequence.check("t", 1, 5), READ)

    def test_a_gap_that_outlasts_the_patience_is_recorded_and_passed(self):
        clock = Clock()
        sequence = OffsetSequence(patience=5, clock=clock)
        sequence.check("t", 2, 0)
        self.assertEqual(sequence.check("t", 2, 2), READ_AGAIN)
        clock.now = 4.9
        self.assertEqual(sequence.check("t", 2, 2), READ_AGAIN)
        clock.now = 5.0
        self.assertEqual(sequence.check("t", 2, 2), READ)
        self.assertEqual(sequence.gaps, [("t", 2, 1, 2)])
        self.assertEqual(sequence.next[("t", 2)], 3)

    def test_partitions_are_independent(self):
        clock = Clock()
        sequence = OffsetSequence(patience=5, clock=clock)
        self.assertEqual(sequence.check("t", 0, 0), READ)
        self.assertEqual(sequence.check("u", 0, 0), READ)
        self.assertEqual(sequence.check("t", 1, 1), READ_AGAIN)
        self.assertEqual(sequence.check("t", 0, 1), READ)


if __name__ == "__main__":
    unittest.main()

"""A test of the chaos report's second read (chaos_report.reread_unaccounted)
on a real broker: NEWSWIRE_TEST_BROKERS (Scripts/test.sh starts Tansu and
sets it). Inputs the ledger left unaccounted count as missed by the ledger
when the output topics hold what accounts for them, and as lost when not."""
import os
import sys
import types
import unittest
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from confluent_kafka import Producer  # noqa: E402
from confluent_kafka.admin import AdminClient, NewTopic  # noqa: E402

import chaos_report  # noqa: E402
from chaos_ledger import SOURCE, InputRecord, Ledger  # noqa: E402


class RereadTests(unittest.TestCase):
    def test_the_second_read_accounts_for_what_the_topics_hold(self):
        brokers = os.environ.get("NEWSWIRE_TEST_BROKERS")
        self.assertTrue(brokers, "set NEWSWIRE_TEST_BROKERS to a broker's address (Scripts/test.sh does)")
        run_id = uuid.uuid4().hex[:8]
        roles = {role: "reread-%s.%s" % (run_id, role) for role in ("normalised", "parsed", "enriched", "dlq")}
        admin = AdminClient({"bootstrap.servers": brokers})
        for future in admin.create_topics([NewTopic(t, 2) for t in roles.values()]).values():
            future.result(30)
        producer = Producer({"bootstrap.servers": brokers})
        # in/0/1: all three records in the topics; in/0/2: the normalised one
        # only; in/0/3: a dead letter; in/0/4: nothing.
        for role in ("normalised", "parsed", "enriched"):
            producer.produce(roles[role], value=b"{}", headers=[(SOURCE, b"in/0/1")])
        producer.produce(roles["normalised"], value=b"{}", headers=[(SOURCE, b"in/0/2")])
        producer.produce(roles["dlq"], value=b"", headers=[(SOURCE, b"in/0/3")])
        self.assertEqual(producer.flush(30), 0)
        ledger = Ledger(brokers, roles)
        ledger.partitions_per_topic = 2
        unaccounted = [(("in", 0, offset), InputRecord("good", 0)) for offset in (1, 2, 3, 4)]
        unaccounted[0][1].parsed = 1
        again = chaos_report.reread_unaccounted(types.SimpleNamespace(ledger=ledger), unaccounted)
        self.assertEqual(sorted(again["accountedKeys"]), [("in", 0, 1), ("in", 0, 3)])
        self.assertEqual(again["outputsRead"], 5)
        self.assertEqual(again["errors"], [])


if __name__ == "__main__":
    unittest.main()

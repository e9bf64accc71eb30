"""Writes the inputs of a chaos run to the input topic: corpus articles,
cycled, with the poison corpus mixed in at seeded random places, spread
round-robin over the partitions. Each delivery report puts the input's
(topic, partition, offset) and kind in the ledger. Optionally paced, so a
run's latency means something: inputs arrive while the faults happen."""
import glob
import os
import random
import time

from confluent_kafka import Producer

import poison_corpus


def corpus_articles(shared):
    paths = sorted(glob.glob(os.path.join(shared, "corpus", "articles", "*.txt")))
    if not paths:
        raise SystemExit("chaos: no corpus articles in %s/corpus/articles; set NEWSWIRE_SHARED to the shared folder" % shared)
    articles = []
    for path in paths:
        with open(path, "rb") as f:
            articles.append(f.read())
    return articles


def mix(good_count, poison, articles, seed):
    """`good_count` corpus articles (cycled) with the `poison` list inserted at
    random places: a list of (kind, value)."""
    rng = random.Random(seed)
    inputs = [("good", articles[i % len(articles)]) for i in range(good_count)]
    for item in poison:
        inputs.insert(rng.randint(0, len(inputs)), item)
    return inputs


class Loader:
    def __init__(self, brokers, ledger):
        self.ledger = ledger
        self.failed = []
        self.producer = Producer({
            "bootstrap.servers": brokers, "linger.ms": 5, "message.max.bytes": 8 * 1024 * 1024,
            "queue.buffering.max.kbytes": 512 * 1024, "enable.idempotence": True,
            "message.timeout.ms": 600_000,
        })

    def write(self, topic, partitions, inputs, rate=None, deadline=None, stop=None):
        """Produces every input, paced at `rate` inputs/s if given; returns when
        all are delivered or `deadline` passes."""
        start = time.time()
        for index, (kind, value) in enumerate(inputs):
            if stop is not None and stop.is_set():
                break
            if rate:
                wait = start + index / rate - time.time()
                if wait > 0:
                    time.sleep(wait)
            self._produce(topic, index % partitions, kind, value, deadline)
            self.producer.poll(0)
        remaining = self.producer.flush(max(1.0, (deadline or time.time() + 600) - time.time()))
        if remaining:
            raise RuntimeError("chaos: %d inputs were not delivered to %s before the deadline" % (remaining, topic))
        if self.failed:
            raise RuntimeError("chaos: %d inputs could not be written to %s: %s" % (len(self.failed), topic, self.failed[0]))
        return time.time() - start

    def _produce(self, topic, partition, kind, value, deadline):
        def delivered(error, message, kind=kind):
            if error is not None:
                self.failed.append(str(error))
                return
            self.ledger.add_input(message.topic(), message.partition(), message.offset(), kind,
                                  message.timestamp()[1] / 1000.0)
        while True:
            try:
                self.producer.produce(topic, value=value, partition=partition, on_delivery=delivered)
                return
            except BufferError:
                if deadline and time.time() > deadline:
                    raise RuntimeError("chaos: the producer queue stayed full until the deadline")
                self.producer.poll(0.1)


def poison_for(count, seed):
    return poison_corpus.generate(count, seed) if count > 0 else []

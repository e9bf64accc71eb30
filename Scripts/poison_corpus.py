"""The poison corpus: inputs a crawler (or an attacker) can put on the input
topic that are not clean articles. Generated, never committed: the same
`--seed` and `--count` always give the same bytes.

  poison_corpus.py --count N [--seed S] [--out DIR]   writes one file per input
  poison_corpus.py --list                             prints the kinds

The chaos run (Scripts/chaos.py) imports `generate` and mixes the inputs with
corpus articles; the worker must turn every one into records or into a dead
letter with a reason, without slowing the good inputs around them.

Every kind is built from text written here (no corpus text), so it can be
shared freely. A value of None is a Kafka message with a null value.
"""
import argparse
import json
import os
import random
import sys

MiB = 1024 * 1024

# Paragraphs written for this generator, in the languages the worker reads.
ARABIC_LINES = [
    "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.",
    "وقال وزير الزراعة إن الخطة تشمل قروضا ميسرة وتوزيع البذور على الأسر.",
    "وأضاف أن العمل سيبدأ في الربع الأول من العام المقبل في ثلاث محافظات.",
    "من جهتها رحبت نقابة المزارعين بالقرار ودعت إلى متابعة التنفيذ عن قرب.",
]
ENGLISH_LINES = [
    "The city council approved a new budget for public libraries on Tuesday.",
    "The plan adds evening hours at twelve branches and hires forty librarians.",
    "Council members said the cost would be covered by savings elsewhere.",
    "Residents who spoke at the meeting asked for more books in Arabic and Urdu.",
]

# The adversarial shapes of the parse benchmark's linearity check
# (Benchmarks/TextBench/Sources/ParseBench/main.swift): each repeated, they
# are what a backtracking or quadratic scan would choke on.
HOSTILE_UNITS = [
    "إقرأ أيضاً:\n",
    "إقرأ أيضاً: ",
    "1234567890/",
    "((((((((((",
    "أبريل 13, 2024آخر تحديث: ",
    "١٢/١٢/١٢ ",
    "a - b (c) -- \n",
]

DATE_TOKENS = [
    "12/12/2024", "2024-01-31", "31.12.2023", "١٢/٠٣/٢٠٢٤", "١٤٤٥/٠٩/١٠",
    "13 أبريل 2024", "١٣ نيسان ٢٠٢٤", "5 جويلية 2023", "10 رمضان 1445 هـ",
    "March 3, 2024", "3 Mar 2024", "2024-03-03T10:00:00Z", "منذ ساعتين",
    "2 hours ago", "الأحد 13 أبريل 2024 - 10:30 ص", "Updated: 4:05 PM GMT",
]

BIDI_CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
                 "\u200e", "\u200f", "\u061c"]


def article(rng, lines=8):
    """A small clean article: a title line and paragraphs."""
    pool = ARABIC_LINES if rng.random() < 0.5 else ENGLISH_LINES
    body = [rng.choice(pool) for _ in range(lines)]
    return pool[0][:40] + "\n" + "\n".join(body) + "\n"


def invalid_utf8(rng):
    text = bytearray(article(rng).encode())
    bad = [b"\xff", b"\xc0\x80", b"\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\xfe\xfe"]
    for _ in range(rng.randint(1, 5)):
        at = rng.randrange(len(text))
        text[at:at] = rng.choice(bad)
    return bytes(text)


def utf16_without_bom(rng):
    return article(rng).encode(rng.choice(["utf-16-le", "utf-16-be"]))


def binary(rng):
    heads = [b"\x89PNG\r\n\x1a\n", b"\x1f\x8b\x08\x00", b"PK\x03\x04", b"%PDF-1.7\n", b""]
    return rng.choice(heads) + bytes(rng.randrange(256) for _ in range(rng.randint(16, 8192)))


def empty(rng):
    return b""


def null_value(rng):
    return None


def whitespace_only(rng):
    chars = [" ", "\t", "\n", "\r\n", "\f", "\v"]
    if rng.random() < 0.3:
        chars += ["\u00a0", "\u3000", "\u2028", "\u200b"]
    return "".join(rng.choice(chars) for _ in range(rng.randint(1, 4096))).encode()


def envelope(rng, **fields):
    base = {"schema": "article.raw", "schemaVersion": "1.0", "url": "https://example.org/news/%d" % rng.randrange(10**6),
            "source": "Example News", "language": "en", "contentType": "text/plain", "body": article(rng)}
    base.update(fields)
    return json.dumps(base, ensure_ascii=False)


def truncated_json(rng):
    text = envelope(rng)
    if rng.random() < 0.2:
        # Cut between bytes, sometimes inside a character.
        data = text.encode()
        return data[: rng.randint(1, len(data) - 1)]
    return text[: rng.randint(1, len(text) - 1)].encode()


def deep_json(rng):
    depth = rng.choice([1_000, 10_000, 100_000])
    if rng.random() < 0.5:
        return ('{"body":' * depth + '"x"' + "}" * depth).encode()
    return ('{"schema":"article.raw","body":"x","url":' + "[" * depth + "]" * depth + "}").encode()


def wrong_types(rng):
    choices = [
        {"body": 42}, {"body": ["a", "b"]}, {"body": {"text": "x"}}, {"body": None}, {"body": True},
        {"url": 7}, {"source": ["x"]}, {"fetchedAt": 1700000000}, {"language": {"code": "en"}},
        {"schemaVersion": 1}, {"schemaVersion": "2.0"}, {"schema": 5}, {"contentType": False},
    ]
    fields = rng.choice(choices)
    if rng.random() < 0.2:
        return json.dumps([envelope(rng)]).encode()
    return envelope(rng, **fields).encode()


def deep_html(rng):
    depth = 100_000
    tag = rng.choice(["div", "span", "p", "b", "section"])
    inner = "<p>" + article(rng).replace("\n", "</p><p>") + "</p>"
    return ("<html><body>" + ("<%s>" % tag) * depth + inner + ("</%s>" % tag) * depth + "</body></html>").encode()


def long_line(rng):
    words = (rng.choice(ARABIC_LINES) + " " + rng.choice(ENGLISH_LINES) + " ").encode()
    line = (words * (2 * MiB // len(words) + 1))[: 2 * MiB]
    # Cut on a character boundary: drop a trailing partial UTF-8 sequence.
    while line and (line[-1] & 0xC0) == 0x80:
        line = line[:-1]
    if line and line[-1] >= 0xC0:
        line = line[:-1]
    return line


def regex_hostile(rng, size=256 * 1024):
    unit = rng.choice(HOSTILE_UNITS).encode()
    return unit * (size // len(unit))


def date_tokens(rng):
    tokens = [rng.choice(DATE_TOKENS) for _ in range(rng.randint(2_000, 6_000))]
    lines, line = [], []
    for token in tokens:
        line.append(token)
        if rng.random() < 0.05:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    return ("Published: " + "\n".join(lines)).encode()


def bidi_everywhere(rng):
    text = article(rng)
    return "".join(c + rng.choice(BIDI_CONTROLS) for c in text).encode()


def oversized_output(rng):
    # About 600 KB of plain text: one input under a 1 MB message limit whose
    # records (text, searchText and paragraphs, JSON-encoded) are each over it.
    paragraphs = []
    size = 0
    while size < 600_000:
        paragraph = " ".join(rng.choice(ARABIC_LINES + ENGLISH_LINES) for _ in range(6))
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 1
    return ("Big report\n" + "\n".join(paragraphs)).encode()


# kind → (builder, weight). Cheap kinds are common; the kinds that cost real
# work per input (megabytes of text to scan) are rare, as in real traffic.
KINDS = {
    "invalid-utf8": (invalid_utf8, 10),
    "utf16-no-bom": (utf16_without_bom, 10),
    "binary": (binary, 10),
    "empty": (empty, 10),
    "null-value": (null_value, 10),
    "whitespace-only": (whitespace_only, 10),
    "truncated-json": (truncated_json, 10),
    "deep-json": (deep_json, 4),
    "wrong-types": (wrong_types, 10),
    "deep-html": (deep_html, 1),
    "long-line-2mib": (long_line, 0.2),
    "regex-hostile": (regex_hostile, 0.7),
    "date-tokens": (date_tokens, 2),
    "bidi-everywhere": (bidi_everywhere, 10),
    "oversized-output": (oversized_output, 0.2),
}


def plan(count):
    """How many inputs of each kind `count` poison inputs hold: at least one
    of every kind, the rest by weight."""
    if count < len(KINDS):
        raise ValueError("poison count %d is too small for %d kinds" % (count, len(KINDS)))
    total = sum(weight for _, weight in KINDS.values())
    share = {kind: weight / total * count for kind, (_, weight) in KINDS.items()}
    counts = {kind: max(1, int(share[kind])) for kind in KINDS}
    # Largest remainders first, until the total is exactly `count`.
    by_remainder = sorted(KINDS, key=lambda kind: share[kind] - counts[kind], reverse=True)
    while sum(counts.values()) < count:
        for kind in by_remainder:
            if sum(counts.values()) == count:
                break
            counts[kind] += 1
    while sum(counts.values()) > count:
        largest = max(counts, key=counts.get)
        counts[largest] -= 1
    return counts


def generate(count, seed=11):
    """A list of (kind, value) with `count` entries, in a seeded random order."""
    rng = random.Random(seed)
    inputs = []
    for kind, n in plan(count).items():
        builder = KINDS[kind][0]
        inputs += [(kind, builder(rng)) for _ in range(n)]
    rng.shuffle(inputs)
    return inputs


def main():
    parser = argparse.ArgumentParser(description="Writes the poison corpus, one file per input.")
    parser.add_argument("--count", type=int, default=1050)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", help="folder to write into (files KIND-NNNN.bin; a null value is written as KIND-NNNN.null, empty)")
    parser.add_argument("--list", action="store_true", help="print each kind and how many --count gives")
    args = parser.parse_args()
    if args.list or not args.out:
        for kind, n in plan(args.count).items():
            print("%-18s %d" % (kind, n))
        return
    os.makedirs(args.out, exist_ok=True)
    for index, (kind, value) in enumerate(generate(args.count, args.seed)):
        suffix = "null" if value is None else "bin"
        with open(os.path.join(args.out, "%s-%04d.%s" % (kind, index, suffix)), "wb") as f:
            f.write(value or b"")
    print("poison: %d inputs in %s" % (args.count, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()

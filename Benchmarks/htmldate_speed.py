#!/usr/bin/env python3
"""Times htmldate's fast mode (`find_date(html, extensive_search=False,
original_date=True)`, the mode `Scripts/htmldate-score.py` calls "fast") on
the same HTML pages as `TextBench --decode`: each page's bytes read once,
decoded as UTF-8 (errors replaced) outside the timing, then the set repeated
until --seconds of thread CPU time have passed. htmldate only finds a date;
our decoder also extracts the main text and the metadata. Prints
`htmldate bytes=… articles=… rounds=… seconds=… mbps=… aps=…`."""
import logging
import sys
import time

from htmldate import find_date

logging.disable(logging.CRITICAL)
args = sys.argv[1:]
seconds = 2.0
if args[:1] == ["--seconds"]:
    seconds = float(args[1])
    args = args[2:]
raw = [open(p, "rb").read() for p in args]
pages = [b.decode("utf-8", errors="replace") for b in raw]
total = sum(len(b) for b in raw)


def run_once():
    found = 0
    for page in pages:
        try:
            found += find_date(page, extensive_search=False, original_date=True, outputformat="%Y-%m-%d") is not None
        except Exception:  # a page htmldate cannot read counts as timed work with no date
            pass
    return found


run_once()
rounds = 0
start = time.thread_time()
while True:
    run_once()
    rounds += 1
    elapsed = time.thread_time() - start
    if elapsed >= seconds:
        break
print(f"htmldate bytes={total} articles={len(pages)} rounds={rounds} seconds={elapsed:.3f} "
      f"mbps={total * rounds / elapsed / 1e6:.2f} aps={len(pages) * rounds / elapsed:.0f}")

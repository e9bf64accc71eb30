#!/usr/bin/env python3
"""Times htmldate's fast mode (`find_date(html, extensive_search=False,
original_date=True)`, the mode `Scripts/htmldate-score.py` calls "fast") on
the same HTML pages as `TextBench --decode`: each page's bytes read once,
decoded as UTF-8 (errors replaced) outside the timing, then the set repeated
until --seconds of thread CPU time have passed. htmldate only finds a date;
our decoder also extracts the main text and the metadata. Prints
`htmldate bytes=… articles=… rounds=… seconds=… mbps=… aps=…`."""
import logging

from cpu_rounds import arguments, report
from htmldate import find_date

logging.disable(logging.CRITICAL)
seconds, args = arguments()
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


report("htmldate", run_once, seconds, total, len(pages))

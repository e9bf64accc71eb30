#!/usr/bin/env python3
"""Scores htmldate (PyPI) on the labelled HTML date set, for comparison with
`newswire-evaluate html-dates`. Prints one line per mode:
`<mode> <url|nourl> <accuracy%> <correct> <total>`.

A label of NaN (page without a date) counts as right when htmldate returns
nothing. Dates compare on YYYY-MM-DD.

Usage: python htmldate-score.py PAGES_DIR LABELS.jsonl
"""
import json
import logging
import math
import os
import sys

from htmldate import find_date

MODES = {
    # extensive_search=False: htmldate's fast mode.
    "fast": dict(extensive_search=False, original_date=True),
    # find_date's own defaults (extensive_search=True, original_date=False).
    "default": dict(),
    # extensive search asking for the original (publication) date.
    "extensive": dict(extensive_search=True, original_date=True),
}


def main() -> int:
    logging.disable(logging.CRITICAL)
    pages, labels_path = sys.argv[1], sys.argv[2]
    rows = []
    with open(labels_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    for mode, kwargs in MODES.items():
        for use_url in (True, False):
            correct = 0
            for row in rows:
                with open(os.path.join(pages, row["file"]), encoding="utf-8", errors="replace") as page:
                    html = page.read()
                try:
                    got = find_date(html, url=row.get("url") if use_url else None, outputformat="%Y-%m-%d", **kwargs)
                except Exception:  # a crash on a page is a miss, as in our harness
                    got = None
                gold = row.get("date")
                if gold is None or (isinstance(gold, float) and math.isnan(gold)):
                    correct += got is None
                else:
                    correct += got is not None and got[:10] == gold[:10]
            total = len(rows)
            print(f"{mode} {'url' if use_url else 'nourl'} {100.0 * correct / total:.1f} {correct} {total}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

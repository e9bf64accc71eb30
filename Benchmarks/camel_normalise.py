#!/usr/bin/env python3
"""Times CAMeL Tools' normalisation utilities on the same files as TextBench:
per text, the `arclean` character mapper and `normalize_unicode` (its
counterpart of our faithful `text`), then `dediac_ar`, `normalize_alef_ar`,
`normalize_alef_maksura_ar`, `normalize_teh_marbuta_ar` and `lower()` (our
`searchText`). Repeats the set until --seconds of CPU time have passed and prints
`camel bytes=… articles=… seconds=… mbps=… aps=…`."""
import sys
import time

from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                         normalize_teh_marbuta_ar, normalize_unicode)

args = sys.argv[1:]
seconds = 2.0
if args[:1] == ["--seconds"]:
    seconds = float(args[1])
    args = args[2:]
raw = [open(p, "rb").read() for p in args]
texts = [b.decode("utf-8", errors="replace") for b in raw]
total = sum(len(b) for b in raw)
arclean = CharMapper.builtin_mapper("arclean")


def run_once():
    n = 0
    for t in texts:
        text = normalize_unicode(arclean(t))
        search = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text)))).lower()
        n += len(text) + len(search)
    return n


run_once()
rounds = 0
start = time.thread_time()
while True:
    run_once()
    rounds += 1
    elapsed = time.thread_time() - start
    if elapsed >= seconds:
        break
print(f"camel bytes={total} articles={len(texts)} rounds={rounds} seconds={elapsed:.3f} "
      f"mbps={total * rounds / elapsed / 1e6:.2f} aps={len(texts) * rounds / elapsed:.0f}")

#!/usr/bin/env python3
"""Times CAMeL Tools' normalisation utilities on the same files as TextBench:
per text, the `arclean` character mapper and `normalize_unicode` (its
counterpart of our faithful `text`), then `dediac_ar`, `normalize_alef_ar`,
`normalize_alef_maksura_ar`, `normalize_teh_marbuta_ar` and `lower()` (our
`searchText`). Repeats the set until --seconds of CPU time have passed and prints
`camel bytes=… articles=… seconds=… mbps=… aps=…`."""
from cpu_rounds import arguments, report

from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                         normalize_teh_marbuta_ar, normalize_unicode)

seconds, args = arguments()
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


report("camel", run_once, seconds, total, len(texts))

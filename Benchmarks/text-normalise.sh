#!/usr/bin/env bash
# Normalise-stage throughput on the corpus articles (release build), with
# CAMeL Tools' normalisation utilities timed on the same texts in the same run;
# then the HTML decoder beside htmldate's fast mode on the html-dates pages.
#   Benchmarks/text-normalise.sh [CORPUS_DIR] [SECONDS]
# CORPUS_DIR defaults to $NEWSWIRE_SHARED/corpus/articles, else ../shared/corpus/articles.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
shared="${NEWSWIRE_SHARED:-$root/../shared}"
corpus="${1:-$shared/corpus/articles}"
seconds="${2:-3}"
files=("$corpus"/*.txt)
[ -e "${files[0]}" ] || { echo "no .txt articles in $corpus" >&2; exit 2; }

venv="$root/.tools/venv"
if ! "$venv/bin/python" -c "import camel_tools" 2>/dev/null; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    # Utilities only: camel-tools' declared dependencies (torch, transformers …) are not needed.
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps camel-tools six emoji
fi

echo "building TextBench (release)…" >&2
# Retried: in a shared worktree another engineer's save can abort a build.
for attempt in 1 2 3; do
    if NEWSWIRE_TEXT_ONLY=1 swift build -c release --package-path Benchmarks/TextBench \
        --scratch-path "$root/.build-textbench" >&2; then
        break
    fi
    [ "$attempt" = 3 ] && { echo "TextBench did not build" >&2; exit 1; }
done
bench="$(NEWSWIRE_TEXT_ONLY=1 swift build -c release --package-path Benchmarks/TextBench --scratch-path "$root/.build-textbench" --show-bin-path)/TextBench"

ours="$("$bench" --seconds "$seconds" "${files[@]}")"
camel="$("$venv/bin/python" Benchmarks/camel_normalise.py --seconds "$seconds" "${files[@]}")"
echo "$ours"
echo "$camel"
python3 - "$ours" "$camel" <<'PY'
import sys
def fields(line):
    return dict(kv.split("=", 1) for kv in line.split()[1:])
ours, camel = fields(sys.argv[1]), fields(sys.argv[2])
print(f"corpus: {ours['articles']} articles, {int(ours['bytes']) / 1e3:.1f} kB")
print(f"newswire normalise (text + searchText): {float(ours['mbps']):8.2f} MB/s {float(ours['aps']):10.0f} articles/s")
print(f"CAMeL Tools arclean+unicode+dediac+alef/yeh/teh: {float(camel['mbps']):8.2f} MB/s {float(camel['aps']):10.0f} articles/s")
print(f"ratio newswire / CAMeL: {float(ours['mbps']) / float(camel['mbps']):.2f}x")
PY

# The input decoder on the raw HTML pages of html-dates, beside htmldate's
# fast mode on the same pages in the same run (Benchmarks/htmldate_speed.py;
# htmldate finds only the date, the decoder also the text and metadata).
pages=("$shared/corpus/html-dates/pages"/*.html)
if [ -e "${pages[0]}" ]; then
    if ! "$venv/bin/python" -c "import htmldate" 2>/dev/null; then
        Scripts/setup-tools.sh htmldate >&2
    fi
    decode="$("$bench" --decode --seconds "$seconds" "${pages[@]}")"
    htmldate="$("$venv/bin/python" Benchmarks/htmldate_speed.py --seconds "$seconds" "${pages[@]}")"
    echo "$decode"
    echo "$htmldate"
    python3 - "$decode" "$htmldate" <<'PY'
import sys
def fields(line):
    return dict(kv.split("=", 1) for kv in line.split()[1:])
f, h = fields(sys.argv[1]), fields(sys.argv[2])
print(f"newswire decode (HTML → text + metadata), {f['articles']} pages: {float(f['mbps']):.2f} MB/s {float(f['aps']):.0f} pages/s")
print(f"htmldate fast mode (date only), same pages: {float(h['mbps']):.2f} MB/s {float(h['aps']):.0f} pages/s")
print(f"ratio newswire decode / htmldate fast: {float(f['mbps']) / float(h['mbps']):.2f}x")
PY
fi

#!/usr/bin/env bash
# Publication-date accuracy on shared/corpus/html-dates (200 labelled pages),
# measured in one run: Newswire's whole text chain (decode with HTML
# metadata → normalise → parse; `newswire-evaluate html-dates`, release
# build) beside htmldate in its fast, default and extensive modes, each with
# and without the page URL. Then the same on the HTML pages of the project's
# own labelled set (Corpus/labels-{dev,report}.jsonl, texts fetched into
# .corpus/ by Scripts/fetch-eval-corpus.py; no URL is known for those).
# Installs htmldate into .tools/venv if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${NEWSWIRE_SHARED:-$PWD/../shared}"
pages="$shared/corpus/html-dates/pages"
labels="$shared/corpus/html-dates/labels.jsonl"
scratch="${NEWSWIRE_EVAL_SCRATCH:-.build-evaluate}"

if ! .tools/venv/bin/python -c "import htmldate" 2>/dev/null; then
    Scripts/setup-tools.sh htmldate
fi
NEWSWIRE_TEXT_ONLY=1 swift build -c release --product newswire-evaluate --scratch-path "$scratch" >&2
tool="$scratch/release/newswire-evaluate"

read -r ours_url _ _ <<<"$("$tool" html-dates --pages "$pages" --labels "$labels" --summary)"
read -r ours_nourl correct total <<<"$("$tool" html-dates --pages "$pages" --labels "$labels" --summary --no-url)"
declare -A peer
while read -r mode url accuracy _ _; do
    peer["$mode-$url"]="$accuracy"
done < <(.tools/venv/bin/python Scripts/htmldate-score.py "$pages" "$labels")
version="$(.tools/venv/bin/python -c 'import htmldate; print(htmldate.__version__)')"

printf 'HTML date set: %s pages (publishedAt date part vs label)\n' "$total"
printf '%-52s %10s %12s\n' "extractor" "with URL" "without URL"
printf '%-52s %9s%% %11s%%\n' "newswire (decode, normalise, parse)" "$ours_url" "$ours_nourl"
printf '%-52s %9s%% %11s%%\n' "htmldate $version fast (extensive_search=False)" "${peer[fast-url]}" "${peer[fast-nourl]}"
printf '%-52s %9s%% %11s%%\n' "htmldate $version default (find_date defaults)" "${peer[default-url]}" "${peer[default-nourl]}"
printf '%-52s %9s%% %11s%%\n' "htmldate $version extensive (+ original_date=True)" "${peer[extensive-url]}" "${peer[extensive-nourl]}"

# The project's own HTML pages: one labels file per part, shaped like the
# shared set's (file, date), from the articles' `published` labels.
python3 Scripts/fetch-eval-corpus.py
own="$(mktemp -d)"
trap 'rm -rf "$own"' EXIT
for part in dev report; do
    python3 - "Corpus/labels-$part.jsonl" "$own/$part.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        row = json.loads(line)
        if row.get("format") == "html":
            out.write(json.dumps({"file": row["file"], "date": row.get("published")}) + "\n")
PY
done
printf '\nProject HTML pages (Corpus/, no URL): publishedAt date part vs label\n'
printf '%-52s %10s %12s\n' "extractor" "dev part" "report part"
declare -A own_ours own_peer
for part in dev report; do
    read -r acc correct total <<<"$("$tool" html-dates --pages .corpus --labels "$own/$part.jsonl" --summary --no-url)"
    own_ours[$part]="$acc ($correct/$total)"
    while read -r mode url accuracy c t; do
        [ "$url" = nourl ] && own_peer["$mode-$part"]="$accuracy ($c/$t)"
    done < <(.tools/venv/bin/python Scripts/htmldate-score.py .corpus "$own/$part.jsonl")
done
printf '%-52s %10s %12s\n' "newswire (decode, normalise, parse)" "${own_ours[dev]}" "${own_ours[report]}"
for mode in fast default extensive; do
    printf '%-52s %10s %12s\n' "htmldate $version $mode" "${own_peer[$mode-dev]}" "${own_peer[$mode-report]}"
done

#!/usr/bin/env bash
# Regenerates ArticleText's binary tables (Sources/ArticleText/Enrich/EnrichData/
# gazetteer.bin) from the resource lists they are built from (places.tsv,
# place-aliases.json, organisations.json): run it after editing one of those.
# EnrichTablesTests fails while a table differs from what its lists give.
set -euo pipefail
cd "$(dirname "$0")/.."
NEWSWIRE_TEXT_ONLY=1 swift build --scratch-path .build-textonly --product newswire-tables >&2
NEWSWIRE_TEXT_ONLY=1 swift run --skip-build --scratch-path .build-textonly newswire-tables Sources/ArticleText

#!/usr/bin/env bash
# Validates JSON Lines on stdin against a schema with Python's jsonschema, an
# validator independent of newswire's own code. Exits non-zero when any record
# is invalid (or none arrived). Examples:
#   newswire process ../shared/corpus/articles/* | Scripts/validate-records.sh Schemas/article.enriched/1.1.json
#   newswire process --stage parse FILE | Scripts/validate-records.sh --schemas Schemas   # by each record's schema field
#   Scripts/validate-records.sh --strict Schemas/article.enriched/2.0.json < records.jsonl
#   Scripts/validate-records.sh --check-schemas Schemas   # schema files against the 2020-12 metaschema
# Python: $NEWSWIRE_PYTHON, else $NEWSWIRE_TEST_PYTHON, else .tools/venv/bin/python
# (Scripts/setup-tools.sh installs jsonschema there).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${NEWSWIRE_PYTHON:-${NEWSWIRE_TEST_PYTHON:-$root/.tools/venv/bin/python}}"
if [ ! -x "$python" ]; then
    echo "validate-records: no Python at $python; run Scripts/setup-tools.sh" >&2
    exit 2
fi
exec "$python" "$root/Scripts/validate_records.py" "$@"

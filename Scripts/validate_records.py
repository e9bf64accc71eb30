"""Independent validation of Newswire records and schema files with Python's
`jsonschema` (Draft 2020-12), for Scripts/validate-records.sh and the tests.

  validate_records.py [--strict] SCHEMA_FILE        < records.jsonl
  validate_records.py [--strict] --schemas DIR      < records.jsonl
  validate_records.py --check-schemas DIR

--schemas picks DIR/<schema>/<schemaVersion>.json from each record's own
`schema` and `schemaVersion` fields. --strict closes every open object
(additionalProperties: true becomes false), so a record carrying a field its
schema does not list fails: this shows the record matches the schema exactly,
not merely that the schema tolerates it. --check-schemas validates every
DIR/*/*.json against the 2020-12 metaschema.
"""
import argparse
import copy
import glob
import json
import os
import sys

from jsonschema import Draft202012Validator


def closed(node):
    """A copy of a schema with every open object closed."""
    if isinstance(node, list):
        return [closed(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: closed(value) for key, value in node.items()}
    if "properties" in out and out.get("additionalProperties", True) is True:
        out["additionalProperties"] = False
    return out


def validator(path, strict):
    with open(path, encoding="utf-8") as handle:
        schema = json.load(handle)
    if strict:
        schema = closed(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check_schemas(directory):
    files = sorted(glob.glob(os.path.join(directory, "*", "*.json")))
    if not files:
        print(f"validate-records: no schema files under {directory}", file=sys.stderr)
        return 1
    bad = 0
    for path in files:
        with open(path, encoding="utf-8") as handle:
            schema = json.load(handle)
        errors = list(Draft202012Validator(Draft202012Validator.META_SCHEMA).iter_errors(schema))
        for error in errors:
            where = "/".join(str(part) for part in error.absolute_path) or "(root)"
            print(f"{path}: {where}: {error.message}", file=sys.stderr)
        bad += 1 if errors else 0
    print(f"validate-records: {len(files)} schema files, {bad} invalid against the 2020-12 metaschema")
    return 1 if bad else 0


def validate_stream(args):
    cache = {}
    single = validator(args.schema_file, args.strict) if args.schema_file else None
    count = invalid = printed = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        count += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            invalid += 1
            print(f"line {number}: not JSON: {error}", file=sys.stderr)
            continue
        check = single
        if check is None:
            name = record.get("schema") if isinstance(record, dict) else None
            version = record.get("schemaVersion") if isinstance(record, dict) else None
            path = os.path.join(args.schemas, str(name), f"{version}.json")
            if not os.path.isfile(path):
                invalid += 1
                print(f"line {number}: no schema file {path} for schema {name!r} version {version!r}", file=sys.stderr)
                continue
            if path not in cache:
                cache[path] = validator(path, args.strict)
            check = cache[path]
        errors = sorted(check.iter_errors(record), key=lambda e: list(e.absolute_path))
        if errors:
            invalid += 1
            ident = record.get("id") if isinstance(record, dict) else None
            for error in errors:
                if printed < 50:
                    where = ".".join(str(part) for part in error.absolute_path) or "(root)"
                    print(f"line {number} (id {ident}): {where}: {error.message}", file=sys.stderr)
                    printed += 1
    against = args.schema_file or f"{args.schemas}/<schema>/<schemaVersion>.json"
    mode = " (strict)" if args.strict else ""
    print(f"validate-records: {count} records, {invalid} invalid against {against}{mode}")
    if count == 0:
        print("validate-records: no records on stdin", file=sys.stderr)
        return 1
    return 1 if invalid else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("schema_file", nargs="?")
    parser.add_argument("--schemas", metavar="DIR")
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--check-schemas", metavar="DIR")
    args = parser.parse_args()
    if args.check_schemas:
        return check_schemas(args.check_schemas)
    if bool(args.schema_file) == bool(args.schemas):
        parser.error("give exactly one of SCHEMA_FILE or --schemas DIR")
    return validate_stream(args)


if __name__ == "__main__":
    sys.exit(main())

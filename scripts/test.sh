#!/usr/bin/env bash
# Sets up and runs the whole test suite on a fresh Debian machine with Python 3.11+:
# Debian's PostgreSQL (the store tests start their own server) and chromium (the dashboard's
# browser tests) when missing, then the project in a virtual environment, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'
exec .venv/bin/python -m pytest "$@"

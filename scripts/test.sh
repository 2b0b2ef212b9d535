#!/usr/bin/env bash
# Sets up and runs the whole test suite on a fresh Debian machine with Python 3.11+:
# Debian's PostgreSQL (the store tests start their own server), chromium (the dashboard's
# browser tests) and gdal-bin (GDAL reads the GeoJSON export) when missing, then the project
# in a virtual environment of its own, then pytest.
#
# The tests run the sources through an editable install, in .venv-test: the README's first
# command installs the compiled wheel in .venv, and an editable install there would replace
# it (rasad a third slower). Each command keeps to its own environment, in either order.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
command -v ogrinfo >/dev/null || missing+=(gdal-bin)
if [ ${#missing[@]} -gt 0 ]; then
  as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -m venv .venv-test
.venv-test/bin/pip install -q -e '.[test]'
exec .venv-test/bin/python -m pytest "$@"

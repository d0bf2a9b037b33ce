#!/usr/bin/env bash
# Test it: installs what is missing (see scripts/setup.sh, plus Chromium and its driver) and runs
# every layer: lint, native core tests, wasm component tests in headless Chromium, and end-to-end
# tests against the release build served on 127.0.0.1. Prints one summary line per layer and a
# final "N passed, N failed". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
. scripts/setup.sh --test || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
set +e
exec scripts/run-tests.sh "$@"

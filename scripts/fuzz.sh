#!/usr/bin/env bash
# Runs the import, URL-state, CSV round-trip, link-id and rich-text properties (tests/fuzz.rs)
# with many cases, in release mode.
# Usage: scripts/fuzz.sh [cases per property, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."

cases="${1:-100000}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

start=$(date +%s)
FUZZ_CASES="$cases" cargo test --release --test fuzz -- --test-threads=2 2>&1 | tee "$log"
end=$(date +%s)

properties=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$log" | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' | tail -n 1)
echo "fuzz: ${cases} cases per property, ${properties:-0} properties, $((end - start)) s"

#!/usr/bin/env bash
# Timeline benchmark: builds the release app and times zoom and pan frames in headless Chromium
# for the real chronology and 10,000 / 100,000 synthetic events, then big data (imports of up to
# 1,000,000 events, facet changes and search keystrokes at 1,000,000); with --compare, also runs the
# same scenario on vis-timeline with the same data and prints both with their ratios. Not part of
# ./test.sh (figures are noisy on shared machines); run it twice and compare.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh --test
trunk build --release >/dev/null
node scripts/bundle-size.mjs
node bench/timeline.mjs
# Where a zoom's time goes, phase by phase (a trace of the main thread).
node bench/phases.mjs
# Big data: imports of 100,000 to 1,000,000 events; a facet change and a search keystroke at
# 100,000 and 1,000,000.
node bench/bigdata.mjs
if [ "${1:-}" = "--compare" ]; then
  # The peer (vis-timeline, from npm) and the same synthetic data as ?synthetic=N.
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
  for n in 1000 10000 ${BENCH_PEER_100K:+100000}; do
    cargo run -q --release --example synthetic -- "$n" > "bench/data-$n.json"
  done
  node bench/compare.mjs
fi

#!/usr/bin/env bash
# Timeline benchmark: builds the release app and times zoom and pan frames in headless Chromium
# for the real chronology and 10,000 / 100,000 synthetic events. Not part of ./test.sh (figures
# are noisy on shared machines); run it twice and compare.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh --test
trunk build --release >/dev/null
node scripts/bundle-size.mjs
node bench/timeline.mjs

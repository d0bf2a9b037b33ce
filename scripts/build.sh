#!/usr/bin/env bash
# Builds what to publish: the release app in dist/ (for any static host, any sub-path) and, inside
# it, dist/japan-nato-explorer.html, the whole explorer in one file that works offline.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
trunk build --release

node scripts/bundle-size.mjs

#!/usr/bin/env bash
# Run it: installs what is missing (see scripts/setup.sh) and serves the explorer on
# http://127.0.0.1:8080 with the built-in Japan–NATO chronology. Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/setup.sh
exec trunk serve --release "$@"

#!/usr/bin/env bash
# The test layers (called by ./test.sh once the tools are installed).
set -uo pipefail
cd "$(dirname "$0")/.."
LOGS="$(mktemp -d)"
total_passed=0
total_failed=0
summaries=()

# Sums cargo's "test result: ... N passed; M failed" lines of a log.
cargo_counts() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } }
       END { printf "%d %d\n", p, f }' "$1"
}

record() { # layer passed failed status
  local layer="$1" passed="$2" failed="$3" status="$4"
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a build or runner failure counts
  total_passed=$((total_passed + passed)); total_failed=$((total_failed + failed))
  summaries+=("$(printf '%-10s %d passed, %d failed' "$layer:" "$passed" "$failed")")
  printf '\n\033[1m== %s: %d passed, %d failed\033[0m\n\n' "$layer" "$passed" "$failed"
}

# 1. Lint: formatting and clippy on both targets.
lint_passed=0; lint_failed=0
if cargo fmt --all -- --check >"$LOGS/fmt" 2>&1; then lint_passed=$((lint_passed+1)); else lint_failed=$((lint_failed+1)); cat "$LOGS/fmt"; fi
if cargo clippy --locked --all-targets -- -D warnings >"$LOGS/clippy" 2>&1; then lint_passed=$((lint_passed+1)); else lint_failed=$((lint_failed+1)); cat "$LOGS/clippy"; fi
if cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings >"$LOGS/clippy-wasm" 2>&1; then lint_passed=$((lint_passed+1)); else lint_failed=$((lint_failed+1)); cat "$LOGS/clippy-wasm"; fi
record lint "$lint_passed" "$lint_failed" 0

# 2. Native tests of the pure core and the dataset.
cargo test --locked 2>&1 | tee "$LOGS/native"; status=${PIPESTATUS[0]}
read -r p f < <(cargo_counts "$LOGS/native"); record native "$p" "$f" "$status"

# 3. Component tests in headless Chromium (wasm-bindgen-test-runner, see .cargo/config.toml).
# A run whose browser or driver never reported a result (no "test result:" line: the driver did
# not start, the session was refused, the page never loaded) is tried once more, and says so; a
# run in which a test failed is not.
wasm_run() {
  CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_TEST_TIMEOUT=120 \
    cargo test --locked --target wasm32-unknown-unknown --test components 2>&1 | tee "$LOGS/wasm"
  return "${PIPESTATUS[0]}"
}
wasm_run; status=$?
if [ "$status" -ne 0 ] && ! grep -q '^test result:' "$LOGS/wasm"; then
  echo "The browser or its driver reported no result (exit $status); trying the component tests once more."
  wasm_run; status=$?
fi
read -r p f < <(cargo_counts "$LOGS/wasm"); record wasm "$p" "$f" "$status"

# 4. End-to-end against the release build served on 127.0.0.1.
if trunk build --release 2>&1 | tee "$LOGS/build" | tail -n 3 && test -f dist/japan-nato-explorer.html; then
  node scripts/bundle-size.mjs
  node --test --test-reporter=spec --test-concurrency=1 tests/e2e/ 2>&1 | tee "$LOGS/e2e"; status=${PIPESTATUS[0]}
  p=$(sed -n 's/^[^a-z]*pass \([0-9]*\)$/\1/p' "$LOGS/e2e" | tail -n 1); f=$(sed -n 's/^[^a-z]*fail \([0-9]*\)$/\1/p' "$LOGS/e2e" | tail -n 1)
  record e2e "${p:-0}" "${f:-0}" "$status"
else
  cat "$LOGS/build"; record e2e 0 1 1
fi

echo
printf '%s\n' "${summaries[@]}"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]

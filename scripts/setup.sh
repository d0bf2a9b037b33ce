#!/usr/bin/env bash
# Installs what building (and, with --test, testing) the explorer needs, and only what is missing.
# Idempotent and quick when everything is already there. Everything comes from a package registry:
#   rustup target wasm32-unknown-unknown          (rustup)
#   trunk 0.21.14, wasm-bindgen-cli = locked ver.  (crates.io, into $CARGO_HOME/bin)
#   binaryen (wasm-opt), playwright-core, axe-core (npm, into ./node_modules, per package-lock.json)
#   chromium, chromium-driver, poppler-utils      (Debian apt; only with --test)
# Source this file (`. scripts/setup.sh [--test]`): it also puts the tools on PATH.

set -euo pipefail
_setup_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_setup_want_test=false
for arg in "$@"; do [ "$arg" = "--test" ] && _setup_want_test=true; done

TRUNK_VERSION="0.21.14"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$_setup_root/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# The wasm-bindgen CLI must equal the crate version in Cargo.lock.
locked_wasm_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$_setup_root/Cargo.lock"
}

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown >&2
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION from crates.io (takes a few minutes, once)"
  cargo install trunk@"$TRUNK_VERSION" --locked >&2
fi

WASM_BINDGEN_VERSION="$(locked_wasm_bindgen)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ] ||
   ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (takes a few minutes, once)"
  # Not --locked: the CLI's own lock file names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force >&2
fi

# npm ci again whenever package-lock.json is newer than what was installed.
if [ ! -x "$_setup_root/node_modules/.bin/wasm-opt" ] ||
   [ ! -f "$_setup_root/node_modules/.package-lock.json" ] ||
   [ "$_setup_root/package-lock.json" -nt "$_setup_root/node_modules/.package-lock.json" ]; then
  say "installing npm packages (binaryen's wasm-opt, playwright-core, axe-core) into ./node_modules"
  (cd "$_setup_root" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

if $_setup_want_test; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftoppm >/dev/null; then
    say "installing Chromium, its driver and poppler-utils (print previews) from Debian (apt)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver poppler-utils >&2
  fi
  export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"
fi

# Trunk and cargo run offline; make sure every crate is in the local registry cache first.
if ! (cd "$_setup_root" && cargo fetch --locked >/dev/null 2>&1); then
  (cd "$_setup_root" && cargo fetch >&2)
fi

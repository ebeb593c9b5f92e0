#!/usr/bin/env bash
# Runs every test: formatting and lints, native cargo tests, wasm-bindgen-test
# in Node and headless Chromium, and node:test (with tsc) on the built pkg/.
# Installs whatever is missing first. Only 127.0.0.1 is ever contacted.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ROOT"

ensure_chromium
scripts/build.sh
# The test-only build whose calls fail on purpose, for tests/js/safety/guard.test.mjs.
PKG_FEATURES=panic-probe PKG_DIR=tests/out/probe-pkg scripts/build.sh

log "cargo fmt and clippy (native and wasm32)"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown --features panic-probe -- -D warnings

log "native tests"
cargo test

log "starting the API stand-in for the wasm tests"
standin_log="$(mktemp)"
node tests/standin/server.mjs --port 0 >"$standin_log" 2>&1 &
standin_pid=$!
trap 'kill "$standin_pid" 2>/dev/null || true; rm -f "$standin_log"' EXIT
for _ in $(seq 50); do
  grep -q "listening on" "$standin_log" && break
  sleep 0.1
done
export TURSO_STANDIN_URL="$(sed -n 's/.*listening on //p' "$standin_log")"
[ -n "$TURSO_STANDIN_URL" ] || { cat "$standin_log"; exit 1; }

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
log "wasm-bindgen-test in Node against $TURSO_STANDIN_URL"
cargo test --target wasm32-unknown-unknown --test wasm

log "wasm-bindgen-test in headless Chromium against $TURSO_STANDIN_URL"
# The runner serves the page from tiny_http 0.12, whose task pool can leave
# a new connection unread when more open at once than it has idle threads;
# the page then never loads, and the runner waits 300 s for it. The page
# imports the glue's snippets all at once: with five, about one run in three
# hung, with four none did in 40 runs, so tests/js/packaging/runtimes.test.mjs keeps
# them to four. Should it happen anyway, the suite is run once more: a page
# that loads and then hangs fails by the runner's own test timeout (20 s).
# Each run has a process group of its own (setsid), so that a page that
# never loaded is ended with everything the run started (cargo, the runner,
# chromedriver, Chromium) and nothing else on the machine.
in_chromium() {
  WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/webdriver.json" \
    setsid timeout 150 cargo test --target wasm32-unknown-unknown --test "$1" &
  local group=$!
  local status=0
  wait "$group" || status=$?
  kill -- -"$group" 2>/dev/null || true
  return "$status"
}
status=0
in_chromium wasm || status=$?
if [ "$status" = 124 ]; then
  log "tests/wasm.rs: the page never loaded (the runner's server; see scripts/test.sh); running it once more"
  in_chromium wasm
elif [ "$status" != 0 ]; then
  exit "$status"
fi

# On Node 24, the active LTS, from npm (package.json's node24), which
# Prism 5.16 needs; tests/js/packaging/runtimes.test.mjs runs the smoke
# script on every other line.
log "node:test on pkg/, in Node $("$ROOT/node_modules/node24/bin/node" --version)"
"$ROOT/node_modules/node24/bin/node" --test tests/js/*/*.test.mjs

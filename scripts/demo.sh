#!/usr/bin/env bash
# Builds the package, starts the Turso API stand-in and the www/ demo page on
# 127.0.0.1, and prints where to open it. Ctrl-C stops both.
#
#   TURSO_API_URL=https://api.turso.tech scripts/demo.sh   prefills the real API instead
#   STANDIN_PORT, WWW_PORT                                 change the ports (8787, 8080)
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ROOT"

scripts/build.sh

standin_port="${STANDIN_PORT:-8787}"
www_port="${WWW_PORT:-8080}"
api="${TURSO_API_URL:-}"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM

# Starts a server in the background and waits until it says it is listening.
start() {
  local log
  log="$(mktemp)"
  "$@" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do
    if grep -q "listening on" "$log"; then return; fi
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then break; fi
    sleep 0.1
  done
  cat "$log" >&2
  log "could not start: $*"
  exit 1
}

if [ -z "$api" ]; then
  start node tests/standin/server.mjs --port "$standin_port"
  api="http://127.0.0.1:$standin_port"
fi
start node www/serve.mjs --port "$www_port" --api "$api"

cat <<MSG

  Open http://127.0.0.1:$www_port/ in a browser.
  API: $api$([ -z "${TURSO_API_URL:-}" ] && printf ' (the local stand-in: any organization, token "standin-token")')
  Ctrl-C stops it.

MSG
wait

#!/usr/bin/env bash
# Builds the floor (bench/floor) as scripts/build.sh builds the package, in
# each variant (Rust-driven with a hand-filled struct, typed-decode,
# js-driven) into bench/out/floor/<variant>/, and prints the sizes:
#   bench/floor/measure.sh
set -euo pipefail
source "$(dirname "$0")/../../scripts/setup.sh"
ensure_wasm_target
ensure_wasm_bindgen
ensure_npm_deps

cd "$ROOT/bench/floor"
gz() { gzip -9c "$1" | wc -c; }
printf '%-34s %8s %8s\n' "size floor (bytes)" raw "gzip -9"
for features in "" "typed-decode" "js-driven"; do
  label="${features:-hand-filled struct}"
  out="$ROOT/bench/out/floor/${features:-hand-filled}"
  cargo build -q --release --target wasm32-unknown-unknown ${features:+--features "$features"}
  rm -rf "$out" && mkdir -p "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out" \
    target/wasm32-unknown-unknown/release/turso_platform_wasm_size_floor.wasm
  optimize_output "$out" turso_platform_wasm_size_floor
  wasm="$out/turso_platform_wasm_size_floor_bg.wasm" glue="$out/turso_platform_wasm_size_floor.js"
  printf '%-34s %8s %8s\n' "  $label: .wasm" "$(wc -c < "$wasm")" "$(gz "$wasm")"
  printf '%-34s %8s %8s\n' "  $label: JS glue" "$(wc -c < "$glue")" "$(gz "$glue")"
  printf '%-34s %8s %8s\n' "  $label: total" "$(( $(wc -c < "$wasm") + $(wc -c < "$glue") ))" "$(( $(gz "$wasm") + $(gz "$glue") ))"
done

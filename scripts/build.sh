#!/usr/bin/env bash
# Builds the npm package into pkg/: release wasm, wasm-bindgen glue,
# wasm-opt -Oz, and the files from pkg-template/.
#
# PKG_FEATURES=panic-probe PKG_DIR=tests/out/probe-pkg scripts/build.sh builds
# the test-only package whose calls fail on purpose (src/bindings/probe.rs),
# in a target directory of its own.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ROOT"

ensure_wasm_target
ensure_wasm_bindgen
ensure_npm_deps

out="${PKG_DIR:-pkg}"
features="${PKG_FEATURES:-}"
target_dir="target${features:+/$features}"

# What the package is made from, with the tools that make it. When none of it
# changed since $out was last built, $out is left as it is.
stamp="target/$(basename "$out").stamp"
inputs_digest() {
  {
    rustc --version
    wasm-bindgen --version
    echo "features=$features"
    find src pkg-template scripts/build.sh scripts/setup.sh Cargo.toml Cargo.lock LICENSE README.md \
      node_modules/.package-lock.json -type f -print0 | sort -z | xargs -0 sha256sum
  } | sha256sum | cut -d' ' -f1
}
digest="$(inputs_digest)"
link_pkg() {
  # The JS tests and bench/ import the package by its name.
  if [ "$out" = pkg ]; then
    ln -sfn ../pkg node_modules/turso-platform-wasm
  fi
}
if [ -f "$out/turso_platform_wasm_bg.wasm" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$digest" ]; then
  link_pkg
  log "$out/ is up to date: nothing it is built from changed since it was built"
  exit 0
fi
rm -f "$stamp"

log "building the release wasm"
# Panic locations name source files; without the remapping they would ship
# this machine's home and checkout paths inside the .wasm.
registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
RUSTFLAGS="--remap-path-prefix=$registry=crates --remap-path-prefix=$ROOT=turso-platform-wasm" \
  cargo build --release --target wasm32-unknown-unknown --lib --target-dir "$target_dir" \
  ${features:+--features "$features"}

rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$target_dir/wasm32-unknown-unknown/release/turso_platform_wasm.wasm"

log "optimizing: wasm-opt -Oz (binaryen from npm) and the JS glue minified (esbuild)"
optimize_output "$out" turso_platform_wasm

cp pkg-template/index.d.ts pkg-template/node.js pkg-template/browser.js pkg-template/workerd.js LICENSE "$out/"
version="$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)"
sed "s/0.0.0-set-by-build/$version/" pkg-template/package.json > "$out/package.json"
# The npm README is this repository's README without its developer section.
sed '/<!-- dev:start -->/,/<!-- dev:end -->/d' README.md > "$out/README.md"

link_pkg
mkdir -p target
echo "$digest" > "$stamp"

log "$out/ is ready: $(wc -c < "$out/turso_platform_wasm_bg.wasm") bytes of wasm${features:+, with $features}"

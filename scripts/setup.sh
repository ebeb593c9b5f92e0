# Installs what the build and tests need when it is missing. Sourced by the
# other scripts; each step is a no-op on a machine that already has it.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown rustup target"
    rustup target add wasm32-unknown-unknown
  fi
}

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ] ||
     [ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    log "installing wasm-bindgen-cli $want (about 3 minutes)"
    # Not --locked: the CLI's own lockfile fails to build today.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# npm records what it installed in node_modules/.package-lock.json; it is
# stale when package-lock.json is newer.
ensure_npm_deps() {
  local installed="$ROOT/node_modules/.package-lock.json"
  if [ ! -f "$installed" ] || [ "$ROOT/package-lock.json" -nt "$installed" ]; then
    log "installing npm dev dependencies from package-lock.json"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

# Shrinks what wasm-bindgen wrote for <name> in <dir>: wasm-opt -Oz on the
# .wasm, esbuild on the JS glue. Shared with bench/floor, which must be built
# the same way as the package to be compared with it.
optimize_output() {
  local dir="$1" name="$2"
  # The features Rust's wasm32 target emits; not --all-features, which lets
  # wasm-opt use stringref and Node 20 then rejects the module.
  "$ROOT/node_modules/.bin/wasm-opt" -Oz --converge --strip-debug --strip-producers \
    --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types --enable-multivalue \
    "$dir/${name}_bg.wasm" -o "$dir/${name}_bg.wasm"
  # The glue and the snippets, whitespace and syntax only: names are kept, so
  # stack traces still read. No tsconfig.json is read: one in a folder above
  # the checkout must not matter. A warning fails the build.
  #
  # wasm-bindgen 0.2.130 gives the glue's import object one entry per function
  # the .wasm imports straight from a snippet (cli-support's
  # generate_esm_cjs_imports), so a snippet with several, such as calls.js,
  # has its key repeated, each time with that same module's namespace: no
  # harm, and that warning is silenced for the glue alone.
  local js warnings quiet
  for js in "$dir/$name.js" $(find "$dir" -path "$dir/snippets/*" -name '*.js'); do
    quiet=()
    [ "$js" = "$dir/$name.js" ] && quiet=(--log-override:duplicate-object-key=silent)
    warnings="$("$ROOT/node_modules/.bin/esbuild" "$js" --minify-whitespace --minify-syntax --tsconfig-raw='{}' \
      --format=esm --log-level=warning --allow-overwrite --outfile="$js" "${quiet[@]}" 2>&1)"
    if [ -n "$warnings" ]; then
      printf '%s\n' "$warnings" >&2
      log "esbuild warned about $js"
      return 1
    fi
  done
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing Debian's chromium and chromium-driver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

#!/usr/bin/env bash
# Installs what building and testing need, and only what is missing: a second run installs
# nothing and prints one line per tool. Used by `make run`, `make test`, `make dist` and CI.
#
#   .ci/install-tools.sh            build tools: wasm32 target, wasm-bindgen-cli, wasm-opt
#   .ci/install-tools.sh --serve    also trunk (make run serves with it)
#   .ci/install-tools.sh --browser  also Chromium, ChromeDriver, fonts and poppler (for tests)
#
# `make dist` and `make test` build without trunk (xtask bundle), which saves its nine-minute
# install on a fresh machine; only `make run` needs it.
#
# Versions are pinned: trunk 0.21.14 (newer needs a newer rustc), wasm-bindgen-cli = the
# wasm-bindgen in Cargo.lock (installed without --locked), binaryen 132 from npm into .tools/
# (Debian's binaryen 108 silently breaks the module). The Makefile puts .tools first on PATH.
# esbuild from npm into .tools/ minifies the inline JS and CSS of the single file.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
ESBUILD_VERSION="0.25.9"
# fonts-liberation2: Liberation 1.07 lacks ơ and ư (U+01A1, U+01B0); printed Vietnamese needs 2.x.
APT_PACKAGES=(chromium chromium-driver fonts-liberation fonts-liberation2 poppler-utils)

have() { echo "$1: đã có"; }
installing() { echo "$1: đang cài..."; }

# The wasm-bindgen version the app is built with, read from Cargo.lock.
lock_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' Cargo.lock
}

need_cargo() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "cargo không có trên máy: cài Rust bằng rustup (https://rustup.rs) rồi chạy lại." >&2
    exit 1
  fi
}

wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    have "wasm32-unknown-unknown"
  else
    installing "wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

trunk_tool() {
  if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    have "trunk $TRUNK_VERSION"
  else
    installing "trunk $TRUNK_VERSION"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

wasm_bindgen_tool() {
  local version
  version="$(lock_version wasm-bindgen)"
  if [[ -z "$version" ]]; then
    echo "Cargo.lock không ghi phiên bản wasm-bindgen: chạy 'cargo generate-lockfile'." >&2
    exit 1
  fi
  if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $version" &&
    wasm-bindgen-test-runner --version 2>/dev/null | grep -q "$version"; then
    have "wasm-bindgen-cli $version"
  else
    installing "wasm-bindgen-cli $version"
    # Without --locked: the CLI's own lock file pins crates that no longer build on this rustc.
    cargo install wasm-bindgen-cli --version "$version" --force
  fi
}

npm_install() {
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --loglevel=error "$@"
}

wasm_opt_tool() {
  if [[ -x .tools/node_modules/.bin/wasm-opt ]] &&
    .tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
    have "binaryen $BINARYEN_VERSION (wasm-opt)"
  else
    installing "binaryen $BINARYEN_VERSION (wasm-opt)"
    npm_install "binaryen@$BINARYEN_VERSION"
  fi
}

# Minifies the inline JS and CSS of the single file (xtask/src/minify.rs).
esbuild_tool() {
  if [[ "$(.tools/node_modules/.bin/esbuild --version 2>/dev/null)" == "$ESBUILD_VERSION" ]]; then
    have "esbuild $ESBUILD_VERSION"
  else
    installing "esbuild $ESBUILD_VERSION"
    npm_install "esbuild@$ESBUILD_VERSION"
  fi
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "$@"
}

browser_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      have "$pkg"
    else
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]})); then
    installing "${missing[*]}"
    apt_install "${missing[@]}"
  fi
}

# trunk builds offline (Trunk.toml): crates must already be in the cargo cache. The build
# without trunk uses them too.
crates() {
  cargo fetch --quiet
  echo "crates (cargo fetch): đủ"
}

need_cargo
wasm_target
if [[ "${1:-}" == "--serve" ]]; then
  trunk_tool
fi
wasm_bindgen_tool
wasm_opt_tool
esbuild_tool
crates
if [[ "${1:-}" == "--browser" ]]; then
  browser_packages
fi

# Theo dõi Chỉ số CCHC. Two commands for people: `make run` and `make test`. Also `make dist`.
# Each installs what is missing first (.ci/install-tools.sh) and says "đã có" for what is there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# binaryen 132 from npm must come before any wasm-opt of the system.
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: bench run test dist tools tools-serve tools-browser test-core test-components test-e2e screenshots

## make run: build, print the single file's path, serve on http://127.0.0.1:8080
run: tools-serve dist
	@echo "Tệp một trang (mở bằng nhấp đúp): $(CURDIR)/dist/cchc.html"
	@echo "Đang phục vụ tại http://127.0.0.1:8080 (Ctrl+C để dừng)"
	trunk serve --release --dist target/serve

## make test: every test layer, in order of cost
test: tools-browser test-core test-components dist test-e2e
	@echo "make test: mọi lớp kiểm thử đều đạt"

## make dist: dist/cchc.html, the release, and its size (built without trunk: xtask bundle)
dist: tools
	cargo run --quiet -p xtask -- dist

tools:
	@.ci/install-tools.sh

tools-serve:
	@.ci/install-tools.sh --serve

tools-browser:
	@.ci/install-tools.sh --browser

# Native: the pure crate (and the build steps). The core must stay free of browser crates.
test-core:
	@if cargo tree -p cchc-core --target all -e normal,build --prefix none \
	    | grep -E '^(leptos|web-sys|js-sys|wasm-bindgen|gloo)'; then \
	  echo "cchc-core phụ thuộc vào crate của trình duyệt (xem ở trên): không được phép" >&2; exit 1; \
	fi
	cargo test -p cchc-core -p xtask -- --skip merge_is_a_lossless_join
	@# The merge properties on their own, so that the counts of hard cases are printed.
	cargo test -p cchc-core --test merge_properties -- --nocapture

# wasm-bindgen-test in headless Chromium (runner set in .cargo/config.toml).
test-components: tools-browser
	cargo test -p cchc --target wasm32-unknown-unknown

# Needs dist/ (make dist): serves it on 127.0.0.1 and opens dist/cchc.html from file://.
test-e2e:
	cargo test -p cchc-e2e -- --test-threads=1

## make screenshots: docs/screenshots/*.png at 1366×768 (after make dist)
screenshots: tools-browser dist
	cargo test -p cchc-e2e -- --ignored --test-threads=1 screenshot

## make bench: sizes and times against TiddlyWiki's empty edition, native core benchmarks,
## written to docs/PERFORMANCE.md (not part of make test)
bench: tools-browser dist
	@mkdir -p target/bench
	@if [[ ! -f target/bench/tiddlywiki/output/empty.html ]]; then \
	  npm install --prefix target/bench --no-audit --no-fund --loglevel=error tiddlywiki@5.4.1 && \
	  rm -rf target/bench/tiddlywiki && cp -r target/bench/node_modules/tiddlywiki/editions/empty target/bench/tiddlywiki && \
	  target/bench/node_modules/.bin/tiddlywiki target/bench/tiddlywiki --build empty; \
	fi
	cargo bench -p cchc-core --bench core 2>&1 | tee target/bench/core.txt
	@command -v twiggy >/dev/null 2>&1 || cargo install twiggy --version 0.8.0 --locked
	wasm-bindgen target/wasm32-unknown-unknown/release/cchc.wasm --out-dir target/bench/profile --target web --keep-debug
	wasm-opt -Oz -g target/bench/profile/cchc_bg.wasm -o target/bench/profile/named.wasm
	twiggy top -n 1000000 -f csv target/bench/profile/named.wasm > target/bench/profile.csv
	cargo run --release -p cchc-e2e --bin bench

//! `dist/` (trunk's output) → `dist/cchc.html`, one self-contained page:
//! - the stylesheet inlined as `<style>`;
//! - trunk's loader replaced by one inline module script: the wasm-bindgen JS glue, then the
//!   wasm, gzipped (zopfli) and base85-encoded, inflated by `DecompressionStream` fed from
//!   `Blob.stream()` (fetching `data:`/`blob:` URLs is forbidden by our CSP) and handed to
//!   `__wbg_init({ module_or_path: bytes })`;
//! - preload links dropped;
//! - a Content-Security-Policy meta tag before any script, with the SHA-256 of every inline
//!   script, computed last over the exact text written.

use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::html::{self, find_ci, Tag};
use crate::minify;

/// Everything but scripts (hashed) and the wasm (`wasm-unsafe-eval`) is closed. Styles stay
/// `unsafe-inline`: Leptos sets `style` attributes, which hashes cannot cover.
const CSP_REST: &str = "'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; \
connect-src 'none'; base-uri 'none'; form-action 'none'";

pub fn build(dist: &Path) -> Result<Vec<u8>, String> {
    let index = read_text(&dist.join("index.html"))?;
    let glue_path = only_file(dist, |name| name.ends_with(".js"))?;
    let wasm_path = only_file(dist, |name| name.ends_with("_bg.wasm"))?;
    if dist.join("snippets").exists() {
        return Err(
            "dist/snippets exists: inline_js snippets are not supported by the single file".into(),
        );
    }
    let glue = read_text(&glue_path)?;
    let wasm = fs::read(&wasm_path).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    let glue_name = file_name(&glue_path);

    let mut page = rewrite(&index, dist, &glue_name, &boot_script(&glue, &wasm)?)?;
    page = add_csp(&page)?;
    check_self_contained(&page)?;
    Ok(page.into_bytes())
}

/// Replaces trunk's links and loader in `index` with inline content.
fn rewrite(index: &str, dist: &Path, glue_name: &str, boot: &str) -> Result<String, String> {
    let tags = html::tags(index)?;
    let mut out = String::with_capacity(index.len() + boot.len());
    let mut last = 0;
    let mut loader_replaced = false;
    for tag in &tags {
        let replacement = match tag.name.as_str() {
            "link" => inline_link(tag, dist)?,
            "script" if is_trunk_loader(tag, index, glue_name) => {
                loader_replaced = true;
                Some(boot.to_string())
            }
            _ => None,
        };
        if let Some(replacement) = replacement {
            out.push_str(&index[last..tag.span.start]);
            out.push_str(&replacement);
            last = tag.span.end;
        }
    }
    out.push_str(&index[last..]);
    if !loader_replaced {
        return Err(format!(
            "no trunk loader importing {glue_name} in dist/index.html"
        ));
    }
    Ok(out)
}

/// What replaces a `<link>`; `None` keeps it as written.
fn inline_link(tag: &Tag, dist: &Path) -> Result<Option<String>, String> {
    let rel = tag.attr("rel").unwrap_or_default();
    let href = tag.attr("href").unwrap_or_default();
    if href.starts_with("data:") {
        // Already inline (the icon).
        return Ok(None);
    }
    match rel {
        // The wasm and glue are inlined in the loader; nothing to preload.
        "preload" | "modulepreload" => Ok(Some(String::new())),
        "stylesheet" => {
            let css = minify::css(&read_text(&dist.join(href.trim_start_matches("./")))?)?;
            if find_ci(&css, "</style").is_some() {
                return Err(format!("{href} contains </style"));
            }
            Ok(Some(format!("<style>\n{css}\n</style>")))
        }
        _ => Err(format!(
            "unexpected <link rel=\"{rel}\" href=\"{href}\"> in dist/index.html"
        )),
    }
}

fn is_trunk_loader(tag: &Tag, index: &str, glue_name: &str) -> bool {
    tag.body
        .as_ref()
        .is_some_and(|body| index[body.clone()].contains(glue_name))
}

/// The wasm as a data block (a script element of a type browsers never run: the HTML parser
/// reads it, the JS engine never parses it, which saves start-up a parse of 600 KB of string
/// literal), then the module script: glue, then our start-up. Our names start with `cchc`
/// because the glue declares `wasm` and friends at module level.
fn boot_script(glue: &str, wasm: &[u8]) -> Result<String, String> {
    if !glue.contains("async function __wbg_init(") {
        return Err("the JS glue has no `__wbg_init`: wasm-bindgen changed its output".into());
    }
    let exports = exported_functions(glue).join(", ");
    let packed = gzip(wasm)?;
    let module = minify::js_module(&loader(glue, &exports, packed.len()))?;
    if module.contains("<!--") {
        return Err(
            "the start-up script contains `<!--`, which would change how the page is parsed".into(),
        );
    }
    let module = escape_script_end(&module);
    let wasm_text = base85(&packed);
    Ok(format!(
        r#"<script type="application/x-cchc-wasm" id="cchc-wasm">{wasm_text}</script><script type="module">{module}</script>"#
    ))
}

/// The module script before minifying: the glue, then ours, which inflates the data block
/// and starts the app.
fn loader(glue: &str, exports: &str, length: usize) -> String {
    format!(
        r#"{glue}
// ---- cchc single file: inflate the embedded wasm and start ----
const cchcWasmGzip = document.getElementById("cchc-wasm").textContent;
const cchcWasmGzipLength = {length};
// Base 85 over printable ASCII without " ' \ ` < > & $ {{, so the text needs no escaping in a
// script: 5 characters for 4 bytes (base 64 takes 5⅓).
function cchcBase85(cchcText, cchcLength) {{
  const cchcDigits = "{BASE85}";
  const cchcValue = new Uint8Array(128);
  for (let cchcI = 0; cchcI < 85; cchcI++) cchcValue[cchcDigits.charCodeAt(cchcI)] = cchcI;
  const cchcOut = new Uint8Array(cchcText.length / 5 * 4);
  for (let cchcI = 0, cchcO = 0; cchcI < cchcText.length; cchcI += 5) {{
    let cchcV = 0;
    for (let cchcJ = 0; cchcJ < 5; cchcJ++) cchcV = cchcV * 85 + cchcValue[cchcText.charCodeAt(cchcI + cchcJ)];
    cchcOut[cchcO++] = cchcV >>> 24; cchcOut[cchcO++] = (cchcV >>> 16) & 255;
    cchcOut[cchcO++] = (cchcV >>> 8) & 255; cchcOut[cchcO++] = cchcV & 255;
  }}
  return cchcOut.subarray(0, cchcLength);
}}
// The phases of start-up are marked for `make bench` (User Timing: cchc-decoded, -inflated, -started).
async function cchcInflate(cchcText) {{
  const cchcPacked = cchcBase85(cchcText, cchcWasmGzipLength);
  performance.mark("cchc-decoded");
  const cchcStream = new Blob([cchcPacked]).stream().pipeThrough(new DecompressionStream("gzip"));
  const cchcWasm = new Uint8Array(await new Response(cchcStream).arrayBuffer());
  performance.mark("cchc-inflated");
  return cchcWasm;
}}
cchcInflate(cchcWasmGzip)
  .then((cchcBytes) => __wbg_init({{ module_or_path: cchcBytes }}))
  .then(() => {{ performance.mark("cchc-started"); window.wasmBindings = {{ {exports} }}; }})
  .catch((cchcError) => {{
    console.error(cchcError);
    if (window.cchcRescue) window.cchcRescue.loadFailed(cchcError);
  }});
"#
    )
}

/// The digits of our base 85: printable ASCII without the characters that mean something in a
/// script or in HTML (`"`, `'`, `\`, `` ` ``, `<`, `>`, `&`) and two more to make 85.
const BASE85: &str =
    "!#%()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz|}~";

/// 4 bytes → 5 digits, big-endian; the last group padded with zeros (the length says where
/// the bytes end).
fn base85(bytes: &[u8]) -> String {
    let digits = BASE85.as_bytes();
    let mut out = String::with_capacity(bytes.len().div_ceil(4) * 5);
    for chunk in bytes.chunks(4) {
        let mut group = [0u8; 4];
        group[..chunk.len()].copy_from_slice(chunk);
        let mut v = u32::from_be_bytes(group);
        let mut five = [0u8; 5];
        for d in five.iter_mut().rev() {
            *d = digits[(v % 85) as usize];
            v /= 85;
        }
        out.extend(five.iter().map(|&b| char::from(b)));
    }
    out
}

/// `</script` anywhere in the glue (a string, a comment) would end our inline script early.
fn escape_script_end(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(i) = find_ci(rest, "</script") {
        out.push_str(&rest[..i]);
        out.push_str("<\\/");
        out.push_str(&rest[i + 2..i + 8]);
        rest = &rest[i + 8..];
    }
    out.push_str(rest);
    out
}

/// `export function name(` of the glue: what trunk's loader exposes as `window.wasmBindings`.
fn exported_functions(glue: &str) -> Vec<&str> {
    glue.lines()
        .filter_map(|line| line.strip_prefix("export function "))
        .filter_map(|rest| rest.split('(').next())
        .map(str::trim)
        .filter(|name| name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect()
}

/// Gzip with zopfli: slower to write than flate2's best, about 4 % smaller, and read by the
/// same `DecompressionStream("gzip")`.
fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let options = zopfli::Options {
        iteration_count: std::num::NonZeroU64::new(5).unwrap_or(std::num::NonZeroU64::MIN),
        ..Default::default()
    };
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// Puts the CSP meta right after `<meta charset>`, before any script, with one hash per inline
/// script of the final page.
fn add_csp(page: &str) -> Result<String, String> {
    let tags = html::tags(page)?;
    let hashes: Vec<String> = tags
        .iter()
        .filter(|t| t.name == "script")
        .filter_map(|t| t.body.clone())
        .map(|body| format!("'sha256-{}'", sha256_b64(&page[body])))
        .collect();
    if hashes.is_empty() {
        return Err("no inline script found".into());
    }
    let charset = tags
        .iter()
        .find(|t| t.name == "meta" && t.attrs.contains_key("charset"))
        .ok_or("dist/index.html has no <meta charset>")?;
    let first_script = tags
        .iter()
        .find(|t| t.name == "script")
        .map(|t| t.span.start)
        .unwrap_or(page.len());
    if first_script < charset.span.end {
        return Err("a script comes before <meta charset>".into());
    }
    let meta = format!(
        "\n    <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src {} {CSP_REST}\">",
        hashes.join(" ")
    );
    let at = charset.span.end;
    Ok(format!("{}{meta}{}", &page[..at], &page[at..]))
}

pub fn sha256_b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

/// The page must load nothing: no `src`, and `href` only to in-page anchors or data.
fn check_self_contained(page: &str) -> Result<(), String> {
    for tag in html::tags(page)? {
        for attr in ["src", "href", "srcset", "poster", "data", "action"] {
            if let Some(value) = tag.attr(attr) {
                if !(value.starts_with('#') || value.starts_with("data:")) {
                    return Err(format!(
                        "<{} {attr}=\"{value}\"> loads from outside",
                        tag.name
                    ));
                }
            }
        }
    }
    Ok(())
}

fn only_file(dir: &Path, wanted: impl Fn(&str) -> bool) -> Result<PathBuf, String> {
    let entries = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e} (run `trunk build --release` first)", dir.display()))?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && wanted(&file_name(p)))
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        n => Err(format!(
            "expected exactly one such file in {}, found {n}: {found:?}",
            dir.display()
        )),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read_text(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_end_is_escaped_in_any_case() {
        assert_eq!(
            escape_script_end("a</script>b</SCRIPT>c"),
            "a<\\/script>b<\\/SCRIPT>c"
        );
        assert_eq!(escape_script_end("no end here"), "no end here");
    }

    #[test]
    fn exports_are_read_from_the_glue() {
        let glue =
            "export function debug_panic() {\n}\nfunction private() {}\nexport function x_2(a) {}";
        assert_eq!(exported_functions(glue), vec!["debug_panic", "x_2"]);
    }

    #[test]
    fn csp_goes_after_charset_and_hashes_the_exact_script_text() {
        let page = "<html><head><meta charset=\"utf-8\"><script>alert(1)</script></head></html>";
        let out = add_csp(page).unwrap();
        let csp_at = out.find("Content-Security-Policy").unwrap();
        assert!(csp_at < out.find("<script>").unwrap());
        assert!(out.contains(&format!("'sha256-{}'", sha256_b64("alert(1)"))));
        assert!(out.contains("connect-src 'none'"));
    }

    #[test]
    fn outside_references_are_refused() {
        assert!(check_self_contained("<img src=\"x.png\">").is_err());
        assert!(check_self_contained("<link rel=\"icon\" href=\"https://x\">").is_err());
        assert!(check_self_contained(
            "<a href=\"#/tieu-chi\">x</a><img src=\"data:image/png;base64,AA\">"
        )
        .is_ok());
    }

    #[test]
    fn base85_digits_are_safe_in_a_script_and_round_trip() {
        assert_eq!(BASE85.len(), 85);
        assert!(!BASE85.contains(['"', '\'', '\\', '`', '<', '>', '&', '$', '{']));
        let mut unique: Vec<char> = BASE85.chars().collect();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), 85);
        let data: Vec<u8> = (0..=255u8).chain([0, 0, 0, 255, 255, 255, 255]).collect();
        let text = base85(&data);
        // Decode as the page does.
        let value = |c: char| BASE85.find(c).unwrap() as u64;
        let chars: Vec<char> = text.chars().collect();
        let mut back = Vec::new();
        for five in chars.chunks(5) {
            let v = five.iter().fold(0u64, |v, c| v * 85 + value(*c)) as u32;
            back.extend(v.to_be_bytes());
        }
        back.truncate(data.len());
        assert_eq!(back, data);
    }

    #[test]
    fn gzip_round_trips() {
        use std::io::Read;
        let data = b"wasm bytes ".repeat(100);
        let packed = gzip(&data).unwrap();
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, data);
    }
}

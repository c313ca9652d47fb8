//! dist/cchc.html is self-contained: nothing is loaded from outside it, and its CSP forbids
//! connections. Read natively, without a browser.

use std::collections::BTreeMap;

use base64::Engine;
use cchc_e2e::single_file;
use sha2::{Digest, Sha256};

/// Start tags with their attributes; `<script>` bodies kept. Independent of xtask's scanner.
fn elements(html: &str) -> Vec<(String, BTreeMap<String, String>, Option<String>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if rest.starts_with("!--") {
            let end = rest.find("-->").expect("closed comment");
            rest = &rest[end + 3..];
            continue;
        }
        if rest.starts_with('/') || rest.starts_with('!') {
            continue;
        }
        let end = rest.find('>').expect("closed tag");
        let inside = &rest[..end];
        let name: String = inside
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let attrs = attributes(&inside[name.len()..]);
        rest = &rest[end + 1..];
        let mut body = None;
        if name == "script" || name == "style" {
            let close = rest
                .to_ascii_lowercase()
                .find(&format!("</{name}"))
                .expect("closed script/style");
            body = Some(rest[..close].to_string());
            rest = &rest[close..];
        }
        out.push((name, attrs, body));
    }
    out
}

fn attributes(mut s: &str) -> BTreeMap<String, String> {
    let mut attrs = BTreeMap::new();
    loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if s.is_empty() {
            return attrs;
        }
        let key_end = s
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(s.len());
        let key = s[..key_end].to_ascii_lowercase();
        s = &s[key_end..];
        let mut value = String::new();
        if let Some(after) = s.strip_prefix('=') {
            let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'');
            if let Some(q) = quote {
                let close = after[1..].find(q).expect("closed attribute");
                value = after[1..1 + close].to_string();
                s = &after[close + 2..];
            } else {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                value = after[..end].to_string();
                s = &after[end..];
            }
        }
        attrs.insert(key, value);
    }
}

fn page() -> String {
    std::fs::read_to_string(single_file()).expect("dist/cchc.html is UTF-8")
}

#[test]
fn loads_nothing_from_outside() {
    let html = page();
    let elements = elements(&html);
    assert!(elements.iter().any(|(n, _, _)| n == "script"));
    for (name, attrs, _) in &elements {
        for attr in [
            "src",
            "href",
            "srcset",
            "data",
            "poster",
            "action",
            "xlink:href",
        ] {
            if let Some(value) = attrs.get(attr) {
                assert!(
                    value.starts_with('#') || value.starts_with("data:"),
                    "<{name} {attr}={value:?}> loads from outside"
                );
            }
        }
        assert_ne!(name, "iframe");
        assert_ne!(name, "base");
        if name == "link" {
            let rel = attrs.get("rel").map(String::as_str).unwrap_or_default();
            assert_eq!(
                rel, "icon",
                "only the inline icon stays a <link>: {attrs:?}"
            );
        }
    }
    for (name, _, body) in &elements {
        if name == "style" {
            let css = body.as_deref().unwrap_or_default().to_ascii_lowercase();
            assert!(!css.contains("@import"), "no CSS imports");
        }
    }
    // Fonts or images in CSS only as data:.
    for (pos, _) in html.match_indices("url(") {
        let arg = html[pos + 4..].trim_start_matches(['"', '\'']);
        assert!(
            arg.starts_with("data:"),
            "url( at byte {pos}: {}",
            &html[pos..pos + 40]
        );
    }
}

#[test]
fn csp_comes_first_forbids_connections_and_hashes_every_script() {
    let html = page();
    let elements = elements(&html);
    let csp_index = elements
        .iter()
        .position(|(n, a, _)| {
            n == "meta"
                && a.get("http-equiv")
                    .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
        })
        .expect("a CSP meta tag");
    let first_script = elements
        .iter()
        .position(|(n, _, _)| n == "script")
        .expect("a script");
    assert!(
        csp_index < first_script,
        "the CSP must come before any script"
    );

    let csp = &elements[csp_index].1["content"];
    let directives: BTreeMap<&str, Vec<&str>> = csp
        .split(';')
        .filter_map(|d| {
            let mut parts = d.split_whitespace();
            Some((parts.next()?, parts.collect()))
        })
        .collect();
    assert_eq!(directives["default-src"], ["'none'"]);
    assert_eq!(directives["connect-src"], ["'none'"]);
    assert_eq!(directives["base-uri"], ["'none'"]);
    assert_eq!(directives["form-action"], ["'none'"]);
    let script_src = &directives["script-src"];
    assert!(script_src.contains(&"'wasm-unsafe-eval'"));
    assert!(
        !script_src.contains(&"'unsafe-inline'"),
        "hashes, not unsafe-inline"
    );
    assert!(!script_src.contains(&"'unsafe-eval'"));

    // Every inline script is allowed by its exact hash; nothing else is.
    let mut expected: Vec<String> = elements
        .iter()
        .filter(|(n, _, _)| n == "script")
        .map(|(_, _, body)| {
            let digest = sha256(body.as_deref().unwrap_or_default().as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let mut listed: Vec<String> = script_src
        .iter()
        .filter(|s| s.starts_with("'sha256-"))
        .map(|s| s.to_string())
        .collect();
    expected.sort();
    listed.sort();
    assert_eq!(listed, expected);
}

#[test]
fn wasm_is_embedded_gzipped_and_size_is_within_budget() {
    let html = page();
    // The start-up script (minified) inflates with DecompressionStream and starts the module
    // from the bytes.
    assert!(html.contains("new DecompressionStream(\"gzip\")"));
    assert!(html.contains("module_or_path:"));
    // The data block decodes as the page decodes it: base 85, then gzip, then a wasm module.
    let wasm = inflate(&base85_decode(&data_block(&html), &digits_in_page(&html)));
    assert_eq!(&wasm[..4], b"\0asm", "the data block holds a wasm module");
    let size = html.len();
    // A ceiling against accidents (a debug build, a duplicated table, a crate pulled in by
    // mistake), not the budget: the product's budget, 400 KB with the seed built in (issue 9),
    // is measured by `make bench` and reported in docs/PERFORMANCE.md. With every view built
    // the file is over it, and that page says by how much and why.
    assert!(size <= 620 * 1024, "dist/cchc.html is {size} bytes");
}

/// The text of `<script type="application/x-cchc-wasm">`.
fn data_block(html: &str) -> String {
    let open = "<script type=\"application/x-cchc-wasm\" id=\"cchc-wasm\">";
    let start = html.find(open).expect("the wasm data block") + open.len();
    let end = start + html[start..].find("</script>").expect("its end");
    html[start..end].to_string()
}

/// The page's base 85: its digits are read from the page itself; 5 digits → 4 bytes.
fn base85_decode(text: &str, digits: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() / 5 * 4);
    for five in text.as_bytes().chunks(5) {
        let v = five.iter().fold(0u64, |v, c| {
            v * 85 + digits.find(char::from(*c)).expect("a base 85 digit") as u64
        });
        out.extend((v as u32).to_be_bytes());
    }
    out
}

/// The 85-character alphabet string literal in the start-up script.
fn digits_in_page(html: &str) -> String {
    let at = html
        .find("!#%()*+,-./0123")
        .expect("the base 85 alphabet in the page");
    html[at..at + 85].to_string()
}

fn inflate(gzipped: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    // The zero padding of the last group comes after the gzip member; the decoder stops at
    // the member's end and checks its CRC.
    flate2::read::GzDecoder::new(gzipped)
        .read_to_end(&mut out)
        .expect("the embedded wasm inflates");
    out
}

fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

//! Writing XML text safely: the one escape every writer (docx, xlsx, SVG) uses.

use std::fmt::Write as _;

/// The XML declaration every OOXML part starts with.
pub const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Text escaped for XML content and attribute values. Characters XML 1.0 forbids
/// (control characters pasted from other programs) are dropped: one of them would
/// make Word refuse the whole file.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

fn allowed(c: char) -> bool {
    !c.is_control() && c != '\u{FFFE}' && c != '\u{FFFF}'
}

/// `name="value"` pairs, escaped, each with a leading space.
pub fn attrs(pairs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (name, value) in pairs {
        // Writing to a String cannot fail.
        let _ = write!(out, r#" {name}="{}""#, esc(value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_forbids() {
        let cases = [
            ("Tư pháp - Hộ tịch", "Tư pháp - Hộ tịch"),
            ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
            (r#"say "hi" 'x'"#, "say &quot;hi&quot; &apos;x&apos;"),
            ("bell\u{7}\u{0}end\u{FFFF}", "bellend"),
            ("tab\tnew\nline", "tab\tnew\nline"),
        ];
        for (text, want) in cases {
            assert_eq!(esc(text), want);
        }
        assert_eq!(attrs(&[("a", "1"), ("b", "<")]), r#" a="1" b="&lt;""#);
    }
}

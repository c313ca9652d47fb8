//! Just enough HTML tag scanning for trunk's own, well-formed `dist/index.html`: find `<link>`
//! and `<script>` elements with their attributes and exact byte ranges. Anything surprising is
//! an error, never a guess: the output must be provably self-contained.

use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug)]
pub struct Tag {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
    /// Bytes of the whole element: the start tag, and for `<script>` also its body and end tag.
    pub span: Range<usize>,
    /// For `<script>`: the exact text between the start and end tags.
    pub body: Option<Range<usize>>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
}

/// Every start tag in `html` (comments skipped), with `<script>` bodies.
pub fn tags(html: &str) -> Result<Vec<Tag>, String> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            let end = rest
                .find("-->")
                .ok_or_else(|| format!("unclosed comment at byte {start}"))?;
            i = start + end + 3;
            continue;
        }
        if rest.starts_with("</") || rest.starts_with("<!") {
            i = start + 1;
            continue;
        }
        let (name, attrs, tag_end) = start_tag(html, start)?;
        let mut tag = Tag {
            name,
            attrs,
            span: start..tag_end,
            body: None,
        };
        if tag.name == "script" || tag.name == "style" {
            let close = format!("</{}", tag.name);
            let body_end = find_ci(&html[tag_end..], &close)
                .map(|o| tag_end + o)
                .ok_or_else(|| format!("unclosed <{}> at byte {start}", tag.name))?;
            let end = html[body_end..]
                .find('>')
                .map(|o| body_end + o + 1)
                .ok_or_else(|| format!("bad </{}> at byte {body_end}", tag.name))?;
            tag.body = Some(tag_end..body_end);
            tag.span = start..end;
        }
        i = tag.span.end;
        out.push(tag);
    }
    Ok(out)
}

/// Parses `<name a="b" c d='e'>` starting at `start`; returns the tag name, attributes and the
/// byte after `>`.
fn start_tag(
    html: &str,
    start: usize,
) -> Result<(String, BTreeMap<String, String>, usize), String> {
    let bytes = html.as_bytes();
    let mut i = start + 1;
    let name_start = i;
    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    if name.is_empty() {
        return Err(format!("bad tag at byte {start}"));
    }
    let mut attrs = BTreeMap::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        match bytes.get(i) {
            None => return Err(format!("unclosed <{name}> at byte {start}")),
            Some(b'>') => return Ok((name, attrs, i + 1)),
            Some(_) => {}
        }
        let key_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let key = html[key_start..i].to_ascii_lowercase();
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = html[i + 1..]
                        .find(q as char)
                        .ok_or_else(|| format!("unclosed attribute in <{name}> at byte {start}"))?;
                    value = html[i + 1..i + 1 + close].to_string();
                    i += close + 2;
                }
                _ => {
                    let v_start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = html[v_start..i].to_string();
                }
            }
        }
        attrs.insert(key, value);
    }
}

/// Case-insensitive find of an ASCII needle.
pub fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_and_script_bodies() {
        let html = r#"<html><head><!-- <link href="x"> --><link rel="stylesheet" href='a.css' integrity=x>
<script type="module">import x from './a.js'; if (a<b) {}</script></head></html>"#;
        let tags = tags(html).unwrap();
        let link = tags.iter().find(|t| t.name == "link").unwrap();
        assert_eq!(link.attr("href"), Some("a.css"));
        assert_eq!(link.attr("integrity"), Some("x"));
        let script = tags.iter().find(|t| t.name == "script").unwrap();
        assert_eq!(
            &html[script.body.clone().unwrap()],
            "import x from './a.js'; if (a<b) {}"
        );
        assert!(html[script.span.clone()].ends_with("</script>"));
        assert_eq!(
            tags.iter().filter(|t| t.name == "link").count(),
            1,
            "comment skipped"
        );
    }

    #[test]
    fn boolean_and_unquoted_attributes() {
        let tags = tags("<input disabled value=3 data-x>").unwrap();
        assert_eq!(tags[0].attr("disabled"), Some(""));
        assert_eq!(tags[0].attr("value"), Some("3"));
        assert_eq!(tags[0].attr("data-x"), Some(""));
    }

    #[test]
    fn unclosed_things_are_errors() {
        assert!(tags("<script>never closed").is_err());
        assert!(tags("<a href=\"x>").is_err());
        assert!(tags("<!-- open").is_err());
    }
}

//! Criterion codes: `1`, `1.2`, `2.2.1`, `7.1.1.1`, ordered numerically.

use std::fmt;

/// A criterion code. One segment is a domain (lĩnh vực); the parent is the code
/// without its last segment.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(Vec<u32>);

impl Code {
    /// Parses `7.1.1.1`, tolerating surrounding spaces and a trailing dot (`4.3 `, `1.`).
    /// Segments are whole numbers below 1000.
    pub fn parse(text: &str) -> Option<Code> {
        let text = text.trim().trim_end_matches('.');
        if text.is_empty() {
            return None;
        }
        let mut segments = Vec::new();
        for part in text.split('.') {
            if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            segments.push(part.parse().ok()?);
        }
        if segments.len() > 6 || segments[0] == 0 {
            return None;
        }
        Some(Code(segments))
    }

    pub fn segments(&self) -> &[u32] {
        &self.0
    }

    pub fn depth(&self) -> usize {
        self.0.len()
    }

    pub fn is_domain(&self) -> bool {
        self.0.len() == 1
    }

    /// The domain this code belongs to (`7.1.2.7` → `7`).
    pub fn domain(&self) -> Code {
        Code(self.0[..1].to_vec())
    }

    /// The code one level up, if any (`2.2.1` → `2.2`).
    pub fn parent(&self) -> Option<Code> {
        (self.0.len() > 1).then(|| Code(self.0[..self.0.len() - 1].to_vec()))
    }

    /// Every code above this one, nearest first (`7.1.2.7` → `7.1.2`, `7.1`, `7`).
    pub fn ancestors(&self) -> impl Iterator<Item = Code> + '_ {
        (1..self.0.len()).rev().map(|n| Code(self.0[..n].to_vec()))
    }

    /// Whether `self` lies strictly under `other`.
    pub fn is_under(&self, other: &Code) -> bool {
        self.0.len() > other.0.len() && self.0.starts_with(&other.0)
    }
}

/// A record's code as written ("2.3.1"), or nothing when it has none.
pub fn code_text(code: Option<&Code>) -> String {
    code.map_or(String::new(), Code::to_string)
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{s}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code({self})")
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Code::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("mã tiêu chí không hợp lệ: {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Code {
        Code::parse(s).unwrap()
    }

    #[test]
    fn parses_codes_as_real_plans_write_them() {
        let cases: &[(&str, Option<&[u32]>)] = &[
            ("1", Some(&[1])),
            ("1.2", Some(&[1, 2])),
            ("2.2.1", Some(&[2, 2, 1])),
            ("7.1.1.1", Some(&[7, 1, 1, 1])),
            ("4.3 ", Some(&[4, 3])),
            (" 1.", Some(&[1])),
            ("2.10", Some(&[2, 10])),
            ("", None),
            ("a.1", None),
            ("1..2", None),
            ("0", None),
            ("1.2.x", None),
            ("1,2", None),
            ("1234", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                Code::parse(text).as_ref().map(Code::segments),
                *want,
                "{text:?}"
            );
        }
    }

    #[test]
    fn orders_numerically() {
        let mut codes: Vec<Code> = [
            "2.10", "2.9", "10", "2", "1.2", "7.1.1.1", "7.1", "2.2.1", "2.2",
        ]
        .into_iter()
        .map(c)
        .collect();
        crate::order::sort(&mut codes);
        let shown: Vec<String> = codes.iter().map(Code::to_string).collect();
        assert_eq!(
            shown,
            ["1.2", "2", "2.2", "2.2.1", "2.9", "2.10", "7.1", "7.1.1.1", "10"]
        );
    }

    #[test]
    fn parent_domain_and_ancestors_come_from_the_code() {
        let cases = [
            ("2.2.1", Some("2.2"), "2"),
            ("1.2", Some("1"), "1"),
            ("7", None, "7"),
        ];
        for (code, parent, domain) in cases {
            assert_eq!(c(code).parent(), parent.map(c), "{code}");
            assert_eq!(c(code).domain(), c(domain), "{code}");
        }
        let up: Vec<String> = c("7.1.2.7").ancestors().map(|a| a.to_string()).collect();
        assert_eq!(up, ["7.1.2", "7.1", "7"]);
        assert!(c("2.2.1").is_under(&c("2")));
        assert!(!c("2.2").is_under(&c("2.2")));
        assert!(!c("2.20").is_under(&c("2.2")));
    }

    proptest::proptest! {
        #[test]
        fn display_round_trips(segs in proptest::collection::vec(1u32..999, 1..6)) {
            let code = Code(segs);
            proptest::prop_assert_eq!(Code::parse(&code.to_string()), Some(code));
        }
    }
}

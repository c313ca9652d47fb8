//! Small text tools for reading pasted tables.

/// Every run of whitespace (newlines included) as one space, trimmed.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the text holds at least one letter.
pub(crate) fn has_letter(text: &str) -> bool {
    text.chars().any(char::is_alphabetic)
}

/// Trims spaces and the punctuation that hangs at the ends of a cut phrase.
pub(crate) fn trim_punct(text: &str) -> &str {
    text.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ':' | ';' | ',' | '.' | '-' | '–' | '—' | '+' | '•' | '*' | '(' | ')'
            )
    })
}

/// A text folded char by char (lower case, no diacritics, `đ` → `d`) that remembers
/// where each folded byte came from, so a phrase found folded can be cut from the original.
pub(crate) struct Folded {
    pub text: String,
    origin: Vec<usize>,
    len: usize,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
            let piece: String = c
                .to_lowercase()
                .filter_map(crate::model::names::fold_char)
                .collect();
            origin.extend(std::iter::repeat_n(at, piece.len()));
            text.push_str(&piece);
        }
        Folded {
            text,
            origin,
            len: original.len(),
        }
    }

    /// The original byte offset of folded offset `i` (the end of the text past the last byte).
    pub fn origin(&self, i: usize) -> usize {
        self.origin.get(i).copied().unwrap_or(self.len)
    }

    /// Where `phrase` (folded, lower case) starts as whole words, from folded offset `from`.
    pub fn find_words(&self, phrase: &str, from: usize) -> Option<usize> {
        let mut start = from;
        while let Some(found) = self.text.get(start..).and_then(|rest| rest.find(phrase)) {
            let at = start + found;
            let end = at + phrase.len();
            let before = self.text[..at].chars().next_back();
            let after = self.text[end..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            if boundary(before) && boundary(after) {
                return Some(at);
            }
            start = at + phrase.chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

/// Roman numerals as plans number their domains: `I` to `XX`.
pub(crate) fn roman(text: &str) -> Option<u32> {
    const NUMERALS: [&str; 20] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    NUMERALS
        .iter()
        .position(|n| *n == text)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Whether most letters are capitals: domain rows are written `CẢI CÁCH HÀNH CHÍNH`.
pub(crate) fn mostly_upper(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    !letters.is_empty() && upper * 10 >= letters.len() * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_offsets_point_back_into_the_original() {
        let text = "Đ/c Thuận, Đ/c Phương Công chức";
        let f = Folded::new(text);
        assert_eq!(f.text, "d/c thuan, d/c phuong cong chuc");
        let at = f.find_words("cong chuc", 0).unwrap_or_default();
        assert_eq!(&text[f.origin(at)..], "Công chức");
        let second = f.find_words("d/c", 1).map_or(0, |i| f.origin(i));
        assert!(text[second..].starts_with("Đ/c Phương"));
        assert_eq!(f.find_words("chu", 0), None, "whole words only");
    }

    #[test]
    fn roman_numerals_and_capitals() {
        assert_eq!(roman("IV"), Some(4));
        assert_eq!(roman("IIII"), None);
        assert!(mostly_upper("CẢI CÁCH THỦ TỤC HÀNH CHÍNH"));
        assert!(!mostly_upper("Cải cách thủ tục hành chính"));
    }
}

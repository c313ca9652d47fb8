//! Names as people type them: folding for search and matching of unit names.
//!
//! `cai cach` finds `cải cách`, `d` finds `đ`, and `Văn hóa – TT` is the unit
//! `Văn hóa - Thông tin`: case, diacritics and dash styles do not matter.

/// Lower case, no diacritics (đ → d), every dash and run of spaces as one space.
///
/// Derived ids hash folded text (`ids`): changing what this returns changes the ids of the
/// built-in example, and officers on different versions could no longer merge. Tests pin it.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(fold_char)
    {
        let blank = c.is_whitespace() || matches!(c, '-' | '_');
        if blank {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The Vietnamese letters with diacritics, by base letter. A general transliteration
/// crate (deunicode) cost 470 KB of the single file for tables we never need: Vietnamese
/// text folds with these seven rows and the combining marks.
const VIETNAMESE: [(char, &str); 7] = [
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('i', "ìíỉĩị"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('u', "ùúủũụưừứửữự"),
    ('y', "ỳýỷỹỵ"),
    ('d', "đ"),
];

/// One lower-case character folded: the letter without its marks, every dash as `-`;
/// combining marks (text typed decomposed) vanish.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return None;
    }
    if matches!(c, '–' | '—' | '‑' | '−' | '‐') {
        return Some('-');
    }
    Some(
        VIETNAMESE
            .iter()
            .find(|(_, marked)| marked.contains(c))
            .map_or(c, |(base, _)| *base),
    )
}

/// Whether every word of the query occurs in the text, ignoring case and diacritics.
/// `folded_text` must come from [`fold`].
pub fn matches_query(folded_text: &str, query: &str) -> bool {
    matches_words(folded_text, &query_words(query))
}

/// The query's words, folded: fold it once, then test many texts with [`matches_words`].
pub fn query_words(query: &str) -> Vec<String> {
    fold(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn matches_words(folded_text: &str, words: &[String]) -> bool {
    words.iter().all(|w| folded_text.contains(w.as_str()))
}

/// Lower-case ASCII letters and digits, words joined by '-': text fit for a file name.
pub fn slug(text: &str) -> String {
    fold(text)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A download's name in plain ASCII, readable and safe on every system: the parts slugged,
/// the empty ones left out, joined by '-'.
pub fn file_name(parts: &[&str], extension: &str) -> String {
    let words: Vec<String> = parts
        .iter()
        .map(|part| slug(part))
        .filter(|s| !s.is_empty())
        .collect();
    format!("{}.{extension}", words.join("-"))
}

/// Words that name the kind of a unit or person, not the unit itself.
const PREFIXES: &[&str] = &[
    "cong chuc",
    "bo phan",
    "can bo",
    "doan the",
    "ban",
    "dong chi",
    "d/c",
    "dc",
];

/// The core of a unit name: folded, without "Công chức", "Bộ phận" and the like.
pub fn unit_key(name: &str) -> String {
    let mut key = fold(name);
    loop {
        let before = key.len();
        for p in PREFIXES {
            if let Some(rest) = key
                .strip_prefix(p)
                .filter(|r| r.is_empty() || r.starts_with(' '))
            {
                key = rest.trim_start().to_string();
            }
        }
        if key.len() == before {
            return key;
        }
    }
}

/// How a written unit name matched a known unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnitMatch {
    /// Same name, or a recorded spelling of it.
    Exact(usize),
    /// The first part matches and the rest abbreviates the second (`Tư pháp - HT`),
    /// or the first part alone names one unit (`Tư pháp`, `Văn phòng UBND`).
    Short(usize),
    /// The first part names one unit but the rest disagrees: probably a slip
    /// (`Tài chính – KH` for `Tài chính - Kế toán`).
    Slip(usize),
    /// Several units fit equally well.
    Ambiguous(Vec<usize>),
    Unknown,
}

impl UnitMatch {
    pub fn index(&self) -> Option<usize> {
        match self {
            UnitMatch::Exact(i) | UnitMatch::Short(i) | UnitMatch::Slip(i) => Some(*i),
            _ => None,
        }
    }
}

/// A unit as the matcher sees it: its name and the other spellings recorded for it.
pub struct UnitNames<'a> {
    pub name: &'a str,
    pub aliases: &'a [String],
}

/// Splits a folded unit key into its first part and the rest: `tu phap ho tich` has no
/// dash left after folding, so the split is by the canonical name's word count.
fn initials(words: &[&str]) -> String {
    words.iter().filter_map(|w| w.chars().next()).collect()
}

/// Matches a written unit name against known units, ignoring diacritics, case,
/// dash styles and prefixes such as "Công chức".
pub fn match_unit(written: &str, units: &[UnitNames<'_>]) -> UnitMatch {
    let key = unit_key(written);
    if key.is_empty() {
        return UnitMatch::Unknown;
    }
    let exact: Vec<usize> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| unit_key(u.name) == key || u.aliases.iter().any(|a| unit_key(a) == key))
        .map(|(i, _)| i)
        .collect();
    if let [one] = exact.as_slice() {
        return UnitMatch::Exact(*one);
    }
    let words: Vec<&str> = key.split(' ').collect();
    let mut short = Vec::new();
    let mut slips = Vec::new();
    for (i, u) in units.iter().enumerate() {
        let (head, tail) = split_name(u.name);
        let head_words: Vec<&str> = head.split(' ').filter(|w| !w.is_empty()).collect();
        if head_words.is_empty() || !words.starts_with(&head_words) {
            continue;
        }
        let rest = &words[head_words.len()..];
        let tail_words: Vec<&str> = tail.split(' ').filter(|w| !w.is_empty()).collect();
        let rest_joined = rest.join("");
        if rest.is_empty()
            || rest == tail_words.as_slice()
            || rest_joined == initials(&tail_words)
            || rest_joined == "ubnd"
        {
            short.push(i);
        } else if rest.len() == 1 && rest_joined.len() <= 3 {
            slips.push(i);
        }
    }
    match (short.as_slice(), slips.as_slice()) {
        ([one], _) => UnitMatch::Short(*one),
        ([], [one]) => UnitMatch::Slip(*one),
        ([], []) => UnitMatch::Unknown,
        (many, []) | ([], many) => UnitMatch::Ambiguous(many.to_vec()),
        (many, _) => UnitMatch::Ambiguous(many.to_vec()),
    }
}

/// A canonical unit name's two parts, folded: `Văn hóa - Thông tin` → (`van hoa`, `thong tin`).
fn split_name(name: &str) -> (String, String) {
    let normalized = name.replace(['–', '—', '‑', '−'], "-");
    match normalized.split_once('-') {
        Some((head, tail)) => (unit_key(head), fold(tail)),
        None => (unit_key(&normalized), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_diacritics_and_dashes() {
        let cases = [
            ("Cải cách hành chính", "cai cach hanh chinh"),
            ("ĐỊA CHÍNH", "dia chinh"),
            ("Văn hóa – Thông tin", "van hoa thong tin"),
            ("Văn phòng -Thống kê", "van phong thong ke"),
            ("  Tư   pháp - HT ", "tu phap ht"),
            // Decomposed input (NFD), as some editors produce.
            ("Ca\u{309}i ca\u{301}ch", "cai cach"),
        ];
        for (text, want) in cases {
            assert_eq!(fold(text), want, "{text}");
        }
    }

    #[test]
    fn search_ignores_diacritics_and_word_order() {
        let text = fold("Đẩy mạnh công tác tuyên truyền về cải cách hành chính");
        for q in [
            "cai cach",
            "CẢI CÁCH",
            "day manh",
            "d",
            "cach cai",
            "tuyen truyen  cai",
        ] {
            assert!(matches_query(&text, q), "{q}");
        }
        for q in ["cai cachx", "khong"] {
            assert!(!matches_query(&text, q), "{q}");
        }
    }

    fn seed_units() -> Vec<(&'static str, Vec<String>)> {
        vec![
            ("Văn phòng - Thống kê", vec![]),
            ("Tư pháp - Hộ tịch", vec![]),
            ("Tài chính - Kế toán", vec![]),
            ("Văn hóa - Thông tin", vec![]),
            ("Văn hóa - Xã hội", vec![]),
            ("Địa chính", vec![]),
        ]
    }

    #[test]
    fn matches_the_spellings_plans_use() {
        let units = seed_units();
        let names: Vec<UnitNames> = units
            .iter()
            .map(|(n, a)| UnitNames {
                name: n,
                aliases: a,
            })
            .collect();
        let cases = [
            ("Công chức Văn phòng Thống kê", UnitMatch::Exact(0)),
            ("Công chức Văn phòng -Thống kê", UnitMatch::Exact(0)),
            ("Văn phòng  UBND", UnitMatch::Short(0)),
            ("Văn phòng", UnitMatch::Short(0)),
            ("Tư pháp", UnitMatch::Short(1)),
            ("Công chức Tư pháp - HT", UnitMatch::Short(1)),
            ("Công chức Tư pháp – Hộ tịch", UnitMatch::Exact(1)),
            ("Tài chính – KT", UnitMatch::Short(2)),
            ("Tài chính – KH", UnitMatch::Slip(2)),
            ("Văn hóa – TT", UnitMatch::Short(3)),
            ("Văn hóa - XH", UnitMatch::Short(4)),
            ("Công chức Văn hóa - xã hội", UnitMatch::Exact(4)),
            ("Địa chính", UnitMatch::Exact(5)),
            ("dia chinh", UnitMatch::Exact(5)),
            ("Văn hóa", UnitMatch::Ambiguous(vec![3, 4])),
            ("Quân sự", UnitMatch::Unknown),
        ];
        for (written, want) in cases {
            assert_eq!(match_unit(written, &names), want, "{written}");
        }
    }

    #[test]
    fn recorded_spellings_match_exactly() {
        let aliases = vec!["Bộ phận một cửa".to_string()];
        let names = [UnitNames {
            name: "Văn phòng - Thống kê",
            aliases: &aliases,
        }];
        assert_eq!(match_unit("bo phan mot cua", &names), UnitMatch::Exact(0));
    }
}

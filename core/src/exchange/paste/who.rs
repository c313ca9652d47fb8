//! The unit cell: which units lead, which officers carry the row, and what else it says.
//!
//! Plans write it in many ways: `Công chức Văn phòng Thống kê`, `Các bộ phận: Tư pháp,
//! Tài chính – KT, …`, `Đ/c Phong, Công chức Văn phòng - Thống kê; Đ/c Thuận, Đ/c Phương
//! Công chức Văn hóa - xã hội`, `Văn phòng tham mưu (cả hệ thống chính trị thực hiện)`,
//! `Văn phòng và các bộ phận chuyên môn liên quan`. This reads the names as written;
//! `matching` finds them among the commune's units and officers.

use crate::model::names::{fold, unit_key};

use super::text::{collapse, has_letter, trim_punct, Folded};

/// What a unit cell names, as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Who {
    /// Lead units (chủ trì).
    pub units: Vec<String>,
    /// Coordinating units (phối hợp).
    pub support: Vec<String>,
    pub officers: Vec<OfficerWritten>,
    /// What the cell says beyond the names: `cả hệ thống chính trị thực hiện`.
    pub notes: Vec<String>,
}

impl Who {
    pub fn is_empty(&self) -> bool {
        self.units.is_empty() && self.support.is_empty() && self.officers.is_empty()
    }
}

/// An officer named in a unit cell: `Đ/c Long Công chức Tư pháp – Hộ tịch`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfficerWritten {
    pub name: String,
    /// What follows the name: a position, usually with the unit (`Công chức Tư pháp – Hộ tịch`).
    pub role: String,
}

/// Reads a unit cell.
pub fn read(cell: &str) -> Who {
    let mut who = Who::default();
    let (text, notes) = take_parentheses(cell);
    who.notes = notes;
    let (lead, support) = split_support(&text);
    read_part(lead, &mut who, false);
    read_part(support, &mut who, true);
    who
}

/// Reads a cell of a "phối hợp" column: every unit in it coordinates.
pub fn read_support(cell: &str) -> Who {
    let mut who = read(cell);
    let units = std::mem::take(&mut who.units);
    who.support.splice(0..0, units);
    who
}

/// Parenthesised text explains the row: it becomes a note, and the names are read without it.
fn take_parentheses(cell: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut notes = Vec::new();
    let mut inner = String::new();
    let mut depth = 0usize;
    for c in cell.chars() {
        match c {
            '(' => {
                if depth > 0 {
                    inner.push(c);
                }
                depth += 1;
                text.push(' ');
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    notes.push(collapse(&std::mem::take(&mut inner)));
                } else {
                    inner.push(c);
                }
            }
            ')' => text.push(' '),
            c if depth > 0 => inner.push(c),
            c => text.push(c),
        }
    }
    if depth > 0 {
        notes.push(collapse(&inner));
    }
    notes.retain(|n| has_letter(n));
    (text, notes)
}

/// `Chủ trì: …; Phối hợp: …` — the coordinating units come after "phối hợp".
fn split_support(text: &str) -> (&str, &str) {
    let folded = Folded::new(text);
    match folded.find_words("phoi hop", 0) {
        Some(at) => {
            let cut = folded.origin(at);
            let after = folded.origin(at + "phoi hop".len());
            (&text[..cut], text[after..].trim_start_matches([':', ' ']))
        }
        None => (text, ""),
    }
}

fn read_part(text: &str, who: &mut Who, support: bool) {
    for group in text.split([';', '\n']) {
        let (units, officers) = split_officers(group);
        read_units(units, who, support);
        who.officers.extend(officers);
    }
}

// ---- units --------------------------------------------------------------------------

/// List headers that name no unit: `Các bộ phận: Tư pháp, …`, `Chủ trì: …`.
const LIST_HEADERS: &[&str] = &[
    "cac bo phan",
    "bo phan",
    "cac don vi",
    "don vi",
    "cac ban nganh",
    "chu tri",
    "don vi chu tri",
];

/// Words after a unit's name that say what it does, not who it is.
const ROLE_VERBS: &[&str] = &[
    "tham muu",
    "chu tri",
    "thuc hien",
    "phu trach",
    "theo doi",
    "tong hop",
];

/// Joining words: what follows them is read on its own, and kept with them in a note.
const JOINERS: &[&str] = &["va", "cung"];

fn read_units(text: &str, who: &mut Who, support: bool) {
    let text = strip_list_header(text);
    for fragment in text.split([',', '+']) {
        for (joiner, piece) in split_joiners(fragment) {
            let name = strip_role_verbs(trim_punct(&piece));
            if !has_letter(&name) {
                continue;
            }
            if is_generic(&name) {
                let note = if joiner.is_empty() {
                    name
                } else {
                    format!("{joiner} {name}")
                };
                who.notes.push(note);
            } else if support {
                who.support.push(name);
            } else {
                who.units.push(name);
            }
        }
    }
}

fn strip_list_header(text: &str) -> &str {
    match text.split_once(':') {
        Some((head, rest)) if LIST_HEADERS.contains(&fold(head).as_str()) => rest,
        _ => text,
    }
}

/// `Văn phòng và các bộ phận …` → (``, `Văn phòng`), (`và`, `các bộ phận …`).
fn split_joiners(fragment: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut joiner = String::new();
    let mut piece: Vec<&str> = Vec::new();
    for w in fragment.split_whitespace() {
        if JOINERS.contains(&fold(w).as_str()) && !piece.is_empty() {
            out.push((std::mem::take(&mut joiner), piece.join(" ")));
            piece.clear();
            joiner = w.to_string();
        } else {
            piece.push(w);
        }
    }
    if !piece.is_empty() {
        out.push((joiner, piece.join(" ")));
    }
    out
}

fn strip_role_verbs(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    loop {
        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
        let verb = ROLE_VERBS.iter().find(|v| {
            let n = v.split(' ').count();
            words.len() > n && folded[words.len() - n..].join(" ") == **v
        });
        match verb {
            Some(v) => words.truncate(words.len() - v.split(' ').count()),
            None => return trim_punct(&words.join(" ")).to_string(),
        }
    }
}

/// `các bộ phận chuyên môn liên quan`, `cả hệ thống chính trị`, `Công chức` alone:
/// no unit's name.
fn is_generic(name: &str) -> bool {
    if unit_key(name).is_empty() {
        return true;
    }
    let folded = fold(name);
    ["cac ", "nhung ", "ca ", "tat ca", "toan "]
        .iter()
        .any(|p| folded.starts_with(p))
        || folded.contains("lien quan")
}

// ---- officers -----------------------------------------------------------------------

/// Words that introduce a person: `Đ/c Phong`, `Đồng chí Long`.
const OFFICER_MARKS: &[&str] = &["d/c", "dong chi", "d.c"];

/// Words that start a position or a unit after a name: the name stops there.
const ROLE_STARTS: &[&str] = &[
    "cong chuc",
    "can bo",
    "chu tich",
    "pho chu tich",
    "bi thu",
    "pho bi thu",
    "truong",
    "pho",
    "chi huy",
    "ke toan",
    "van phong",
    "van hoa",
    "tu phap",
    "tai chinh",
    "dia chinh",
    "quan su",
    "cong an",
    "bo phan",
];

/// Splits a group into the text before the first `Đ/c` (units) and the officers after it.
fn split_officers(group: &str) -> (&str, Vec<OfficerWritten>) {
    let folded = Folded::new(group);
    let mut marks: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some((at, len)) = OFFICER_MARKS
        .iter()
        .filter_map(|m| folded.find_words(m, from).map(|at| (at, m.len())))
        .min()
    {
        marks.push((folded.origin(at), folded.origin(at + len)));
        from = at + len;
    }
    let Some(&(first, _)) = marks.first() else {
        return (group, Vec::new());
    };
    let mut officers: Vec<OfficerWritten> = marks
        .iter()
        .enumerate()
        .map(|(k, &(_, name_at))| {
            let end = marks.get(k + 1).map_or(group.len(), |m| m.0);
            officer(&group[name_at..end])
        })
        .filter(|o| !o.name.is_empty())
        .collect();
    // `Đ/c Thuận, Đ/c Phương Công chức Văn hóa - xã hội`: one position for both.
    let mut shared = String::new();
    for o in officers.iter_mut().rev() {
        if o.role.is_empty() {
            o.role.clone_from(&shared);
        } else {
            shared.clone_from(&o.role);
        }
    }
    (&group[..first], officers)
}

/// `Phương Công chức Văn hóa - xã hội` → name `Phương`, role `Công chức Văn hóa - xã hội`.
fn officer(text: &str) -> OfficerWritten {
    let text = collapse(text.trim_start_matches([' ', ':']));
    let words: Vec<&str> = text.split(' ').collect();
    let mut name_len = 0;
    while let Some(w) = words.get(name_len) {
        let rest = fold(&words[name_len..].join(" "));
        let starts_role = ROLE_STARTS
            .iter()
            .any(|r| rest == *r || rest.starts_with(&format!("{r} ")));
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if name_len == 4 || starts_role || !capital {
            break;
        }
        name_len += 1;
        if w.ends_with([',', '-', '–']) {
            break;
        }
    }
    let name = trim_punct(&words[..name_len].join(" ")).to_string();
    let role = trim_punct(&words[name_len..].join(" ")).to_string();
    OfficerWritten { name, role }
}

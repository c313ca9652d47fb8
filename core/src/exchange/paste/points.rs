//! The criterion cell: its title, the points in every form plans write them, the
//! deductions it lists and the explanation around them.
//!
//! `Mức độ hoàn thành công tác CCHC điểm chấm 0,71/0,75 điểm thấp hơn 0.04 điểm:` is a
//! title, a score over a max, and a stated loss. The cell is cut into numbers and
//! words; a number is points only when a marker (`điểm chấm`, `trừ`, `tự chấm`, …),
//! the unit (`điểm`, `đ`) or the `score/max` pair says so, so `mức độ 4:` or
//! `02 sáng kiến` stay text.

use crate::model::decimal::Decimal;
use crate::model::names::fold;
use crate::model::records::Deduction;

use super::text::{collapse, has_letter, trim_punct};

/// What a criterion cell says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CriterionCell {
    pub title: String,
    pub max: Option<Decimal>,
    /// The score obtained (điểm chấm, điểm đạt).
    pub base: Option<Decimal>,
    /// The unit's own score (điểm tự chấm).
    pub base_self: Option<Decimal>,
    /// The loss as written: one number, or the sum of the deductions listed.
    pub stated_loss: Option<Decimal>,
    pub deductions: Vec<Deduction>,
    /// Explanation beyond the title and the points.
    pub remark: String,
    /// The cell as written, whitespace collapsed.
    pub written: String,
    /// Numbers as written when they were read at another scale (`175` as `1,75`).
    pub written_max: Option<Decimal>,
    pub written_score: Option<Decimal>,
    /// The points were lost for want of evidence (`không có văn bản … chứng minh`).
    pub no_evidence_loss: bool,
    /// No max was written: it is taken to be the self-assessed score.
    pub max_from_self: bool,
    /// Points phrases that found no place (a second score, a second max).
    pub unplaced: Vec<String>,
}

/// Reads a criterion cell. `limit` is the most an item of this level can be worth:
/// a whole number above it is taken to have lost its decimal comma (`150/175`).
pub fn read(cell: &str, limit: Decimal) -> CriterionCell {
    let written = collapse(cell);
    let tokens = lex(&written);
    let groups = paren_groups(&written);
    let mut phrases = find_phrases(&written, &tokens);
    attach_reasons(&written, &groups, &mut phrases);
    let title_end = title_end(&phrases, &groups, written.len());
    let (title, moved) = title_and_trailing_groups(&written, &groups, title_end);
    let consumed: Vec<(usize, usize)> = phrases.iter().map(|p| (p.cut_from, p.end)).collect();
    let mut remark_parts: Vec<String> = moved
        .iter()
        .map(|g| collapse(trim_punct(&written[g.inner()])))
        .filter(|p| has_letter(p))
        .collect();
    remark_parts.extend(leftovers(&written, &groups, &consumed, title_end));
    let remark = remark_parts.join("; ");
    let mut out = CriterionCell {
        title,
        no_evidence_loss: lost_for_want_of_evidence(&remark),
        remark,
        ..CriterionCell::default()
    };
    place_points(&mut out, &written, &phrases);
    rescale(&mut out, limit);
    out.written = written;
    out
}

/// Reads a number written alone in a points column: `0,75`, `1 điểm`, `0.5đ`.
pub fn read_number(cell: &str) -> Option<Decimal> {
    let text = collapse(cell);
    let folded = fold(&text);
    let number = folded.trim_end_matches("diem").trim_end_matches('d').trim();
    Decimal::parse(number).ok().filter(|d| !d.is_negative())
}

// ---- tokens -------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(Decimal),
    Slash,
    /// A word, folded: `điểm` → `diem`, `đ` → `d`.
    Word(String),
    Colon,
    Percent,
    Other,
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn lex(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        let tok = if c.is_ascii_digit() {
            while let Some(&(i, d)) = chars.peek() {
                let decimal_mark = matches!(d, ',' | '.')
                    && text[i + 1..].starts_with(|n: char| n.is_ascii_digit())
                    && !text[start..i].contains([',', '.']);
                if d.is_ascii_digit() || decimal_mark {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            Decimal::parse(&text[start..end]).map_or(Tok::Other, Tok::Num)
        } else if is_word_char(c) {
            while let Some(&(i, w)) = chars.peek() {
                if !is_word_char(w) {
                    break;
                }
                end = i + w.len_utf8();
                chars.next();
            }
            Tok::Word(fold(&text[start..end]))
        } else {
            match c {
                c if c.is_whitespace() => continue,
                '/' => Tok::Slash,
                ':' => Tok::Colon,
                '%' => Tok::Percent,
                _ => Tok::Other,
            }
        };
        out.push(Token { tok, start, end });
    }
    out
}

// ---- parentheses --------------------------------------------------------------------

/// A top-level parenthesised group: `open` is the `(`, `close` the `)` or the text end.
#[derive(Clone, Copy, Debug)]
struct Group {
    open: usize,
    close: usize,
}

impl Group {
    fn inner(&self) -> std::ops::Range<usize> {
        self.open + 1..self.close
    }

    fn holds(&self, at: usize) -> bool {
        self.open < at && at < self.close
    }
}

fn paren_groups(text: &str) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    groups.push(Group { open, close: i });
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        groups.push(Group {
            open,
            close: text.len(),
        });
    }
    groups
}

// ---- points phrases -----------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Điểm chấm, điểm đạt: the score obtained.
    Score,
    /// Điểm tự chấm: the unit's own score.
    SelfScore,
    /// Điểm trừ, thấp hơn: points lost.
    Loss,
    /// Điểm tối đa.
    Max,
    /// A number of points with nothing saying which.
    Bare,
}

/// Words that say what the following number is, and whether they are specific
/// enough to make it points without the unit (`được 02 sáng kiến` is not points).
const MARKERS: &[(&[&str], Role, bool)] = &[
    (&["diem", "tu", "cham"], Role::SelfScore, true),
    (&["diem", "tu", "danh", "gia"], Role::SelfScore, true),
    (&["tu", "danh", "gia"], Role::SelfScore, true),
    (&["tu", "cham"], Role::SelfScore, true),
    (&["diem", "tham", "dinh"], Role::Score, true),
    (&["diem", "cham"], Role::Score, true),
    (&["diem", "dat"], Role::Score, true),
    (&["dat", "duoc"], Role::Score, false),
    (&["tham", "dinh"], Role::Score, false),
    (&["dat"], Role::Score, false),
    (&["duoc"], Role::Score, false),
    (&["cham"], Role::Score, false),
    (&["diem", "bi", "tru"], Role::Loss, true),
    (&["diem", "bi", "mat"], Role::Loss, true),
    (&["diem", "tru"], Role::Loss, true),
    (&["bi", "tru"], Role::Loss, true),
    (&["thap", "hon"], Role::Loss, true),
    (&["bi", "mat"], Role::Loss, true),
    (&["tru"], Role::Loss, true),
    (&["mat"], Role::Loss, false),
    (&["diem", "toi", "da"], Role::Max, true),
    (&["toi", "da"], Role::Max, true),
    (&["diem"], Role::Bare, true),
];

/// Words before a pair of numbers that make it a reference or a date, not points
/// (`số 12/15`, `từ 10/11`).
const NOT_POINTS_BEFORE: &[&str] = &[
    "so", "ngay", "thang", "nam", "dinh", "tu", "den", "truoc", "sau", "luc",
];

/// A bare `a/b` (no marker, no unit) is a score over a max only if it looks like
/// points: decimals, or small whole numbers, score not above max (`10/11` may be a date).
fn bare_pair(first: Decimal, second: Decimal) -> bool {
    let decimals = first.milli() % 1000 != 0 || second.milli() % 1000 != 0;
    first <= second && (decimals || second <= Decimal::from_int(10))
}

#[derive(Clone, Debug)]
struct Phrase {
    role: Role,
    first: Decimal,
    second: Option<Decimal>,
    /// Where the marker (or the number) starts.
    start: usize,
    end: usize,
    /// Where the phrase's text starts once its reason is included.
    cut_from: usize,
    reason: String,
}

fn word(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i).map(|t| &t.tok) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

fn num(tokens: &[Token], i: usize) -> Option<Decimal> {
    match tokens.get(i).map(|t| &t.tok) {
        Some(Tok::Num(d)) => Some(*d),
        _ => None,
    }
}

fn is(tokens: &[Token], i: usize, tok: &Tok) -> bool {
    tokens.get(i).is_some_and(|t| t.tok == *tok)
}

fn find_phrases(text: &str, tokens: &[Token]) -> Vec<Phrase> {
    let mut phrases = Vec::new();
    let mut floor = 0;
    let mut i = 0;
    while i < tokens.len() {
        match phrase_at(text, tokens, i, floor) {
            Some((phrase, next)) => {
                phrases.push(phrase);
                floor = next;
                i = next;
            }
            None => i += 1,
        }
    }
    phrases
}

/// The points phrase whose number is token `i`, if it is one, and the token after it.
fn phrase_at(text: &str, tokens: &[Token], i: usize, floor: usize) -> Option<(Phrase, usize)> {
    let first = num(tokens, i)?;
    let pair = is(tokens, i + 1, &Tok::Slash)
        .then(|| num(tokens, i + 2))
        .flatten();
    let mut next = if pair.is_some() { i + 3 } else { i + 1 };
    // Dates (10/11/2022) and references (6298/QĐ-UBND) are no points.
    if is(tokens, next, &Tok::Slash) || is(tokens, next, &Tok::Percent) {
        return None;
    }
    if pair.is_none() && is(tokens, i + 1, &Tok::Slash) {
        return None;
    }
    // `0,75/1 điểm chấm 0,5`: that `điểm` starts the next phrase, it is no unit.
    let unit = matches!(word(tokens, next), Some("diem" | "d")) && !marker_at(tokens, next);
    if unit {
        next += 1;
    }
    let marker = marker_before(tokens, i, floor);
    let reference =
        i > floor && word(tokens, i - 1).is_some_and(|w| NOT_POINTS_BEFORE.contains(&w));
    let looks_like_points = pair.is_some_and(|second| bare_pair(first, second)) && !reference;
    // `0.5 (Không có điểm)`: the number is what the item was worth.
    let worth = tokens
        .get(next - 1)
        .and_then(|t| text.get(t.end..))
        .is_some_and(|after| {
            fold(after)
                .strip_prefix('(')
                .is_some_and(|inside| NO_POINTS.iter().any(|p| inside.trim_start().starts_with(p)))
        });
    let accepted =
        unit || worth || looks_like_points || marker.is_some_and(|(_, _, strong)| strong);
    if !accepted {
        return None;
    }
    let start = marker.map_or(tokens[i].start, |(at, _, _)| tokens[at].start);
    let end = tokens[next - 1].end;
    let role = marker.map_or(Role::Bare, |(_, role, _)| role);
    Some((
        Phrase {
            role,
            first,
            second: pair,
            start,
            end,
            cut_from: start,
            reason: String::new(),
        },
        next,
    ))
}

/// The marker right before token `i` (`điểm trừ là 0,5`, `điểm trừ: 0,5`): where it
/// starts, its role, and whether it alone makes the number points.
fn marker_before(tokens: &[Token], i: usize, floor: usize) -> Option<(usize, Role, bool)> {
    let mut end = i;
    if end > floor && is(tokens, end - 1, &Tok::Colon) {
        end -= 1;
    }
    if end > floor && word(tokens, end - 1) == Some("la") {
        end -= 1;
    }
    MARKERS
        .iter()
        .filter(|(words, _, _)| words.len() <= end.saturating_sub(floor))
        .filter(|(words, _, _)| {
            let from = end - words.len();
            words
                .iter()
                .enumerate()
                .all(|(k, w)| word(tokens, from + k) == Some(w))
        })
        .max_by_key(|(words, _, _)| words.len())
        .map(|(words, role, strong)| (end - words.len(), *role, *strong))
}

/// Whether a marker of two words or more starts at token `at` and a number follows it.
fn marker_at(tokens: &[Token], at: usize) -> bool {
    MARKERS
        .iter()
        .filter(|(words, _, _)| words.len() > 1)
        .any(|(words, _, _)| {
            let matches = words
                .iter()
                .enumerate()
                .all(|(k, w)| word(tokens, at + k) == Some(w));
            let mut after = at + words.len();
            if word(tokens, after) == Some("la") || is(tokens, after, &Tok::Colon) {
                after += 1;
            }
            matches && num(tokens, after).is_some()
        })
}

/// A loss inside parentheses names what it was for: `(Chất lượng cổng thông tin trừ
/// 1 điểm; …)`. The reason runs from the group's start, a `;` or the previous phrase.
fn attach_reasons(text: &str, groups: &[Group], phrases: &mut [Phrase]) {
    let mut previous_end = 0;
    for p in phrases.iter_mut() {
        let group = groups.iter().find(|g| g.holds(p.start));
        if let (Role::Loss, Some(g)) = (p.role, group) {
            let mut from = (g.open + 1).max(previous_end);
            if let Some(semi) = text[from..p.start].rfind(';') {
                from += semi + 1;
            }
            let reason = trim_punct(&text[from..p.start]);
            if has_letter(reason) {
                p.reason = collapse(reason);
                p.cut_from = from;
            }
        }
        previous_end = p.end;
    }
}

/// The title ends where the first points phrase starts, or at the parenthesis that holds it.
fn title_end(phrases: &[Phrase], groups: &[Group], len: usize) -> usize {
    phrases.first().map_or(len, |p| {
        groups
            .iter()
            .find(|g| g.holds(p.start))
            .map_or(p.start, |g| g.open)
    })
}

/// The title, and the parenthesised groups that close it (`Viết sáng kiến kinh nghiệm
/// ( có ít nhất 02 …)`): those explain the row and go to the remark.
fn title_and_trailing_groups(text: &str, groups: &[Group], end: usize) -> (String, Vec<Group>) {
    let mut end = end;
    let mut moved = Vec::new();
    while let Some(g) = groups
        .iter()
        .rev()
        .find(|g| g.close < end && text[g.close + 1..end].trim().is_empty())
    {
        moved.insert(0, *g);
        end = g.open;
    }
    let title = text[..end]
        .trim()
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ';' | ',' | '-' | '–'));
    (title.trim().to_string(), moved)
}

/// What is left after the title once the points phrases are cut out: each group's
/// text and each stretch between groups, as remark parts.
fn leftovers(
    text: &str,
    groups: &[Group],
    consumed: &[(usize, usize)],
    from: usize,
) -> Vec<String> {
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut at = from;
    for g in groups.iter().filter(|g| g.open >= from) {
        pieces.push((at, g.open));
        pieces.push((g.open + 1, g.close));
        at = (g.close + 1).min(text.len());
    }
    pieces.push((at, text.len()));
    pieces
        .into_iter()
        .map(|(a, b)| collapse(trim_punct(&uncut(text, a, b, consumed))))
        .filter(|p| has_letter(p))
        .collect()
}

/// `text[a..b]` without the consumed ranges (and stray parentheses).
fn uncut(text: &str, a: usize, b: usize, consumed: &[(usize, usize)]) -> String {
    let mut out = String::new();
    let mut at = a;
    for &(c0, c1) in consumed.iter().filter(|(c0, c1)| *c1 > a && *c0 < b) {
        if c0 > at {
            out.push_str(&text[at..c0]);
            out.push(' ');
        }
        at = at.max(c1);
    }
    if at < b {
        out.push_str(&text[at..b]);
    }
    out.replace(['(', ')'], " ")
}

/// What plans write when a row got nothing.
const NO_POINTS: [&str; 5] = [
    "khong co diem",
    "khong duoc diem",
    "khong dat diem",
    "khong cham diem",
    "khong tinh diem",
];

/// The row got nothing: `không có điểm`, `không được điểm`.
fn says_no_points(folded: &str) -> bool {
    NO_POINTS.iter().any(|p| folded.contains(p))
}

fn lost_for_want_of_evidence(remark: &str) -> bool {
    let folded = fold(remark);
    (folded.contains("chung minh") || folded.contains("kiem chung"))
        && ["khong co", "thieu", "chua co"]
            .iter()
            .any(|p| folded.contains(p))
}

fn place_points(out: &mut CriterionCell, text: &str, phrases: &[Phrase]) {
    let mut losses: Vec<(Decimal, String)> = Vec::new();
    let mut bare: Vec<(Decimal, String)> = Vec::new();
    for p in phrases {
        let written = text[p.start..p.end].to_string();
        let put = |slot: &mut Option<Decimal>, value: Decimal, unplaced: &mut Vec<String>| {
            if slot.is_none() {
                *slot = Some(value);
            } else if *slot != Some(value) {
                unplaced.push(written.clone());
            }
        };
        match (p.role, p.second) {
            (Role::SelfScore, Some(max)) => {
                put(&mut out.base_self, p.first, &mut out.unplaced);
                put(&mut out.max, max, &mut out.unplaced);
            }
            (_, Some(max)) => {
                put(&mut out.base, p.first, &mut out.unplaced);
                put(&mut out.max, max, &mut out.unplaced);
            }
            (Role::SelfScore, None) => put(&mut out.base_self, p.first, &mut out.unplaced),
            (Role::Score, None) => put(&mut out.base, p.first, &mut out.unplaced),
            (Role::Max, None) => put(&mut out.max, p.first, &mut out.unplaced),
            (Role::Loss, None) => losses.push((p.first, p.reason.clone())),
            (Role::Bare, None) => bare.push((p.first, written.clone())),
        }
    }
    let no_points = says_no_points(&fold(text));
    if no_points && out.base.is_none() {
        out.base = Some(Decimal::ZERO);
    }
    let mut bare = bare.into_iter();
    if out.max.is_none() {
        if let Some((value, _)) = bare.next() {
            out.max = Some(value);
        } else if no_points && out.base_self.is_some() {
            // `điểm tự chấm 0.25 (không có điểm)`: the unit gave itself the full points.
            out.max = out.base_self;
            out.max_from_self = true;
        }
    }
    out.unplaced.extend(bare.map(|(_, written)| written));
    if !losses.is_empty() {
        out.stated_loss = Some(losses.iter().map(|(d, _)| *d).sum());
    }
    if losses.iter().any(|(_, reason)| !reason.is_empty()) {
        out.deductions = losses
            .into_iter()
            .map(|(points, reason)| Deduction { points, reason })
            .collect();
    }
}

/// Whole numbers above what an item can be worth lost their decimal comma: `150/175`
/// is 1,50/1,75. The scale that makes the stated loss add up wins; without a stated
/// loss, two decimals (the usual way points are written). The numbers as written are kept.
fn rescale(out: &mut CriterionCell, limit: Decimal) {
    let Some(max) = out.max.filter(|m| *m > limit && m.milli() % 1000 == 0) else {
        return;
    };
    let base = out.base.filter(|b| b.milli() % 1000 == 0 && !b.is_zero());
    let fits = |f: i64| {
        max.milli() % f == 0
            && Decimal::from_milli(max.milli() / f) <= limit
            && base.is_none_or(|b| b.milli() % f == 0)
    };
    let loss_fits = |f: i64| match (out.stated_loss, base) {
        (Some(loss), Some(b)) => max.milli() - b.milli() == loss.milli() * f,
        _ => true,
    };
    let Some(factor) = [100, 10, 1000]
        .into_iter()
        .find(|f| fits(*f) && loss_fits(*f))
    else {
        return;
    };
    out.written_max = Some(max);
    out.max = Some(Decimal::from_milli(max.milli() / factor));
    if let Some(b) = base {
        out.written_score = Some(b);
        out.base = Some(Decimal::from_milli(b.milli() / factor));
    }
}

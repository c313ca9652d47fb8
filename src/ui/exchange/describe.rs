//! Records and values in the officer's words, never ids: `Nhiệm vụ 1.3 “Rà soát…”`,
//! `0,75`, `10/11/2022`, `Tư pháp - Hộ tịch`. Shared by the import preview and Lịch sử.

use cchc_core::model::deadline::{date_from_iso, date_vi};
use cchc_core::model::doc::{Doc, Kind, Record, DELETED};
use cchc_core::model::records::{f, Read, Status};
use cchc_core::model::{Deadline, Decimal};
use serde_json::Value;

use crate::ui::i18n::{self, exchange::fill};

/// Longest title shown in a label; the rest is cut with "…".
const TITLE_CHARS: usize = 90;
/// Longest value shown in a diff cell.
const VALUE_CHARS: usize = 240;

const DECIMAL_FIELDS: [&str; 13] = [
    f::MAX,
    f::BASE,
    f::BASE_SELF,
    f::SELF,
    f::APPRAISED,
    f::STATED_LOSS,
    f::WRITTEN_MAX,
    f::WRITTEN_SCORE,
    f::BASE_SCORE,
    f::SURVEY,
    f::SURVEY_MAX,
    f::SCORE,
    f::GOAL_VALUE,
];
const DATE_FIELDS: [&str; 3] = [f::DATE, f::DONE_ON, f::BASE_DECISION_DATE];
/// Fields holding the id of one record, or a list of them.
const REFERENCE_FIELDS: [&str; 3] = [f::PLAN, f::UNIT, f::TASK];
const REFERENCE_LISTS: [&str; 3] = [f::LEAD, f::SUPPORT, f::OFFICERS];

/// Where records are looked up: the first document that has the id (the file's, then ours).
pub struct Lookup<'a>(pub Vec<&'a Doc>);

impl Lookup<'_> {
    fn get(&self, id: &str) -> Option<&Record> {
        self.0.iter().find_map(|d| d.get(id))
    }

    /// `Nhiệm vụ 1.3 “Rà soát văn bản”`: kind, code and title as the officer knows them.
    pub fn label(&self, id: &str, kind: &Kind) -> String {
        let word = kind_word(kind);
        let Some(r) = self.get(id) else {
            return format!("{word} {id}");
        };
        let code = r.opt_text(f::CODE).unwrap_or_default();
        let title = match kind {
            Kind::Plan => {
                let year = r.int(f::YEAR).map(|y| y.to_string()).unwrap_or_default();
                return join(&[word, &r.text(f::COMMUNE), &year]);
            }
            Kind::Unit | Kind::Officer => r.text(f::NAME),
            Kind::Ranking => {
                let year = r.int(f::YEAR).map(|y| y.to_string()).unwrap_or_default();
                return join(&[word, &year, &quoted(&r.text(f::COMMUNE))]);
            }
            Kind::Evidence => join(&[&r.text(f::NUMBER), &r.text(f::TITLE)]),
            _ => r.text(f::TITLE),
        };
        join(&[word, &code, &quoted(&shorten(&title, TITLE_CHARS))])
    }

    /// A name for a referenced record: its name, title, or label.
    fn name_of(&self, id: &str) -> String {
        match self.get(id) {
            Some(r) if matches!(r.kind, Kind::Unit | Kind::Officer) => r.text(f::NAME),
            Some(r) => self.label(id, &r.kind),
            None => id.to_string(),
        }
    }

    /// A field's value as the officer reads it.
    pub fn value(&self, field: &str, value: &Value) -> String {
        let w = i18n::t().exchange;
        let text = match value {
            Value::Null => return w.empty.to_string(),
            Value::Bool(b) if field == DELETED => (if *b { w.deleted } else { w.live }).into(),
            Value::Bool(b) => (if *b { w.yes } else { w.no }).into(),
            Value::Number(n) if field == f::PROGRESS => format!("{n}%"),
            Value::String(s) => self.text_value(field, s),
            Value::Array(items) if REFERENCE_LISTS.contains(&field) => items
                .iter()
                .filter_map(Value::as_str)
                .map(|id| self.name_of(id))
                .collect::<Vec<_>>()
                .join(", "),
            Value::Array(items) if items.iter().all(Value::is_string) => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("; "),
            other => other.to_string(),
        };
        if text.is_empty() {
            return w.empty.to_string();
        }
        shorten(&text, VALUE_CHARS)
    }

    fn text_value(&self, field: &str, s: &str) -> String {
        let words = i18n::t().model;
        if DECIMAL_FIELDS.contains(&field) || field.starts_with(f::AT_PREFIX) {
            if let Ok(d) = Decimal::parse(s) {
                return d.to_vi();
            }
        }
        if DATE_FIELDS.contains(&field) {
            if let Some(d) = date_from_iso(s) {
                return date_vi(d);
            }
        }
        if REFERENCE_FIELDS.contains(&field) {
            return self.name_of(s);
        }
        match field {
            f::STATUS => Status::ALL
                .iter()
                .find(|st| st.as_str() == s)
                .map_or_else(|| s.to_string(), |st| words.status(*st).to_string()),
            f::DEADLINE => Deadline::from_data(s)
                .map(|d| words.deadline(d))
                .unwrap_or_else(|| s.to_string()),
            _ => s.to_string(),
        }
    }
}

pub fn kind_word(kind: &Kind) -> &'static str {
    let w = i18n::t().exchange;
    Kind::ALL
        .iter()
        .position(|k| k == kind)
        .map_or(w.other_kind, |i| w.kinds[i])
}

/// A field's name in words; recurring periods and dated values by their date.
pub fn field_label(name: &str) -> String {
    let w = i18n::t().exchange;
    if let Some(key) = name.strip_prefix(f::DONE_PREFIX) {
        return fill(w.period_done, &[&period_words(key)]);
    }
    if let Some(day) = name.strip_prefix(f::AT_PREFIX) {
        let day = date_from_iso(day).map_or_else(|| day.to_string(), date_vi);
        return fill(w.value_on, &[&day]);
    }
    w.fields
        .iter()
        .find(|(field, _)| *field == name)
        .map_or_else(|| name.to_string(), |(_, label)| label.to_string())
}

/// `2022-03` → `03/2022`, `2022-Q1` → `quý 1/2022`.
fn period_words(key: &str) -> String {
    match key.split_once('-') {
        Some((year, q)) if q.starts_with('Q') => fill(i18n::t().exchange.quarter, &[&q[1..], year]),
        Some((year, month)) => format!("{month}/{year}"),
        None => key.to_string(),
    }
}

/// `dd/mm/yyyy hh:mm` in the user's local time, from milliseconds since 1970.
pub fn local_time(ms: u64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:02}/{:02}/{:04} {:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The sender's local time as written in the file (`2022-10-15T09:30:00+07:00` →
/// `15/10/2022 09:30`), or the text itself when it is not in that form.
pub fn sender_time(rfc3339: &str) -> String {
    let part = |a: usize, b: usize| {
        rfc3339
            .get(a..b)
            .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))
    };
    match (
        part(0, 4),
        part(5, 7),
        part(8, 10),
        part(11, 13),
        part(14, 16),
    ) {
        (Some(y), Some(m), Some(d), Some(h), Some(min)) => format!("{d}/{m}/{y} {h}:{min}"),
        _ => rfc3339.to_string(),
    }
}

/// The text cut to `max` characters with "…".
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_string(),
    }
}

fn quoted(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("“{text}”")
    }
}

fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

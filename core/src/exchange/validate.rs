//! The door: size, text, nesting and JSON first, then the type of every known field.
//! A file that fails any check is refused whole, with the path of what is wrong.

use serde_json::Value;

use super::error::{ImportError, Problem};
use super::format::{MAX_BYTES, MAX_DEPTH};
use crate::model::code::Code;
use crate::model::deadline::{date_from_iso, Deadline, Period};
use crate::model::decimal::Decimal;
use crate::model::doc::{Kind, Record, DELETED};
use crate::model::records::{
    f, Band, Comparison, Deduction, Doubt, Extension, Measure, Origin, RankingLevel, RankingMode,
    Status,
};

/// Size, text, nesting, then JSON.
pub fn parse_json(bytes: &[u8]) -> Result<Value, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::new(
            Problem::TooLarge {
                bytes: bytes.len(),
                limit: MAX_BYTES,
            },
            "",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::new(Problem::NotText, ""))?;
    if text.chars().any(|c| c == '\0') {
        return Err(ImportError::new(Problem::NotText, ""));
    }
    check_depth(text)?;
    serde_json::from_str(text).map_err(|e| {
        let truncated = e.classify() == serde_json::error::Category::Eof;
        ImportError::new(
            Problem::NotJson {
                line: e.line(),
                column: e.column(),
                truncated,
            },
            "",
        )
    })
}

/// Counts nesting outside strings, so that a hostile file cannot exhaust the stack.
fn check_depth(text: &str) -> Result<(), ImportError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(ImportError::new(Problem::TooDeep { limit: MAX_DEPTH }, ""));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// The type a known field must have. `null` (cleared) is always allowed.
#[derive(Clone, Copy)]
enum Type {
    Text,
    Texts,
    Int,
    Bool,
    Decimal,
    Date,
    Code,
    Deadline,
    Typed(fn(&Value) -> bool),
}

fn typed<T: for<'de> serde::Deserialize<'de>>(v: &Value) -> bool {
    T::deserialize(v).is_ok()
}

fn field_type(kind: &Kind, name: &str) -> Option<Type> {
    use Type::*;
    if name == DELETED {
        return Some(Bool);
    }
    if name.starts_with(f::DONE_PREFIX) && *kind == Kind::Task {
        return Some(Bool);
    }
    if name.starts_with(f::AT_PREFIX) && *kind == Kind::Target {
        return Some(Decimal);
    }
    let t = match (kind, name) {
        (_, f::PLAN | f::TITLE | f::NOTE | f::COMMUNE | f::NAME | f::UNIT | f::TASK) => Text,
        (_, f::ORIGIN) => Typed(typed::<Origin>),
        (_, f::ORDER | f::YEAR) => Int,
        (_, f::CODE) => Code,
        (Kind::Plan, f::BODY | f::BASE_DECISION | f::BASE_DECISION_BY | f::NUMBER | f::PLACE) => {
            Text
        }
        (Kind::Plan, f::SIGNER_AUTHORITY | f::SIGNER_POSITION | f::SIGNER | f::GOAL) => Text,
        (Kind::Plan, f::LEVEL) => Typed(typed::<RankingLevel>),
        (Kind::Plan, f::RANKING_MODE) => Typed(typed::<RankingMode>),
        (Kind::Plan, f::BANDS) => Typed(typed::<Vec<Band>>),
        (Kind::Plan, f::RANKED | f::BASE_YEAR | f::BASE_RANK) => Int,
        (Kind::Plan, f::BASE_SCORE | f::SURVEY | f::SURVEY_MAX) => Decimal,
        (Kind::Plan, f::DATE | f::BASE_DECISION_DATE) => Date,
        (Kind::Plan, f::RECIPIENTS) => Texts,
        (
            Kind::Criterion,
            f::MAX | f::BASE | f::BASE_SELF | f::SELF | f::APPRAISED | f::STATED_LOSS,
        ) => Decimal,
        (Kind::Criterion, f::WRITTEN_MAX | f::WRITTEN_SCORE) => Decimal,
        (Kind::Criterion, f::DEDUCTIONS) => Typed(typed::<Vec<Deduction>>),
        (Kind::Criterion, f::REMARK | f::WRITTEN) => Text,
        (Kind::Criterion, f::NO_EVIDENCE_LOSS) => Bool,
        (Kind::Task, f::DETAIL | f::LEADER) => Text,
        (Kind::Task, f::LEAD | f::SUPPORT | f::OFFICERS) => Texts,
        (Kind::Task, f::DEADLINE) => Deadline,
        (Kind::Task, f::EXTENSIONS) => Typed(typed::<Vec<Extension>>),
        (Kind::Task, f::STATUS) => Typed(typed::<Status>),
        (Kind::Task, f::DONE_ON) => Date,
        (Kind::Task, f::PROGRESS) => Int,
        (Kind::Task, f::DOUBTS) => Typed(typed::<Vec<Doubt>>),
        (Kind::Evidence, f::NUMBER | f::ISSUER | f::FILED_AT | f::PAGE | f::FILE) => Text,
        (Kind::Evidence, f::DATE) => Date,
        (Kind::Evidence, f::UPLOADED) => Bool,
        (Kind::Unit, f::ALIASES) => Texts,
        (Kind::Target, f::CMP) => Typed(typed::<Comparison>),
        (Kind::Target, f::GOAL_VALUE) => Decimal,
        (Kind::Target, f::MEASURE) => Typed(typed::<Measure>),
        (Kind::Ranking, f::SCORE) => Decimal,
        _ => return None,
    };
    Some(t)
}

fn fits(t: Type, v: &Value) -> Result<(), Problem> {
    let ok = match t {
        Type::Text => v.is_string(),
        Type::Texts => v.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
        Type::Int => v.is_i64(),
        Type::Bool => v.is_boolean(),
        Type::Decimal => {
            return v.as_str().map_or(Err(Problem::WrongType("number")), |s| {
                Decimal::parse(s)
                    .map(|_| ())
                    .map_err(|_| Problem::BadValue("number"))
            })
        }
        Type::Date => {
            return v.as_str().map_or(Err(Problem::WrongType("date")), |s| {
                date_from_iso(s)
                    .map(|_| ())
                    .ok_or(Problem::BadValue("date"))
            })
        }
        Type::Code => {
            return v.as_str().map_or(Err(Problem::WrongType("code")), |s| {
                Code::parse(s).map(|_| ()).ok_or(Problem::BadValue("code"))
            })
        }
        Type::Deadline => {
            return v.as_str().map_or(Err(Problem::WrongType("deadline")), |s| {
                Deadline::from_data(s)
                    .map(|_| ())
                    .ok_or(Problem::BadValue("deadline"))
            })
        }
        Type::Typed(check) => check(v),
    };
    if ok {
        Ok(())
    } else {
        Err(Problem::WrongType(type_name(t)))
    }
}

fn type_name(t: Type) -> &'static str {
    match t {
        Type::Text => "text",
        Type::Texts => "list of text",
        Type::Int => "whole number",
        Type::Bool => "yes/no",
        Type::Decimal => "number",
        Type::Date => "date",
        Type::Code => "code",
        Type::Deadline => "deadline",
        Type::Typed(_) => "value",
    }
}

/// Checks every head of every known field; unknown fields pass as they are.
pub fn check_record(record: &Record, path: &str) -> Result<(), ImportError> {
    for (name, field) in &record.fields {
        if let Some(key) = name
            .strip_prefix(f::DONE_PREFIX)
            .filter(|_| record.kind == Kind::Task)
        {
            if Period::from_key(key).is_none() {
                return Err(ImportError::new(
                    Problem::BadValue("period"),
                    &format!("{path}.fields.{name}"),
                ));
            }
        }
        if let Some(day) = name
            .strip_prefix(f::AT_PREFIX)
            .filter(|_| record.kind == Kind::Target)
        {
            if date_from_iso(day).is_none() {
                return Err(ImportError::new(
                    Problem::BadValue("date"),
                    &format!("{path}.fields.{name}"),
                ));
            }
        }
        let Some(t) = field_type(&record.kind, name) else {
            continue;
        };
        for (i, w) in field.heads().enumerate() {
            if w.value.is_null() {
                continue;
            }
            if let Err(problem) = fits(t, &w.value) {
                let at = if i == 0 {
                    format!("{path}.fields.{name}")
                } else {
                    format!("{path}.fields.{name}[3][{}]", i - 1)
                };
                return Err(ImportError::new(problem, &at));
            }
        }
    }
    Ok(())
}

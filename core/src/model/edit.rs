//! Typed edits: the business rules of changing a plan, as operations to apply.
//!
//! The UI calls these and applies the result with `Workspace::apply`; it never
//! writes a field by hand. Every refusal is a typed error and changes nothing.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::code::Code;
use super::deadline::{iso, Period};
use super::decimal::{Decimal, DecimalError, Points};
use super::doc::Kind;
use super::records::{f, Criterion, Status, Task};
use super::view::PlanView;
use super::workspace::Op;

/// Which number of a criterion is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreField {
    Max,
    Base,
    BaseSelf,
    SelfAssessed,
    Appraised,
    StatedLoss,
}

impl ScoreField {
    pub fn field(self) -> &'static str {
        match self {
            ScoreField::Max => f::MAX,
            ScoreField::Base => f::BASE,
            ScoreField::BaseSelf => f::BASE_SELF,
            ScoreField::SelfAssessed => f::SELF,
            ScoreField::Appraised => f::APPRAISED,
            ScoreField::StatedLoss => f::STATED_LOSS,
        }
    }
}

/// Why a typed value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    NotANumber(String),
    TooManyDecimals,
    TooLarge,
    Negative,
    /// A score above the criterion's max.
    AboveMax(Points),
    /// A max below a score already recorded.
    BelowScore(Points),
    NotADate(String),
    NotACode(String),
    /// The code is already used in this plan.
    CodeTaken(String),
    Empty,
    /// Still named by tasks: reassign or delete them first.
    InUse {
        tasks: usize,
    },
    NoSuchRecord(String),
    /// A deadline in no form the app reads.
    NotADeadline(String),
    /// A whole number outside its bounds.
    OutOfRange {
        min: i64,
        max: i64,
    },
    /// Another record already goes by this name.
    NameTaken(String),
}

/// Reads a number as an officer types it (`0,75` or `0.75`); empty clears it.
pub fn parse_number(text: &str) -> Result<Option<Decimal>, InputError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match Decimal::parse(text) {
        Ok(v) if v.is_negative() => Err(InputError::Negative),
        Ok(v) => Ok(Some(v)),
        Err(DecimalError::TooManyDecimals) => Err(InputError::TooManyDecimals),
        Err(DecimalError::TooLarge) => Err(InputError::TooLarge),
        Err(_) => Err(InputError::NotANumber(text.trim().to_string())),
    }
}

fn dec_value(v: Option<Decimal>) -> Value {
    v.map_or(Value::Null, |d| json!(d.to_canonical()))
}

/// Sets one number of a criterion, refusing text, negatives and scores above the max.
pub fn set_score(c: &Criterion, which: ScoreField, text: &str) -> Result<Op, InputError> {
    let value = parse_number(text)?;
    if let Some(v) = value {
        match which {
            ScoreField::Max => {
                let highest = [c.base, c.base_self, c.self_score, c.appraised]
                    .into_iter()
                    .flatten()
                    .max();
                if let Some(score) = highest.filter(|s| *s > v) {
                    return Err(InputError::BelowScore(score));
                }
            }
            ScoreField::StatedLoss => {}
            _ => {
                if let Some(max) = c.max.filter(|m| v > *m) {
                    return Err(InputError::AboveMax(max));
                }
            }
        }
    }
    Ok(Op::set(&c.id, which.field(), dec_value(value)))
}

/// Marks a task done on `on`: "hoàn thành quá hạn" when that is after its deadline.
pub fn mark_done(task: &Task, on: NaiveDate) -> Vec<Op> {
    let late = task
        .effective_deadline()
        .last_day()
        .is_some_and(|last| on > last);
    let status = if late { Status::DoneLate } else { Status::Done };
    vec![
        Op::set(&task.id, f::STATUS, status.as_str()),
        Op::set(&task.id, f::DONE_ON, iso(on)),
        Op::set(&task.id, f::PROGRESS, 100),
    ]
}

/// Sets a status; done states go through [`mark_done`] so the date and lateness are right.
pub fn set_status(task: &Task, status: Status, today: NaiveDate) -> Vec<Op> {
    if status.is_done() {
        let mut ops = mark_done(task, task.done_on.unwrap_or(today));
        if status == Status::DoneLate {
            ops[0] = Op::set(&task.id, f::STATUS, Status::DoneLate.as_str());
        }
        return ops;
    }
    let mut ops = vec![Op::set(&task.id, f::STATUS, status.as_str())];
    if task.done_on.is_some() {
        ops.push(Op::set(&task.id, f::DONE_ON, Value::Null));
    }
    ops
}

/// Ticks or unticks one month or quarter of a recurring task.
pub fn set_period(task: &Task, period: Period, done: bool) -> Op {
    Op::set(
        &task.id,
        &format!("{}{}", f::DONE_PREFIX, period.key()),
        done,
    )
}

/// Records a target's value on a date, keeping the dated history.
pub fn record_target_value(target_id: &str, on: NaiveDate, text: &str) -> Result<Op, InputError> {
    let value = parse_number(text)?.ok_or(InputError::Empty)?;
    Ok(Op::set(
        target_id,
        &format!("{}{}", f::AT_PREFIX, iso(on)),
        value.to_canonical(),
    ))
}

/// A new record; `fields` leaves out empty values.
pub fn create(kind: Kind, id: String, fields: Vec<(&str, Value)>) -> Op {
    let fields: BTreeMap<String, Value> = crate::order::map(
        fields
            .into_iter()
            .filter(|(_, v)| !is_empty(v))
            .map(|(k, v)| (k.to_string(), v)),
    );
    Op::Create {
        id,
        kind: kind.as_str().to_string(),
        fields,
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// What evidence is attached to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attach {
    Task(String),
    Criterion(Code),
}

/// The fields of an evidence record as the form gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvidenceInput {
    pub number: String,
    pub date: String,
    pub title: String,
    pub issuer: String,
    pub filed_at: String,
    pub page: String,
    pub file: String,
    pub uploaded: bool,
    pub note: String,
}

impl EvidenceInput {
    fn fields(&self) -> Result<Vec<(&'static str, Value)>, InputError> {
        if self.title.trim().is_empty() && self.number.trim().is_empty() {
            return Err(InputError::Empty);
        }
        let date = match self.date.trim() {
            "" => Value::Null,
            text => json!(iso(super::deadline::parse_date_vi(text)
                .ok_or_else(|| InputError::NotADate(text.to_string()))?)),
        };
        Ok(vec![
            (f::NUMBER, json!(self.number.trim())),
            (f::DATE, date),
            (f::TITLE, json!(self.title.trim())),
            (f::ISSUER, json!(self.issuer.trim())),
            (f::FILED_AT, json!(self.filed_at.trim())),
            (f::PAGE, json!(self.page.trim())),
            (f::FILE, json!(self.file.trim())),
            (
                f::UPLOADED,
                if self.uploaded {
                    json!(true)
                } else {
                    Value::Null
                },
            ),
            (f::NOTE, json!(self.note.trim())),
        ])
    }
}

/// Adds evidence to a task or a criterion of a plan.
pub fn add_evidence(
    plan_id: &str,
    attach: &Attach,
    input: &EvidenceInput,
    id: String,
) -> Result<Op, InputError> {
    let mut fields = input.fields()?;
    fields.push((f::PLAN, json!(plan_id)));
    match attach {
        Attach::Task(task) => fields.push((f::TASK, json!(task))),
        Attach::Criterion(code) => fields.push((f::CODE, json!(code.to_string()))),
    }
    Ok(create(Kind::Evidence, id, fields))
}

/// Edits an evidence record: only the fields that changed.
pub fn edit_evidence(
    view: &PlanView,
    evidence_id: &str,
    input: &EvidenceInput,
) -> Result<Vec<Op>, InputError> {
    let current = view
        .evidence
        .iter()
        .find(|e| e.id == evidence_id)
        .ok_or_else(|| InputError::NoSuchRecord(evidence_id.to_string()))?;
    let before = EvidenceInput {
        number: current.number.clone(),
        date: current
            .date
            .map(super::deadline::date_vi)
            .unwrap_or_default(),
        title: current.title.clone(),
        issuer: current.issuer.clone(),
        filed_at: current.filed_at.clone(),
        page: current.page.clone(),
        file: current.file.clone(),
        uploaded: current.uploaded,
        note: current.note.clone(),
    };
    let old: BTreeMap<&str, Value> = crate::order::map(before.fields()?);
    Ok(input
        .fields()?
        .into_iter()
        .filter(|(k, v)| old.get(k) != Some(v))
        .map(|(k, v)| Op::set(evidence_id, k, v))
        .collect())
}

/// A new criterion in a plan; its code must be free.
pub fn add_criterion(
    view: &PlanView,
    code_text: &str,
    title: &str,
    id: String,
) -> Result<Op, InputError> {
    let code =
        Code::parse(code_text).ok_or_else(|| InputError::NotACode(code_text.trim().to_string()))?;
    if view.criterion(&code).is_some() {
        return Err(InputError::CodeTaken(code.to_string()));
    }
    Ok(create(
        Kind::Criterion,
        id,
        vec![
            (f::PLAN, json!(view.plan.id)),
            (f::CODE, json!(code.to_string())),
            (f::TITLE, json!(title.trim())),
            (f::ORIGIN, json!("manual")),
        ],
    ))
}

/// Changes a criterion's code and moves its tasks, evidence and targets along.
pub fn recode_criterion(
    view: &PlanView,
    c: &Criterion,
    code_text: &str,
) -> Result<Vec<Op>, InputError> {
    let code =
        Code::parse(code_text).ok_or_else(|| InputError::NotACode(code_text.trim().to_string()))?;
    let Some(old) = &c.code else {
        return Err(InputError::NotACode(String::new()));
    };
    if &code == old {
        return Ok(Vec::new());
    }
    if view.criterion(&code).is_some() {
        return Err(InputError::CodeTaken(code.to_string()));
    }
    let new = json!(code.to_string());
    let mut ops = vec![Op::set(&c.id, f::CODE, new.clone())];
    ops.extend(
        view.tasks_of(old)
            .map(|t| Op::set(&t.id, f::CODE, new.clone())),
    );
    ops.extend(
        view.evidence
            .iter()
            .filter(|e| e.code.as_ref() == Some(old))
            .map(|e| Op::set(&e.id, f::CODE, new.clone())),
    );
    ops.extend(
        view.targets
            .iter()
            .filter(|t| t.code.as_ref() == Some(old))
            .map(|t| Op::set(&t.id, f::CODE, new.clone())),
    );
    Ok(ops)
}

/// Deletes a criterion that no task names.
pub fn delete_criterion(view: &PlanView, c: &Criterion) -> Result<Op, InputError> {
    let tasks = c
        .code
        .as_ref()
        .map_or(0, |code| view.tasks_of(code).count());
    if tasks > 0 {
        return Err(InputError::InUse { tasks });
    }
    Ok(Op::Delete { id: c.id.clone() })
}

/// Deletes a unit that no task names (as lead, coordinating, or through an officer).
pub fn delete_unit(view: &PlanView, unit_id: &str) -> Result<Vec<Op>, InputError> {
    let tasks = view
        .tasks
        .iter()
        .filter(|t| view.task_is_units(t, unit_id))
        .count();
    if tasks > 0 {
        return Err(InputError::InUse { tasks });
    }
    Ok(vec![Op::Delete {
        id: unit_id.to_string(),
    }])
}

/// Deletes an officer; tasks that named them no longer do.
pub fn delete_officer(view: &PlanView, officer_id: &str) -> Vec<Op> {
    let mut ops: Vec<Op> = view
        .tasks
        .iter()
        .filter(|t| t.officers.iter().any(|o| o == officer_id))
        .map(|t| {
            Op::set(
                &t.id,
                f::OFFICERS,
                json!(t
                    .officers
                    .iter()
                    .filter(|o| *o != officer_id)
                    .collect::<Vec<_>>()),
            )
        })
        .collect();
    ops.push(Op::Delete {
        id: officer_id.to_string(),
    });
    ops
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::view;

    fn crit(v: &PlanView, code: &str) -> Criterion {
        v.criterion(&Code::parse(code).unwrap()).unwrap().clone()
    }

    #[test]
    fn scores_accept_comma_and_point_and_refuse_text_and_excess() {
        let v = view();
        let c = crit(&v, "1.3"); // max 1
        let cases: Vec<(ScoreField, &str, Result<Value, InputError>)> = vec![
            (ScoreField::SelfAssessed, "0,75", Ok(json!("0.75"))),
            (ScoreField::SelfAssessed, "0.75", Ok(json!("0.75"))),
            (ScoreField::Appraised, "1", Ok(json!("1"))),
            (ScoreField::Appraised, "", Ok(Value::Null)),
            (
                ScoreField::SelfAssessed,
                "abc",
                Err(InputError::NotANumber("abc".into())),
            ),
            (
                ScoreField::SelfAssessed,
                "1,25",
                Err(InputError::AboveMax(Decimal::from_int(1))),
            ),
            (ScoreField::SelfAssessed, "-1", Err(InputError::Negative)),
            (
                ScoreField::SelfAssessed,
                "0,1234",
                Err(InputError::TooManyDecimals),
            ),
            (
                ScoreField::Max,
                "0,5",
                Err(InputError::BelowScore(Decimal::from_milli(750))),
            ),
            (ScoreField::StatedLoss, "3", Ok(json!("3"))),
        ];
        for (which, text, want) in cases {
            let got = set_score(&c, which, text).map(|op| match op {
                Op::Set { value, .. } => value,
                other => panic!("{other:?}"),
            });
            assert_eq!(got, want, "{which:?} {text:?}");
        }
    }

    #[test]
    fn marking_done_after_the_deadline_is_done_late() {
        let v = view();
        let t = v
            .tasks_of(&Code::parse("1.3").unwrap())
            .next()
            .unwrap()
            .clone(); // 15/11/2022
        let on_time = mark_done(&t, NaiveDate::from_ymd_opt(2022, 10, 15).unwrap());
        assert_eq!(on_time[0], Op::set(&t.id, f::STATUS, "done"));
        let late = mark_done(&t, NaiveDate::from_ymd_opt(2022, 11, 16).unwrap());
        assert_eq!(late[0], Op::set(&t.id, f::STATUS, "done_late"));
    }

    #[test]
    fn a_unit_or_criterion_still_named_by_tasks_cannot_go() {
        let v = view();
        let tp = v
            .units
            .iter()
            .find(|u| u.name == "Tư pháp - Hộ tịch")
            .unwrap();
        assert_eq!(
            delete_unit(&v, &tp.id),
            Err(InputError::InUse { tasks: 11 })
        );
        assert_eq!(
            delete_criterion(&v, &crit(&v, "1.3")),
            Err(InputError::InUse { tasks: 1 })
        );
        assert!(delete_criterion(&v, &crit(&v, "7.1")).is_ok());
    }

    #[test]
    fn codes_must_be_valid_and_free() {
        let v = view();
        assert_eq!(
            add_criterion(&v, "1.3", "x", "c1".into()),
            Err(InputError::CodeTaken("1.3".into()))
        );
        assert_eq!(
            add_criterion(&v, "1.x", "x", "c1".into()),
            Err(InputError::NotACode("1.x".into()))
        );
        assert!(add_criterion(&v, "1.9", "Mới", "c1".into()).is_ok());
        let ops = recode_criterion(&v, &crit(&v, "1.3"), "1.4").unwrap();
        assert_eq!(ops.len(), 2, "the criterion and its task move together");
    }

    #[test]
    fn evidence_needs_a_title_or_number_and_a_real_date() {
        let input = EvidenceInput {
            title: "Báo cáo quý III".into(),
            date: "31/02/2022".into(),
            ..Default::default()
        };
        assert_eq!(
            add_evidence("p", &Attach::Task("t".into()), &input, "e1".into()),
            Err(InputError::NotADate("31/02/2022".into()))
        );
        assert_eq!(
            add_evidence(
                "p",
                &Attach::Task("t".into()),
                &EvidenceInput::default(),
                "e1".into()
            ),
            Err(InputError::Empty)
        );
        let ok = EvidenceInput {
            number: "45/BC-UBND".into(),
            date: "30/09/2022".into(),
            ..Default::default()
        };
        let Ok(Op::Create { fields, .. }) =
            add_evidence("p", &Attach::Task("t".into()), &ok, "e1".into())
        else {
            panic!()
        };
        assert_eq!(fields.get(f::DATE), Some(&json!("2022-09-30")));
        assert_eq!(fields.get(f::TASK), Some(&json!("t")));
    }
}

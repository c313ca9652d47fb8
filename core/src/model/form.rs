//! What officers type into the app's forms, read and checked: one field of a record
//! (text, lines, numbers, points, dates, deadlines), and the records made by hand
//! (tasks, units, officers, ranking rows) with the rules that keep them sound.
//!
//! Every function returns operations to apply, or a typed refusal that changes nothing.
//! The view shows what [`field_text`] gives and sends back what was typed.

use chrono::NaiveDate;
use serde_json::Value;

use super::code::Code;
use super::deadline::{date_from_iso, date_vi, iso, parse_date_vi, Deadline};
use super::decimal::Decimal;
use super::doc::{Doc, Kind, DELETED};
use super::edit::{create, parse_number, InputError};
use super::names::{fold, unit_key};
use super::records::{f, Extension, Read, Status, Task};
use super::view::PlanView;
use super::workspace::{restore_ops, Op};

/// How a field is typed and stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// Free text; empty clears it.
    Text,
    /// Text that may not be empty (names, titles).
    Required,
    /// One item per line (Nơi nhận); stored as a list.
    Lines,
    /// A whole number from 1 (a rank, the number of communes ranked).
    Count,
    /// A year.
    Year,
    /// Points, `0,75` or `0.75`; empty clears.
    Points,
    /// `dd/mm/yyyy`; empty clears.
    Date,
    /// A whole percentage, 0 to 100.
    Percent,
    /// A deadline of any kind: `10/11/2022`, `02/2022`, `Hàng tháng`, `Hàng quý`; empty is none.
    Deadline,
}

const MAX_COUNT: i64 = 100_000;

/// Reads what was typed into the value stored for the field.
pub fn parse_input(input: Input, text: &str) -> Result<Value, InputError> {
    let trimmed = text.trim();
    match input {
        Input::Text => Ok(if trimmed.is_empty() {
            Value::Null
        } else {
            Value::from(trimmed)
        }),
        Input::Required if trimmed.is_empty() => Err(InputError::Empty),
        Input::Required => Ok(Value::from(trimmed)),
        Input::Lines => {
            let lines: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            Ok(if lines.is_empty() {
                Value::Null
            } else {
                Value::from(lines)
            })
        }
        Input::Count => whole(trimmed, 1, MAX_COUNT),
        Input::Year => whole(trimmed, 1900, 2200),
        Input::Percent => whole(trimmed, 0, 100),
        Input::Points => {
            Ok(parse_number(trimmed)?.map_or(Value::Null, |d| Value::from(d.to_canonical())))
        }
        Input::Date if trimmed.is_empty() => Ok(Value::Null),
        Input::Date => parse_date_vi(trimmed)
            .map(|d| Value::from(iso(d)))
            .ok_or_else(|| InputError::NotADate(trimmed.to_string())),
        Input::Deadline => parse_deadline(trimmed)
            .map(|d| d.to_data().map_or(Value::Null, Value::String))
            .ok_or_else(|| InputError::NotADeadline(trimmed.to_string())),
    }
}

/// A whole number within bounds; empty clears it.
fn whole(text: &str, min: i64, max: i64) -> Result<Value, InputError> {
    if text.is_empty() {
        return Ok(Value::Null);
    }
    let n: i64 = text
        .parse()
        .map_err(|_| InputError::NotANumber(text.to_string()))?;
    if !(min..=max).contains(&n) {
        return Err(InputError::OutOfRange { min, max });
    }
    Ok(Value::from(n))
}

/// Deadlines as Vietnamese plans write them, and the same words in English.
fn parse_deadline(text: &str) -> Option<Deadline> {
    if let Ok(d) = Deadline::parse_vi(text) {
        return Some(d);
    }
    let folded = fold(text);
    let monthly = folded.contains("monthly");
    let quarterly = folded.contains("quarterly");
    (monthly || quarterly).then_some(Deadline::Recurring { monthly, quarterly })
}

/// A field set from what was typed.
pub fn set_field(id: &str, field: &str, input: Input, text: &str) -> Result<Op, InputError> {
    Ok(Op::set(id, field, parse_input(input, text)?))
}

/// How a stored value is shown in its input, so that typing it back changes nothing.
/// Deadlines are the UI's to word (they depend on the language).
pub fn field_text(input: Input, value: Option<&Value>) -> String {
    let Some(value) = value else {
        return String::new();
    };
    match (input, value) {
        (Input::Lines, Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        (Input::Points, Value::String(s)) => {
            Decimal::parse(s).map_or_else(|_| s.clone(), Decimal::to_vi)
        }
        (Input::Date, Value::String(s)) => date_from_iso(s).map_or_else(|| s.clone(), date_vi),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// Leaves out field edits that would write the value already there: an edit that changes
/// nothing is no edit (no history line, no undo step, no stamp for a merge to weigh).
pub fn changes_only(doc: &Doc, ops: Vec<Op>) -> Vec<Op> {
    ops.into_iter()
        .filter(|op| match op {
            Op::Set { id, field, value } => doc
                .get(id)
                .is_none_or(|r| r.get(field).unwrap_or(&Value::Null) != value),
            _ => true,
        })
        .collect()
}

/// Which list of people a task names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Chủ trì
    Lead,
    /// Phối hợp
    Support,
    Officer,
}

impl Role {
    fn field(self) -> &'static str {
        match self {
            Role::Lead => f::LEAD,
            Role::Support => f::SUPPORT,
            Role::Officer => f::OFFICERS,
        }
    }
}

/// Names or stops naming a unit or officer in a task.
pub fn assign(task: &Task, role: Role, id: &str, on: bool) -> Op {
    let list = match role {
        Role::Lead => &task.lead,
        Role::Support => &task.support,
        Role::Officer => &task.officers,
    };
    let mut ids: Vec<&str> = list
        .iter()
        .map(String::as_str)
        .filter(|x| *x != id)
        .collect();
    if on {
        ids.push(id);
    }
    Op::set(
        &task.id,
        role.field(),
        if ids.is_empty() {
            Value::Null
        } else {
            Value::from(ids)
        },
    )
}

/// Grants an extension (gia hạn) to a new last day, with its reason, on `granted`.
pub fn add_extension(
    task: &Task,
    date_text: &str,
    reason: &str,
    granted: NaiveDate,
) -> Result<Op, InputError> {
    let date = parse_date_vi(date_text).ok_or_else(|| {
        if date_text.trim().is_empty() {
            InputError::Empty
        } else {
            InputError::NotADate(date_text.trim().to_string())
        }
    })?;
    let mut list = task.extensions.clone();
    list.push(Extension {
        date,
        reason: reason.trim().to_string(),
        granted: Some(granted),
    });
    Ok(extensions_op(task, &list))
}

/// Withdraws one extension (by its place in the list).
pub fn remove_extension(task: &Task, index: usize) -> Op {
    let list: Vec<Extension> = task
        .extensions
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .map(|(_, e)| e.clone())
        .collect();
    extensions_op(task, &list)
}

fn extensions_op(task: &Task, list: &[Extension]) -> Op {
    let value = if list.is_empty() {
        Value::Null
    } else {
        serde_json::to_value(list).unwrap_or(Value::Null)
    };
    Op::set(&task.id, f::EXTENSIONS, value)
}

/// Clears the doubts a reading left on a task, once someone has checked them.
pub fn clear_doubts(task: &Task) -> Op {
    Op::set(&task.id, f::DOUBTS, Value::Null)
}

fn code_of(text: &str) -> Result<Option<Code>, InputError> {
    match text.trim() {
        "" => Ok(None),
        t => Code::parse(t)
            .map(Some)
            .ok_or_else(|| InputError::NotACode(t.to_string())),
    }
}

/// Links a task to a criterion or a domain by code; empty links it to none.
pub fn set_task_code(task_id: &str, text: &str) -> Result<Op, InputError> {
    let code = code_of(text)?;
    Ok(Op::set(
        task_id,
        f::CODE,
        code.map_or(Value::Null, |c| Value::from(c.to_string())),
    ))
}

/// A new task of the plan, after the tasks of the same code.
pub fn add_task(
    view: &PlanView,
    code_text: &str,
    title: &str,
    id: String,
) -> Result<Op, InputError> {
    let code = code_of(code_text)?;
    let title = parse_input(Input::Required, title)?;
    let order = view
        .tasks
        .iter()
        .filter(|t| t.code == code)
        .map(|t| t.order)
        .max()
        .unwrap_or(0)
        + 1;
    Ok(create(
        Kind::Task,
        id,
        vec![
            (f::PLAN, Value::from(view.plan.id.as_str())),
            (
                f::CODE,
                code.map_or(Value::Null, |c| Value::from(c.to_string())),
            ),
            (f::TITLE, title),
            (f::STATUS, Value::from(Status::NotStarted.as_str())),
            (f::ORIGIN, Value::from("manual")),
            (f::ORDER, Value::from(order)),
        ],
    ))
}

/// Whether another unit of the commune already goes by this name (any spelling).
fn unit_name_taken(view: &PlanView, name: &str, except: &str) -> bool {
    let key = unit_key(name);
    view.units
        .iter()
        .filter(|u| u.id != except)
        .any(|u| unit_key(&u.name) == key || u.aliases.iter().any(|a| unit_key(a) == key))
}

/// A new unit of the plan's commune, last in order.
pub fn add_unit(view: &PlanView, name: &str, id: String) -> Result<Op, InputError> {
    let value = parse_input(Input::Required, name)?;
    if unit_name_taken(view, name, "") {
        return Err(InputError::NameTaken(name.trim().to_string()));
    }
    let order = view.units.iter().map(|u| u.order).max().unwrap_or(0) + 1;
    Ok(create(
        Kind::Unit,
        id,
        vec![
            (f::COMMUNE, Value::from(view.plan.commune.as_str())),
            (f::NAME, value),
            (f::ORDER, Value::from(order)),
        ],
    ))
}

/// Renames a unit; the name may not be empty nor another unit's.
pub fn rename_unit(view: &PlanView, unit_id: &str, name: &str) -> Result<Op, InputError> {
    let value = parse_input(Input::Required, name)?;
    if unit_name_taken(view, name, unit_id) {
        return Err(InputError::NameTaken(name.trim().to_string()));
    }
    Ok(Op::set(unit_id, f::NAME, value))
}

/// A new officer of the commune, in a unit of it.
pub fn add_officer(
    view: &PlanView,
    name: &str,
    unit_id: &str,
    title: &str,
    id: String,
) -> Result<Op, InputError> {
    let name = parse_input(Input::Required, name)?;
    if view.unit(unit_id).is_none() {
        return Err(InputError::NoSuchRecord(unit_id.to_string()));
    }
    Ok(create(
        Kind::Officer,
        id,
        vec![
            (f::COMMUNE, Value::from(view.plan.commune.as_str())),
            (f::NAME, name),
            (f::UNIT, Value::from(unit_id)),
            (f::TITLE, parse_input(Input::Text, title)?),
        ],
    ))
}

/// Moves an officer to another unit of the commune.
pub fn move_officer(view: &PlanView, officer_id: &str, unit_id: &str) -> Result<Op, InputError> {
    if view.unit(unit_id).is_none() {
        return Err(InputError::NoSuchRecord(unit_id.to_string()));
    }
    Ok(Op::set(officer_id, f::UNIT, Value::from(unit_id)))
}

/// The year whose published scores rank the plan: its baseline year.
pub fn ranking_year(view: &PlanView) -> i32 {
    view.plan.base_year.unwrap_or(view.plan.year - 1)
}

/// A commune's published score in the ranking table of the baseline year.
pub fn add_ranking(
    view: &PlanView,
    commune: &str,
    score: &str,
    id: String,
) -> Result<Op, InputError> {
    let name = parse_input(Input::Required, commune)?;
    let score = parse_number(score)?.ok_or(InputError::Empty)?;
    if view
        .ranking
        .iter()
        .any(|e| fold(&e.commune) == fold(commune))
    {
        return Err(InputError::NameTaken(commune.trim().to_string()));
    }
    Ok(create(
        Kind::Ranking,
        id,
        vec![
            (f::YEAR, Value::from(ranking_year(view))),
            (f::COMMUNE, name),
            (f::SCORE, Value::from(score.to_canonical())),
        ],
    ))
}

/// Corrects a commune's published score; it may not be emptied (delete the row instead).
pub fn set_ranking_score(entry_id: &str, text: &str) -> Result<Op, InputError> {
    let score = parse_number(text)?.ok_or(InputError::Empty)?;
    Ok(Op::set(
        entry_id,
        f::SCORE,
        Value::from(score.to_canonical()),
    ))
}

/// Sets a target's goal; empty clears it.
pub fn set_target_goal(target_id: &str, text: &str) -> Result<Op, InputError> {
    set_field(target_id, f::GOAL_VALUE, Input::Points, text)
}

/// Brings the built-in example back as it ships, as ordinary edits (so one undo takes it
/// back): its records are restored and rewritten where they differ, values added since
/// are cleared, and records added to the example plan since are deleted. Other plans,
/// and units or officers added by hand, are left alone.
pub fn restore_example(doc: &Doc, example: &Doc, plan_id: &str) -> Vec<Op> {
    let mut part = Doc::default();
    let mut ops = Vec::new();
    for (id, original) in &example.records {
        match doc.get(id) {
            Some(now) => {
                part.records.insert(id.clone(), now.clone());
            }
            None => {
                let fields = original
                    .fields
                    .keys()
                    .filter(|name| name.as_str() != DELETED)
                    .filter_map(|name| Some((name.as_str(), original.get(name)?.clone())))
                    .collect();
                ops.push(create(original.kind.clone(), id.clone(), fields));
            }
        }
    }
    for (id, record) in doc.live() {
        if record.text(f::PLAN) == plan_id {
            part.records.insert(id.clone(), record.clone());
        }
    }
    ops.extend(restore_ops(&part, example));
    ops
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::seed;
    use crate::model::workspace::{Action, Ctx, Workspace};
    use crate::model::ReplicaId;
    use crate::test_support::{d, view};
    use serde_json::json;

    #[test]
    fn every_input_reads_what_officers_type_and_refuses_the_rest() {
        use InputError::*;
        let cases: Vec<(Input, &str, Result<Value, InputError>)> = vec![
            (Input::Text, "  Sơn Lĩnh ", Ok(json!("Sơn Lĩnh"))),
            (Input::Text, "   ", Ok(Value::Null)),
            (Input::Required, " ", Err(Empty)),
            (Input::Required, "Tư pháp", Ok(json!("Tư pháp"))),
            (
                Input::Lines,
                "Phòng Nội vụ\n\n  Lưu: VP-UBND \n",
                Ok(json!(["Phòng Nội vụ", "Lưu: VP-UBND"])),
            ),
            (Input::Lines, "\n \n", Ok(Value::Null)),
            (Input::Count, "25", Ok(json!(25))),
            (
                Input::Count,
                "0",
                Err(OutOfRange {
                    min: 1,
                    max: 100_000,
                }),
            ),
            (Input::Count, "19,5", Err(NotANumber("19,5".into()))),
            (Input::Count, "", Ok(Value::Null)),
            (Input::Year, "2022", Ok(json!(2022))),
            (
                Input::Year,
                "22",
                Err(OutOfRange {
                    min: 1900,
                    max: 2200,
                }),
            ),
            (Input::Percent, "100", Ok(json!(100))),
            (Input::Percent, "101", Err(OutOfRange { min: 0, max: 100 })),
            (Input::Percent, "abc", Err(NotANumber("abc".into()))),
            (Input::Points, "75,84", Ok(json!("75.84"))),
            (Input::Points, "75.84", Ok(json!("75.84"))),
            (Input::Points, "abc", Err(NotANumber("abc".into()))),
            (Input::Points, "", Ok(Value::Null)),
            (Input::Date, "28/02/2022", Ok(json!("2022-02-28"))),
            (Input::Date, "1/3/2022", Ok(json!("2022-03-01"))),
            (
                Input::Date,
                "30/02/2022",
                Err(NotADate("30/02/2022".into())),
            ),
            (Input::Date, "", Ok(Value::Null)),
            (Input::Deadline, "10/11/2022", Ok(json!("2022-11-10"))),
            (Input::Deadline, "02/2022", Ok(json!("2022-02"))),
            (Input::Deadline, "Hàng tháng", Ok(json!("monthly"))),
            (Input::Deadline, "hang quy", Ok(json!("quarterly"))),
            (
                Input::Deadline,
                "Hàng tháng, hàng quý",
                Ok(json!("monthly+quarterly")),
            ),
            (Input::Deadline, "Monthly", Ok(json!("monthly"))),
            (Input::Deadline, "", Ok(Value::Null)),
            (Input::Deadline, "sớm", Err(NotADeadline("sớm".into()))),
        ];
        for (input, text, want) in cases {
            assert_eq!(parse_input(input, text), want, "{input:?} {text:?}");
        }
    }

    #[test]
    fn what_is_shown_reads_back_to_the_same_value() {
        let cases: Vec<(Input, Value, &str)> = vec![
            (Input::Points, json!("75.84"), "75,84"),
            (Input::Date, json!("2021-11-23"), "23/11/2021"),
            (Input::Count, json!(25), "25"),
            (Input::Lines, json!(["a", "b"]), "a\nb"),
            (Input::Text, json!("Chủ tịch"), "Chủ tịch"),
        ];
        for (input, value, shown) in cases {
            assert_eq!(field_text(input, Some(&value)), shown, "{input:?}");
            assert_eq!(parse_input(input, shown), Ok(value), "{input:?}");
        }
        assert_eq!(field_text(Input::Points, None), "");
    }

    #[test]
    fn edits_that_change_nothing_are_left_out() {
        let doc = seed::example();
        let v = view();
        let c = v.criterion(&Code::parse("1.3").unwrap()).unwrap();
        let same = Op::set(&c.id, f::MAX, json!("1"));
        let cleared_empty = Op::set(&c.id, f::SELF, Value::Null);
        let changed = Op::set(&c.id, f::SELF, json!("0.75"));
        let new = Op::set("t-new", f::TITLE, json!("x"));
        assert_eq!(
            changes_only(
                &doc,
                vec![same, cleared_empty, changed.clone(), new.clone()]
            ),
            vec![changed, new]
        );
    }

    #[test]
    fn assigning_people_to_a_task() {
        let v = view();
        let code = Code::parse("1.3").unwrap();
        let t = v.tasks_of(&code).next().unwrap();
        let vp = t.lead[0].clone();
        assert_eq!(
            assign(t, Role::Support, "u2", true),
            Op::set(&t.id, f::SUPPORT, json!(["u2"]))
        );
        assert_eq!(
            assign(t, Role::Lead, "u2", true),
            Op::set(&t.id, f::LEAD, json!([vp, "u2"]))
        );
        assert_eq!(
            assign(t, Role::Lead, &vp, false),
            Op::set(&t.id, f::LEAD, Value::Null)
        );
        assert_eq!(
            assign(t, Role::Lead, &vp, true),
            Op::set(&t.id, f::LEAD, json!([vp])),
            "naming twice keeps one"
        );
    }

    #[test]
    fn extensions_are_added_with_a_real_date_and_removed_by_place() {
        let v = view();
        let mut t = v
            .tasks_of(&Code::parse("1.7").unwrap())
            .next()
            .unwrap()
            .clone();
        assert_eq!(
            add_extension(&t, "", "x", d(2022, 10, 1)),
            Err(InputError::Empty)
        );
        assert_eq!(
            add_extension(&t, "31/11/2022", "x", d(2022, 10, 1)),
            Err(InputError::NotADate("31/11/2022".into()))
        );
        let op = add_extension(&t, "30/11/2022", " chờ hướng dẫn ", d(2022, 10, 1)).unwrap();
        let Op::Set { value, .. } = &op else { panic!() };
        t.extensions = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(t.extensions.len(), 1);
        assert_eq!(t.extensions[0].reason, "chờ hướng dẫn");
        assert_eq!(t.effective_deadline(), Deadline::Date(d(2022, 11, 30)));
        assert_eq!(
            remove_extension(&t, 0),
            Op::set(&t.id, f::EXTENSIONS, Value::Null)
        );
    }

    #[test]
    fn records_made_by_hand() {
        let v = view();
        // Tasks: a title, and a valid code or none.
        assert_eq!(
            add_task(&v, "1.3", " ", "t1".into()),
            Err(InputError::Empty)
        );
        assert_eq!(
            add_task(&v, "1.x", "Việc", "t1".into()),
            Err(InputError::NotACode("1.x".into()))
        );
        let Ok(Op::Create { fields, kind, .. }) = add_task(&v, "1.3", "Việc mới", "t1".into())
        else {
            panic!()
        };
        assert_eq!(kind, "task");
        assert_eq!(
            fields.get(f::ORDER),
            Some(&json!(1)),
            "after 1.3's task (order 0)"
        );
        assert_eq!(fields.get(f::PLAN), Some(&json!(v.plan.id)));
        assert!(add_task(&v, "", "Việc không gắn tiêu chí", "t2".into()).is_ok());
        // Units: a name no other unit goes by, in any spelling.
        assert_eq!(
            add_unit(&v, "Công chức Tư pháp – HT", "u1".into()),
            Err(InputError::NameTaken("Công chức Tư pháp – HT".into()))
        );
        let Ok(Op::Create { fields, .. }) = add_unit(&v, "Quân sự", "u1".into()) else {
            panic!()
        };
        assert_eq!(fields.get(f::ORDER), Some(&json!(7)));
        assert_eq!(fields.get(f::COMMUNE), Some(&json!("Sơn Lĩnh")));
        let tp = v
            .units
            .iter()
            .find(|u| u.name == "Tư pháp - Hộ tịch")
            .unwrap();
        assert!(
            rename_unit(&v, &tp.id, "Tư pháp – Hộ tịch").is_ok(),
            "its own name"
        );
        assert_eq!(
            rename_unit(&v, &tp.id, "Địa chính"),
            Err(InputError::NameTaken("Địa chính".into()))
        );
        assert_eq!(rename_unit(&v, &tp.id, ""), Err(InputError::Empty));
        // Officers belong to a unit of the commune.
        assert_eq!(
            add_officer(&v, "Lan", "u-khong-co", "", "o1".into()),
            Err(InputError::NoSuchRecord("u-khong-co".into()))
        );
        assert!(add_officer(&v, "Lan", &tp.id, "Công chức", "o1".into()).is_ok());
        assert_eq!(
            move_officer(&v, "o1", "u-x"),
            Err(InputError::NoSuchRecord("u-x".into()))
        );
        // Ranking rows: a commune once per year, with a score.
        assert_eq!(ranking_year(&v), 2021);
        let Ok(Op::Create { fields, .. }) = add_ranking(&v, "Sơn Hà", "80,5", "r1".into()) else {
            panic!()
        };
        assert_eq!(fields.get(f::SCORE), Some(&json!("80.5")));
        assert_eq!(fields.get(f::YEAR), Some(&json!(2021)));
        assert_eq!(
            add_ranking(&v, "Sơn Hà", "", "r1".into()),
            Err(InputError::Empty)
        );
        assert_eq!(
            set_ranking_score("r1", "81,25"),
            Ok(Op::set("r1", f::SCORE, json!("81.25")))
        );
        assert_eq!(set_ranking_score("r1", " "), Err(InputError::Empty));
        assert_eq!(
            set_ranking_score("r1", "tám mươi"),
            Err(InputError::NotANumber("tám mươi".into()))
        );
        assert_eq!(
            set_target_goal("g", "95"),
            Ok(Op::set("g", f::GOAL_VALUE, json!("95")))
        );
    }

    #[test]
    fn restoring_the_example_undoes_every_change_to_it_in_one_step() {
        let example = seed::example();
        let plan = seed::plan_id();
        let mut ws = Workspace::new(ReplicaId(7));
        ws.doc = example.clone();
        let ctx = Ctx {
            now_ms: 1_000,
            who: "Phong".into(),
        };
        let v = PlanView::build(&ws.doc, &plan).unwrap();
        let t13 = v
            .tasks_of(&Code::parse("1.3").unwrap())
            .next()
            .unwrap()
            .clone();
        let mut ops = crate::model::edit::mark_done(&t13, d(2022, 10, 15));
        ops.push(add_task(&v, "1.3", "Việc mới", "t-new".into()).unwrap());
        ops.push(Op::Delete {
            id: v.criteria[0].id.clone(),
        });
        ws.apply(Action::Edit, ops, &ctx).unwrap();
        assert_ne!(
            PlanView::build(&ws.doc, &plan),
            PlanView::build(&example, &plan)
        );

        let back = restore_example(&ws.doc, &example, &plan);
        ws.apply(Action::Restore, back, &ctx).unwrap();
        assert_eq!(
            PlanView::build(&ws.doc, &plan),
            PlanView::build(&example, &plan)
        );
        assert!(
            restore_example(&ws.doc, &example, &plan).is_empty(),
            "nothing left to do"
        );
        // Into an empty workspace: every record is created.
        let mut empty = Workspace::new(ReplicaId(8));
        let ops = restore_example(&empty.doc, &example, &plan);
        empty.apply(Action::Restore, ops, &ctx).unwrap();
        assert_eq!(
            PlanView::build(&empty.doc, &plan),
            PlanView::build(&example, &plan)
        );
    }
}

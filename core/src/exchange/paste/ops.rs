//! From a preview to the edits that add its rows to a plan.
//!
//! Records are found by natural key: a criterion by its code in the plan, a task by
//! code and title, a unit by its name, an officer by name. New criteria and tasks get
//! ids derived from the plan, the code and the title (as the built-in example does),
//! so two officers who paste the same table merge. An existing record gets a `Set`
//! only for a field the table gives and that differs; what the table leaves empty
//! clears nothing. Pasting the same table again therefore changes nothing.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use crate::model::code::Code;
use crate::model::deadline::iso;
use crate::model::decimal::Decimal;
use crate::model::doc::{Doc, Kind};
use crate::model::edit::create;
use crate::model::ids;
use crate::model::names::fold;
use crate::model::records::{f, Doubt};
use crate::model::view::PlanView;
use crate::model::workspace::Op;

use super::matching::{match_all, Found, Known, Matched, UnitRef};
use super::{PasteError, PastePreview, PastedRow, RowDoubt};

/// The edits that add the preview's rows to the plan `plan_id` of `doc`.
///
/// New units and officers are created only when their offer is accepted. Ids are
/// derived from natural keys; when a derived id is already taken (a deleted record
/// keeps its id), `new_id` gives a fresh one.
pub fn to_ops(
    preview: &PastePreview,
    doc: &Doc,
    plan_id: &str,
    new_id: &mut dyn FnMut(Kind) -> String,
) -> Result<Vec<Op>, PasteError> {
    let view = PlanView::build(doc, plan_id).ok_or(PasteError::NoSuchPlan)?;
    let mut b = Builder {
        doc,
        view: &view,
        new_id,
        ops: Vec::new(),
        taken: BTreeSet::new(),
        new_units: Vec::new(),
        new_officers: BTreeMap::new(),
    };
    b.plan_line(preview);
    let matched: Vec<Matched> = match_all(&preview.rows, Known::of(&view), |names| {
        (b.new_units(preview, names), false)
    })
    .into_iter()
    .map(|(m, _)| m)
    .collect();
    b.new_officers(preview, &matched);
    let mut codes_done: BTreeSet<Code> = BTreeSet::new();
    for row in preview
        .rows
        .iter()
        .filter(|r| codes_done.insert(r.code.clone()))
    {
        b.criterion(row);
    }
    for code in preview.inferred.iter().filter(|c| !codes_done.contains(*c)) {
        b.inferred(code);
    }
    let mut tasks_done: BTreeSet<(Code, String)> = BTreeSet::new();
    for (row, m) in preview.rows.iter().zip(&matched) {
        if !row.heading && tasks_done.insert((row.code.clone(), fold(&row.criterion.title))) {
            b.task(row, m);
        }
    }
    Ok(b.ops)
}

struct Builder<'a> {
    doc: &'a Doc,
    view: &'a PlanView,
    new_id: &'a mut dyn FnMut(Kind) -> String,
    ops: Vec<Op>,
    /// Ids given out in this paste.
    taken: BTreeSet<String>,
    /// New units' ids, in the order they are created (and numbered).
    new_units: Vec<String>,
    /// New officers by folded name: their ids.
    new_officers: BTreeMap<String, String>,
}

fn dec(v: Option<Decimal>) -> Value {
    v.map_or(Value::Null, |d| json!(d.to_canonical()))
}

fn text(s: &str) -> Value {
    json!(s)
}

impl Builder<'_> {
    fn plan_id(&self) -> &str {
        &self.view.plan.id
    }

    /// The derived id, or a fresh one when a record (perhaps deleted) already has it.
    fn id_for(&mut self, derived: String, kind: Kind) -> String {
        let id = if self.doc.get(&derived).is_some() || self.taken.contains(&derived) {
            (self.new_id)(kind)
        } else {
            derived
        };
        self.taken.insert(id.clone());
        id
    }

    /// Sets each given field of an existing record that differs; empty values set nothing.
    fn set_differing(&mut self, id: &str, fields: &[(&str, Value)]) {
        let record = self.doc.get(id);
        for (name, value) in fields.iter().filter(|(_, v)| !is_empty(v)) {
            if record.and_then(|r| r.get(name)) != Some(value) {
                self.ops.push(Op::set(id, name, value.clone()));
            }
        }
    }

    /// The plan line fills the plan's number and date when it has none.
    fn plan_line(&mut self, preview: &PastePreview) {
        let Some(line) = &preview.plan_line else {
            return;
        };
        let plan = &self.view.plan;
        let mut fields = Vec::new();
        if plan.number.is_empty() && !line.number.is_empty() {
            fields.push((f::NUMBER, text(&line.number)));
        }
        if let (None, Some(date)) = (plan.date, line.date) {
            fields.push((f::DATE, json!(iso(date))));
        }
        let id = plan.id.clone();
        self.set_differing(&id, &fields);
    }

    /// Creates the accepted new units; their ids and names, for matching.
    fn new_units(&mut self, preview: &PastePreview, names: Vec<String>) -> Vec<(String, String)> {
        let commune = self.view.plan.commune.clone();
        let mut order = self.view.units.iter().map(|u| u.order).max().unwrap_or(0);
        let mut created = Vec::new();
        for name in names.into_iter().filter(|n| preview.unit_accepted(n)) {
            order += 1;
            let id = self.id_for(ids::unit(&commune, &name), Kind::Unit);
            self.ops.push(create(
                Kind::Unit,
                id.clone(),
                vec![
                    (f::COMMUNE, text(&commune)),
                    (f::NAME, text(&name)),
                    (f::ORDER, json!(order)),
                ],
            ));
            self.new_units.push(id.clone());
            created.push((id, name));
        }
        created
    }

    /// Creates the accepted new officers.
    fn new_officers(&mut self, preview: &PastePreview, matched: &[Matched]) {
        let commune = self.view.plan.commune.clone();
        let all = || {
            matched
                .iter()
                .flat_map(|m| m.lead.iter().chain(&m.support).chain(&m.officers))
        };
        for n in all() {
            let Found::NewOfficer { name, unit, title } = &n.found else {
                continue;
            };
            let key = fold(name);
            if self.new_officers.contains_key(&key) || !preview.officer_accepted(name) {
                continue;
            }
            // A new unit declined leaves the officer without a unit.
            let unit_id = match unit {
                Some(UnitRef::Known { id, .. }) => Value::String(id.clone()),
                Some(UnitRef::New { .. }) | None => Value::Null,
            };
            let id = self.id_for(ids::officer(&commune, name), Kind::Officer);
            self.ops.push(create(
                Kind::Officer,
                id.clone(),
                vec![
                    (f::COMMUNE, text(&commune)),
                    (f::NAME, text(name)),
                    (f::UNIT, unit_id),
                    (f::TITLE, text(title)),
                ],
            ));
            self.new_officers.insert(key, id);
        }
    }

    fn criterion(&mut self, row: &PastedRow) {
        let c = &row.criterion;
        // A heading's cell is its title; a task row keeps the cell as written.
        let written = if !row.heading || c.written != c.title {
            text(&c.written)
        } else {
            Value::Null
        };
        let deductions = if c.deductions.is_empty() {
            Value::Null
        } else {
            serde_json::to_value(&c.deductions).unwrap_or(Value::Null)
        };
        let fields = vec![
            (f::TITLE, text(&c.title)),
            (f::MAX, dec(c.max)),
            (f::BASE, dec(c.base)),
            (f::BASE_SELF, dec(c.base_self)),
            (f::STATED_LOSS, dec(c.stated_loss)),
            (f::DEDUCTIONS, deductions),
            (f::REMARK, text(&c.remark)),
            (f::WRITTEN, written),
            (f::WRITTEN_MAX, dec(c.written_max)),
            (f::WRITTEN_SCORE, dec(c.written_score)),
            (
                f::NO_EVIDENCE_LOSS,
                if c.no_evidence_loss {
                    json!(true)
                } else {
                    Value::Null
                },
            ),
            (
                f::NOTE,
                if row.heading {
                    text(&row.note)
                } else {
                    Value::Null
                },
            ),
        ];
        match self.view.criterion(&row.code) {
            Some(existing) => {
                let id = existing.id.clone();
                let inferred = existing.origin == crate::model::records::Origin::Inferred;
                self.set_differing(&id, &fields);
                if inferred {
                    self.ops.push(Op::set(&id, f::ORIGIN, "appendix"));
                }
            }
            None => self.create_criterion(&row.code, fields, "appendix"),
        }
    }

    fn inferred(&mut self, code: &Code) {
        if self.view.criterion(code).is_none() {
            self.create_criterion(code, Vec::new(), "inferred");
        }
    }

    fn create_criterion(&mut self, code: &Code, mut fields: Vec<(&str, Value)>, origin: &str) {
        let plan = self.plan_id().to_string();
        let code = code.to_string();
        let id = self.id_for(ids::criterion(&plan, &code), Kind::Criterion);
        fields.splice(0..0, [(f::PLAN, text(&plan)), (f::CODE, text(&code))]);
        fields.push((f::ORIGIN, text(origin)));
        self.ops.push(create(Kind::Criterion, id, fields));
    }

    fn task(&mut self, row: &PastedRow, m: &Matched) {
        let people = self.people(m);
        let title = row.criterion.title.clone();
        let deadline = row.deadline.to_data().map_or(Value::Null, Value::String);
        let note = row.task_note();
        let code = row.code.to_string();
        let existing = self
            .view
            .tasks_of(&row.code)
            .find(|t| fold(&t.title) == fold(&title))
            .map(|t| t.id.clone());
        let mut fields = vec![
            (f::TITLE, text(&title)),
            (f::DETAIL, text(&row.detail)),
            (f::DEADLINE, deadline),
            (f::NOTE, text(&note)),
        ];
        if let Some(id) = existing {
            // Names the table leaves unsure (a unit declined, two units that fit) do
            // not replace the people the task already has.
            if !people.unresolved {
                fields.extend(people.fields());
            }
            return self.set_differing(&id, &fields);
        }
        // Units from a merged cell: the row they came from carries their doubts.
        let mut doubts = if row.merged_from.is_some() {
            Vec::new()
        } else {
            people.doubts.clone()
        };
        doubts.extend(stored_doubts(row));
        let plan = self.plan_id().to_string();
        let id = self.id_for(ids::task(&plan, &code, &title), Kind::Task);
        fields.extend(people.fields());
        fields.extend([
            (f::PLAN, text(&plan)),
            (f::CODE, text(&code)),
            (f::STATUS, text("not_started")),
            (
                f::DOUBTS,
                serde_json::to_value(&doubts).unwrap_or(Value::Null),
            ),
            (f::ORIGIN, text("appendix")),
        ]);
        self.ops.push(create(Kind::Task, id, fields));
    }

    /// Ids of a row's units (in the commune's order) and officers, and the doubts
    /// the task keeps about names left out.
    fn people(&self, m: &Matched) -> People {
        let mut p = People::default();
        p.lead = self.unit_ids(&m.lead, &mut p);
        p.support = self.unit_ids(&m.support, &mut p);
        for n in &m.officers {
            match &n.found {
                Found::Officer { id, .. } => p.officers.push(id.clone()),
                Found::NewOfficer { name, .. } => match self.new_officers.get(&fold(name)) {
                    Some(id) => p.officers.push(id.clone()),
                    None => {
                        p.unresolved = true;
                        p.doubts.push(Doubt::Unread {
                            text: n.written.clone(),
                        });
                    }
                },
                _ => {}
            }
        }
        dedup(&mut p.officers);
        p
    }

    fn unit_ids(&self, names: &[super::Named], p: &mut People) -> Vec<String> {
        let mut ids = Vec::new();
        for n in names {
            match &n.found {
                Found::Unit { id, .. } => ids.push(id.clone()),
                Found::Slip { id, name } => {
                    ids.push(id.clone());
                    p.doubts.push(Doubt::UnitSlip {
                        written: n.written.clone(),
                        unit: name.clone(),
                    });
                }
                // Accepted new units are known by now: this one was declined.
                Found::NewUnit { .. } => {
                    p.unresolved = true;
                    p.doubts.push(Doubt::UnknownUnit {
                        written: n.written.clone(),
                    });
                }
                Found::Ambiguous { .. } => {
                    p.unresolved = true;
                    p.doubts.push(Doubt::Unread {
                        text: n.written.clone(),
                    });
                }
                Found::Officer { .. } | Found::NewOfficer { .. } => {}
            }
        }
        // The commune's order, whatever order the cell lists them in; new units last, in the
        // order they are numbered, so that the same paste again finds the list unchanged.
        let units = &self.view.units;
        let rank = |id: &String| {
            units
                .iter()
                .position(|u| &u.id == id)
                .or_else(|| {
                    self.new_units
                        .iter()
                        .position(|n| n == id)
                        .map(|i| units.len() + i)
                })
                .unwrap_or(usize::MAX)
        };
        crate::order::sort_by_key(&mut ids, |id| rank(id));
        dedup(&mut ids);
        ids
    }
}

#[derive(Default)]
struct People {
    lead: Vec<String>,
    support: Vec<String>,
    officers: Vec<String>,
    doubts: Vec<Doubt>,
    /// Some name found no record (declined, or several fit).
    unresolved: bool,
}

impl People {
    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            (f::LEAD, json!(self.lead)),
            (f::SUPPORT, json!(self.support)),
            (f::OFFICERS, json!(self.officers)),
        ]
    }
}

/// Keeps the first of each id, in order.
fn dedup(ids: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    ids.retain(|id| seen.insert(id.clone()));
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// The doubts a new task keeps from the reading of its row (the matching adds the
/// unit ones): shown on the task until someone clears them.
fn stored_doubts(row: &PastedRow) -> Vec<Doubt> {
    row.doubts
        .iter()
        .filter_map(|d| match d {
            RowDoubt::UnitsFromMergedCell { from_code } => Some(Doubt::UnitsFromMergedCell {
                from_code: from_code.to_string(),
            }),
            RowDoubt::UnknownDeadline { written } => Some(Doubt::UnknownDeadline {
                written: written.clone(),
            }),
            RowDoubt::Unread { text } => Some(Doubt::Unread { text: text.clone() }),
            _ => None,
        })
        .collect()
}

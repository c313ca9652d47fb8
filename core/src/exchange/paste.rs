//! Paste from Word: the appendix table of any commune's plan, pasted as text, becomes
//! criteria and tasks, with every doubt shown before anything is added (docs/paste.md).
//!
//! Three steps, each usable alone:
//! - [`parse`] reads the table as written: rows, codes, titles, points, unit names,
//!   officers, deadlines, notes, and the doubts the text itself raises;
//! - [`preview`] also finds the units and officers among the plan's, offers the unknown
//!   ones as new, and checks the plan line against the plan;
//! - [`to_ops`] turns the preview into edits that add the rows through natural keys
//!   (criterion by code, task by code and title), so pasting twice adds nothing.

mod cells;
pub mod compare;
pub mod deadline;
mod matching;
mod ops;
pub mod plan_line;
pub mod points;
mod rows;
mod table;
mod text;
pub mod who;

use crate::model::code::Code;
use crate::model::deadline::Deadline;
use crate::model::doc::Kind;
use crate::model::flags::Flag;
use crate::model::names::{fold, unit_key};
use crate::model::view::PlanView;
use crate::model::workspace::{Action, Ctx, EditError, Workspace};

pub use matching::{Found, Matched, Named, UnitRef};
pub use ops::to_ops;
pub use plan_line::PlanLine;
pub use points::CriterionCell;
pub use table::{Column, DEFAULT_COLUMNS};
pub use who::{OfficerWritten, Who};

/// What a pasted table holds, before anything is added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastePreview {
    /// `(Kèm theo kế hoạch số …)`, when pasted with the table.
    pub plan_line: Option<PlanLine>,
    /// The columns as the header row names them (the seed's layout without one).
    pub columns: Vec<Column>,
    /// Whether a header row was found (and skipped).
    pub header: bool,
    pub rows: Vec<PastedRow>,
    /// Headings the rows imply but the table does not write (2.3, 7.1.2, 7.2 in the seed).
    pub inferred: Vec<Code>,
    /// Units and officers the plan does not know: created only if accepted.
    pub offers: Offers,
    /// Lines before the table (its title, or a whole plan pasted with it): not read.
    pub before_table: Vec<String>,
    pub doubts: Vec<TableDoubt>,
}

/// One row of the table, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedRow {
    /// The line of the pasted text the row starts on (1-based).
    pub line: usize,
    pub code: Code,
    /// The code as written (`4.3 `, `II`).
    pub written_code: String,
    pub domain: bool,
    /// A domain or a parent with nothing to do of its own: it makes a criterion, no task.
    pub heading: bool,
    pub criterion: CriterionCell,
    pub who: Who,
    /// The units came from the merged unit cell of this earlier row.
    pub merged_from: Option<Code>,
    pub deadline: Deadline,
    /// The deadline cell as written, whitespace collapsed.
    pub deadline_written: String,
    /// The notes column (ghi chú).
    pub note: String,
    /// A column of tasks or solutions, when the table has one.
    pub detail: String,
    /// The units and officers found in the plan; empty until [`preview`] matches them.
    pub matched: Matched,
    pub doubts: Vec<RowDoubt>,
}

impl PastedRow {
    /// What the task's note says: the unit cell's explanations, then the notes column.
    pub fn task_note(&self) -> String {
        let mut parts = self.who.notes.clone();
        if !self.note.is_empty() {
            parts.push(self.note.clone());
        }
        parts.join("; ")
    }
}

/// A doubt about one row. Typed: the UI says it in Vietnamese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowDoubt {
    /// Text in the row that was not understood: an extra cell, a column not known.
    Unread { text: String },
    /// A deadline in a form not understood: the row gets no deadline.
    UnknownDeadline { written: String },
    /// Numbers that do not add up or cannot be right (the seed's 2.2 and 2.3.2).
    Points(Flag),
    /// No max was written: the self-assessed score is taken as the max.
    MaxFromSelfScore,
    /// Points written that found no place (a second score).
    ExtraPoints { written: String },
    /// The code was written under a Roman-numbered domain and read inside it.
    Renumbered { written: String },
    /// The same code came earlier in the table; this row adds no criterion.
    DuplicateCode { first_line: usize },
    /// The criterion cell gives no title.
    NoTitle,
    /// The units were taken from the merged unit cell of an earlier row.
    UnitsFromMergedCell { from_code: Code },
    /// A unit name that is probably a slip for a known unit (`Tài chính – KH`).
    UnitSlip { written: String, unit: String },
    /// A unit name that matches no unit of the commune: offered as a new unit.
    UnknownUnit { written: String },
    /// A unit name that fits several units equally.
    AmbiguousUnit { written: String, units: Vec<String> },
    /// An officer the commune does not have: offered as a new officer.
    UnknownOfficer { name: String },
}

/// A doubt about the table as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableDoubt {
    /// Nothing in the text looked like a row of an appendix.
    NoRows,
    /// The plan line names another plan than the one pasted into.
    OtherPlan {
        field: PlanField,
        written: String,
        plan: String,
    },
    /// A row whose code could not be placed (too deep once read under its domain).
    Unplaced { line: usize, written: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanField {
    Number,
    Date,
    Commune,
}

/// Names the plan does not know, each created only if accepted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Offers {
    pub units: Vec<Offer>,
    pub officers: Vec<Offer>,
}

/// A new unit or officer the paste would create.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    pub name: String,
    /// The codes of the rows that name it.
    pub rows: Vec<Code>,
    pub accepted: bool,
}

impl PastePreview {
    /// Accepts every new unit and officer offered.
    pub fn accept_all(&mut self) {
        for o in self
            .offers
            .units
            .iter_mut()
            .chain(self.offers.officers.iter_mut())
        {
            o.accepted = true;
        }
    }

    /// Whether the new unit called `name` is accepted.
    pub fn unit_accepted(&self, name: &str) -> bool {
        let key = unit_key(name);
        self.offers
            .units
            .iter()
            .any(|o| o.accepted && unit_key(&o.name) == key)
    }

    /// Whether the new officer called `name` is accepted.
    pub fn officer_accepted(&self, name: &str) -> bool {
        let key = fold(name);
        self.offers
            .officers
            .iter()
            .any(|o| o.accepted && fold(&o.name) == key)
    }

    /// Every doubt of the rows, with the row's code.
    pub fn row_doubts(&self) -> impl Iterator<Item = (&Code, &RowDoubt)> {
        self.rows
            .iter()
            .flat_map(|r| r.doubts.iter().map(move |d| (&r.code, d)))
    }
}

/// Why pasted rows could not be added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteError {
    /// The plan to paste into is not in the workspace (or was deleted).
    NoSuchPlan,
    /// The workspace refused the edits; nothing was changed.
    Edit(EditError),
}

/// Reads a pasted appendix on its own: no plan, so units and officers stay unmatched.
pub fn parse(text: &str) -> PastePreview {
    let lines = cells::lines(text);
    let raw = table::read(&lines);
    let header = !raw.header.is_empty();
    let columns = if header {
        table::columns(&raw.header)
    } else {
        table::DEFAULT_COLUMNS.to_vec()
    };
    let mut before_table = raw.before.clone();
    let plan_line = before_table
        .iter()
        .enumerate()
        .find_map(|(i, l)| Some((i, plan_line::read(l)?)))
        .map(|(i, line)| {
            before_table.remove(i);
            line
        });
    let (rows, mut doubts) = rows::read(&raw, &columns);
    if rows.is_empty() {
        doubts.push(TableDoubt::NoRows);
    }
    let inferred = rows::inferred_headings(&rows);
    PastePreview {
        plan_line,
        columns,
        header,
        rows,
        inferred,
        offers: Offers::default(),
        before_table,
        doubts,
    }
}

/// Reads a pasted appendix for a plan: units and officers found among the plan's,
/// unknown ones offered as new (not accepted), the plan line checked against the plan.
pub fn preview(text: &str, view: &PlanView) -> PastePreview {
    let mut p = parse(text);
    matching::match_preview(&mut p, view);
    p.doubts
        .extend(plan_line_doubts(p.plan_line.as_ref(), view));
    p
}

fn plan_line_doubts(line: Option<&PlanLine>, view: &PlanView) -> Vec<TableDoubt> {
    let Some(line) = line else {
        return Vec::new();
    };
    let plan = &view.plan;
    let compact = |s: &str| fold(s).replace(' ', "");
    let date =
        |d: Option<chrono::NaiveDate>| d.map(crate::model::deadline::date_vi).unwrap_or_default();
    let differs = |a: &str, b: &str| !a.is_empty() && !b.is_empty() && compact(a) != compact(b);
    let mut out = Vec::new();
    let mut check = |field, written: String, planned: String| {
        if differs(&written, &planned) {
            out.push(TableDoubt::OtherPlan {
                field,
                written,
                plan: planned,
            });
        }
    };
    check(PlanField::Number, line.number.clone(), plan.number.clone());
    check(PlanField::Date, date(line.date), date(plan.date));
    check(
        PlanField::Commune,
        line.commune.clone(),
        plan.commune.clone(),
    );
    out
}

/// Pastes `text` into the plan accepting every new unit and officer, as one undoable
/// step. For "add all" and for tests that need a plan made from a pasted table.
pub fn paste_all(
    ws: &mut Workspace,
    plan_id: &str,
    text: &str,
    ctx: &Ctx,
    new_id: &mut dyn FnMut(Kind) -> String,
) -> Result<PastePreview, PasteError> {
    let view = PlanView::build(&ws.doc, plan_id).ok_or(PasteError::NoSuchPlan)?;
    let mut p = preview(text, &view);
    p.accept_all();
    let ops = to_ops(&p, &ws.doc, plan_id, new_id)?;
    if !ops.is_empty() {
        ws.apply(Action::Paste, ops, ctx)
            .map_err(PasteError::Edit)?;
    }
    Ok(p)
}

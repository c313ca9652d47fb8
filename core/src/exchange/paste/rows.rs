//! From the table's raw rows to read rows: codes in place, cells read by column, units
//! taken from merged cells, headings told from task rows, and the parents the rows imply.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::code::Code;
use crate::model::deadline::Deadline;
use crate::model::decimal::Decimal;
use crate::model::flags::number_flags;
use crate::model::records::Criterion;

use super::points::{self, CriterionCell};
use super::table::{Column, Mark, RawRow, RawTable};
use super::text::collapse;
use super::who::{self, Who};
use super::{deadline, Matched, PastedRow, RowDoubt, TableDoubt};

/// Most a domain can be worth: the whole index.
const DOMAIN_LIMIT: Decimal = Decimal::from_int(100);
/// Most one criterion can be worth; a whole number above it lost its decimal comma.
const ITEM_LIMIT: Decimal = Decimal::from_int(20);

/// Reads every row; rows whose code cannot be placed are reported instead.
pub(super) fn read(table: &RawTable, columns: &[Column]) -> (Vec<PastedRow>, Vec<TableDoubt>) {
    let mut rows = Vec::new();
    let mut doubts = Vec::new();
    for (raw, code) in table.rows.iter().zip(codes(&table.rows)) {
        match code {
            Some((code, renumbered)) => rows.push(read_row(raw, code, renumbered, columns)),
            None => doubts.push(TableDoubt::Unplaced {
                line: raw.line,
                written: raw.mark_written.clone(),
            }),
        }
    }
    mark_duplicates(&mut rows);
    let leaves = leaves(&rows);
    take_merged_units(&mut rows, &leaves);
    for (row, leaf) in rows.iter_mut().zip(&leaves) {
        row.heading = !(!row.who.is_empty()
            || !row.deadline_written.is_empty()
            || !row.detail.is_empty()
            || (!row.domain && *leaf));
    }
    (rows, doubts)
}

// ---- codes --------------------------------------------------------------------------

/// Each row's code, and whether it was read inside a Roman-numbered domain.
///
/// Plans that number domains `I`, `II`, … either keep full codes (`2.1` under `II`) or
/// number criteria within the domain (`1`, `2`, `1.1` under `II`). A domain section
/// holding a single-number code, or a code of another domain, numbers locally: its
/// codes are read under the domain, and say so.
fn codes(rows: &[RawRow]) -> Vec<Option<(Code, bool)>> {
    let mut out = Vec::with_capacity(rows.len());
    let mut section: Option<(u32, bool)> = None;
    for (i, row) in rows.iter().enumerate() {
        match &row.mark {
            Mark::Roman(n) => {
                section = Some((*n, local_numbering(*n, &rows[i + 1..])));
                out.push(Code::parse(&n.to_string()).map(|c| (c, false)));
            }
            Mark::Code(code) => out.push(match section {
                Some((n, true)) => Code::parse(&format!("{n}.{code}")).map(|c| (c, true)),
                _ => Some((code.clone(), false)),
            }),
        }
    }
    out
}

fn local_numbering(domain: u32, rest: &[RawRow]) -> bool {
    rest.iter()
        .map(|r| &r.mark)
        .take_while(|m| matches!(m, Mark::Code(_)))
        .any(|m| match m {
            Mark::Code(c) => c.is_domain() || c.segments().first() != Some(&domain),
            Mark::Roman(_) => false,
        })
}

// ---- one row ------------------------------------------------------------------------

/// The cells of a row by what their column holds.
#[derive(Default)]
struct Cells {
    criterion: String,
    lead: String,
    support: String,
    deadline: String,
    note: String,
    detail: String,
    max: String,
    score: String,
    loss: String,
    other: Vec<String>,
}

fn sort_cells(raw: &RawRow, columns: &[Column]) -> Cells {
    let mut c = Cells::default();
    for (k, text) in raw.cells.iter().enumerate().skip(1) {
        let slot = match columns.get(k).copied().unwrap_or(Column::Other) {
            Column::Criterion => &mut c.criterion,
            Column::Lead => &mut c.lead,
            Column::Support => &mut c.support,
            Column::Deadline => &mut c.deadline,
            Column::Note => &mut c.note,
            Column::Detail => &mut c.detail,
            Column::Max => &mut c.max,
            Column::Score => &mut c.score,
            Column::Loss => &mut c.loss,
            Column::Code | Column::Other => {
                c.other.push(text.clone());
                continue;
            }
        };
        if !slot.is_empty() {
            slot.push('\n');
        }
        slot.push_str(text);
    }
    c.other.extend(raw.extra.iter().cloned());
    c
}

fn read_row(raw: &RawRow, code: Code, renumbered: bool, columns: &[Column]) -> PastedRow {
    let cells = sort_cells(raw, columns);
    let domain = code.is_domain();
    let mut doubts = Vec::new();
    if renumbered {
        doubts.push(RowDoubt::Renumbered {
            written: raw.mark_written.clone(),
        });
    }
    let limit = if domain { DOMAIN_LIMIT } else { ITEM_LIMIT };
    let criterion = read_criterion(&cells, limit, &mut doubts);
    let deadline = match deadline::read(&cells.deadline) {
        Ok(d) => d,
        Err(unknown) => {
            doubts.push(RowDoubt::UnknownDeadline { written: unknown.0 });
            Deadline::None
        }
    };
    let unread = cells
        .other
        .iter()
        .map(|t| collapse(t))
        .filter(|t| !t.is_empty());
    doubts.extend(unread.map(|text| RowDoubt::Unread { text }));
    PastedRow {
        line: raw.line,
        code,
        written_code: raw.mark_written.clone(),
        domain,
        heading: false,
        criterion,
        who: read_who(&cells),
        merged_from: None,
        deadline,
        deadline_written: collapse(&cells.deadline),
        note: collapse(&cells.note),
        detail: collapse(&cells.detail),
        matched: Matched::default(),
        doubts,
    }
}

/// The criterion cell with the points columns, and the doubts its numbers raise.
fn read_criterion(cells: &Cells, limit: Decimal, doubts: &mut Vec<RowDoubt>) -> CriterionCell {
    let mut criterion = points::read(&cells.criterion, limit);
    fill_points_columns(&mut criterion, cells, doubts);
    if criterion.title.is_empty() {
        doubts.push(RowDoubt::NoTitle);
    }
    if criterion.max_from_self {
        doubts.push(RowDoubt::MaxFromSelfScore);
    }
    let unplaced = criterion.unplaced.iter().cloned();
    doubts.extend(unplaced.map(|written| RowDoubt::ExtraPoints { written }));
    doubts.extend(flags_of(&criterion).into_iter().map(RowDoubt::Points));
    criterion
}

/// The lead column, with the coordinating column's units as support.
fn read_who(cells: &Cells) -> Who {
    let mut who = who::read(&cells.lead);
    let support = who::read_support(&cells.support);
    who.support.extend(support.support);
    who.officers.extend(support.officers);
    who.notes.extend(support.notes);
    who
}

/// Points in columns of their own fill what the criterion cell left out; a number
/// there that disagrees with the cell is shown, not chosen.
fn fill_points_columns(c: &mut CriterionCell, cells: &Cells, doubts: &mut Vec<RowDoubt>) {
    for (slot, text) in [
        (&mut c.max, &cells.max),
        (&mut c.base, &cells.score),
        (&mut c.stated_loss, &cells.loss),
    ] {
        if text.trim().is_empty() {
            continue;
        }
        match (points::read_number(text), *slot) {
            (Some(v), None) => *slot = Some(v),
            (Some(v), Some(have)) if v == have => {}
            _ => doubts.push(RowDoubt::Unread {
                text: collapse(text),
            }),
        }
    }
}

/// The flags the model raises on these numbers (loss that does not add up, a number
/// that cannot be right, a self-assessment rejected).
fn flags_of(c: &CriterionCell) -> Vec<crate::model::flags::Flag> {
    number_flags(&Criterion {
        max: c.max,
        base: c.base,
        base_self: c.base_self,
        stated_loss: c.stated_loss,
        written_max: c.written_max,
        written_score: c.written_score,
        ..Criterion::default()
    })
}

// ---- the rows together --------------------------------------------------------------

fn mark_duplicates(rows: &mut [PastedRow]) {
    let mut first: BTreeMap<Code, usize> = BTreeMap::new();
    for row in rows.iter_mut() {
        match first.get(&row.code) {
            Some(&line) => row
                .doubts
                .push(RowDoubt::DuplicateCode { first_line: line }),
            None => {
                first.insert(row.code.clone(), row.line);
            }
        }
    }
}

/// Whether each row has no row under it. Codes under another sort right after it,
/// so only the next code in order needs a look.
fn leaves(rows: &[PastedRow]) -> Vec<bool> {
    use std::ops::Bound::{Excluded, Unbounded};
    let codes: BTreeSet<&Code> = rows.iter().map(|r| &r.code).collect();
    rows.iter()
        .map(|r| {
            codes
                .range::<&Code, _>((Excluded(&&r.code), Unbounded))
                .next()
                .is_none_or(|next| !next.is_under(&r.code))
        })
        .collect()
}

/// Word copies a unit cell merged over several rows into the first row only (and the
/// plain-text form runs those rows together). A criterion row with no units right
/// after a row with units takes them, with a doubt naming where they came from.
fn take_merged_units(rows: &mut [PastedRow], leaves: &[bool]) {
    let mut previous: Option<(Code, Who)> = None;
    for (row, leaf) in rows.iter_mut().zip(leaves) {
        if !row.domain && *leaf && row.who.is_empty() {
            if let Some((from, who)) = previous.clone() {
                row.who = who;
                row.doubts.push(RowDoubt::UnitsFromMergedCell {
                    from_code: from.clone(),
                });
                row.merged_from = Some(from);
            }
        }
        previous = (!row.who.is_empty()).then(|| {
            let from = row.merged_from.clone().unwrap_or_else(|| row.code.clone());
            (from, row.who.clone())
        });
    }
}

/// The headings the rows imply but the table does not write.
///
/// A missing parent is created when the rows would otherwise read wrongly:
/// - a domain is always there (a row `6.1` needs domain 6);
/// - when a sibling of it is written, so that its children do not look like the
///   sibling's neighbours (`2.3.1` after `2.2` needs `2.3`; `7.2.1` after `7.1` needs `7.2`);
/// - under a written sub-heading, when another group of rows came before it
///   (`7.1.2.7` after `7.1.1.1`, both under `7.1`, needs `7.1.2`).
///
/// Directly under a domain, plans list sub-criteria without their criterion rows
/// (`3.2.2`, `3.5.2` under `3`), and the first group under a sub-heading reads as its
/// content (`7.1.1.1` under `7.1`): no heading is invented there.
pub(super) fn inferred_headings(rows: &[PastedRow]) -> Vec<Code> {
    let written: BTreeSet<&Code> = rows.iter().map(|r| &r.code).collect();
    let mut inferred: Vec<Code> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let mut above: Vec<Code> = row.code.ancestors().collect();
        above.reverse();
        for missing in above {
            if written.contains(&missing) || inferred.contains(&missing) {
                continue;
            }
            if implied(&missing, &written, &rows[..i]) {
                inferred.push(missing);
            }
        }
    }
    crate::order::sort(&mut inferred);
    inferred
}

fn implied(missing: &Code, written: &BTreeSet<&Code>, earlier: &[PastedRow]) -> bool {
    let Some(parent) = missing.parent() else {
        return true;
    };
    let sibling_written = written
        .iter()
        .any(|c| c.depth() == missing.depth() && c.parent().as_ref() == Some(&parent));
    let after_another_group = written.contains(&parent)
        && !parent.is_domain()
        && earlier
            .iter()
            .any(|r| r.code.is_under(&parent) && !r.code.is_under(missing) && &r.code != missing);
    sibling_written || after_another_group
}

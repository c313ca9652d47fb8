//! The appendix table (Phụ lục) as the seed lays it out: STT, criterion, lead units,
//! time frame, notes, plus the current status. Printed, exported to Excel, and
//! copied as text that the appendix parser (`exchange::paste`) reads back.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::progress::plan_reference_dated;
use super::words::{self, deadline_vi, status_vi};
use crate::model::code::Code;
use crate::model::deadline::date_vi;
use crate::model::decimal::Decimal;
use crate::model::records::{Criterion, Origin, Status, Task};
use crate::model::scoring::{task_timing, TaskTiming};
use crate::model::view::PlanView;

/// The seed's five columns.
pub const PLAN_COLUMNS: [&str; 5] = [
    "STT",
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Đơn vị chủ trì tham mưu khắc phục các tồn tại, hạn chế",
    "Thời gian thực hiện",
    "Ghi chú",
];
pub const STATUS_COLUMN: &str = "Tình trạng";

/// Which columns a copy carries: the plan's own five, or those and the status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Columns {
    Plan,
    WithStatus,
}

impl Columns {
    pub fn headers(self) -> Vec<&'static str> {
        let mut out = PLAN_COLUMNS.to_vec();
        if self == Columns::WithStatus {
            out.push(STATUS_COLUMN);
        }
        out
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// A domain (lĩnh vực): printed in bold, no units or time.
    Domain,
    /// A criterion that only groups others (7.1 in the seed).
    Heading,
    /// A criterion with work to do.
    Item,
}

/// One printed row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppendixRow {
    pub kind: RowKind,
    pub code: Code,
    pub criterion: String,
    pub units: String,
    pub deadline: String,
    pub note: String,
    pub status: String,
    /// None for rows without tasks.
    pub late: Option<bool>,
    pub evidence: usize,
    pub uploaded: usize,
}

impl AppendixRow {
    /// The cells in column order.
    pub fn cells(&self, columns: Columns) -> Vec<String> {
        let mut out = vec![
            self.code.to_string(),
            self.criterion.clone(),
            self.units.clone(),
            self.deadline.clone(),
            self.note.clone(),
        ];
        if columns == Columns::WithStatus {
            out.push(self.status.clone());
        }
        out
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appendix {
    /// "PHỤ LỤC"
    pub title: String,
    /// "CÁC TỒN TẠI, HẠN CHẾ TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022"
    pub subtitle: String,
    /// "(Kèm theo Kế hoạch số 12/KH-UBND ngày 28 tháng 02 năm 2022 của UBND xã Sơn Lĩnh)"
    pub attached: String,
    pub rows: Vec<AppendixRow>,
}

/// The plan's appendix, with statuses as they stand on `as_of`.
pub fn appendix(view: &PlanView, as_of: NaiveDate) -> Appendix {
    let plan = &view.plan;
    let document = words::decapitalize(&plan_reference_dated(plan, words::long_date));
    Appendix {
        title: "PHỤ LỤC".to_string(),
        subtitle: format!(
            "CÁC TỒN TẠI, HẠN CHẾ TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM {}",
            plan.year
        ),
        attached: format!(
            "(Kèm theo {document} của {})",
            words::short_body(&plan.body, &plan.commune)
        ),
        rows: printed(view)
            .into_iter()
            .map(|(code, c)| row(view, code, c, as_of))
            .collect(),
    }
}

/// Rows the appendix prints, in code order: criteria with work or lost points, and
/// every written heading above them. Headings the seed only implies (2.3, 7.1.2) and
/// domains known only from Part II (6, 8) are left out, as the original leaves them.
fn printed(view: &PlanView) -> Vec<(&Code, &Criterion)> {
    let coded = || {
        view.criteria
            .iter()
            .filter_map(|c| Some((c.code.as_ref()?, c)))
    };
    let own: Vec<&Code> = coded()
        .filter(|(code, c)| {
            let lost = c.lost().is_some_and(|l| !l.is_zero());
            !code.is_domain() && (lost || view.tasks_of(code).next().is_some())
        })
        .map(|(code, _)| code)
        .collect();
    coded()
        .filter(|(code, c)| {
            let implied_only = c.origin == Origin::Inferred && c.title.trim().is_empty();
            own.contains(code) || (!implied_only && own.iter().any(|o| o.is_under(code)))
        })
        .collect()
}

fn row(view: &PlanView, code: &Code, c: &Criterion, as_of: NaiveDate) -> AppendixRow {
    let tasks: Vec<&Task> = view.tasks_of(code).collect();
    let kind = if code.is_domain() {
        RowKind::Domain
    } else if tasks.is_empty() && !view.is_leaf(code) {
        RowKind::Heading
    } else {
        RowKind::Item
    };
    let mut out = AppendixRow {
        kind,
        code: code.clone(),
        criterion: c.title.trim().to_string(),
        units: String::new(),
        deadline: String::new(),
        note: c.note.trim().to_string(),
        status: String::new(),
        late: None,
        evidence: 0,
        uploaded: 0,
    };
    if kind == RowKind::Item {
        let evidence: Vec<_> = view.evidence_of_criterion(code).collect();
        out.criterion = criterion_text(c);
        out.units = units_text(view, &tasks);
        out.deadline = distinct(tasks.iter().map(|t| deadline_vi(t.deadline)));
        out.note = note_text(c, &tasks);
        out.status = status_text(view, &tasks, as_of);
        out.late = (!tasks.is_empty()).then(|| {
            tasks
                .iter()
                .any(|t| task_timing(t, &view.plan, as_of).is_late())
        });
        out.evidence = evidence.len();
        out.uploaded = evidence.iter().filter(|e| e.uploaded).count();
    }
    out
}

/// The criterion cell: the row as the plan wrote it, while the record still says what
/// that text says, so the printed appendix reads like the original; once the title or
/// the points are edited, a row composed from the record.
fn criterion_text(c: &Criterion) -> String {
    let written = cell(&c.written);
    if !written.is_empty() && written_still_holds(c, &written) {
        written
    } else {
        composed(c)
    }
}

/// Whether the written row starts with the title and shows every non-zero number the
/// record holds (its max and score as written, and each deduction).
fn written_still_holds(c: &Criterion, written: &str) -> bool {
    let shown = numbers_in(written);
    let losses: Vec<Decimal> = if c.deductions.is_empty() {
        c.stated_loss.into_iter().collect()
    } else {
        c.deductions.iter().map(|d| d.points).collect()
    };
    let mut held = [c.written_max.or(c.max), c.written_score.or(c.base)]
        .into_iter()
        .flatten()
        .chain(losses);
    written.starts_with(&cell(&c.title)) && held.all(|v| v.is_zero() || shown.contains(&v))
}

/// The numbers a text writes, with either decimal mark: "0,71/0,75" → 0,71 and 0,75.
fn numbers_in(text: &str) -> Vec<Decimal> {
    let mut out = Vec::new();
    let mut token = String::new();
    for c in text.chars().chain([' ']) {
        let continues_number = c.is_ascii_digit()
            || (matches!(c, ',' | '.') && !token.is_empty() && !token.contains([',', '.']));
        if continues_number {
            token.push(c);
        } else if !token.is_empty() {
            if let Ok(v) = Decimal::parse(token.trim_end_matches([',', '.'])) {
                out.push(v);
            }
            token.clear();
        }
    }
    out
}

/// "Xử lý rà soát 0,25/0,5 điểm (điểm trừ 0,25 điểm; lý do)"
fn composed(c: &Criterion) -> String {
    let mut out = cell(&c.title);
    match (c.max, c.base) {
        (Some(max), Some(base)) => out.push_str(&format!(" {}/{} điểm", base.to_vi(), max.to_vi())),
        (Some(max), None) => out.push_str(&format!(" {} điểm", max.to_vi())),
        _ => {}
    }
    let mut remarks: Vec<String> = if c.deductions.is_empty() {
        c.lost()
            .filter(|l| !l.is_zero())
            .map(|l| format!("điểm trừ {} điểm", l.to_vi()))
            .into_iter()
            .collect()
    } else {
        c.deductions
            .iter()
            .map(|d| {
                format!("{} trừ {} điểm", cell(&d.reason), d.points.to_vi())
                    .trim()
                    .to_string()
            })
            .collect()
    };
    remarks.extend(Some(cell(&c.remark)).filter(|r| !r.is_empty()));
    if !remarks.is_empty() {
        out.push_str(&format!(" ({})", remarks.join("; ")));
    }
    out
}

/// The lead units, officers and coordinating units of the row's tasks, then their
/// notes in brackets: "Văn phòng - Thống kê (cả hệ thống chính trị thực hiện)".
fn units_text(view: &PlanView, tasks: &[&Task]) -> String {
    let names = |ids: &mut dyn Iterator<Item = &String>| {
        unique(ids.filter_map(|id| view.unit(id)).map(|u| u.name.clone()))
    };
    let leads = names(&mut tasks.iter().flat_map(|t| t.lead.iter()));
    let support = names(&mut tasks.iter().flat_map(|t| t.support.iter()));
    let mut parts = Vec::new();
    match leads.as_slice() {
        [] => {}
        [one] => parts.push(one.clone()),
        many => parts.push(format!("Các bộ phận: {}", many.join(", "))),
    }
    parts.extend(officer_groups(view, tasks));
    let mut out = parts.join("; ");
    if !support.is_empty() {
        out.push_str(&format!("; phối hợp: {}", support.join(", ")));
    }
    let notes = distinct(tasks.iter().map(|t| cell(&t.note)));
    if !notes.is_empty() {
        out.push_str(&format!(" ({notes})"));
    }
    out.trim().to_string()
}

/// Officers as the seed names them, grouped by their post:
/// "Đ/c Thuận, Đ/c Phương, Công chức Văn hóa - Xã hội".
fn officer_groups(view: &PlanView, tasks: &[&Task]) -> Vec<String> {
    let ids = unique(tasks.iter().flat_map(|t| t.officers.iter().cloned()));
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for officer in ids.iter().filter_map(|id| view.officer(id)) {
        let post = match officer.title.trim() {
            "" => view
                .unit(&officer.unit)
                .map_or(String::new(), |u| u.name.clone()),
            title => title.to_string(),
        };
        let name = format!("Đ/c {}", officer.name.trim());
        match groups.last_mut() {
            Some((last, names)) if *last == post => names.push(name),
            _ => groups.push((post, vec![name])),
        }
    }
    groups
        .into_iter()
        .map(|(post, mut names)| {
            names.extend(Some(post).filter(|p| !p.is_empty()));
            names.join(", ")
        })
        .collect()
}

/// The criterion's note and the extensions granted.
fn note_text(c: &Criterion, tasks: &[&Task]) -> String {
    let extensions = tasks
        .iter()
        .filter_map(|t| t.extensions.iter().map(|e| e.date).max())
        .map(|d| format!("Gia hạn đến {}", date_vi(d)));
    distinct(std::iter::once(cell(&c.note)).chain(extensions))
}

/// "Đang thực hiện (1/3 nhiệm vụ; 4/15 kỳ)"
fn status_text(view: &PlanView, tasks: &[&Task], as_of: NaiveDate) -> String {
    if tasks.is_empty() {
        return String::new();
    }
    let done = tasks.iter().filter(|t| t.is_done()).count();
    let done_late = tasks.iter().any(|t| {
        matches!(
            task_timing(t, &view.plan, as_of),
            TaskTiming::Done { late: true }
        )
    });
    let status = if done == tasks.len() {
        if done_late {
            Status::DoneLate
        } else {
            Status::Done
        }
    } else if done > 0 || tasks.iter().any(|t| t.status == Status::InProgress) {
        Status::InProgress
    } else {
        Status::NotStarted
    };
    let mut details = Vec::new();
    if tasks.len() > 1 && done < tasks.len() {
        details.push(format!("{done}/{} nhiệm vụ", tasks.len()));
    }
    for t in tasks
        .iter()
        .filter(|t| t.deadline.is_recurring() && !t.is_done())
    {
        let periods = t.deadline.periods(view.plan.year, view.plan.start_month());
        let ticked = periods.iter().filter(|p| t.period_done(**p)).count();
        details.push(format!("{ticked}/{} kỳ", periods.len()));
    }
    let mut out = status_vi(status).to_string();
    if !details.is_empty() {
        out.push_str(&format!(" ({})", details.join("; ")));
    }
    out
}

/// Distinct non-empty texts in their first order.
fn unique(texts: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

fn distinct(texts: impl Iterator<Item = String>) -> String {
    unique(texts).join("; ")
}

/// One line of text: a tab or a line break inside a cell would split it on paste.
fn cell(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The appendix as text laid out like the seed file: the title lines, then each row
/// with one cell a line, each starting with a tab, and a blank line after the row.
pub fn appendix_text(a: &Appendix, columns: Columns) -> String {
    let mut out = format!("{}\n{}\n{}\n", a.title, a.subtitle, a.attached);
    let rows = std::iter::once(columns.headers().into_iter().map(str::to_string).collect())
        .chain(a.rows.iter().map(|r| r.cells(columns)));
    for cells in rows {
        for c in cells {
            out.push('\t');
            out.push_str(&cell(&c));
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// The table as tab-separated values: a header line, then one line a row.
pub fn appendix_tsv(a: &Appendix, columns: Columns) -> String {
    let line = |cells: Vec<String>| {
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        format!("{}\n", cells.join("\t"))
    };
    let mut out = line(columns.headers().into_iter().map(str::to_string).collect());
    for r in &a.rows {
        out.push_str(&line(r.cells(columns)));
    }
    out
}

//! Typed views of the records, decoded from their fields.
//!
//! The replicated document stores every record as named fields (see `doc`); the
//! business rules work on these plain structs. A field missing or of the wrong
//! type reads as its default: files are validated at the door (`exchange`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::code::Code;
use super::deadline::{date_from_iso, Deadline, Period};
use super::decimal::{Decimal, Points};
use super::doc::Record;

/// Field names, one place for all. They are part of the file format (docs/FORMAT.md).
pub mod f {
    // Shared
    pub const PLAN: &str = "plan";
    pub const CODE: &str = "code";
    pub const TITLE: &str = "title";
    pub const NOTE: &str = "note";
    pub const ORIGIN: &str = "origin";
    pub const ORDER: &str = "order";
    pub const COMMUNE: &str = "commune";
    pub const NAME: &str = "name";
    pub const UNIT: &str = "unit";
    pub const DATE: &str = "date";
    pub const YEAR: &str = "year";
    pub const SCORE: &str = "score";
    // Plan
    pub const BODY: &str = "body";
    pub const LEVEL: &str = "level";
    pub const RANKED: &str = "ranked";
    pub const BASE_YEAR: &str = "base_year";
    pub const BASE_SCORE: &str = "base_score";
    pub const BASE_RANK: &str = "base_rank";
    pub const BASE_DECISION: &str = "base_decision";
    pub const BASE_DECISION_DATE: &str = "base_decision_date";
    pub const BASE_DECISION_BY: &str = "base_decision_by";
    pub const NUMBER: &str = "number";
    pub const PLACE: &str = "place";
    pub const SIGNER_AUTHORITY: &str = "signer_authority";
    pub const SIGNER_POSITION: &str = "signer_position";
    pub const SIGNER: &str = "signer";
    pub const RECIPIENTS: &str = "recipients";
    pub const GOAL: &str = "goal";
    pub const SURVEY: &str = "survey";
    pub const SURVEY_MAX: &str = "survey_max";
    pub const RANKING_MODE: &str = "ranking_mode";
    pub const BANDS: &str = "bands";
    // Criterion
    pub const MAX: &str = "max";
    pub const BASE: &str = "base";
    pub const BASE_SELF: &str = "base_self";
    pub const SELF: &str = "self";
    pub const APPRAISED: &str = "appraised";
    pub const STATED_LOSS: &str = "stated_loss";
    pub const DEDUCTIONS: &str = "deductions";
    pub const REMARK: &str = "remark";
    pub const WRITTEN: &str = "written";
    pub const WRITTEN_MAX: &str = "written_max";
    pub const WRITTEN_SCORE: &str = "written_score";
    pub const NO_EVIDENCE_LOSS: &str = "no_evidence_loss";
    // Task
    pub const DETAIL: &str = "detail";
    pub const LEAD: &str = "lead";
    pub const SUPPORT: &str = "support";
    pub const OFFICERS: &str = "officers";
    pub const LEADER: &str = "leader";
    pub const DEADLINE: &str = "deadline";
    pub const EXTENSIONS: &str = "extensions";
    pub const STATUS: &str = "status";
    pub const DONE_ON: &str = "done_on";
    pub const PROGRESS: &str = "progress";
    pub const DOUBTS: &str = "doubts";
    /// Prefix of the per-period fields of a recurring task: `done.2022-03`.
    pub const DONE_PREFIX: &str = "done.";
    // Evidence
    pub const TASK: &str = "task";
    pub const ISSUER: &str = "issuer";
    pub const FILED_AT: &str = "filed_at";
    pub const PAGE: &str = "page";
    pub const FILE: &str = "file";
    pub const UPLOADED: &str = "uploaded";
    // Unit and officer
    pub const ALIASES: &str = "aliases";
    // Target
    pub const CMP: &str = "cmp";
    pub const GOAL_VALUE: &str = "goal_value";
    pub const MEASURE: &str = "measure";
    /// Prefix of the dated values of a target: `at.2022-10-15`.
    pub const AT_PREFIX: &str = "at.";
}

/// Reading typed values out of a record's fields.
pub trait Read {
    fn text(&self, name: &str) -> String;
    fn opt_text(&self, name: &str) -> Option<String>;
    fn dec(&self, name: &str) -> Option<Decimal>;
    fn int(&self, name: &str) -> Option<i64>;
    fn flag(&self, name: &str) -> bool;
    fn date(&self, name: &str) -> Option<NaiveDate>;
    fn texts(&self, name: &str) -> Vec<String>;
    fn json<T: for<'de> Deserialize<'de>>(&self, name: &str) -> Option<T>;
}

impl Read for Record {
    fn text(&self, name: &str) -> String {
        self.opt_text(name).unwrap_or_default()
    }
    fn opt_text(&self, name: &str) -> Option<String> {
        self.get(name).and_then(Value::as_str).map(str::to_string)
    }
    fn dec(&self, name: &str) -> Option<Decimal> {
        self.get(name)
            .and_then(Value::as_str)
            .and_then(|s| Decimal::parse(s).ok())
    }
    fn int(&self, name: &str) -> Option<i64> {
        self.get(name).and_then(Value::as_i64)
    }
    fn flag(&self, name: &str) -> bool {
        self.get(name).and_then(Value::as_bool).unwrap_or(false)
    }
    fn date(&self, name: &str) -> Option<NaiveDate> {
        self.get(name)
            .and_then(Value::as_str)
            .and_then(date_from_iso)
    }
    fn texts(&self, name: &str) -> Vec<String> {
        match self.get(name) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            _ => Vec::new(),
        }
    }
    fn json<T: for<'de> Deserialize<'de>>(&self, name: &str) -> Option<T> {
        self.get(name).and_then(|v| T::deserialize(v).ok())
    }
}

/// Which level ranks the commune: the district until 2025, the province since.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RankingLevel {
    #[default]
    District,
    Province,
}

/// How ties are ranked: 1, 1, 3 (standard) or 1, 1, 2 (dense).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RankingMode {
    #[default]
    Standard,
    Dense,
}

/// A score band (Tốt, Khá, …): configurable per province and year, never hard-coded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    pub name: String,
    pub min: Decimal,
}

/// The plan (kế hoạch) of one commune for one year.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Plan {
    pub id: String,
    pub commune: String,
    /// The issuing body, e.g. "Ủy ban nhân dân xã Sơn Lĩnh".
    pub body: String,
    pub level: RankingLevel,
    /// How many communes are ranked together (25 in the seed).
    pub ranked: Option<u32>,
    pub year: i32,
    pub base_year: Option<i32>,
    pub base_score: Option<Points>,
    pub base_rank: Option<u32>,
    pub base_decision: String,
    pub base_decision_date: Option<NaiveDate>,
    pub base_decision_by: String,
    pub number: String,
    pub date: Option<NaiveDate>,
    pub place: String,
    pub title: String,
    /// "TM. Ủy ban nhân dân" or "KT. Chủ tịch".
    pub signer_authority: String,
    pub signer_position: String,
    pub signer: String,
    pub recipients: Vec<String>,
    pub goal: String,
    pub survey: Option<Points>,
    pub survey_max: Option<Points>,
    pub ranking_mode: RankingMode,
    pub bands: Vec<Band>,
}

impl Plan {
    pub fn from_record(id: &str, r: &Record) -> Plan {
        Plan {
            id: id.to_string(),
            commune: r.text(f::COMMUNE),
            body: r.text(f::BODY),
            level: r.json(f::LEVEL).unwrap_or_default(),
            ranked: r.int(f::RANKED).and_then(|n| u32::try_from(n).ok()),
            year: r
                .int(f::YEAR)
                .and_then(|n| i32::try_from(n).ok())
                .unwrap_or_default(),
            base_year: r.int(f::BASE_YEAR).and_then(|n| i32::try_from(n).ok()),
            base_score: r.dec(f::BASE_SCORE),
            base_rank: r.int(f::BASE_RANK).and_then(|n| u32::try_from(n).ok()),
            base_decision: r.text(f::BASE_DECISION),
            base_decision_date: r.date(f::BASE_DECISION_DATE),
            base_decision_by: r.text(f::BASE_DECISION_BY),
            number: r.text(f::NUMBER),
            date: r.date(f::DATE),
            place: r.text(f::PLACE),
            title: r.text(f::TITLE),
            signer_authority: r.text(f::SIGNER_AUTHORITY),
            signer_position: r.text(f::SIGNER_POSITION),
            signer: r.text(f::SIGNER),
            recipients: r.texts(f::RECIPIENTS),
            goal: r.text(f::GOAL),
            survey: r.dec(f::SURVEY),
            survey_max: r.dec(f::SURVEY_MAX),
            ranking_mode: r.json(f::RANKING_MODE).unwrap_or_default(),
            bands: r.json(f::BANDS).unwrap_or_default(),
        }
    }

    /// The month recurring tasks start from: the plan's month when issued in its year.
    pub fn start_month(&self) -> u32 {
        use chrono::Datelike;
        match self.date {
            Some(d) if d.year() == self.year => d.month(),
            _ => 1,
        }
    }
}

/// One deduction as the plan explains it: "Chất lượng cổng thông tin trừ 1 điểm".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deduction {
    pub points: Decimal,
    #[serde(default)]
    pub reason: String,
}

/// Where a record came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A row of the plan's appendix table.
    Appendix,
    /// Part II of the plan: solutions by domain.
    Solutions,
    /// A heading the appendix implies but does not write.
    Inferred,
    #[default]
    Manual,
}

/// A domain, criterion or sub-criterion (lĩnh vực, tiêu chí, tiêu chí thành phần).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Criterion {
    pub id: String,
    pub plan: String,
    pub code: Option<Code>,
    pub title: String,
    pub max: Option<Points>,
    /// Official score of the baseline year.
    pub base: Option<Points>,
    /// The unit's own score for the baseline year, when the plan states it.
    pub base_self: Option<Points>,
    /// Self-assessed score of the plan year.
    pub self_score: Option<Points>,
    /// Appraised score of the plan year.
    pub appraised: Option<Points>,
    /// The loss as the document writes it.
    pub stated_loss: Option<Points>,
    pub deductions: Vec<Deduction>,
    /// Explanation in the row beyond the title and the points.
    pub remark: String,
    pub note: String,
    /// The row as written in the source document.
    pub written: String,
    /// Numbers as written, when the reading corrected them (`175` read as `1,75`).
    pub written_max: Option<Decimal>,
    pub written_score: Option<Decimal>,
    /// Points lost only because no evidence proved the work.
    pub no_evidence_loss: bool,
    pub origin: Origin,
}

impl Criterion {
    pub fn from_record(id: &str, r: &Record) -> Criterion {
        Criterion {
            id: id.to_string(),
            plan: r.text(f::PLAN),
            code: r.opt_text(f::CODE).and_then(|c| Code::parse(&c)),
            title: r.text(f::TITLE),
            max: r.dec(f::MAX),
            base: r.dec(f::BASE),
            base_self: r.dec(f::BASE_SELF),
            self_score: r.dec(f::SELF),
            appraised: r.dec(f::APPRAISED),
            stated_loss: r.dec(f::STATED_LOSS),
            deductions: r.json(f::DEDUCTIONS).unwrap_or_default(),
            remark: r.text(f::REMARK),
            note: r.text(f::NOTE),
            written: r.text(f::WRITTEN),
            written_max: r.dec(f::WRITTEN_MAX),
            written_score: r.dec(f::WRITTEN_SCORE),
            no_evidence_loss: r.flag(f::NO_EVIDENCE_LOSS),
            origin: r.json(f::ORIGIN).unwrap_or_default(),
        }
    }

    /// Points lost in the baseline year: max − score when both are known, else the
    /// loss the document states (4.4 gives only "trừ 2 điểm").
    pub fn lost(&self) -> Option<Points> {
        match (self.max, self.base) {
            (Some(max), Some(base)) if base <= max => Some(max - base),
            (Some(_), Some(_)) => None,
            _ => self.stated_loss,
        }
    }

    /// Whether the row carries any points at all.
    pub fn has_points(&self) -> bool {
        self.max.is_some() || self.base.is_some() || self.stated_loss.is_some()
    }
}

/// Task status (trạng thái).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Chưa thực hiện
    #[default]
    NotStarted,
    /// Đang thực hiện
    InProgress,
    /// Hoàn thành
    Done,
    /// Hoàn thành quá hạn: done after the deadline.
    DoneLate,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::DoneLate,
    ];

    pub fn is_done(self) -> bool {
        matches!(self, Status::Done | Status::DoneLate)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::DoneLate => "done_late",
        }
    }
}

/// A deadline extension (gia hạn).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    /// The new last day.
    #[serde(with = "super::deadline::iso_date")]
    pub date: NaiveDate,
    #[serde(default)]
    pub reason: String,
    /// When the extension was granted, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::deadline::iso_date::option"
    )]
    pub granted: Option<NaiveDate>,
}

/// A doubt the reading of a source document left on a row, shown until someone clears it.
/// In files: `{"kind": "unit_slip", "written": …, "unit": …}` (see [`DoubtRecord`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DoubtRecord", into = "DoubtRecord")]
pub enum Doubt {
    /// A unit name that is probably a slip for a known unit ("Tài chính – KH").
    UnitSlip { written: String, unit: String },
    /// Units taken from a merged cell of another row.
    UnitsFromMergedCell { from_code: String },
    /// A unit name that matches no known unit.
    UnknownUnit { written: String },
    /// Text that was not understood.
    Unread { text: String },
    /// A deadline in a form not understood.
    UnknownDeadline { written: String },
}

/// The flat form of a [`Doubt`] in files. A plain struct rather than serde's internally
/// tagged enum, whose generic buffering decoder weighs on the single file.
#[derive(Serialize, Deserialize)]
pub struct DoubtRecord {
    kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    written: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    unit: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    from_code: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    text: String,
}

impl From<Doubt> for DoubtRecord {
    fn from(d: Doubt) -> DoubtRecord {
        let mut r = DoubtRecord {
            kind: String::new(),
            written: String::new(),
            unit: String::new(),
            from_code: String::new(),
            text: String::new(),
        };
        r.kind = match d {
            Doubt::UnitSlip { written, unit } => {
                (r.written, r.unit) = (written, unit);
                "unit_slip"
            }
            Doubt::UnitsFromMergedCell { from_code } => {
                r.from_code = from_code;
                "units_from_merged_cell"
            }
            Doubt::UnknownUnit { written } => {
                r.written = written;
                "unknown_unit"
            }
            Doubt::Unread { text } => {
                r.text = text;
                "unread"
            }
            Doubt::UnknownDeadline { written } => {
                r.written = written;
                "unknown_deadline"
            }
        }
        .to_string();
        r
    }
}

impl TryFrom<DoubtRecord> for Doubt {
    type Error = String;
    fn try_from(r: DoubtRecord) -> Result<Doubt, String> {
        Ok(match r.kind.as_str() {
            "unit_slip" => Doubt::UnitSlip {
                written: r.written,
                unit: r.unit,
            },
            "units_from_merged_cell" => Doubt::UnitsFromMergedCell {
                from_code: r.from_code,
            },
            "unknown_unit" => Doubt::UnknownUnit { written: r.written },
            "unread" => Doubt::Unread { text: r.text },
            "unknown_deadline" => Doubt::UnknownDeadline { written: r.written },
            other => return Err(format!("unknown doubt: {other}")),
        })
    }
}

/// A task or solution (nhiệm vụ, giải pháp).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Task {
    pub id: String,
    pub plan: String,
    /// The criterion, or only the domain, the task works for.
    pub code: Option<Code>,
    pub title: String,
    pub detail: String,
    /// Lead units (chủ trì), by id.
    pub lead: Vec<String>,
    /// Coordinating units (phối hợp), by id.
    pub support: Vec<String>,
    pub officers: Vec<String>,
    /// The leader in charge, as written ("Đ/c Tuấn, Chủ tịch").
    pub leader: String,
    pub deadline: Deadline,
    pub extensions: Vec<Extension>,
    pub status: Status,
    pub done_on: Option<NaiveDate>,
    /// Percent, 0–100.
    pub progress: u8,
    pub note: String,
    pub doubts: Vec<Doubt>,
    pub origin: Origin,
    pub order: i64,
    /// Periods of a recurring deadline marked done, by key (`2022-03`, `2022-Q1`).
    pub done_periods: Vec<Period>,
}

impl Task {
    pub fn from_record(id: &str, r: &Record) -> Task {
        let done_periods = r
            .fields
            .keys()
            .filter_map(|k| k.strip_prefix(f::DONE_PREFIX))
            .filter(|k| r.flag(&format!("{}{k}", f::DONE_PREFIX)))
            .filter_map(Period::from_key)
            .collect();
        Task {
            id: id.to_string(),
            plan: r.text(f::PLAN),
            code: r.opt_text(f::CODE).and_then(|c| Code::parse(&c)),
            title: r.text(f::TITLE),
            detail: r.text(f::DETAIL),
            lead: r.texts(f::LEAD),
            support: r.texts(f::SUPPORT),
            officers: r.texts(f::OFFICERS),
            leader: r.text(f::LEADER),
            deadline: r
                .opt_text(f::DEADLINE)
                .and_then(|d| Deadline::from_data(&d))
                .unwrap_or_default(),
            extensions: r.json(f::EXTENSIONS).unwrap_or_default(),
            status: r.json(f::STATUS).unwrap_or_default(),
            done_on: r.date(f::DONE_ON),
            progress: r
                .int(f::PROGRESS)
                .map(|p| p.clamp(0, 100) as u8)
                .unwrap_or(0),
            note: r.text(f::NOTE),
            doubts: r.json(f::DOUBTS).unwrap_or_default(),
            origin: r.json(f::ORIGIN).unwrap_or_default(),
            order: r.int(f::ORDER).unwrap_or(0),
            done_periods,
        }
    }

    /// The deadline that holds after extensions: the last extension's date.
    pub fn effective_deadline(&self) -> Deadline {
        match (self.deadline, self.extensions.iter().map(|e| e.date).max()) {
            (Deadline::Recurring { .. }, _) | (_, None) => self.deadline,
            (_, Some(date)) => Deadline::Date(date),
        }
    }

    pub fn is_done(&self) -> bool {
        self.status.is_done()
    }

    pub fn period_done(&self, p: Period) -> bool {
        self.done_periods.contains(&p)
    }
}

/// A document proving the work (hồ sơ, tài liệu kiểm chứng).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Evidence {
    pub id: String,
    pub plan: String,
    /// The task it proves, if attached to a task.
    pub task: Option<String>,
    /// The criterion it proves, if attached to a criterion.
    pub code: Option<Code>,
    /// Number and symbol, e.g. "12/KH-UBND".
    pub number: String,
    pub date: Option<NaiveDate>,
    pub title: String,
    pub issuer: String,
    /// Where it is filed.
    pub filed_at: String,
    pub page: String,
    pub file: String,
    /// Uploaded to the province's scoring software.
    pub uploaded: bool,
    pub note: String,
}

impl Evidence {
    pub fn from_record(id: &str, r: &Record) -> Evidence {
        Evidence {
            id: id.to_string(),
            plan: r.text(f::PLAN),
            task: r.opt_text(f::TASK).filter(|t| !t.is_empty()),
            code: r.opt_text(f::CODE).and_then(|c| Code::parse(&c)),
            number: r.text(f::NUMBER),
            date: r.date(f::DATE),
            title: r.text(f::TITLE),
            issuer: r.text(f::ISSUER),
            filed_at: r.text(f::FILED_AT),
            page: r.text(f::PAGE),
            file: r.text(f::FILE),
            uploaded: r.flag(f::UPLOADED),
            note: r.text(f::NOTE),
        }
    }
}

/// A unit of the commune (bộ phận, đơn vị).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Unit {
    pub id: String,
    pub commune: String,
    pub name: String,
    /// Other spellings seen in documents.
    pub aliases: Vec<String>,
    pub order: i64,
}

impl Unit {
    pub fn from_record(id: &str, r: &Record) -> Unit {
        Unit {
            id: id.to_string(),
            commune: r.text(f::COMMUNE),
            name: r.text(f::NAME),
            aliases: r.texts(f::ALIASES),
            order: r.int(f::ORDER).unwrap_or(0),
        }
    }
}

/// An officer (công chức), who belongs to a unit.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Officer {
    pub id: String,
    pub commune: String,
    pub name: String,
    pub unit: String,
    pub title: String,
}

impl Officer {
    pub fn from_record(id: &str, r: &Record) -> Officer {
        Officer {
            id: id.to_string(),
            commune: r.text(f::COMMUNE),
            name: r.text(f::NAME),
            unit: r.text(f::UNIT),
            title: r.text(f::TITLE),
        }
    }
}

/// How a target compares its value with the goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Comparison {
    #[serde(rename = ">=")]
    #[default]
    AtLeast,
    #[serde(rename = ">")]
    Above,
    #[serde(rename = "=")]
    Exactly,
    #[serde(rename = "<=")]
    AtMost,
}

impl Comparison {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::AtLeast => "≥",
            Comparison::Above => ">",
            Comparison::Exactly => "=",
            Comparison::AtMost => "≤",
        }
    }

    pub fn met(self, value: Decimal, goal: Decimal) -> bool {
        match self {
            Comparison::AtLeast => value >= goal,
            Comparison::Above => value > goal,
            Comparison::Exactly => value == goal,
            Comparison::AtMost => value <= goal,
        }
    }
}

/// What a target counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    #[default]
    Percent,
    Count,
}

/// A measurable target (chỉ tiêu) with its dated values.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Target {
    pub id: String,
    pub plan: String,
    pub title: String,
    pub code: Option<Code>,
    pub cmp: Comparison,
    pub goal: Option<Decimal>,
    pub measure: Measure,
    pub order: i64,
    /// Dated values, oldest first.
    pub history: Vec<(NaiveDate, Decimal)>,
}

impl Target {
    pub fn from_record(id: &str, r: &Record) -> Target {
        let mut history: Vec<(NaiveDate, Decimal)> = r
            .fields
            .keys()
            .filter_map(|k| Some((k, k.strip_prefix(f::AT_PREFIX)?)))
            .filter_map(|(k, day)| Some((date_from_iso(day)?, r.dec(k)?)))
            .collect();
        crate::order::sort(&mut history);
        Target {
            id: id.to_string(),
            plan: r.text(f::PLAN),
            title: r.text(f::TITLE),
            code: r.opt_text(f::CODE).and_then(|c| Code::parse(&c)),
            cmp: r.json(f::CMP).unwrap_or_default(),
            goal: r.dec(f::GOAL_VALUE),
            measure: r.json(f::MEASURE).unwrap_or_default(),
            order: r.int(f::ORDER).unwrap_or(0),
            history,
        }
    }

    /// The latest value recorded on or before `as_of`.
    pub fn current(&self, as_of: NaiveDate) -> Option<(NaiveDate, Decimal)> {
        self.history
            .iter()
            .rev()
            .find(|(d, _)| *d <= as_of)
            .copied()
    }

    pub fn met(&self, as_of: NaiveDate) -> Option<bool> {
        Some(self.cmp.met(self.current(as_of)?.1, self.goal?))
    }
}

/// One commune's published score in a year, for ranking.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RankingEntry {
    pub id: String,
    pub year: i32,
    pub commune: String,
    pub score: Option<Points>,
}

impl RankingEntry {
    pub fn from_record(id: &str, r: &Record) -> RankingEntry {
        RankingEntry {
            id: id.to_string(),
            year: r
                .int(f::YEAR)
                .and_then(|y| i32::try_from(y).ok())
                .unwrap_or_default(),
            commune: r.text(f::COMMUNE),
            score: r.dec(f::SCORE),
        }
    }
}

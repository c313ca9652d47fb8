//! What the Báo cáo view keeps in storage: the national cut-off dates (a setting), and
//! the officer's edits of a report per plan and period, so an unfinished report survives a
//! reload. Only what the officer can edit is kept: the rest is generated from the data.

use cchc_core::model::deadline::{date_vi, parse_date_vi};
use cchc_core::report::{CutOff, CutOffs, DayMonth, ProgressReport, ReportPeriod, Signing};
use serde_json::{json, Value};

use crate::storage::{self, StorageError};

const CUT_OFFS_KEY: &str = "report-cut-offs";

/// The cut-off dates in use: the stored setting, else the national defaults.
pub fn cut_offs() -> CutOffs {
    storage::get(CUT_OFFS_KEY)
        .ok()
        .flatten()
        .and_then(|text| cut_offs_from(&text))
        .unwrap_or_default()
}

/// Stores the setting; the defaults are stored as no setting at all.
pub fn set_cut_offs(cut_offs: &CutOffs) -> Result<(), StorageError> {
    if *cut_offs == CutOffs::default() {
        return storage::remove(CUT_OFFS_KEY);
    }
    storage::set(CUT_OFFS_KEY, &cut_offs_text(cut_offs))
}

/// The four cut-offs, each [from day, from month, to day, to month]: plain JSON read with
/// the `Value` parser the app already carries (a derived reader costs more of the file).
fn cut_offs_text(c: &CutOffs) -> String {
    let list: Vec<Value> = [c.quarter_one, c.six_months, c.nine_months, c.year]
        .iter()
        .map(|cut| json!([cut.from.day, cut.from.month, cut.to.day, cut.to.month]))
        .collect();
    Value::Array(list).to_string()
}

fn cut_offs_from(text: &str) -> Option<CutOffs> {
    let value: Value = serde_json::from_str(text).ok()?;
    let cut = |i: usize| -> Option<CutOff> {
        let n = |j: usize| -> Option<u32> { u32::try_from(value.get(i)?.get(j)?.as_u64()?).ok() };
        Some(CutOff {
            from: DayMonth::new(n(0)?, n(1)?),
            to: DayMonth::new(n(2)?, n(3)?),
        })
    };
    Some(CutOffs {
        quarter_one: cut(0)?,
        six_months: cut(1)?,
        nine_months: cut(2)?,
        year: cut(3)?,
    })
}

/// The officer's text of a report, and the fingerprint of the generated text it was edited
/// from: when the data, the date or the setting later generate other text, the edits are
/// out of date (the view says so and offers to start again).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub basis: u64,
    pub number: String,
    /// dd/mm/yyyy
    pub date: String,
    pub place: String,
    pub subject: String,
    pub intro: String,
    pub sections: Vec<String>,
    pub recipients: Vec<String>,
    pub deputy: bool,
    pub signer: String,
}

impl Draft {
    pub fn of(r: &ProgressReport, basis: u64) -> Draft {
        Draft {
            basis,
            number: r.header.number.clone(),
            date: date_vi(r.header.date),
            place: r.header.place.clone(),
            subject: r.subject.clone(),
            intro: r.intro.clone(),
            sections: r.sections.iter().map(|s| s.body.clone()).collect(),
            recipients: r.recipients.clone(),
            deputy: r.signature.signing == Signing::Deputy,
            signer: r.signature.name.clone(),
        }
    }

    /// The officer's text over a freshly generated report (its appendix stays fresh; the
    /// appendix's "Kèm theo Báo cáo số …" line follows the draft's number and date).
    pub fn restore(self, fresh: &ProgressReport) -> ProgressReport {
        let mut r = fresh.clone();
        r.header.number = self.number;
        r.header.date = parse_date_vi(&self.date).unwrap_or(r.header.date);
        r.header.place = self.place;
        r.subject = self.subject;
        r.intro = self.intro;
        for (section, body) in r.sections.iter_mut().zip(self.sections) {
            section.body = body;
        }
        r.recipients = self.recipients;
        r.signature.signing = if self.deputy {
            Signing::Deputy
        } else {
            Signing::OnBehalf
        };
        r.signature.name = self.signer;
        r.appendix.attached = r.appendix_attached();
        r
    }

    /// Its fingerprint: FNV-1a over the text (stable across versions, unlike std's hasher).
    pub fn fingerprint(&self) -> u64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |text: &str| {
            for byte in text.bytes().chain([0]) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        };
        for text in [
            &self.number,
            &self.date,
            &self.place,
            &self.subject,
            &self.intro,
            &self.signer,
        ] {
            feed(text);
        }
        for text in self.sections.iter().chain(&self.recipients) {
            feed(text);
        }
        feed(if self.deputy { "kt" } else { "tm" });
        hash
    }
}

/// The fingerprint of a generated report's text.
pub fn fingerprint(r: &ProgressReport) -> u64 {
    Draft::of(r, 0).fingerprint()
}

fn draft_key(plan_id: &str, period: ReportPeriod) -> String {
    format!("report-draft/{plan_id}/{}", period.slug())
}

/// The stored draft of this plan and period, if any; an unreadable one counts as none.
pub fn draft(plan_id: &str, period: ReportPeriod) -> Option<Draft> {
    let text = storage::get(&draft_key(plan_id, period)).ok().flatten()?;
    let v: Value = serde_json::from_str(&text).ok()?;
    let text = |key: &str| v[key].as_str().unwrap_or_default().to_string();
    let list = |key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    Some(Draft {
        basis: v["basis"].as_str()?.parse().ok()?,
        number: text("number"),
        date: text("date"),
        place: text("place"),
        subject: text("subject"),
        intro: text("intro"),
        sections: list("sections"),
        recipients: list("recipients"),
        deputy: v["deputy"].as_bool().unwrap_or(false),
        signer: text("signer"),
    })
}

pub fn save_draft(plan_id: &str, period: ReportPeriod, d: &Draft) -> Result<(), StorageError> {
    // The fingerprint as text: JSON numbers lose precision above 2^53 in other readers.
    let value = json!({
        "basis": d.basis.to_string(),
        "number": d.number,
        "date": d.date,
        "place": d.place,
        "subject": d.subject,
        "intro": d.intro,
        "sections": d.sections,
        "recipients": d.recipients,
        "deputy": d.deputy,
        "signer": d.signer,
    });
    storage::set(&draft_key(plan_id, period), &value.to_string())
}

pub fn drop_draft(plan_id: &str, period: ReportPeriod) -> Result<(), StorageError> {
    storage::remove(&draft_key(plan_id, period))
}

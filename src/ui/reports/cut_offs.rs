//! The national cut-off dates of each report period (a stored setting), and the period
//! list, drawn as HTML for the view's listener to read back.

use cchc_core::report::{CutOff, CutOffs, DayMonth, ReportPeriod};
use leptos::prelude::*;

use super::document::esc;
use super::Editor;
use crate::ui::i18n;

/// A periodic report of a year, and where its cut-off is in the setting.
type Row = (fn(i32) -> ReportPeriod, fn(&mut CutOffs) -> &mut CutOff);

/// The periodic reports in the order the setting lists them.
const ROWS: [Row; 4] = [
    (
        |year| ReportPeriod::QuarterOne { year },
        |c| &mut c.quarter_one,
    ),
    (
        |year| ReportPeriod::SixMonths { year },
        |c| &mut c.six_months,
    ),
    (
        |year| ReportPeriod::NineMonths { year },
        |c| &mut c.nine_months,
    ),
    (|year| ReportPeriod::Year { year }, |c| &mut c.year),
];

/// The period list of the plan's year, the one shown selected: periodic reports, then months.
pub fn period_options(ed: Editor) -> String {
    let t = &i18n::t().reports;
    let Some(current) = ed.period.get() else {
        return String::new();
    };
    let (months, periodic): (Vec<_>, Vec<_>) = ReportPeriod::choices(current.year())
        .into_iter()
        .partition(|p| matches!(p, ReportPeriod::Month { .. }));
    let group = |label: &str, list: Vec<ReportPeriod>| {
        let options: String = list
            .into_iter()
            .map(|p| {
                let selected = if p == current { " selected" } else { "" };
                format!(
                    r#"<option value="{}"{selected}>{}</option>"#,
                    p.slug(),
                    esc(&(t.period_name)(p))
                )
            })
            .collect();
        format!(r#"<optgroup label="{}">{options}</optgroup>"#, esc(label))
    };
    group(t.periodic, periodic) + &group(t.monthly, months)
}

/// One box of the setting changed: which cut-off, which end, day or month, to what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    row: usize,
    to: bool,
    month: bool,
    value: u32,
}

impl Change {
    /// Reads a box's `data-cut` ("2-to-day") and its value; None for anything out of range.
    pub fn parse(key: &str, value: &str) -> Option<Change> {
        let mut parts = key.split('-');
        let row: usize = parts.next()?.parse().ok().filter(|r| *r < ROWS.len())?;
        let to = parts.next()? == "to";
        let month = parts.next()? == "month";
        let value: u32 = value.trim().parse().ok()?;
        let max = if month { 12 } else { 31 };
        (1..=max).contains(&value).then_some(Change {
            row,
            to,
            month,
            value,
        })
    }

    pub fn apply(self, cut_offs: &mut CutOffs) {
        let cut = (ROWS[self.row].1)(cut_offs);
        let end = if self.to { &mut cut.to } else { &mut cut.from };
        if self.month {
            end.month = self.value;
        } else {
            end.day = self.value;
        }
    }
}

/// The setting's rows: each period with day and month boxes for both ends.
pub fn rows(cut_offs: CutOffs) -> String {
    let t = &i18n::t().reports;
    ROWS.iter()
        .enumerate()
        .map(|(i, (period, pick))| {
            let name = (t.period_name)(period(0));
            let mut all = cut_offs;
            let cut = *pick(&mut all);
            let end = |to: bool, at: DayMonth| {
                let label = if to { t.cut_off_to } else { t.cut_off_from };
                let which = if to { "to" } else { "from" };
                let input = |month: bool, value: u32| {
                    let (part, max) = if month { (t.month, 12) } else { (t.day, 31) };
                    format!(
                        r#"<input type="number" min="1" max="{max}" value="{value}" data-cut="{i}-{which}-{}" aria-label="{}">"#,
                        if month { "month" } else { "day" },
                        esc(&format!("{name}, {label}: {part}"))
                    )
                };
                format!("<td>{} / {}</td>", input(false, at.day), input(true, at.month))
            };
            format!(
                r#"<tr><th scope="row">{}</th>{}{}</tr>"#,
                esc(&name),
                end(false, cut.from),
                end(true, cut.to)
            )
        })
        .collect()
}

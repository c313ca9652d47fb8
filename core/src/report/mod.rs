//! Report and spreadsheet content built from the model, and the files made of it.
//!
//! Content first, pure and editable: [`progress_report`] gives the progress report
//! as strings the officer may change before printing; [`appendix`] gives the table.
//! Then renderers: [`appendix_text`] and [`appendix_tsv`] for copying. Layout follows
//! Nghị định 30/2020. Nothing here knows the browser.

mod appendix;
mod facts;
mod period;
mod progress;
mod words;

pub use appendix::{
    appendix, appendix_text, appendix_tsv, Appendix, AppendixRow, Columns, RowKind, PLAN_COLUMNS,
    STATUS_COLUMN,
};
pub use facts::{as_it_stood, tally, Tally};
pub use period::{CutOff, CutOffs, DateRange, DayMonth, ReportPeriod};
pub use progress::{
    period_vi, plan_reference, progress_report, Header, ProgressReport, Section, Signature,
    Signing,
};
pub use words::{deadline_vi, long_date, place_date, MOTTO, NATION, NO_DATA};

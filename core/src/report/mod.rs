//! Report and spreadsheet content built from the model, and the files made of it.
//!
//! Content first, pure and editable: [`progress_report`] gives the progress report
//! as strings the officer may change before printing; [`appendix`] gives the table.
//! Then renderers: [`appendix_text`] and [`appendix_tsv`] for copying, [`report_docx`]
//! and [`appendix_xlsx`] for Word and Excel, and SVG charts. Layout follows Nghị định
//! 30/2020 (docs/reports.md). Nothing here knows the browser.

mod appendix;
mod chart;
mod docx;
mod facts;
mod ooxml;
mod period;
mod progress;
mod words;
mod xlsx;
pub mod xml;
mod zip;

pub use appendix::{
    appendix, appendix_text, appendix_tsv, Appendix, AppendixRow, Columns, RowKind, PLAN_COLUMNS,
    STATUS_COLUMN,
};
pub use chart::{
    points_by_domain_svg, progress_by_unit_svg, tasks_done_over_time_svg, DomainChartWords,
    DOMAIN_CHART_VI,
};
pub use docx::report_docx;
pub use facts::{as_it_stood, tally, Tally};
pub use period::{CutOff, CutOffs, DateRange, DayMonth, ReportPeriod};
pub use progress::{
    period_vi, plan_reference, progress_report, Header, ProgressReport, Section, Signature, Signing,
};
pub use words::{
    deadline_vi, file_name, long_date, place_date, MOTTO, NATION, NO_DATA, RECIPIENTS_LABEL,
};
pub use xlsx::{appendix_xlsx, XLSX_COLUMNS};
pub use zip::ExportError;

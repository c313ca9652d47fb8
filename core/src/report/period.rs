//! Report periods and the national cut-off dates of their data.
//!
//! Periodic reports count data from 15/12 of the previous year to the 14th of the
//! period's last month (quarter I: 15/12 – 14/3). The dates are a setting: they have
//! changed before and may change again, so they live in a serializable struct.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::deadline::month_end;

/// A day and month without the year: 15/12.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DayMonth {
    // Month first: the derived order is the calendar's.
    pub month: u32,
    pub day: u32,
}

impl DayMonth {
    pub const fn new(day: u32, month: u32) -> DayMonth {
        DayMonth { month, day }
    }

    /// This day in `year`. A day the month lacks (29/02 in 2023) is its last day;
    /// a month outside 1–12 is no date.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        let last = month_end(year, self.month).filter(|_| (1..=12).contains(&self.month))?;
        NaiveDate::from_ymd_opt(year, self.month, self.day.max(1)).or(Some(last))
    }
}

/// The data span of one kind of period: from a day to a day. The first day lies in
/// the previous year when it comes after the last one (15/12 – 14/3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CutOff {
    pub from: DayMonth,
    pub to: DayMonth,
}

impl CutOff {
    pub fn range(self, year: i32) -> Option<DateRange> {
        let from_year = if self.from > self.to { year - 1 } else { year };
        DateRange::new(self.from.in_year(from_year)?, self.to.in_year(year)?)
    }
}

/// The national cut-off dates, one per kind of period. A month has none: it is the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CutOffs {
    pub quarter_one: CutOff,
    pub six_months: CutOff,
    pub nine_months: CutOff,
    pub year: CutOff,
}

const FROM: DayMonth = DayMonth::new(15, 12);

impl Default for CutOffs {
    fn default() -> CutOffs {
        let to = |month| CutOff {
            from: FROM,
            to: DayMonth::new(14, month),
        };
        CutOffs {
            quarter_one: to(3),
            six_months: to(6),
            nine_months: to(9),
            year: to(12),
        }
    }
}

/// Calendar dates from and to, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    #[serde(with = "crate::model::deadline::iso_date")]
    pub from: NaiveDate,
    #[serde(with = "crate::model::deadline::iso_date")]
    pub to: NaiveDate,
}

impl DateRange {
    /// None when the span runs backwards.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<DateRange> {
        (from <= to).then_some(DateRange { from, to })
    }

    pub fn contains(self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

/// The period a progress report covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportPeriod {
    Month { year: i32, month: u32 },
    QuarterOne { year: i32 },
    SixMonths { year: i32 },
    NineMonths { year: i32 },
    Year { year: i32 },
}

impl ReportPeriod {
    pub fn year(self) -> i32 {
        match self {
            ReportPeriod::Month { year, .. }
            | ReportPeriod::QuarterOne { year }
            | ReportPeriod::SixMonths { year }
            | ReportPeriod::NineMonths { year }
            | ReportPeriod::Year { year } => year,
        }
    }

    /// The dates whose data the report counts; None for an impossible month or setting.
    pub fn range(self, cut_offs: &CutOffs) -> Option<DateRange> {
        match self {
            ReportPeriod::Month { year, month } => DateRange::new(
                DayMonth::new(1, month).in_year(year)?,
                month_end(year, month)?,
            ),
            ReportPeriod::QuarterOne { year } => cut_offs.quarter_one.range(year),
            ReportPeriod::SixMonths { year } => cut_offs.six_months.range(year),
            ReportPeriod::NineMonths { year } => cut_offs.nine_months.range(year),
            ReportPeriod::Year { year } => cut_offs.year.range(year),
        }
    }

    /// How a title names the period: "quý I năm 2022", "6 tháng đầu năm 2022".
    pub fn name_vi(self) -> String {
        match self {
            ReportPeriod::Month { year, month } => format!("tháng {month} năm {year}"),
            ReportPeriod::QuarterOne { year } => format!("quý I năm {year}"),
            ReportPeriod::SixMonths { year } => format!("6 tháng đầu năm {year}"),
            ReportPeriod::NineMonths { year } => format!("9 tháng năm {year}"),
            ReportPeriod::Year { year } => format!("năm {year}"),
        }
    }

    /// The date the report's data stops: the period's last day or the day it is
    /// written, whichever comes first (the day it is written when the setting gives
    /// no valid span).
    pub fn cut(self, as_of: NaiveDate, cut_offs: &CutOffs) -> NaiveDate {
        self.range(cut_offs).map_or(as_of, |r| r.to.min(as_of))
    }

    /// ASCII words for file names and storage keys: "9-thang-2022", "quy-1-2022".
    pub fn slug(self) -> String {
        match self {
            ReportPeriod::Month { year, month } => format!("thang-{month}-{year}"),
            ReportPeriod::QuarterOne { year } => format!("quy-1-{year}"),
            ReportPeriod::SixMonths { year } => format!("6-thang-{year}"),
            ReportPeriod::NineMonths { year } => format!("9-thang-{year}"),
            ReportPeriod::Year { year } => format!("nam-{year}"),
        }
    }

    /// The report most likely due on `as_of` for a plan of `year`: the last periodic
    /// report whose data is closed (9 months on 15/10), the month of `as_of` before the
    /// first closes, the year's report once the year is over.
    pub fn due(year: i32, as_of: NaiveDate, cut_offs: &CutOffs) -> ReportPeriod {
        let year_report = ReportPeriod::Year { year };
        let closed = |p: ReportPeriod| p.range(cut_offs).is_some_and(|r| r.to <= as_of);
        if as_of.year() > year || closed(year_report) {
            return year_report;
        }
        let periodic = [
            ReportPeriod::NineMonths { year },
            ReportPeriod::SixMonths { year },
            ReportPeriod::QuarterOne { year },
        ];
        match periodic.into_iter().find(|p| closed(*p)) {
            Some(p) => p,
            None if as_of.year() == year => ReportPeriod::Month {
                year,
                month: as_of.month(),
            },
            None => ReportPeriod::QuarterOne { year },
        }
    }

    /// Every period of a year, in the order a period picker lists them.
    pub fn choices(year: i32) -> Vec<ReportPeriod> {
        let mut out: Vec<ReportPeriod> = (1..=12)
            .map(|month| ReportPeriod::Month { year, month })
            .collect();
        out.extend([
            ReportPeriod::QuarterOne { year },
            ReportPeriod::SixMonths { year },
            ReportPeriod::NineMonths { year },
            ReportPeriod::Year { year },
        ]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::d;

    #[test]
    fn default_cut_offs_run_from_the_previous_15_december() {
        let cut = CutOffs::default();
        let cases = [
            (
                ReportPeriod::QuarterOne { year: 2022 },
                d(2021, 12, 15),
                d(2022, 3, 14),
            ),
            (
                ReportPeriod::SixMonths { year: 2022 },
                d(2021, 12, 15),
                d(2022, 6, 14),
            ),
            (
                ReportPeriod::NineMonths { year: 2022 },
                d(2021, 12, 15),
                d(2022, 9, 14),
            ),
            (
                ReportPeriod::Year { year: 2022 },
                d(2021, 12, 15),
                d(2022, 12, 14),
            ),
            (
                ReportPeriod::Month {
                    year: 2022,
                    month: 2,
                },
                d(2022, 2, 1),
                d(2022, 2, 28),
            ),
            (
                ReportPeriod::Month {
                    year: 2024,
                    month: 2,
                },
                d(2024, 2, 1),
                d(2024, 2, 29),
            ),
            (
                ReportPeriod::Month {
                    year: 2022,
                    month: 12,
                },
                d(2022, 12, 1),
                d(2022, 12, 31),
            ),
        ];
        for (period, from, to) in cases {
            assert_eq!(
                period.range(&cut),
                Some(DateRange { from, to }),
                "{period:?}"
            );
        }
        assert_eq!(
            ReportPeriod::Month {
                year: 2022,
                month: 13
            }
            .range(&cut),
            None
        );
        assert_eq!(
            ReportPeriod::Month {
                year: 2022,
                month: 0
            }
            .range(&cut),
            None
        );
    }

    #[test]
    fn cut_offs_are_a_setting_that_round_trips() {
        // A province that closes its quarter at the month's end, within the year.
        let cut = CutOffs {
            quarter_one: CutOff {
                from: DayMonth::new(1, 1),
                to: DayMonth::new(31, 3),
            },
            ..CutOffs::default()
        };
        assert_eq!(
            ReportPeriod::QuarterOne { year: 2023 }.range(&cut),
            Some(DateRange {
                from: d(2023, 1, 1),
                to: d(2023, 3, 31)
            })
        );
        let json = serde_json::to_string(&cut).unwrap();
        assert_eq!(serde_json::from_str::<CutOffs>(&json).unwrap(), cut);
        // A day the month lacks is its last day; an impossible month is no date.
        let cases = [
            (DayMonth::new(29, 2), 2023, Some(d(2023, 2, 28))),
            (DayMonth::new(29, 2), 2024, Some(d(2024, 2, 29))),
            (DayMonth::new(31, 4), 2023, Some(d(2023, 4, 30))),
            (DayMonth::new(0, 4), 2023, Some(d(2023, 4, 1))),
            (DayMonth::new(1, 13), 2023, None),
        ];
        for (day, year, want) in cases {
            assert_eq!(day.in_year(year), want, "{day:?} {year}");
        }
    }

    #[test]
    fn periods_are_named_as_titles_write_them() {
        let cases = [
            (
                ReportPeriod::Month {
                    year: 2022,
                    month: 3,
                },
                "tháng 3 năm 2022",
            ),
            (ReportPeriod::QuarterOne { year: 2022 }, "quý I năm 2022"),
            (
                ReportPeriod::SixMonths { year: 2022 },
                "6 tháng đầu năm 2022",
            ),
            (ReportPeriod::NineMonths { year: 2022 }, "9 tháng năm 2022"),
            (ReportPeriod::Year { year: 2022 }, "năm 2022"),
        ];
        for (period, want) in cases {
            assert_eq!(period.name_vi(), want);
            let json = serde_json::to_string(&period).unwrap();
            assert_eq!(serde_json::from_str::<ReportPeriod>(&json).unwrap(), period);
        }
        assert_eq!(ReportPeriod::choices(2022).len(), 16);
    }

    #[test]
    fn the_cut_is_the_period_end_or_the_day_of_writing() {
        let cut = CutOffs::default();
        let nine = ReportPeriod::NineMonths { year: 2022 };
        assert_eq!(nine.cut(d(2022, 10, 15), &cut), d(2022, 9, 14));
        assert_eq!(nine.cut(d(2022, 8, 1), &cut), d(2022, 8, 1));
        let broken = CutOffs {
            nine_months: CutOff {
                from: DayMonth::new(1, 13),
                to: DayMonth::new(14, 9),
            },
            ..cut
        };
        assert_eq!(nine.cut(d(2022, 10, 15), &broken), d(2022, 10, 15));
    }

    #[test]
    fn slugs_are_ascii_and_distinct() {
        let slugs: Vec<String> = ReportPeriod::choices(2022)
            .into_iter()
            .map(ReportPeriod::slug)
            .collect();
        assert_eq!(slugs[2], "thang-3-2022");
        assert_eq!(
            &slugs[12..],
            ["quy-1-2022", "6-thang-2022", "9-thang-2022", "nam-2022"]
        );
        let mut unique = slugs.clone();
        crate::order::sort(&mut unique);
        unique.dedup();
        assert_eq!(unique.len(), slugs.len());
        assert!(slugs
            .iter()
            .all(|s| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')));
    }

    #[test]
    fn the_report_due_is_the_last_closed_period() {
        let cut = CutOffs::default();
        let cases = [
            (d(2022, 10, 15), ReportPeriod::NineMonths { year: 2022 }),
            (d(2022, 9, 14), ReportPeriod::NineMonths { year: 2022 }),
            (d(2022, 9, 13), ReportPeriod::SixMonths { year: 2022 }),
            (d(2022, 3, 14), ReportPeriod::QuarterOne { year: 2022 }),
            (
                d(2022, 2, 20),
                ReportPeriod::Month {
                    year: 2022,
                    month: 2,
                },
            ),
            (d(2021, 12, 20), ReportPeriod::QuarterOne { year: 2022 }),
            (d(2022, 12, 14), ReportPeriod::Year { year: 2022 }),
            (d(2023, 3, 5), ReportPeriod::Year { year: 2022 }),
        ];
        for (as_of, want) in cases {
            assert_eq!(ReportPeriod::due(2022, as_of, &cut), want, "{as_of}");
        }
    }
}

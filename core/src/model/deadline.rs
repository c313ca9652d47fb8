//! Deadlines (thời hạn) of every kind the plans use, and when they are late.
//!
//! Dates are calendar dates in the user's local time, never instants. Lateness is
//! judged against an as-of date ("Ngày xem xét") that the caller gives.

use chrono::{Datelike, Duration, NaiveDate};

/// How many days ahead count as "due soon" (DESIGN.md §4).
pub const DUE_SOON_DAYS: i64 = 14;

/// A deadline: a date, a month, recurring, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Deadline {
    #[default]
    None,
    Date(NaiveDate),
    /// The whole month: late only after its last day.
    Month {
        year: i32,
        month: u32,
    },
    /// Recurring each month and/or each quarter; each period is tracked separately.
    Recurring {
        monthly: bool,
        quarterly: bool,
    },
}

/// One month or quarter of a recurring task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
}

/// Why a deadline text was not understood: it is a doubt, never a guess.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownDeadline(pub String);

impl Deadline {
    /// Reads the forms plans write: `10/11/2022`, ` 30/9/2022`, `02/2022`, `Hàng tháng`,
    /// `Hàng quý`, `Hàng tháng, hàng quý`, `Quý 2/2022` is not guessed. Empty means none.
    pub fn parse_vi(text: &str) -> Result<Deadline, UnknownDeadline> {
        let cleaned = text.trim().trim_end_matches(['.', ';']).trim();
        if cleaned.is_empty() {
            return Ok(Deadline::None);
        }
        let folded = crate::model::names::fold(cleaned);
        if let Some(d) = parse_recurring(&folded) {
            return Ok(d);
        }
        let parts: Vec<&str> = cleaned.split(['/', '-', '.']).map(str::trim).collect();
        let nums: Option<Vec<u32>> = parts
            .iter()
            .map(|p| p.parse::<u32>().ok().filter(|_| p.len() <= 4))
            .collect();
        let unknown = || UnknownDeadline(text.trim().to_string());
        match nums.as_deref() {
            Some([d, m, y]) if *y >= 1000 => NaiveDate::from_ymd_opt(*y as i32, *m, *d)
                .map(Deadline::Date)
                .ok_or_else(unknown),
            Some([m, y]) if *y >= 1000 && (1..=12).contains(m) => Ok(Deadline::Month {
                year: *y as i32,
                month: *m,
            }),
            _ => Err(unknown()),
        }
    }

    /// The compact form stored in records: `2022-11-10`, `2022-02`, `monthly`,
    /// `quarterly`, `monthly+quarterly`; none is no value.
    pub fn to_data(self) -> Option<String> {
        match self {
            Deadline::None => None,
            Deadline::Date(d) => Some(iso(d)),
            Deadline::Month { year, month } => Some(format!("{year:04}-{month:02}")),
            Deadline::Recurring { monthly, quarterly } => Some(
                match (monthly, quarterly) {
                    (true, true) => "monthly+quarterly",
                    (false, true) => "quarterly",
                    _ => "monthly",
                }
                .to_string(),
            ),
        }
    }

    pub fn from_data(text: &str) -> Option<Deadline> {
        match text {
            "monthly" => {
                return Some(Deadline::Recurring {
                    monthly: true,
                    quarterly: false,
                })
            }
            "quarterly" => {
                return Some(Deadline::Recurring {
                    monthly: false,
                    quarterly: true,
                })
            }
            "monthly+quarterly" => {
                return Some(Deadline::Recurring {
                    monthly: true,
                    quarterly: true,
                })
            }
            "" => return Some(Deadline::None),
            _ => {}
        }
        if let Some(d) = date_from_iso(text) {
            return Some(Deadline::Date(d));
        }
        let (y, m) = text.split_once('-')?;
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        (y.len() == 4 && m.len() == 2 && (1..=12).contains(&month))
            .then_some(Deadline::Month { year, month })
    }

    pub fn is_recurring(self) -> bool {
        matches!(self, Deadline::Recurring { .. })
    }

    /// The last day on which a one-off deadline is still on time.
    pub fn last_day(self) -> Option<NaiveDate> {
        match self {
            Deadline::Date(d) => Some(d),
            Deadline::Month { year, month } => month_end(year, month),
            _ => None,
        }
    }

    /// The periods of a recurring deadline within a plan year, from the month the plan starts.
    pub fn periods(self, year: i32, from_month: u32) -> Vec<Period> {
        let Deadline::Recurring { monthly, quarterly } = self else {
            return Vec::new();
        };
        let from_month = from_month.clamp(1, 12);
        let mut out = Vec::new();
        if monthly {
            out.extend((from_month..=12).map(|month| Period::Month { year, month }));
        }
        if quarterly {
            out.extend(
                (quarter_of(from_month)..=4).map(|quarter| Period::Quarter { year, quarter }),
            );
        }
        out
    }
}

fn parse_recurring(folded: &str) -> Option<Deadline> {
    let monthly = folded.contains("hang thang");
    let quarterly = folded.contains("hang quy");
    let rest = folded.replace("hang thang", " ").replace("hang quy", " ");
    // Only joiners may remain: "Hàng tháng, hàng quý", "hàng tháng và hàng quý".
    let only_joiners = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '-' | '/' | '(' | ')'))
        .all(|t| t.is_empty() || t == "va");
    ((monthly || quarterly) && only_joiners).then_some(Deadline::Recurring { monthly, quarterly })
}

pub fn quarter_of(month: u32) -> u32 {
    (month.clamp(1, 12) - 1) / 3 + 1
}

pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1).map(|d| d - Duration::days(1))
}

impl Period {
    /// The key under which a recurring task records this period done: `2022-03`, `2022-Q1`.
    pub fn key(self) -> String {
        match self {
            Period::Month { year, month } => format!("{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => format!("{year:04}-Q{quarter}"),
        }
    }

    pub fn from_key(key: &str) -> Option<Period> {
        let (y, rest) = key.split_once('-')?;
        let year: i32 = y.parse().ok()?;
        match rest.strip_prefix('Q') {
            Some(q) => q
                .parse()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .map(|quarter| Period::Quarter { year, quarter }),
            None => rest
                .parse()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .map(|month| Period::Month { year, month }),
        }
    }

    /// The last day of the period: after it, an unfinished period is late.
    pub fn end(self) -> Option<NaiveDate> {
        match self {
            Period::Month { year, month } => month_end(year, month),
            Period::Quarter { year, quarter } => month_end(year, quarter * 3),
        }
    }

    pub fn start(self) -> Option<NaiveDate> {
        match self {
            Period::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
            Period::Quarter { year, quarter } => NaiveDate::from_ymd_opt(year, quarter * 3 - 2, 1),
        }
    }
}

/// Where a deadline stands on the as-of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    /// No deadline, or nothing ends within the next 14 days.
    OnTrack,
    /// Ends within the next 14 days (today included).
    DueSoon(NaiveDate),
    /// Ended before the as-of date.
    Late(NaiveDate),
}

/// Timing of a one-off last day against `as_of`.
pub fn timing_of(last_day: NaiveDate, as_of: NaiveDate) -> Timing {
    if as_of > last_day {
        Timing::Late(last_day)
    } else if last_day - as_of <= Duration::days(DUE_SOON_DAYS) {
        Timing::DueSoon(last_day)
    } else {
        Timing::OnTrack
    }
}

/// Vietnamese date: `10/11/2022`.
pub fn date_vi(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// Reads a date typed as `dd/mm/yyyy` (also `d/m/yyyy`) or ISO `yyyy-mm-dd`.
pub fn parse_date_vi(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    match numbers(text, '/').as_deref() {
        Some([d, m, y]) if *y >= 1000 => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
        _ => date_from_iso(text),
    }
}

/// `2022-11-10`. Written by hand: chrono's formatting machinery costs the single file
/// far more than these few lines.
pub fn iso(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Reads exactly `yyyy-mm-dd`.
pub fn date_from_iso(text: &str) -> Option<NaiveDate> {
    let lengths: Vec<usize> = text.split('-').map(str::len).collect();
    match (numbers(text, '-').as_deref(), lengths.as_slice()) {
        (Some([y, m, d]), [4, 2, 2]) => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
        _ => None,
    }
}

/// Whole numbers separated by `sep`, each of one to four digits.
fn numbers(text: &str, sep: char) -> Option<Vec<u32>> {
    text.split(sep)
        .map(|p| p.trim())
        .map(|p| {
            (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect()
}

/// Serde for dates as `yyyy-mm-dd` strings, without chrono's serde support.
pub mod iso_date {
    use chrono::NaiveDate;

    pub fn serialize<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::iso(*d))
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        super::date_from_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("ngày không hợp lệ: {text}")))
    }

    /// The same for an optional date.
    pub mod option {
        use chrono::NaiveDate;

        pub fn serialize<S: serde::Serializer>(
            d: &Option<NaiveDate>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => super::serialize(d, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: serde::Deserializer<'de>>(
            d: D,
        ) -> Result<Option<NaiveDate>, D::Error> {
            let text = <Option<std::borrow::Cow<'de, str>> as serde::Deserialize>::deserialize(d)?;
            text.map(|t| {
                super::super::date_from_iso(&t)
                    .ok_or_else(|| serde::de::Error::custom(format!("ngày không hợp lệ: {t}")))
            })
            .transpose()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::d;

    #[test]
    fn reads_every_deadline_form_of_the_seed() {
        let rec = |monthly, quarterly| Ok(Deadline::Recurring { monthly, quarterly });
        let cases = [
            (" 10/11/2022", Ok(Deadline::Date(d(2022, 11, 10)))),
            ("15/11/2022", Ok(Deadline::Date(d(2022, 11, 15)))),
            (" 30/9/2022", Ok(Deadline::Date(d(2022, 9, 30)))),
            (
                "02/2022",
                Ok(Deadline::Month {
                    year: 2022,
                    month: 2,
                }),
            ),
            (" Hàng tháng, hàng quý", rec(true, true)),
            ("Hàng tháng", rec(true, false)),
            (" Hàng tháng", rec(true, false)),
            ("Hàng quý", rec(false, true)),
            ("hàng tháng và hàng quý", rec(true, true)),
            ("", Ok(Deadline::None)),
            ("  ", Ok(Deadline::None)),
            ("31/02/2022", Err(UnknownDeadline("31/02/2022".into()))),
            ("Quý II", Err(UnknownDeadline("Quý II".into()))),
            ("Thường xuyên", Err(UnknownDeadline("Thường xuyên".into()))),
            ("13/2022", Err(UnknownDeadline("13/2022".into()))),
            (
                "hàng tháng trừ tháng 2",
                Err(UnknownDeadline("hàng tháng trừ tháng 2".into())),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(Deadline::parse_vi(text), want, "{text:?}");
        }
    }

    #[test]
    fn data_form_round_trips() {
        let all = [
            Deadline::None,
            Deadline::Date(d(2022, 11, 10)),
            Deadline::Month {
                year: 2022,
                month: 2,
            },
            Deadline::Recurring {
                monthly: true,
                quarterly: false,
            },
            Deadline::Recurring {
                monthly: false,
                quarterly: true,
            },
            Deadline::Recurring {
                monthly: true,
                quarterly: true,
            },
        ];
        for dl in all {
            let back = Deadline::from_data(&dl.to_data().unwrap_or_default());
            assert_eq!(back, Some(dl));
        }
        assert_eq!(Deadline::from_data("2022-13"), None);
        assert_eq!(Deadline::from_data("nope"), None);
    }

    #[test]
    fn late_and_due_soon_around_month_quarter_and_year_ends() {
        // (deadline, as-of, expected)
        let cases = [
            (
                Deadline::Date(d(2022, 11, 10)),
                d(2022, 11, 10),
                Timing::DueSoon(d(2022, 11, 10)),
            ),
            (
                Deadline::Date(d(2022, 11, 10)),
                d(2022, 11, 11),
                Timing::Late(d(2022, 11, 10)),
            ),
            (
                Deadline::Date(d(2022, 11, 10)),
                d(2022, 10, 27),
                Timing::DueSoon(d(2022, 11, 10)),
            ),
            (
                Deadline::Date(d(2022, 11, 10)),
                d(2022, 10, 26),
                Timing::OnTrack,
            ),
            // A month deadline is late only after the month's last day.
            (
                Deadline::Month {
                    year: 2022,
                    month: 2,
                },
                d(2022, 2, 28),
                Timing::DueSoon(d(2022, 2, 28)),
            ),
            (
                Deadline::Month {
                    year: 2022,
                    month: 2,
                },
                d(2022, 3, 1),
                Timing::Late(d(2022, 2, 28)),
            ),
            (
                Deadline::Month {
                    year: 2024,
                    month: 2,
                },
                d(2024, 2, 29),
                Timing::DueSoon(d(2024, 2, 29)),
            ),
            (
                Deadline::Month {
                    year: 2022,
                    month: 12,
                },
                d(2022, 12, 31),
                Timing::DueSoon(d(2022, 12, 31)),
            ),
            (
                Deadline::Month {
                    year: 2022,
                    month: 12,
                },
                d(2023, 1, 1),
                Timing::Late(d(2022, 12, 31)),
            ),
        ];
        for (dl, as_of, want) in cases {
            let last = dl.last_day().unwrap();
            assert_eq!(timing_of(last, as_of), want, "{dl:?} on {as_of}");
        }
    }

    #[test]
    fn recurring_periods_end_at_month_and_quarter_ends() {
        let dl = Deadline::Recurring {
            monthly: true,
            quarterly: true,
        };
        let periods = dl.periods(2022, 2);
        let keys: Vec<String> = periods.iter().map(|p| p.key()).collect();
        assert_eq!(keys.len(), 11 + 4);
        assert_eq!(keys[0], "2022-02");
        assert_eq!(keys[11], "2022-Q1");
        let cases = [
            (
                Period::Month {
                    year: 2022,
                    month: 2,
                },
                d(2022, 2, 28),
            ),
            (
                Period::Month {
                    year: 2024,
                    month: 2,
                },
                d(2024, 2, 29),
            ),
            (
                Period::Quarter {
                    year: 2022,
                    quarter: 1,
                },
                d(2022, 3, 31),
            ),
            (
                Period::Quarter {
                    year: 2022,
                    quarter: 3,
                },
                d(2022, 9, 30),
            ),
            (
                Period::Quarter {
                    year: 2022,
                    quarter: 4,
                },
                d(2022, 12, 31),
            ),
            (
                Period::Month {
                    year: 2022,
                    month: 12,
                },
                d(2022, 12, 31),
            ),
        ];
        for (p, end) in cases {
            assert_eq!(p.end(), Some(end), "{p:?}");
            assert_eq!(Period::from_key(&p.key()), Some(p));
        }
        assert_eq!(
            Deadline::Recurring {
                monthly: false,
                quarterly: true
            }
            .periods(2022, 5)
            .len(),
            3
        );
    }

    #[test]
    fn dates_show_as_dd_mm_yyyy() {
        assert_eq!(date_vi(d(2022, 9, 30)), "30/09/2022");
        assert_eq!(parse_date_vi("5/3/2023"), Some(d(2023, 3, 5)));
        assert_eq!(parse_date_vi("2023-03-05"), Some(d(2023, 3, 5)));
        assert_eq!(parse_date_vi("32/1/2023"), None);
        assert_eq!(parse_date_vi(" 30/9/2022 "), Some(d(2022, 9, 30)));
        assert_eq!(iso(d(2022, 2, 8)), "2022-02-08");
        for bad in [
            "2022-2-08",
            "22-02-08",
            "2022-02-30",
            "2022/02/08",
            "",
            "2022-02-08x",
        ] {
            assert_eq!(date_from_iso(bad), None, "{bad}");
        }
    }
}

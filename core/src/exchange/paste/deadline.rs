//! The deadline cell. `Deadline::parse_vi` knows the forms; this only takes off the
//! words plans put before a date (`Trước ngày 30/6/2022`, `Tháng 10/2022`), which change
//! nothing in its meaning. Any other form stays a doubt, never a guess.

use crate::model::deadline::{Deadline, UnknownDeadline};
use crate::model::names::fold;

use super::text::collapse;

/// Leading words that only introduce a date or a month.
const LEAD_INS: &[&str] = &[
    "truoc ngay",
    "truoc",
    "cham nhat ngay",
    "cham nhat",
    "han chot",
    "trong thang",
    "thang",
    "ngay",
];

/// Reads a deadline cell; an unknown form comes back as written.
pub fn read(cell: &str) -> Result<Deadline, UnknownDeadline> {
    let written = collapse(cell);
    let unknown = |_| UnknownDeadline(written.clone());
    Deadline::parse_vi(&written).or_else(|first| {
        without_lead_in(&written)
            .map_or(Err(first), |rest| Deadline::parse_vi(rest).map_err(unknown))
    })
}

fn without_lead_in(text: &str) -> Option<&str> {
    let words: Vec<&str> = text.split(' ').collect();
    LEAD_INS.iter().find_map(|lead| {
        let n = lead.split(' ').count();
        let head: Vec<String> = words.get(..n)?.iter().map(|w| fold(w)).collect();
        (head.join(" ") == *lead && words.len() > n).then(|| {
            let skip: usize = words[..n].iter().map(|w| w.len() + 1).sum();
            text.get(skip..).unwrap_or_default()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn lead_in_words_are_read_through_and_other_forms_stay_doubts() {
        let date = |y, m, d| Ok(Deadline::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap()));
        let unknown = |s: &str| Err(UnknownDeadline(s.into()));
        let cases = [
            (" 10/11/2022", date(2022, 11, 10)),
            ("Trước ngày 30/6/2022", date(2022, 6, 30)),
            (
                "Tháng 10/2022",
                Ok(Deadline::Month {
                    year: 2022,
                    month: 10,
                }),
            ),
            (
                "Hàng tháng,\n hàng quý",
                Ok(Deadline::Recurring {
                    monthly: true,
                    quarterly: true,
                }),
            ),
            ("Quý II/2022", unknown("Quý II/2022")),
            ("Thường xuyên", unknown("Thường xuyên")),
            ("Trước Tết", unknown("Trước Tết")),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want, "{text:?}");
        }
    }
}

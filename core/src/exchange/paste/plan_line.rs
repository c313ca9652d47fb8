//! The line under the appendix title that names the plan:
//! `(Kèm theo kế hoạch số 12 /KH-UBND ngày 28 tháng 02 năm 2022 của UBND xã Sơn Lĩnh)`.

use chrono::NaiveDate;

use crate::model::names::fold;

use super::text::collapse;

/// The plan an appendix belongs to, as its heading names it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanLine {
    /// The line as written, whitespace collapsed.
    pub written: String,
    /// Number and symbol without spaces: `12/KH-UBND`.
    pub number: String,
    pub date: Option<NaiveDate>,
    /// Who issued it: `UBND xã Sơn Lĩnh`.
    pub issuer: String,
    /// The commune (xã, phường or thị trấn) named in the issuer: `Sơn Lĩnh`.
    pub commune: String,
}

/// Reads a plan line; `None` when the line is not one.
pub fn read(line: &str) -> Option<PlanLine> {
    let written = collapse(line);
    let inner = written.trim_start_matches('(').trim_end_matches([')', '.']);
    let words: Vec<&str> = inner.split(' ').collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let find = |target: &str, from: usize| (from..folded.len()).find(|&i| folded[i] == target);
    let kem = (0..folded.len().saturating_sub(1))
        .find(|&i| folded[i] == "kem" && folded[i + 1] == "theo")?;
    let so = find("so", kem)?;
    let ngay = find("ngay", so);
    let cua = find("cua", so);
    let number_end = ngay.or(cua).unwrap_or(words.len());
    let number: String = words.get(so + 1..number_end)?.concat();
    if !number.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let date =
        ngay.and_then(|n| date_after(&folded[n + 1..cua.unwrap_or(folded.len()).max(n + 1)]));
    let issuer = cua.map_or(String::new(), |c| words[c + 1..].join(" "));
    let commune = commune_of(&issuer);
    Some(PlanLine {
        written,
        number,
        date,
        issuer,
        commune,
    })
}

/// `28 tháng 02 năm 2022`, `28/02/2022`, `28-02-2022`.
fn date_after(words: &[String]) -> Option<NaiveDate> {
    let numbers: Vec<u32> = words
        .join(" ")
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty() && p.len() <= 4)
        .filter_map(|p| p.parse().ok())
        .take(3)
        .collect();
    match numbers.as_slice() {
        [d, m, y] => NaiveDate::from_ymd_opt(i32::try_from(*y).ok()?, *m, *d),
        _ => None,
    }
}

/// The name after `xã`, `phường` or `thị trấn` in `UBND xã Sơn Lĩnh`.
fn commune_of(issuer: &str) -> String {
    let words: Vec<&str> = issuer.split(' ').collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let after = (0..folded.len()).find_map(|i| match folded[i].as_str() {
        "xa" | "phuong" => Some(i + 1),
        "thi" if folded.get(i + 1).map(String::as_str) == Some("tran") => Some(i + 2),
        _ => None,
    });
    after.map_or(String::new(), |i| {
        words.get(i..).unwrap_or_default().join(" ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_plan_line_in_its_usual_forms() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let cases = [
            (
                "(Kèm theo kế hoạch số 12 /KH-UBND ngày 28 tháng 02 năm 2022 của UBND xã Sơn Lĩnh)",
                Some(("12/KH-UBND", d(2022, 2, 28), "UBND xã Sơn Lĩnh", "Sơn Lĩnh")),
            ),
            (
                "(Ban hành kèm theo Kế hoạch số 45/KH-UBND ngày 3/3/2023 của Ủy ban nhân dân phường Bến Thủy)",
                Some(("45/KH-UBND", d(2023, 3, 3), "Ủy ban nhân dân phường Bến Thủy", "Bến Thủy")),
            ),
            (
                "Kèm theo Kế hoạch số 7/KH-UBND của UBND thị trấn Phố Châu",
                Some(("7/KH-UBND", None, "UBND thị trấn Phố Châu", "Phố Châu")),
            ),
            ("Kèm theo kế hoạch này", None),
            ("PHỤ LỤC", None),
        ];
        for (text, want) in cases {
            let got = read(text).map(|p| (p.number, p.date, p.issuer, p.commune));
            let want =
                want.map(|(n, date, i, c)| (n.to_string(), date, i.to_string(), c.to_string()));
            assert_eq!(got, want, "{text}");
        }
    }
}

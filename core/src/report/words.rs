//! The fixed Vietnamese words of the documents, and how dates, deadlines and
//! statuses are written in them. One place, so the wording stays consistent.

use chrono::{Datelike, NaiveDate};

use crate::model::deadline::{date_vi, Deadline};
use crate::model::names::fold;
use crate::model::records::Status;

/// Quốc hiệu and Tiêu ngữ (Nghị định 30/2020, Phụ lục I).
pub const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// Ký hiệu of a commune committee's report.
pub const REPORT_SYMBOL: &str = "BC-UBND";
pub const REPORT_TITLE: &str = "BÁO CÁO";
pub const RECIPIENTS_LABEL: &str = "Nơi nhận:";
/// The body above the commune's name, as the header's first line prints it.
pub const COMMITTEE: &str = "ỦY BAN NHÂN DÂN";
/// Where the officer still has to write: no text is invented for causes and proposals.
pub const TO_FILL: &str = "……………………………………………………";
pub const NO_DATA: &str = "chưa có số liệu";

/// "ngày 05 tháng 3 năm 2023": days below 10 and the months 1 and 2 are zero-padded,
/// as Nghị định 30/2020 writes them (so "tháng 02" is never read as "tháng 12").
pub fn long_date(d: NaiveDate) -> String {
    let month = match d.month() {
        m @ (1 | 2) => format!("{m:02}"),
        m => m.to_string(),
    };
    format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
}

/// The place and date line: "Sơn Lĩnh, ngày 05 tháng 3 năm 2023".
pub fn place_date(place: &str, d: NaiveDate) -> String {
    if place.trim().is_empty() {
        return capitalize(&long_date(d));
    }
    format!("{}, {}", place.trim(), long_date(d))
}

/// A deadline as the appendix writes it: "10/11/2022", "02/2022", "Hàng tháng, hàng quý".
pub fn deadline_vi(deadline: Deadline) -> String {
    match deadline {
        Deadline::None => String::new(),
        Deadline::Date(d) => date_vi(d),
        Deadline::Month { year, month } => format!("{month:02}/{year:04}"),
        Deadline::Recurring { monthly, quarterly } => match (monthly, quarterly) {
            (true, true) => "Hàng tháng, hàng quý",
            (false, true) => "Hàng quý",
            _ => "Hàng tháng",
        }
        .to_string(),
    }
}

pub fn status_vi(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "Chưa thực hiện",
        Status::InProgress => "Đang thực hiện",
        Status::Done => "Hoàn thành",
        Status::DoneLate => "Hoàn thành quá hạn",
    }
}

pub fn yes_no(yes: bool) -> &'static str {
    if yes {
        "Có"
    } else {
        "Không"
    }
}

/// First letter upper case, the rest as is.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// First letter lower case, for a title that continues a sentence ("về khắc phục …").
pub fn decapitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A title written in capitals, as the appendix prints domains, made readable in a
/// sentence: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC" → "Công tác chỉ đạo, điều hành CCHC".
/// Abbreviations (words without a vowel: CCHC, QPPL, TTHC) stay as they are.
pub fn sentence_case(title: &str) -> String {
    if title.chars().any(char::is_lowercase) {
        return title.to_string();
    }
    let words: Vec<String> = title
        .split(' ')
        .map(|w| {
            if is_abbreviation(w) {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect();
    capitalize(&words.join(" "))
}

fn is_abbreviation(word: &str) -> bool {
    let letters = fold(word);
    !letters.is_empty() && !letters.chars().any(|c| "aeiouy".contains(c))
}

/// The two header lines of the issuing body: "ỦY BAN NHÂN DÂN" / "XÃ SƠN LĨNH",
/// split where the body names the kind of commune ("xã", "phường", "thị trấn").
pub fn body_lines(body: &str, commune: &str) -> (String, String) {
    let words: Vec<&str> = body.split_whitespace().collect();
    let kind_at = (1..words.len()).find(|&i| {
        let word = fold(words[i]);
        let next = words.get(i + 1).map(|w| fold(w));
        word == "xa" || word == "phuong" || (word == "thi" && next.as_deref() == Some("tran"))
    });
    match kind_at {
        Some(at) => (
            words[..at].join(" ").to_uppercase(),
            words[at..].join(" ").to_uppercase(),
        ),
        // A body that names no kind of commune: the commune committee by default.
        None => (
            COMMITTEE.to_string(),
            format!("XÃ {}", commune.trim().to_uppercase()),
        ),
    }
}

/// The issuing body as a reference writes it: "UBND xã Sơn Lĩnh".
pub fn short_body(body: &str, commune: &str) -> String {
    let words: Vec<&str> = body.split_whitespace().collect();
    let committee = words.len() > 4 && fold(&words[..4].join(" ")) == "uy ban nhan dan";
    match (words.is_empty(), committee) {
        (true, _) => format!("UBND xã {}", commune.trim()),
        (false, true) => format!("UBND {}", words[4..].join(" ")),
        (false, false) => words.join(" "),
    }
}

/// A download's name in plain ASCII, readable and safe on every system:
/// `file_name("Báo cáo", "Sơn Lĩnh", "9-thang-2022", "docx")` →
/// "bao-cao-son-linh-9-thang-2022.docx". Empty parts are left out.
pub fn file_name(what: &str, commune: &str, period_slug: &str, extension: &str) -> String {
    crate::model::names::file_name(&[what, commune, period_slug], extension)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::d;

    #[test]
    fn long_dates_pad_days_below_ten_and_months_one_and_two_only() {
        let cases = [
            (d(2022, 2, 28), "ngày 28 tháng 02 năm 2022"),
            (d(2023, 3, 5), "ngày 05 tháng 3 năm 2023"),
            (d(2022, 10, 15), "ngày 15 tháng 10 năm 2022"),
            (d(2023, 1, 9), "ngày 09 tháng 01 năm 2023"),
            (d(2022, 12, 10), "ngày 10 tháng 12 năm 2022"),
            (d(2022, 11, 1), "ngày 01 tháng 11 năm 2022"),
            (d(2024, 9, 30), "ngày 30 tháng 9 năm 2024"),
        ];
        for (date, want) in cases {
            assert_eq!(long_date(date), want, "{date}");
        }
        assert_eq!(
            place_date("Sơn Lĩnh", d(2023, 3, 5)),
            "Sơn Lĩnh, ngày 05 tháng 3 năm 2023"
        );
        assert_eq!(place_date(" ", d(2023, 3, 5)), "Ngày 05 tháng 3 năm 2023");
    }

    #[test]
    fn deadlines_read_as_the_seed_writes_them() {
        let cases = [
            (Deadline::None, ""),
            (Deadline::Date(d(2022, 11, 10)), "10/11/2022"),
            (Deadline::Date(d(2022, 9, 30)), "30/09/2022"),
            (
                Deadline::Month {
                    year: 2022,
                    month: 2,
                },
                "02/2022",
            ),
            (
                Deadline::Recurring {
                    monthly: true,
                    quarterly: true,
                },
                "Hàng tháng, hàng quý",
            ),
            (
                Deadline::Recurring {
                    monthly: true,
                    quarterly: false,
                },
                "Hàng tháng",
            ),
            (
                Deadline::Recurring {
                    monthly: false,
                    quarterly: true,
                },
                "Hàng quý",
            ),
        ];
        for (deadline, want) in cases {
            assert_eq!(deadline_vi(deadline), want);
            // What is printed reads back as the same deadline.
            assert_eq!(Deadline::parse_vi(want), Ok(deadline), "{want}");
        }
    }

    #[test]
    fn capitals_become_a_sentence_keeping_abbreviations() {
        let cases = [
            (
                "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
                "Công tác chỉ đạo, điều hành CCHC",
            ),
            ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "Cải cách thủ tục hành chính"),
            ("Cải cách tài chính công", "Cải cách tài chính công"),
            ("", ""),
        ];
        for (title, want) in cases {
            assert_eq!(sentence_case(title), want);
        }
    }

    #[test]
    fn the_issuing_body_shortens_for_references() {
        let cases = [
            ("Ủy ban nhân dân xã Sơn Lĩnh", "UBND xã Sơn Lĩnh"),
            ("UBND phường Đông Hà", "UBND phường Đông Hà"),
            ("", "UBND xã Sơn Lĩnh"),
        ];
        for (body, want) in cases {
            assert_eq!(short_body(body, "Sơn Lĩnh"), want);
        }
    }

    #[test]
    fn the_issuing_body_splits_into_two_header_lines() {
        let cases = [
            (
                "Ủy ban nhân dân xã Sơn Lĩnh",
                "Sơn Lĩnh",
                ("ỦY BAN NHÂN DÂN", "XÃ SƠN LĨNH"),
            ),
            (
                "Ủy ban nhân dân  phường Đông Hà",
                "Đông Hà",
                ("ỦY BAN NHÂN DÂN", "PHƯỜNG ĐÔNG HÀ"),
            ),
            (
                "UBND thị trấn Kỳ Anh",
                "Kỳ Anh",
                ("UBND", "THỊ TRẤN KỲ ANH"),
            ),
            ("", "Sơn Lĩnh", ("ỦY BAN NHÂN DÂN", "XÃ SƠN LĨNH")),
            (
                "Ủy ban nhân dân",
                "Sơn Lĩnh",
                ("ỦY BAN NHÂN DÂN", "XÃ SƠN LĨNH"),
            ),
        ];
        for (body, commune, (head, tail)) in cases {
            assert_eq!(
                body_lines(body, commune),
                (head.to_string(), tail.to_string()),
                "{body}"
            );
        }
    }

    #[test]
    fn file_names_are_plain_ascii_words() {
        assert_eq!(
            file_name("Báo cáo", "Sơn Lĩnh", "9-thang-2022", "docx"),
            "bao-cao-son-linh-9-thang-2022.docx"
        );
        assert_eq!(
            file_name("Phụ lục", "Đông Hà / Quảng Trị", "quy-1-2023", "xlsx"),
            "phu-luc-dong-ha-quang-tri-quy-1-2023.xlsx"
        );
        assert_eq!(
            file_name("Báo cáo", "  ", "nam-2022", "docx"),
            "bao-cao-nam-2022.docx"
        );
    }
}

//! The progress report and the appendix of the Sơn Lĩnh example, read against the
//! seed document and `seed/EXPECTED.md` (copies in `tests/seed/`), not against the
//! code's own reading.

use cchc_core::model::seed;
use cchc_core::model::*;
use cchc_core::report::*;
use chrono::NaiveDate;

const EXPECTED: &str = include_str!("seed/EXPECTED.md");
const SEED: &str = include_str!("seed/ke-hoach-12-KH-UBND-son-linh.txt");

fn view() -> PlanView {
    PlanView::build(&seed::example(), &seed::plan_id()).expect("the example has its plan")
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

fn report(view: &PlanView, period: ReportPeriod, as_of: NaiveDate) -> ProgressReport {
    progress_report(view, period, as_of, &CutOffs::default())
}

/// The whole prose of a report, one paragraph a line.
fn prose(r: &ProgressReport) -> String {
    let mut out = vec![r.intro.clone()];
    for s in &r.sections {
        out.push(s.heading.clone());
        out.push(s.body.clone());
    }
    out.join("\n")
}

/// Rows of the markdown table of EXPECTED.md whose header starts with `header`.
fn table(header: &str) -> Vec<Vec<String>> {
    EXPECTED
        .lines()
        .skip_while(|l| !l.starts_with(header))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim()
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn header_title_and_signature_follow_decree_30() {
    let r = report(&view(), ReportPeriod::Year { year: 2022 }, d(2023, 3, 5));
    let h = &r.header;
    let cases = [
        (h.body_above.clone(), "ỦY BAN NHÂN DÂN"),
        (h.body_name.clone(), "XÃ SƠN LĨNH"),
        (h.number_line(), "Số:      /BC-UBND"),
        (h.place_date_line(), "Sơn Lĩnh, ngày 05 tháng 3 năm 2023"),
        (r.title.clone(), "BÁO CÁO"),
        (NATION.to_string(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (MOTTO.to_string(), "Độc lập - Tự do - Hạnh phúc"),
    ];
    for (got, want) in cases {
        assert_eq!(got, want);
    }
    assert!(
        r.subject.starts_with("Kết quả thực hiện Kế hoạch số 12/KH-UBND ngày 28/02/2022 về khắc phục những tồn tại, hạn chế"),
        "{}",
        r.subject
    );
    assert!(r.subject.ends_with("(năm 2022)"), "{}", r.subject);
    assert_eq!(
        r.signature_lines(),
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Minh Tuấn"].map(String::from)
    );
    assert_eq!(
        r.recipient_lines(),
        [
            "- Phòng Nội vụ;",
            "- TT Đảng ủy, TT HĐND xã;",
            "- Các ban, ngành cấp xã;",
            "- Trang thông tin điện tử xã;",
            "- Lưu: VP-UBND."
        ]
        .map(String::from)
    );
    let headings: Vec<&str> = r.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "II. KẾT QUẢ THỰC HIỆN",
            "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
            "IV. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI",
            "V. ĐỀ XUẤT, KIẾN NGHỊ"
        ]
    );
}

#[test]
fn the_number_the_signer_and_the_date_are_editable() {
    let mut r = report(
        &view(),
        ReportPeriod::QuarterOne { year: 2022 },
        d(2022, 3, 15),
    );
    r.header.number = "25".into();
    r.signature = Signature {
        signing: Signing::Deputy,
        name: "Trần Văn Bình".into(),
    };
    assert_eq!(r.header.number_line(), "Số: 25/BC-UBND");
    assert_eq!(
        r.signature_lines(),
        ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình"].map(String::from)
    );
    assert_eq!(
        r.appendix_attached(),
        "(Kèm theo Báo cáo số 25/BC-UBND ngày 15 tháng 3 năm 2022 của UBND xã Sơn Lĩnh)"
    );
    let json = serde_json::to_string(&r).expect("a report serializes");
    let back: ProgressReport = serde_json::from_str(&json).expect("and reads back");
    assert_eq!(back, r, "edits survive storage");
}

#[test]
fn the_seed_numbers_appear_with_a_decimal_comma() {
    let text = prose(&report(
        &view(),
        ReportPeriod::NineMonths { year: 2022 },
        d(2022, 10, 15),
    ));
    for number in [
        "75,84",
        "10,04",
        "85,88",
        "19/25",
        "6298/QĐ-UBND",
        "23/11/2021",
    ] {
        assert!(text.contains(number), "{number} missing from:\n{text}");
    }
    for wrong in ["75.84", "10.04", "85.88"] {
        assert!(!text.contains(wrong), "{wrong}: decimal point in the prose");
    }
    assert!(text.contains("(số liệu từ ngày 15/12/2021 đến ngày 14/09/2022)"));
    assert!(text.contains("gồm 42 nhiệm vụ: 19 nhiệm vụ khắc phục theo Phụ lục và 23 nhiệm vụ, giải pháp theo lĩnh vực; đã giao bộ phận chủ trì 19 nhiệm vụ, còn 23 nhiệm vụ chưa giao."));
    assert!(text.contains("Tính đến ngày 14/09/2022: hoàn thành 0/42 nhiệm vụ"));
    // Nothing invented: causes and proposals are left for the office to write.
    assert!(text.contains("2. Nguyên nhân\n- ……"));
}

#[test]
fn each_period_counts_only_what_was_done_by_its_cut_off() {
    let mut v = view();
    let code = Code::parse("1.3").expect("a code");
    let task = v
        .tasks
        .iter_mut()
        .find(|t| t.code.as_ref() == Some(&code))
        .expect("1.3 has a task");
    task.status = Status::Done;
    task.done_on = Some(d(2022, 4, 20));
    // (period, written on, what section II says)
    let cases = [
        (
            ReportPeriod::QuarterOne { year: 2022 },
            d(2022, 5, 5),
            "hoàn thành 0/42",
            "đã khắc phục: 0 điểm",
        ),
        (
            ReportPeriod::Month {
                year: 2022,
                month: 4,
            },
            d(2022, 5, 5),
            "hoàn thành 1/42",
            "đã khắc phục: 0,25 điểm",
        ),
        (
            ReportPeriod::SixMonths { year: 2022 },
            d(2022, 6, 20),
            "hoàn thành 1/42",
            "đã khắc phục: 0,25 điểm",
        ),
        // Written before the period ends: counted up to the day it is written.
        (
            ReportPeriod::SixMonths { year: 2022 },
            d(2022, 4, 19),
            "hoàn thành 0/42",
            "đã khắc phục: 0 điểm",
        ),
    ];
    for (period, as_of, done, regained) in cases {
        let text = prose(&report(&v, period, as_of));
        assert!(text.contains(done), "{period:?} on {as_of}: {done}\n{text}");
        assert!(text.contains(regained), "{period:?} on {as_of}: {regained}");
    }
}

#[test]
fn late_work_is_named_in_the_shortcomings() {
    let r = report(
        &view(),
        ReportPeriod::NineMonths { year: 2022 },
        d(2022, 10, 15),
    );
    let shortcomings = &r.sections[2].body;
    for line in [
        "- 4.3 Phân công cụ thể cho từng cán bộ, công chức (Văn phòng - Thống kê): quá hạn từ 28/02/2022.",
        "- 5.7.1 Thực hiện tự kiểm tra kỷ luật, kỷ cương hành chính (Văn phòng - Thống kê): chưa thực hiện kỳ tháng 2/2022,",
    ] {
        assert!(shortcomings.contains(line), "{line}\n{shortcomings}");
    }
}

/// Codes of the appendix rows as the seed text prints them, in order.
fn seed_appendix_codes() -> Vec<String> {
    let appendix = SEED
        .split_once("PHỤ LỤC")
        .map(|(_, rest)| rest)
        .expect("the seed has its appendix");
    appendix
        .lines()
        .filter(|l| l.trim_start_matches(' ').starts_with('\t'))
        .map(str::trim)
        .filter(|cell| Code::parse(cell).is_some())
        .map(str::to_string)
        .collect()
}

#[test]
fn appendix_rows_are_the_seeds_in_its_order() {
    let a = appendix(&view(), d(2022, 10, 15));
    let ours: Vec<String> = a.rows.iter().map(|r| r.code.to_string()).collect();
    assert_eq!(ours, seed_appendix_codes());
    let kinds = |kind| a.rows.iter().filter(|r| r.kind == kind).count();
    assert_eq!(
        (
            kinds(RowKind::Domain),
            kinds(RowKind::Heading),
            kinds(RowKind::Item)
        ),
        (6, 1, 19)
    );
    assert_eq!(a.title, "PHỤ LỤC");
    assert_eq!(
        a.subtitle,
        "CÁC TỒN TẠI, HẠN CHẾ TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022"
    );
    assert_eq!(
        a.attached,
        "(Kèm theo kế hoạch số 12/KH-UBND ngày 28 tháng 02 năm 2022 của UBND xã Sơn Lĩnh)"
    );
    // Each row's text is the seed's own, as written.
    let seed = collapse(SEED);
    for r in &a.rows {
        assert!(seed.contains(&r.criterion), "{}: {:?}", r.code, r.criterion);
    }
}

#[test]
fn appendix_units_and_deadlines_read_as_expected() {
    let a = appendix(&view(), d(2022, 10, 15));
    let all_six: Vec<String> = table("| unit |")
        .into_iter()
        .map(|c| c[0].clone())
        .collect();
    assert_eq!(all_six.len(), 6);
    let rows = table("| code | max / score");
    assert_eq!(rows.len(), 19);
    for cells in rows {
        let (code, who, deadline) = (&cells[0], &cells[5], &cells[6]);
        let row = a
            .rows
            .iter()
            .find(|r| r.code.to_string() == *code)
            .unwrap_or_else(|| panic!("{code} not printed"));
        assert_eq!(row.kind, RowKind::Item, "{code}");
        let printed = match deadline.as_str() {
            "none" => "",
            "monthly and quarterly" => "Hàng tháng, hàng quý",
            "monthly" => "Hàng tháng",
            date => date,
        };
        assert_eq!(row.deadline, printed, "{code} deadline");
        check_units(code, who, &row.units, &all_six);
        assert_eq!(
            row.status,
            "Chưa thực hiện".to_string() + recurring_count(deadline),
            "{code}"
        );
    }
}

/// Recurring rows also say how many periods are done, from the plan's month (February).
fn recurring_count(deadline: &str) -> &'static str {
    match deadline {
        "monthly and quarterly" => " (0/15 kỳ)",
        "monthly" => " (0/11 kỳ)",
        _ => "",
    }
}

fn check_units(code: &str, who: &str, cell: &str, all_six: &[String]) {
    if who.starts_with("all six units") {
        assert_eq!(
            cell,
            format!("Các bộ phận: {}", all_six.join(", ")),
            "{code}"
        );
        return;
    }
    let officers: Vec<&str> = who.split("; ").collect();
    if officers.iter().all(|o| !o.contains(' ')) {
        let mut rest = cell;
        for name in officers {
            let at = rest
                .find(&format!("Đ/c {name}"))
                .unwrap_or_else(|| panic!("{code}: Đ/c {name} in order in {cell:?}"));
            rest = &rest[at..];
        }
        return;
    }
    let unit = who.split([',', '(']).next().unwrap_or(who).trim();
    assert!(cell.starts_with(unit), "{code}: {cell:?} names {unit}");
}

#[test]
fn appendix_text_is_laid_out_like_the_seed_file() {
    let a = appendix(&view(), d(2022, 10, 15));
    let text = appendix_text(&a, Columns::Plan);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("PHỤ LỤC"));
    assert_eq!(lines.next(), Some(a.subtitle.as_str()));
    assert_eq!(lines.next(), Some(a.attached.as_str()));
    // Then blocks: five cells a line each, each starting with a tab, and a blank line.
    let body: Vec<&str> = lines.collect();
    let blocks: Vec<&[&str]> = body
        .split(|l| l.is_empty())
        .filter(|b| !b.is_empty())
        .collect();
    assert_eq!(blocks.len(), 1 + a.rows.len());
    assert_eq!(
        blocks[0].iter().map(|c| &c[1..]).collect::<Vec<_>>(),
        PLAN_COLUMNS
    );
    for (block, row) in blocks[1..].iter().zip(&a.rows) {
        assert_eq!(block.len(), 5, "{}", row.code);
        assert!(block.iter().all(|c| c.starts_with('\t')));
        assert_eq!(block[0], format!("\t{}", row.code));
        assert_eq!(block[1], format!("\t{}", row.criterion));
    }
    // The seed's own domain block reads the same.
    assert!(text.contains("\t1\n\tCÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\n\t\n\t\n\t\n\n"));
    let with_status = appendix_text(&a, Columns::WithStatus);
    assert!(with_status.contains("\tGhi chú\n\tTình trạng\n\n"));
}

#[test]
fn appendix_tsv_has_one_line_a_row_and_no_stray_breaks() {
    let mut v = view();
    // A note typed with a line break and a tab must not split the row.
    v.criteria
        .iter_mut()
        .find(|c| c.code == Code::parse("1.2"))
        .expect("1.2")
        .note = "dòng một\ndòng\thai".into();
    let a = appendix(&v, d(2022, 10, 15));
    for (columns, width) in [(Columns::Plan, 5), (Columns::WithStatus, 6)] {
        let tsv = appendix_tsv(&a, columns);
        let lines: Vec<&str> = tsv.lines().collect();
        assert_eq!(lines.len(), 1 + a.rows.len());
        assert_eq!(lines[0].split('\t').collect::<Vec<_>>(), columns.headers());
        for line in &lines {
            assert_eq!(line.split('\t').count(), width, "{line}");
        }
        assert!(tsv.contains("\t10/11/2022\tdòng một dòng hai"));
    }
}

#[test]
fn an_edited_criterion_prints_from_its_record_not_the_old_text() {
    let mut v = view();
    let c = v
        .criteria
        .iter_mut()
        .find(|c| c.code == Code::parse("2.2"))
        .expect("2.2");
    // The office corrects the slip 1,57 → 1,75.
    c.max = Some(Decimal::parse("1,75").expect("a number"));
    let a = appendix(&v, d(2022, 10, 15));
    let row = a
        .rows
        .iter()
        .find(|r| r.code == Code::parse("2.2").expect("a code"));
    assert_eq!(
        row.map(|r| r.criterion.as_str()),
        Some("Rà soát văn bản QPPL 1,25/1,75 điểm (điểm trừ 0,5 điểm)")
    );
}

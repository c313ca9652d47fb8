//! The Word, Excel and SVG files, read back by real readers: the `zip` crate and
//! roxmltree for the .docx parts, calamine for the .xlsx, roxmltree for the charts.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use cchc_core::model::seed;
use cchc_core::model::*;
use cchc_core::report::*;
use chrono::NaiveDate;

fn view() -> PlanView {
    PlanView::build(&seed::example(), &seed::plan_id()).expect("the example has its plan")
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

fn seed_report() -> ProgressReport {
    progress_report(
        &view(),
        ReportPeriod::Year { year: 2022 },
        d(2023, 3, 5),
        &CutOffs::default(),
    )
}

/// Every part of a package by name; the zip reader checks each CRC as it reads.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a readable zip");
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("an entry");
        let mut text = String::new();
        file.read_to_string(&mut text)
            .expect("UTF-8 text, CRC right");
        parts.insert(file.name().to_string(), text);
    }
    parts
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The text of each paragraph of a WordprocessingML part, with whether it is italic.
fn paragraphs(xml: &str) -> Vec<(String, bool)> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed");
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|n| n.text())
                .collect();
            let italic = p.descendants().any(|n| n.has_tag_name((W, "i")));
            (text, italic)
        })
        .collect()
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
    node.children()
        .find(|n| n.has_tag_name((W, name)))
        .unwrap_or_else(|| panic!("w:{name}"))
}

fn attr(node: roxmltree::Node, name: &str) -> u32 {
    node.attribute((W, name))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("w:{name} on {:?}", node.tag_name()))
}

#[test]
fn docx_parts_are_well_formed_and_hold_the_report() {
    let report = seed_report();
    let parts = unzip(&report_docx(&report).expect("a docx"));
    let names: Vec<&str> = parts.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/app.xml",
            "docProps/core.xml",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/header1.xml",
            "word/header2.xml",
            "word/settings.xml",
            "word/styles.xml",
        ]
    );
    for (name, xml) in &parts {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let paras = paragraphs(&parts["word/document.xml"]);
    let texts: Vec<&str> = paras.iter().map(|(t, _)| t.as_str()).collect();
    for want in [
        "ỦY BAN NHÂN DÂN",
        "XÃ SƠN LĨNH",
        "Số:      /BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Sơn Lĩnh, ngày 05 tháng 3 năm 2023",
        "BÁO CÁO",
        report.subject.as_str(),
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
        "Nơi nhận:",
        "- Phòng Nội vụ;",
        "- Lưu: VP-UBND.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Minh Tuấn",
        "PHỤ LỤC",
        "(Kèm theo Báo cáo số      /BC-UBND ngày 05 tháng 3 năm 2023 của UBND xã Sơn Lĩnh)",
        "Công bố danh mục Văn bản Quy phạm pháp luật hết hiệu lùc, ngừng hiệu lực hàng năm điểm tự chấm 0.25 (nội dung này không có điểm)",
    ] {
        assert!(texts.contains(&want), "paragraph {want:?} missing");
    }
    for number in ["75,84", "10,04", "85,88"] {
        assert!(texts.iter().any(|t| t.contains(number)), "{number}");
    }
    let date = paras
        .iter()
        .find(|(t, _)| t.starts_with("Sơn Lĩnh, ngày"))
        .expect("the date line");
    assert!(date.1, "the place and date are in italics");
    // The order of a Decree 30 document: header, title, body, recipients, signature.
    let at = |t: &str| texts.iter().position(|p| *p == t).unwrap_or(usize::MAX);
    let order = [
        "XÃ SƠN LĨNH",
        "BÁO CÁO",
        "II. KẾT QUẢ THỰC HIỆN",
        "Nơi nhận:",
        "Nguyễn Minh Tuấn",
        "PHỤ LỤC",
    ];
    assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{order:?}");
}

#[test]
fn docx_pages_are_a4_with_decree_margins_and_numbers_from_page_two() {
    let parts = unzip(&report_docx(&seed_report()).expect("a docx"));
    let doc = roxmltree::Document::parse(&parts["word/document.xml"]).expect("well-formed");
    let sections: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "sectPr")))
        .collect();
    assert_eq!(sections.len(), 2, "the report, then the appendix");
    let mm = |twips: u32| f64::from(twips) * 25.4 / 1440.0;
    // (section, width, height)
    for (s, size) in [(sections[0], (11906, 16838)), (sections[1], (16838, 11906))] {
        let page = child(s, "pgSz");
        assert_eq!((attr(page, "w"), attr(page, "h")), size);
        let margins = child(s, "pgMar");
        let cases = [
            ("top", 20.0, 25.0),
            ("bottom", 20.0, 25.0),
            ("left", 30.0, 35.0),
            ("right", 15.0, 20.0),
        ];
        for (side, low, high) in cases {
            let v = mm(attr(margins, side));
            assert!((low - 0.05..=high + 0.05).contains(&v), "{side}: {v} mm");
        }
    }
    // Page 1 has its own, empty header; the others show the PAGE field.
    let first = sections[0];
    assert!(first.children().any(|n| n.has_tag_name((W, "titlePg"))));
    let rels = roxmltree::Document::parse(&parts["word/_rels/document.xml.rels"]).expect("rels");
    let target = |id: &str| {
        rels.descendants()
            .find(|n| n.attribute("Id") == Some(id))
            .and_then(|n| n.attribute("Target"))
            .map(|t| format!("word/{t}"))
            .unwrap_or_else(|| panic!("relationship {id}"))
    };
    let header_of = |kind: &str| {
        let reference = first
            .children()
            .find(|n| {
                n.has_tag_name((W, "headerReference")) && n.attribute((W, "type")) == Some(kind)
            })
            .unwrap_or_else(|| panic!("{kind} header"));
        parts[&target(reference.attribute((R, "id")).expect("r:id"))].clone()
    };
    assert!(header_of("default").contains(" PAGE "));
    assert!(!header_of("first").contains("PAGE"));
    assert!(header_of("default").contains(r#"<w:jc w:val="center"/>"#));
    // Times New Roman 14 pt throughout.
    let styles = roxmltree::Document::parse(&parts["word/styles.xml"]).expect("styles");
    let fonts = styles
        .descendants()
        .find(|n| n.has_tag_name((W, "rFonts")))
        .expect("default fonts");
    for script in ["ascii", "hAnsi", "cs", "eastAsia"] {
        assert_eq!(
            fonts.attribute((W, script)),
            Some("Times New Roman"),
            "{script}"
        );
    }
    let size = styles
        .descendants()
        .find(|n| n.has_tag_name((W, "sz")))
        .expect("default size");
    assert!((26..=28).contains(&attr(size, "val")));
}

#[test]
fn docx_escapes_what_the_officer_types() {
    let mut report = seed_report();
    report.sections[4].body = "- Đề nghị <cấp trên> & \"Sở Nội vụ\" hỗ trợ\u{7}.".into();
    let parts = unzip(&report_docx(&report).expect("a docx"));
    let texts: Vec<String> = paragraphs(&parts["word/document.xml"])
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert!(texts.contains(&"- Đề nghị <cấp trên> & \"Sở Nội vụ\" hỗ trợ.".to_string()));
    assert_eq!(
        report_docx(&report),
        report_docx(&report),
        "same input, same bytes"
    );
}

/// The appendix sheet as calamine reads it.
fn sheet(v: &PlanView) -> calamine::Range<Data> {
    let a = appendix(v, d(2022, 10, 15));
    let bytes = appendix_xlsx(&a, d(2022, 10, 15)).expect("an xlsx");
    let mut book = Xlsx::new(Cursor::new(bytes)).expect("calamine opens it");
    assert_eq!(book.sheet_names(), ["Phụ lục"]);
    let formulas = book.worksheet_formula("Phụ lục").expect("formula range");
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell is a formula"
    );
    book.worksheet_range("Phụ lục").expect("the sheet")
}

fn text_at(range: &calamine::Range<Data>, row: usize, column: usize) -> String {
    match range.get((row, column)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("({row}, {column}) is not text: {other:?}"),
    }
}

/// The sheet row of an appendix code.
fn row_of(range: &calamine::Range<Data>, code: &str) -> usize {
    (0..range.height())
        .find(|&r| range.get((r, 0)) == Some(&Data::String(code.to_string())))
        .unwrap_or_else(|| panic!("{code} not in the sheet"))
}

#[test]
fn xlsx_reads_back_with_vietnamese_titles_as_text() {
    let v = view();
    let range = sheet(&v);
    assert_eq!(text_at(&range, 0, 0), "PHỤ LỤC");
    assert_eq!(
        text_at(&range, 1, 0),
        "CÁC TỒN TẠI, HẠN CHẾ TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022"
    );
    let headers: Vec<String> = (0..XLSX_COLUMNS.len())
        .map(|c| text_at(&range, 3, c))
        .collect();
    assert_eq!(headers, XLSX_COLUMNS);
    assert_eq!(range.height(), 4 + 26);
    let r = row_of(&range, "2.2.1");
    assert_eq!(
        text_at(&range, r, 1),
        "Công bố danh mục Văn bản Quy phạm pháp luật hết hiệu lùc, ngừng hiệu lực hàng năm điểm tự chấm 0.25 (nội dung này không có điểm)"
    );
    assert_eq!(text_at(&range, r, 2), "Tư pháp - Hộ tịch");
    assert_eq!(text_at(&range, r, 3), "15/11/2022", "a date stays text");
    assert_eq!(text_at(&range, r, 5), "Chưa thực hiện");
    assert_eq!(text_at(&range, r, 6), "Không");
    assert_eq!(
        range.get((r, 7)),
        Some(&Data::Float(0.0)),
        "counts are numbers"
    );
    assert_eq!(text_at(&range, row_of(&range, "4.3"), 3), "02/2022");
    assert_eq!(
        text_at(&range, row_of(&range, "4.3"), 6),
        "Có",
        "4.3 is late"
    );
    assert_eq!(
        text_at(&range, row_of(&range, "7"), 1),
        "XÂY DỰNG, PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"
    );
}

#[test]
fn xlsx_cells_that_look_like_formulas_stay_text() {
    let mut v = view();
    let notes = [
        ("1.2", "- Đã gửi báo cáo quý I"),
        ("1.3", "=SUM(H5:H9)"),
        ("1.5", "+84 912 345 678"),
        ("1.7", "@ghi chú"),
    ];
    for (code, note) in notes {
        v.criteria
            .iter_mut()
            .find(|c| c.code == Code::parse(code))
            .unwrap_or_else(|| panic!("{code}"))
            .note = note.into();
    }
    let range = sheet(&v);
    for (code, note) in notes {
        assert_eq!(text_at(&range, row_of(&range, code), 4), note, "{code}");
    }
    assert_eq!(
        text_at(&range, row_of(&range, "1.2"), 0),
        "1.2",
        "a code is not a number"
    );
}

#[test]
fn charts_are_well_formed_svg() {
    let v = view();
    let as_of = d(2022, 10, 15);
    for svg in [
        points_by_domain_svg(&v, &DOMAIN_CHART_VI),
        tasks_done_over_time_svg(&v, as_of),
        progress_by_unit_svg(&v, as_of),
    ] {
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
        assert_eq!(doc.root_element().tag_name().name(), "svg");
    }
}

/// All the text an SVG shows.
fn svg_text(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("well-formed");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Domain 1's result entered: 8,5 of 10 points.
fn enter_domain_1_result(v: &mut PlanView) {
    let one = v
        .criteria
        .iter_mut()
        .find(|c| c.code == Code::parse("1"))
        .expect("domain 1");
    one.max = Some(Decimal::parse("10").expect("a number"));
    one.base = Some(Decimal::parse("8,5").expect("a number"));
}

#[test]
fn points_chart_says_no_data_until_domain_results_are_entered() {
    let mut v = view();
    assert!(svg_text(&points_by_domain_svg(&v, &DOMAIN_CHART_VI)).contains("chưa có số liệu"));
    enter_domain_1_result(&mut v);
    let text = svg_text(&points_by_domain_svg(&v, &DOMAIN_CHART_VI));
    assert!(text.contains("8,5/10 điểm"), "{text}");
    assert!(
        text.contains("1. Công tác chỉ đạo, điều hành CCHC"),
        "{text}"
    );
    // The other domains are still unknown, and say so.
    assert_eq!(text.matches("chưa có số liệu").count(), 7, "{text}");
}

#[test]
fn points_chart_speaks_the_callers_words() {
    let words = DomainChartWords {
        title: "Points by domain",
        no_data: "no data yet",
        hint: "Enter each domain's max and score.",
        points: "points",
    };
    let mut v = view();
    let empty = svg_text(&points_by_domain_svg(&v, &words));
    assert!(empty.contains("Points by domain: no data yet"), "{empty}");
    assert!(empty.contains(words.hint), "{empty}");
    enter_domain_1_result(&mut v);
    let text = svg_text(&points_by_domain_svg(&v, &words));
    assert!(text.contains("8,5/10 points"), "{text}");
    assert_eq!(text.matches("no data yet").count(), 7, "{text}");
    assert!(
        !text.contains("điểm") && !text.contains("số liệu"),
        "{text}"
    );
}

#[test]
fn done_over_time_adds_up_by_month_of_completion() {
    let mut v = view();
    let done = [
        ("1.3", d(2022, 3, 10)),
        ("1.5", d(2022, 5, 2)),
        ("2.2.3", d(2022, 5, 31)),
    ];
    for (code, on) in done {
        let task = v
            .tasks
            .iter_mut()
            .find(|t| t.code == Code::parse(code))
            .unwrap_or_else(|| panic!("{code}"));
        task.status = Status::Done;
        task.done_on = Some(on);
    }
    let svg = tasks_done_over_time_svg(&v, d(2022, 6, 15));
    let doc = roxmltree::Document::parse(&svg).expect("well-formed");
    let tips: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .filter_map(|r| r.children().find(|c| c.has_tag_name("title")))
        .filter_map(|t| t.text())
        .collect();
    assert_eq!(
        tips,
        [
            "Đến hết tháng 02/2022: 0/42 nhiệm vụ hoàn thành",
            "Đến hết tháng 03/2022: 1/42 nhiệm vụ hoàn thành",
            "Đến hết tháng 04/2022: 1/42 nhiệm vụ hoàn thành",
            "Đến hết tháng 05/2022: 3/42 nhiệm vụ hoàn thành",
            "Đến hết tháng 06/2022: 3/42 nhiệm vụ hoàn thành",
        ]
    );
}

#[test]
fn unit_chart_tells_each_units_progress_in_words() {
    let mut v = view();
    let as_of = d(2022, 10, 15);
    v.units[0].name = "Văn phòng & <Thống kê>".into();
    let text = svg_text(&progress_by_unit_svg(&v, as_of));
    assert!(
        text.contains("Văn phòng & <Thống kê>"),
        "escaped and read back: {text}"
    );
    for load in cchc_core::model::scoring::unit_loads(&v, as_of) {
        let summary = format!(
            "{}/{} hoàn thành, {} quá hạn",
            load.done, load.tasks, load.late
        );
        assert!(text.contains(&summary), "{summary} in {text}");
    }
    assert!(
        text.contains("0/11 hoàn thành, 3 quá hạn"),
        "Tư pháp - Hộ tịch: {text}"
    );
}

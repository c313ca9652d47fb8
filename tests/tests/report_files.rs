//! The Word and Excel files downloaded from the Báo cáo view (single file, file://), read
//! back by real readers (zip + roxmltree, calamine); the appendix copied to the clipboard.

mod report_support;

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use report_support::{open_report, open_report_with, set_criterion_note};

const NOTE: &str = "- Đã gửi báo cáo quý I";
const FORMULA: &str = "=SUM(H5:H9)";

fn take(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).expect("read the download");
    std::fs::remove_file(path).expect("clear the downloads");
    bytes
}

/// Every part of the package, by name, checked by the zip reader (CRC and all).
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).expect("a part");
            let mut text = String::new();
            part.read_to_string(&mut text).expect("UTF-8 XML");
            (part.name().to_string(), text)
        })
        .collect()
}

#[tokio::test]
async fn word_and_excel_files_read_back_with_the_vietnamese_intact() {
    let browser = open_report_with("2022-10-15", |ws| {
        set_criterion_note(ws, "1.2", NOTE);
        set_criterion_note(ws, "1.3", FORMULA);
    })
    .await;
    browser.type_into("#report-number", "25").await;
    browser.wait_text(".doc-number", "Số: 25/BC-UBND").await;

    // Word: the edited report, A4, in Times New Roman.
    browser.click("#report-docx").await;
    let path = browser.wait_download().await;
    assert_eq!(
        path.file_name().and_then(|n| n.to_str()),
        Some("bao-cao-son-linh-9-thang-2022.docx")
    );
    browser
        .wait_text(
            "#flash",
            "Đã tải xuống tệp bao-cao-son-linh-9-thang-2022.docx.",
        )
        .await;
    let parts = unzip(&take(&path));
    for (name, xml) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let document = &parts
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .expect("word/document.xml")
        .1;
    let doc = roxmltree::Document::parse(document).expect("well-formed");
    let paragraphs: Vec<String> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "p")
        .map(|p| {
            p.descendants()
                .filter(|n| n.tag_name().name() == "t")
                .filter_map(|t| t.text())
                .collect()
        })
        .collect();
    for wanted in [
        "ỦY BAN NHÂN DÂN",
        "XÃ SƠN LĨNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 25/BC-UBND",
        "Sơn Lĩnh, ngày 15 tháng 10 năm 2022",
        "BÁO CÁO",
        "TM. ỦY BAN NHÂN DÂN",
        "Nguyễn Minh Tuấn",
        "PHỤ LỤC",
        "(Kèm theo Báo cáo số 25/BC-UBND ngày 15 tháng 10 năm 2022 của UBND xã Sơn Lĩnh)",
        NOTE,
    ] {
        assert!(
            paragraphs.iter().any(|p| p == wanted),
            "{wanted:?} not a paragraph of the .docx"
        );
    }
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#),
        "A4"
    );
    let styles = &parts
        .iter()
        .find(|(n, _)| n == "word/styles.xml")
        .expect("styles")
        .1;
    assert!(styles.contains(r#"w:ascii="Times New Roman""#));

    // Excel: the appendix, every text a text cell ("- …" and "=…" are not formulas).
    browser.click("#report-xlsx").await;
    let path = browser.wait_download().await;
    assert_eq!(
        path.file_name().and_then(|n| n.to_str()),
        Some("phu-luc-son-linh-9-thang-2022.xlsx")
    );
    let mut book = Xlsx::new(Cursor::new(take(&path))).expect("calamine opens it");
    assert_eq!(book.sheet_names(), ["Phụ lục"]);
    let formulas = book.worksheet_formula("Phụ lục").expect("formulas");
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula"
    );
    let sheet = book.worksheet_range("Phụ lục").expect("the sheet");
    let text = |row: usize, column: usize| match sheet.get((row, column)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("({row}, {column}) is not text: {other:?}"),
    };
    assert_eq!(text(0, 0), "PHỤ LỤC");
    assert_eq!(
        text(1, 0),
        "CÁC TỒN TẠI, HẠN CHẾ TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022"
    );
    assert_eq!(
        text(2, 0),
        "(Kèm theo Báo cáo số 25/BC-UBND ngày 15 tháng 10 năm 2022 của UBND xã Sơn Lĩnh)"
    );
    let headers: Vec<String> = (0..9).map(|c| text(3, c)).collect();
    assert_eq!(
        headers,
        [
            "STT",
            "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
            "Đơn vị chủ trì tham mưu khắc phục các tồn tại, hạn chế",
            "Thời gian thực hiện",
            "Ghi chú",
            "Tình trạng",
            "Quá hạn",
            "Hồ sơ kiểm chứng",
            "Đã cập nhật lên phần mềm",
        ]
    );
    let row = |code: &str| {
        (0..sheet.height())
            .find(|&r| sheet.get((r, 0)) == Some(&Data::String(code.into())))
            .unwrap_or_else(|| panic!("{code} not in the sheet"))
    };
    assert_eq!(
        text(row("1.2"), 4),
        NOTE,
        "a note starting with '- ' is text"
    );
    assert_eq!(text(row("1.3"), 4), FORMULA);
    assert_eq!(text(row("1.2"), 0), "1.2", "a code is not a number");
    assert_eq!(text(row("4.3"), 3), "02/2022", "a month is not a date");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn the_appendix_is_copied_as_the_seed_lays_it_out() {
    let browser = open_report("2022-10-15").await;
    // Record what the page hands the clipboard (headless Chromium has no clipboard to read).
    browser
        .js("window.__copied = null; navigator.clipboard.writeText = \
             (text) => { window.__copied = text; return Promise.resolve(); };")
        .await;
    browser.click("#report-copy").await;
    let copied = browser
        .wait_until("the appendix on the clipboard", || async {
            browser
                .js("return window.__copied")
                .await
                .as_str()
                .map(str::to_string)
        })
        .await;
    let first: Vec<&str> = copied.lines().take(3).collect();
    assert_eq!(
        first,
        [
            "PHỤ LỤC",
            "CÁC TỒN TẠI, HẠN CHẾ TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022",
            "(Kèm theo Báo cáo số      /BC-UBND ngày 15 tháng 10 năm 2022 của UBND xã Sơn Lĩnh)",
        ]
    );
    assert!(
        copied.contains("\t1.2\n"),
        "cells on their own tab-led lines"
    );
    assert!(copied.contains("\tCÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\n"));
    browser
        .wait_text("#flash", "Đã chép bảng phụ lục (26 dòng). Dán vào Word, Excel, hoặc vào mục \"Dán từ văn bản\" (Trao đổi dữ liệu) của một bản ứng dụng khác.")
        .await;
    browser.wait_for("#report-copy-box[hidden]").await;

    // A browser that refuses the clipboard: the text is selected in a box for Ctrl+C.
    browser
        .js("navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));")
        .await;
    browser.click("#report-copy").await;
    browser.wait_for("#report-copy-box:not([hidden])").await;
    assert_eq!(browser.value("#report-copy-box").await, copied);
    let focused = browser
        .js("return document.activeElement && document.activeElement.id")
        .await;
    assert_eq!(focused.as_str(), Some("report-copy-box"));
    browser.assert_no_console_errors().await;
    browser.close().await;
}

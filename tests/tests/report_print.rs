//! The progress report printed by Chromium itself (`Page.printToPDF` through chromedriver's
//! CDP, `preferCSSPageSize`), from the single file opened from file://, read back with
//! poppler's pdfinfo, pdftotext and pdffonts (issue 7's acceptance).

mod report_support;

use report_support::{is_a4, lines, open_report, print_pdf};

const HEADER: [&str; 4] = [
    "ỦY BAN NHÂN DÂN",
    "XÃ SƠN LĨNH",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
];

fn has_line(text: &str, wanted: &str) -> bool {
    lines(text).iter().any(|l| l == wanted)
}

/// The text as one line: what a gap of spaces split (the blank of "Số:      /BC-UBND") joins.
fn flat(text: &str) -> String {
    lines(text).join(" ")
}

fn assert_lines(text: &str, wanted: &[&str], page: &str) {
    for w in wanted {
        assert!(has_line(text, w), "{page}: no line {w:?} in\n{text}");
    }
}

#[tokio::test]
async fn the_report_prints_on_a4_in_the_layout_of_decree_30() {
    let browser = open_report("2022-10-15").await;
    // On 15/10/2022 the report due is the 9-month one (data 15/12/2021 – 14/09/2022).
    assert_eq!(browser.value("#report-period").await, "9-thang-2022");
    browser
        .wait_text("#report-span", "Số liệu từ 15/12/2021 đến 14/09/2022")
        .await;
    let pdf = print_pdf(&browser, true).await;

    // A4 from the page's own CSS: portrait pages, then the appendix on landscape pages
    // (the named page `appendix`); Chromium's own default paper is US Letter (below).
    let sizes = pdf.page_sizes();
    assert!(sizes.len() >= 3, "{sizes:?}");
    let first_landscape = sizes
        .iter()
        .position(|s| is_a4(*s, true))
        .unwrap_or_else(|| panic!("no landscape A4 page for the appendix: {sizes:?}"));
    assert!(first_landscape >= 1, "{sizes:?}");
    for (i, size) in sizes.iter().enumerate() {
        assert!(
            is_a4(*size, i >= first_landscape),
            "page {} is {size:?}: {sizes:?}",
            i + 1
        );
    }
    let letter = print_pdf(&browser, false).await;
    let first = letter.page_sizes()[0];
    assert!(
        (first.0 - 612.0).abs() <= 1.0 && (first.1 - 792.0).abs() <= 1.0,
        "without the page's CSS Chromium prints on Letter: {first:?}"
    );

    // Page 1: the header, the date by the zero-padding rule, the title; no page number.
    let page1 = pdf.text(1, 1);
    assert_lines(&page1, &HEADER, "page 1");
    assert_lines(
        &page1,
        &[
            "Sơn Lĩnh, ngày 15 tháng 10 năm 2022",
            "BÁO CÁO",
            "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        ],
        "page 1",
    );
    // The number is left blank for the clerk.
    assert!(flat(&page1).contains("Số: /BC-UBND"), "{page1}");
    assert!(
        lines(&page1).iter().all(|l| l.parse::<u32>().is_err()),
        "a page number on page 1:\n{page1}"
    );
    // From page 2 each page is numbered, at the top.
    for n in 2..=sizes.len() {
        let top = lines(&pdf.text(n, n));
        assert_eq!(
            top.first().map(String::as_str),
            Some(n.to_string().as_str()),
            "page {n} starts with its number"
        );
    }

    // The end of the report: "Nơi nhận:" and the signature block, then the appendix.
    let report = pdf.text(1, first_landscape);
    assert_lines(
        &report,
        &[
            "Nơi nhận:",
            "- Phòng Nội vụ;",
            "- Lưu: VP-UBND.",
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
            "Nguyễn Minh Tuấn",
            "V. ĐỀ XUẤT, KIẾN NGHỊ",
        ],
        "report",
    );
    let appendix = pdf.text(first_landscape + 1, sizes.len());
    assert_lines(
        &appendix,
        &[
            "PHỤ LỤC",
            "CÁC TỒN TẠI, HẠN CHẾ TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022",
            "Tình trạng",
        ],
        "appendix",
    );
    assert!(
        flat(&appendix).contains(
            "(Kèm theo Báo cáo số /BC-UBND ngày 15 tháng 10 năm 2022 của UBND xã Sơn Lĩnh)"
        ),
        "{appendix}"
    );

    // Only the document is printed, in Times New Roman or its metric twin: no app chrome.
    let all = pdf.all_text();
    for chrome in [
        "Theo dõi Chỉ số CCHC",
        "In báo cáo",
        "Kỳ báo cáo",
        "Biểu đồ",
    ] {
        assert!(!all.contains(chrome), "{chrome:?} printed");
    }
    let fonts = pdf.fonts();
    assert!(!fonts.is_empty());
    assert!(
        fonts
            .iter()
            .all(|f| f.starts_with("LiberationSerif") || f.starts_with("TimesNewRoman")),
        "fonts: {fonts:?}"
    );
    browser.assert_no_console_errors().await;
    browser.close().await;
}

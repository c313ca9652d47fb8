//! Screenshots of the Báo cáo view and the report's printed pages, for the docs. Run by
//! `make screenshots` (they rewrite tracked files), not by `make test`.

mod report_support;

use report_support::{open_report, print_pdf};

fn shots() -> std::path::PathBuf {
    cchc_e2e::dist_dir().join("../docs/screenshots")
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn reports_screenshot() {
    let browser = open_report("2022-10-15").await;
    browser.wait_for("#report-section-1").await;
    browser.screenshot(&shots().join("reports.png")).await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// The document on screen, as the officer edits it (section II in focus).
#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn report_document_screenshot() {
    let browser = open_report("2022-10-15").await;
    browser
        .js(
            "document.querySelector('.report-doc').scrollIntoView({ block: 'start' }); \
             window.scrollBy(0, -90); document.getElementById('report-section-2').focus();",
        )
        .await;
    browser
        .screenshot(&shots().join("report-document.png"))
        .await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// The charts under the document: points by domain, tasks done by month, units' progress.
#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn report_charts_screenshot() {
    let browser = open_report("2022-10-15").await;
    browser
        .js(
            "document.querySelector('.report-charts').scrollIntoView({ block: 'start' }); \
             window.scrollBy(0, -90);",
        )
        .await;
    browser.screenshot(&shots().join("report-charts.png")).await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// The report as Chromium prints it (A4 from the page's CSS), each page at 60 dpi.
#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn report_pages_screenshot() {
    let browser = open_report("2022-10-15").await;
    browser.wait_for("#report-section-1").await;
    let pdf = print_pdf(&browser, true).await;
    for old in std::fs::read_dir(shots()).into_iter().flatten().flatten() {
        let name = old.file_name().to_string_lossy().to_string();
        if name.starts_with("report-page-") && name.ends_with(".png") {
            let _ = std::fs::remove_file(old.path());
        }
    }
    let pages = pdf.render(&shots(), "report-page", 60);
    assert!(pages.len() >= 2, "{pages:?}");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

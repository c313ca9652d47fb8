//! Editing the report before printing: the number, the date (and its zero-padding rule), the
//! signer, the prose; the edits print, survive a reload, stay with their period, and can be
//! thrown away. The cut-off dates are a stored setting.

mod report_support;

use report_support::{lines, open_report, print_pdf, retype};

const ADDED: &str = "Đề nghị UBND huyện hỗ trợ kinh phí số hóa hồ sơ thủ tục hành chính.";

fn flat(text: &str) -> String {
    lines(text).join(" ")
}

#[tokio::test]
async fn edits_print_survive_a_reload_and_can_be_thrown_away() {
    let browser = open_report("2022-10-15").await;
    browser.type_into("#report-number", "25").await;
    browser.type_into("#report-date", "05/03/2023").await;
    browser.type_into("#report-signer", "Lê Văn Bình").await;
    browser.click("#report-signing option[value=kt]").await;
    retype(&browser, "#report-section-5", ADDED).await;
    // Under the sticky toolbar after the typing above: bring it to the middle first.
    browser
        .js("document.getElementById('report-preview').scrollIntoView({ block: 'center' })")
        .await;
    browser.click("#report-preview").await;

    // The document shows the details as printed, by the zero-padding rule of the date.
    browser.wait_text(".doc-number", "Số: 25/BC-UBND").await;
    browser
        .wait_text(".doc-place-date", "Sơn Lĩnh, ngày 05 tháng 3 năm 2023")
        .await;
    browser.wait_text(".doc-signer", "Lê Văn Bình").await;
    browser.wait_text("#report-section-5", ADDED).await;

    let pdf = print_pdf(&browser, true).await;
    let page1 = pdf.text(1, 1);
    assert!(
        lines(&page1).contains(&"Sơn Lĩnh, ngày 05 tháng 3 năm 2023".to_string()),
        "{page1}"
    );
    assert!(flat(&page1).contains("Số: 25/BC-UBND"), "{page1}");
    let all = pdf.all_text();
    let all_lines = lines(&all);
    for wanted in ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Bình", ADDED] {
        assert!(
            all_lines.iter().any(|l| l == wanted),
            "{wanted:?} in\n{all}"
        );
    }
    assert!(
        flat(&all).contains(
            "(Kèm theo Báo cáo số 25/BC-UBND ngày 05 tháng 3 năm 2023 của UBND xã Sơn Lĩnh)"
        ),
        "the appendix follows the number and date"
    );
    assert!(!all.contains("TM. ỦY BAN NHÂN DÂN"), "one signature block");

    // A date that does not exist is refused, with a message; the document keeps the last one.
    browser.type_into("#report-date", "31/02/2023").await;
    browser
        .wait_text(
            "#report-date-error",
            "Ngày chưa đúng dạng dd/mm/yyyy, ví dụ 05/03/2023.",
        )
        .await;
    let invalid = browser
        .js("return document.getElementById('report-date').getAttribute('aria-invalid')")
        .await;
    assert_eq!(invalid.as_str(), Some("true"));
    browser
        .wait_text(".doc-place-date", "Sơn Lĩnh, ngày 05 tháng 3 năm 2023")
        .await;

    // A reload keeps the edits of this plan and period.
    browser.reload().await;
    browser.wait_for(".report-doc .doc-head").await;
    assert_eq!(browser.value("#report-number").await, "25");
    assert_eq!(browser.value("#report-date").await, "05/03/2023");
    assert_eq!(browser.value("#report-signing").await, "kt");
    browser.wait_text("#report-section-5", ADDED).await;
    browser.wait_for(".report-status:not([hidden])").await;

    // Another period has its own report; coming back finds the edits again.
    select_period(&browser, "6-thang-2022").await;
    browser.wait_text(".doc-number", "Số:      /BC-UBND").await;
    browser.wait_for(".report-status[hidden]").await;
    select_period(&browser, "9-thang-2022").await;
    browser.wait_text(".doc-number", "Số: 25/BC-UBND").await;

    // Throwing the edits away asks first, then writes the report again from the data.
    browser.click("#report-rebuild").await;
    browser.click("#report-rebuild-no").await;
    browser.wait_text(".doc-number", "Số: 25/BC-UBND").await;
    browser.click("#report-rebuild").await;
    browser.click("#report-rebuild-yes").await;
    browser.wait_text(".doc-number", "Số:      /BC-UBND").await;
    browser
        .wait_text(".doc-place-date", "Sơn Lĩnh, ngày 15 tháng 10 năm 2022")
        .await;
    let section5 = browser.text("#report-section-5").await;
    assert!(!section5.contains(ADDED), "{section5}");
    browser.wait_for(".report-status[hidden]").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn select_period(browser: &cchc_e2e::Browser, slug: &str) {
    browser
        .click(&format!("#report-period option[value='{slug}']"))
        .await;
    browser
        .wait_until(&format!("period {slug}"), || async move {
            (browser.value("#report-period").await == slug).then_some(())
        })
        .await;
}

#[tokio::test]
async fn edits_made_before_the_data_changed_are_flagged_as_out_of_date() {
    let browser = open_report("2022-10-15").await;
    browser.type_into("#report-number", "25").await;
    browser.wait_text(".doc-number", "Số: 25/BC-UBND").await;
    browser
        .wait_text(
            ".report-status p",
            "Bạn đã sửa báo cáo này; bản sửa được lưu trong trình duyệt.",
        )
        .await;
    // Another as-of date generates another report: the edits stay, flagged.
    browser
        .js(
            "const p = JSON.parse(localStorage.getItem('cchc:prefs')); p.as_of = '2022-10-20'; \
             localStorage.setItem('cchc:prefs', JSON.stringify(p));",
        )
        .await;
    browser.reload().await;
    browser.wait_for(".report-status.stale:not([hidden])").await;
    browser.wait_text(".doc-number", "Số: 25/BC-UBND").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn cut_off_dates_are_a_stored_setting() {
    let browser = open_report("2022-10-15").await;
    browser
        .wait_text("#report-span", "Số liệu từ 15/12/2021 đến 14/09/2022")
        .await;
    browser.click(".report-cut-offs summary").await;
    // The 9-month report closing at the month's end instead of the 14th.
    browser.type_into("input[data-cut='2-to-day']", "30").await;
    browser.click(".report-cut-offs summary").await; // leaving the box commits it
    browser
        .wait_text("#report-span", "Số liệu từ 15/12/2021 đến 30/09/2022")
        .await;
    let intro = browser.text("#report-intro").await;
    assert!(intro.contains("đến ngày 30/09/2022"), "{intro}");

    browser.reload().await;
    browser
        .wait_text("#report-span", "Số liệu từ 15/12/2021 đến 30/09/2022")
        .await;
    browser.click(".report-cut-offs summary").await;
    browser.click("#report-cut-offs-reset").await;
    browser
        .wait_text("#report-span", "Số liệu từ 15/12/2021 đến 14/09/2022")
        .await;
    assert_eq!(browser.value("input[data-cut='2-to-day']").await, "14");
    let stored = browser
        .js("return localStorage.getItem('cchc:report-cut-offs')")
        .await;
    assert!(stored.is_null(), "defaults are no setting: {stored}");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

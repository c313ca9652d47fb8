//! Issue 8 end to end: the seed's appendix pasted into an empty plan shows every parsed row
//! and its doubts (2.2's loss that does not add up, 2.3.2's 150/175, "Tài chính – KH"),
//! adds the criteria and tasks once the officer confirms, and a second paste adds nothing.

mod exchange_common;

use cchc_core::exchange::paste::compare::is_appendix;
use cchc_core::model::{seed, Kind};
use cchc_e2e::Browser;
use exchange_common::*;

fn appendix_codes(doc: &cchc_core::model::Doc, kind: Kind) -> Vec<String> {
    use cchc_core::model::records::{f, Read};
    let mut codes: Vec<String> = doc
        .live_of(kind)
        .filter(|(_, r)| is_appendix(r))
        .map(|(_, r)| r.text(f::CODE))
        .collect();
    codes.sort();
    codes
}

async fn doubts_of(browser: &Browser, code: &str) -> String {
    browser
        .text(&format!("#paste-rows tr[data-code='{code}'] td.doubts"))
        .await
}

#[tokio::test]
async fn pasting_the_seed_appendix_into_an_empty_plan_shows_the_doubts_and_twice_adds_nothing() {
    let browser = Browser::new().await;
    paste_seed_into_a_blank_plan(&browser).await;
    let read = browser.text("#paste-read").await;
    assert!(read.starts_with("Đọc được"), "{read}");

    // The seed's slips, in words.
    let d22 = doubts_of(&browser, "2.2").await;
    assert!(
        d22.contains("điểm trừ 0,5") && d22.contains("1,75"),
        "2.2: {d22}"
    );
    let d232 = doubts_of(&browser, "2.3.2").await;
    assert!(d232.contains("150/175"), "2.3.2: {d232}");
    // Nothing is known in an empty plan: every unit is offered, "Tài chính – KH" apart from
    // "Tài chính – KT", each with the rows that name it.
    let units = browser.text("fieldset.offers[data-kind=unit]").await;
    assert!(
        units.contains("Tài chính - KH") || units.contains("Tài chính – KH"),
        "{units}"
    );
    assert!(
        units.contains("Tài chính - KT") || units.contains("Tài chính – KT"),
        "{units}"
    );
    browser
        .js("document.querySelectorAll('fieldset.offers input').forEach(i => { if (!i.checked) i.click(); }); return true")
        .await;
    let will = browser.text("#paste-will-add").await;
    assert!(
        will.contains("tiêu chí") && will.contains("nhiệm vụ") && will.contains("bộ phận"),
        "{will}"
    );

    browser.click("#paste-add").await;
    browser.wait_gone("#paste-add").await;
    let added = browser.text("#paste-status").await;
    assert!(added.starts_with("Đã thêm vào kế hoạch:"), "{added}");

    // The plan now holds the appendix's criteria and tasks: the same codes as the example.
    let doc = decoded(&export(&browser, "#export-all").await).doc;
    let example = seed::example();
    assert_eq!(
        appendix_codes(&doc, Kind::Criterion),
        appendix_codes(&example, Kind::Criterion)
    );
    assert_eq!(
        appendix_codes(&doc, Kind::Task),
        appendix_codes(&example, Kind::Task)
    );

    // Pasting again: the preview says nothing would change, and offers no button.
    paste(&browser, &seed_appendix()).await;
    browser.wait_for("#paste-nothing-new").await;
    assert!(browser
        .client()
        .find(fantoccini::Locator::Css("#paste-add"))
        .await
        .is_err());
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn pasting_the_appendix_into_the_example_names_the_slip_and_adds_nothing() {
    let browser = officer_with_example("Nguyễn Văn Phong").await;
    paste(&browser, &seed_appendix()).await;
    browser.wait_for("#paste-nothing-new").await;
    let slip = doubts_of(&browser, "7.1.1.1").await;
    assert!(
        slip.contains("Tài chính – KH") && slip.contains("Tài chính - Kế toán"),
        "{slip}"
    );
    let merged = doubts_of(&browser, "7.1.2.7").await;
    assert!(merged.contains("ô gộp của dòng 7.1.1.1"), "{merged}");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

//! Storage that never loses work, end to end on the single file from file://: unreadable data
//! is put aside byte for byte and offered for download; data of a newer version is shown
//! read-only and nothing in storage changes.

mod storage_common;

use cchc_core::exchange::store;
use cchc_core::model::{seed, ReplicaId, Workspace};
use cchc_e2e::Browser;
use serde_json::Value;
use storage_common::plant;

/// Every key of ours in localStorage, with its value.
const OUR_KEYS: &str = "return Object.fromEntries(Object.keys(localStorage)\
    .filter(k => k.startsWith('cchc:')).map(k => [k, localStorage.getItem(k)]))";

#[tokio::test]
async fn unreadable_data_is_put_aside_and_offered_for_download() {
    let browser = Browser::new().await;
    browser.open_single_file().await;
    browser.wait_for("section.first-run").await;
    let damaged = "{\"format\":\"cchc-plan\", hỏng giữa chừng";
    plant(&browser, "cchc:workspace", damaged).await;
    browser.reload().await;

    // The app starts, says so, and offers the original.
    browser.wait_for("#recovery-banner").await;
    browser.wait_for("section.first-run").await;
    let keys = browser.js(OUR_KEYS).await;
    let put_aside: Vec<(&String, &Value)> = keys
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| k.starts_with("cchc:recovery:"))
        .collect();
    assert_eq!(put_aside.len(), 1, "{keys}");
    assert_eq!(put_aside[0].1.as_str(), Some(damaged), "byte for byte");
    assert!(
        keys.get("cchc:workspace").is_none(),
        "freed only after the copy was safe"
    );

    browser.click("#download-recovery").await;
    let file = browser.wait_download().await;
    assert_eq!(std::fs::read_to_string(&file).unwrap(), damaged);

    // Work goes on: the example opens and saves, and the recovery copy stays.
    browser.click("#open-example").await;
    browser.wait_text("#save-status", "Đã lưu").await;
    let after = browser.js(OUR_KEYS).await;
    assert_eq!(
        after.get(put_aside[0].0.as_str()).and_then(Value::as_str),
        Some(damaged)
    );
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn data_of_a_newer_version_is_shown_read_only_and_storage_does_not_change() {
    let browser = Browser::new().await;
    browser.open_single_file().await;
    browser.wait_for("section.first-run").await;
    // What a newer version (schema 2) might have saved.
    let mut ws = Workspace::new(ReplicaId(42));
    ws.doc = seed::example();
    let newer = store::encode(&ws, "9.0.0").replacen("\"schema\":1", "\"schema\":2", 1);
    plant(&browser, "cchc:workspace", &store::pack(&newer)).await;
    plant(
        &browser,
        "cchc:meta",
        "{\"schema\":2,\"app\":\"9.0.0\",\"generation\":7}",
    )
    .await;
    browser.reload().await;

    browser.wait_for("#read-only-banner").await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    let before = browser.js(OUR_KEYS).await;

    // Looking around and typing a name change nothing stored.
    for slug in ["tieu-chi", "nhiem-vu", "cai-dat"] {
        browser.click(&format!("nav a[data-view={slug}]")).await;
        browser
            .wait_for(&format!("section[data-view={slug}]"))
            .await;
    }
    browser.type_into("#officer-name", "Đ/c Lan").await;
    browser.wait_text("#header-officer", "Đ/c Lan").await;
    // Leaving the page flushes saves: none may happen.
    browser
        .js("window.dispatchEvent(new Event('pagehide')); return 1")
        .await;
    let after = browser.js(OUR_KEYS).await;
    assert_eq!(after, before, "storage changed");
    browser.reload().await;
    browser.wait_for("#read-only-banner").await;
    assert_eq!(
        browser.js(OUR_KEYS).await,
        before,
        "storage changed after a reload"
    );
    browser.assert_no_console_errors().await;
    browser.close().await;
}

//! Storage that never loses work, end to end on the single file from file://: a full store
//! (the banner, the backup export with the edit in it, the save that succeeds once space is
//! freed) and two windows editing different tasks (each sees the other's edit, also after a
//! reload).

use cchc_e2e::Browser;
use serde_json::{json, Value};

/// The seed's task of criterion 1.3 (its id derives from the plan and the code).
const TASK_1_3: &str = "t2ysmf0kf629kf";

async fn open_example(browser: &Browser) {
    browser.open_single_file().await;
    browser.click("#open-example").await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    browser.wait_text("#save-status", "Đã lưu").await;
}

/// Marks a task done from the task list and its editor, as an officer does.
async fn mark_done(browser: &Browser, code: &str) {
    browser.click("nav a[data-view=nhiem-vu]").await;
    browser
        .click(&format!("#task-table tr[data-code='{code}'] td.title a"))
        .await;
    browser.click("#task-editor #mark-done").await;
    browser
        .wait_text("#task-editor .editor-title .badge", "Hoàn thành quá hạn")
        .await;
}

/// Waits until the task list shows the task of `code` done.
async fn wait_done_in_list(browser: &Browser, code: &str) {
    browser.click("nav a[data-view=nhiem-vu]").await;
    browser
        .wait_text(
            &format!("#task-table tr[data-code='{code}'] .badge"),
            "Hoàn thành quá hạn",
        )
        .await;
}

/// Fills localStorage until it refuses more; returns how many filler keys it took.
async fn fill_storage(browser: &Browser) -> u64 {
    let filled = browser
        .js("let n = 0; for (let size = 1 << 20; size >= 16; size >>= 1) { \
               const chunk = 'x'.repeat(size); \
               while (true) { try { localStorage.setItem('filler:' + n, chunk); n++; } catch (e) { break; } } } \
             return n;")
        .await;
    filled.as_u64().unwrap_or(0)
}

#[tokio::test]
async fn a_full_store_keeps_the_edit_offers_a_backup_and_recovers() {
    let browser = Browser::new().await;
    open_example(&browser).await;
    let stored_before = browser
        .js("return localStorage.getItem('cchc:workspace')")
        .await;
    assert!(fill_storage(&browser).await > 0);

    // An edit that cannot be saved: the banner says so and stays; the plan keeps the edit.
    mark_done(&browser, "1.3").await;
    browser.wait_for("#quota-banner").await;
    assert!(browser
        .text("#save-status")
        .await
        .starts_with("Chưa lưu được:"));
    let stored = browser
        .js("return localStorage.getItem('cchc:workspace')")
        .await;
    assert_eq!(
        stored, stored_before,
        "what was stored stays readable, untouched"
    );

    // The backup file holds the edit.
    browser.click("#export-backup").await;
    let file = browser.wait_download().await;
    let exported: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).expect("JSON");
    assert_eq!(exported["format"], "cchc-plan");
    assert_eq!(
        exported["records"][TASK_1_3]["fields"]["status"][0],
        json!("done_late")
    );

    // Space freed: the next save succeeds and the banner goes.
    browser.js("Object.keys(localStorage).filter(k => k.startsWith('filler:')).forEach(k => localStorage.removeItem(k)); return 1").await;
    mark_done(&browser, "1.5").await;
    browser.wait_text("#save-status", "Đã lưu").await;
    browser.wait_gone("#quota-banner").await;

    // Nothing lost: both edits after a reload.
    browser.reload().await;
    wait_done_in_list(&browser, "1.3").await;
    wait_done_in_list(&browser, "1.5").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn two_windows_edit_different_tasks_and_both_keep_both() {
    let browser = Browser::new().await;
    open_example(&browser).await;
    let client = browser.client();
    let first = client.window().await.expect("window");
    let second = client
        .new_window(true)
        .await
        .expect("a second window")
        .handle;

    client
        .switch_to_window(second.clone())
        .await
        .expect("switch");
    browser.open_single_file().await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    mark_done(&browser, "1.5").await;
    browser.wait_text("#save-status", "Đã lưu").await;

    client
        .switch_to_window(first.clone())
        .await
        .expect("switch");
    mark_done(&browser, "1.3").await;
    browser.wait_text("#save-status", "Đã lưu").await;
    // The first window took in the second's edit, from the storage event or before saving.
    wait_done_in_list(&browser, "1.5").await;

    client
        .switch_to_window(second.clone())
        .await
        .expect("switch");
    wait_done_in_list(&browser, "1.3").await;
    wait_done_in_list(&browser, "1.5").await;

    // After a reload of each window, both edits are still there.
    for window in [first, second] {
        client.switch_to_window(window).await.expect("switch");
        browser.reload().await;
        wait_done_in_list(&browser, "1.3").await;
        wait_done_in_list(&browser, "1.5").await;
    }
    let stored = browser
        .js("return JSON.stringify(Object.keys(localStorage))")
        .await;
    assert!(stored
        .as_str()
        .unwrap_or_default()
        .contains("cchc:workspace"));
    browser.assert_no_console_errors().await;
    browser.close().await;
}

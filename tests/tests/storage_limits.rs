//! Storage that never loses work, end to end on the single file from file://: a full store
//! (the banner that stays until a save succeeds, the backup export with the edit in it, the
//! warning before closing, the save that succeeds once space is freed), two windows editing
//! different tasks (each sees the other's edit, also after a reload), and two windows editing
//! the same field without seeing each other (the conflict is listed in both).

mod exchange_common;
mod storage_common;

use cchc_e2e::Browser;
use exchange_common::{download, open_task, saved, shows_note_conflict};
use fantoccini::wd::WindowHandle;
use storage_common::*;

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
    assert!(browser.text("#save-status").await.starts_with(NOT_SAVED));
    let stored = browser
        .js("return localStorage.getItem('cchc:workspace')")
        .await;
    assert_eq!(
        stored, stored_before,
        "what was stored stays readable, untouched"
    );
    assert!(
        leaving_is_held(&browser).await,
        "closing asks first: the last save failed"
    );

    // The backup file holds the edit.
    assert_backup_has_done(&download(&browser, "#export-backup").await, TASK_1_3);

    // Another edit while the store is still full: "trying to save again", in the error
    // colour, and the banner stays, right after the edit and once its save has failed in turn.
    watch_quota_banner(&browser).await;
    mark_done(&browser, "1.5").await;
    assert!(
        browser
            .client()
            .find(fantoccini::Locator::Css("#quota-banner"))
            .await
            .is_ok(),
        "the banner is still there right after the edit"
    );
    browser
        .wait_until("the edit's save to fail in turn", || async {
            let trace = quota_banner_trace(&browser).await;
            let saving = trace
                .iter()
                .position(|(status, _)| status == "Đang thử lưu lại…")?;
            trace[saving..]
                .iter()
                .any(|(status, _)| status.starts_with(NOT_SAVED))
                .then_some(())
        })
        .await;
    browser.wait_for("#quota-banner").await;
    let trace = quota_banner_trace(&browser).await;
    assert!(
        trace.iter().all(|(_, shown)| *shown),
        "the banner never left while the store was full: {trace:?}"
    );
    assert!(leaving_is_held(&browser).await, "still nothing saved");

    // Space freed: the banner stays until a save succeeds, and goes when "Đã lưu" shows.
    free_storage(&browser).await;
    browser.wait_for("#quota-banner").await;
    mark_done(&browser, "1.7").await;
    browser.wait_text("#save-status", "Đã lưu").await;
    browser.wait_gone("#quota-banner").await;
    let trace = quota_banner_trace(&browser).await;
    let gone = trace
        .iter()
        .find(|(_, shown)| !shown)
        .expect("the banner went");
    assert_eq!(
        gone.0, "Đã lưu",
        "the banner went with the successful save: {trace:?}"
    );
    assert!(!leaving_is_held(&browser).await, "everything is saved");

    // Nothing lost: every edit after a reload.
    browser.reload().await;
    for code in ["1.3", "1.5", "1.7"] {
        wait_done_in_list(&browser, code).await;
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// The example opened in a first window, then the same file in a second, which is current.
async fn two_windows(browser: &Browser) -> (WindowHandle, WindowHandle) {
    open_example(browser).await;
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
    (first, second)
}

#[tokio::test]
async fn two_windows_edit_different_tasks_and_both_keep_both() {
    let browser = Browser::new().await;
    let (first, second) = two_windows(&browser).await;
    let client = browser.client();
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

#[tokio::test]
async fn two_windows_editing_the_same_field_unseen_both_list_the_conflict() {
    const NOTE_FIRST: &str = "Ghi chú ở cửa sổ thứ nhất";
    const NOTE_SECOND: &str = "Ghi chú ở cửa sổ thứ hai";
    let browser = Browser::new().await;
    let (first, second) = two_windows(&browser).await;
    let client = browser.client();

    // The store is full: neither window can save, so neither sees the other's note.
    assert!(fill_storage(&browser).await > 0);
    client
        .switch_to_window(first.clone())
        .await
        .expect("switch");
    open_task(&browser, "1.3").await;
    browser.retype("#task-note", NOTE_FIRST).await;
    wait_status_starting(&browser, NOT_SAVED).await;
    client
        .switch_to_window(second.clone())
        .await
        .expect("switch");
    open_task(&browser, "1.3").await;
    browser.retype("#task-note", NOTE_SECOND).await;
    wait_status_starting(&browser, NOT_SAVED).await;

    // Space freed: the second window's next edit saves; the first takes it in and saves back.
    free_storage(&browser).await;
    mark_done(&browser, "1.5").await;
    saved(&browser).await;
    shows_note_conflict(&browser, "1.3", &[NOTE_FIRST, NOTE_SECOND]).await;
    client
        .switch_to_window(first.clone())
        .await
        .expect("switch");
    shows_note_conflict(&browser, "1.3", &[NOTE_FIRST, NOTE_SECOND]).await;
    saved(&browser).await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

//! Steps shared by the storage journeys: the example opened, tasks marked done, the store
//! filled and freed, values planted, the backup file read, and what the page would do if
//! the officer left it now.

#![allow(dead_code)] // Each test file uses some of these.

use std::path::Path;

use cchc_e2e::Browser;
use serde_json::{json, Value};

/// The seed's task of criterion 1.3 (its id derives from the plan and the code).
pub const TASK_1_3: &str = "t2ysmf0kf629kf";

/// What the status line says after a failed save, before the reason.
pub const NOT_SAVED: &str = "Chưa lưu được:";

pub async fn open_example(browser: &Browser) {
    browser.open_single_file().await;
    browser.click("#open-example").await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    browser.wait_text("#save-status", "Đã lưu").await;
}

/// Marks a task done from the task list and its editor, as an officer does.
pub async fn mark_done(browser: &Browser, code: &str) {
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
pub async fn wait_done_in_list(browser: &Browser, code: &str) {
    browser.click("nav a[data-view=nhiem-vu]").await;
    browser
        .wait_text(
            &format!("#task-table tr[data-code='{code}'] .badge"),
            "Hoàn thành quá hạn",
        )
        .await;
}

/// Fills localStorage until it refuses more; returns how many filler keys it took.
pub async fn fill_storage(browser: &Browser) -> u64 {
    let filled = browser
        .js("let n = 0; for (let size = 1 << 20; size >= 16; size >>= 1) { \
               const chunk = 'x'.repeat(size); \
               while (true) { try { localStorage.setItem('filler:' + n, chunk); n++; } catch (e) { break; } } } \
             return n;")
        .await;
    filled.as_u64().unwrap_or(0)
}

/// Removes what [`fill_storage`] wrote.
pub async fn free_storage(browser: &Browser) {
    browser
        .js("Object.keys(localStorage).filter(k => k.startsWith('filler:')).forEach(k => localStorage.removeItem(k)); return 1")
        .await;
}

/// Writes `value` under `key` (the full key, prefix included), as another session would have.
pub async fn plant(browser: &Browser, key: &str, value: &str) {
    browser
        .client()
        .execute(
            "localStorage.setItem(arguments[0], arguments[1])",
            vec![json!(key), json!(value)],
        )
        .await
        .expect("plant");
}

/// Asserts that a downloaded backup file is a plan file with `task` marked done late.
pub fn assert_backup_has_done(file: &Path, task: &str) {
    let bytes = std::fs::read(file).expect("the downloaded file");
    let exported: Value = serde_json::from_slice(&bytes).expect("JSON");
    assert_eq!(exported["format"], "cchc-plan");
    assert_eq!(
        exported["records"][task]["fields"]["status"][0],
        json!("done_late"),
        "the backup holds the edit"
    );
}

/// Whether closing the page now would be held back with "leave the page?": a real
/// `beforeunload` event, dispatched to the app's own listener.
pub async fn leaving_is_held(browser: &Browser) -> bool {
    let held = browser
        .js("const e = document.createEvent('BeforeUnloadEvent'); \
             e.initEvent('beforeunload', false, true); \
             window.dispatchEvent(e); return e.defaultPrevented;")
        .await;
    held.as_bool().expect("a boolean")
}

/// Waits until the save status line starts with `prefix`.
pub async fn wait_status_starting(browser: &Browser, prefix: &str) {
    browser
        .wait_until(
            &format!("#save-status to start with {prefix:?}"),
            || async {
                browser
                    .text("#save-status")
                    .await
                    .starts_with(prefix)
                    .then_some(())
            },
        )
        .await;
}

/// From now on, records every change of the page: the save status line and whether the
/// quota banner is shown, as they stood after each batch of DOM changes.
pub async fn watch_quota_banner(browser: &Browser) {
    browser
        .js("window.cchcTrace = []; \
             const note = () => { const s = document.getElementById('save-status'); \
               window.cchcTrace.push([s ? s.textContent.trim() : '', !!document.getElementById('quota-banner')]); }; \
             new MutationObserver(note).observe(document.body, { childList: true, subtree: true, characterData: true }); \
             return 1;")
        .await;
}

/// What [`watch_quota_banner`] recorded: (save status, banner shown), oldest first.
pub async fn quota_banner_trace(browser: &Browser) -> Vec<(String, bool)> {
    let trace = browser.js("return window.cchcTrace || []").await;
    serde_json::from_value(trace).expect("a list of (status, shown)")
}

/// Sets `field` of the JSON object stored under `key` (full key) to `value`; `null` removes
/// the field.
pub async fn set_stored_field(browser: &Browser, key: &str, field: &str, value: Value) {
    browser
        .client()
        .execute(
            "const [key, field, value] = arguments; \
             const o = JSON.parse(localStorage.getItem(key) || '{}'); \
             if (value === null) { delete o[field]; } else { o[field] = value; } \
             localStorage.setItem(key, JSON.stringify(o));",
            vec![json!(key), json!(field), value],
        )
        .await
        .expect("set a stored field");
}

/// The date `days` days before today in the page's local time, as ISO `yyyy-mm-dd` (the
/// app's "today" is local too).
pub async fn days_ago(browser: &Browser, days: i64) -> String {
    let date = browser
        .client()
        .execute(
            "const d = new Date(); d.setDate(d.getDate() - arguments[0]); \
             const two = (n) => String(n).padStart(2, '0'); \
             return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());",
            vec![json!(days)],
        )
        .await
        .expect("a date");
    date.as_str().expect("a string").to_string()
}

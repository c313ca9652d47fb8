//! Saving and keeping, end to end on the single file from file://: an edit survives leaving
//! the page at once (reload, navigating away) before the save's pause is over, and
//! `pagehide` alone stores it at once; the daily
//! snapshots are listed in Cài đặt and one restores as an undoable change; the export
//! reminder comes when the last export is more than 7 days old, and only then.

mod exchange_common;
mod storage_common;

use cchc_core::exchange::store;
use cchc_core::model::records::f;
use cchc_core::model::workspace::{Action, Ctx, Op, Workspace};
use cchc_core::model::{seed, ReplicaId};
use cchc_e2e::Browser;
use exchange_common::{download, go, open_task, saved};
use serde_json::{json, Value};
use storage_common::*;

/// Where the page notes, as it starts to leave, whether the edit was still unsaved then.
const LEFT_KEY: &str = "e2e:left-unsaved";

/// Marks the task in the editor done and, in the same breath, runs `leave` (JS that
/// navigates): the save's 300 ms pause cannot be over first. Right before leaving, the page
/// notes in [`LEFT_KEY`] whether the edit was still unsaved (the stored meta unchanged):
/// what is saved afterwards is saved by the page's leaving (`beforeunload` comes first in
/// Chromium, then `pagehide` and `visibilitychange`).
async fn mark_done_and_leave(browser: &Browser, leave: &str) {
    browser
        .js(&format!(
            "localStorage.removeItem('{LEFT_KEY}'); \
             const before = localStorage.getItem('cchc:meta'); \
             window.cchcOldPage = true; \
             document.querySelector('#task-editor #mark-done').click(); \
             setTimeout(() => {{ \
               localStorage.setItem('{LEFT_KEY}', String(localStorage.getItem('cchc:meta') === before)); \
               {leave} }}, 0); \
             return 1;"
        ))
        .await;
    browser
        .wait_until("the page to be gone", || async {
            let gone = browser
                .client()
                .execute("return !window.cchcOldPage", vec![])
                .await
                .ok()?;
            (gone == json!(true)).then_some(())
        })
        .await;
    let left = browser
        .js(&format!("return localStorage.getItem('{LEFT_KEY}')"))
        .await;
    assert_eq!(
        left,
        json!("true"),
        "the edit was still waiting to be saved when the page went"
    );
}

#[tokio::test]
async fn an_edit_survives_leaving_the_page_at_once() {
    let browser = Browser::new().await;
    open_example(&browser).await;

    open_task(&browser, "1.3").await;
    mark_done_and_leave(&browser, "location.reload();").await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    wait_done_in_list(&browser, "1.3").await;

    open_task(&browser, "1.5").await;
    mark_done_and_leave(&browser, "location.href = 'about:blank';").await;
    browser.open_single_file().await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    wait_done_in_list(&browser, "1.3").await;
    wait_done_in_list(&browser, "1.5").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn pagehide_alone_saves_the_waiting_edit_at_once() {
    let browser = Browser::new().await;
    open_example(&browser).await;
    open_task(&browser, "1.3").await;
    // In one go: the edit waits for its pause; the page is hidden; the edit is stored.
    let seen = browser
        .js("const meta = () => localStorage.getItem('cchc:meta'); \
             const before = meta(); \
             document.querySelector('#task-editor #mark-done').click(); \
             const waiting = meta() === before; \
             window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })); \
             return [waiting, meta() !== before];")
        .await;
    assert_eq!(
        seen,
        json!([true, true]),
        "[waiting after the edit, stored at pagehide]"
    );
    browser.reload().await;
    wait_done_in_list(&browser, "1.3").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// The example with task 1.3's note set, packed as the app stores a snapshot.
fn snapshot_with_note(note: &str) -> String {
    let mut ws = Workspace::new(ReplicaId(7));
    ws.doc = seed::example();
    let ctx = Ctx {
        now_ms: 1_665_000_000_000,
        who: "e2e".into(),
    };
    ws.apply(
        Action::Edit,
        vec![Op::set(TASK_1_3, f::NOTE, json!(note))],
        &ctx,
    )
    .expect("the note is set");
    store::pack(&store::encode(&ws, "e2e"))
}

/// Waits until the note field of the task editor on screen holds `note`.
async fn wait_note(browser: &Browser, note: &str) {
    browser
        .wait_until(&format!("the task note {note:?}"), || async {
            (browser.value("#task-editor #task-note").await == note).then_some(())
        })
        .await;
}

#[tokio::test]
async fn daily_snapshots_are_listed_and_one_restores_as_an_undoable_change() {
    const OLDER: &str = "Ghi chú cuối ngày 10/10";
    const NEWER: &str = "Ghi chú cuối ngày 12/10";
    let browser = Browser::new().await;
    open_example(&browser).await;
    plant(
        &browser,
        "cchc:snapshot:2022-10-10",
        &snapshot_with_note(OLDER),
    )
    .await;
    plant(
        &browser,
        "cchc:snapshot:2022-10-12",
        &snapshot_with_note(NEWER),
    )
    .await;
    browser.reload().await;

    go(&browser, "cai-dat").await;
    browser.wait_for("#backups-list").await;
    let days = browser
        .js("return [...document.querySelectorAll('#backups-list li')].map(li => li.textContent)")
        .await;
    let days: Vec<String> = serde_json::from_value(days).expect("texts");
    assert_eq!(days.len(), 2, "{days:?}");
    assert!(days[0].contains("12/10/2022"), "newest first: {days:?}");
    assert!(days[1].contains("10/10/2022"), "{days:?}");

    // Restore the older day, after the confirmation.
    browser
        .click("#backups-list button[data-day='10/10/2022']")
        .await;
    browser
        .wait_until("the confirmation", || async {
            browser.client().get_alert_text().await.ok()
        })
        .await;
    browser.client().accept_alert().await.expect("confirm");
    saved(&browser).await;
    open_task(&browser, "1.3").await;
    wait_note(&browser, OLDER).await;

    // The restore is one change that Undo takes back; the snapshots stay.
    browser.click("#undo").await;
    wait_note(&browser, "").await;
    saved(&browser).await;
    browser.reload().await;
    open_task(&browser, "1.3").await;
    wait_note(&browser, "").await;
    let kept = browser
        .js("return ['cchc:snapshot:2022-10-10', 'cchc:snapshot:2022-10-12'].every(k => localStorage.getItem(k) !== null)")
        .await;
    assert_eq!(kept, json!(true), "restoring keeps the snapshots");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// Reloads and waits for the app to be ready; returns whether the export reminder shows.
async fn reminder_after_reload(browser: &Browser) -> bool {
    browser.reload().await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    browser.wait_text("#save-status", "Đã lưu").await;
    browser
        .client()
        .find(fantoccini::Locator::Css("#export-reminder"))
        .await
        .is_ok()
}

#[tokio::test]
async fn the_export_reminder_comes_after_more_than_seven_days_only() {
    let browser = Browser::new().await;
    open_example(&browser).await;
    assert!(
        !reminder_after_reload(&browser).await,
        "work began today: no reminder yet"
    );

    // Never exported, work begun more than 7 days ago (the storage's meta says since when).
    let since = Value::from(days_ago(&browser, 8).await);
    set_stored_field(&browser, "cchc:meta", "since", since).await;
    assert!(reminder_after_reload(&browser).await, "8 days, no export");

    // Exported: exactly 7 days ago is not more than 7; 8 days ago is.
    for (days, due) in [(7, false), (2, false), (8, true)] {
        let on = Value::from(days_ago(&browser, days).await);
        set_stored_field(&browser, "cchc:prefs", "last_export", on).await;
        assert_eq!(
            reminder_after_reload(&browser).await,
            due,
            "last export {days} days ago"
        );
    }

    // Exporting from the reminder ends it, also after a reload.
    let file = download(&browser, "#reminder-export-backup").await;
    assert!(file.is_file());
    browser.wait_gone("#export-reminder").await;
    assert!(!reminder_after_reload(&browser).await, "exported today");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

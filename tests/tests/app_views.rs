//! The working app end to end (issue 4), on the single file opened from file://, with the
//! as-of date pinned to 15/10/2022 through Cài đặt. Expected values are EXPECTED.md's, written
//! out here, never read from the app's own code.

use cchc_e2e::Browser;
use serde_json::Value;

/// The rows of the Tư pháp - Hộ tịch unit, as EXPECTED.md lists them.
const TU_PHAP: [&str; 11] = [
    "1.2", "1.7", "2.2", "2.2.1", "2.2.3", "2.3.1", "2.3.2", "3.2.2", "7.1.1.1", "7.1.2.7", "7.2.1",
];

/// The one task of the seed whose text says "cải cách" (part II, section 8).
const CAI_CACH: &str =
    "Đẩy mạnh công tác tuyên truyền, nâng cao sự hiểu biết của cán bộ, công chức \
đối với việc thực hiện công tác cải cách hành chính, nâng cao kết quả đánh giá tác động (qua \
điều tra xã hội học) của xã";

/// A new browser with the example open and the as-of date set to 15/10/2022 in Cài đặt.
async fn example_on_15_10_2022() -> Browser {
    let browser = Browser::new().await;
    browser.open_single_file().await;
    browser.click("#open-example").await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    browser.click("nav a[data-view=cai-dat]").await;
    browser.retype("#as-of", "15/10/2022").await;
    browser
        .wait_until("the as-of date saved", || async {
            let prefs = browser
                .js("return localStorage.getItem('cchc:prefs')")
                .await;
            prefs
                .as_str()
                .is_some_and(|p| p.contains("2022-10-15"))
                .then_some(())
        })
        .await;
    browser
}

/// The codes of the rows of a task table, in order.
async fn codes(browser: &Browser, table: &str) -> Vec<String> {
    let script = format!(
        "return [...document.querySelectorAll('#{table} tbody tr')].map(r => r.dataset.code)"
    );
    let found = browser.js(&script).await;
    found
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Waits until every edit is written to storage (saves are debounced).
async fn saved(browser: &Browser) {
    browser.wait_text("#save-status", "Đã lưu").await;
}

async fn undo_enabled(browser: &Browser) -> bool {
    browser
        .js("return !document.querySelector('#undo').disabled")
        .await
        .as_bool()
        .unwrap_or(false)
}

/// The stored workspace as it is in localStorage (packed: compared, never read).
async fn stored_workspace(browser: &Browser) -> String {
    browser
        .js("return localStorage.getItem('cchc:workspace')")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn go(browser: &Browser, slug: &str) {
    browser.click(&format!("nav a[data-view={slug}]")).await;
    browser
        .wait_for(&format!("section[data-view={slug}] .region"))
        .await;
}

/// Waits until the page's list of task codes equals `want`.
async fn wait_codes(browser: &Browser, table: &str, want: &[&str]) {
    browser
        .wait_until(&format!("#{table} to list {want:?}"), || async {
            (codes(browser, table).await == want).then_some(())
        })
        .await;
}

#[tokio::test]
async fn journey_dashboard_filter_search_done_evidence_reload() {
    let browser = example_on_15_10_2022().await;

    // 1. The dashboard: where the commune stands.
    go(&browser, "tong-quan").await;
    browser.wait_text("#base-score", "75,84").await;
    browser.wait_text("#base-rank", "19/25").await;
    browser.wait_text("#recoverable", "10,04").await;
    browser.wait_text("#projected-done", "75,84").await;
    browser.wait_text("#projected-all", "85,88").await;
    browser
        .wait_text("#projected-rank", "chưa có số liệu")
        .await;
    browser.wait_text("#count-done", "0").await;
    browser.wait_text("#count-not_started", "42").await;

    // 2. Tasks of Tư pháp - Hộ tịch: exactly the eleven rows.
    go(&browser, "nhiem-vu").await;
    browser
        .wait_text("#task-count", "Đang hiện 42/42 nhiệm vụ.")
        .await;
    let unit = browser
        .js("return [...document.querySelectorAll('#filter-unit option')].find(o => o.textContent === 'Tư pháp - Hộ tịch').value")
        .await;
    let unit = unit.as_str().expect("the unit is offered").to_string();
    browser
        .js(&format!(
            "const s = document.querySelector('#filter-unit'); s.value = '{unit}'; \
             s.dispatchEvent(new Event('change', {{bubbles: true}}))"
        ))
        .await;
    wait_codes(&browser, "task-table", &TU_PHAP).await;
    browser
        .wait_text("#task-count", "Đang hiện 11/42 nhiệm vụ.")
        .await;

    // 3. Search without diacritics finds the task that writes "cải cách".
    browser.click("#clear-filters").await;
    browser
        .wait_text("#task-count", "Đang hiện 42/42 nhiệm vụ.")
        .await;
    browser.type_into("#task-search", "cai cach").await;
    browser
        .wait_text("#task-count", "Đang hiện 1/42 nhiệm vụ.")
        .await;
    browser
        .wait_text("#task-table tbody td.title", CAI_CACH)
        .await;
    browser.click("#clear-filters").await;

    // 4. Mark 1.3 done and add an evidence record to it, in its editor.
    browser
        .click("#task-table tr[data-code='1.3'] td.title a")
        .await;
    browser.wait_for("#task-editor #mark-done").await;
    assert!(browser.hash().await.starts_with("#/nhiem-vu/"));
    browser.click("#mark-done").await;
    browser
        .wait_text("#task-editor .editor-title .badge", "Hoàn thành")
        .await;
    browser.type_into("#evidence-number", "45/BC-UBND").await;
    browser.type_into("#evidence-date", "14/10/2022").await;
    browser
        .type_into(
            "#evidence-title",
            "Báo cáo kết quả thực hiện công tác văn thư",
        )
        .await;
    browser
        .type_into("#evidence-issuer", "UBND xã Sơn Lĩnh")
        .await;
    browser.click("#save-evidence").await;
    browser
        .wait_text("#evidence-list tbody td:nth-child(1)", "45/BC-UBND")
        .await;

    // 5. Reload: both kept; the counts and the projected score moved by 1.3's 0,25.
    saved(&browser).await;
    browser.reload().await;
    browser
        .wait_text("#evidence-list tbody td:nth-child(2)", "14/10/2022")
        .await;
    browser
        .wait_text("#task-editor .editor-title .badge", "Hoàn thành")
        .await;
    go(&browser, "tong-quan").await;
    browser.wait_text("#projected-done", "76,09").await;
    browser.wait_text("#projected-all", "85,88").await;
    browser.wait_text("#count-done", "1").await;
    browser.wait_text("#count-not_started", "41").await;
    browser.wait_for("#evidence-ok").await;

    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn a_score_that_is_text_or_above_the_max_is_refused_and_nothing_is_saved() {
    let browser = example_on_15_10_2022().await;
    go(&browser, "tieu-chi").await;
    let cell = "input[data-code='1.3'][data-which='self']";
    browser.wait_for(cell).await;
    saved(&browser).await;
    let before = stored_workspace(&browser).await;
    assert!(!undo_enabled(&browser).await, "nothing edited yet");

    browser.retype(cell, "abc").await;
    browser
        .wait_text(
            "#criteria-error",
            "“abc” không phải là số. Hãy nhập số như 0,75 hoặc 0.75.",
        )
        .await;
    assert_eq!(
        browser.text("#save-status").await,
        "Đã lưu",
        "no save waiting"
    );
    assert_eq!(stored_workspace(&browser).await, before, "nothing saved");
    assert!(!undo_enabled(&browser).await, "no edit recorded");
    let invalid: Value = browser
        .js(&format!(
            "return document.querySelector(\"{cell}\").getAttribute('aria-invalid')"
        ))
        .await;
    assert_eq!(invalid.as_str(), Some(""), "the cell is marked");

    // 1.3 is worth 1 point.
    browser.retype(cell, "1,25").await;
    browser
        .wait_text(
            "#criteria-error",
            "Điểm không được lớn hơn điểm tối đa (1).",
        )
        .await;
    assert_eq!(stored_workspace(&browser).await, before, "nothing saved");

    // Both forms of decimal mark are read, and the cell then shows the comma.
    browser.retype(cell, "0.75").await;
    browser.wait_text("#criteria-error", "").await;
    assert_eq!(browser.value(cell).await, "0,75");
    saved(&browser).await;
    assert_ne!(stored_workspace(&browser).await, before, "saved");
    assert!(undo_enabled(&browser).await);
    browser.retype(cell, "0,5").await;
    browser
        .wait_until("0,5 saved", || async {
            (browser.value(cell).await == "0,5").then_some(())
        })
        .await;

    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn undo_brings_back_the_state_before_the_last_edit_also_after_a_reload() {
    let browser = example_on_15_10_2022().await;
    go(&browser, "tieu-chi").await;
    let cell = "input[data-code='3.2.2'][data-which='appraised']";
    browser.wait_for(cell).await;
    let before = browser.value(cell).await;
    assert_eq!(before, "");
    let before_edit = stored_workspace(&browser).await;
    browser.retype(cell, "0,5").await;
    browser
        .wait_until("the score shown with a comma", || async {
            (browser.value(cell).await == "0,5").then_some(())
        })
        .await;
    saved(&browser).await;
    assert_ne!(stored_workspace(&browser).await, before_edit);

    // Undo survives a reload: the undo stack is stored with the workspace.
    browser.reload().await;
    browser.wait_for(cell).await;
    assert_eq!(browser.value(cell).await, "0,5");
    browser.click("#undo").await;
    browser
        .wait_until("undo to empty the cell", || async {
            browser.value(cell).await.is_empty().then_some(())
        })
        .await;
    saved(&browser).await;
    browser.reload().await;
    browser.wait_for(cell).await;
    assert_eq!(browser.value(cell).await, "", "the undo itself was saved");
    // And redo brings the edit back.
    browser.click("#redo").await;
    browser
        .wait_until("redo", || async {
            (browser.value(cell).await == "0,5").then_some(())
        })
        .await;

    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// What print shows of the Nhiệm vụ view: whether the navigation, the filters, the table and
/// its tick column are laid out, and how many of its rows.
async fn printed_parts(browser: &Browser) -> Value {
    browser
        .js(
            "const shown = el => !!el && getComputedStyle(el).display !== 'none' \
                 && el.getClientRects().length > 0; \
             return { nav: shown(document.querySelector('nav.app-nav')), \
                      filters: shown(document.querySelector('.filters')), \
                      table: shown(document.querySelector('#task-table')), \
                      tick: shown(document.querySelector('#task-table td.tick')), \
                      rows: [...document.querySelectorAll('#task-table tbody tr')] \
                          .filter(shown).length };",
        )
        .await
}

#[tokio::test]
async fn print_hides_the_navigation_and_shows_the_current_table() {
    let browser = example_on_15_10_2022().await;
    go(&browser, "nhiem-vu").await;
    browser
        .wait_until("the 42 tasks", || async {
            (codes(&browser, "task-table").await.len() == 42).then_some(())
        })
        .await;
    let screen = printed_parts(&browser).await;
    assert_eq!(screen["nav"], true, "on screen: {screen}");
    assert_eq!(screen["filters"], true, "on screen: {screen}");

    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "media": "print" }),
        )
        .await;
    let printed = browser
        .wait_until("the print layout", || async {
            let parts = printed_parts(&browser).await;
            (parts["nav"] == false).then_some(parts)
        })
        .await;
    assert_eq!(printed["filters"], false, "printed: {printed}");
    assert_eq!(printed["tick"], false, "printed: {printed}");
    assert_eq!(printed["table"], true, "printed: {printed}");
    assert_eq!(printed["rows"], 42, "printed: {printed}");

    browser.assert_no_console_errors().await;
    browser.close().await;
}

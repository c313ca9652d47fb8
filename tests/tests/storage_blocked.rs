//! When the browser refuses localStorage (site data blocked by policy), the app still starts,
//! says so in Vietnamese, keeps edits in memory, exports them to a file, and asks before the
//! page is closed while some edit is in no exported file: served over http, and as the single
//! file from file:// (the content setting blocks it there too).

mod exchange_common;
mod storage_common;

use cchc_e2e::{dist_dir, Browser, StaticServer};
use exchange_common::download;
use serde_json::json;
use storage_common::{assert_backup_has_done, leaving_is_held, mark_done, TASK_1_3};

const IN_MEMORY: &str = "Đã ghi nhớ tạm (chưa lưu được vào trình duyệt)";

/// A browser whose profile blocks site data, localStorage included.
async fn blocking_browser() -> Browser {
    Browser::with_prefs(json!({ "profile.default_content_setting_values.cookies": 2 })).await
}

#[tokio::test]
async fn blocked_storage_shows_the_banner_and_runs_in_memory() {
    let server = StaticServer::start(&dist_dir());
    let browser = blocking_browser().await;
    browser.open(&server.url("index.html")).await;
    runs_in_memory_and_exports(browser).await;
}

#[tokio::test]
async fn blocked_storage_on_the_single_file_runs_in_memory() {
    let browser = blocking_browser().await;
    browser.open_single_file().await;
    runs_in_memory_and_exports(browser).await;
}

/// The journey on a page just opened in a profile that blocks site data.
async fn runs_in_memory_and_exports(browser: Browser) {
    let blocked = browser
        .js("try { localStorage.length; return false; } catch (e) { return true; }")
        .await;
    assert_eq!(
        blocked,
        json!(true),
        "the profile really blocks localStorage"
    );

    let banner = browser.text("#storage-banner").await;
    assert!(banner.contains("Đang chạy tạm trong bộ nhớ"), "{banner}");
    assert!(banner.contains("localStorage bị chặn"), "{banner}");

    browser.click("nav a[data-view=cai-dat]").await;
    browser.type_into("#officer-name", "Đ/c Lan").await;
    browser
        .wait_text(
            "#save-status",
            "Đã ghi nhớ tạm (chưa lưu được vào trình duyệt)",
        )
        .await;
    browser.wait_text("#header-officer", "Đ/c Lan").await;
    assert!(
        !leaving_is_held(&browser).await,
        "no plan edited yet: closing loses nothing"
    );

    // An edit lives in memory only: closing would lose it, so the page asks first.
    browser.click("nav a[data-view=tong-quan]").await;
    browser.click("#open-example").await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    mark_done(&browser, "1.3").await;
    browser.wait_text("#save-status", IN_MEMORY).await;
    assert!(
        leaving_is_held(&browser).await,
        "an edit in no file: closing asks first"
    );

    // The banner's export downloads a file holding the edit; then closing loses nothing.
    let file = download(&browser, "#memory-export-backup").await;
    assert_backup_has_done(&file, TASK_1_3);
    assert!(
        !leaving_is_held(&browser).await,
        "every edit is in the exported file"
    );
    mark_done(&browser, "1.5").await;
    browser.wait_text("#save-status", IN_MEMORY).await;
    assert!(
        leaving_is_held(&browser).await,
        "a new edit since the export: closing asks again"
    );
    browser.assert_no_console_errors().await;
    browser.close().await;
}

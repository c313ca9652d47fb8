//! When the browser refuses localStorage (site data blocked by policy), the app still starts,
//! says so in Vietnamese, and keeps edits in memory.

use cchc_e2e::{dist_dir, Browser, StaticServer};
use serde_json::json;

#[tokio::test]
async fn blocked_storage_shows_the_banner_and_runs_in_memory() {
    let server = StaticServer::start(&dist_dir());
    let browser =
        Browser::with_prefs(json!({ "profile.default_content_setting_values.cookies": 2 })).await;
    browser.open(&server.url("index.html")).await;
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
    browser.assert_no_console_errors().await;
    browser.close().await;
}

//! Screenshots for the docs, taken with the same harness at 1366×768. Not part of `make test`
//! (it would rewrite tracked files): run `make screenshots`.

use cchc_e2e::Browser;

/// A new browser has no plan and shows the first-run choice: take the example.
async fn open_example(browser: &Browser) {
    browser.click("#open-example").await;
    browser.wait_for("section[data-view=tong-quan]").await;
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn shell_screenshot() {
    let browser = Browser::new().await;
    browser.open_single_file().await;
    open_example(&browser).await;
    browser.click("nav a[data-view=cai-dat]").await;
    browser.type_into("#officer-name", "Nguyễn Văn Phong").await;
    browser.wait_text("#save-status", "Đã lưu").await;
    browser.click("nav a[data-view=tong-quan]").await;
    browser.wait_for("section[data-view=tong-quan]").await;
    let path = cchc_e2e::dist_dir().join("../docs/screenshots/shell.png");
    browser.screenshot(&path).await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn panic_banner_screenshot() {
    let browser = Browser::new().await;
    browser.open_single_file().await;
    open_example(&browser).await;
    let _ = browser
        .client()
        .execute("wasmBindings.debug_panic()", vec![])
        .await;
    browser.wait_for("#cchc-panic").await;
    let path = cchc_e2e::dist_dir().join("../docs/screenshots/panic-banner.png");
    browser.screenshot(&path).await;
    browser.close().await;
}

//! Screenshots of the working views at 1366×768, for the README. Not part of `make test`
//! (they rewrite tracked files): run `make screenshots`.

use cchc_e2e::{dist_dir, Browser};

/// The example open, the as-of date pinned to 15/10/2022, an officer named: what an officer
/// of Sơn Lĩnh sees in mid-October 2022.
async fn example() -> Browser {
    let browser = Browser::new().await;
    browser.open_single_file().await;
    browser.click("#open-example").await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    browser
        .js(
            "const p = JSON.parse(localStorage.getItem('cchc:prefs') || '{}'); \
             p.as_of = '2022-10-15'; p.officer_name = 'Nguyễn Văn Phong'; \
             localStorage.setItem('cchc:prefs', JSON.stringify(p))",
        )
        .await;
    browser.reload().await;
    browser
        .wait_text("#header-officer", "Nguyễn Văn Phong")
        .await;
    browser
}

async fn shoot(browser: &Browser, slug: &str, ready: &str, name: &str) {
    browser.click(&format!("nav a[data-view={slug}]")).await;
    browser.wait_for(ready).await;
    browser.js("window.scrollTo(0, 0)").await;
    let path = dist_dir().join(format!("../docs/screenshots/{name}.png"));
    browser.screenshot(&path).await;
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn overview_screenshot() {
    let browser = example().await;
    shoot(&browser, "tong-quan", "#base-score", "overview").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn plan_screenshot() {
    let browser = example().await;
    shoot(&browser, "ke-hoach", "#plan-commune", "plan").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn criteria_screenshot() {
    let browser = example().await;
    shoot(&browser, "tieu-chi", "#criteria-table", "criteria").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn tasks_screenshot() {
    let browser = example().await;
    shoot(&browser, "nhiem-vu", "#task-table", "tasks").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn task_editor_screenshot() {
    let browser = example().await;
    browser.click("nav a[data-view=nhiem-vu]").await;
    browser
        .click("#task-table tr[data-code='2.2'] td.title a")
        .await;
    browser.wait_for("#task-editor #mark-done").await;
    let path = dist_dir().join("../docs/screenshots/task-editor.png");
    browser.screenshot(&path).await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn people_screenshot() {
    let browser = example().await;
    shoot(&browser, "bo-phan", "#units-table", "people").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn settings_screenshot() {
    let browser = example().await;
    shoot(&browser, "cai-dat", "#as-of", "settings").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

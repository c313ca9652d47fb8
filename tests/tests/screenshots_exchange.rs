//! Screenshots of Trao đổi dữ liệu and Lịch sử at 1366×768, for the README. Not part of
//! `make test` (they rewrite tracked files): `make screenshots`.

mod exchange_common;

use std::path::PathBuf;

use cchc_e2e::Browser;
use exchange_common::*;

fn shot(name: &str) -> PathBuf {
    cchc_e2e::dist_dir().join(format!("../docs/screenshots/{name}"))
}

/// Two officers who edited task 1.3's note differently: Bình holds An's file to import.
async fn bình_with_ans_file() -> (Browser, PathBuf, tempfile::TempDir) {
    let an = officer_with_example("Nguyễn Văn An").await;
    paste_and_add(
        &an,
        &row_with("1.3", "30/11/2022", "Đã gửi báo cáo quý III"),
    )
    .await;
    paste_and_add(&an, &row_with("1.5", "20/11/2022", "")).await;
    let dir = scratch();
    let kept = keep(&export(&an, "#export-all").await, dir.path(), "an");
    an.close().await;
    let binh = officer_with_example("Trần Thị Bình").await;
    paste_and_add(
        &binh,
        &row_with("1.3", "15/11/2022", "Chờ số liệu của các bộ phận"),
    )
    .await;
    (binh, kept, dir)
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn exchange_screenshot() {
    let browser = officer_with_example("Nguyễn Văn Phong").await;
    export(&browser, "#export-all").await;
    browser.wait_for("#export-status").await;
    browser.screenshot(&shot("exchange.png")).await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn import_preview_screenshot() {
    let (binh, file, _dir) = bình_with_ans_file().await;
    choose_file(&binh, &file).await;
    binh.wait_for("#import-preview .group.conflicting").await;
    binh.js("document.getElementById('import-title').scrollIntoView()")
        .await;
    binh.screenshot(&shot("import-preview.png")).await;
    binh.assert_no_console_errors().await;
    binh.close().await;
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn history_screenshot() {
    let (binh, file, _dir) = bình_with_ans_file().await;
    import_and_confirm(&binh, &file).await;
    go(&binh, "lich-su").await;
    binh.wait_for("#conflicts tr.conflict").await;
    binh.js("window.scrollTo(0, 0)").await;
    binh.screenshot(&shot("history.png")).await;
    binh.assert_no_console_errors().await;
    binh.close().await;
}

#[tokio::test]
#[ignore = "writes docs/screenshots; run with `make screenshots`"]
async fn paste_preview_screenshot() {
    let browser = Browser::new().await;
    paste_seed_into_a_blank_plan(&browser).await;
    // The table's box at the top of the window, scrolled inside to the rows of domain 2.
    browser
        .js("const box = document.querySelector('#paste-preview-result .table-scroll'); box.scrollIntoView(); \
             box.scrollTop = document.querySelector(\"#paste-rows tr[data-code='2']\").offsetTop - 40; \
             window.scrollBy(0, -110); return true")
        .await;
    browser.screenshot(&shot("paste-preview.png")).await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

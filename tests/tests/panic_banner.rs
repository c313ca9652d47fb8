//! After a panic the wasm module is dead; the banner's buttons are plain JS and must still
//! rescue the officer's data.

use cchc_e2e::Browser;

#[tokio::test]
async fn panic_shows_banner_and_download_rescues_the_data() {
    let browser = Browser::new().await;
    browser.open_single_file().await;
    browser.click("nav a[data-view=cai-dat]").await;
    browser.type_into("#officer-name", "Đ/c Phong").await;
    browser.wait_text("#header-officer", "Đ/c Phong").await;
    browser.assert_no_console_errors().await;

    // Kill the module. The call itself fails (the wasm traps): that is the point.
    let _ = browser
        .client()
        .execute("wasmBindings.debug_panic()", vec![])
        .await;

    browser
        .wait_text("#cchc-panic h2", "Ứng dụng gặp lỗi và đã dừng")
        .await;
    let details = browser.text("#cchc-panic-details").await;
    assert!(details.contains("debug_panic"), "{details}");
    let log = browser.console_log().await;
    assert!(
        log.iter()
            .any(|(level, msg)| level == "SEVERE" && msg.contains("debug_panic")),
        "the panic is logged as an error: {log:#?}"
    );

    browser
        .click("#cchc-panic button[data-cchc-rescue=download]")
        .await;
    let file = browser.wait_download().await;
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("cchc-du-lieu-") && name.ends_with(".json"),
        "{name}"
    );
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).expect("the rescue file is JSON");
    assert_eq!(saved["format"], "cchc-rescue");
    let prefs = saved["keys"]["cchc:prefs"].as_str().unwrap_or_default();
    assert!(prefs.contains("Đ/c Phong"), "{saved}");
    assert!(
        saved["keys"]
            .as_object()
            .unwrap()
            .keys()
            .all(|k| k.starts_with("cchc:")),
        "only our keys: {saved}"
    );

    // Copy details: the handler runs without errors even with the module dead.
    browser
        .click("#cchc-panic button[data-cchc-rescue=copy]")
        .await;
    let errors: Vec<_> = browser
        .console_log()
        .await
        .into_iter()
        .filter(|(level, _)| level == "SEVERE")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    browser.close().await;
}

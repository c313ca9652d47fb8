//! Bad files are refused with a message that says what is wrong, and storage stays byte for
//! byte as it was: a file of a newer version, a file cut short, a JPEG renamed `.json`, and
//! a file over the 10 MB limit. The fixtures are written here, from a real export.

mod exchange_common;

use exchange_common::*;

/// A JPEG's first bytes (JFIF header), then binary noise: what a photo renamed `.json` holds.
fn jpeg() -> Vec<u8> {
    let mut bytes = vec![
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0x01, 0x01, 0x00, 0x00,
        0x48, 0x00, 0x48, 0x00, 0x00, 0xFF, 0xDB, 0x00, 0x43, 0x00,
    ];
    bytes.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    bytes.extend([0xFF, 0xD9]);
    bytes
}

#[tokio::test]
async fn bad_files_are_refused_with_a_message_and_storage_stays_byte_identical() {
    let dir = scratch();
    let browser = officer_with_example("Nguyễn Văn Phong").await;
    let good = std::fs::read_to_string(export(&browser, "#export-all").await).expect("an export");

    let newer = good.replacen("\"schema\":1", "\"schema\":99", 1);
    assert_ne!(newer, good, "the export names its schema");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("phien-ban-99.json", newer.into_bytes(), "phiên bản mới hơn"),
        (
            "bi-cat.json",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "bị cắt cụt",
        ),
        ("anh-chup.json", jpeg(), "không phải tệp chữ JSON"),
        (
            "qua-lon.json",
            vec![b' '; 10 * 1024 * 1024 + 1],
            "Tệp quá lớn",
        ),
    ];

    // Saving waits for a pause after an edit: let the export's save land first.
    browser.wait_text("#save-status", "Đã lưu").await;
    let before = storage(&browser).await;
    assert!(before.keys().any(|k| k.starts_with("cchc:")), "{before:?}");
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).expect("write the fixture");
        choose_file(&browser, &path).await;
        // The refusal of this file, not the one before it: it names the file.
        browser.wait_text_contains("#import-refused", name).await;
        let refused = browser.text("#import-refused").await;
        let message = browser.text("#import-error").await;
        assert!(message.contains(says), "{name}: {message}");
        assert!(
            refused.contains("Dữ liệu của bạn không thay đổi"),
            "{refused}"
        );
        assert!(
            browser
                .client()
                .find(fantoccini::Locator::Css("#import-preview"))
                .await
                .is_err(),
            "{name}: no preview"
        );
        assert_eq!(storage(&browser).await, before, "{name}: storage unchanged");
    }
    browser.wait_text("#save-status", "Đã lưu").await;
    assert_eq!(
        storage(&browser).await,
        before,
        "nothing waits to be saved either"
    );
    browser.assert_no_console_errors().await;
    browser.close().await;
}

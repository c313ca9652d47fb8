//! Issue 5's journey with two browser profiles as two officers: both open the example, edit
//! the same task (each a different field, and one field both), one also edits another task;
//! they send each other their files and import them. Both end identical, every edit is there,
//! and the field both edited is listed as a conflict.
//!
//! Edits go through the paste box: a row of the appendix pasted again with another deadline,
//! unit or note edits that task by its natural key, as an officer correcting the plan does.

mod exchange_common;

use cchc_core::model::records::f;
use cchc_e2e::Browser;
use exchange_common::*;
use serde_json::json;

const AN: &str = "Nguyễn Văn An";
const BINH: &str = "Trần Thị Bình";
const NOTE_AN: &str = "Đã gửi báo cáo quý III";
const NOTE_BINH: &str = "Chờ số liệu của các bộ phận";

/// A row of the seed with the lead unit replaced too.
fn row_with_unit(code: &str, unit: &str, deadline: &str, note: &str) -> String {
    let mut cells: Vec<String> = row_with(code, deadline, note)
        .split('\t')
        .map(str::to_string)
        .collect();
    cells[2] = unit.to_string();
    cells.join("\t")
}

async fn shows_conflict_on_note(browser: &Browser) {
    go(browser, "lich-su").await;
    let row = browser.wait_for("#conflicts tr.conflict").await;
    let text = row.text().await.unwrap_or_default();
    assert!(text.contains("Nhiệm vụ 1.3"), "{text}");
    assert!(text.contains("Ghi chú"), "{text}");
    assert!(
        text.contains(NOTE_AN) && text.contains(NOTE_BINH),
        "both values: {text}"
    );
    assert_eq!(browser.text("#conflict-count").await, "1");
}

#[tokio::test]
async fn two_officers_exchange_files_both_ways_and_end_identical_with_the_conflict_shown() {
    let dir = scratch();
    let an = officer_with_example(AN).await;
    let binh = officer_with_example(BINH).await;

    // An: task 1.3's deadline and note; task 1.5's deadline.
    paste_and_add(&an, &row_with("1.3", "30/11/2022", NOTE_AN)).await;
    paste_and_add(&an, &row_with("1.5", "20/11/2022", "")).await;
    // Bình, later: task 1.3's lead unit and note.
    paste_and_add(
        &binh,
        &row_with_unit(
            "1.3",
            "Công chức Tư pháp - Hộ tịch",
            "15/11/2022",
            NOTE_BINH,
        ),
    )
    .await;

    let from_an = keep(&export(&an, "#export-all").await, dir.path(), "an");
    let from_binh = keep(&export(&binh, "#export-all").await, dir.path(), "binh");

    // Bình imports An's file: the preview shows the conflict before anything changes.
    choose_file(&binh, &from_an).await;
    binh.wait_text("#preview-sender", AN).await;
    binh.wait_text("li[data-outcome=conflicting] strong", "1")
        .await;
    let conflict = binh.text("section[data-outcome=conflicting]").await;
    assert!(
        conflict.contains("Ghi chú") && conflict.contains(NOTE_AN),
        "{conflict}"
    );
    binh.click("#import-confirm").await;
    binh.wait_gone("#import-preview").await;

    // An imports Bình's file.
    choose_file(&an, &from_binh).await;
    an.wait_text("#preview-sender", BINH).await;
    an.click("#import-confirm").await;
    an.wait_gone("#import-preview").await;

    // Both identical: the same records, field by field and stamp by stamp.
    let after_an = decoded(&export(&an, "#export-all").await);
    let after_binh = decoded(&export(&binh, "#export-all").await);
    assert!(
        after_an.doc == after_binh.doc,
        "both officers hold the same plan after the exchange"
    );
    let doc = &after_an.doc;
    let (t13, t15) = (task_of(doc, "1.3"), task_of(doc, "1.5"));
    assert_eq!(
        shown(doc, &t13, f::DEADLINE),
        json!("2022-11-30"),
        "An's deadline"
    );
    assert_eq!(
        shown(doc, &t15, f::DEADLINE),
        json!("2022-11-20"),
        "An's other task"
    );
    let lead = shown(doc, &t13, f::LEAD);
    let tu_phap = doc
        .live_of(cchc_core::model::Kind::Unit)
        .find(|(_, r)| r.get(f::NAME) == Some(&json!("Tư pháp - Hộ tịch")))
        .map(|(id, _)| id.clone())
        .expect("the unit Tư pháp - Hộ tịch");
    assert_eq!(lead, json!([tu_phap]), "Bình's lead unit");
    assert_eq!(
        shown(doc, &t13, f::NOTE),
        json!(NOTE_BINH),
        "the later note shows"
    );
    let others: Vec<_> = doc.get(&t13).expect("task 1.3").fields[f::NOTE]
        .conflicts()
        .map(|w| w.value.clone())
        .collect();
    assert_eq!(
        others,
        [json!(NOTE_AN)],
        "An's note is kept as the conflict"
    );

    // The shared field is a conflict on both sides, said in words.
    shows_conflict_on_note(&binh).await;
    shows_conflict_on_note(&an).await;

    an.assert_no_console_errors().await;
    binh.assert_no_console_errors().await;
    an.close().await;
    binh.close().await;
}

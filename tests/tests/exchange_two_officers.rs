//! Issue 5's journey with two browser profiles as two officers: both open the example and edit
//! task 1.3 in the task editor (An its status, Bình its leader, both its note); An also edits
//! task 1.5. They send each other their files and import them. Both end identical, every edit
//! is there, and the note both edited is listed as a conflict on both sides.

mod exchange_common;

use cchc_core::model::records::f;
use cchc_e2e::Browser;
use exchange_common::*;
use serde_json::json;

const AN: &str = "Nguyễn Văn An";
const BINH: &str = "Trần Thị Bình";
const NOTE_AN: &str = "Đã gửi báo cáo quý III";
const NOTE_BINH: &str = "Chờ số liệu của các bộ phận";

async fn shows_conflict_on_note(browser: &Browser) {
    shows_note_conflict(browser, "1.3", &[NOTE_AN, NOTE_BINH]).await;
}

#[tokio::test]
async fn two_officers_exchange_files_both_ways_and_end_identical_with_the_conflict_shown() {
    let dir = scratch();
    let an = officer_with_example(AN).await;
    let binh = officer_with_example(BINH).await;

    // An: task 1.3's status and note; task 1.5's progress.
    open_task(&an, "1.3").await;
    an.wait_for("#task-status")
        .await
        .select_by_value("in_progress")
        .await
        .expect("choose a status");
    saved(&an).await;
    an.retype("#task-note", NOTE_AN).await;
    saved(&an).await;
    open_task(&an, "1.5").await;
    an.retype("#task-progress", "50").await;
    saved(&an).await;
    // Bình, later: task 1.3's leader and note.
    open_task(&binh, "1.3").await;
    binh.retype("#task-leader", "Đ/c Hùng").await;
    saved(&binh).await;
    binh.retype("#task-note", NOTE_BINH).await;
    saved(&binh).await;

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
        shown(doc, &t13, f::STATUS),
        json!("in_progress"),
        "An's status"
    );
    assert_eq!(shown(doc, &t15, f::PROGRESS), json!(50), "An's other task");
    assert_eq!(
        shown(doc, &t13, f::LEADER),
        json!("Đ/c Hùng"),
        "Bình's leader"
    );
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

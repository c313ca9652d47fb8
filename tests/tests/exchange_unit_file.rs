//! One unit's part exported as its own file: a readable name, the unit as scope, only that
//! unit's records; imported by the office it is previewed as that unit's part and, carrying
//! an edit, changes only that.

mod exchange_common;

use cchc_core::exchange::Scope;
use cchc_core::model::records::f;
use exchange_common::*;
use serde_json::json;

const UNIT: &str = "Tư pháp - Hộ tịch";

#[tokio::test]
async fn a_units_part_exports_under_its_name_and_imports_as_that_part() {
    let dir = scratch();
    let unit_officer = officer_with_example("Đ/c Long").await;
    let office = officer_with_example("Văn phòng UBND").await;

    // The unit officer notes progress on a Tư pháp task by pasting its row corrected.
    paste_and_add(
        &unit_officer,
        &row_with("2.2", "Hàng tháng, hàng quý", "Đã rà soát 12 văn bản"),
    )
    .await;

    go(&unit_officer, "trao-doi").await;
    unit_officer
        .wait_for("#export-unit")
        .await
        .select_by_label(UNIT)
        .await
        .expect("choose the unit");
    let path = keep(
        &download(&unit_officer, "#export-unit-button").await,
        dir.path(),
        "long",
    );
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    assert!(
        name.starts_with("cchc-son-linh-2022-tu-phap-ho-tich-") && name.ends_with(".json"),
        "{name}"
    );
    let file = decoded(&path);
    match &file.header.scope {
        Scope::Unit { name, .. } => assert_eq!(name, UNIT),
        other => panic!("scope {other:?}"),
    }
    assert_eq!(file.header.exported_by, "Đ/c Long");
    let whole = decoded(&export(&unit_officer, "#export-all").await);
    assert!(
        file.doc.records.len() < whole.doc.records.len() / 2,
        "only the unit's part: {} of {}",
        file.doc.records.len(),
        whole.doc.records.len()
    );

    choose_file(&office, &path).await;
    office
        .wait_text("#preview-scope", &format!("Phần của bộ phận {UNIT}"))
        .await;
    office
        .wait_text("li[data-outcome=updated] strong", "1")
        .await;
    office.wait_text("li[data-outcome=added] strong", "0").await;
    office.click("#import-confirm").await;
    office.wait_gone("#import-preview").await;
    let doc = decoded(&export(&office, "#export-all").await).doc;
    let t22 = task_of(&doc, "2.2");
    assert_eq!(shown(&doc, &t22, f::NOTE), json!("Đã rà soát 12 văn bản"));
    assert_eq!(
        doc.records.len(),
        whole.doc.records.len(),
        "a unit's file adds or deletes nothing else"
    );

    unit_officer.assert_no_console_errors().await;
    office.assert_no_console_errors().await;
    unit_officer.close().await;
    office.close().await;
}

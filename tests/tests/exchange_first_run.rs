//! A new officer's first day: a colleague's file, imported from the first-run choice into a
//! browser that holds nothing, gives the whole plan, and the preview said what would come.

mod exchange_common;

use cchc_e2e::Browser;
use exchange_common::*;

#[tokio::test]
async fn a_colleagues_file_imported_on_first_run_gives_the_plan() {
    let dir = scratch();
    let colleague = officer_with_example("Nguyễn Văn Phong").await;
    let file = keep(
        &export(&colleague, "#export-all").await,
        dir.path(),
        "phong",
    );
    colleague.close().await;

    let newcomer = Browser::new().await;
    newcomer.open_single_file().await;
    newcomer.click("#import-file").await;
    newcomer.wait_for("section[data-view=trao-doi]").await;
    choose_file(&newcomer, &file).await;
    newcomer
        .wait_text("#preview-sender", "Nguyễn Văn Phong")
        .await;
    let added: usize = newcomer
        .text("li[data-outcome=added] strong")
        .await
        .parse()
        .expect("a count");
    assert_eq!(
        added,
        cchc_core::model::seed::example().records.len(),
        "every record of the plan is new here"
    );
    newcomer
        .wait_text("li[data-outcome=conflicting] strong", "0")
        .await;
    newcomer.click("#import-confirm").await;
    newcomer.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    let said = newcomer.text("#flash").await;
    assert!(said.starts_with("Đã gộp tệp"), "{said}");
    newcomer.assert_no_console_errors().await;
    newcomer.close().await;
}

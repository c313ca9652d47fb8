//! Component tests of the data views in a real browser: the logic that lives in a view —
//! inline score edits and their refusals, the task filters, text from data shown as text,
//! twenty steps of undo — checked through the DOM an officer uses.

use cchc_core::model::workspace::{Action, Ctx, Op};
use cchc_core::model::{seed, Workspace};
use wasm_bindgen_test::wasm_bindgen_test;

use super::i18n;
use super::test_support::{example, mount, wait_until as until};

const SELF_1_3: &str = "input[data-code='1.3'][data-which='self']";

#[wasm_bindgen_test]
async fn an_inline_score_reads_both_decimal_marks_and_refuses_text_and_excess() {
    let app = mount(&example(), "#/tieu-chi");
    let words = i18n::t().model;
    let undo_disabled = || {
        app.find("#undo")
            .is_some_and(|b| b.has_attribute("disabled"))
    };
    assert!(undo_disabled());

    app.send(SELF_1_3, "abc", "change");
    let refusal = (words.input_error)(&cchc_core::model::edit::InputError::NotANumber(
        "abc".into(),
    ));
    until("the refusal", || app.text("#criteria-error") == refusal).await;
    assert_eq!(
        app.value(SELF_1_3),
        "abc",
        "the typed text stays, to correct"
    );
    assert!(app.find(&format!("{SELF_1_3}[aria-invalid]")).is_some());
    assert!(undo_disabled(), "nothing was edited");

    app.send(SELF_1_3, "1,25", "change");
    let above = (words.input_error)(&cchc_core::model::edit::InputError::AboveMax(
        cchc_core::model::Decimal::from_int(1),
    ));
    until("the refusal above the max", || {
        app.text("#criteria-error") == above
    })
    .await;
    assert!(undo_disabled(), "nothing was edited");

    app.send(SELF_1_3, "0.75", "change");
    until("the score saved", || app.text("#criteria-error").is_empty()).await;
    until("the cell shows a comma", || app.value(SELF_1_3) == "0,75").await;
    assert!(app.find(&format!("{SELF_1_3}[aria-invalid]")).is_none());
    assert!(!undo_disabled());
}

const TU_PHAP: [&str; 11] = [
    "1.2", "1.7", "2.2", "2.2.1", "2.2.3", "2.3.1", "2.3.2", "3.2.2", "7.1.1.1", "7.1.2.7", "7.2.1",
];

#[wasm_bindgen_test]
async fn the_filter_controls_narrow_and_sort_the_task_list() {
    let app = mount(&example(), "#/nhiem-vu");
    until("the list", || app.codes("task-table").len() == 42).await;
    let tp = cchc_core::model::ids::unit(seed::COMMUNE, "Tư pháp - Hộ tịch");

    app.send("#filter-unit", &tp, "change");
    until("the unit's rows", || app.codes("task-table") == TU_PHAP).await;

    app.send("#filter-status", "done", "change");
    until("no done task", || {
        app.find("#task-table.empty, p#task-table").is_some()
    })
    .await;
    app.click("#clear-filters");
    until("every row again", || app.codes("task-table").len() == 42).await;

    app.send("#task-search", "CAI CÁCH", "input");
    until("one row", || app.codes("task-table") == ["8"]).await;
    app.send("#task-search", "", "input");

    app.send("#filter-domain", "3", "change");
    until("domain 3", || {
        app.codes("task-table") == ["3", "3", "3", "3.2.2", "3.5.2", "3.5.3"]
    })
    .await;
    app.send("#sort", "han", "change");
    until("soonest first", || app.codes("task-table")[0] == "3.5.2").await;
}

#[wasm_bindgen_test]
async fn text_from_data_is_shown_as_text_never_as_markup() {
    let mut ws = example();
    let hostile = "<img src=x onerror=\"window.__hacked=1\"><b>đậm</b>";
    let ctx = Ctx {
        now_ms: 1,
        who: "t".into(),
    };
    let id = task_of(&ws, "1.3");
    ws.apply(Action::Edit, vec![Op::set(&id, "title", hostile)], &ctx)
        .unwrap();
    let app = mount(&ws, "#/nhiem-vu");
    until("the list", || app.codes("task-table").len() == 42).await;
    let cell = app.find("tr[data-code='1.3'] td.title").unwrap();
    assert_eq!(cell.text_content().unwrap(), hostile);
    assert!(
        cell.query_selector("img, b").unwrap().is_none(),
        "no markup made"
    );
}

/// The id of the example's task for `code`.
fn task_of(ws: &Workspace, code: &str) -> String {
    let v = cchc_core::model::PlanView::build(&ws.doc, &seed::plan_id()).unwrap();
    let code = cchc_core::model::Code::parse(code).unwrap();
    let id = v.tasks_of(&code).next().unwrap().id.clone();
    id
}

#[wasm_bindgen_test]
async fn twenty_edits_are_undone_one_by_one() {
    let app = mount(&example(), "#/tieu-chi");
    let undo_ready = || app.find("#undo:not([disabled])").is_some();
    for i in 1..=21 {
        app.send(SELF_1_3, &format!("0,{i:02}"), "change");
    }
    for i in (1..=20).rev() {
        // The button follows the workspace in a later task.
        until("undo enabled", undo_ready).await;
        app.click("#undo");
        let want = format!("0,{i:02}");
        let want = want.trim_end_matches('0').to_string();
        until(&format!("undo to {want}"), || app.value(SELF_1_3) == want).await;
    }
    assert_eq!(app.value(SELF_1_3), "0,01");
}

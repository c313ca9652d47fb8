//! Component tests of the edits an officer makes in the data views, in a real browser: bulk
//! status, restoring the example and clearing all behind a confirmation, next year's plan and
//! the year switcher, units and officers, criteria, targets, and undo/redo from the keyboard.
//! The as-of date is pinned to 15/10/2022.

use cchc_core::model::edit::{record_target_value, InputError};
use cchc_core::model::form::{set_field, Input};
use cchc_core::model::records::f;
use cchc_core::model::view::plans;
use cchc_core::model::workspace::{Action, Ctx, Op};
use cchc_core::model::{ids, seed, Code, Decimal, PlanView, Workspace};
use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::Element;

use super::i18n;
use super::test_support::{
    example, hash, mount_stored, poll, set_hash, store, wait_until, Mounted,
};
use crate::state::PREFS_KEY;
use crate::storage;
use crate::storage::workspace::read_stored;

const SELF_1_3: &str = "input[data-code='1.3'][data-which='self']";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// `ws` stored, the as-of date pinned to 15/10/2022, the app mounted at `hash`.
fn mount_on_15_10_2022(ws: &Workspace, hash: &str) -> Mounted {
    store(ws);
    storage::set(PREFS_KEY, r#"{"as_of":"2022-10-15"}"#).unwrap();
    mount_stored(hash)
}

fn example_view() -> PlanView {
    PlanView::build(&seed::example(), &seed::plan_id()).unwrap()
}

fn edit(ws: &mut Workspace, ops: Vec<Op>) {
    let ctx = Ctx {
        now_ms: 1,
        who: "t".into(),
    };
    ws.apply(Action::Edit, ops, &ctx).unwrap();
}

fn rows(app: &Mounted, table: &str) -> Vec<Element> {
    let list = app
        .root
        .query_selector_all(&format!("#{table} tbody tr"))
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// The record id (`data-k`) of the row of `table` whose first field holds `value`.
fn row_with(app: &Mounted, table: &str, value: &str) -> Option<String> {
    rows(app, table).into_iter().find_map(|row| {
        let field = row.query_selector("input").ok().flatten()?;
        let shown = js_sys::Reflect::get(&field, &"value".into())
            .ok()?
            .as_string();
        (shown.as_deref() == Some(value)).then(|| row.get_attribute("data-k"))?
    })
}

/// A Ctrl+key press from outside any text field, as the officer's keyboard sends it.
fn press_ctrl(key: &str) {
    let send = js_sys::Function::new_with_args(
        "key",
        "document.body.dispatchEvent(new KeyboardEvent('keydown', \
         {key, ctrlKey: true, bubbles: true, cancelable: true}))",
    );
    send.call1(&wasm_bindgen::JsValue::NULL, &key.into())
        .unwrap();
}

#[wasm_bindgen_test]
async fn bulk_status_marks_every_selected_task_in_one_undoable_edit() {
    let app = mount_on_15_10_2022(&example(), "#/nhiem-vu");
    wait_until("the list", || app.codes("task-table").len() == 42).await;
    assert!(
        app.find("#bulk-count").is_none(),
        "no bulk form before a pick"
    );
    app.click("tr[data-code='1.2'] input[data-a=pick]");
    app.click("tr[data-code='1.3'] input[data-a=pick]");
    app.wait_for("#bulk-count").await;
    assert_eq!(
        app.text("#bulk-count"),
        (i18n::t().tasks.selected)(2),
        "the count of chosen tasks"
    );
    app.send("#bulk-status", "done", "change");
    app.click("#bulk-apply");
    wait_until("the selection emptied", || {
        app.find("#bulk-count").is_none()
    })
    .await;

    app.send("#filter-status", "done", "change");
    wait_until("both done", || app.codes("task-table") == ["1.2", "1.3"]).await;
    app.click("#undo");
    wait_until("one undo takes both back", || {
        app.find("p#task-table.empty").is_some()
    })
    .await;
}

/// Goes to Tiêu chí, waits for 1.3's self-assessed score to read `want`, comes back.
async fn shows_self_score_of_1_3(app: &Mounted, want: &str) {
    set_hash("#/tieu-chi");
    wait_until(&format!("1.3 self-assessed {want}"), || {
        app.find(SELF_1_3).is_some() && app.value(SELF_1_3) == want
    })
    .await;
    set_hash("#/cai-dat");
    app.wait_for("#restore-example").await;
}

#[wasm_bindgen_test]
async fn restoring_the_example_asks_first_then_puts_it_back() {
    let mut ws = example();
    let id = example_view()
        .criteria
        .iter()
        .find(|c| c.code == Code::parse("1.3"))
        .unwrap()
        .id
        .clone();
    edit(
        &mut ws,
        vec![set_field(&id, f::SELF, Input::Points, "0,5").unwrap()],
    );
    let shipped = example_view()
        .criteria
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| c.self_score)
        .map(|p| p.to_vi())
        .unwrap_or_default();
    assert_ne!(shipped, "0,5");
    let app = mount_on_15_10_2022(&ws, "#/cai-dat");
    app.click("#restore-example");
    app.wait_for("#restore-example-dong-y").await;
    app.click(".confirm button[data-a=no]");
    wait_until("the question gone", || app.find(".confirm").is_none()).await;
    shows_self_score_of_1_3(&app, "0,5").await;

    app.click("#restore-example");
    app.wait_for("#restore-example-dong-y").await.click();
    wait_until("the question gone", || app.find(".confirm").is_none()).await;
    shows_self_score_of_1_3(&app, &shipped).await;
}

#[wasm_bindgen_test]
async fn clearing_all_data_asks_first_then_leaves_the_first_run() {
    let app = mount_on_15_10_2022(&example(), "#/cai-dat");
    let t = i18n::t();
    app.click("#clear-all");
    app.wait_for("#clear-all-dong-y").await;
    app.click(".confirm button[data-a=no]");
    wait_until("the question gone", || app.find(".confirm").is_none()).await;
    assert!(app.text("#plan-line").starts_with("Sơn Lĩnh 2022"));
    assert!(app.find("section.first-run").is_none());

    app.click("#clear-all");
    app.wait_for("#clear-all-dong-y").await.click();
    wait_until("no plan in the header", || {
        app.text("#plan-line") == t.shell.no_plan_yet
    })
    .await;
    // The officer is taken to Tổng quan, where the first-run choice waits.
    app.wait_for("section.first-run").await;
    assert_eq!(hash(), "#/tong-quan");
    let cleared = poll(|| read_stored().is_some_and(|ws| plans(&ws.doc).is_empty())).await;
    assert!(cleared, "no plan left in storage");
}

#[wasm_bindgen_test]
async fn next_years_plan_keeps_the_commune_and_joins_the_year_switcher() {
    let app = mount_on_15_10_2022(&example(), "#/ke-hoach");
    app.wait_for("#new-year-plan").await;
    assert!(
        app.find("#plan-switcher").is_none(),
        "one plan, no switcher"
    );

    app.click("#new-year-plan");
    wait_until("the 2023 plan shown", || {
        app.text("#plan-name") == "Sơn Lĩnh 2023"
    })
    .await;
    wait_until("its year", || app.value("#plan-year") == "2023").await;
    assert_eq!(app.value("#plan-base-year"), "2022");
    assert_eq!(app.value("#plan-commune"), "Sơn Lĩnh");
    assert_eq!(app.value("#plan-ranked"), "25");
    assert_eq!(app.value("#plan-level"), "district");
    assert_eq!(app.value("#plan-base-score"), "", "from the decision");
    assert_eq!(app.value("#plan-number"), "", "a new document");
    let options = || {
        app.find("#plan-switcher")
            .map(|s| s.query_selector_all("option").unwrap().length())
    };
    assert_eq!(options(), Some(2));

    set_hash("#/bo-phan");
    let old = example_view();
    wait_until("the commune's units", || {
        rows(&app, "units-table").len() == old.units.len()
    })
    .await;
    assert_eq!(rows(&app, "officers-table").len(), old.officers.len());

    app.send("#plan-switcher", &seed::plan_id(), "change");
    wait_until("back to 2022", || app.text("#plan-name") == "Sơn Lĩnh 2022").await;
    set_hash("#/ke-hoach");
    app.wait_for("#new-year-plan").await;
    app.click("#new-year-plan");
    wait_until("2023 shown again", || {
        app.text("#plan-name") == "Sơn Lĩnh 2023"
    })
    .await;
    assert_eq!(options(), Some(2), "not a second 2023 plan");

    app.click("#undo");
    wait_until("one undo removes it", || {
        app.find("#plan-switcher").is_none()
    })
    .await;
    assert_eq!(app.text("#plan-name"), "Sơn Lĩnh 2022");
}

#[wasm_bindgen_test]
async fn units_and_officers_are_added_renamed_and_removed() {
    let app = mount_on_15_10_2022(&example(), "#/bo-phan");
    let words = i18n::t().model;
    app.wait_for("#units-table").await;

    app.send("#new-unit-name", "Quân sự", "input");
    app.click("#add-unit");
    wait_until("the new unit", || {
        row_with(&app, "units-table", "Quân sự").is_some()
    })
    .await;
    let unit = row_with(&app, "units-table", "Quân sự").unwrap();
    app.send(&format!("[id='unit-{unit}']"), "Công an", "change");
    // The field holds what was typed either way: the unit lists show the saved name.
    let listed = format!("#new-officer-unit option[value='{unit}']");
    wait_until("renamed", || app.text(&listed) == "Công an").await;

    app.send("#new-officer-name", "Nguyễn Văn An", "input");
    app.send("#new-officer-unit", &unit, "change");
    app.click("#add-officer");
    wait_until("the new officer", || {
        row_with(&app, "officers-table", "Nguyễn Văn An").is_some()
    })
    .await;
    let officer = row_with(&app, "officers-table", "Nguyễn Văn An").unwrap();
    assert_eq!(app.value(&format!("[id='officer-unit-{officer}']")), unit);
    app.send(
        &format!("[id='officer-{officer}']"),
        "Nguyễn Văn Ba",
        "change",
    );
    let saved_name = || {
        read_stored()
            .and_then(|ws| ws.doc.get(&officer).and_then(|r| r.get(f::NAME)).cloned())
            .and_then(|name| name.as_str().map(str::to_string))
    };
    let renamed = poll(|| saved_name().as_deref() == Some("Nguyễn Văn Ba")).await;
    assert!(renamed, "the officer's saved name: {:?}", saved_name());
    app.click(&format!("button[data-a=officer-del][data-id='{officer}']"));
    wait_until("the officer removed", || {
        app.find(&format!("#officers-table tr[data-k='{officer}']"))
            .is_none()
    })
    .await;
    app.click(&format!("[id='del-{unit}']"));
    wait_until("the unit removed", || {
        app.find(&format!("#units-table tr[data-k='{unit}']"))
            .is_none()
    })
    .await;

    // Tư pháp - Hộ tịch leads the eleven tasks EXPECTED.md lists: it stays.
    let tu_phap = ids::unit(seed::COMMUNE, "Tư pháp - Hộ tịch");
    app.click(&format!("[id='del-{tu_phap}']"));
    let refusal = (words.input_error)(&InputError::InUse { tasks: 11 });
    wait_until("the refusal", || app.text("#people-error") == refusal).await;
    assert!(app
        .find(&format!("#units-table tr[data-k='{tu_phap}']"))
        .is_some());
}

#[wasm_bindgen_test]
async fn a_criterion_is_added_then_deleted_after_the_question() {
    let app = mount_on_15_10_2022(&example(), "#/tieu-chi");
    app.wait_for("#add-criterion").await;
    assert!(app.find("tr[data-code='1.9']").is_none());
    app.send("#new-criterion-code", "1.9", "input");
    app.send("#new-criterion-title", "Tiêu chí thêm", "input");
    app.click("#add-criterion");
    app.wait_for("tr[data-code='1.9']").await;
    app.wait_for("#criterion-editor").await;

    app.click("#delete-criterion");
    app.wait_for("#delete-criterion-dong-y").await.click();
    wait_until("the row gone", || app.find("tr[data-code='1.9']").is_none()).await;
    assert!(app.find("#criterion-editor").is_none());
}

#[wasm_bindgen_test]
async fn a_targets_goal_is_edited_and_a_new_value_keeps_the_dated_history() {
    let mut ws = example();
    let target = example_view().targets[0].id.clone();
    let earlier = record_target_value(&target, d(2022, 9, 30), "30").unwrap();
    edit(&mut ws, vec![earlier]);
    let app = mount_on_15_10_2022(&ws, "#/tong-quan");
    let goal = format!("[id='goal-{target}']");
    let current = || {
        app.find(&goal)
            .and_then(|g| g.closest("tr").ok().flatten())
            .and_then(|row| row.query_selector("td.num").ok().flatten())
            .and_then(|cell| cell.text_content())
            .unwrap_or_default()
    };
    wait_until("the value of 30/09", || current() == "30 (30/09/2022)").await;

    app.send(&goal, "90", "change");
    wait_until("the goal", || app.value(&goal) == "90").await;
    app.send(&format!("[id='value-{target}']"), "42,5", "change");
    wait_until("the value of today", || current() == "42,5 (15/10/2022)").await;

    let stored = || {
        read_stored()
            .and_then(|ws| PlanView::build(&ws.doc, &seed::plan_id()))
            .and_then(|v| v.targets.into_iter().find(|g| g.id == target))
    };
    let dec = |s| Decimal::parse(s).unwrap();
    let want = vec![(d(2022, 9, 30), dec("30")), (d(2022, 10, 15), dec("42,5"))];
    let saved =
        poll(|| stored().is_some_and(|g| g.goal == Some(dec("90")) && g.history == want)).await;
    assert!(saved, "saved: {:?}", stored());
}

#[wasm_bindgen_test]
async fn ctrl_z_and_ctrl_y_undo_and_redo_the_last_edit() {
    let app = mount_on_15_10_2022(&example(), "#/tieu-chi");
    app.wait_for(SELF_1_3).await;
    let before = app.value(SELF_1_3);
    app.send(SELF_1_3, "0,5", "change");
    wait_until("the edit", || app.value(SELF_1_3) == "0,5").await;
    wait_until("undo enabled", || {
        app.find("#undo:not([disabled])").is_some()
    })
    .await;

    press_ctrl("z");
    wait_until("undone", || app.value(SELF_1_3) == before).await;
    press_ctrl("y");
    wait_until("redone", || app.value(SELF_1_3) == "0,5").await;
}

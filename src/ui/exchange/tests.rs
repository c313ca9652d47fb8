//! Component tests of Trao đổi dữ liệu and Lịch sử in a real browser: the whole app mounted,
//! files chosen through the file input, clicks, and what storage holds before and after.

use cchc_core::exchange::format::{self, FORMAT, SCHEMA};
use cchc_core::exchange::{export, Header, Scope};
use cchc_core::model::records::f;
use cchc_core::model::workspace::{Action, Ctx, Op, Workspace};
use cchc_core::model::{seed, Code, PlanView, ReplicaId};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

use crate::storage::{self, workspace as stored};
use crate::ui::i18n;
use crate::ui::test_support::{click, mount, poll, query, text, wait_for, wait_gone};

const SEED: &str = include_str!("../../../core/tests/seed/ke-hoach-12-KH-UBND-son-linh.txt");

/// Every key of ours with its value, exactly as stored.
fn storage_dump() -> Vec<(String, String)> {
    storage::keys()
        .unwrap()
        .into_iter()
        .map(|k| {
            let v = storage::get(&k).unwrap().unwrap_or_default();
            (k, v)
        })
        .collect()
}

/// Waits until the saved workspace (saving waits for a pause in the edits) shows `want`.
async fn wait_saved(id: &str, field: &str, want: Value) {
    let mut last = Value::Null;
    let saved = poll(|| {
        last = stored::read_stored()
            .and_then(|ws| ws.doc.get(id).and_then(|r| r.get(field)).cloned())
            .unwrap_or(Value::Null);
        last == want
    })
    .await;
    assert!(saved, "saved {id}.{field} is {last}, want {want}");
}

/// One officer's copy of the example.
fn officer(replica: u64) -> Workspace {
    let mut ws = Workspace::new(ReplicaId(replica));
    ws.doc = seed::example();
    ws
}

fn edit(ws: &mut Workspace, id: &str, field: &str, value: Value, ms: u64) {
    let ctx = Ctx {
        now_ms: ms,
        who: "An".into(),
    };
    ws.apply(Action::Edit, vec![Op::set(id, field, value)], &ctx)
        .unwrap();
}

fn task_id(code: &str) -> String {
    let view = PlanView::build(&seed::example(), &seed::plan_id()).unwrap();
    let code = Code::parse(code).unwrap();
    let id = view.tasks_of(&code).next().unwrap().id.clone();
    id
}

/// The file `ws` exports, as An sends it.
fn file_of(ws: &Workspace) -> Vec<u8> {
    let header = Header {
        format: FORMAT.into(),
        schema: SCHEMA,
        app: "test".into(),
        exported_at: "2022-10-15T09:30:00+07:00".into(),
        exported_by: "Nguyễn Văn An".into(),
        scope: Scope::Workspace,
        replica: ws.replica().to_text(),
    };
    format::encode(&export::workspace(&ws.doc, header)).into_bytes()
}

/// Chooses a file in the import's input, as the file picker would.
fn choose(root: &HtmlElement, name: &str, bytes: &[u8]) {
    let input = query(root, "#import-file").expect("the file input");
    let pick = js_sys::Function::new_with_args(
        "input, bytes, name",
        "const dt = new DataTransfer(); dt.items.add(new File([bytes], name)); \
         input.files = dt.files; input.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    pick.call3(
        &JsValue::NULL,
        &input,
        &js_sys::Uint8Array::from(bytes),
        &JsValue::from_str(name),
    )
    .unwrap();
}

/// Drops a file on the drop zone, as dragging it from the file manager does.
fn drop_file(root: &HtmlElement, name: &str, bytes: &[u8]) {
    let zone = query(root, "#drop-zone").expect("the drop zone");
    let drop = js_sys::Function::new_with_args(
        "zone, bytes, name",
        "const dt = new DataTransfer(); dt.items.add(new File([bytes], name)); \
         zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt })); \
         zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));",
    );
    drop.call3(
        &JsValue::NULL,
        &zone,
        &js_sys::Uint8Array::from(bytes),
        &JsValue::from_str(name),
    )
    .unwrap();
}

#[wasm_bindgen_test]
async fn a_dropped_file_is_previewed_like_a_chosen_one() {
    let t13 = task_id("1.3");
    let mut an = officer(9);
    edit(&mut an, &t13, f::NOTE, json!("Kéo thả"), 2_000);
    let app = mount(&officer(5), "#/trao-doi");
    drop_file(&app.root, "keo-tha.json", &file_of(&an));
    wait_for(&app.root, "#import-preview").await;
    assert_eq!(text(&app.root, "#preview-file"), "keo-tha.json");
    assert_eq!(text(&app.root, "li[data-outcome=updated] strong"), "1");
    click(&app.root, "#import-cancel");
    wait_gone(&app.root, "#import-preview").await;
    assert_eq!(
        text(&app.root, "#import-status"),
        i18n::t().exchange.cancelled
    );
}

#[wasm_bindgen_test]
async fn a_file_of_a_newer_version_is_refused_with_the_reason_and_nothing_changes() {
    let app = mount(&officer(5), "#/trao-doi");
    let before = storage_dump();
    let t = i18n::t().exchange;
    choose(
        &app.root,
        "tu-phap.json",
        br#"{"format":"cchc-plan","schema":99,"records":{}}"#,
    );
    wait_for(&app.root, "#import-refused").await;
    let message = text(&app.root, "#import-error");
    assert!(message.contains("phiên bản mới hơn"), "{message}");
    assert!(text(&app.root, "#import-refused").contains("tu-phap.json"));
    assert!(text(&app.root, "#import-refused").contains(t.nothing_changed));
    assert!(query(&app.root, "#import-preview").is_none());
    assert_eq!(storage_dump(), before, "storage untouched");
}

#[wasm_bindgen_test]
async fn a_wrong_type_names_the_field_and_the_record() {
    let app = mount(&officer(5), "#/trao-doi");
    let before = storage_dump();
    let bad = br#"{"format":"cchc-plan","schema":1,"replicas":["1"],"records":{"t1":{"kind":"criterion","fields":{"max":[0.75,"1.0"]}}}}"#;
    choose(&app.root, "sai.json", bad);
    wait_for(&app.root, "#import-refused").await;
    let message = text(&app.root, "#import-error");
    assert!(message.contains("“max”"), "{message}");
    assert!(message.contains("t1"), "{message}");
    assert!(message.contains("records.t1.fields.max"), "{message}");
    assert_eq!(storage_dump(), before);
}

#[wasm_bindgen_test]
async fn a_colleagues_file_is_previewed_merged_on_confirm_and_undone_in_one_click() {
    let t13 = task_id("1.3");
    let mut an = officer(9);
    edit(
        &mut an,
        &t13,
        f::NOTE,
        json!("Đã nộp báo cáo quý III"),
        2_000,
    );
    let app = mount(&officer(5), "#/trao-doi");
    let before = storage_dump();
    choose(&app.root, "an.json", &file_of(&an));
    let preview = wait_for(&app.root, "#import-preview").await;
    let t = i18n::t().exchange;
    assert_eq!(text(&app.root, "#preview-sender"), "Nguyễn Văn An");
    assert_eq!(text(&app.root, "#preview-at"), "15/10/2022 09:30");
    assert_eq!(
        text(&app.root, "li[data-outcome=updated] strong"),
        "1",
        "{}",
        preview.text_content().unwrap_or_default()
    );
    let updated = text(&app.root, "section[data-outcome=updated]");
    assert!(
        updated.contains("Nhiệm vụ 1.3 “Báo cáo định kỳ"),
        "labelled by kind, code and title: {updated}"
    );
    assert!(
        updated.contains("Ghi chú"),
        "field name in words: {updated}"
    );
    assert!(updated.contains("Đã nộp báo cáo quý III"));
    assert_eq!(storage_dump(), before, "nothing changes before confirming");

    click(&app.root, "#import-confirm");
    wait_gone(&app.root, "#import-preview").await;
    assert!(text(&app.root, "#import-status").starts_with("Đã gộp tệp “an.json”"));
    wait_saved(&t13, f::NOTE, json!("Đã nộp báo cáo quý III")).await;

    click(&app.root, "#undo-import");
    leptos::task::tick().await;
    assert_eq!(
        text(&app.root, "#import-status"),
        crate::ui::i18n::exchange::fill(t.undo_import_done, &["an.json"])
    );
    wait_saved(&t13, f::NOTE, Value::Null).await;
}

#[wasm_bindgen_test]
async fn a_conflict_defaults_to_the_later_edit_and_the_officer_may_keep_theirs() {
    let t13 = task_id("1.3");
    let mut mine = officer(5);
    edit(&mut mine, &t13, f::LEADER, json!("Đ/c Hùng"), 1_000);
    let mut an = officer(9);
    edit(&mut an, &t13, f::LEADER, json!("Đ/c Tuấn"), 2_000);
    let app = mount(&mine, "#/trao-doi");
    choose(&app.root, "an.json", &file_of(&an));
    wait_for(&app.root, "#import-preview").await;
    assert_eq!(text(&app.root, "li[data-outcome=conflicting] strong"), "1");
    let theirs: web_sys::HtmlInputElement = query(&app.root, "tr.conflict input[data-side=theirs]")
        .unwrap()
        .unchecked_into();
    assert!(
        theirs.checked(),
        "the later edit (the file's) is the default"
    );
    let mine_radio = query(&app.root, "tr.conflict input[data-side=mine]").unwrap();
    mine_radio.click();
    click(&app.root, "#import-confirm");
    wait_gone(&app.root, "#import-preview").await;
    wait_saved(&t13, f::LEADER, json!("Đ/c Hùng")).await;
    let ws = stored::read_stored().unwrap();
    let leader = &ws.doc.get(&t13).unwrap().fields[f::LEADER];
    assert_eq!(leader.value(), &json!("Đ/c Hùng"), "the officer's choice");
    assert!(!leader.has_conflict(), "choosing settles it");
}

#[wasm_bindgen_test]
async fn hostile_titles_show_as_text() {
    let mut an = officer(9);
    let t13 = task_id("1.3");
    let hostile = "<img src=x onerror=alert(1)><script>alert(1)</script>";
    edit(&mut an, &t13, f::NOTE, json!(hostile), 2_000);
    let app = mount(&officer(5), "#/trao-doi");
    choose(&app.root, "an.json", &file_of(&an));
    let preview = wait_for(&app.root, "#import-preview").await;
    assert!(preview.text_content().unwrap_or_default().contains(hostile));
    assert!(preview.query_selector("img, script").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn pasting_the_appendix_shows_the_slips_and_twice_adds_nothing() {
    // Into the example: the same plan, so nothing new, and the slips are shown.
    let app = mount(&officer(5), "#/trao-doi");
    let before = storage_dump();
    let t = i18n::t().exchange;
    paste_preview(&app.root, SEED).await;
    assert!(
        query(&app.root, "#paste-changes").is_none(),
        "nothing to change"
    );
    let row = |code: &str| {
        text(
            &app.root,
            &format!("#paste-rows tr[data-code='{code}'] td.doubts"),
        )
    };
    assert!(row("2.2").contains("1,75"), "2.2: {}", row("2.2"));
    assert!(
        row("2.3.2").contains("150/175") || row("2.3.2").contains("1,5/1,75"),
        "2.3.2: {}",
        row("2.3.2")
    );
    assert!(
        row("7.1.1.1").contains("Tài chính – KH"),
        "{}",
        row("7.1.1.1")
    );
    assert_eq!(text(&app.root, "#paste-nothing-new"), t.paste_nothing_new);
    assert!(query(&app.root, "#paste-add").is_none());
    assert_eq!(storage_dump(), before);
}

/// Puts `text` in the paste box and asks for the preview.
async fn paste_preview(root: &HtmlElement, text: &str) {
    let area: web_sys::HtmlTextAreaElement = query(root, "#paste-text").unwrap().unchecked_into();
    area.set_value(text);
    area.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    click(root, "#paste-preview");
    wait_for(root, "#paste-rows").await;
}

#[wasm_bindgen_test]
async fn pasting_an_older_table_names_each_field_it_would_change_back() {
    // The plan moved on: 1.3 was given to Tư pháp - Hộ tịch in the app. The Word table still
    // says Văn phòng - Thống kê.
    let mut ws = officer(5);
    let view = PlanView::build(&ws.doc, &seed::plan_id()).unwrap();
    let tu_phap = view
        .units
        .iter()
        .find(|u| u.name == "Tư pháp - Hộ tịch")
        .unwrap()
        .id
        .clone();
    edit(&mut ws, &task_id("1.3"), f::LEAD, json!([tu_phap]), 1_000);
    let app = mount(&ws, "#/trao-doi");
    let before = storage_dump();
    paste_preview(&app.root, SEED).await;
    let changes = wait_for(&app.root, "#paste-changes").await;
    let shown = changes.text_content().unwrap_or_default();
    assert!(shown.contains("Sẽ sửa 1 trường"), "{shown}");
    let row = text(&app.root, "#paste-changes tbody tr");
    assert!(row.contains("1.3"), "{row}");
    assert!(row.contains("Tư pháp - Hộ tịch"), "what it is now: {row}");
    assert!(
        row.contains("Văn phòng - Thống kê"),
        "what it would be: {row}"
    );
    assert!(query(&app.root, "#paste-add").is_some());
    assert_eq!(storage_dump(), before, "nothing written before adding");
}

#[wasm_bindgen_test]
async fn a_change_to_a_unit_the_paste_creates_names_that_unit() {
    let app = mount(&officer(5), "#/trao-doi");
    let table = SEED.replacen(
        "\tCông chức Văn phòng Thống kê\n\t15/11/2022",
        "\tCông an xã\n\t15/11/2022",
        1,
    );
    assert_ne!(table, SEED, "the seed names 1.3's unit so");
    paste_preview(&app.root, &table).await;
    // The unknown unit is offered, not taken: accept it.
    assert!(
        query(&app.root, "#paste-changes").is_none(),
        "declined: nothing changes"
    );
    click(&app.root, "input[data-kind=unit][data-name='Công an xã']");
    wait_for(&app.root, "#paste-changes").await;
    let row = text(&app.root, "#paste-changes tbody tr");
    assert!(row.contains("Văn phòng - Thống kê"), "now: {row}");
    assert!(
        row.contains("Công an xã"),
        "the new unit by its name: {row}"
    );
}

#[wasm_bindgen_test]
async fn the_conflicts_list_restores_the_other_value_in_one_click() {
    let t13 = task_id("1.3");
    let mut mine = officer(5);
    edit(&mut mine, &t13, f::LEADER, json!("Đ/c Hùng"), 1_000);
    let mut an = officer(9);
    edit(&mut an, &t13, f::LEADER, json!("Đ/c Tuấn"), 2_000);
    mine.doc.merge_from(&an.doc);
    let app = mount(&mine, "#/lich-su");
    let row = wait_for(&app.root, "#conflicts tr.conflict").await;
    let row_text = row.text_content().unwrap_or_default();
    assert!(row_text.contains("Nhiệm vụ 1.3"), "{row_text}");
    assert!(
        row_text.contains("Đ/c Tuấn") && row_text.contains("Đ/c Hùng"),
        "{row_text}"
    );
    assert_eq!(
        text(&app.root, "#conflict-count"),
        "1",
        "the count in the nav"
    );
    click(&app.root, "#conflicts button.restore");
    wait_for(&app.root, "#no-conflicts").await;
    wait_saved(&t13, f::LEADER, json!("Đ/c Hùng")).await;
    assert!(query(&app.root, "#conflict-count").is_none());
    let history = text(&app.root, "#history");
    assert!(history.contains("Giải quyết xung đột"), "{history}");
}

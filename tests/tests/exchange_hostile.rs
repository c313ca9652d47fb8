//! Hostile text in an imported file: titles and a sender's name holding `<script>` and
//! `<img onerror>` show as the text they are, in the preview, the task list, the task editor,
//! the criteria tree and Lịch sử, and nothing runs.

mod exchange_common;

use cchc_core::exchange::format::{self, File, Header, Scope, FORMAT, SCHEMA};
use cchc_core::model::records::f;
use cchc_core::model::workspace::{Action, Ctx, Op, Workspace};
use cchc_core::model::{seed, ReplicaId};
use exchange_common::*;
use serde_json::json;
use std::collections::BTreeMap;

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(1)>";

/// A colleague's file: two new tasks of the example's plan titled with markup, and the
/// sender's name too.
fn hostile_file() -> Vec<u8> {
    let mut ws = Workspace::new(ReplicaId(4242));
    ws.doc = seed::example();
    let ctx = Ctx {
        now_ms: 1_665_800_000_000,
        who: IMG.into(),
    };
    let ops = [("t-hostile-1", SCRIPT, "1.3"), ("t-hostile-2", IMG, "1.5")]
        .into_iter()
        .map(|(id, title, code)| Op::Create {
            id: id.into(),
            kind: "task".into(),
            fields: BTreeMap::from([
                (f::PLAN.to_string(), json!(seed::plan_id())),
                (f::CODE.to_string(), json!(code)),
                (f::TITLE.to_string(), json!(title)),
                (f::NOTE.to_string(), json!(format!("{IMG}{SCRIPT}"))),
            ]),
        })
        .collect();
    ws.apply(Action::Add, ops, &ctx)
        .expect("the tasks are added");
    // And a criterion renamed with markup.
    let criterion = ws
        .doc
        .live()
        .find(|(_, r)| r.get(f::CODE) == Some(&json!("1.3")) && r.kind.as_str() == "criterion")
        .map(|(id, _)| id.clone())
        .expect("criterion 1.3 in the example");
    ws.apply(Action::Edit, vec![Op::set(&criterion, f::TITLE, IMG)], &ctx)
        .expect("the criterion is renamed");
    let file = File {
        header: Header {
            format: FORMAT.into(),
            schema: SCHEMA,
            app: "0.1.0".into(),
            exported_at: "2022-10-15T09:30:00+07:00".into(),
            exported_by: IMG.into(),
            scope: Scope::Workspace,
            replica: ws.replica().to_text(),
        },
        doc: ws.doc,
        extra: Default::default(),
    };
    format::encode(&file).into_bytes()
}

#[tokio::test]
async fn hostile_titles_in_an_imported_file_render_as_text_and_nothing_runs() {
    let dir = scratch();
    let path = dir.path().join("tep-la.json");
    std::fs::write(&path, hostile_file()).expect("write the fixture");
    let browser = officer_with_example("Nguyễn Văn Phong").await;
    // A tripwire: anything that runs would call alert, which we record instead.
    browser
        .js("window.__ran = []; window.alert = (m) => window.__ran.push(String(m)); return true")
        .await;

    choose_file(&browser, &path).await;
    browser.wait_text("#preview-sender", IMG).await;
    let added = browser.text("section[data-outcome=added]").await;
    assert!(
        added.contains(&format!("Nhiệm vụ 1.3 “{SCRIPT}”")),
        "{added}"
    );
    assert!(added.contains(&format!("Nhiệm vụ 1.5 “{IMG}”")), "{added}");
    browser.click("#import-confirm").await;
    browser.wait_gone("#import-preview").await;

    // The task list and the editor.
    go(&browser, "nhiem-vu").await;
    browser.type_into("#task-search", "alert(1)").await;
    browser
        .wait_text("#task-count", "Đang hiện 2/44 nhiệm vụ.")
        .await;
    let titles = browser.text("#task-table tbody").await;
    assert!(titles.contains(SCRIPT) && titles.contains(IMG), "{titles}");
    browser
        .click("#task-table tbody tr[data-code='1.3'] td.title a")
        .await;
    browser
        .wait_text_contains("#task-editor .editor-title", SCRIPT)
        .await;

    // The criteria tree.
    go(&browser, "tieu-chi").await;
    browser
        .wait_text("#criteria-table tr[data-code='1.3'] td.title", IMG)
        .await;

    go(&browser, "lich-su").await;
    let history = browser.text("#history").await;
    assert!(
        history.contains(SCRIPT) && history.contains(IMG),
        "{history}"
    );

    let injected = browser
        .js("return document.querySelectorAll('main img, main script').length")
        .await;
    assert_eq!(injected, json!(0), "no element was made from the text");
    assert_eq!(
        browser.js("return window.__ran").await,
        json!([]),
        "nothing ran"
    );
    assert!(
        browser.client().get_alert_text().await.is_err(),
        "no alert is open"
    );
    browser.assert_no_console_errors().await;
    browser.close().await;
}

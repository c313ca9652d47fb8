//! Steps shared by the exchange journeys and screenshots: an officer's browser with the
//! example open, exporting, importing through the file input, pasting, reading storage.

#![allow(dead_code)] // Each test file uses some of these.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cchc_e2e::Browser;
use serde_json::{json, Value};

/// The seed plan as the commune wrote it (the appendix is its last part).
pub fn seed_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/seed/ke-hoach-12-KH-UBND-son-linh.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The appendix of the seed: from its title "PHỤ LỤC" to the end.
pub fn seed_appendix() -> String {
    let text = seed_text();
    let at = text.find("PHỤ LỤC").expect("the seed has an appendix");
    text[at..].to_string()
}

/// A new browser profile (one officer), named in Cài đặt, with the example open.
pub async fn officer_with_example(name: &str) -> Browser {
    let browser = Browser::new().await;
    browser.open_single_file().await;
    browser.click("#open-example").await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    set_name(&browser, name).await;
    browser
}

pub async fn set_name(browser: &Browser, name: &str) {
    go(browser, "cai-dat").await;
    browser.type_into("#officer-name", name).await;
    browser.wait_text("#header-officer", name).await;
}

/// Shows a view by its nav link.
pub async fn go(browser: &Browser, slug: &str) {
    browser.click(&format!("nav a[data-view={slug}]")).await;
    browser
        .wait_for(&format!("section[data-view={slug}]"))
        .await;
}

/// Every `cchc:` key of localStorage with its value, exactly as stored.
pub async fn storage(browser: &Browser) -> BTreeMap<String, String> {
    let all = browser
        .js("const o = {}; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); if (k.startsWith('cchc:')) o[k] = localStorage.getItem(k); } return o;")
        .await;
    serde_json::from_value(all).expect("a map of strings")
}

/// Clicks an export button and returns the downloaded file (the downloads folder is
/// emptied first, so the file found is this one).
pub async fn export(browser: &Browser, button: &str) -> PathBuf {
    go(browser, "trao-doi").await;
    download(browser, button).await
}

/// Clicks a download button of the view on screen and returns the file.
pub async fn download(browser: &Browser, button: &str) -> PathBuf {
    for entry in std::fs::read_dir(browser.downloads_dir())
        .expect("downloads dir")
        .flatten()
    {
        let _ = std::fs::remove_file(entry.path());
    }
    browser.click(button).await;
    browser.wait_download().await
}

/// Chooses `path` in the import's file input, as the officer does with "Chọn tệp".
pub async fn choose_file(browser: &Browser, path: &Path) {
    go(browser, "trao-doi").await;
    let input = browser.wait_for("#import-file").await;
    input
        .send_keys(&path.display().to_string())
        .await
        .unwrap_or_else(|e| panic!("choose {}: {e}", path.display()));
}

/// Imports `path` and confirms the preview with the default choices.
pub async fn import_and_confirm(browser: &Browser, path: &Path) {
    choose_file(browser, path).await;
    browser.click("#import-confirm").await;
    browser.wait_gone("#import-preview").await;
}

/// A new browser's first choice "Tạo kế hoạch trống", then the seed's appendix pasted: its
/// preview drawn.
pub async fn paste_seed_into_a_blank_plan(browser: &Browser) {
    browser.open_single_file().await;
    browser.click("#create-blank").await;
    browser.wait_for("section[data-view=ke-hoach]").await;
    paste(browser, &seed_appendix()).await;
    browser.wait_for("#paste-rows").await;
}

/// Puts `text` in the paste box as Ctrl+V would (a value and an input event), then
/// asks for the preview.
pub async fn paste(browser: &Browser, text: &str) {
    go(browser, "trao-doi").await;
    browser.wait_for("#paste-text").await;
    browser
        .client()
        .execute(
            "const box = document.getElementById('paste-text'); box.value = arguments[0]; box.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(text)],
        )
        .await
        .expect("fill the paste box");
    browser.click("#paste-preview").await;
}

/// The records of an exported file, without the header (which says who and when).
pub fn records_of(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("an exported file");
    let file: Value = serde_json::from_str(&text).expect("exported JSON");
    file["records"].clone()
}

/// A scratch directory for fixture files, removed when dropped.
pub fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The cells of one row of the seed's appendix, as the plain text lays it out: each cell
/// on its own line behind a tab, further lines of a cell without one, a blank line after.
pub fn seed_row(code: &str) -> Vec<String> {
    let text = seed_text();
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim_end() == format!("\t{code}"))
        .unwrap_or_else(|| panic!("row {code} in the seed"));
    let mut cells: Vec<String> = Vec::new();
    for line in &lines[start..] {
        if line.trim().is_empty() && cells.len() > 1 {
            break;
        }
        match line.strip_prefix('\t') {
            Some(cell) => cells.push(cell.trim().to_string()),
            None => {
                if let Some(last) = cells.last_mut() {
                    last.push(' ');
                    last.push_str(line.trim());
                }
            }
        }
    }
    cells
}

/// A row of the appendix as Word copies it (tab-separated), with the deadline and note
/// replaced: pasting it edits the existing task's deadline and note through the paste.
pub fn row_with(code: &str, deadline: &str, note: &str) -> String {
    let mut cells = seed_row(code);
    cells.resize(5, String::new());
    cells[3] = deadline.to_string();
    cells[4] = note.to_string();
    cells.join("\t")
}

/// Pastes `text` and adds it to the plan; waits until it is added.
pub async fn paste_and_add(browser: &Browser, text: &str) {
    paste(browser, text).await;
    browser.click("#paste-add").await;
    browser.wait_gone("#paste-add").await;
}

/// An exported file read back with the app's own decoder.
pub fn decoded(path: &Path) -> cchc_core::exchange::File {
    let bytes = std::fs::read(path).expect("an exported file");
    cchc_core::exchange::format::decode(&bytes)
        .unwrap_or_else(|e| panic!("{} does not decode: {e}", path.display()))
}

/// The id of the task of `code` in a document (the example has one task per code used here).
pub fn task_of(doc: &cchc_core::model::Doc, code: &str) -> String {
    use cchc_core::model::records::{f, Read};
    doc.live_of(cchc_core::model::Kind::Task)
        .find(|(_, r)| r.opt_text(f::CODE).as_deref() == Some(code))
        .map(|(id, _)| id.clone())
        .unwrap_or_else(|| panic!("a task of {code}"))
}

/// The shown value of a field.
pub fn shown(doc: &cchc_core::model::Doc, id: &str, field: &str) -> Value {
    doc.get(id)
        .and_then(|r| r.get(field))
        .cloned()
        .unwrap_or(Value::Null)
}

/// Copies a downloaded file out of the browser's downloads folder (the next export empties
/// it) into `dir/who/`: two officers' files of one day have the same name.
pub fn keep(file: &Path, dir: &Path, who: &str) -> PathBuf {
    let dir = dir.join(who);
    std::fs::create_dir_all(&dir).expect("a folder per officer");
    let kept = dir.join(file.file_name().expect("a file name"));
    std::fs::copy(file, &kept).expect("keep the file");
    kept
}

/// Opens the task of `code` in the task editor.
pub async fn open_task(browser: &Browser, code: &str) {
    go(browser, "nhiem-vu").await;
    browser
        .click(&format!("#task-table tr[data-code='{code}'] td.title a"))
        .await;
    browser.wait_for("#task-editor #task-note").await;
}

/// Waits until the edits are written to storage (saves wait for a pause).
pub async fn saved(browser: &Browser) {
    browser.wait_text("#save-status", "Đã lưu").await;
}

/// Waits until Lịch sử lists the note of task `code` as the one conflict, with every value
/// of `notes` shown.
pub async fn shows_note_conflict(browser: &Browser, code: &str, notes: &[&str]) {
    go(browser, "lich-su").await;
    let row = browser.wait_for("#conflicts tr.conflict").await;
    let text = row.text().await.unwrap_or_default();
    assert!(text.contains(&format!("Nhiệm vụ {code}")), "{text}");
    assert!(text.contains("Ghi chú"), "{text}");
    assert!(
        notes.iter().all(|n| text.contains(n)),
        "every value {notes:?}: {text}"
    );
    assert_eq!(browser.text("#conflict-count").await, "1");
}

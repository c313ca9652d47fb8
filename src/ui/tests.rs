//! Component tests of the shell in a real browser: mount, click, let Leptos run, look at the DOM.
//! The helpers are `test_support`'s.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlElement, HtmlInputElement};

use super::test_support::{
    container, fresh_storage, query, set_hash, stored_example, text, wait_until,
};
use super::{i18n, App};
use crate::router::View;
use crate::state;
use crate::storage;

pub(super) fn input(root: &HtmlElement, selector: &str, value: &str) {
    let input: HtmlInputElement = query(root, selector).unwrap().unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_new_browser_is_offered_the_example_and_opens_it() {
    fresh_storage();
    set_hash("");
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    let t = i18n::t();

    assert_eq!(text(&root, "h1"), t.shell.app_name);
    assert!(query(&root, "section.first-run").is_some(), "first run");
    assert_eq!(text(&root, "#plan-line"), t.shell.no_plan_yet);
    query(&root, "#open-example").unwrap().click();
    leptos::task::tick().await;
    assert!(query(&root, "section[data-view=tong-quan]").is_some());
    assert!(
        text(&root, "#plan-line").starts_with("Sơn Lĩnh 2022"),
        "{}",
        text(&root, "#plan-line")
    );
    // Saved a moment later (edits are saved together), packed.
    wait_until("the save", || text(&root, "#save-status") == t.shell.saved).await;
    let stored = storage::get(crate::storage::workspace::WORKSPACE)
        .unwrap()
        .unwrap_or_default();
    let unpacked = cchc_core::exchange::store::unpack(&stored).unwrap();
    assert!(unpacked.contains("12/KH-UBND"), "the example is saved");
    drop(handle);
    root.remove();
    fresh_storage();
}

#[wasm_bindgen_test]
async fn nav_lists_every_view_and_a_click_shows_it() {
    stored_example();
    set_hash("");
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    let t = i18n::t();

    let links = root.query_selector_all("nav a").unwrap();
    assert_eq!(links.length() as usize, View::ALL.len());
    for view in View::ALL {
        let link = query(&root, &format!("nav a[data-view={}]", view.slug())).unwrap();
        assert_eq!(link.text_content().unwrap(), t.shell.view_title(view));
        assert_eq!(link.get_attribute("href").unwrap(), view.hash());
    }
    assert!(query(&root, "section[data-view=tong-quan]").is_some());
    assert_eq!(
        query(&root, "nav a[data-view=tong-quan]")
            .unwrap()
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );

    query(&root, "nav a[data-view=tieu-chi]").unwrap().click();
    leptos::task::tick().await;
    assert_eq!(text(&root, "section.view h2"), "Tiêu chí");
    assert!(query(&root, "section[data-view=tong-quan]").is_none());
    assert_eq!(
        query(&root, "nav a[data-view=tieu-chi]")
            .unwrap()
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
    assert_eq!(
        query(&root, "nav a[data-view=tong-quan]")
            .unwrap()
            .get_attribute("aria-current"),
        None
    );
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        "#/tieu-chi",
        "the link updates the URL, so reload and Back work"
    );

    drop(handle);
    root.remove();
    fresh_storage();
}

#[wasm_bindgen_test]
async fn the_hash_drives_the_view_back_and_forward() {
    stored_example();
    set_hash("#/nhiem-vu");
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    assert!(
        query(&root, "section[data-view=nhiem-vu]").is_some(),
        "start view from the hash"
    );

    set_hash("#/bao-cao");
    wait_until("the Báo cáo view", || {
        query(&root, "section[data-view=bao-cao]").is_some()
    })
    .await;

    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    wait_until("Back to Nhiệm vụ", || {
        query(&root, "section[data-view=nhiem-vu]").is_some()
    })
    .await;

    set_hash("#/khong-ton-tai");
    wait_until("an unknown hash to show home", || {
        query(&root, "section[data-view=tong-quan]").is_some()
    })
    .await;

    drop(handle);
    root.remove();
    fresh_storage();
}

#[wasm_bindgen_test]
async fn officer_name_is_saved_and_shown_in_the_header() {
    fresh_storage();
    set_hash("#/cai-dat");
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    let t = i18n::t();
    assert_eq!(text(&root, "#header-officer"), t.shell.officer_unset);

    input(&root, "#officer-name", "Đ/c Phong");
    leptos::task::tick().await;

    assert_eq!(text(&root, "#header-officer"), "Đ/c Phong");
    let prefs = storage::get(state::PREFS_KEY).unwrap().unwrap_or_default();
    assert!(prefs.contains("Đ/c Phong"), "{prefs}");
    drop(handle);
    root.remove();

    // A new mount (as after a reload) reads it back.
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    leptos::task::tick().await;
    assert_eq!(text(&root, "#header-officer"), "Đ/c Phong");
    let field: HtmlInputElement = query(&root, "#officer-name").unwrap().unchecked_into();
    assert_eq!(field.value(), "Đ/c Phong");
    drop(handle);
    root.remove();
    fresh_storage();
}

#[wasm_bindgen_test]
async fn memory_mode_shows_the_banner_and_says_edits_are_not_saved() {
    storage::use_memory(storage::StorageError::Blocked("SecurityError: thử".into()));
    set_hash("#/cai-dat");
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    let t = i18n::t();

    let banner = text(&root, "#storage-banner");
    assert!(banner.contains(t.shell.memory_mode_banner), "{banner}");
    assert!(banner.contains(t.shell.storage_blocked), "{banner}");

    input(&root, "#officer-name", "Đ/c Lan");
    leptos::task::tick().await;
    assert_eq!(text(&root, "#save-status"), t.shell.saved_in_memory);
    assert_eq!(text(&root, "#header-officer"), "Đ/c Lan", "kept in memory");

    drop(handle);
    root.remove();
    storage::reset_for_tests();
    assert_eq!(storage::init(), storage::Availability::Persistent);
}

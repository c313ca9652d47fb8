//! What the component tests share: the app mounted over a stored workspace, the DOM read and
//! used as an officer does, and waiting for a condition (effects and browser events finish in
//! later tasks) — never a fixed wait.

use cchc_core::model::{seed, ReplicaId, Workspace};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::App;
use crate::storage;

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the body to mount into; removed by the test.
pub fn container() -> HtmlElement {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

pub fn query(root: &HtmlElement, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

pub fn text(root: &HtmlElement, selector: &str) -> String {
    query(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn click(root: &HtmlElement, selector: &str) {
    query(root, selector)
        .unwrap_or_else(|| panic!("{selector} to click"))
        .click();
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls `condition` every 20 ms for up to 5 s; whether it came to hold.
pub async fn poll(mut condition: impl FnMut() -> bool) -> bool {
    for _ in 0..250 {
        if condition() {
            return true;
        }
        sleep(20).await;
    }
    false
}

/// Polls `condition` until it holds; fails after 5 s naming `what`.
pub async fn wait_until(what: &str, condition: impl FnMut() -> bool) {
    assert!(poll(condition).await, "timed out waiting for {what}");
}

/// Waits until `selector` matches, and gives the element.
pub async fn wait_for(root: &HtmlElement, selector: &str) -> HtmlElement {
    wait_until(selector, || query(root, selector).is_some()).await;
    query(root, selector).unwrap()
}

pub async fn wait_gone(root: &HtmlElement, selector: &str) {
    wait_until(&format!("{selector} to go"), || {
        query(root, selector).is_none()
    })
    .await;
}

pub fn set_hash(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
}

pub fn hash() -> String {
    web_sys::window()
        .unwrap()
        .location()
        .hash()
        .unwrap_or_default()
}

/// Empties our keys, as on a browser that never opened the app.
pub fn fresh_storage() {
    storage::reset_for_tests();
    for key in storage::keys().unwrap() {
        storage::remove(&key).unwrap();
    }
}

/// Stores `ws` as this browser's workspace, over empty storage.
pub fn store(ws: &Workspace) {
    fresh_storage();
    storage::set(
        crate::storage::workspace::WORKSPACE,
        &cchc_core::exchange::store::encode(ws, "test"),
    )
    .unwrap();
}

/// The built-in example, as one officer's workspace.
pub fn example() -> Workspace {
    let mut ws = Workspace::new(ReplicaId(5));
    ws.doc = seed::example();
    ws
}

/// Stores the example, as after "Mở kế hoạch mẫu" and a reload.
pub fn stored_example() {
    store(&example());
}

/// The app mounted at `hash` over a stored workspace; dropping it unmounts it.
pub struct Mounted {
    pub root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

pub fn mount(ws: &Workspace, hash: &str) -> Mounted {
    store(ws);
    mount_stored(hash)
}

/// The app mounted at `hash` over what storage holds now (as after a reload).
pub fn mount_stored(hash: &str) -> Mounted {
    set_hash(hash);
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

impl Mounted {
    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    pub fn text(&self, selector: &str) -> String {
        text(&self.root, selector)
    }

    pub fn value(&self, selector: &str) -> String {
        let el = self.find(selector).unwrap_or_else(|| panic!("{selector}"));
        js_sys::Reflect::get(&el, &"value".into())
            .unwrap()
            .as_string()
            .unwrap_or_default()
    }

    /// Sets a field's value and sends the event the browser sends (they bubble).
    pub fn send(&self, selector: &str, value: &str, event: &str) {
        let el = self.find(selector).unwrap_or_else(|| panic!("{selector}"));
        js_sys::Reflect::set(&el, &"value".into(), &value.into()).unwrap();
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        el.dispatch_event(&web_sys::Event::new_with_event_init_dict(event, &init).unwrap())
            .unwrap();
    }

    pub fn click(&self, selector: &str) {
        click(&self.root, selector);
    }

    /// Waits until `selector` matches.
    pub async fn wait_for(&self, selector: &str) -> HtmlElement {
        wait_for(&self.root, selector).await
    }

    /// Codes of the rows of a task table.
    pub fn codes(&self, table: &str) -> Vec<String> {
        let rows = self
            .root
            .query_selector_all(&format!("#{table} tbody tr"))
            .unwrap();
        (0..rows.length())
            .filter_map(|i| rows.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .map(|e| e.get_attribute("data-code").unwrap_or_default())
            .collect()
    }
}

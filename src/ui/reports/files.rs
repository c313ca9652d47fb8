//! The clipboard, with a select-and-Ctrl+C box where the browser refuses it. (Downloads go
//! through `crate::download`.)

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Puts `text` on the clipboard; false where the browser has no clipboard or refuses.
pub async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// Selects the appendix in its box for Ctrl+C (where the clipboard refused it).
pub fn select_copy_box() {
    if let Some(area) = document()
        .get_element_by_id("report-copy-box")
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = area.focus();
        area.select();
    }
}

//! After a panic the wasm module is dead: no component will ever render again. The hook builds
//! an error banner with plain DOM calls while it still runs. Its two buttons are handled by
//! `rescue.js`, plain JavaScript loaded before the wasm, because a click handler written in Rust
//! would call back into the dead module:
//! - "Sao chép chi tiết" copies the text of `#cchc-panic-details`;
//! - "Tải dữ liệu của tôi" downloads every `cchc:` key of localStorage as one JSON file.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::ui::i18n;

/// Ids and attributes shared with `rescue.js` and the tests.
pub const BANNER_ID: &str = "cchc-panic";
pub const DETAILS_ID: &str = "cchc-panic-details";
const RESCUE_ATTR: &str = "data-cchc-rescue";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let details = format!(
            "{info}\n\n{} {}\n{}",
            i18n::t().shell.app_name,
            env!("CARGO_PKG_VERSION"),
            page_context()
        );
        web_sys::console::error_1(&JsValue::from_str(&details));
        show(&details);
    }));
}

/// Deliberate crash, exported for the end-to-end test of the banner (`wasmBindings.debug_panic()`).
/// Nothing in the UI reaches it.
#[wasm_bindgen]
pub fn debug_panic() {
    panic!("debug_panic: lỗi thử để kiểm tra màn hình báo lỗi");
}

/// Puts the banner on the page. Errors are ignored: there is nothing left to report them to.
pub fn show(details: &str) {
    let _ = try_show(details);
}

fn try_show(details: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    if let Some(old) = document.get_element_by_id(BANNER_ID) {
        old.remove();
    }
    let banner = element(&document, "div", None)?;
    banner.set_id(BANNER_ID);
    banner.set_attribute("role", "alert")?;
    let title = element(&document, "h2", Some(i18n::t().shell.panic_title))?;
    banner.append_child(&title)?;
    let body_text = element(&document, "p", Some(i18n::t().shell.panic_body))?;
    banner.append_child(&body_text)?;

    let actions = element(&document, "p", None)?;
    actions.set_class_name("actions");
    let download = button(&document, "download", i18n::t().shell.panic_download)?;
    actions.append_child(&download)?;
    let copy = button(&document, "copy", i18n::t().shell.panic_copy)?;
    actions.append_child(&copy)?;
    banner.append_child(&actions)?;

    let pre = element(&document, "pre", Some(details))?;
    pre.set_id(DETAILS_ID);
    banner.append_child(&pre)?;

    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.prepend_with_node_1(&banner)?;
    // The app under the banner no longer responds: take it out of reach of mouse and keyboard.
    body.class_list().add_1("cchc-dead")?;
    Ok(())
}

fn element(document: &Document, tag: &str, text: Option<&str>) -> Result<Element, JsValue> {
    let el = document.create_element(tag)?;
    if let Some(text) = text {
        el.set_text_content(Some(text));
    }
    Ok(el)
}

fn button(document: &Document, action: &str, label: &str) -> Result<Element, JsValue> {
    let b = element(document, "button", Some(label))?;
    b.set_attribute("type", "button")?;
    b.set_attribute(RESCUE_ATTR, action)?;
    Ok(b)
}

/// Where and in what browser it happened: what a technician asks first.
fn page_context() -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let href = window.location().href().unwrap_or_default();
    let agent = window.navigator().user_agent().unwrap_or_default();
    format!("{href}\n{agent}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn banner_has_message_buttons_and_details() {
        show("chi tiết thử");
        let document = web_sys::window().unwrap().document().unwrap();
        let banner = document.get_element_by_id(BANNER_ID).expect("banner shown");
        let text = banner.text_content().unwrap_or_default();
        assert!(text.contains(i18n::t().shell.panic_title));
        assert_eq!(
            document
                .get_element_by_id(DETAILS_ID)
                .and_then(|p| p.text_content())
                .as_deref(),
            Some("chi tiết thử")
        );
        for action in ["copy", "download"] {
            let selector = format!("#{BANNER_ID} button[{RESCUE_ATTR}={action}]");
            assert!(
                document.query_selector(&selector).unwrap().is_some(),
                "{selector}"
            );
        }
        // Shown twice, still one banner.
        show("lần hai");
        assert_eq!(
            document
                .query_selector_all(&format!("#{BANNER_ID}"))
                .unwrap()
                .length(),
            1
        );
        // The second `show` replaced the first banner; remove what is there now.
        banner.remove();
        if let Some(current) = document.get_element_by_id(BANNER_ID) {
            current.remove();
        }
        document
            .body()
            .unwrap()
            .class_list()
            .remove_1("cchc-dead")
            .unwrap();
    }
}

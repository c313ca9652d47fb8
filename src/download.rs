//! Saving a file to the officer's Downloads folder: a Blob URL on a temporary link. Works
//! from `file://`, where the page can fetch nothing but can still hand the browser a blob.
#![allow(dead_code)] // Used by the exchange, reports and storage views as they land.

use std::fmt;

use wasm_bindgen::{JsCast, JsValue};

use crate::ui::i18n;

/// MIME type of our JSON files.
pub const JSON: &str = "application/json";

/// Why a download did not start, with the browser's own words for whoever looks after IT.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DownloadError {
    /// The browser could not make the file in memory (a Blob or its URL): usually memory
    /// is short.
    NoMemory(String),
    /// The page could not hand the file to the browser (no document, the link refused).
    Page(String),
}

impl fmt::Display for DownloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = &i18n::t().shell;
        let (message, detail) = match self {
            DownloadError::NoMemory(detail) => (t.download_no_memory, detail),
            DownloadError::Page(detail) => (t.download_page_failed, detail),
        };
        f.write_str(message)?;
        if !detail.is_empty() {
            write!(f, " ({}: {detail})", t.browser_said)?;
        }
        Ok(())
    }
}

impl std::error::Error for DownloadError {}

/// Downloads `bytes` as `file_name`.
pub fn download(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), DownloadError> {
    let url = blob_url(bytes, mime).map_err(|e| DownloadError::NoMemory(detail(&e)))?;
    let clicked = click_link(&url, file_name).map_err(|e| DownloadError::Page(detail(&e)));
    // Some browsers read the blob after the click returns: let the URL go a minute later.
    leptos::prelude::set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(60),
    );
    clicked
}

/// The bytes as a Blob behind an object URL.
fn blob_url(bytes: &[u8], mime: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// A hidden `<a download>` to `url`, clicked and removed.
fn click_link(url: &str, file_name: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&link)?;
    link.click();
    body.remove_child(&link)?;
    Ok(())
}

/// The browser's words for a thrown value: an exception's name and message, or its text.
fn detail(err: &JsValue) -> String {
    if let Some(ex) = err.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", ex.name(), ex.message());
    }
    if let Some(e) = err.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    err.as_string().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_failed_download_says_in_vietnamese_what_happened_and_what_to_do() {
        let short = DownloadError::NoMemory("RangeError: Array buffer allocation failed".into());
        let text = short.to_string();
        assert!(text.starts_with("Trình duyệt không đủ bộ nhớ"), "{text}");
        assert!(text.contains("Hãy đóng bớt"), "what to do: {text}");
        assert!(text.contains("(trình duyệt báo: RangeError"), "{text}");
        let page = DownloadError::Page(String::new()).to_string();
        assert!(page.contains("Hãy bấm lại"), "{page}");
        assert!(!page.contains('('), "no empty detail: {page}");
        assert_eq!(
            detail(&JsValue::from(js_sys::Error::new("hết bộ nhớ"))),
            "hết bộ nhớ",
            "the browser's message, not its debug text"
        );
    }
}

//! Saving a file to the officer's Downloads folder: a Blob URL on a temporary link. Works
//! from `file://`, where the page can fetch nothing but can still hand the browser a blob.
#![allow(dead_code)] // Used by the exchange, reports and storage views as they land.

use wasm_bindgen::{JsCast, JsValue};

/// MIME type of our JSON files.
pub const JSON: &str = "application/json";

/// Downloads `bytes` as `file_name`. Errors are the browser's, for the caller to show.
pub fn download(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&link)?;
    link.click();
    body.remove_child(&link)?;
    // Some browsers read the blob after the click returns: let the URL go a minute later.
    leptos::prelude::set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

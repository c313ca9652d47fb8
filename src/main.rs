//! Theo dõi Chỉ số CCHC: the browser app.
//!
//! Start-up order matters: the panic banner goes in first so that even a failure while probing
//! storage or mounting is shown to the officer, then storage is probed, then the language is
//! chosen from the saved preferences, then the shell is mounted.

mod download;
mod panic_banner;
mod router;
mod state;
mod storage;
mod ui;

fn main() {
    // Where start-up time goes, for `make bench`: compiling the module ends here.
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("cchc-main");
    }
    panic_banner::install();
    storage::init();
    ui::i18n::set_lang(state::saved_lang());
    leptos::mount::mount_to_body(ui::App);
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

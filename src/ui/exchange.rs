//! Trao đổi dữ liệu: export a file, import one with a preview before anything changes, undo
//! the last import, and paste a plan's appendix from Word. The rules are `cchc-core`'s
//! (`exchange::{format, import, export, paste}`); this module words them and wires the buttons.

pub mod describe;
pub mod dom;
mod export;
mod import;
mod paste;

use leptos::prelude::*;

use super::ViewPage;
use crate::router::View;

#[component]
pub fn ExchangeView() -> impl IntoView {
    view! {
        <ViewPage view=View::Exchange>
            <div class="exchange">
                <export::ExportPanel/>
                <import::ImportPanel/>
                <paste::PastePanel/>
            </div>
        </ViewPage>
    }
}

#[cfg(test)]
mod tests;

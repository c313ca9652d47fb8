//! Trao đổi dữ liệu: export a file, import one with a preview before anything changes, undo
//! the last import, and paste a plan's appendix from Word. The rules are `cchc-core`'s
//! (`exchange::{format, import, export, paste}`); this module words them and wires the buttons.

pub mod describe;
mod export;
mod import;
pub mod parts;
mod paste;

use leptos::prelude::*;

use super::ViewPage;
use crate::router::View;
use crate::state::AppState;

#[component]
pub fn ExchangeView() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <ViewPage view=View::Exchange>
            <div class="exchange">
                {export::export_panel(state)}
                {import::import_panel(state)}
                {paste::paste_panel(state)}
            </div>
        </ViewPage>
    }
}

#[cfg(test)]
mod tests;

//! Pieces of the exchange and history tables, on the shared DOM builder (`ui::dom`): text is
//! only ever set as text, so a title like `<img src=x onerror=alert(1)>` from a file shows as
//! written; buttons and inputs carry `data-a` for their region's one handler.

use crate::ui::dom::{el, h, El};

/// Appending children from any iterator.
pub trait Each {
    fn each(self, children: impl IntoIterator<Item = El>) -> El;
}

impl Each for El {
    fn each(self, children: impl IntoIterator<Item = El>) -> El {
        self.cs(children.into_iter().collect())
    }
}

/// `<thead><tr><th>…</th>…</tr></thead>`
pub fn head_row(titles: &[&str]) -> El {
    el("thead").c(el("tr").each(titles.iter().map(|t| h("th", t))))
}

/// A button sending `act` with `data-i` to its region's handler.
pub fn button(label: &str, act: &str, index: usize, class: &str) -> El {
    el("button")
        .at("type", "button")
        .act(act)
        .data("i", &index.to_string())
        .cls(class)
        .t(label)
}

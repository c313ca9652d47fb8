//! Plain DOM building for the large read-only tables of Trao đổi dữ liệu and Lịch sử (the
//! import preview, the pasted rows, the history, the conflicts).
//!
//! Why not `view!`: every distinct `view!` layout compiles into its own typed render code,
//! and these tables cost the single file ~100 KB that way (docs/exchange-ui.md has the
//! numbers). Here one small builder serves every table. Buttons and inputs inside carry
//! `data-*` attributes and are handled by one Leptos listener on the container (event
//! delegation), so no closure is attached per element.
//!
//! Safety: text is only ever set as text nodes (`append_with_str_1`), never as markup, so a
//! title like `<img src=x onerror=alert(1)>` from an imported file shows as written.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// An element being built.
pub struct El(pub Element);

/// A new element. Tag names are literals of this module's callers, so creation cannot fail.
pub fn el(tag: &str) -> El {
    El(document()
        .create_element(tag)
        .expect("a literal tag name is valid"))
}

/// `<tag>text</tag>`
pub fn text(tag: &str, content: &str) -> El {
    el(tag).text(content)
}

impl El {
    pub fn class(self, class: &str) -> El {
        self.0.set_class_name(class);
        self
    }

    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Appends text (a text node: never parsed as markup).
    pub fn text(self, content: &str) -> El {
        let _ = self.0.append_with_str_1(content);
        self
    }

    pub fn add(self, child: El) -> El {
        let _ = self.0.append_child(&child.0);
        self
    }

    pub fn add_opt(self, child: Option<El>) -> El {
        match child {
            Some(child) => self.add(child),
            None => self,
        }
    }

    pub fn add_all(self, children: impl IntoIterator<Item = El>) -> El {
        for child in children {
            let _ = self.0.append_child(&child.0);
        }
        self
    }
}

/// `<tr><th>…</th>…</tr>` for a table head.
pub fn head_row(titles: &[&str]) -> El {
    el("thead").add(el("tr").add_all(titles.iter().map(|t| text("th", t))))
}

/// A button that the container's listener recognises by `data-act` (and `data-i`).
pub fn button(label: &str, act: &str, index: usize, class: &str) -> El {
    el("button")
        .attr("type", "button")
        .attr("data-act", act)
        .attr("data-i", &index.to_string())
        .class(class)
        .text(label)
}

/// Keeps the container showing what `build` makes, rebuilt whenever a signal it reads changes.
/// One effect type for every table (boxed), rather than one per caller.
pub fn keep_filled(holder: NodeRef<leptos::html::Div>, build: Box<dyn Fn() -> Option<El>>) {
    Effect::new(move || {
        let content = build();
        if let Some(div) = holder.get() {
            show(&div, content);
        }
    });
}

/// Puts `content` in the container in place of what was there.
pub fn show(container: &Element, content: Option<El>) {
    container.set_text_content(None);
    if let Some(content) = content {
        let _ = container.append_child(&content.0);
    }
}

/// The element an event came from, or its closest ancestor matching `selector`.
pub fn target(ev: &web_sys::Event, selector: &str) -> Option<Element> {
    ev.target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// `data-<name>` of an element.
pub fn data(el: &Element, name: &str) -> String {
    el.get_attribute(&format!("data-{name}"))
        .unwrap_or_default()
}

/// `data-i` as an index.
pub fn index(el: &Element) -> Option<usize> {
    data(el, "i").parse().ok()
}

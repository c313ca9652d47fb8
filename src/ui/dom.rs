//! Views drawn from data: a small DOM builder, a region that redraws itself when the
//! signals it reads change and patches the page in place, and one event handler per region.
//!
//! Why not `view!` for the data views: every `view!` tree is its own set of generic types,
//! and tachys monomorphizes building, updating and mounting code for each. Measured on this
//! app, the task editor alone cost 118 KB of wasm (60 KB of the single file, whose budget is
//! 400 KB for everything). Here a view is plain function calls that build elements; one
//! non-generic renderer and patcher serve every view. Leptos still owns the shell, the
//! signals and the effects that redraw.
//!
//! - A region calls its `draw` inside an effect. The new tree is compared with the page and
//!   only what differs is changed ([`morph`]), so focus, caret and scroll stay where they are:
//!   an input keeps its node while the workspace changes under it.
//! - Events bubble to the region, which finds the nearest `data-a` ("action") element and
//!   hands the region's `on` an [`Ev`]. No closure per element, nothing to leak on redraw.
//! - Inputs that belong to a form being typed (`data-draft`) are never overwritten by a
//!   redraw; their values are read when the form is sent.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, Node};

/// An element being built.
pub struct El(pub Element);

/// A new element. Creating an element only fails for invalid tag names, which are ours.
#[inline(never)]
pub fn el(tag: &str) -> El {
    El(document()
        .create_element(tag)
        .unwrap_or_else(|_| document().create_element("div").expect("div")))
}

impl El {
    /// Sets an attribute.
    #[inline(never)]
    pub fn at(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }
    /// Sets an attribute when `on`.
    #[inline(never)]
    pub fn flag(self, name: &str, on: bool) -> El {
        if on {
            self.at(name, "")
        } else {
            self
        }
    }
    #[inline(never)]
    pub fn id(self, id: &str) -> El {
        self.at("id", id)
    }
    #[inline(never)]
    pub fn cls(self, class: &str) -> El {
        self.at("class", class)
    }
    /// The action this element sends to its region's handler.
    #[inline(never)]
    pub fn act(self, action: &str) -> El {
        self.at("data-a", action)
    }
    /// `data-<key>`: what the handler needs to know (an id, a field).
    #[inline(never)]
    pub fn data(self, key: &str, value: &str) -> El {
        self.at(&format!("data-{key}"), value)
    }
    /// Appends text. Data is always text: never parsed as markup.
    #[inline(never)]
    pub fn t(self, text: &str) -> El {
        let _ = self.0.append_child(&document().create_text_node(text));
        self
    }
    #[inline(never)]
    pub fn c(self, child: El) -> El {
        let _ = self.0.append_child(&child.0);
        self
    }
    #[inline(never)]
    pub fn cs(self, children: Vec<El>) -> El {
        for child in children {
            let _ = self.0.append_child(&child.0);
        }
        self
    }
    #[inline(never)]
    pub fn maybe(self, child: Option<El>) -> El {
        match child {
            Some(child) => self.c(child),
            None => self,
        }
    }
}

/// An element with text: `h("h3", "Chỉ tiêu")`.
#[inline(never)]
pub fn h(tag: &str, text: &str) -> El {
    el(tag).t(text)
}

/// What happened in a region: the kind of event, the action of the element it came from.
pub struct Ev {
    /// `click`, `change`, `input` or `submit`.
    pub kind: &'static str,
    pub act: String,
    pub el: Element,
}

impl Ev {
    /// `data-<key>` of the element.
    #[inline(never)]
    pub fn data(&self, key: &str) -> String {
        self.el
            .get_attribute(&format!("data-{key}"))
            .unwrap_or_default()
    }
    /// The value of an input, select or text area.
    pub fn value(&self) -> String {
        prop_text(&self.el, "value")
    }
    pub fn checked(&self) -> bool {
        prop_flag(&self.el, "checked")
    }
    /// In a sent form: the value of its field named `name`.
    pub fn field(&self, name: &str) -> String {
        self.named(name)
            .map(|f| prop_text(&f, "value"))
            .unwrap_or_default()
    }
    /// In a sent form: whether its check box named `name` is ticked.
    pub fn ticked(&self, name: &str) -> bool {
        self.named(name).is_some_and(|f| prop_flag(&f, "checked"))
    }
    fn named(&self, name: &str) -> Option<Element> {
        self.el
            .query_selector(&format!("[name={name}]"))
            .ok()
            .flatten()
    }
    /// Empties the fields of a sent form, after it was taken.
    pub fn clear_form(&self) {
        fill(&self.el, &mut |_| (String::new(), false));
    }
}

/// Sets the draft fields under `root`: `values(name)` gives each its text and tick.
pub fn fill(root: &Element, values: &mut dyn FnMut(&str) -> (String, bool)) {
    let Ok(fields) = root.query_selector_all("[data-draft]") else {
        return;
    };
    for i in 0..fields.length() {
        let Some(f) = fields.item(i) else { continue };
        let name = f
            .dyn_ref::<Element>()
            .and_then(|e| e.get_attribute("name"))
            .unwrap_or_default();
        let (text, tick) = values(&name);
        let _ = js_sys::Reflect::set(&f, &"value".into(), &text.into());
        let _ = js_sys::Reflect::set(&f, &"checked".into(), &tick.into());
    }
}

fn prop_flag(el: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(el, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

fn prop_text(el: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(el, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

struct Spec {
    draw: Box<dyn Fn() -> El>,
    on: Box<dyn Fn(Ev)>,
}

/// A region on the page: its element, what it draws and handles, and the one listener that
/// catches its events. `generation` tells a stale cleanup from the current one.
struct Live {
    id: u32,
    generation: u32,
    el: Element,
    spec: Rc<Spec>,
    listener: Closure<dyn FnMut(Event)>,
}

thread_local! {
    static LIVE: RefCell<Vec<Live>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

/// The events a region handles, caught on the way down (capture), so that events that do
/// not bubble reach it too.
const EVENTS: [&str; 4] = ["click", "change", "input", "submit"];
/// Where a region element keeps its id.
const ID_KEY: &str = "cchcRegion";

/// A part of a view: drawn by `draw` from the signals it reads, redrawn when they change;
/// every action inside goes to `on`.
pub fn region(draw: impl Fn() -> El + 'static, on: impl Fn(Ev) + 'static) -> AnyView {
    mount(Rc::new(Spec {
        draw: Box::new(draw),
        on: Box::new(on),
    }))
}

fn mount(spec: Rc<Spec>) -> AnyView {
    view! { <div class="region" use:start=spec></div> }.into_any()
}

/// Draws at once (so the view is complete when mounted), then redraws in an effect. When
/// the shell redraws a view of the same kind, tachys reuses the element and runs this again:
/// the new drawing is then patched onto the old one, and the listener kept.
fn start(container: leptos::tachys::renderer::types::Element, spec: Rc<Spec>) {
    let generation = register(&container, spec.clone());
    let id = region_id(&container);
    on_cleanup(move || unregister(id, generation));
    let paint = move |next: El| match container.first_child() {
        Some(old) => morph(&old, &next.0),
        None => {
            let _ = container.append_child(&next.0);
        }
    };
    paint(untrack(|| (spec.draw)()));
    Effect::new(move |_| paint((spec.draw)()));
}

fn region_id(el: &Element) -> u32 {
    js_sys::Reflect::get(el, &ID_KEY.into())
        .ok()
        .and_then(|v| v.as_f64())
        .map_or(0, |v| v as u32)
}

/// Remembers the region (or, for an element already known, its new spec); returns the
/// generation its cleanup must match.
fn register(el: &Element, spec: Rc<Spec>) -> u32 {
    let known = region_id(el);
    LIVE.with(|live| {
        let mut live = live.borrow_mut();
        if let Some(entry) = live.iter_mut().find(|l| l.id == known && known != 0) {
            entry.spec = spec;
            entry.generation += 1;
            return entry.generation;
        }
        let id = NEXT.with(|n| {
            let id = n.get();
            n.set(id + 1);
            id
        });
        let listener = Closure::<dyn FnMut(Event)>::new(move |ev: Event| dispatch(id, ev));
        for kind in EVENTS {
            let _ = el.add_event_listener_with_callback_and_bool(
                kind,
                listener.as_ref().unchecked_ref(),
                true,
            );
        }
        let _ = js_sys::Reflect::set(el, &ID_KEY.into(), &f64::from(id).into());
        live.push(Live {
            id,
            generation: 0,
            el: el.clone(),
            spec,
            listener,
        });
        0
    })
}

/// Forgets a region when its view goes, unless a newer drawing took it over.
fn unregister(id: u32, generation: u32) {
    LIVE.with(|live| {
        let mut live = live.borrow_mut();
        let Some(at) = live
            .iter()
            .position(|l| l.id == id && l.generation == generation)
        else {
            return;
        };
        let gone = live.remove(at);
        for kind in EVENTS {
            let _ = gone.el.remove_event_listener_with_callback_and_bool(
                kind,
                gone.listener.as_ref().unchecked_ref(),
                true,
            );
        }
        let _ = js_sys::Reflect::delete_property(&gone.el, &ID_KEY.into());
    });
}

fn dispatch(id: u32, event: Event) {
    let Some(spec) = LIVE.with(|live| {
        live.borrow()
            .iter()
            .find(|l| l.id == id)
            .map(|l| l.spec.clone())
    }) else {
        return;
    };
    let kind = match event.type_().as_str() {
        "click" => "click",
        "change" => "change",
        "input" => "input",
        "submit" => "submit",
        _ => return,
    };
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let Ok(Some(el)) = target.closest("[data-a]") else {
        return;
    };
    if kind == "submit" {
        event.prevent_default();
    }
    // A click on a field is not an action; its change is.
    if kind == "click" && !matches!(el.tag_name().as_str(), "BUTTON" | "A") {
        return;
    }
    let act = el.get_attribute("data-a").unwrap_or_default();
    (spec.on)(Ev { kind, act, el });
}

/// Makes `old` (on the page) look like `new` (just drawn), touching only what differs.
/// Elements of another tag or id are replaced; children are matched by position.
pub fn morph(old: &Node, new: &Node) {
    if old.node_type() != new.node_type()
        || old.node_name() != new.node_name()
        || key(old) != key(new)
    {
        if let Some(parent) = old.parent_node() {
            let _ = parent.replace_child(new, old);
        }
        return;
    }
    let Some(o) = old.dyn_ref::<Element>() else {
        if old.node_value() != new.node_value() {
            old.set_node_value(new.node_value().as_deref());
        }
        return;
    };
    let n: &Element = new.unchecked_ref();
    sync_attributes(o, n);
    let fresh = children(new);
    let stale = children(old);
    for (i, kid) in fresh.iter().enumerate() {
        match stale.get(i) {
            Some(was) => morph(was, kid),
            None => {
                let _ = old.append_child(kid);
            }
        }
    }
    for was in stale.iter().skip(fresh.len()) {
        let _ = old.remove_child(was);
    }
    sync_value(o, n);
}

fn key(node: &Node) -> Option<String> {
    node.dyn_ref::<Element>()
        .and_then(|e| e.get_attribute("data-k").or_else(|| e.get_attribute("id")))
}

fn children(node: &Node) -> Vec<Node> {
    let list = node.child_nodes();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

fn sync_attributes(old: &Element, new: &Element) {
    let names = |e: &Element| -> Vec<String> {
        e.get_attribute_names()
            .iter()
            .filter_map(|n| n.as_string())
            .collect()
    };
    let wanted = names(new);
    for name in &wanted {
        let value = new.get_attribute(name);
        if old.get_attribute(name) != value {
            let _ = old.set_attribute(name, value.as_deref().unwrap_or_default());
        }
    }
    for name in names(old) {
        if !wanted.contains(&name) {
            let _ = old.remove_attribute(&name);
        }
    }
}

/// What the officer sees in a field follows the data, except in the field being typed in
/// and in draft fields (read when their form is sent).
fn sync_value(old: &Element, new: &Element) {
    if !matches!(old.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
        || old.has_attribute("data-draft")
    {
        return;
    }
    let checkable = matches!(
        old.get_attribute("type").as_deref(),
        Some("checkbox" | "radio")
    );
    if checkable {
        let _ = js_sys::Reflect::set(old, &"checked".into(), &new.has_attribute("checked").into());
        return;
    }
    let focused = document().active_element().is_some_and(|a| &a == old);
    let want = prop_text(new, "value");
    if !focused && prop_text(old, "value") != want {
        let _ = js_sys::Reflect::set(old, &"value".into(), &want.into());
    }
}

/// Moves the keyboard to an element (after "Sửa" fills a form further down).
pub fn focus(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

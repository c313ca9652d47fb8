//! The pieces every data view shares, drawn with [`super::dom`]: labelled fields bound to a
//! record's field, tables, drop-down lists, check boxes, status badges, and the plumbing
//! from typed text to an edit. One copy of each, so the single file stays small.

use cchc_core::model::edit::InputError;
use cchc_core::model::form::{changes_only, field_text, set_field, Input};
use cchc_core::model::scoring::TaskTiming;
use cchc_core::model::workspace::{Action, Op};
use cchc_core::model::{Points, Status};
use leptos::prelude::*;

use super::dom::{el, h, El, Ev};
use super::i18n;
use crate::state::AppState;

/// Applies edits built from typed text. A refusal, of the input or of the edit, comes
/// back as the words to show; nothing is saved then.
pub fn save(
    state: AppState,
    action: Action,
    ops: Result<Vec<Op>, InputError>,
) -> Result<(), String> {
    let t = i18n::t();
    let ops = ops.map_err(|e| (t.model.input_error)(&e))?;
    let ops = state.ws.with_untracked(|w| changes_only(&w.doc, ops));
    state
        .apply(action, ops)
        .map_err(|e| (t.model.edit_error)(&e))
}

/// The stored value of one field of a record, as its input shows it.
pub fn stored(state: AppState, id: &str, field: &str, input: Input) -> String {
    state
        .ws
        .with(|w| field_text(input, w.doc.get(id).and_then(|r| r.get(field))))
}

/// Points as people write them, or "chưa có số liệu".
pub fn points(value: Option<Points>) -> String {
    value.map_or_else(|| i18n::t().model.unknown.to_string(), Points::to_vi)
}

/// Refused input of a region, by field id: what was typed and why it was refused. The
/// field keeps showing the typed text, marked, until it is corrected.
#[derive(Clone, Copy)]
pub struct Errors(pub RwSignal<Vec<[String; 3]>>);

impl Errors {
    pub fn new() -> Errors {
        Errors(RwSignal::new(Vec::new()))
    }

    /// Records the outcome of saving what was typed in field `id`.
    pub fn note(self, id: &str, typed: String, outcome: Result<(), String>) {
        self.0.update(|list| {
            list.retain(|[i, _, _]| i != id);
            if let Err(message) = outcome {
                list.push([id.to_string(), typed, message]);
            }
        });
    }

    fn of(self, id: &str) -> Option<(String, String)> {
        self.0.with(|list| {
            list.iter()
                .find(|[i, _, _]| i == id)
                .map(|[_, t, m]| (t.clone(), m.clone()))
        })
    }

    /// The shown value of field `id`: the refused text while it stands, else `value`.
    pub fn value(self, id: &str, value: String) -> (String, Option<String>) {
        match self.of(id) {
            Some((typed, message)) => (typed, Some(message)),
            None => (value, None),
        }
    }

    /// Why the last try of `id` was refused, or nothing.
    pub fn message(self, id: &str) -> String {
        self.of(id).map(|(_, m)| m).unwrap_or_default()
    }

    /// Every refusal standing, for a view's one message line (tables).
    pub fn all(self) -> String {
        self.0.with(|list| {
            let messages: Vec<&str> = list.iter().map(|[_, _, m]| m.as_str()).collect();
            messages.join(" ")
        })
    }

    pub fn clear(self) {
        self.0.set(Vec::new());
    }
}

/// The kinds of [`Input`], as field elements carry them (`data-in`).
const INPUTS: [(Input, &str); 9] = [
    (Input::Text, "text"),
    (Input::Required, "required"),
    (Input::Lines, "lines"),
    (Input::Count, "count"),
    (Input::Year, "year"),
    (Input::Points, "points"),
    (Input::Date, "date"),
    (Input::Percent, "percent"),
    (Input::Deadline, "deadline"),
];

fn input_name(input: Input) -> &'static str {
    INPUTS
        .iter()
        .find(|(i, _)| *i == input)
        .map_or("text", |(_, n)| n)
}

fn input_of(name: &str) -> Option<Input> {
    INPUTS.iter().find(|(_, n)| *n == name).map(|(i, _)| *i)
}

/// A text input (or a text area) with its current value and the action its change sends.
#[inline(never)]
pub fn input(id: &str, value: &str, act: &str, multiline: bool) -> El {
    if multiline {
        el("textarea").id(id).at("rows", "3").act(act).t(value)
    } else {
        el("input")
            .at("type", "text")
            .id(id)
            .at("value", value)
            .act(act)
    }
}

/// A label, the control, a hint, and the reason of a refusal when there is one.
#[inline(never)]
pub fn field(id: &str, label: &str, control: El, hint: &str, error: Option<String>) -> El {
    let error_id = format!("{id}-loi");
    let control = control
        .at("aria-describedby", &error_id)
        .flag("aria-invalid", error.is_some());
    let hint = (!hint.is_empty()).then(|| h("p", hint).cls("hint"));
    el("div")
        .cls("field")
        .c(h("label", label).at("for", id))
        .c(control)
        .maybe(hint)
        .c(el("p")
            .cls("error")
            .id(&error_id)
            .at("role", "alert")
            .t(error.as_deref().unwrap_or_default()))
}

/// What a bound field shows and where it saves.
pub struct Bound<'a> {
    record: &'a str,
    field: &'a str,
    input: Input,
    label: &'a str,
    id: &'a str,
    hint: &'a str,
    area: bool,
}

/// Field `field` of record `record`, typed as `input`, shown as `label` with element id `id`.
pub fn bind<'a>(
    record: &'a str,
    field: &'a str,
    input: Input,
    label: &'a str,
    id: &'a str,
) -> Bound<'a> {
    Bound {
        record,
        field,
        input,
        label,
        id,
        hint: "",
        area: matches!(input, Input::Lines),
    }
}

impl<'a> Bound<'a> {
    /// Several lines of text.
    pub fn area(self) -> Bound<'a> {
        Bound { area: true, ..self }
    }
}

/// A field bound to one field of a record: shows what is stored, saves what is typed
/// (action `rec`, handled by [`common`]).
#[inline(never)]
pub fn bound(state: AppState, errors: Errors, b: Bound<'_>) -> El {
    let (value, error) = errors.value(b.id, stored(state, b.record, b.field, b.input));
    let control = input(b.id, &value, "rec", b.area)
        .data("rec", b.record)
        .data("f", b.field)
        .data("in", input_name(b.input));
    field(b.id, b.label, control, b.hint, error)
}

/// A bound field in a table cell: labelled for screen readers only; its refusal shows in
/// the view's message line.
#[inline(never)]
pub fn bound_cell(state: AppState, errors: Errors, b: Bound<'_>) -> El {
    let (value, error) = errors.value(b.id, stored(state, b.record, b.field, b.input));
    input(b.id, &value, "rec", false)
        .cls("cell wide")
        .data("rec", b.record)
        .data("f", b.field)
        .data("in", input_name(b.input))
        .at("aria-label", b.label)
        .flag("aria-invalid", error.is_some())
}

/// A field of a form that is read when the form is sent (`name`), never redrawn.
#[inline(never)]
pub fn draft(id: &str, name: &str, label: &str, hint: &str) -> El {
    let control = el("input")
        .at("type", "text")
        .id(id)
        .at("name", name)
        .flag("data-draft", true);
    field(id, label, control, hint, None)
}

/// Handles what every region shares: a bound field changed. Returns whether it did.
pub fn common(state: AppState, errors: Errors, ev: &Ev) -> bool {
    if ev.act != "rec" || ev.kind != "change" {
        return false;
    }
    let Some(input) = input_of(&ev.data("in")) else {
        return true;
    };
    let text = ev.value();
    let ops = set_field(&ev.data("rec"), &ev.data("f"), input, &text).map(|op| vec![op]);
    errors.note(&ev.el.id(), text, save(state, Action::Edit, ops));
    true
}

/// A drop-down list of (value, label), the current value selected.
#[inline(never)]
pub fn select(id: &str, options: &[(String, String)], current: &str, act: &str) -> El {
    let list = options
        .iter()
        .map(|(v, l)| {
            el("option")
                .at("value", v)
                .flag("selected", v == current)
                .t(l)
        })
        .collect();
    el("select").id(id).act(act).cs(list)
}

/// A labelled drop-down list.
#[inline(never)]
pub fn choice(id: &str, label: &str, options: &[(String, String)], current: &str, act: &str) -> El {
    field(id, label, select(id, options, current, act), "", None)
}

/// A check box; the caller adds its action and data.
#[inline(never)]
pub fn checkbox(checked: bool) -> El {
    el("input").at("type", "checkbox").flag("checked", checked)
}

/// Wraps a check box (from [`checkbox`]) in its label.
#[inline(never)]
pub fn labelled(checkbox: El, label: &str) -> El {
    el("label").cls("check").c(checkbox).t(" ").t(label)
}

#[inline(never)]
pub fn button(label: &str, act: &str) -> El {
    el("button").at("type", "button").act(act).t(label)
}

#[inline(never)]
pub fn th(text: &str) -> El {
    h("th", text)
}

/// A header of a numeric column.
#[inline(never)]
pub fn thn(text: &str) -> El {
    h("th", text).cls("num")
}

#[inline(never)]
pub fn td(text: &str) -> El {
    h("td", text)
}

/// A numeric cell.
#[inline(never)]
pub fn tdn(text: &str) -> El {
    h("td", text).cls("num")
}

#[inline(never)]
pub fn tr(cells: Vec<El>) -> El {
    el("tr").cs(cells)
}

/// A table with its header row.
#[inline(never)]
pub fn table(id: &str, heads: Vec<El>, rows: Vec<El>) -> El {
    el("table")
        .id(id)
        .c(el("thead").c(tr(heads)))
        .c(el("tbody").cs(rows))
}

/// Status by colour and by text: a task's status, and late or due soon when it is.
#[inline(never)]
pub fn badge(status: Status, timing: &TaskTiming) -> El {
    let words = i18n::t().model;
    let said = words.status(status);
    let (class, text) = match timing {
        TaskTiming::Late { .. } => ("badge late", format!("{said} · {}", words.late)),
        TaskTiming::DueSoon(_) => ("badge soon", format!("{said} · {}", words.due_soon)),
        TaskTiming::Done { late: true } => (
            "badge done-late",
            words.status(Status::DoneLate).to_string(),
        ),
        TaskTiming::Done { .. } => ("badge done", said.to_string()),
        _ if status == Status::InProgress => ("badge doing", said.to_string()),
        _ => ("badge", said.to_string()),
    };
    h("span", &text).cls(class)
}

/// A button that asks again before acting: `asking` holds which one is asking.
pub fn confirm(
    asking: RwSignal<Option<&'static str>>,
    id: &'static str,
    label: &str,
    question: &str,
) -> El {
    if asking.get() == Some(id) {
        el("span")
            .cls("confirm")
            .at("role", "group")
            .c(h("strong", question))
            .t(" ")
            .c(button(label, id).cls("danger").id(&format!("{id}-dong-y")))
            .t(" ")
            .c(button(i18n::t().form.cancel, "no"))
    } else {
        button(label, "ask").id(id).data("ask", id)
    }
}

/// Handles the two steps of [`confirm`]: returns the confirmed action, if this was one.
pub fn confirmed(
    asking: RwSignal<Option<&'static str>>,
    ev: &Ev,
    ids: &[&'static str],
) -> Option<&'static str> {
    match ev.act.as_str() {
        "ask" => {
            let wanted = ev.data("ask");
            asking.set(ids.iter().find(|i| **i == wanted).copied());
            None
        }
        "no" => {
            asking.set(None);
            None
        }
        act => {
            let hit = ids.iter().find(|i| **i == act).copied();
            if hit.is_some() {
                asking.set(None);
            }
            hit
        }
    }
}

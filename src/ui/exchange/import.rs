//! Nhập tệp: pick or drop a file, read it as bytes, let `format::decode` judge it, show the
//! preview (`import::preview`), and merge only on "Xác nhận gộp". A refused file changes nothing.

use std::sync::Arc;

use cchc_core::exchange::format::{self, File, MAX_BYTES};
use cchc_core::exchange::import::{self, Choices, Outcome, Preview, RecordPreview, Side};
use cchc_core::exchange::{ImportError, Problem, Scope};
use cchc_core::model::doc::{Doc, Kind};
use cchc_core::model::records::f;
use cchc_core::model::workspace::Action;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::describe::{self, Lookup};
use super::parts::{self, Each};
use crate::state::{AppState, Revision};
use crate::ui::dom::{el, h, region, El, Ev};
use crate::ui::form::button;
use crate::ui::i18n::{self, exchange::fill};
use crate::ui::Flash;

/// Records listed per group; the rest are counted.
const LIST_LIMIT: usize = 150;
/// Characters of an added record's summary.
const SUMMARY_CHARS: usize = 300;
/// Fields left out of an added record's summary: bookkeeping, not content.
const QUIET_FIELDS: [&str; 5] = [f::WRITTEN, f::ORDER, f::ORIGIN, f::PLAN, f::DOUBTS];

/// A decoded file waiting for the officer's decision.
pub struct Pending {
    pub name: String,
    pub file: File,
    pub preview: Preview,
    /// The workspace's revision the preview was made against.
    pub revision: Revision,
}

/// Where an import stands.
#[derive(Clone)]
pub enum Stage {
    Idle,
    Reading(String),
    Refused { file: String, message: String },
    Preview(Arc<Pending>),
}

/// What the import panel keeps between drawings.
#[derive(Clone, Copy)]
struct Panel {
    state: AppState,
    stage: RwSignal<Stage>,
    choices: RwSignal<Choices>,
    /// What the last action did, said under the drop zone.
    result: RwSignal<Option<String>>,
    /// A file is being dragged over the drop zone.
    over: RwSignal<bool>,
    /// The conflicting fields of the preview shown, by the radios' `data-i`.
    keys: StoredValue<Vec<(String, String)>>,
    /// The shell's message line: the first import into an empty browser redraws the view.
    flash: Flash,
}

/// The import panel: the drop zone and file button, the undo of the last import, and what
/// the stage shows (the refusal or the preview). Drag events do not reach a region's handler,
/// so the zone's wrapper takes them.
pub fn import_panel(state: AppState) -> impl IntoView {
    let p = Panel {
        state,
        stage: RwSignal::new(Stage::Idle),
        choices: RwSignal::new(Choices::new()),
        result: RwSignal::new(None),
        over: RwSignal::new(false),
        keys: StoredValue::new(Vec::new()),
        flash: expect_context::<Flash>(),
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        p.over.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            take_file(p, file);
        }
    };
    let on_drag_over = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        p.over.set(true);
    };
    view! {
        <div on:dragover=on_drag_over on:dragleave=move |_| p.over.set(false) on:drop=on_drop>
            {region(move || draw(p), move |ev| on(p, ev))}
        </div>
    }
}

fn draw(p: Panel) -> El {
    let t = i18n::t().exchange;
    let zone = if p.state.read_only() {
        h("p", t.read_only).cls("notice notice-warn")
    } else {
        // The native input stays focusable (hidden only visually): the label is its face, in
        // Vietnamese whatever the browser's language.
        el("div")
            .id("drop-zone")
            .cls(if p.over.get() {
                "drop-zone over"
            } else {
                "drop-zone"
            })
            .c(el("input")
                .at("type", "file")
                .id("import-file")
                .cls("file-input")
                .at("accept", ".json,application/json")
                .act("pick"))
            .c(h("label", t.choose_file)
                .at("for", "import-file")
                .cls("button"))
            .t(" ")
            .c(h("span", t.drop_here).cls("hint"))
    };
    let stage = p
        .stage
        .with(|s| stage_dom(s, p.state, p.keys, p.choices))
        .unwrap_or_else(|| el("div"));
    el("section")
        .cls("panel")
        .at("aria-labelledby", "import-title")
        .c(h("h3", t.import_title).id("import-title"))
        .c(h("p", t.import_intro).cls("hint"))
        .c(zone)
        .c(h("p", p.result.get().as_deref().unwrap_or_default())
            .id("import-status")
            .cls("status")
            .at("role", "status"))
        .maybe(undo_import(p.state))
        .c(stage)
}

fn on(p: Panel, ev: Ev) {
    let t = i18n::t().exchange;
    match (ev.kind, ev.act.as_str()) {
        ("change", "pick") => {
            let Some(input) = ev.el.dyn_ref::<web_sys::HtmlInputElement>() else {
                return;
            };
            if let Some(file) = input.files().and_then(|l| l.get(0)) {
                take_file(p, file);
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        }
        ("change", "choice") => {
            let side = if ev.data("side") == "mine" {
                Side::Mine
            } else {
                Side::Theirs
            };
            let key = ev
                .data("i")
                .parse::<usize>()
                .ok()
                .and_then(|i| p.keys.with_value(|k| k.get(i).cloned()));
            if let Some(key) = key {
                p.choices.update(|c| {
                    c.insert(key, side);
                });
            }
        }
        ("click", "undo-import") => {
            let message = match p.state.undo_import() {
                Ok(Action::Import { file, .. }) => fill(t.undo_import_done, &[&file]),
                Ok(_) | Err(_) => t.undo_import_blocked.to_string(),
            };
            p.result.set(Some(message));
        }
        ("click", act @ ("confirm" | "cancel")) => {
            let message = match (act, p.stage.get_untracked()) {
                ("confirm", Stage::Preview(pending)) => {
                    confirm(p.state, &pending, &p.choices.get_untracked())
                }
                _ => t.cancelled.to_string(),
            };
            p.flash.say(message.clone());
            p.result.set(Some(message));
            p.stage.set(Stage::Idle);
        }
        _ => {}
    }
}

/// "Hoàn tác lần nhập vừa rồi", once an import is in the history: enabled when the import
/// is the last step, else why not.
fn undo_import(state: AppState) -> Option<El> {
    let t = i18n::t().exchange;
    let (any, on_top) = state.ws.with(|w| {
        (
            w.history
                .iter()
                .any(|c| matches!(c.action, Action::Import { .. })),
            matches!(w.can_undo(), Some(Action::Import { .. })),
        )
    });
    any.then(|| {
        el("div")
            .cls("row")
            .c(button(t.undo_import, "undo-import")
                .id("undo-import")
                .flag("disabled", !on_top))
            .maybe((!on_top).then(|| h("span", t.undo_import_blocked).cls("hint")))
    })
}

/// Merges the file against the workspace as it is now; the choices are kept by record and
/// field, so they still apply. Says what happened.
fn confirm(state: AppState, pending: &Pending, choices: &Choices) -> String {
    let t = i18n::t().exchange;
    // Made again only if the workspace changed since: the preview is the costly part.
    let fresh;
    let now = if state.revision() == pending.revision {
        &pending.preview
    } else {
        fresh = state
            .ws
            .with_untracked(|w| import::preview(&w.doc, &pending.file));
        &fresh
    };
    match state.import(now, choices, &pending.name) {
        Some(a) => fill(
            t.applied,
            &[
                &pending.name,
                &a.added.to_string(),
                &a.updated.to_string(),
                &a.conflicting.to_string(),
            ],
        ),
        None => t.read_only.to_string(),
    }
}

/// Checks the size, reads the bytes, and decodes: the preview or the refusal.
fn take_file(p: Panel, file: web_sys::File) {
    let t = i18n::t().exchange;
    let name = file.name();
    p.result.set(None);
    p.choices.set(Choices::new());
    // Checked before reading: a huge file is never loaded.
    let size = file.size();
    if size > MAX_BYTES as f64 {
        let error = ImportError::new(
            Problem::TooLarge {
                bytes: size as usize,
                limit: MAX_BYTES,
            },
            "",
        );
        let message = (t.import_error)(&error, &name);
        p.stage.set(Stage::Refused {
            file: name,
            message,
        });
        return;
    }
    p.stage.set(Stage::Reading(name.clone()));
    leptos::task::spawn_local(async move {
        let read = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        let next = match read {
            Ok(buffer) => decide(p.state, name, &js_sys::Uint8Array::new(&buffer).to_vec()),
            Err(e) => Stage::Refused {
                message: fill(t.read_failed, &[&e.as_string().unwrap_or_default()]),
                file: name,
            },
        };
        p.stage.set(next);
    });
}

/// The file judged: refused with the reason, or previewed against the workspace.
pub fn decide(state: AppState, name: String, bytes: &[u8]) -> Stage {
    match format::decode(bytes) {
        Err(e) => Stage::Refused {
            message: (i18n::t().exchange.import_error)(&e, &name),
            file: name,
        },
        Ok(file) => {
            let preview = state.ws.with_untracked(|w| import::preview(&w.doc, &file));
            Stage::Preview(Arc::new(Pending {
                name,
                file,
                preview,
                revision: state.revision(),
            }))
        }
    }
}

/// What the container shows for a stage: nothing, "reading", the refusal, or the preview.
fn stage_dom(
    stage: &Stage,
    state: AppState,
    keys: StoredValue<Vec<(String, String)>>,
    choices: RwSignal<Choices>,
) -> Option<El> {
    let t = i18n::t().exchange;
    match stage {
        Stage::Idle => None,
        Stage::Reading(name) => Some(h("p", &format!("{} {name}", t.reading)).cls("status")),
        Stage::Refused { file, message } => Some(
            el("div")
                .at("id", "import-refused")
                .at("role", "alert")
                .cls("notice notice-error")
                .c(h("strong", &fill(t.refused, &[file])))
                .c(h("p", message).at("id", "import-error"))
                .c(h("p", t.nothing_changed)),
        ),
        Stage::Preview(pending) => {
            let chosen = choices.get();
            let mut picks = Picks {
                chosen: &chosen,
                keys: Vec::new(),
            };
            let content = state
                .ws
                .with_untracked(|w| preview_dom(pending, &w.doc, &mut picks));
            keys.set_value(picks.keys);
            Some(content)
        }
    }
}

/// The preview: who sent what, the counts, what falls outside a unit's part, then the records
/// by outcome with their field-by-field diff, then confirm or cancel.
/// The conflicting fields shown, in the order of their radios, and what is chosen for each.
struct Picks<'a> {
    chosen: &'a Choices,
    keys: Vec<(String, String)>,
}

fn preview_dom(pending: &Pending, local: &Doc, picks: &mut Picks) -> El {
    let t = i18n::t().exchange;
    let preview = &pending.preview;
    let look = Lookup(vec![preview.incoming(), local]);
    let header = &preview.header;
    let (scope, unit) = match &header.scope {
        Scope::Workspace => (t.scope_all.to_string(), String::new()),
        Scope::Unit { name, .. } => (fill(t.scope_unit, &[name]), name.clone()),
    };
    let sender = match header.exported_by.trim() {
        "" => t.unnamed_sender,
        name => name,
    };
    let fact = |label: &str, value: &str, id: &str| {
        el("tr")
            .c(h("th", label).at("scope", "row"))
            .c(h("td", value).at("id", id))
    };
    let facts = el("table").cls("facts").c(el("tbody")
        .c(fact(t.from_file, &pending.name, "preview-file"))
        .c(fact(t.sent_by, sender, "preview-sender"))
        .c(fact(
            t.exported_at,
            &describe::sender_time(&header.exported_at),
            "preview-at",
        ))
        .c(fact(t.scope, &scope, "preview-scope")));
    let counts = el("ul")
        .at("id", "preview-counts")
        .cls("counts")
        .each(OUTCOMES.iter().map(|&o| {
            el("li")
                .cls(&format!("count {}", outcome_class(o)))
                .at("data-outcome", outcome_class(o))
                .t(&format!("{}: ", t.outcomes[outcome_index(o)]))
                .c(h("strong", &preview.count(o).to_string()))
        }));
    let anything_new = preview
        .records
        .iter()
        .any(|r| r.outcome != Outcome::Unchanged);
    let nothing_new =
        (!anything_new).then(|| h("p", t.nothing_new).at("id", "nothing-new").cls("notice"));
    let outside: Vec<String> = preview
        .outside_scope()
        .map(|r| look.label(&r.id, &r.kind))
        .collect();
    let outside = (!outside.is_empty()).then(|| {
        el("div")
            .at("id", "outside-scope")
            .cls("notice notice-warn")
            .c(h(
                "p",
                &fill(t.outside_scope, &[&unit, &outside.len().to_string()]),
            ))
            .c(el("ul").each(outside.iter().map(|l| h("li", l))))
    });
    let groups = [Outcome::Conflicting, Outcome::Updated, Outcome::Added]
        .into_iter()
        .filter(|&o| preview.count(o) > 0)
        .map(|o| group_dom(preview, o, &look, picks));
    let actions =
        el("div")
            .cls("row actions")
            .maybe(anything_new.then(|| {
                parts::button(t.confirm, "confirm", 0, "primary").at("id", "import-confirm")
            }))
            .c(parts::button(t.cancel, "cancel", 0, "").at("id", "import-cancel"));
    el("div")
        .at("id", "import-preview")
        .cls("preview")
        .c(h("h4", t.preview_title))
        .c(facts)
        .c(counts)
        .maybe(nothing_new)
        .maybe(outside)
        .each(groups)
        .c(actions)
}

const OUTCOMES: [Outcome; 4] = [
    Outcome::Added,
    Outcome::Updated,
    Outcome::Conflicting,
    Outcome::Unchanged,
];

fn outcome_index(outcome: Outcome) -> usize {
    OUTCOMES.iter().position(|o| *o == outcome).unwrap_or(0)
}

fn outcome_class(outcome: Outcome) -> &'static str {
    ["added", "updated", "conflicting", "unchanged"][outcome_index(outcome)]
}

/// The records of one outcome, by kind (plans, criteria, tasks, …), at most [`LIST_LIMIT`].
fn group_dom(preview: &Preview, outcome: Outcome, look: &Lookup, picks: &mut Picks) -> El {
    let t = i18n::t().exchange;
    let total = preview.count(outcome);
    let records = Kind::ALL
        .iter()
        .map(Some)
        .chain([None])
        .flat_map(|kind| {
            preview.of(outcome).filter(move |r| match kind {
                Some(k) => r.kind == *k,
                None => !Kind::ALL.contains(&r.kind),
            })
        })
        .take(LIST_LIMIT);
    let table = if outcome == Outcome::Added {
        el("table")
            .cls("diff")
            .c(parts::head_row(&[t.col_record, t.col_theirs]))
            .c(el("tbody").each(records.map(|r| added_row(r, look))))
    } else {
        let conflicts = outcome == Outcome::Conflicting;
        let mut titles = vec![t.col_field, t.col_mine, t.col_theirs, t.col_merged];
        if conflicts {
            titles.push(t.col_choice);
        }
        let columns = titles.len().to_string();
        el("table")
            .cls("diff")
            .c(parts::head_row(&titles))
            .each(records.map(|r| diff_rows(r, look, &columns, conflicts, picks)))
    };
    el("section")
        .cls(&format!("group {}", outcome_class(outcome)))
        .at("data-outcome", outcome_class(outcome))
        .c(h(
            "h5",
            &format!("{} ({total})", t.outcomes[outcome_index(outcome)]),
        ))
        .maybe((outcome == Outcome::Conflicting).then(|| h("p", t.conflict_hint).cls("hint")))
        .c(table)
        .maybe((total > LIST_LIMIT).then(|| {
            h(
                "p",
                &fill(t.more_records, &[&(total - LIST_LIMIT).to_string()]),
            )
            .cls("hint")
        }))
}

/// An added record: its label, and its fields in one line.
fn added_row(r: &RecordPreview, look: &Lookup) -> El {
    let summary = r
        .fields
        .iter()
        .filter(|fc| !QUIET_FIELDS.contains(&fc.field.as_str()))
        .map(|fc| {
            format!(
                "{}: {}",
                describe::field_label(&fc.field),
                look.value(&fc.field, &fc.merged)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    el("tr")
        .c(h("td", &look.label(&r.id, &r.kind)).cls("label"))
        .c(h("td", &describe::shorten(&summary, SUMMARY_CHARS)))
}

/// An updated or conflicting record: a heading row, then one row per changed field.
fn diff_rows(
    r: &RecordPreview,
    look: &Lookup,
    columns: &str,
    with_choice: bool,
    picks: &mut Picks,
) -> El {
    let t = i18n::t().exchange;
    let heading = h("th", &look.label(&r.id, &r.kind))
        .at("colspan", columns)
        .at("scope", "rowgroup")
        .maybe(
            r.delete_conflict
                .then(|| h("span", &format!(" — {}", t.delete_conflict)).cls("note")),
        );
    let fields = r.fields.iter().map(|fc| {
        let row = el("tr")
            .c(h("th", &describe::field_label(&fc.field)).at("scope", "row"))
            .c(h("td", &look.value(&fc.field, &fc.mine)))
            .c(h("td", &look.value(&fc.field, &fc.theirs)))
            .c(h("td", &look.value(&fc.field, &fc.merged)).cls("merged"));
        match (with_choice, fc.conflict) {
            (true, Some(default)) => {
                let key = (r.id.clone(), fc.field.clone());
                let side = picks.chosen.get(&key).copied().unwrap_or(default);
                picks.keys.push(key);
                row.cls("conflict")
                    .c(choice_cell(picks.keys.len() - 1, default, side))
            }
            (true, None) => row.c(el("td")),
            _ => row,
        }
    });
    el("tbody")
        .c(el("tr").cls("record").c(heading))
        .each(fields.collect::<Vec<_>>())
}

/// Mine or theirs for conflict `i`: the merge's default marked, the chosen side checked.
fn choice_cell(i: usize, default: Side, chosen: Side) -> El {
    let t = i18n::t().exchange;
    let option = |side: Side, words: &str| {
        let name = if side == Side::Mine { "mine" } else { "theirs" };
        let id = format!("choice-{i}-{name}");
        let radio = el("input")
            .at("type", "radio")
            .id(&id)
            .at("name", &format!("choice-{i}"))
            .act("choice")
            .data("side", name)
            .data("i", &i.to_string())
            .flag("checked", side == chosen);
        let mark = if side == default { t.by_default } else { "" };
        el("label")
            .at("for", &id)
            .c(radio)
            .t(&format!(" {words} {mark}"))
    };
    el("td")
        .cls("choice")
        .c(option(Side::Mine, t.keep_mine))
        .c(el("br"))
        .c(option(Side::Theirs, t.take_theirs))
}

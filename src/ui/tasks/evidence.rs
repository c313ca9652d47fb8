//! Hồ sơ kiểm chứng: the evidence of a task or a criterion, with a form to add one or
//! correct one. A criterion with its tasks done and no evidence scores 0 at appraisal.

use cchc_core::model::code::Code;
use cchc_core::model::deadline::date_vi;
use cchc_core::model::edit::{add_evidence, edit_evidence, Attach, EvidenceInput};
use cchc_core::model::workspace::{Action, Op};
use cchc_core::model::{Evidence, Kind, PlanView};
use leptos::prelude::*;

use super::super::dom::{el, fill, focus, h, El, Ev};
use super::super::form::{button, checkbox, draft, labelled, save, table, td, th, Errors};
use super::super::{i18n, Flash};
use crate::state::AppState;

/// The form's text fields (labels: `t.evidence_fields`, in the same order).
const NAMES: [&str; 8] = [
    "number", "date", "title", "issuer", "filed_at", "page", "file", "note",
];

fn texts(e: &Evidence) -> [String; 8] {
    [
        e.number.clone(),
        e.date.map(date_vi).unwrap_or_default(),
        e.title.clone(),
        e.issuer.clone(),
        e.filed_at.clone(),
        e.page.clone(),
        e.file.clone(),
        e.note.clone(),
    ]
}

fn attached<'a>(v: &'a PlanView, attach: &'a Attach) -> impl Iterator<Item = &'a Evidence> + 'a {
    v.evidence.iter().filter(move |e| match attach {
        Attach::Task(id) => e.task.as_deref() == Some(id.as_str()),
        Attach::Criterion(code) => e.code.as_ref() == Some(code) && e.task.is_none(),
    })
}

/// The list and the form. `editing` is the record being corrected, if any.
pub fn draw(editing: Option<&str>, errors: Errors, v: &PlanView, attach: &Attach) -> El {
    let t = i18n::t().tasks;
    let form = i18n::t().form;
    let list: Vec<&Evidence> = attached(v, attach).collect();
    let rows = list
        .iter()
        .map(|e| {
            let mut cells: Vec<El> = texts(e).iter().map(|c| td(c)).collect();
            cells.push(td(if e.uploaded { form.yes } else { form.no }));
            cells.push(
                el("td")
                    .cls("actions")
                    .c(button(form.edit, "ev-edit").data("id", &e.id))
                    .t(" ")
                    .c(button(form.delete, "ev-del").data("id", &e.id)),
            );
            el("tr").data("k", &e.id).cs(cells)
        })
        .collect();
    let mut heads: Vec<El> = t.evidence_fields.iter().map(|l| th(l)).collect();
    heads.push(th(t.uploaded));
    heads.push(th(form.actions));
    let inputs = NAMES
        .iter()
        .zip(t.evidence_fields)
        .map(|(name, label)| {
            let hint = if *name == "date" { t.date_hint } else { "" };
            draft(&format!("evidence-{name}"), name, label, hint)
        })
        .collect();
    let uploaded = checkbox(false)
        .id("evidence-uploaded")
        .at("name", "uploaded")
        .flag("data-draft", true);
    let (task, code) = match attach {
        Attach::Task(id) => (id.as_str(), String::new()),
        Attach::Criterion(code) => ("", code.to_string()),
    };
    let cancel = editing.map(|_| button(form.cancel, "ev-cancel"));
    el("section")
        .id("evidence")
        .c(h("h3", &format!("{} ({})", t.evidence_title, list.len())))
        .c(if list.is_empty() {
            h("p", t.no_evidence).cls("empty").id("evidence-list")
        } else {
            table("evidence-list", heads, rows).cls("evidence")
        })
        .c(el("form")
            .cls("add-form")
            .id("evidence-form")
            .act("ev-save")
            .data("task", task)
            .data("code", &code)
            .data("id", editing.unwrap_or_default())
            .c(h(
                "h4",
                if editing.is_some() {
                    t.evidence_edit
                } else {
                    t.evidence_add
                },
            ))
            .c(el("div")
                .cls("form-grid")
                .cs(inputs)
                .c(labelled(uploaded, t.uploaded)))
            .c(h("button", t.evidence_save)
                .at("type", "submit")
                .id("save-evidence")
                .cls("primary"))
            .t(" ")
            .maybe(cancel)
            .c(h("p", &errors.message("evidence"))
                .cls("error")
                .id("evidence-error")
                .at("role", "alert")))
}

/// Handles the evidence actions; returns whether this was one.
pub fn on(
    state: AppState,
    editing: RwSignal<Option<String>>,
    errors: Errors,
    flash: Flash,
    ev: &Ev,
) -> bool {
    let t = i18n::t().tasks;
    match (ev.kind, ev.act.as_str()) {
        ("click", "ev-edit") => {
            let Some(v) = state.plan.get_untracked() else {
                return true;
            };
            let id = ev.data("id");
            let Some(e) = v.evidence.iter().find(|e| e.id == id) else {
                return true;
            };
            let values = texts(e);
            if let Some(form) = document().get_element_by_id("evidence-form") {
                fill(&form, &mut |name| {
                    let text = NAMES
                        .iter()
                        .position(|n| *n == name)
                        .map(|i| values[i].clone())
                        .unwrap_or_default();
                    (text, name == "uploaded" && e.uploaded)
                });
            }
            editing.set(Some(id));
            focus("evidence-number");
        }
        ("click", "ev-cancel") => {
            if let Some(form) = document().get_element_by_id("evidence-form") {
                fill(&form, &mut |_| (String::new(), false));
            }
            editing.set(None);
        }
        ("click", "ev-del") => {
            let _ = save(
                state,
                Action::Remove,
                Ok(vec![Op::Delete { id: ev.data("id") }]),
            );
        }
        ("submit", "ev-save") => {
            let [number, date, title, issuer, filed_at, page, file, note] =
                NAMES.map(|n| ev.field(n));
            let input = EvidenceInput {
                number,
                date,
                title,
                issuer,
                filed_at,
                page,
                file,
                uploaded: ev.ticked("uploaded"),
                note,
            };
            let Some(v) = state.plan.get_untracked() else {
                return true;
            };
            let id = ev.data("id");
            let outcome = if id.is_empty() {
                let attach = match Code::parse(&ev.data("code")) {
                    Some(code) => Attach::Criterion(code),
                    None => Attach::Task(ev.data("task")),
                };
                let new = state.new_id(Kind::Evidence);
                let op = add_evidence(&v.plan.id, &attach, &input, new);
                save(state, Action::AddEvidence, op.map(|op| vec![op]))
            } else {
                save(state, Action::Edit, edit_evidence(&v, &id, &input))
            };
            let ok = outcome.is_ok();
            errors.note("evidence", String::new(), outcome);
            if ok {
                ev.clear_form();
                editing.set(None);
                flash.say(t.evidence_saved);
            }
        }
        _ => return false,
    }
    true
}

//! The editor of one task: every field of the model, the people it names, extensions,
//! the months or quarters of a recurring task, the reading's doubts, and its evidence.

use cchc_core::model::code::code_text;
use cchc_core::model::deadline::{date_vi, Period};
use cchc_core::model::edit::{mark_done, set_period, set_status, Attach};
use cchc_core::model::form::{
    add_extension, assign, clear_doubts, remove_extension, set_field, set_task_code, Input, Role,
};
use cchc_core::model::records::f;
use cchc_core::model::scoring::task_timing;
use cchc_core::model::workspace::{Action, Op};
use cchc_core::model::{PlanView, Status, Task};
use leptos::prelude::*;

use super::super::dom::{el, h, El, Ev};
use super::super::form::{
    badge, bind, bound, button, checkbox, choice, common, confirm, confirmed, draft, field, input,
    labelled, save, table, td, th,
};
use super::super::{i18n, Flash};
use super::{deadline_text, evidence, officer_label, open_task, TaskState};
use crate::state::AppState;

const ROLES: [(Role, &str); 3] = [
    (Role::Lead, "lead"),
    (Role::Support, "support"),
    (Role::Officer, "officer"),
];

pub fn draw(state: AppState, ts: TaskState, v: &PlanView, id: &str) -> El {
    let t = i18n::t().tasks;
    let back = el("p").c(button(t.back, "back").id("back-to-list"));
    let Some(task) = v.task(id) else {
        return el("div")
            .id("task-editor")
            .c(back)
            .c(h("p", t.missing).cls("empty").id("task-missing"));
    };
    let as_of = state.as_of();
    let code = code_text(task.code.as_ref());
    let timing = task_timing(task, &v.plan, as_of);
    let errors = ts.errors;
    let b =
        |field, input, label, dom_id| bound(state, errors, bind(id, field, input, label, dom_id));
    let special = |dom_id: &str, label, value: String, act, hint| {
        let (value, error) = errors.value(dom_id, value);
        field(
            dom_id,
            label,
            input(dom_id, &value, act, false),
            hint,
            error,
        )
    };
    let statuses: Vec<(String, String)> = Status::ALL
        .map(|s| {
            (
                s.as_str().to_string(),
                i18n::t().model.status(s).to_string(),
            )
        })
        .to_vec();
    el("div")
        .id("task-editor")
        .cls("editor")
        .c(back)
        .c(el("h3")
            .cls("editor-title")
            .t(&format!("{code} {} ", task.title))
            .c(badge(task.status, &timing)))
        .c(el("div")
            .cls("actions")
            .c(button(t.mark_done, "done").id("mark-done").cls("primary"))
            .t(" ")
            .c(confirm(
                ts.asking,
                "delete-task",
                t.delete,
                t.delete_question,
            )))
        .c(el("div")
            .cls("form-grid")
            .c(bound(
                state,
                errors,
                bind(id, f::TITLE, Input::Required, t.title, "task-title").area(),
            ))
            .c(bound(
                state,
                errors,
                bind(id, f::DETAIL, Input::Text, t.detail, "task-detail").area(),
            ))
            .c(special("task-code", t.code, code, "code", t.code_hint))
            .c(choice(
                "task-status",
                t.status,
                &statuses,
                task.status.as_str(),
                "status",
            ))
            .c(special(
                "task-deadline",
                t.deadline,
                i18n::t().model.deadline(task.deadline),
                "deadline",
                t.deadline_hint,
            ))
            .c(b(f::DONE_ON, Input::Date, t.done_on, "task-done-on"))
            .c(b(
                f::PROGRESS,
                Input::Percent,
                t.progress_percent,
                "task-progress",
            ))
            .c(b(f::LEADER, Input::Text, t.leader, "task-leader"))
            .c(bound(
                state,
                errors,
                bind(id, f::NOTE, Input::Text, t.note, "task-note").area(),
            )))
        .c(el("div").cls("people").cs(ROLES
            .iter()
            .zip([t.lead, t.support, t.officers])
            .map(|((role, name), legend)| people(v, task, *role, name, legend))
            .collect()))
        .maybe((!task.deadline.is_recurring()).then(|| extensions(task, errors.message("ext"))))
        .maybe(periods(v, task, as_of))
        .maybe(doubts(task))
        .c(evidence::draw(
            ts.evidence.get().as_deref(),
            errors,
            v,
            &Attach::Task(id.to_string()),
        ))
}

/// Boxes to tick for the units (or officers) a task names in one role.
fn people(v: &PlanView, task: &Task, role: Role, name: &str, legend: &str) -> El {
    let (named, choices): (&[String], Vec<(String, String)>) = match role {
        Role::Lead => (&task.lead, units(v)),
        Role::Support => (&task.support, units(v)),
        Role::Officer => (
            &task.officers,
            v.officers
                .iter()
                .map(|o| (o.id.clone(), officer_label(v, &o.id)))
                .collect(),
        ),
    };
    let boxes = choices
        .iter()
        .map(|(pid, label)| {
            let input = checkbox(named.contains(pid))
                .act("role")
                .data("role", name)
                .data("id", pid);
            labelled(input, label)
        })
        .collect();
    el("fieldset")
        .id(&format!("task-{name}"))
        .c(h("legend", legend))
        .cs(boxes)
}

fn units(v: &PlanView) -> Vec<(String, String)> {
    v.units
        .iter()
        .map(|u| (u.id.clone(), u.name.clone()))
        .collect()
}

/// Gia hạn: each extension with its date and reason; add or withdraw one.
fn extensions(task: &Task, error: String) -> El {
    let t = i18n::t().tasks;
    let form = i18n::t().form;
    let rows = task
        .extensions
        .iter()
        .enumerate()
        .map(|(i, e)| {
            el("tr").cs(vec![
                td(&date_vi(e.date)),
                td(&e.reason),
                td(&e.granted.map(date_vi).unwrap_or_default()),
                el("td").c(button(form.delete, "ext-del").data("i", &i.to_string())),
            ])
        })
        .collect();
    let list = if task.extensions.is_empty() {
        h("p", t.no_extensions).cls("empty").id("extensions")
    } else {
        let heads = vec![
            th(t.extended_to),
            th(t.reason),
            th(t.granted),
            th(form.actions),
        ];
        table("extensions", heads, rows).cls("compact")
    };
    el("section")
        .c(h("h3", t.extensions))
        .c(h("p", &deadline_text(task)).cls("hint"))
        .c(list)
        .c(el("form")
            .cls("add-form row")
            .act("ext-add")
            .c(draft("extension-date", "date", t.extended_to, t.date_hint))
            .c(draft("extension-reason", "reason", t.reason, ""))
            .c(h("button", t.add_extension)
                .at("type", "submit")
                .id("add-extension")))
        .c(h("p", &error).cls("error").at("role", "alert"))
}

/// The months and quarters of a recurring task, each ticked when done; late ones say so.
fn periods(v: &PlanView, task: &Task, as_of: chrono::NaiveDate) -> Option<El> {
    let t = i18n::t().tasks;
    let list = task.deadline.periods(v.plan.year, v.plan.start_month());
    if list.is_empty() {
        return None;
    }
    let boxes = list
        .into_iter()
        .map(|p| {
            let done = task.period_done(p);
            let late = !done && p.end().is_some_and(|end| as_of > end);
            let mut label = match p {
                Period::Month { year, month } => (t.month)(month, year),
                Period::Quarter { year, quarter } => (t.quarter)(quarter, year),
            };
            if late {
                label.push_str(t.period_late);
            }
            let input = checkbox(done).act("period").data("p", &p.key());
            labelled(input, &label).cls(if late {
                "check period late"
            } else {
                "check period"
            })
        })
        .collect();
    Some(
        el("fieldset")
            .id("periods")
            .c(h("legend", t.periods))
            .cs(boxes),
    )
}

/// What the reading of the source document left in doubt, until someone clears it.
fn doubts(task: &Task) -> Option<El> {
    let t = i18n::t().tasks;
    if task.doubts.is_empty() {
        return None;
    }
    let items = task
        .doubts
        .iter()
        .map(|d| h("li", &(i18n::t().model.doubt)(d)))
        .collect();
    Some(
        el("div")
            .cls("doubts warn")
            .id("doubts")
            .c(h("h3", t.doubts))
            .c(el("ul").cs(items))
            .c(button(t.clear_doubts, "clear-doubts")),
    )
}

pub fn on(state: AppState, ts: TaskState, flash: Flash, ev: &Ev) {
    let t = i18n::t().tasks;
    if common(state, ts.errors, ev) || evidence::on(state, ts.evidence, ts.errors, flash, ev) {
        return;
    }
    let Some(id) = ts.editing.get_untracked() else {
        return;
    };
    let Some(v) = state.plan.get_untracked() else {
        return;
    };
    let Some(task) = v.task(&id) else {
        if ev.act == "back" {
            open_task(None);
        }
        return;
    };
    let as_of = state.as_of();
    let apply = |action, ops: Vec<Op>| {
        if let Err(e) = save(state, action, Ok(ops)) {
            flash.say(e);
        }
    };
    if let Some(act) = confirmed(ts.asking, ev, &["delete-task"]) {
        debug_assert_eq!(act, "delete-task");
        if save(
            state,
            Action::Remove,
            Ok(vec![Op::Delete { id: id.clone() }]),
        )
        .is_ok()
        {
            flash.say(t.deleted);
            open_task(None);
        }
        return;
    }
    match (ev.kind, ev.act.as_str()) {
        ("click", "back") => open_task(None),
        ("click", "done") => match save(state, Action::MarkDone, Ok(mark_done(task, as_of))) {
            Ok(()) => flash.say(t.marked_done),
            Err(e) => flash.say(e),
        },
        ("change", "status") => {
            if let Some(s) = Status::ALL.into_iter().find(|s| s.as_str() == ev.value()) {
                apply(Action::Edit, set_status(task, s, as_of));
            }
        }
        ("change", "code") => {
            let text = ev.value();
            let outcome = save(
                state,
                Action::Edit,
                set_task_code(&id, &text).map(|o| vec![o]),
            );
            ts.errors.note("task-code", text, outcome);
        }
        ("change", "deadline") => {
            let text = ev.value();
            let op = set_field(&id, f::DEADLINE, Input::Deadline, &text);
            ts.errors.note(
                "task-deadline",
                text,
                save(state, Action::Edit, op.map(|o| vec![o])),
            );
        }
        ("change", "role") => {
            let role = ROLES
                .iter()
                .find(|(_, n)| *n == ev.data("role"))
                .map(|(r, _)| *r);
            if let Some(role) = role {
                apply(
                    Action::Edit,
                    vec![assign(task, role, &ev.data("id"), ev.checked())],
                );
            }
        }
        ("change", "period") => {
            if let Some(p) = Period::from_key(&ev.data("p")) {
                apply(Action::Edit, vec![set_period(task, p, ev.checked())]);
            }
        }
        ("click", "ext-del") => {
            if let Ok(i) = ev.data("i").parse() {
                apply(Action::Edit, vec![remove_extension(task, i)]);
            }
        }
        ("submit", "ext-add") => {
            let op = add_extension(task, &ev.field("date"), &ev.field("reason"), as_of);
            let outcome = save(state, Action::Edit, op.map(|o| vec![o]));
            if outcome.is_ok() {
                ev.clear_form();
            }
            ts.errors.note("ext", String::new(), outcome);
        }
        ("click", "clear-doubts") => apply(Action::Edit, vec![clear_doubts(task)]),
        _ => {}
    }
}

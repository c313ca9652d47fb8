//! Bộ phận & công chức: the commune's units and officers. Add, rename, move and remove;
//! an officer belongs to a unit; a unit still named by tasks cannot be removed until its
//! tasks are given to another (the refusal says how many).

use cchc_core::model::edit::{delete_officer, delete_unit};
use cchc_core::model::form::{add_officer, add_unit, move_officer, rename_unit, Input};
use cchc_core::model::records::f;
use cchc_core::model::workspace::Action;
use cchc_core::model::{Kind, PlanView};
use leptos::prelude::*;

use super::dom::{el, h, El, Ev};
use super::form::{
    bind, bound_cell, button, common, draft, field, input, save, select, table, td, tdn, th, thn,
    Errors,
};
use super::{i18n, plan_page};
use crate::router::View;
use crate::state::AppState;

#[component]
pub fn PeopleView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let errors = Errors::new();
    plan_page(
        View::People,
        move |v| draw(state, errors, v),
        move |ev| on(state, errors, &ev),
    )
}

fn draw(state: AppState, errors: Errors, v: &PlanView) -> El {
    let t = i18n::t().people;
    let form = i18n::t().form;
    let mut unit_rows = Vec::with_capacity(v.units.len());
    for u in &v.units {
        let id = format!("unit-{}", u.id);
        let (name, error) = errors.value(&id, u.name.clone());
        let tasks = v
            .tasks
            .iter()
            .filter(|task| v.task_is_units(task, &u.id))
            .count();
        let officers = v.officers.iter().filter(|o| o.unit == u.id).count();
        let name_input = input(&id, &name, "unit-name", false)
            .cls("cell wide")
            .data("id", &u.id)
            .at("aria-label", &format!("{}: {}", t.unit_name, u.name))
            .flag("aria-invalid", error.is_some());
        unit_rows.push(el("tr").data("k", &u.id).cs(vec![
                el("td").c(name_input),
                td(&u.aliases.join("; ")).cls("hint"),
                tdn(&tasks.to_string()),
                tdn(&officers.to_string()),
                el("td").c(button(form.delete, "unit-del")
                    .data("id", &u.id)
                    .id(&format!("del-{}", u.id))),
            ]));
    }
    let unit_options: Vec<(String, String)> = v
        .units
        .iter()
        .map(|u| (u.id.clone(), u.name.clone()))
        .collect();
    let mut officer_rows = Vec::with_capacity(v.officers.len());
    for o in &v.officers {
        let id = format!("officer-{}", o.id);
        let tasks = v
            .tasks
            .iter()
            .filter(|task| v.task_is_officers(task, &o.id))
            .count();
        let title_id = format!("officer-title-{}", o.id);
        let label = |what: &str| format!("{what}: {}", o.name);
        let (name_label, title_label) = (label(t.officer_name), label(t.officer_title));
        let name = bound_cell(
            state,
            errors,
            bind(&o.id, f::NAME, Input::Required, &name_label, &id),
        );
        let title = bound_cell(
            state,
            errors,
            bind(&o.id, f::TITLE, Input::Text, &title_label, &title_id),
        );
        officer_rows.push(el("tr").data("k", &o.id).cs(vec![
                el("td").c(name),
                el("td").c(select(
                    &format!("officer-unit-{}", o.id),
                    &unit_options,
                    &o.unit,
                    "officer-unit",
                )
                .data("id", &o.id)
                .at("aria-label", &label(t.officer_unit))),
                el("td").c(title),
                tdn(&tasks.to_string()),
                el("td").c(button(form.delete, "officer-del").data("id", &o.id)),
            ]));
    }
    let new_unit = select("new-officer-unit", &unit_options, "", "")
        .at("name", "unit")
        .flag("data-draft", true);
    el("div")
        .c(h("p", &errors.all())
            .cls("error")
            .id("people-error")
            .at("role", "alert"))
        .c(h("h3", t.units))
        .c(table(
            "units-table",
            vec![
                th(t.unit_name),
                th(t.aliases),
                thn(t.tasks),
                thn(t.officers),
                th(form.actions),
            ],
            unit_rows,
        ))
        .c(el("form")
            .cls("add-form row")
            .act("unit-add")
            .c(draft("new-unit-name", "name", t.unit_name, ""))
            .c(h("button", t.add_unit).at("type", "submit").id("add-unit")))
        .c(h("h3", t.officers))
        .c(table(
            "officers-table",
            vec![
                th(t.officer_name),
                th(t.officer_unit),
                th(t.officer_title),
                thn(t.tasks),
                th(form.actions),
            ],
            officer_rows,
        ))
        .c(el("form")
            .cls("add-form row")
            .act("officer-add")
            .c(draft("new-officer-name", "name", t.officer_name, ""))
            .c(field(
                "new-officer-unit",
                t.officer_unit,
                new_unit,
                "",
                None,
            ))
            .c(draft("new-officer-title", "title", t.officer_title, ""))
            .c(h("button", t.add_officer)
                .at("type", "submit")
                .id("add-officer")))
}

fn on(state: AppState, errors: Errors, ev: &Ev) {
    if common(state, errors, ev) {
        return;
    }
    let Some(v) = state.plan.get_untracked() else {
        return;
    };
    let id = ev.data("id");
    let (key, outcome) = match (ev.kind, ev.act.as_str()) {
        ("change", "unit-name") => {
            let text = ev.value();
            let outcome = save(
                state,
                Action::Edit,
                rename_unit(&v, &id, &text).map(|op| vec![op]),
            );
            errors.note(&ev.el.id(), text, outcome);
            return;
        }
        ("click", "unit-del") => (
            "unit-del",
            save(state, Action::Remove, delete_unit(&v, &id)),
        ),
        ("change", "officer-unit") => (
            "officer-unit",
            save(
                state,
                Action::Edit,
                move_officer(&v, &id, &ev.value()).map(|op| vec![op]),
            ),
        ),
        ("click", "officer-del") => (
            "officer-del",
            save(state, Action::Remove, Ok(delete_officer(&v, &id))),
        ),
        ("submit", "unit-add") => {
            let op = add_unit(&v, &ev.field("name"), state.new_id(Kind::Unit));
            ("unit-add", save(state, Action::Add, op.map(|op| vec![op])))
        }
        ("submit", "officer-add") => {
            let op = add_officer(
                &v,
                &ev.field("name"),
                &ev.field("unit"),
                &ev.field("title"),
                state.new_id(Kind::Officer),
            );
            (
                "officer-add",
                save(state, Action::Add, op.map(|op| vec![op])),
            )
        }
        _ => return,
    };
    if outcome.is_ok() && ev.kind == "submit" {
        ev.clear_form();
    }
    errors.note(key, String::new(), outcome);
}

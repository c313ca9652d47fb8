//! Kế hoạch: the plan's details, every one editable in place, and the ranking table of the
//! communes ranked together (their published scores), from which the projected rank comes.
//! Starting a blank plan, or next year's after this one, is here too.

use cchc_core::model::form::{add_ranking, ranking_year, set_ranking_score, Input};
use cchc_core::model::new_plan::{self, NextYear};
use cchc_core::model::records::f;
use cchc_core::model::scoring::ranks;
use cchc_core::model::workspace::{Action, Op};
use cchc_core::model::{Kind, PlanView, Points};
use chrono::Datelike;
use leptos::prelude::*;
use serde_json::Value;

use super::dom::{el, h, El, Ev};
use super::form::{
    bind, bound, button, choice, common, draft, save, table, td, tdn, th, thn, Errors,
};
use super::{i18n, plan_page};
use crate::router::View;
use crate::state::AppState;

/// The plan's fields in the order shown: field, how it is typed, several lines or one.
/// Labels are `t.fields`, in the same order; `SECTIONS` says where each group ends.
const FIELDS: [(&str, Input, bool); 21] = [
    (f::COMMUNE, Input::Required, false),
    (f::BODY, Input::Text, false),
    (f::RANKED, Input::Count, false),
    (f::YEAR, Input::Year, false),
    (f::BASE_YEAR, Input::Year, false),
    (f::BASE_SCORE, Input::Points, false),
    (f::BASE_RANK, Input::Count, false),
    (f::BASE_DECISION, Input::Text, false),
    (f::BASE_DECISION_DATE, Input::Date, false),
    (f::BASE_DECISION_BY, Input::Text, false),
    (f::NUMBER, Input::Text, false),
    (f::DATE, Input::Date, false),
    (f::PLACE, Input::Text, false),
    (f::TITLE, Input::Text, true),
    (f::SIGNER_AUTHORITY, Input::Text, false),
    (f::SIGNER_POSITION, Input::Text, false),
    (f::SIGNER, Input::Text, false),
    (f::RECIPIENTS, Input::Lines, true),
    (f::GOAL, Input::Text, true),
    (f::SURVEY, Input::Points, false),
    (f::SURVEY_MAX, Input::Points, false),
];

/// Where each group of `FIELDS` ends: the commune, the year and baseline, the document,
/// the survey.
const SECTIONS: [usize; 4] = [3, 10, 19, 21];

#[component]
pub fn PlanView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let errors = Errors::new();
    plan_page(
        View::Plan,
        move |v| draw(state, errors, v),
        move |ev| on(state, errors, &ev),
    )
}

fn draw(state: AppState, errors: Errors, v: &PlanView) -> El {
    let t = i18n::t().plan;
    let id = v.plan.id.as_str();
    let mut sections = Vec::with_capacity(SECTIONS.len());
    let mut from = 0;
    for (s, end) in SECTIONS.into_iter().enumerate() {
        let mut fields = Vec::with_capacity(end - from);
        for (&(field, input, area), label) in FIELDS[from..end].iter().zip(&t.fields[from..end]) {
            let dom_id = format!("plan-{}", field.replace('_', "-"));
            let b = bind(id, field, input, label, &dom_id);
            fields.push(bound(state, errors, if area { b.area() } else { b }));
        }
        if s == 0 {
            let levels = [("district", t.levels[0]), ("province", t.levels[1])]
                .map(|(k, l)| (k.to_string(), l.to_string()));
            let now = stored_text(state, id, f::LEVEL);
            fields.push(choice("plan-level", t.level, &levels, &now, "level"));
        }
        sections.push(
            el("fieldset")
                .cls("form-grid")
                .c(h("legend", t.sections[s]))
                .cs(fields),
        );
        from = end;
    }
    let next = el("p")
        .cls("row")
        .c(button(t.new_year, "new-year").id("new-year-plan"))
        .c(h("span", t.new_year_hint).cls("hint"));
    el("div").c(next).cs(sections).c(ranking(errors, v))
}

fn stored_text(state: AppState, id: &str, field: &str) -> String {
    state.ws.with(|w| {
        w.doc
            .get(id)
            .and_then(|r| r.get(field))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    })
}

/// The published scores of the communes ranked with this one, with their places.
fn ranking(errors: Errors, v: &PlanView) -> El {
    let t = i18n::t().plan;
    let scores: Vec<Points> = v.ranking.iter().filter_map(|e| e.score).collect();
    let places = ranks(&scores, v.plan.ranking_mode);
    let mut rows = Vec::with_capacity(v.ranking.len());
    let mut place = places.iter();
    for e in &v.ranking {
        let shown = e.score.and_then(|_| place.next()).map(u32::to_string);
        let id = format!("rank-{}", e.id);
        let (value, error) = errors.value(&id, e.score.map(Points::to_vi).unwrap_or_default());
        let cell = el("input")
            .at("type", "text")
            .id(&id)
            .cls("cell")
            .at("value", &value)
            .act("rank-score")
            .data("id", &e.id)
            .at("aria-label", &format!("{} {}", t.score, e.commune))
            .flag("aria-invalid", error.is_some());
        rows.push(el("tr").data("k", &e.id).cs(vec![
            td(&e.commune),
            el("td").cls("num").c(cell),
            tdn(&shown.unwrap_or_default()),
            el("td").c(button(i18n::t().form.delete, "rank-del").data("id", &e.id)),
        ]));
    }
    let heads = vec![
        th(t.commune),
        thn(t.score),
        thn(t.place),
        th(i18n::t().form.actions),
    ];
    el("section")
        .id("ranking")
        .c(h("h3", &format!("{} {}", t.ranking_title, ranking_year(v))))
        .c(h("p", t.ranking_hint).cls("hint"))
        .c(h("p", &errors.all())
            .cls("error")
            .id("ranking-error")
            .at("role", "alert"))
        .c(table("ranking-table", heads, rows))
        .c(el("form")
            .cls("add-form row")
            .act("rank-add")
            .c(draft("ranking-commune", "commune", t.commune, ""))
            .c(draft("ranking-score", "score", t.score, ""))
            .c(h("button", t.ranking_add)
                .at("type", "submit")
                .id("add-ranking")))
}

fn on(state: AppState, errors: Errors, ev: &Ev) {
    if common(state, errors, ev) {
        return;
    }
    let Some(v) = state.plan.get_untracked() else {
        return;
    };
    match (ev.kind, ev.act.as_str()) {
        ("click", "new-year") => create_next_year_plan(state, &v.plan.id),
        ("change", "level") => {
            let _ = save(
                state,
                Action::Edit,
                Ok(vec![Op::set(&v.plan.id, f::LEVEL, ev.value())]),
            );
        }
        ("change", "rank-score") => {
            let text = ev.value();
            let op = set_ranking_score(&ev.data("id"), &text).map(|op| vec![op]);
            errors.note(&ev.el.id(), text, save(state, Action::Edit, op));
        }
        ("click", "rank-del") => {
            let _ = save(
                state,
                Action::Remove,
                Ok(vec![Op::Delete { id: ev.data("id") }]),
            );
        }
        ("submit", "rank-add") => {
            let id = state.new_id(Kind::Ranking);
            let op = add_ranking(&v, &ev.field("commune"), &ev.field("score"), id);
            let outcome = save(state, Action::Add, op.map(|op| vec![op]));
            if outcome.is_ok() {
                ev.clear_form();
            }
            errors.note("ranking-add", String::new(), outcome);
        }
        _ => {}
    }
}

/// Starts an empty plan for this year and shows it: the officer fills in the details next.
pub fn create_blank_plan(state: AppState) {
    let id = state.new_id(Kind::Plan);
    let op = new_plan::blank(state.as_of().year(), id.clone());
    add_plan(state, op, &id);
}

/// Starts next year's plan after `previous` in the same commune (one undoable edit) and
/// shows it; shows that year's plan instead when the commune has one already.
fn create_next_year_plan(state: AppState, previous: &str) {
    let id = state.new_id(Kind::Plan);
    let year = state.as_of().year();
    let next = state.ws.with_untracked(|w| {
        w.doc
            .get(previous)
            .map(|r| new_plan::next_year(&w.doc, r, year, id.clone()))
    });
    match next {
        Some(NextYear::Create(op)) => add_plan(state, op, &id),
        Some(NextYear::Exists(id)) => state.show_plan(&id),
        None => {}
    }
}

fn add_plan(state: AppState, op: Op, id: &str) {
    if state.apply(Action::Add, vec![op]).is_ok() {
        state.show_plan(id);
    }
}

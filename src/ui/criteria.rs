//! Tiêu chí: the criteria tree as an indented table, scores edited in place, and a panel to
//! add, correct or delete a criterion and keep its evidence. `edit::set_score` decides what
//! a score may be: `0,75` and `0.75` are read, text and scores above the max are refused
//! with the reason shown and nothing saved.

use cchc_core::model::code::code_text;
use cchc_core::model::edit::{
    add_criterion, delete_criterion, recode_criterion, set_score, Attach, ScoreField,
};
use cchc_core::model::flags::flags;
use cchc_core::model::form::Input;
use cchc_core::model::records::f;
use cchc_core::model::workspace::Action;
use cchc_core::model::{Criterion, Kind, PlanView, Points};
use leptos::prelude::*;

use super::dom::{el, h, El, Ev};
use super::form::{
    bind, bound, button, common, confirm, confirmed, draft, field, input, save, table, td, tdn, th,
    thn, Errors,
};
use super::tasks::evidence;
use super::{i18n, plan_page, Flash};
use crate::router::View;
use crate::state::AppState;

/// The scores edited in the table, with their column names in `data-which`.
const SCORES: [(ScoreField, &str); 4] = [
    (ScoreField::Max, "max"),
    (ScoreField::Base, "base"),
    (ScoreField::SelfAssessed, "self"),
    (ScoreField::Appraised, "appraised"),
];

/// The scores of the editor panel beyond the table's.
const MORE_SCORES: [(ScoreField, &str); 2] = [
    (ScoreField::BaseSelf, "base_self"),
    (ScoreField::StatedLoss, "stated"),
];

#[derive(Clone, Copy)]
struct CriteriaState {
    errors: Errors,
    /// The criterion in the editor panel.
    editing: RwSignal<Option<String>>,
    asking: RwSignal<Option<&'static str>>,
    evidence: RwSignal<Option<String>>,
}

#[component]
pub fn CriteriaView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let flash = expect_context::<Flash>();
    let cs = CriteriaState {
        errors: Errors::new(),
        editing: RwSignal::new(None),
        asking: RwSignal::new(None),
        evidence: RwSignal::new(None),
    };
    plan_page(
        View::Criteria,
        move |v| draw(state, cs, v),
        move |ev| on(state, cs, flash, &ev),
    )
}

fn draw(state: AppState, cs: CriteriaState, v: &PlanView) -> El {
    let t = i18n::t().criteria;
    let panel = cs
        .editing
        .get()
        .and_then(|id| v.criteria.iter().find(|c| c.id == id))
        .map(|c| editor(state, cs, v, c));
    el("div")
        .c(h("p", &cs.errors.all())
            .cls("error")
            .id("criteria-error")
            .at("role", "alert"))
        .maybe(panel)
        .c(tree(cs, v))
        .c(el("form")
            .cls("add-form")
            .act("add")
            .c(h("h3", t.add_title))
            .c(el("div")
                .cls("row")
                .c(draft("new-criterion-code", "code", t.code, t.code_hint))
                .c(draft("new-criterion-title", "title", t.title, ""))
                .c(h("button", i18n::t().form.add)
                    .at("type", "submit")
                    .id("add-criterion")))
            .c(h("p", &cs.errors.message("add"))
                .cls("error")
                .at("role", "alert")))
}

/// A score of a criterion as its cell shows it.
fn score(c: &Criterion, which: ScoreField) -> Option<Points> {
    match which {
        ScoreField::Max => c.max,
        ScoreField::Base => c.base,
        ScoreField::BaseSelf => c.base_self,
        ScoreField::SelfAssessed => c.self_score,
        ScoreField::Appraised => c.appraised,
        ScoreField::StatedLoss => c.stated_loss,
    }
}

/// An input for one score of a criterion, refusing with the view's message line.
fn score_input(
    cs: CriteriaState,
    c: &Criterion,
    code: &str,
    which: ScoreField,
    name: &str,
    label: &str,
) -> El {
    let id = format!("s-{name}-{}", c.id);
    let (value, error) = cs
        .errors
        .value(&id, score(c, which).map(Points::to_vi).unwrap_or_default());
    el("input")
        .at("type", "text")
        .id(&id)
        .cls("cell")
        .at("value", &value)
        .act("score")
        .data("id", &c.id)
        .data("code", code)
        .data("which", name)
        .at("inputmode", "decimal")
        .at("aria-label", &format!("{label} {code}"))
        .flag("aria-invalid", error.is_some())
}

fn tree(cs: CriteriaState, v: &PlanView) -> El {
    let t = i18n::t().criteria;
    let words = i18n::t().model;
    let mut rows = Vec::with_capacity(v.criteria.len());
    for c in &v.criteria {
        let Some(code) = &c.code else { continue };
        let code_text = code.to_string();
        let mut cells = vec![
            td(&code_text).cls("code"),
            el("td")
                .cls(&format!("title d{}", v.depth(code).min(4)))
                .c(button(
                    if c.title.is_empty() {
                        t.untitled
                    } else {
                        &c.title
                    },
                    "open",
                )
                .data("id", &c.id)
                .cls("link")),
        ];
        for ((which, name), label) in SCORES.iter().zip(t.scores) {
            cells.push(
                el("td")
                    .cls("num")
                    .c(score_input(cs, c, &code_text, *which, name, label)),
            );
        }
        cells.push(tdn(&c.lost().map(Points::to_vi).unwrap_or_default()));
        let notes: Vec<String> = flags(v, c).iter().map(|fl| (words.flag)(fl)).collect();
        cells.push(td(&notes.join(" ")).cls(if notes.is_empty() {
            "flags"
        } else {
            "flags warn"
        }));
        cells.push(tdn(&v.evidence_of_criterion(code).count().to_string()));
        let class = if code.is_domain() {
            "domain"
        } else if v.is_leaf(code) {
            "leaf"
        } else {
            "heading"
        };
        rows.push(
            el("tr")
                .data("k", &c.id)
                .data("code", &code_text)
                .cls(class)
                .cs(cells),
        );
    }
    let mut heads = vec![th(t.code), th(t.title)];
    heads.extend(t.scores.iter().map(|s| thn(s)));
    heads.extend([thn(t.lost), th(t.flags), thn(t.evidence)]);
    table("criteria-table", heads, rows).cls("criteria")
}

/// The panel of one criterion: its code, title and texts, the scores not in the table,
/// delete, and its evidence.
fn editor(state: AppState, cs: CriteriaState, v: &PlanView, c: &Criterion) -> El {
    let t = i18n::t().criteria;
    let code = code_text(c.code.as_ref());
    let (code_value, code_error) = cs.errors.value("criterion-code", code.clone());
    let b = |field, input, label, id| bound(state, cs.errors, bind(&c.id, field, input, label, id));
    let more = MORE_SCORES
        .iter()
        .zip(t.more_scores)
        .map(|((which, name), label)| {
            let id = format!("s-{name}-{}", c.id);
            let control = score_input(cs, c, &code, *which, name, label).cls("");
            let error = cs.errors.value(&id, String::new()).1;
            field(&id, label, control, "", error)
        })
        .collect();
    // Criteria without a code are not listed (PlanView), so this is always one.
    let Some(attach) = c.code.clone().map(Attach::Criterion) else {
        return el("section");
    };
    el("section")
        .cls("editor")
        .id("criterion-editor")
        .at("tabindex", "-1")
        .c(el("div")
            .cls("actions")
            .c(h("h3", &format!("{code} {}", c.title)))
            .c(button(i18n::t().form.close, "close").id("close-criterion"))
            .t(" ")
            .c(confirm(
                cs.asking,
                "delete-criterion",
                t.delete,
                t.delete_question,
            )))
        .c(h("p", &cs.errors.message("delete"))
            .cls("error")
            .at("role", "alert"))
        .c(el("div")
            .cls("form-grid")
            .c(field(
                "criterion-code",
                t.code,
                input("criterion-code", &code_value, "recode", false).data("id", &c.id),
                t.code_hint,
                code_error,
            ))
            .c(bound(
                state,
                cs.errors,
                bind(&c.id, f::TITLE, Input::Required, t.title, "criterion-title").area(),
            ))
            .cs(more)
            .c(bound(
                state,
                cs.errors,
                bind(&c.id, f::REMARK, Input::Text, t.remark, "criterion-remark").area(),
            ))
            .c(b(f::NOTE, Input::Text, t.note, "criterion-note")))
        .maybe(
            (!c.written.is_empty())
                .then(|| h("p", &format!("{} {}", t.written, c.written)).cls("hint")),
        )
        .c(evidence::draw(
            cs.evidence.get().as_deref(),
            cs.errors,
            v,
            &attach,
        ))
}

fn on(state: AppState, cs: CriteriaState, flash: Flash, ev: &Ev) {
    if common(state, cs.errors, ev) || evidence::on(state, cs.evidence, cs.errors, flash, ev) {
        return;
    }
    let Some(v) = state.plan.get_untracked() else {
        return;
    };
    let find = |id: &str| v.criteria.iter().find(|c| c.id == id);
    if confirmed(cs.asking, ev, &["delete-criterion"]).is_some() {
        let Some(c) = cs.editing.get_untracked().and_then(|id| find(&id).cloned()) else {
            return;
        };
        let outcome = save(
            state,
            Action::Remove,
            delete_criterion(&v, &c).map(|op| vec![op]),
        );
        if outcome.is_ok() {
            cs.editing.set(None);
        }
        cs.errors.note("delete", String::new(), outcome);
        return;
    }
    match (ev.kind, ev.act.as_str()) {
        ("change", "score") => {
            let Some(c) = find(&ev.data("id")) else {
                return;
            };
            let name = ev.data("which");
            let which = SCORES
                .iter()
                .chain(MORE_SCORES.iter())
                .find(|(_, n)| *n == name)
                .map(|(w, _)| *w);
            let Some(which) = which else { return };
            let text = ev.value();
            let outcome = save(
                state,
                Action::Edit,
                set_score(c, which, &text).map(|op| vec![op]),
            );
            cs.errors.note(&ev.el.id(), text, outcome);
        }
        ("click", "open") => {
            cs.errors.clear();
            cs.evidence.set(None);
            cs.editing.set(Some(ev.data("id")));
            super::dom::focus("criterion-editor");
        }
        ("click", "close") => cs.editing.set(None),
        ("change", "recode") => {
            let Some(c) = find(&ev.data("id")) else {
                return;
            };
            let text = ev.value();
            let outcome = save(state, Action::Edit, recode_criterion(&v, c, &text));
            cs.errors.note("criterion-code", text, outcome);
        }
        ("submit", "add") => {
            let id = state.new_id(Kind::Criterion);
            let op = add_criterion(&v, &ev.field("code"), &ev.field("title"), id.clone());
            let outcome = save(state, Action::Add, op.map(|op| vec![op]));
            if outcome.is_ok() {
                ev.clear_form();
                cs.editing.set(Some(id));
            }
            cs.errors.note("add", String::new(), outcome);
        }
        _ => {}
    }
}

//! Cài đặt: who I am, the as-of date ("Ngày xem xét"), the language, the ranking mode,
//! where the data lives, and — behind a confirmation — restoring the example or clearing
//! every plan from this browser.

use cchc_core::model::deadline::{date_vi, parse_date_vi};
use cchc_core::model::edit::InputError;
use cchc_core::model::records::f;
use cchc_core::model::workspace::{Action, Op};
use cchc_core::model::RankingMode;
use leptos::prelude::*;

use super::dom::{el, h, region, El, Ev};
use super::form::{button, choice, confirm, confirmed, field, save, Errors};
use super::{i18n, Flash, ViewPage};
use crate::router::{Router, View};
use crate::state::{today, AppState, Lang};

#[component]
pub fn SettingsView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let flash = expect_context::<Flash>();
    let router = expect_context::<Router>();
    let errors = Errors::new();
    let asking = RwSignal::new(None::<&'static str>);
    let draw = move || draw(state, errors, asking);
    let on = move |ev: Ev| on(state, errors, asking, flash, router, &ev);
    view! {
        <ViewPage view=View::Settings>
            {region(draw, on)}
            <super::backups::BackupsPanel/>
        </ViewPage>
    }
}

fn draw(state: AppState, errors: Errors, asking: RwSignal<Option<&'static str>>) -> El {
    let t = i18n::t().settings;
    let prefs = state.prefs.get();
    let plan = state.plan.get();
    let name = el("input")
        .at("type", "text")
        .id("officer-name")
        .at("autocomplete", "name")
        .at("maxlength", "120")
        .at("value", &prefs.officer_name)
        .act("name");
    let mut officers = vec![(String::new(), i18n::t().form.none.to_string())];
    if let Some(v) = &plan {
        officers.extend(
            v.officers
                .iter()
                .map(|o| (o.id.clone(), super::tasks::officer_label(v, &o.id))),
        );
    }
    let me = prefs.officer_id.clone().unwrap_or_default();
    let as_of_shown = prefs.as_of.map(date_vi).unwrap_or_default();
    let (as_of, as_of_error) = errors.value("as-of", as_of_shown);
    let as_of_input = el("input")
        .at("type", "text")
        .id("as-of")
        .at("value", &as_of)
        .at("placeholder", t.as_of_placeholder)
        .at("inputmode", "numeric")
        .act("as-of");
    let as_of_hint = (t.as_of_hint)(&date_vi(state.as_of()), &date_vi(today()));
    let langs =
        [("vi", "Tiếng Việt"), ("en", "English")].map(|(k, l)| (k.to_string(), l.to_string()));
    let lang = if i18n::lang() == Lang::En { "en" } else { "vi" };
    let mode = plan.as_ref().map(|v| {
        let modes = [("standard", t.modes[0]), ("dense", t.modes[1])]
            .map(|(k, l)| (k.to_string(), l.to_string()));
        let now = match v.plan.ranking_mode {
            RankingMode::Standard => "standard",
            RankingMode::Dense => "dense",
        };
        choice("ranking-mode", t.ranking_mode, &modes, now, "mode")
            .c(h("p", t.ranking_mode_hint).cls("hint"))
    });
    el("div")
        .c(el("section")
            .cls("form-grid")
            .c(field(
                "officer-name",
                t.officer_name,
                name,
                t.officer_hint,
                None,
            ))
            .c(choice("who-am-i", t.who_am_i, &officers, &me, "me")
                .c(h("p", t.who_am_i_hint).cls("hint")))
            .c(
                field("as-of", t.as_of, as_of_input, &as_of_hint, as_of_error).c(button(
                    t.use_today,
                    "today",
                )
                .id("as-of-today")),
            )
            .c(choice("language", t.language, &langs, lang, "lang")
                .c(h("p", t.language_hint).cls("hint")))
            .maybe(mode))
        .c(h("h3", t.data_where_title))
        .c(h("p", t.data_where))
        .c(h("h3", t.reset_title))
        .c(h("p", t.reset_hint).cls("hint"))
        .c(el("p")
            .c(confirm(
                asking,
                "restore-example",
                t.restore_example,
                t.restore_question,
            ))
            .t(" ")
            .c(confirm(asking, "clear-all", t.clear_all, t.clear_question)))
}

fn on(
    state: AppState,
    errors: Errors,
    asking: RwSignal<Option<&'static str>>,
    flash: Flash,
    router: Router,
    ev: &Ev,
) {
    let t = i18n::t().settings;
    match confirmed(asking, ev, &["restore-example", "clear-all"]) {
        Some("restore-example") => match state.restore_example() {
            Ok(()) => flash.say(t.restored),
            Err(e) => flash.say((i18n::t().model.edit_error)(&e)),
        },
        Some(_) => {
            state.clear_all();
            flash.say(t.cleared);
        }
        None => return on_setting(state, errors, flash, ev),
    }
    // Either way the officer lands on Tổng quan: the plan restored, or the first-run choice.
    router.go(View::Overview);
}

fn on_setting(state: AppState, errors: Errors, flash: Flash, ev: &Ev) {
    match (ev.kind, ev.act.as_str()) {
        ("input", "name") => {
            let name = ev.value();
            state.set_prefs(|p| p.officer_name = name);
        }
        ("change", "me") => {
            let id = ev.value();
            let name = state.plan.with_untracked(|p| {
                p.as_ref()
                    .and_then(|v| v.officer(&id))
                    .map(|o| o.name.clone())
            });
            state.set_prefs(|p| {
                p.officer_id = Some(id).filter(|i| !i.is_empty());
                if let Some(name) = name {
                    p.officer_name = name;
                }
            });
        }
        ("change", "as-of") => {
            let text = ev.value();
            let outcome = match text.trim() {
                "" => Ok(None),
                typed => parse_date_vi(typed).map(Some).ok_or_else(|| {
                    (i18n::t().model.input_error)(&InputError::NotADate(typed.into()))
                }),
            };
            if let Ok(day) = outcome {
                state.set_prefs(|p| p.as_of = day);
            }
            errors.note("as-of", text, outcome.map(|_| ()));
        }
        ("click", "today") => {
            state.set_prefs(|p| p.as_of = None);
            errors.note("as-of", String::new(), Ok(()));
        }
        ("change", "lang") => {
            let lang = if ev.value() == "en" {
                Lang::En
            } else {
                Lang::Vi
            };
            state.set_prefs(|p| p.lang = lang);
            // Strings are read once per page load: reload to redraw in the new language.
            let _ = window().location().reload();
        }
        ("change", "mode") => {
            let Some(id) = state
                .plan
                .with_untracked(|p| p.as_ref().map(|v| v.plan.id.clone()))
            else {
                return;
            };
            let op = Op::set(&id, f::RANKING_MODE, ev.value());
            if let Err(e) = save(state, Action::Edit, Ok(vec![op])) {
                flash.say(e);
            }
        }
        _ => {}
    }
}

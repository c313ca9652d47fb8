//! The app shell: header, banners, navigation, the current view, and the first-run choice.
//!
//! Components read state and send edits through [`AppState`]; rules about plans, points and
//! deadlines live in `cchc-core`, never here. Every string comes from [`i18n`].

#[allow(dead_code)] // Until every view is built, some strings wait for their view.
pub mod i18n;

mod backups;
mod banners;
mod criteria;
mod dom;
mod exchange;
mod form;
mod history;
mod overview;
mod people;
mod plan;
mod reports;
mod settings;
mod tasks;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::router::{Router, View};
use crate::state::{AppState, SaveStatus};
use crate::storage::{self, Availability};

/// A short message after an action ("Đã hoàn tác."), read out by screen readers.
#[derive(Clone, Copy)]
pub struct Flash(pub RwSignal<Option<String>>);

impl Flash {
    pub fn say(self, message: impl Into<String>) {
        self.0.set(Some(message.into()));
    }
}

#[component]
pub fn App() -> impl IntoView {
    let router = Router::start();
    let state = AppState::load();
    let flash = Flash(RwSignal::new(None));
    provide_context(router);
    provide_context(state);
    provide_context(flash);
    install_shortcuts(state, flash);
    crate::state::install_lifecycle(state);
    let t = &i18n::t().shell;

    // Only whether a plan exists: an edit of a plan must not redraw the view being used.
    let has_plan = Memo::new(move |_| state.has_plan());
    view! {
        <a class="skip-link" href="#noi-dung" on:click=skip_to_content>{t.skip_link}</a>
        <banners::StorageBanners/>
        <Header/>
        <div class="layout">
            <Nav/>
            <main id="noi-dung" tabindex="-1">
                {move || {
                    let view = router.current();
                    if has_plan.get() || view == View::Settings || view == View::Exchange {
                        current_view(view)
                    } else {
                        view! { <FirstRun/> }.into_any()
                    }
                }}
            </main>
        </div>
        <p id="flash" class="flash" role="status" aria-live="polite">{move || flash.0.get()}</p>
    }
}

/// The skip link must not touch the hash: the hash is the router's.
fn skip_to_content(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("noi-dung") {
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}

/// Ctrl+Z and Ctrl+Y (also Ctrl+Shift+Z) undo and redo edits of the plan. In a text field
/// the browser's own undo of typing comes first, so the shortcut is left to it there.
fn install_shortcuts(state: AppState, flash: Flash) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || in_text_field(&ev) {
            return;
        }
        let key = ev.key().to_lowercase();
        let redo = key == "y" || (key == "z" && ev.shift_key());
        if key == "z" || redo {
            ev.prevent_default();
            undo_or_redo(state, flash, redo);
        }
    });
    on_cleanup(move || handle.remove());
}

fn in_text_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}

pub fn undo_or_redo(state: AppState, flash: Flash, redo: bool) {
    let t = &i18n::t();
    let outcome = if redo { state.redo() } else { state.undo() };
    match outcome {
        Ok(_) => flash.say(if redo { t.shell.redone } else { t.shell.undone }),
        Err(e) => flash.say((t.model.edit_error)(&e)),
    }
}

fn current_view(view: View) -> AnyView {
    match view {
        View::Overview => overview::OverviewView().into_any(),
        View::Plan => plan::PlanView().into_any(),
        View::Criteria => criteria::CriteriaView().into_any(),
        View::Tasks => tasks::TasksView().into_any(),
        View::People => people::PeopleView().into_any(),
        View::Exchange => exchange::ExchangeView().into_any(),
        View::Reports => reports::ReportsView().into_any(),
        View::History => history::HistoryView().into_any(),
        View::Settings => settings::SettingsView().into_any(),
    }
}

#[component]
fn Header() -> impl IntoView {
    let t = &i18n::t().shell;
    let state = expect_context::<AppState>();
    let flash = expect_context::<Flash>();
    let officer_name = move || {
        let name = state.prefs.with(|p| p.officer_name.trim().to_string());
        if name.is_empty() {
            t.officer_unset.to_string()
        } else {
            name
        }
    };
    let plan_name = move || {
        state.plan.with(|p| {
            p.as_ref().map(|v| {
                format!("{} {}", v.plan.commune, v.plan.year)
                    .trim()
                    .to_string()
            })
        })
    };
    let plan_title = move || {
        state
            .plan
            .with(|p| p.as_ref().map(|v| v.plan.title.clone()).unwrap_or_default())
    };
    view! {
        <header class="app-header">
            <div class="titles">
                <h1>{t.app_name}</h1>
                <p class="plan-line" id="plan-line">
                    {move || match plan_name() {
                        Some(name) => view! { <strong id="plan-name">{name}</strong> " " <span class="plan-title">{plan_title}</span> }.into_any(),
                        None => t.no_plan_yet.into_any(),
                    }}
                </p>
            </div>
            <YearSwitcher/>
            <div class="header-actions">
                <button type="button" id="undo" title=t.undo_hint aria-keyshortcuts="Control+Z"
                    disabled=move || state.ws.with(|w| w.can_undo().is_none())
                    on:click=move |_| undo_or_redo(state, flash, false)>{t.undo}</button>
                <button type="button" id="redo" title=t.redo_hint aria-keyshortcuts="Control+Y"
                    disabled=move || state.ws.with(|w| w.can_redo().is_none())
                    on:click=move |_| undo_or_redo(state, flash, true)>{t.redo}</button>
                <SaveIndicator/>
            </div>
            <p class="officer">
                {t.officer_label} " " <strong id="header-officer">{officer_name}</strong>
            </p>
        </header>
    }
}

/// The plans of the workspace, when there are several (years, or communes).
#[component]
fn YearSwitcher() -> impl IntoView {
    let t = &i18n::t().shell;
    let state = expect_context::<AppState>();
    move || {
        let plans = state.plans.get();
        (plans.len() > 1).then(|| {
            let current = state.plan.with(|p| p.as_ref().map(|v| v.plan.id.clone()).unwrap_or_default());
            let options = plans
                .into_iter()
                .map(|p| {
                    let selected = p.id == current;
                    view! { <option value=p.id.clone() selected=selected>{format!("{} {}", p.commune, p.year)}</option> }
                })
                .collect_view();
            view! {
                <label class="year-switcher">
                    {t.year_label} " "
                    <select id="plan-switcher" on:change=move |ev| state.show_plan(&event_target_value(&ev))>{options}</select>
                </label>
            }
        })
    }
}

/// "Đã lưu", "Đang lưu…" ("Đang thử lưu lại…" after a failure), or the error: where saving
/// stands, always visible.
#[component]
fn SaveIndicator() -> impl IntoView {
    let t = &i18n::t().shell;
    let state = expect_context::<AppState>();
    let text = move || match state.save.get() {
        SaveStatus::Saved if storage::availability() != Availability::Persistent => {
            t.saved_in_memory.to_string()
        }
        SaveStatus::Saved => t.saved.to_string(),
        // After a failed save the next attempt is not routine: say so, in the error colour.
        SaveStatus::Saving if state.save_failure.with(Option::is_some) => {
            t.saving_again.to_string()
        }
        SaveStatus::Saving => t.saving.to_string(),
        SaveStatus::Failed(e) => format!("{} {e}", t.save_failed),
        SaveStatus::ReadOnly => t.read_only.to_string(),
        SaveStatus::Blocked => t.blocked.to_string(),
    };
    let failed = move || {
        matches!(
            state.save.get(),
            SaveStatus::Failed(_) | SaveStatus::Blocked
        ) || state.save_failure.with(Option::is_some)
    };
    view! { <span id="save-status" class="save-status" class:error=failed role="status">{text}</span> }
}

#[component]
fn Nav() -> impl IntoView {
    let t = &i18n::t().shell;
    let router = expect_context::<Router>();
    let links = View::ALL
        .into_iter()
        .map(|view| {
            let is_current = move || router.current() == view;
            view! {
                <li>
                    <a
                        href=view.hash()
                        data-view=view.slug()
                        class:current=is_current
                        aria-current=move || is_current().then_some("page")
                        on:click=move |ev| follow_link(ev, router, view)
                    >
                        {t.view_title(view)}
                        {(view == View::History).then(history::ConflictBadge)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="app-nav" aria-label=t.nav_label>
            <ul>{links}</ul>
        </nav>
    }
}

/// Shows the view at once; the browser still follows the link, so the hash and history update.
/// A click that opens a new tab or window leaves this page alone.
fn follow_link(ev: leptos::ev::MouseEvent, router: Router, view: View) {
    let new_tab = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0;
    if !new_tab {
        router.show(view);
    }
}

/// The first run: open the example, start an empty plan, or import a file.
#[component]
fn FirstRun() -> impl IntoView {
    let t = &i18n::t().shell;
    let state = expect_context::<AppState>();
    let router = expect_context::<Router>();
    let open_example = move |_| {
        state.open_example();
        router.go(View::Overview);
    };
    let create_blank = move |_| {
        plan::create_blank_plan(state);
        router.go(View::Plan);
    };
    view! {
        <section class="view first-run" aria-labelledby="first-run-title">
            <h2 id="first-run-title">{t.first_run_title}</h2>
            <p>{t.first_run_intro}</p>
            <ul class="choices">
                <li>
                    <button type="button" id="open-example" class="primary" on:click=open_example>{t.open_example}</button>
                    <p class="hint">{t.open_example_hint}</p>
                </li>
                <li>
                    <button type="button" id="create-blank" on:click=create_blank>{t.create_blank}</button>
                    <p class="hint">{t.create_blank_hint}</p>
                </li>
                <li>
                    <button type="button" id="import-file" on:click=move |_| router.go(View::Exchange)>{t.import_file}</button>
                    <p class="hint">{t.import_file_hint}</p>
                </li>
            </ul>
        </section>
    }
}

/// A view drawn from the plan on screen (empty while there is none), redrawn when it
/// changes, with `on` handling its events: the frame of every data view.
fn plan_page(
    view: View,
    draw: impl Fn(&crate::state::Shared) -> dom::El + Send + 'static,
    on: impl Fn(dom::Ev) + Send + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let draw = move || match state.plan.get() {
        Some(v) => draw(&v),
        None => dom::el("div"),
    };
    view! { <ViewPage view=view>{dom::region(draw, on)}</ViewPage> }
}

/// The frame every view shares: its title and purpose, then its own content.
#[component]
fn ViewPage(view: View, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let t = &i18n::t().shell;
    view! {
        <section class="view" data-view=view.slug() aria-labelledby="view-title">
            <h2 id="view-title">{t.view_title(view)}</h2>
            <p class="view-purpose">{t.view_purpose(view)}</p>
            {match children {
                Some(children) => children(),
                None => view! { <p class="placeholder">{i18n::t().overview.coming}</p> }.into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod edits_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod views_tests;

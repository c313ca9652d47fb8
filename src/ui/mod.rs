//! The app shell: header, storage banner, navigation and the current view.
//!
//! Components read state and call small helpers; rules about plans, points and deadlines live
//! in `cchc-core`, never here. Every string comes from [`i18n`].

pub mod i18n;

mod criteria;
mod exchange;
mod history;
mod overview;
mod people;
mod plan;
mod reports;
mod settings;
mod tasks;

use leptos::prelude::*;

use crate::router::{Router, View};
use crate::storage::{self, Availability, StorageError};

/// Where the officer's name is kept (the model will take it over in a later issue).
const OFFICER_KEY: &str = "officer-name";

/// The officer using this browser profile: shown in the header, written into exports later.
#[derive(Clone, Copy)]
pub struct Officer {
    pub name: RwSignal<String>,
    /// Why the saved name could not be read at start, shown in Cài đặt.
    pub load_error: RwSignal<Option<String>>,
}

impl Officer {
    fn load() -> Officer {
        let (name, load_error) = match storage::get(OFFICER_KEY) {
            Ok(saved) => (saved.unwrap_or_default(), None),
            Err(err) => (String::new(), Some(err.to_string())),
        };
        Officer {
            name: RwSignal::new(name),
            load_error: RwSignal::new(load_error),
        }
    }

    /// Keeps the new name in memory whatever happens, then tries to persist it.
    pub fn rename(self, name: String) -> Result<(), StorageError> {
        let saved = storage::set(OFFICER_KEY, &name);
        self.name.set(name);
        saved
    }
}

#[component]
pub fn App() -> impl IntoView {
    let router = Router::start();
    provide_context(router);
    provide_context(Officer::load());

    view! {
        <a class="skip-link" href="#noi-dung" on:click=skip_to_content>"Bỏ qua, đến nội dung"</a>
        <StorageBanner/>
        <Header/>
        <div class="layout">
            <Nav/>
            <main id="noi-dung" tabindex="-1">{move || current_view(router.current())}</main>
        </div>
    }
}

/// The skip link must not touch the hash: the hash is the router's.
fn skip_to_content(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("noi-dung") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
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
fn StorageBanner() -> impl IntoView {
    match storage::availability() {
        Availability::Persistent => None,
        Availability::MemoryOnly(reason) => Some(view! {
            <div id="storage-banner" class="banner banner-warn" role="alert">
                <strong>{i18n::MEMORY_MODE_BANNER}</strong>
                " "
                <span>{reason.to_string()}</span>
            </div>
        }),
    }
}

#[component]
fn Header() -> impl IntoView {
    let officer = expect_context::<Officer>();
    let officer_name = move || {
        let name = officer.name.get();
        let name = name.trim();
        if name.is_empty() {
            i18n::OFFICER_UNSET.to_string()
        } else {
            name.to_string()
        }
    };
    view! {
        <header class="app-header">
            <div class="titles">
                <h1>{i18n::APP_NAME}</h1>
                <p class="plan-line">{i18n::NO_PLAN_YET}</p>
            </div>
            <p class="officer">
                {i18n::OFFICER_LABEL} " " <strong id="header-officer">{officer_name}</strong>
            </p>
        </header>
    }
}

#[component]
fn Nav() -> impl IntoView {
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
                        {i18n::view_title(view)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="app-nav" aria-label=i18n::NAV_LABEL>
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

/// The frame every view shares: its title and purpose, then its own content.
#[component]
fn ViewPage(view: View, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    view! {
        <section class="view" data-view=view.slug() aria-labelledby="view-title">
            <h2 id="view-title">{i18n::view_title(view)}</h2>
            <p class="view-purpose">{i18n::view_purpose(view)}</p>
            {match children {
                Some(children) => children(),
                None => view! { <p class="placeholder">{i18n::VIEW_COMING}</p> }.into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests;

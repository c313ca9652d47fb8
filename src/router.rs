//! Our own hash router: the current view lives in the URL hash (`#/tieu-chi`), so reload and
//! Back work from `file://`, where leptos_router (no hash mode) cannot help.
//!
//! Navigation is plain `<a href="#/...">`: the browser records history and fires `hashchange`,
//! and [`Router`] turns that into a signal. Nothing here knows how a view looks.

use leptos::prelude::*;

/// One screen of the app. Later issues fill the screens; the list is fixed here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    Overview,
    Plan,
    Criteria,
    Tasks,
    People,
    Exchange,
    Reports,
    History,
    Settings,
}

impl View {
    /// Navigation order.
    pub const ALL: [View; 9] = [
        View::Overview,
        View::Plan,
        View::Criteria,
        View::Tasks,
        View::People,
        View::Exchange,
        View::Reports,
        View::History,
        View::Settings,
    ];

    /// What the officer lands on when the hash names no view.
    pub const HOME: View = View::Overview;

    /// The URL name: ASCII, no diacritics, stable (bookmarks and e2e tests use it).
    pub fn slug(self) -> &'static str {
        match self {
            View::Overview => "tong-quan",
            View::Plan => "ke-hoach",
            View::Criteria => "tieu-chi",
            View::Tasks => "nhiem-vu",
            View::People => "bo-phan",
            View::Exchange => "trao-doi",
            View::Reports => "bao-cao",
            View::History => "lich-su",
            View::Settings => "cai-dat",
        }
    }

    pub fn from_slug(slug: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == slug)
    }

    /// `#/tieu-chi`
    pub fn hash(self) -> String {
        format!("#/{}", self.slug())
    }

    /// Reads a `location.hash`. Anything unknown (typed by hand, from an older version) means
    /// home rather than an error page: there is nothing the officer could fix.
    pub fn from_hash(hash: &str) -> View {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        // Later views may carry parameters (`#/nhiem-vu/123`): the first segment names the view.
        let slug = path.split(['/', '?']).next().unwrap_or_default();
        View::from_slug(slug).unwrap_or(View::HOME)
    }
}

/// The current view as a signal, kept in step with the URL hash.
#[derive(Clone, Copy)]
pub struct Router {
    current: RwSignal<View>,
}

impl Router {
    /// Reads the hash now and follows `hashchange` (links, Back, Forward, typed URLs) until the
    /// owning reactive scope is dropped.
    pub fn start() -> Router {
        let current = RwSignal::new(View::from_hash(&current_hash()));
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            let view = View::from_hash(&current_hash());
            if current.get_untracked() != view {
                current.set(view);
            }
        });
        on_cleanup(move || handle.remove());
        Router { current }
    }

    pub fn current(self) -> View {
        self.current.get()
    }

    /// Called by nav links on click, before the browser updates the hash, so the view changes in
    /// the same tick; the `hashchange` that follows then finds nothing to do.
    pub fn show(self, view: View) {
        self.current.set(view);
    }

    /// Goes to a view from code (a button, not a link): shows it and records it in the
    /// browser's history through the hash, so Back returns here.
    pub fn go(self, view: View) {
        self.current.set(view);
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&view.hash());
        }
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn every_view_round_trips_through_its_hash() {
        for view in View::ALL {
            assert_eq!(View::from_hash(&view.hash()), view, "{view:?}");
        }
    }

    #[wasm_bindgen_test]
    fn slugs_are_unique_ascii() {
        for (i, a) in View::ALL.iter().enumerate() {
            assert!(a.slug().is_ascii(), "{a:?}");
            for b in &View::ALL[i + 1..] {
                assert_ne!(a.slug(), b.slug());
            }
        }
    }

    #[wasm_bindgen_test]
    fn unknown_or_empty_hash_means_home() {
        for hash in ["", "#", "#/", "#/khong-co", "#tieu-chi-x", "#/TIEU-CHI"] {
            assert_eq!(View::from_hash(hash), View::HOME, "{hash:?}");
        }
    }

    #[wasm_bindgen_test]
    fn hash_without_slash_and_with_parameters_still_names_the_view() {
        assert_eq!(View::from_hash("#tieu-chi"), View::Criteria);
        assert_eq!(View::from_hash("#/nhiem-vu/abc"), View::Tasks);
        assert_eq!(View::from_hash("#/cai-dat?x=1"), View::Settings);
    }
}

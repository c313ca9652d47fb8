//! Every string the officer reads, in one module: Vietnamese by default, English second.
//!
//! Each part of the app has its own file with one struct of strings and two values of it,
//! `VI` and `EN`; the compiler makes sure both languages have every string. The language is
//! chosen once per page load (switching it in Cài đặt reloads the page), so components read
//! plain `&'static str`s from [`t`] and need no signal for it.

pub mod criteria;
pub mod exchange;
pub mod form;
pub mod history;
pub mod model;
pub mod overview;
pub mod people;
pub mod plan;
pub mod reports;
pub mod settings;
pub mod shell;
pub mod tasks;

use std::sync::atomic::{AtomicU8, Ordering};

use crate::state::Lang;

/// All strings of one language.
pub struct Texts {
    pub shell: &'static shell::Shell,
    pub model: &'static model::Words,
    pub overview: &'static overview::Overview,
    pub plan: &'static plan::PlanTexts,
    pub criteria: &'static criteria::Criteria,
    pub tasks: &'static tasks::Tasks,
    pub people: &'static people::People,
    pub exchange: &'static exchange::Exchange,
    pub reports: &'static reports::Reports,
    pub history: &'static history::History,
    pub settings: &'static settings::Settings,
    pub form: &'static form::Common,
}

static VI: Texts = Texts {
    shell: &shell::VI,
    model: &model::VI,
    overview: &overview::VI,
    plan: &plan::VI,
    criteria: &criteria::VI,
    tasks: &tasks::VI,
    people: &people::VI,
    exchange: &exchange::VI,
    reports: &reports::VI,
    history: &history::VI,
    settings: &settings::VI,
    form: &form::VI,
};

static EN: Texts = Texts {
    shell: &shell::EN,
    model: &model::EN,
    overview: &overview::EN,
    plan: &plan::EN,
    criteria: &criteria::EN,
    tasks: &tasks::EN,
    people: &people::EN,
    exchange: &exchange::EN,
    reports: &reports::EN,
    history: &history::EN,
    settings: &settings::EN,
    form: &form::EN,
};

static LANG: AtomicU8 = AtomicU8::new(0);

/// Chooses the language for this page load.
pub fn set_lang(lang: Lang) {
    LANG.store(if lang == Lang::En { 1 } else { 0 }, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    if LANG.load(Ordering::Relaxed) == 1 {
        Lang::En
    } else {
        Lang::Vi
    }
}

/// The strings of the current language.
pub fn t() -> &'static Texts {
    match lang() {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

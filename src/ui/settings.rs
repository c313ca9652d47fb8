//! Cài đặt: who I am, the language, and where the data lives.

use leptos::prelude::*;

use super::{i18n, ViewPage};
use crate::router::View;
use crate::state::{AppState, Lang};

#[component]
pub fn SettingsView() -> impl IntoView {
    let t = &i18n::t().settings;
    let state = expect_context::<AppState>();
    let on_name = move |ev| {
        let name = event_target_value(&ev);
        state.set_prefs(|p| p.officer_name = name);
    };
    let on_lang = move |ev| {
        let lang = if event_target_value(&ev) == "en" {
            Lang::En
        } else {
            Lang::Vi
        };
        state.set_prefs(|p| p.lang = lang);
        // Strings are read once per page load: reload to redraw in the new language.
        let _ = window().location().reload();
    };
    let lang_now = i18n::lang();
    view! {
        <ViewPage view=View::Settings>
            <div class="field">
                <label for="officer-name">{t.officer_name}</label>
                <input
                    id="officer-name"
                    type="text"
                    autocomplete="name"
                    maxlength="120"
                    prop:value=move || state.prefs.with(|p| p.officer_name.clone())
                    on:input=on_name
                />
                <p class="hint">{t.officer_hint}</p>
            </div>
            <div class="field">
                <label for="language">{t.language}</label>
                <select id="language" on:change=on_lang>
                    <option value="vi" selected=lang_now == Lang::Vi>"Tiếng Việt"</option>
                    <option value="en" selected=lang_now == Lang::En>"English"</option>
                </select>
                <p class="hint">{t.language_hint}</p>
            </div>
            <h3>{t.data_where_title}</h3>
            <p>{t.data_where}</p>
            <super::backups::BackupsPanel/>
        </ViewPage>
    }
}

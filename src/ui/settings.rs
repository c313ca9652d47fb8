//! Cài đặt: the officer's name (the one real field so far) and where the data lives.

use leptos::prelude::*;

use super::{i18n, Officer, ViewPage};
use crate::router::View;
use crate::storage::{self, Availability};

/// What happened to the last edit, shown next to the field.
#[derive(Clone, PartialEq)]
enum SaveStatus {
    Idle,
    Saved,
    InMemory,
    Failed(String),
}

#[component]
pub fn SettingsView() -> impl IntoView {
    let officer = expect_context::<Officer>();
    let status = RwSignal::new(match officer.load_error.get_untracked() {
        Some(err) => SaveStatus::Failed(format!("{} {err}", i18n::STORAGE_READ_FAILED)),
        None => SaveStatus::Idle,
    });

    let on_input = move |ev| {
        let outcome = officer.rename(event_target_value(&ev));
        status.set(match (outcome, storage::availability()) {
            (Err(err), _) => SaveStatus::Failed(format!("{} {err}", i18n::STORAGE_WRITE_FAILED)),
            (Ok(()), Availability::Persistent) => SaveStatus::Saved,
            (Ok(()), Availability::MemoryOnly(_)) => SaveStatus::InMemory,
        });
    };

    let status_text = move || match status.get() {
        SaveStatus::Idle => String::new(),
        SaveStatus::Saved => i18n::SAVED.to_string(),
        SaveStatus::InMemory => i18n::SAVED_IN_MEMORY.to_string(),
        SaveStatus::Failed(message) => message,
    };
    let failed = move || matches!(status.get(), SaveStatus::Failed(_));

    view! {
        <ViewPage view=View::Settings>
            <div class="field">
                <label for="officer-name">{i18n::SETTINGS_OFFICER_NAME}</label>
                <input
                    id="officer-name"
                    type="text"
                    autocomplete="name"
                    maxlength="120"
                    prop:value=move || officer.name.get()
                    on:input=on_input
                />
                <span id="save-status" role="status" class:error=failed>{status_text}</span>
                <p class="hint">{i18n::SETTINGS_OFFICER_HINT}</p>
            </div>
            <h3>{i18n::DATA_WHERE_TITLE}</h3>
            <p>{i18n::DATA_WHERE}</p>
        </ViewPage>
    }
}

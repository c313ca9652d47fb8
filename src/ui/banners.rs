//! Banners about where the data is: memory only, read-only, unreadable data put aside,
//! storage full (with the backup export), and the reminder to export.

use leptos::prelude::*;

use super::{i18n, Flash};
use crate::download::{download, JSON};
use crate::state::{AppState, SaveStatus, StartNotice};
use crate::storage::{self, workspace as stored, Availability, StorageError};

/// Downloads the whole workspace as a backup file and remembers when.
pub fn export_backup(state: AppState, flash: Flash) {
    let t = &i18n::t().shell;
    let (name, text) = state.backup_file();
    match download(&name, text.as_bytes(), JSON) {
        Ok(()) => {
            state.backup_exported(crate::state::today());
            flash.say(t.exported);
        }
        Err(e) => flash.say(format!("{} {e}", t.export_failed)),
    }
}

/// "Xuất tệp sao lưu", offered wherever the data is at risk.
fn export_button(state: AppState, flash: Flash, id: &'static str) -> impl IntoView {
    view! {
        <button type="button" id=id class="primary" on:click=move |_| export_backup(state, flash)>
            {i18n::t().shell.export_backup}
        </button>
    }
}

/// Downloads text put aside under a storage key, as it is.
pub fn download_raw(key: &str, flash: Flash) {
    let t = &i18n::t().shell;
    let text = stored::raw(key).unwrap_or_default();
    let name = format!("cchc-{}.txt", key.replace([':', '/'], "-"));
    if let Err(e) = download(&name, text.as_bytes(), "text/plain") {
        flash.say(format!("{} {e}", t.export_failed));
    }
}

#[component]
pub fn StorageBanners() -> impl IntoView {
    let t = &i18n::t().shell;
    let state = expect_context::<AppState>();
    let flash = expect_context::<Flash>();
    let memory = match storage::availability() {
        Availability::Persistent => None,
        Availability::MemoryOnly(reason) => Some(view! {
            <div id="storage-banner" class="banner banner-warn" role="alert">
                <strong>{t.memory_mode_banner}</strong>
                " "
                <span>{reason.to_string()}</span>
                " "
                {export_button(state, flash, "memory-export-backup")}
            </div>
        }),
    };
    let read_only = move || {
        (state.save.get() == SaveStatus::ReadOnly).then(|| view! { <div id="read-only-banner" class="banner banner-warn" role="alert">{t.read_only}</div> })
    };
    let blocked = move || {
        (state.save.get() == SaveStatus::Blocked).then(|| {
            view! {
                <div id="blocked-banner" class="banner banner-error" role="alert">
                    {t.blocked} " "
                    <button type="button" on:click=move |_| download_raw(stored::WORKSPACE, flash)>{t.download_raw}</button>
                </div>
            }
        })
    };
    let put_aside = move || {
        state.notice.get().map(|StartNotice::PutAside(key)| {
            let k = key.clone();
            view! {
                <div id="recovery-banner" class="banner banner-error" role="alert">
                    {t.put_aside} " "
                    <button type="button" id="download-recovery" on:click=move |_| download_raw(&k, flash)>{t.download_raw}</button>
                    " "
                    <button type="button" on:click=move |_| state.notice.set(None)>{t.dismiss}</button>
                </div>
            }
        })
    };
    let full = move || {
        // The last failure, not the status: an edit while the store is still full says
        // "saving" until its save fails again, and the work is no safer meanwhile.
        (state.save_failure.get() == Some(StorageError::QuotaExceeded)).then(|| {
            view! {
                <div id="quota-banner" class="banner banner-error" role="alert">
                    {t.quota_banner} " "
                    {export_button(state, flash, "export-backup")}
                </div>
            }
        })
    };
    let reminder = move || {
        (state.export_overdue() && state.save.get() == SaveStatus::Saved).then(|| {
            view! {
                <div id="export-reminder" class="banner banner-info" role="status">
                    {t.export_reminder} " "
                    {export_button(state, flash, "reminder-export-backup")}
                </div>
            }
        })
    };
    view! { {memory} {read_only} {blocked} {put_aside} {full} {reminder} }
}

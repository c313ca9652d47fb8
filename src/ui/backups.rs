//! The automatic daily snapshots, listed with a restore button each.

use cchc_core::model::deadline::date_vi;
use cchc_core::model::workspace::{restore_ops, Action};
use leptos::prelude::*;

use super::{i18n, Flash};
use crate::state::AppState;
use crate::storage::workspace as stored;

#[component]
pub fn BackupsPanel() -> impl IntoView {
    let t = &i18n::t().shell;
    let state = expect_context::<AppState>();
    let flash = expect_context::<Flash>();
    // Re-read after each save: a new day's first save adds a snapshot.
    let days = move || {
        state.save.track();
        stored::snapshots()
    };
    let restore = move |day| {
        if !window()
            .confirm_with_message(t.backup_restore_confirm)
            .unwrap_or(false)
        {
            return;
        }
        let Some(then) = stored::read_snapshot(day) else {
            flash.say(t.backup_unreadable);
            return;
        };
        let ops = state.ws.with_untracked(|w| restore_ops(&w.doc, &then.doc));
        match state.apply(Action::Restore, ops) {
            Ok(()) => flash.say(t.backup_restored),
            Err(e) => flash.say((i18n::t().model.edit_error)(&e)),
        }
    };
    view! {
        <section class="backups" aria-labelledby="backups-title">
            <h3 id="backups-title">{t.backups_title}</h3>
            <p class="hint">{t.backups_intro}</p>
            {move || {
                let days = days();
                if days.is_empty() {
                    return view! { <p id="backups-none">{t.backups_none}</p> }.into_any();
                }
                view! {
                    <ul id="backups-list">
                        {days.into_iter().rev().map(|day| view! {
                            <li>
                                {t.backup_of} " " {date_vi(day)} " "
                                <button type="button" data-day=date_vi(day) on:click=move |_| restore(day)>{t.backup_restore}</button>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            {move || {
                state.notice.track();
                let entries = stored::recoveries();
                (!entries.is_empty()).then(|| view! {
                    <h4>{t.recoveries_title}</h4>
                    <ul id="recoveries-list">
                        {entries.into_iter().map(|key| {
                            let k = key.clone();
                            view! { <li>{key} " " <button type="button" on:click=move |_| super::banners::download_raw(&k, flash)>{t.download_raw}</button></li> }
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}

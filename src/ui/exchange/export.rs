//! Xuất tệp: the whole workspace, or one unit's part, downloaded through a Blob URL (which
//! works from file://, `crate::download`) under a readable name such as
//! `cchc-son-linh-2022-tu-phap-2022-11-30.json`.

use cchc_core::exchange::{export, format};
use cchc_core::model::deadline::date_vi;
use leptos::prelude::*;

use crate::download::{download, JSON};
use crate::state::{self, AppState};
use crate::ui::i18n::{self, exchange::fill};

#[component]
pub fn ExportPanel() -> impl IntoView {
    let t = i18n::t().exchange;
    let state = expect_context::<AppState>();
    let status = RwSignal::new(None::<String>);
    let unit = RwSignal::new(String::new());
    let units = move || {
        state.plan.with(|p| {
            p.as_ref()
                .map(|v| {
                    v.units
                        .iter()
                        .map(|u| (u.id.clone(), u.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let chosen_unit = move || {
        let wanted = unit.get();
        units()
            .into_iter()
            .find(|(id, _)| *id == wanted)
            .or_else(|| units().into_iter().next())
    };
    let export_all = move |_| status.set(Some(run_export(state, None)));
    let export_unit = move |_| status.set(Some(run_export(state, chosen_unit())));
    let last_export = move || match state.prefs.with(|p| p.last_export) {
        Some(d) => fill(t.last_export, &[&date_vi(d)]),
        None => t.never_exported.to_string(),
    };
    let no_name = move || {
        state
            .prefs
            .with(|p| p.officer_name.trim().is_empty())
            .then(|| view! { <p class="hint warn-text">{t.no_name_hint}</p> })
    };
    let options = move || {
        units()
            .into_iter()
            .map(|(id, name)| view! { <option value=id>{name}</option> })
            .collect_view()
    };

    view! {
        <section class="panel" aria-labelledby="export-title">
            <h3 id="export-title">{t.export_title}</h3>
            <p class="hint">{t.export_intro}</p>
            <Show
                when=move || state.has_plan()
                fallback=move || view! { <p class="hint">{t.nothing_to_export}</p> }
            >
                <div class="row">
                    <button type="button" id="export-all" class="primary" on:click=export_all>
                        {t.export_all}
                    </button>
                    <span id="last-export" class="hint">{last_export}</span>
                </div>
                {move || (!units().is_empty()).then(|| view! {
                    <div class="row">
                        <label for="export-unit">{t.unit_label}</label>
                        <select id="export-unit" on:change=move |ev| unit.set(event_target_value(&ev))>
                            {options}
                        </select>
                        <button type="button" id="export-unit-button" on:click=export_unit>{t.export_unit}</button>
                    </div>
                    <p class="hint">{t.export_unit_hint}</p>
                })}
                {no_name}
            </Show>
            <p id="export-status" class="status" role="status">{move || status.get()}</p>
        </section>
    }
}

/// Exports the whole workspace (no unit) or one unit's part of the active plan; says what happened.
fn run_export(state: AppState, unit: Option<(String, String)>) -> String {
    let t = i18n::t().exchange;
    let Some((plan_id, commune, year)) = state.plan.with_untracked(|p| {
        p.as_ref()
            .map(|v| (v.plan.id.clone(), v.plan.commune.clone(), v.plan.year))
    }) else {
        return t.nothing_to_export.to_string();
    };
    let today = state::today();
    let (name, text) = match &unit {
        Some((id, unit_name)) => {
            let header = state.export_header();
            let file = state
                .ws
                .with_untracked(|w| export::unit(&w.doc, &plan_id, id, unit_name, header));
            (
                export::file_name(&commune, year, Some(unit_name), today),
                format::encode(&file),
            )
        }
        None => state.backup_file(),
    };
    match download(&name, text.as_bytes(), JSON) {
        Ok(()) => {
            if unit.is_none() {
                state.set_prefs(|p| p.last_export = Some(today));
            }
            fill(t.exported, &[&name])
        }
        Err(e) => fill(
            t.export_failed,
            &[&e.as_string().unwrap_or_else(|| format!("{e:?}"))],
        ),
    }
}

//! Xuất tệp: the whole workspace, or one unit's part, downloaded through a Blob URL (which
//! works from file://, `crate::download`) under a readable name such as
//! `cchc-son-linh-2022-tu-phap-ho-tich-2022-11-30.json`.

use cchc_core::exchange::{export, format};
use cchc_core::model::deadline::date_vi;
use leptos::prelude::*;

use crate::download::{download, JSON};
use crate::state::{self, AppState};
use crate::ui::dom::{el, h, region, El, Ev};
use crate::ui::form::{button, select};
use crate::ui::i18n::{self, exchange::fill};

/// The export panel, drawn from the plan on screen and the preferences.
pub fn export_panel(state: AppState) -> AnyView {
    let status = RwSignal::new(None::<String>);
    let unit = RwSignal::new(String::new());
    let draw = move || draw(state, &unit.get(), status.get());
    let on = move |ev: Ev| match (ev.kind, ev.act.as_str()) {
        ("change", "unit") => unit.set(ev.value()),
        ("click", "export-all") => status.set(Some(run_export(state, None))),
        ("click", "export-unit") => {
            let chosen = state.plan.with_untracked(|p| {
                p.as_ref().and_then(|v| {
                    let wanted = unit.get_untracked();
                    v.units
                        .iter()
                        .find(|u| u.id == wanted)
                        .or(v.units.first())
                        .map(|u| (u.id.clone(), u.name.clone()))
                })
            });
            status.set(Some(run_export(state, chosen)));
        }
        _ => {}
    };
    region(draw, on)
}

fn draw(state: AppState, unit: &str, status: Option<String>) -> El {
    let t = i18n::t().exchange;
    let panel = el("section")
        .cls("panel")
        .at("aria-labelledby", "export-title")
        .c(h("h3", t.export_title).id("export-title"))
        .c(h("p", t.export_intro).cls("hint"));
    let units: Vec<(String, String)> = state.plan.with(|p| {
        p.as_ref()
            .map(|v| {
                v.units
                    .iter()
                    .map(|u| (u.id.clone(), u.name.clone()))
                    .collect()
            })
            .unwrap_or_default()
    });
    let status = h("p", status.as_deref().unwrap_or_default())
        .id("export-status")
        .cls("status")
        .at("role", "status");
    if !state.has_plan() {
        return panel.c(h("p", t.nothing_to_export).cls("hint")).c(status);
    }
    let (last, no_name) = state.prefs.with(|p| {
        (
            p.last_export.map_or_else(
                || t.never_exported.to_string(),
                |d| fill(t.last_export, &[&date_vi(d)]),
            ),
            p.officer_name.trim().is_empty(),
        )
    });
    let whole = el("div")
        .cls("row")
        .c(button(t.export_all, "export-all")
            .id("export-all")
            .cls("primary"))
        .c(h("span", &last).id("last-export").cls("hint"));
    let part = (!units.is_empty()).then(|| {
        el("div").cs(vec![
            el("div").cls("row").cs(vec![
                h("label", t.unit_label).at("for", "export-unit"),
                select("export-unit", &units, unit, "unit"),
                button(t.export_unit, "export-unit").id("export-unit-button"),
            ]),
            h("p", t.export_unit_hint).cls("hint"),
        ])
    });
    panel
        .c(whole)
        .maybe(part)
        .maybe(no_name.then(|| h("p", t.no_name_hint).cls("hint warn-text")))
        .c(status)
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
                state.backup_exported(today);
            }
            fill(t.exported, &[&name])
        }
        Err(e) => fill(t.export_failed, &[&e.to_string()]),
    }
}

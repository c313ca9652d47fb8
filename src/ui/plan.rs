//! Kế hoạch: the plan's details. A later step fills the view; starting a blank plan is here.

use cchc_core::model::edit;
use cchc_core::model::records::f;
use cchc_core::model::workspace::Action;
use cchc_core::model::Kind;
use chrono::Datelike;
use leptos::prelude::*;
use serde_json::json;

use super::ViewPage;
use crate::router::View;
use crate::state::AppState;

#[component]
pub fn PlanView() -> impl IntoView {
    view! { <ViewPage view=View::Plan/> }
}

/// Starts an empty plan for this year and shows it: the officer fills in the details next.
pub fn create_blank_plan(state: AppState) {
    let id = state.new_id(Kind::Plan);
    let year = state.as_of().year();
    let op = edit::create(
        Kind::Plan,
        id.clone(),
        vec![
            (f::YEAR, json!(year)),
            (f::LEVEL, json!("province")),
            (f::RANKING_MODE, json!("standard")),
        ],
    );
    if state.apply(Action::Add, vec![op]).is_ok() {
        state.show_plan(&id);
    }
}

//! Plan view. A later issue fills it; until then it shows its title and purpose.

use leptos::prelude::*;

use super::ViewPage;
use crate::router::View;

#[component]
pub fn PlanView() -> impl IntoView {
    view! { <ViewPage view=View::Plan/> }
}

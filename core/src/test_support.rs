#![cfg(test)]
//! What the unit tests of several modules share.

use chrono::NaiveDate;

use crate::model::{seed, PlanView};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The built-in example's plan.
pub fn view() -> PlanView {
    PlanView::build(&seed::example(), &seed::plan_id()).unwrap()
}

//! Tổng quan: where the commune stands, what it can win back, what is late or due soon,
//! each unit's load, the targets (goal and current value, editable), and the criteria that
//! would score 0 for want of evidence. Every number comes from `cchc_core::model::scoring`;
//! this file only lays them out.

use cchc_core::model::code::code_text;
use cchc_core::model::deadline::date_vi;
use cchc_core::model::edit::record_target_value;
use cchc_core::model::flags::{flags, Flag};
use cchc_core::model::form::{set_target_goal, Input};
use cchc_core::model::records::f;
use cchc_core::model::scoring::{standing, task_timing, unit_loads, Rank};
use cchc_core::model::workspace::Action;
use cchc_core::model::{Measure, RankingLevel, Status};
use cchc_core::report::points_by_domain_svg;
use chrono::NaiveDate;
use leptos::prelude::*;

use super::dom::{el, h, El, Ev};
use super::form::{points, save, stored, table, tdn, th, thn, tr, Errors};
use super::tasks::task_table;
use super::{i18n, plan_page};
use crate::router::View;
use crate::state::{AppState, Shared};

#[component]
pub fn OverviewView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let errors = Errors::new();
    plan_page(
        View::Overview,
        move |v| dashboard(state, errors, v),
        move |ev| targets_changed(state, errors, &ev),
    )
}

fn dashboard(state: AppState, errors: Errors, v: &Shared) -> El {
    let t = i18n::t().overview;
    let as_of = state.as_of();
    let timings: Vec<_> = v
        .tasks
        .iter()
        .map(|task| task_timing(task, &v.plan, as_of))
        .collect();
    let late: Vec<usize> = (0..v.tasks.len())
        .filter(|&i| timings[i].is_late())
        .collect();
    let soon: Vec<usize> = (0..v.tasks.len())
        .filter(|&i| timings[i].is_due_soon())
        .collect();
    let mut status_rows: Vec<El> = Status::ALL
        .iter()
        .map(|s| {
            let n = v.tasks.iter().filter(|task| task.status == *s).count();
            count_row(
                i18n::t().model.status(*s),
                &format!("count-{}", s.as_str()),
                n,
            )
        })
        .collect();
    status_rows.push(count_row(i18n::t().model.late, "count-late", late.len()).cls("late"));
    status_rows.push(count_row(t.due_soon_count, "count-soon", soon.len()));
    status_rows.push(count_row(t.total, "count-total", v.tasks.len()).cls("total"));
    // An SVG in an <img> does not inherit the page's fonts: give it the same ones.
    let svg = points_by_domain_svg(v, &t.chart).replacen(
        "<svg ",
        "<svg font-family=\"Segoe UI, Tahoma, Arial, sans-serif\" ",
        1,
    );
    let chart = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&svg))
    );
    el("div")
        .c(stats(v))
        .c(el("div")
            .cls("columns")
            .c(el("section")
                .c(h("h3", t.by_status))
                .c(el("table").cls("compact").c(el("tbody").cs(status_rows))))
            .c(el("section").cls("chart").c(el("img")
                .at("src", &chart)
                .at("alt", t.chart_label)
                .at("width", "720"))))
        .c(h("h3", &format!("{} ({})", t.late_tasks, late.len())).id("late-title"))
        .c(task_table(v, &late, as_of, None, "late-tasks"))
        .c(h("h3", &format!("{} ({})", t.due_soon, soon.len())))
        .c(task_table(v, &soon, as_of, None, "soon-tasks"))
        .c(units(v, as_of))
        .c(targets(state, errors, v, as_of))
        .c(evidence_warnings(v))
}

fn count_row(label: &str, id: &str, n: usize) -> El {
    tr(vec![
        th(label).at("scope", "row"),
        tdn(&n.to_string()).id(id),
    ])
}

/// Baseline, points recoverable, projected score and rank.
fn stats(v: &Shared) -> El {
    let t = i18n::t().overview;
    let s = standing(v);
    let unknown = i18n::t().model.unknown;
    let rank = |r: Option<Rank>| {
        r.map_or_else(|| unknown.to_string(), |r| format!("{}/{}", r.place, r.of))
    };
    let year = v.plan.base_year.map(|y| y.to_string()).unwrap_or_default();
    let level = match v.plan.level {
        RankingLevel::District => t.level_district,
        RankingLevel::Province => t.level_province,
    };
    let stat = |label: &str, value: El| el("div").cls("stat").c(h("span", label)).c(value);
    let projected = el("strong")
        .c(h("span", &points(s.projected_done)).id("projected-done"))
        .t(" / ")
        .c(h("span", &points(s.projected_all)).id("projected-all"));
    let projected_rank = if v.ranking.is_empty() {
        el("span")
            .c(h("strong", unknown).id("projected-rank").cls("unknown"))
            .c(h("small", t.enter_ranking))
    } else {
        h(
            "strong",
            &format!(
                "{} / {}",
                rank(s.projected_rank_done),
                rank(s.projected_rank_all)
            ),
        )
        .id("projected-rank")
    };
    el("div")
        .cls("stats")
        .c(stat(
            &format!("{} {year}", t.base_score),
            h("strong", &points(s.base_score)).id("base-score"),
        ))
        .c(stat(
            &format!("{} {year} ({level})", t.base_rank),
            h("strong", &rank(s.base_rank)).id("base-rank"),
        ))
        .c(stat(
            t.recoverable,
            h("strong", &s.recoverable.to_vi()).id("recoverable"),
        ))
        .c(stat(t.projected, projected).c(h("small", t.projected_hint)))
        .c(stat(t.projected_rank, projected_rank))
}

/// Each unit's tasks, done, late, due soon, and the points still at stake.
fn units(v: &Shared, as_of: NaiveDate) -> El {
    let t = i18n::t().overview;
    let rows = unit_loads(v, as_of)
        .into_iter()
        .map(|load| {
            let name = v
                .unit(&load.unit_id)
                .map(|u| u.name.as_str())
                .unwrap_or_default();
            let link = h("a", name).at("href", &format!("#/nhiem-vu?bo-phan={}", load.unit_id));
            tr(vec![
                el("th").at("scope", "row").c(link),
                tdn(&load.tasks.to_string()),
                tdn(&load.done.to_string()),
                tdn(&load.late.to_string()).cls(if load.late > 0 { "num late" } else { "num" }),
                tdn(&load.due_soon.to_string()),
                tdn(&load.at_stake.to_vi()),
            ])
        })
        .collect();
    let heads = vec![
        th(t.unit),
        thn(t.tasks),
        thn(t.done),
        thn(i18n::t().model.late),
        thn(t.due_soon_count),
        thn(t.at_stake),
    ];
    el("section")
        .c(h("h3", t.by_unit))
        .c(table("unit-loads", heads, rows))
}

/// Chỉ tiêu: goal and current value; the goal is edited in place and a new value is
/// recorded on the as-of date, keeping the dated history.
fn targets(state: AppState, errors: Errors, v: &Shared, as_of: NaiveDate) -> El {
    let t = i18n::t().overview;
    let unknown = i18n::t().model.unknown;
    let rows = v
        .targets
        .iter()
        .map(|g| {
            let goal_id = format!("goal-{}", g.id);
            let (goal, goal_error) =
                errors.value(&goal_id, stored(state, &g.id, f::GOAL_VALUE, Input::Points));
            let value_id = format!("value-{}", g.id);
            let (typed, value_error) = errors.value(&value_id, String::new());
            let current = g.current(as_of).map_or_else(
                || unknown.to_string(),
                |(on, value)| format!("{} ({})", value.to_vi(), date_vi(on)),
            );
            let (class, result) = match g.met(as_of) {
                Some(true) => ("badge done", t.met),
                Some(false) => ("badge late", t.not_met),
                None => ("badge", unknown),
            };
            let unit = if g.measure == Measure::Percent {
                " %"
            } else {
                ""
            };
            let cell = |id: &str, value: &str, act: &str, label: &str, invalid: bool| {
                el("input")
                    .at("type", "text")
                    .id(id)
                    .cls("cell")
                    .at("value", value)
                    .act(act)
                    .data("id", &g.id)
                    .at("aria-label", &format!("{label}: {}", g.title))
                    .flag("aria-invalid", invalid)
            };
            tr(vec![
                th(&g.title).at("scope", "row"),
                el("td")
                    .cls("goal")
                    .t(g.cmp.symbol())
                    .t(" ")
                    .c(cell(&goal_id, &goal, "goal", t.goal, goal_error.is_some()))
                    .t(unit),
                tdn(&current),
                el("td").c(h("span", result).cls(class)),
                el("td").c(cell(
                    &value_id,
                    &typed,
                    "value",
                    t.new_value,
                    value_error.is_some(),
                )),
            ])
        })
        .collect();
    let heads = vec![
        th(t.target),
        th(t.goal),
        thn(t.current),
        th(t.result),
        th(t.new_value),
    ];
    el("section")
        .c(h("h3", t.targets))
        .c(h("p", &format!("{} {}", t.targets_hint, date_vi(as_of))).cls("hint"))
        .c(h("p", &errors.all())
            .cls("error")
            .id("target-error")
            .at("role", "alert"))
        .c(table("targets", heads, rows))
}

fn targets_changed(state: AppState, errors: Errors, ev: &Ev) {
    if ev.kind != "change" {
        return;
    }
    let id = ev.data("id");
    let text = ev.value();
    let outcome = match ev.act.as_str() {
        "goal" => save(
            state,
            Action::Edit,
            set_target_goal(&id, &text).map(|op| vec![op]),
        ),
        "value" if text.trim().is_empty() => Ok(()),
        "value" => {
            let op = record_target_value(&id, state.as_of(), &text);
            let outcome = save(state, Action::Edit, op.map(|op| vec![op]));
            if outcome.is_ok() {
                // Recorded: the box empties for the next value.
                errors.note(&ev.el.id(), String::new(), Ok(()));
                let _ = js_sys::Reflect::set(&ev.el, &"value".into(), &"".into());
                return;
            }
            outcome
        }
        _ => return,
    };
    errors.note(&ev.el.id(), text, outcome);
}

/// Criteria whose tasks are done but that have no evidence: they would score 0.
fn evidence_warnings(v: &Shared) -> El {
    let t = i18n::t().overview;
    let items: Vec<El> = v
        .criteria
        .iter()
        .flat_map(|c| {
            flags(v, c)
                .into_iter()
                .filter(|fl| matches!(fl, Flag::NoEvidence { .. }))
                .map(move |fl| {
                    let code = code_text(c.code.as_ref());
                    el("li").cls("warn").c(h("strong", &code)).t(&format!(
                        " {}: {}",
                        c.title,
                        (i18n::t().model.flag)(&fl)
                    ))
                })
        })
        .collect();
    let body = if items.is_empty() {
        h("p", t.no_evidence_warnings).cls("ok").id("evidence-ok")
    } else {
        el("ul").cls("warnings").id("evidence-warnings").cs(items)
    };
    el("section").c(h("h3", t.evidence_warnings)).c(body)
}

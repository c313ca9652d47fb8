//! Nhiệm vụ: the task table with its filters, search, sort, "Việc của tôi", bulk status
//! change and paging; the editor of one task opens at `#/nhiem-vu/<id>` (tasks/editor.rs).
//!
//! Which rows show, and in what order, is `cchc_core::model::query::select`: this file
//! turns the controls into a `TaskQuery` and draws the page of rows it returns.

mod editor;
pub mod evidence;

use cchc_core::model::code::{code_text, Code};
use cchc_core::model::edit::set_status;
use cchc_core::model::form::add_task;
use cchc_core::model::query::{select, SortBy, StatusFilter, TaskQuery, When};
use cchc_core::model::scoring::task_timing;
use cchc_core::model::workspace::Action;
use cchc_core::model::{Kind, PlanView, Status, Task};
use chrono::NaiveDate;
use leptos::prelude::*;

use super::dom::{el, h, El, Ev};
use super::form::{
    badge, button, checkbox, draft, field, save, select as drop_down, table, td, tdn, th, thn,
    Errors,
};
use super::{i18n, plan_page, Flash};
use crate::router::View;
use crate::state::{AppState, Shared};

/// Rows per page: enough to scan, few enough to draw at once for 5,000 tasks.
pub const PAGE: usize = 50;

/// URL and control values of the time windows (`#/nhiem-vu?han=tre`).
const WHEN_KEYS: [(When, &str); 5] = [
    (When::Any, ""),
    (When::Late, "tre"),
    (When::DueSoon, "sap-den-han"),
    (When::ThisWeek, "tuan-nay"),
    (When::ThisMonth, "thang-nay"),
];

const SORT_KEYS: [(SortBy, &str); 3] = [
    (SortBy::Code, ""),
    (SortBy::Deadline, "han"),
    (SortBy::Status, "trang-thai"),
];

/// The list's controls as the officer set them, and the view's own state.
#[derive(Clone, Copy)]
pub struct TaskState {
    /// Filter values by name: unit, officer, domain, status, when, sort, text.
    filters: RwSignal<[String; 7]>,
    mine: RwSignal<bool>,
    page: RwSignal<usize>,
    selection: RwSignal<Vec<String>>,
    /// The task in the editor.
    pub editing: RwSignal<Option<String>>,
    pub errors: Errors,
    pub asking: RwSignal<Option<&'static str>>,
    /// The evidence record in the evidence form, when correcting one.
    pub evidence: RwSignal<Option<String>>,
}

const FILTERS: [&str; 7] = [
    "unit", "officer", "domain", "status", "when", "sort", "text",
];

impl TaskState {
    fn new() -> TaskState {
        TaskState {
            filters: RwSignal::new(Default::default()),
            mine: RwSignal::new(false),
            page: RwSignal::new(0),
            selection: RwSignal::new(Vec::new()),
            editing: RwSignal::new(None),
            errors: Errors::new(),
            asking: RwSignal::new(None),
            evidence: RwSignal::new(None),
        }
    }

    fn get(&self, name: &str) -> String {
        let i = FILTERS.iter().position(|f| *f == name).unwrap_or(0);
        self.filters.with(|f| f[i].clone())
    }

    fn set(&self, name: &str, value: String) {
        if let Some(i) = FILTERS.iter().position(|f| *f == name) {
            self.filters.update(|f| f[i] = value);
            self.page.set(0);
        }
    }

    fn query(&self, me: Option<String>) -> TaskQuery {
        let [unit, officer, domain, status, when, sort, text] = self.filters.get();
        let opt = |s: String| Some(s).filter(|v| !v.is_empty());
        let status = match status.as_str() {
            "" => StatusFilter::All,
            "open" => StatusFilter::Open,
            s => Status::ALL
                .into_iter()
                .find(|x| x.as_str() == s)
                .map_or(StatusFilter::All, StatusFilter::Is),
        };
        TaskQuery {
            unit: opt(unit),
            officer: opt(officer),
            mine: me.filter(|_| self.mine.get()),
            domain: Code::parse(&domain),
            status,
            when: WHEN_KEYS
                .iter()
                .find(|(_, k)| *k == when)
                .map_or(When::Any, |(w, _)| *w),
            text,
            sort: SORT_KEYS
                .iter()
                .find(|(_, k)| *k == sort)
                .map_or(SortBy::Code, |(s, _)| *s),
        }
    }
}

/// `#/nhiem-vu/<id>?bo-phan=<unit>&han=tre`: the task being edited, and filters to apply.
fn read_hash() -> (Option<String>, Vec<(String, String)>) {
    let hash = window().location().hash().unwrap_or_default();
    let rest = hash
        .trim_start_matches('#')
        .trim_start_matches('/')
        .strip_prefix(View::Tasks.slug())
        .unwrap_or_default();
    let (path, params) = rest.split_once('?').unwrap_or((rest, ""));
    let task = Some(path.trim_matches('/').to_string()).filter(|s| !s.is_empty());
    let params = params
        .split('&')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    (task, params)
}

/// Opens a task's editor (or the list, with `None`) through the URL, so Back returns.
pub fn open_task(id: Option<&str>) {
    let hash = match id {
        Some(id) => format!("{}/{id}", View::Tasks.hash()),
        None => View::Tasks.hash(),
    };
    let _ = window().location().set_hash(&hash);
}

#[component]
pub fn TasksView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let flash = expect_context::<Flash>();
    let ts = TaskState::new();
    let follow_hash = move || {
        let (task, params) = read_hash();
        ts.errors.clear();
        ts.evidence.set(None);
        if task.is_some() {
            // The editor opens at its top, wherever the list was scrolled.
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        ts.editing.set(task);
        for (k, v) in params {
            match k.as_str() {
                "bo-phan" => ts.set("unit", v),
                "han" => ts.set("when", v),
                _ => {}
            }
        }
    };
    follow_hash();
    let handle = window_event_listener(leptos::ev::hashchange, move |_| follow_hash());
    on_cleanup(move || handle.remove());
    let draw = move |v: &Shared| match ts.editing.get() {
        Some(id) => editor::draw(state, ts, v, &id),
        None => list(state, ts, v),
    };
    let on = move |ev: Ev| {
        if ts.editing.with_untracked(Option::is_some) {
            editor::on(state, ts, flash, &ev);
        } else {
            on_list(state, ts, flash, &ev);
        }
    };
    plan_page(View::Tasks, draw, on)
}

fn list(state: AppState, ts: TaskState, v: &PlanView) -> El {
    let t = i18n::t().tasks;
    let me = state.prefs.with(|p| p.officer_id.clone());
    let as_of = state.as_of();
    let rows = select(v, &ts.query(me.clone()), as_of);
    let pages = rows.len().div_ceil(PAGE).max(1);
    let page = ts.page.get().min(pages - 1);
    let from = page * PAGE;
    let shown = &rows[from..(from + PAGE).min(rows.len())];
    let form = i18n::t().form;
    let pager = el("nav")
        .cls("pager")
        .at("aria-label", t.pages)
        .c(button(form.previous_page, "prev")
            .id("page-prev")
            .flag("disabled", page == 0))
        .t(" ")
        .t(&(form.page)(page + 1, pages))
        .t(" ")
        .c(button(form.next_page, "next")
            .id("page-next")
            .flag("disabled", page + 1 >= pages));
    el("div")
        .c(filters(ts, v, me.is_some()))
        .c(h("p", &(t.showing)(rows.len(), v.tasks.len()))
            .cls("count")
            .id("task-count")
            .at("role", "status"))
        .c(bulk(ts))
        .c(ts
            .selection
            .with(|sel| task_table(v, shown, as_of, Some(sel), "task-table")))
        .c(pager)
        .c(add_form(ts))
}

fn filters(ts: TaskState, v: &PlanView, has_me: bool) -> El {
    let t = i18n::t().tasks;
    let all = i18n::t().form.all;
    let with_all = |list: Vec<(String, String)>| {
        let mut out = vec![(String::new(), all.to_string())];
        out.extend(list);
        out
    };
    let units = with_all(
        v.units
            .iter()
            .map(|u| (u.id.clone(), u.name.clone()))
            .collect(),
    );
    let officers = with_all(
        v.officers
            .iter()
            .map(|o| (o.id.clone(), officer_label(v, &o.id)))
            .collect(),
    );
    let domains = with_all(
        v.domains()
            .filter_map(|d| {
                let code = d.code.as_ref()?.to_string();
                Some((code.clone(), format!("{code}. {}", d.title)))
            })
            .collect(),
    );
    let mut statuses = with_all(vec![("open".into(), t.open.to_string())]);
    statuses.extend(Status::ALL.map(|s| {
        (
            s.as_str().to_string(),
            i18n::t().model.status(s).to_string(),
        )
    }));
    let keyed = |keys: &[&str], labels: &[&str]| -> Vec<(String, String)> {
        keys.iter()
            .zip(labels)
            .map(|(k, l)| (k.to_string(), l.to_string()))
            .collect()
    };
    let whens = keyed(&WHEN_KEYS.map(|(_, k)| k), &t.whens);
    let sorts = keyed(&SORT_KEYS.map(|(_, k)| k), &t.sorts);
    let filter = |id: &str, label: &str, name: &str, options: &[(String, String)]| {
        field(
            id,
            label,
            drop_down(id, options, &ts.get(name), "filter").data("f", name),
            "",
            None,
        )
    };
    let mine = ts.mine.get();
    let search = el("input")
        .at("type", "search")
        .id("task-search")
        .at("placeholder", t.search_hint)
        .at("value", &ts.get("text"))
        .act("filter")
        .data("f", "text");
    el("div")
        .cls("filters")
        .at("role", "search")
        .c(field("task-search", t.search, search, "", None).cls("field search"))
        .c(filter("filter-unit", t.unit, "unit", &units))
        .c(filter("filter-officer", t.officer, "officer", &officers))
        .c(filter("filter-domain", t.domain, "domain", &domains))
        .c(filter("filter-status", t.status, "status", &statuses))
        .c(filter("filter-when", t.when, "when", &whens))
        .c(filter("sort", t.sort, "sort", &sorts))
        .c(el("div")
            .cls("field buttons")
            .c(button(t.my_tasks, "mine")
                .id("my-tasks")
                .at("aria-pressed", if mine { "true" } else { "false" })
                .flag("disabled", !has_me)
                .at("title", if has_me { "" } else { t.my_tasks_hint }))
            .t(" ")
            .c(button(t.clear, "clear").id("clear-filters")))
}

/// Ticked tasks all get one status, in one edit (one undo takes it back).
fn bulk(ts: TaskState) -> El {
    let t = i18n::t().tasks;
    let n = ts.selection.with(Vec::len);
    if n == 0 {
        return el("div").cls("bulk empty");
    }
    let options: Vec<(String, String)> = Status::ALL
        .map(|s| {
            (
                s.as_str().to_string(),
                i18n::t().model.status(s).to_string(),
            )
        })
        .to_vec();
    let status = drop_down("bulk-status", &options, Status::Done.as_str(), "")
        .at("name", "status")
        .flag("data-draft", true);
    el("form")
        .cls("bulk")
        .act("bulk")
        .at("aria-label", t.bulk_label)
        .c(h("strong", &(t.selected)(n)).id("bulk-count"))
        .t(" ")
        .c(field("bulk-status", t.bulk_status, status, "", None))
        .c(h("button", t.bulk_apply)
            .at("type", "submit")
            .id("bulk-apply")
            .cls("primary"))
        .t(" ")
        .c(button(t.unselect, "unselect"))
}

/// A new task: a code (or none) and a title; its editor opens next.
fn add_form(ts: TaskState) -> El {
    let t = i18n::t().tasks;
    let error = ts.errors.message("new-task");
    el("form")
        .cls("add-form")
        .act("add-task")
        .c(h("h3", t.add_title))
        .c(el("div")
            .cls("row")
            .c(draft("new-task-code", "code", t.code, t.code_hint))
            .c(draft("new-task-title", "title", t.title, ""))
            .c(h("button", i18n::t().form.add)
                .at("type", "submit")
                .id("add-task")))
        .c(h("p", &error).cls("error").at("role", "alert"))
}

fn on_list(state: AppState, ts: TaskState, flash: Flash, ev: &Ev) {
    match (ev.kind, ev.act.as_str()) {
        ("input" | "change", "filter") => ts.set(&ev.data("f"), ev.value()),
        ("click", "mine") => {
            ts.mine.update(|m| *m = !*m);
            ts.page.set(0);
        }
        ("click", "clear") => {
            ts.filters.set(Default::default());
            ts.mine.set(false);
            ts.page.set(0);
        }
        ("click", "prev") => ts.page.update(|p| *p = p.saturating_sub(1)),
        ("click", "next") => ts.page.update(|p| *p += 1),
        ("change", "pick") => {
            let (id, on) = (ev.data("id"), ev.checked());
            ts.selection.update(|s| pick(s, &id, on));
        }
        ("change", "pick-page") => {
            let on = ev.checked();
            let ids = ev.data("ids");
            ts.selection.update(|s| {
                for id in ids.split(' ') {
                    pick(s, id, on);
                }
            });
        }
        ("click", "unselect") => ts.selection.set(Vec::new()),
        ("submit", "bulk") => bulk_apply(state, ts, flash, &ev.field("status")),
        ("submit", "add-task") => {
            let Some(v) = state.plan.get_untracked() else {
                return;
            };
            let id = state.new_id(Kind::Task);
            let op = add_task(&v, &ev.field("code"), &ev.field("title"), id.clone());
            let outcome = save(state, Action::Add, op.map(|op| vec![op]));
            let ok = outcome.is_ok();
            ts.errors.note("new-task", String::new(), outcome);
            if ok {
                ev.clear_form();
                open_task(Some(&id));
            }
        }
        _ => {}
    }
}

/// Adds or takes one task id out of the selection.
fn pick(selection: &mut Vec<String>, id: &str, on: bool) {
    selection.retain(|s| s != id);
    if on && !id.is_empty() {
        selection.push(id.to_string());
    }
}

fn bulk_apply(state: AppState, ts: TaskState, flash: Flash, wanted: &str) {
    let Some(v) = state.plan.get_untracked() else {
        return;
    };
    let Some(s) = Status::ALL.into_iter().find(|s| s.as_str() == wanted) else {
        return;
    };
    let as_of = state.as_of();
    let chosen = ts.selection.get_untracked();
    let ops = v
        .tasks
        .iter()
        .filter(|task| chosen.contains(&task.id))
        .flat_map(|task| set_status(task, s, as_of))
        .collect();
    match save(state, Action::Edit, Ok(ops)) {
        Ok(()) => {
            flash.say((i18n::t().tasks.bulk_done)(chosen.len()));
            ts.selection.set(Vec::new());
        }
        Err(e) => flash.say(e),
    }
}

/// "Long (Tư pháp - Hộ tịch)".
pub fn officer_label(v: &PlanView, officer_id: &str) -> String {
    let Some(o) = v.officer(officer_id) else {
        return String::new();
    };
    match v.unit(&o.unit) {
        Some(u) => format!("{} ({})", o.name, u.name),
        None => o.name.clone(),
    }
}

/// Who carries a task out: lead units, coordinating units, officers.
pub fn who(v: &PlanView, task: &Task) -> String {
    let t = i18n::t().tasks;
    let names = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| v.unit(id).map(|u| u.name.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if task.lead.is_empty() && task.support.is_empty() && task.officers.is_empty() {
        return t.unassigned.to_string();
    }
    if task.lead.len() == v.units.len() && v.units.len() > 2 {
        parts.push(t.all_units.to_string());
    } else if !task.lead.is_empty() {
        parts.push(names(&task.lead));
    }
    if !task.support.is_empty() {
        parts.push(format!("{} {}", t.support_short, names(&task.support)));
    }
    let officers: Vec<&str> = task
        .officers
        .iter()
        .filter_map(|o| v.officer(o).map(|o| o.name.as_str()))
        .collect();
    if !officers.is_empty() {
        parts.push(format!("{} {}", t.officers_short, officers.join(", ")));
    }
    parts.join("; ")
}

/// The deadline as written, and the extended one when there is an extension.
pub fn deadline_text(task: &Task) -> String {
    let words = i18n::t().model;
    let written = words.deadline(task.deadline);
    match task.extensions.iter().map(|e| e.date).max() {
        Some(_) if !task.deadline.is_recurring() => format!(
            "{written} → {} ({})",
            words.deadline(task.effective_deadline()),
            i18n::t().tasks.extended
        ),
        _ => written,
    }
}

/// A table of tasks, as the officers' sheets lay them out. With a selection, each row has a
/// box to tick for a bulk change. The same table serves the dashboard's lists.
pub fn task_table(
    v: &PlanView,
    rows: &[usize],
    as_of: NaiveDate,
    selection: Option<&[String]>,
    id: &str,
) -> El {
    let t = i18n::t().tasks;
    if rows.is_empty() {
        return h("p", t.none).cls("empty").id(id);
    }
    let tasks: Vec<&Task> = rows.iter().filter_map(|&i| v.tasks.get(i)).collect();
    let body = tasks
        .iter()
        .map(|task| {
            let code = code_text(task.code.as_ref());
            let timing = task_timing(task, &v.plan, as_of);
            let evidence = v.evidence_of_task(&task.id).count();
            let tick = selection.map(|sel| {
                el("td").cls("tick").c(checkbox(sel.contains(&task.id))
                    .act("pick")
                    .data("id", &task.id)
                    .at("aria-label", &format!("{} {code}", t.select)))
            });
            let link = h("a", &task.title)
                .at("href", &format!("{}/{}", View::Tasks.hash(), task.id))
                .cls("clamp");
            el("tr")
                .data("k", &task.id)
                .data("code", &code)
                .cls(if timing.is_late() { "late" } else { "" })
                .maybe(tick)
                .c(td(&code).cls("code"))
                .c(el("td").cls("title").c(link))
                .c(td(&who(v, task)).cls("who"))
                .c(td(&deadline_text(task)).cls("deadline"))
                .c(el("td").c(badge(task.status, &timing)))
                .c(tdn(&format!("{}%", task.progress)))
                .c(tdn(&evidence.to_string()))
        })
        .collect();
    let mut heads = Vec::new();
    if let Some(sel) = selection {
        let ids: Vec<&str> = tasks.iter().map(|t| t.id.as_str()).collect();
        let all = ids.iter().all(|id| sel.iter().any(|s| s == id));
        heads.push(
            el("th").cls("tick").c(checkbox(all)
                .act("pick-page")
                .data("ids", &ids.join(" "))
                .at("aria-label", t.select_page)),
        );
    }
    heads.extend([
        th(t.code),
        th(t.title),
        th(t.who),
        th(t.deadline),
        th(t.status),
        thn(t.progress),
        thn(t.evidence),
    ]);
    table(id, heads, body).cls("tasks")
}

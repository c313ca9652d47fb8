//! Lịch sử: the conflicts that wait for a decision (settled with one click, as an undoable
//! edit), then the recent changes — who, when, what — imports with whose file they came from.

use std::collections::{BTreeMap, HashMap};

use cchc_core::exchange::conflicts::{self, Conflict, DeleteConflict, FieldConflict};
use cchc_core::model::doc::{Kind, Write, DELETED};
use cchc_core::model::stamp::ReplicaId;
use cchc_core::model::workspace::{Action, Change, Op};
use leptos::prelude::*;

use super::dom::{el, h, region, El, Ev};
use super::exchange::describe::{self, Lookup};
use super::exchange::parts::{self, Each};
use super::form::button;
use super::i18n::{self, exchange::fill};
use super::{Flash, ViewPage};
use crate::router::View;
use crate::state::{self, AppState};

/// Changes shown at first, and added by each "Xem thêm".
const PAGE: usize = 50;
/// Field changes listed per change; the rest are counted.
const LINES_SHOWN: usize = 5;

#[component]
pub fn HistoryView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let flash = expect_context::<Flash>();
    view! {
        <ViewPage view=View::History>
            {conflicts_list(state, flash)}
            {recent_changes(state)}
        </ViewPage>
    }
}

/// The number of open conflicts beside Lịch sử in the navigation; nothing when there are none.
#[component]
pub fn ConflictBadge() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.ws.with(|w| conflicts::count(&w.doc)));
    move || {
        let n = count.get();
        (n > 0).then(|| {
            let title = fill(i18n::t().history.open_conflicts, &[&n.to_string()]);
            view! { <span id="conflict-count" class="nav-count" title=title>{n}</span> }
        })
    }
}

/// Who wrote a value, and when. A stamp names a replica (one opened page), not a person:
/// the name comes from this page, from this browser's history (an edit logged with that
/// record, field and moment), or from the header of a file imported from that replica.
/// Otherwise the value is "from another computer", with its time.
struct Writers {
    own: ReplicaId,
    own_name: String,
    names: BTreeMap<String, String>,
    /// (record, field, milliseconds) → who, from the history.
    logged: HashMap<(String, String, u64), String>,
}

impl Writers {
    fn load(state: &AppState) -> Writers {
        let logged = state.ws.with_untracked(|w| {
            w.history
                .iter()
                .filter(|c| !c.who.trim().is_empty() && !matches!(c.action, Action::Import { .. }))
                .flat_map(|c| {
                    c.lines
                        .iter()
                        .map(move |l| ((l.id.clone(), l.field.clone(), c.at_ms), c.who.clone()))
                })
                .collect()
        });
        Writers {
            own: state.ws.with_untracked(|w| w.replica()),
            own_name: state
                .prefs
                .with_untracked(|p| p.officer_name.trim().to_string()),
            names: state::replica_names(),
            logged,
        }
    }

    fn of(&self, id: &str, field: &str, w: &Write) -> String {
        let t = i18n::t().history;
        if w.stamp.is_genesis() {
            return t.example.to_string();
        }
        let ms = w.stamp.hlc.ms();
        let who = if w.stamp.replica == self.own && !self.own_name.is_empty() {
            Some(self.own_name.clone())
        } else {
            self.logged
                .get(&(id.to_string(), field.to_string(), ms))
                .or_else(|| self.names.get(&w.stamp.replica.to_text()))
                .cloned()
        };
        let who = who.unwrap_or_else(|| t.other_browser.to_string());
        fill(t.by, &[&who, &describe::local_time(ms)])
    }
}

/// A value and who wrote it, as shown in a cell.
struct Written {
    value: String,
    by: String,
}

/// One line of the conflicts list, in words, with the operations that settle it.
struct ConflictRow {
    label: String,
    field: String,
    shown: Written,
    keep: (&'static str, Op),
    others: Vec<(Written, &'static str, Op)>,
    deleted: bool,
}

fn conflict_rows(state: &AppState) -> Vec<ConflictRow> {
    let writers = Writers::load(state);
    state.ws.with(|w| {
        let look = Lookup(vec![&w.doc]);
        conflicts::open(&w.doc)
            .iter()
            .map(|c| match c {
                Conflict::Field(c) => field_row(c, &look, &writers),
                Conflict::Delete(c) => delete_row(c, &look, &writers),
            })
            .collect()
    })
}

fn field_row(c: &FieldConflict, look: &Lookup, writers: &Writers) -> ConflictRow {
    let t = i18n::t().history;
    let written = |w: &Write| Written {
        value: look.value(&c.field, &w.value),
        by: writers.of(&c.id, &c.field, w),
    };
    ConflictRow {
        label: look.label(&c.id, &c.kind),
        field: describe::field_label(&c.field),
        shown: written(&c.shown),
        keep: (
            t.keep_shown,
            conflicts::choose(&c.id, &c.field, c.shown.value.clone()),
        ),
        others: c
            .others
            .iter()
            .map(|w| {
                let op = conflicts::choose(&c.id, &c.field, w.value.clone());
                (written(w), t.restore_value, op)
            })
            .collect(),
        deleted: false,
    }
}

fn delete_row(c: &DeleteConflict, look: &Lookup, writers: &Writers) -> ConflictRow {
    let t = i18n::t().history;
    let edits = c
        .edits
        .iter()
        .map(|(field, w)| {
            let value = format!(
                "{}: {}",
                describe::field_label(field),
                look.value(field, &w.value)
            );
            Written {
                value,
                by: writers.of(&c.id, field, w),
            }
        })
        .collect::<Vec<_>>();
    let edits_text = Written {
        value: edits
            .iter()
            .map(|e| format!("{} ({})", e.value, e.by))
            .collect::<Vec<_>>()
            .join("; "),
        by: String::new(),
    };
    ConflictRow {
        label: look.label(&c.id, &c.kind),
        field: fill(t.deleted_by, &[&writers.of(&c.id, DELETED, &c.delete)]),
        shown: Written {
            value: look.value(DELETED, &serde_json::Value::Bool(true)),
            by: writers.of(&c.id, DELETED, &c.delete),
        },
        keep: (t.keep_deleted, conflicts::keep_deleted(&c.id)),
        others: vec![(edits_text, t.restore_record, conflicts::restore(&c.id))],
        deleted: true,
    }
}

/// The conflicts list: each button settles one conflict with one operation.
fn conflicts_list(state: AppState, flash: Flash) -> AnyView {
    let t = i18n::t().history;
    let status = RwSignal::new(None::<String>);
    // The operations of the buttons shown, by their `data-i`.
    let ops = StoredValue::new(Vec::<Op>::new());
    let draw = move || {
        let mut shown = Vec::new();
        let list = conflicts_dom(conflict_rows(&state), &mut shown);
        ops.set_value(shown);
        el("section")
            .cls("panel")
            .at("aria-labelledby", "conflicts-title")
            .c(h("h3", t.conflicts_title).id("conflicts-title"))
            .c(h("p", t.conflicts_intro).cls("hint"))
            .c(list)
            .c(h("p", status.get().as_deref().unwrap_or_default())
                .id("history-status")
                .cls("status")
                .at("role", "status"))
    };
    let settle = move |ev: Ev| {
        let Some(op) = ev
            .data("i")
            .parse::<usize>()
            .ok()
            .and_then(|i| ops.with_value(|o| o.get(i).cloned()))
            .filter(|_| ev.kind == "click")
        else {
            return;
        };
        let done = match &op {
            Op::Restore { .. } => t.restored,
            Op::Delete { .. } => t.kept_deleted,
            _ => t.resolved,
        };
        let message = match state.apply(Action::ResolveConflict, vec![op]) {
            Ok(()) => done.to_string(),
            Err(e) => (i18n::t().model.edit_error)(&e),
        };
        flash.say(message.clone());
        status.set(Some(message));
    };
    region(draw, settle)
}

/// The conflicts table; each button's operation goes into `ops` at its `data-i`.
fn conflicts_dom(rows: Vec<ConflictRow>, ops: &mut Vec<Op>) -> El {
    let t = i18n::t().history;
    if rows.is_empty() {
        return h("p", t.no_conflicts).at("id", "no-conflicts").cls("hint");
    }
    let mut button = |label: &str, op: Op, class: &str| {
        ops.push(op);
        parts::button(label, "settle", ops.len() - 1, class)
    };
    let mut body = Vec::new();
    for r in rows {
        let (keep_text, keep_op) = r.keep;
        let shown = el("td")
            .c(written_dom(&r.shown))
            .t(" ")
            .c(button(keep_text, keep_op, "keep"));
        let mut others = el("td");
        for (w, label, op) in r.others {
            others = others.c(el("div")
                .cls("other")
                .c(written_dom(&w))
                .t(" ")
                .c(button(label, op, "restore")));
        }
        body.push(
            el("tr")
                .cls(if r.deleted {
                    "conflict deleted"
                } else {
                    "conflict"
                })
                .c(h("td", &r.label).cls("label"))
                .c(h("td", &r.field))
                .c(shown)
                .c(others),
        );
    }
    el("table")
        .at("id", "conflicts")
        .cls("diff conflicts")
        .c(parts::head_row(&[
            t.col_record,
            i18n::t().exchange.col_field,
            t.col_shown,
            t.col_others,
        ]))
        .c(el("tbody").each(body))
}

/// A value, then who wrote it and when.
fn written_dom(w: &Written) -> El {
    let by = (!w.by.is_empty()).then(|| h("span", &format!(" ({})", w.by)).cls("by"));
    el("span").c(h("span", &w.value).cls("value")).maybe(by)
}

/// One change in words.
struct ChangeRow {
    when: String,
    who: String,
    what: String,
    lines: Vec<String>,
    more: usize,
}

fn change_row(c: &Change, look: &Lookup) -> ChangeRow {
    let t = i18n::t().history;
    let lines = c
        .lines
        .iter()
        .take(LINES_SHOWN)
        .map(|l| {
            let (old, new) = (look.value(&l.field, &l.old), look.value(&l.field, &l.new));
            let change = if l.old == l.new {
                format!("{new} ({})", t.kept)
            } else {
                format!("{old} → {new}")
            };
            format!(
                "{}: {} {change}",
                look.label(&l.id, &Kind::parse(&l.kind)),
                describe::field_label(&l.field),
            )
        })
        .collect();
    ChangeRow {
        when: describe::local_time(c.at_ms),
        who: if c.who.trim().is_empty() {
            t.unnamed.to_string()
        } else {
            c.who.clone()
        },
        what: (t.action)(&c.action),
        lines,
        more: c.lines.len().saturating_sub(LINES_SHOWN) + c.more,
    }
}

fn change_dom(c: ChangeRow) -> El {
    let t = i18n::t().history;
    let more =
        (c.more > 0).then(|| h("li", &fill(t.more_lines, &[&c.more.to_string()])).cls("hint"));
    el("tr")
        .c(h("td", &c.when).cls("when"))
        .c(h("td", &c.who))
        .c(h("td", &c.what).cls("what"))
        .c(el("td").c(el("ul")
            .cls("lines")
            .each(c.lines.iter().map(|l| h("li", l)))
            .maybe(more)))
}

/// Recent changes, newest first, [`PAGE`] more at each "Xem thêm".
fn recent_changes(state: AppState) -> AnyView {
    let t = i18n::t().history;
    let shown = RwSignal::new(PAGE);
    let draw = move || {
        let limit = shown.get();
        let (rows, total): (Vec<ChangeRow>, usize) = state.ws.with(|w| {
            let look = Lookup(vec![&w.doc]);
            let rows = w
                .history
                .iter()
                .rev()
                .take(limit)
                .map(|c| change_row(c, &look))
                .collect();
            (rows, w.history.len())
        });
        let list = if rows.is_empty() {
            h("p", t.no_changes).cls("hint")
        } else {
            el("table")
                .id("history")
                .cls("diff history")
                .c(parts::head_row(&[
                    t.col_when,
                    t.col_who,
                    t.col_what,
                    t.col_detail,
                ]))
                .c(el("tbody").each(rows.into_iter().map(change_dom)))
        };
        el("section")
            .cls("panel")
            .at("aria-labelledby", "recent-title")
            .c(h("h3", t.recent_title).id("recent-title"))
            .c(list)
            .maybe((total > limit).then(|| button(t.show_more, "more").id("history-more")))
    };
    let on = move |ev: Ev| {
        if (ev.kind, ev.act.as_str()) == ("click", "more") {
            shown.update(|n| *n += PAGE);
        }
    };
    region(draw, on)
}

//! Dán từ văn bản: the appendix copied from Word, previewed row by row with every doubt
//! (`paste::preview`), then added through natural keys (`paste::to_ops`), so a second
//! paste of the same table adds nothing and says so.

use cchc_core::exchange::paste::{
    self, Found, Named, Offer, PasteError, PastePreview, PastedRow, RowDoubt,
};
use cchc_core::model::doc::{Doc, Kind, Record};
use cchc_core::model::stamp::Stamp;
use cchc_core::model::workspace::{Action, Op};
use cchc_core::model::Deadline;
use leptos::prelude::*;

use super::describe::{self, Lookup};
use super::parts::{self, Each};
use crate::state::AppState;
use crate::ui::dom::{el, h, region, El, Ev};
use crate::ui::form::button;
use crate::ui::i18n::{self, exchange::fill};

/// What the paste panel keeps between drawings.
#[derive(Clone, Copy)]
struct Panel {
    state: AppState,
    /// The text in the box, as typed or pasted.
    text: RwSignal<String>,
    /// The preview, and the plan it was read for.
    pasted: RwSignal<Option<(String, PastePreview)>>,
    /// What adding would do now, with the offers as ticked.
    planned: Memo<Option<Result<Vec<Op>, PasteError>>>,
    status: RwSignal<Option<String>>,
}

/// The paste panel: the box, the preview with its offers, and "Thêm vào kế hoạch".
pub fn paste_panel(state: AppState) -> AnyView {
    let pasted = RwSignal::new(None::<(String, PastePreview)>);
    let planned = Memo::new(move |_| {
        pasted.with(|p| {
            p.as_ref().map(|(plan, preview)| {
                state
                    .ws
                    .with(|w| paste::to_ops(preview, &w.doc, plan, &mut |kind| state.new_id(kind)))
            })
        })
    });
    let p = Panel {
        state,
        text: RwSignal::new(String::new()),
        pasted,
        planned,
        status: RwSignal::new(None),
    };
    region(move || draw(p), move |ev| on(p, ev))
}

fn draw(p: Panel) -> El {
    let t = i18n::t().exchange;
    // The box is a draft: a redraw never writes over what is being typed.
    let text_box = el("textarea")
        .id("paste-text")
        .at("rows", "7")
        .at("spellcheck", "false")
        .act("text")
        .flag("data-draft", true);
    let preview_button = button(t.paste_preview, "preview")
        .id("paste-preview")
        .flag("disabled", p.state.read_only());
    el("section")
        .cls("panel")
        .at("aria-labelledby", "paste-title")
        .c(h("h3", t.paste_title).id("paste-title"))
        .c(h("p", t.paste_intro).cls("hint"))
        .c(h("label", t.paste_label).at("for", "paste-text"))
        .c(text_box)
        .c(el("div").cls("row").c(preview_button))
        .c(h("p", p.status.get().as_deref().unwrap_or_default())
            .id("paste-status")
            .cls("status")
            .at("role", "status"))
        .maybe(p.pasted.with(|x| x.as_ref().map(|(_, x)| preview_dom(x))))
        // What would change is read before the button that does it.
        .maybe(p.planned.with(|x| match x {
            Some(Ok(ops)) => p.state.ws.with(|w| changes_dom(ops, &w.doc)),
            _ => None,
        }))
        .maybe(p.planned.with(|x| x.as_ref().map(plan_dom)))
}

/// The records `ops` create, as a document to look names up in.
fn created_records(ops: &[Op]) -> Doc {
    let mut doc = Doc::default();
    for op in ops {
        if let Op::Create { id, kind, fields } = op {
            let mut record = Record::new(Kind::parse(kind));
            for (name, value) in fields {
                record.write(name, value.clone(), Stamp::GENESIS);
            }
            doc.records.insert(id.clone(), record);
        }
    }
    doc
}

/// How many changed fields are listed one by one; the rest are counted.
const CHANGES_LISTED: usize = 20;

/// The fields of records already in the plan that adding would change, each with the value
/// it has and the one the pasted table gives: a table older than the plan's own edits shows
/// here before anything is written.
fn changes_dom(ops: &[Op], doc: &Doc) -> Option<El> {
    let t = i18n::t().exchange;
    // A change may name a unit or officer that the same paste creates: look there too.
    let created = created_records(ops);
    let look = Lookup(vec![doc, &created]);
    let sets: Vec<(&String, &String, &serde_json::Value)> = ops
        .iter()
        .filter_map(|op| match op {
            Op::Set { id, field, value } => Some((id, field, value)),
            _ => None,
        })
        .collect();
    if sets.is_empty() {
        return None;
    }
    let rows = sets.iter().take(CHANGES_LISTED).map(|(id, field, value)| {
        let record = doc.get(id);
        let kind = record.map_or(Kind::Task, |r| r.kind.clone());
        let before = record
            .and_then(|r| r.fields.get(field.as_str()))
            .map_or(serde_json::Value::Null, |f| f.value().clone());
        el("tr")
            .c(h("td", &look.label(id, &kind)))
            .c(h("td", &describe::field_label(field)))
            .c(h("td", &look.value(field, &before)))
            .c(h("td", &look.value(field, value)).cls("merged"))
    });
    Some(
        el("section")
            .id("paste-changes")
            .c(h("h4", &fill(t.paste_changes, &[&sets.len().to_string()])))
            .c(el("table")
                .cls("diff")
                .c(parts::head_row(&t.paste_change_columns))
                .c(el("tbody").each(rows.collect::<Vec<_>>())))
            .maybe((sets.len() > CHANGES_LISTED).then(|| {
                h(
                    "p",
                    &fill(
                        t.more_records,
                        &[&(sets.len() - CHANGES_LISTED).to_string()],
                    ),
                )
                .cls("hint")
            })),
    )
}

fn on(p: Panel, ev: Ev) {
    let t = i18n::t().exchange;
    match (ev.kind, ev.act.as_str()) {
        ("input", "text") => p.text.set(ev.value()),
        ("click", "preview") => {
            p.status.set(None);
            let plan = p
                .state
                .plan
                .with_untracked(|v| v.as_ref().map(|v| v.0.clone()));
            let Some(view) = plan else {
                p.pasted.set(None);
                p.status.set(Some(t.paste_need_plan.to_string()));
                return;
            };
            let read = p
                .text
                .with_untracked(|s| (!s.trim().is_empty()).then(|| paste::preview(s, &view)));
            if read.is_none() {
                p.status.set(Some(t.paste_empty.to_string()));
            }
            p.pasted.set(read.map(|x| (view.plan.id.clone(), x)));
        }
        ("change", "offer") => {
            let (on, units) = (ev.checked(), ev.data("kind") == "unit");
            let i = ev.data("i").parse::<usize>().ok();
            p.pasted.update(|x| {
                if let (Some((_, x)), Some(i)) = (x, i) {
                    let list = if units {
                        &mut x.offers.units
                    } else {
                        &mut x.offers.officers
                    };
                    if let Some(o) = list.get_mut(i) {
                        o.accepted = on;
                    }
                }
            });
        }
        ("click", "add") => {
            let Some(Ok(ops)) = p.planned.get_untracked() else {
                return;
            };
            let summary = counts_text(&ops);
            let message = match p.state.apply(Action::Paste, ops) {
                Ok(()) => {
                    p.pasted.set(None);
                    fill(t.paste_added, &[&summary])
                }
                Err(e) => (i18n::t().model.edit_error)(&e),
            };
            p.status.set(Some(message));
        }
        _ => {}
    }
}

/// What adding would do, and the button; or why nothing would change.
fn plan_dom(ops: &Result<Vec<Op>, PasteError>) -> El {
    let t = i18n::t().exchange;
    match ops {
        Ok(ops) if ops.is_empty() => h("p", t.paste_nothing_new)
            .id("paste-nothing-new")
            .cls("notice"),
        Ok(ops) => el("div").cls("row actions").cs(vec![
            h("p", &fill(t.paste_will_add, &[&counts_text(ops)])).id("paste-will-add"),
            button(t.paste_add, "add").id("paste-add").cls("primary"),
        ]),
        Err(PasteError::NoSuchPlan) => h("p", t.paste_need_plan).cls("notice notice-error"),
        Err(PasteError::Edit(e)) => {
            h("p", &(i18n::t().model.edit_error)(e)).cls("notice notice-error")
        }
    }
}

/// `12 tiêu chí, 20 nhiệm vụ, 1 bộ phận`: records created by kind, then fields changed.
fn counts_text(ops: &[Op]) -> String {
    let t = i18n::t().exchange;
    let kinds = ["criterion", "task", "unit", "officer"];
    let mut counts = [0usize; 5];
    for op in ops {
        match op {
            Op::Create { kind, .. } => {
                if let Some(i) = kinds.iter().position(|k| k == kind) {
                    counts[i] += 1;
                }
            }
            _ => counts[4] += 1,
        }
    }
    counts
        .iter()
        .zip(t.counts)
        .filter(|(n, _)| **n > 0)
        .map(|(n, words)| fill(words, &[&n.to_string()]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every parsed row with what was recognised and its doubts; the table's own doubts; the new
/// units and officers with a checkbox each.
fn preview_dom(p: &PastePreview) -> El {
    let t = i18n::t().exchange;
    let doubts = p.doubts.len() + p.row_doubts().filter(|(_, d)| shown_in_row(d)).count();
    let table_doubts = (!p.doubts.is_empty()).then(|| {
        el("ul")
            .at("id", "paste-table-doubts")
            .cls("notice notice-warn")
            .each(p.doubts.iter().map(|d| h("li", &(t.table_doubt)(d))))
    });
    let plan_line = p
        .plan_line
        .as_ref()
        .map(|l| h("p", &fill(t.paste_plan_line, &[&l.written])).cls("hint"));
    let inferred = (!p.inferred.is_empty()).then(|| {
        let codes = p
            .inferred
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        h("p", &fill(t.paste_inferred, &[&codes])).cls("hint")
    });
    let rows = el("table")
        .at("id", "paste-rows")
        .cls("diff paste-rows")
        .c(parts::head_row(&[
            t.col_line,
            t.col_code,
            t.col_title,
            t.col_points,
            t.col_who,
            t.col_deadline,
            t.col_note,
            t.col_doubts,
        ]))
        .c(el("tbody").each(p.rows.iter().map(row_dom)));
    el("div")
        .at("id", "paste-preview-result")
        .cls("preview")
        .c(h(
            "p",
            &fill(
                t.paste_read,
                &[&p.rows.len().to_string(), &doubts.to_string()],
            ),
        )
        .at("id", "paste-read"))
        .maybe(plan_line)
        .maybe(table_doubts)
        .maybe(offers_dom(&p.offers.units, t.paste_new_units, "unit"))
        .maybe(offers_dom(
            &p.offers.officers,
            t.paste_new_officers,
            "officer",
        ))
        .maybe(inferred)
        .c(el("div").cls("table-scroll").c(rows))
}

/// New units or officers, each with a checkbox: created only if ticked.
fn offers_dom(offers: &[Offer], title: &str, kind: &str) -> Option<El> {
    let t = i18n::t().exchange;
    if offers.is_empty() {
        return None;
    }
    let items = offers.iter().enumerate().map(|(i, o)| {
        let rows = o
            .rows
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let id = format!("offer-{kind}-{i}");
        let check = el("input")
            .at("type", "checkbox")
            .id(&id)
            .act("offer")
            .data("kind", kind)
            .data("i", &i.to_string())
            .data("name", &o.name)
            .flag("checked", o.accepted);
        el("li")
            .c(check)
            .t(" ")
            .c(h("label", &o.name).at("for", &id))
            .t(" ")
            .c(h("span", &format!("({})", fill(t.paste_rows_of, &[&rows]))).cls("hint"))
    });
    Some(
        el("fieldset")
            .cls("offers")
            .at("data-kind", kind)
            .c(h("legend", title))
            .c(el("ul").each(items)),
    )
}

fn row_dom(r: &PastedRow) -> El {
    let t = i18n::t().exchange;
    let code = if r.heading {
        format!("{} ({})", r.code, t.heading)
    } else {
        r.code.to_string()
    };
    let deadline = match r.deadline {
        Deadline::None => r.deadline_written.clone(),
        d => i18n::t().model.deadline(d),
    };
    let mut class = String::new();
    if r.heading {
        class.push_str("heading ");
    }
    if r.doubts.iter().any(shown_in_row) {
        class.push_str("doubt");
    }
    el("tr")
        .cls(class.trim())
        .at("data-code", &r.code.to_string())
        .c(h("td", &r.line.to_string()).cls("num"))
        .c(h("td", &code).cls("code"))
        .c(h("td", &r.criterion.title))
        .c(h("td", &points_text(r)))
        .c(h("td", &who_text(r)))
        .c(h("td", &deadline))
        .c(h("td", &r.task_note()))
        .c(el("td").cls("doubts").c(el("ul").each(
            r.doubts
                .iter()
                .filter(|d| shown_in_row(d))
                .map(|d| h("li", &(t.row_doubt)(d))),
        )))
}

/// Unknown units and officers are said once, in the offers with a checkbox (and marked
/// "(mới)" in the row), not again on every row that names them.
fn shown_in_row(d: &RowDoubt) -> bool {
    !matches!(
        d,
        RowDoubt::UnknownUnit { .. } | RowDoubt::UnknownOfficer { .. }
    )
}

/// `đạt 0,71/0,75; trừ 0,04`
fn points_text(r: &PastedRow) -> String {
    let t = i18n::t().exchange;
    let c = &r.criterion;
    let mut parts = Vec::new();
    match (c.base, c.max) {
        (Some(base), Some(max)) => {
            parts.push(format!("{} {}/{}", t.pts_score, base.to_vi(), max.to_vi()))
        }
        (Some(base), None) => parts.push(format!("{} {}", t.pts_score, base.to_vi())),
        (None, Some(max)) => parts.push(format!("{} {}", t.pts_max, max.to_vi())),
        (None, None) => {}
    }
    if let Some(own) = c.base_self {
        parts.push(format!("{} {}", t.pts_self, own.to_vi()));
    }
    if let Some(loss) = c.stated_loss {
        parts.push(format!("{} {}", t.pts_loss, loss.to_vi()));
    }
    parts.join("; ")
}

/// The units and officers as found in the plan, new ones marked.
fn who_text(r: &PastedRow) -> String {
    let t = i18n::t().exchange;
    let name = |n: &Named| match &n.found {
        Found::Unit { name, .. } | Found::Slip { name, .. } | Found::Officer { name, .. } => {
            name.clone()
        }
        Found::NewUnit { name } | Found::NewOfficer { name, .. } => {
            format!("{name} {}", t.new_mark)
        }
        Found::Ambiguous { .. } => format!("{}?", n.written),
    };
    let m = &r.matched;
    let support = m
        .support
        .iter()
        .map(|n| format!("{} ({})", name(n), t.support));
    m.lead
        .iter()
        .map(name)
        .chain(support)
        .chain(m.officers.iter().map(name))
        .collect::<Vec<_>>()
        .join("; ")
}

//! The appendix printed, copied as text, pasted back gives the same plan: the report's
//! text and TSV copies read by the appendix parser (`exchange::paste`), field for field,
//! except the doubts the original Word file raised.

use cchc_core::exchange::paste::{self, compare};
use cchc_core::model::seed;
use cchc_core::model::*;
use cchc_core::report::*;
use chrono::NaiveDate;

/// A workspace holding the example's plan and units, and no criteria, tasks or officers.
fn plan_and_units() -> Workspace {
    let mut ws = Workspace::new(ReplicaId(9));
    ws.doc.records = seed::example()
        .records
        .into_iter()
        .filter(|(_, r)| matches!(r.kind, Kind::Plan | Kind::Unit))
        .collect();
    ws
}

fn printed(columns: Columns, copy: fn(&Appendix, Columns) -> String) -> String {
    let view = PlanView::build(&seed::example(), &seed::plan_id()).expect("the example");
    let as_of = NaiveDate::from_ymd_opt(2022, 10, 15).expect("a date");
    copy(&appendix(&view, as_of), columns)
}

fn pasted(text: &str) -> Workspace {
    let mut ws = plan_and_units();
    let ctx = Ctx {
        now_ms: 1_700_000_000_000,
        who: "Phong".into(),
    };
    let mut n = 0;
    let mut new_id = |kind| {
        n += 1;
        ids::random(kind, 0xbeef_0000 + n)
    };
    paste::paste_all(&mut ws, &seed::plan_id(), text, &ctx, &mut new_id)
        .expect("the printed appendix pastes");
    ws
}

/// The differences between the example and `text` pasted into an empty plan, apart
/// from the doubts, and the doubts the paste raised.
fn differences(text: &str) -> (Vec<String>, Vec<compare::Difference>) {
    let ws = pasted(text);
    let example = seed::example();
    let is_officer = |r: &Record| r.kind == Kind::Officer;
    let mut all = compare::differences(&example, &ws.doc, compare::is_appendix);
    all.extend(compare::differences(&example, &ws.doc, is_officer));
    let (doubts, diffs): (Vec<_>, Vec<_>) = all.into_iter().partition(|d| d.field == "doubts");
    let shown = diffs
        .iter()
        .map(|d| {
            format!(
                "{} {}: expected {} got {}",
                d.code, d.field, d.expected, d.got
            )
        })
        .collect();
    (shown, doubts)
}

#[test]
fn the_printed_appendix_pasted_back_gives_the_same_plan() {
    let copies = [
        ("text", printed(Columns::Plan, appendix_text)),
        ("TSV", printed(Columns::Plan, appendix_tsv)),
    ];
    for (what, text) in copies {
        let (diffs, doubts) = differences(&text);
        assert!(diffs.is_empty(), "{what}:\n{}", diffs.join("\n"));
        // The doubts of reading the Word file (the slip "Tài chính – KH", units from a
        // merged cell) are not the plan's: the printed copy names the units cleanly,
        // so pasting it back raises none.
        assert!(
            doubts.iter().all(|d| d.got.is_null()),
            "{what}: the copy raised doubts: {doubts:?}"
        );
    }
}

#[test]
fn the_copy_with_status_pastes_back_the_same_plan() {
    // The status column is the report's, not the plan's: whatever the parser makes of
    // it, every field of the plan reads back the same.
    let (diffs, _) = differences(&printed(Columns::WithStatus, appendix_text));
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

//! What the dashboard shows beyond the totals, on the example at 15/10/2022: the table per
//! unit (tasks, done, late, points at stake), the "done but no evidence" warning, and the
//! plans a workspace holds. The totals themselves are in `seed_expected.rs`.

use cchc_core::model::edit::{self, Attach, EvidenceInput};
use cchc_core::model::flags::{flags, Flag};
use cchc_core::model::scoring::{unit_loads, UnitLoad};
use cchc_core::model::seed;
use cchc_core::model::stamp::ReplicaId;
use cchc_core::model::workspace::{Action, Ctx, Workspace};
use cchc_core::model::*;
use chrono::NaiveDate;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 10, 15).unwrap()
}

fn example() -> Workspace {
    let mut ws = Workspace::new(ReplicaId(7));
    ws.doc = seed::example();
    ws
}

fn view(ws: &Workspace) -> PlanView {
    PlanView::build(&ws.doc, &seed::plan_id()).unwrap()
}

fn apply(ws: &mut Workspace, ops: Vec<Op>) {
    let ctx = Ctx {
        now_ms: 1_665_800_000_000,
        who: "Phong".into(),
    };
    ws.apply(Action::Edit, ops, &ctx).unwrap();
}

fn dec(text: &str) -> Decimal {
    Decimal::parse(text).unwrap()
}

fn task(v: &PlanView, code: &str) -> Task {
    let code = Code::parse(code).unwrap();
    v.tasks
        .iter()
        .find(|t| t.code.as_ref() == Some(&code))
        .cloned()
        .unwrap()
}

fn load_of(v: &PlanView, unit: &str) -> UnitLoad {
    let unit = v.units.iter().find(|u| u.name == unit).unwrap();
    unit_loads(v, as_of())
        .into_iter()
        .find(|l| l.unit_id == unit.id)
        .unwrap()
}

#[test]
fn tu_phap_carries_eleven_tasks_three_late_and_4_79_points_at_stake() {
    let ws = example();
    let load = load_of(&view(&ws), "Tư pháp - Hộ tịch");
    // EXPECTED.md's eleven rows; late on 15/10/2022: 1.7 (30/09/2022), and 2.2 and 2.3.2,
    // monthly and quarterly, whose September is past.
    assert_eq!((load.tasks, load.done, load.late), (11, 0, 3));
    // The lost points of its leaf criteria: 1.2 0,04 + 2.2.1 0,25 + 2.2.3 0,25 + 2.3.1 0,5
    // + 2.3.2 0,25 + 3.2.2 1 + 7.1.1.1 1,5 + 7.1.2.7 0,5 + 7.2.1 0,5 (1.7 has no points,
    // 2.2 is a parent).
    assert_eq!(load.at_stake, dec("4.79"));
}

#[test]
fn a_criterion_done_leaves_the_units_points_at_stake() {
    let mut ws = example();
    let ops = edit::mark_done(&task(&view(&ws), "2.3.1"), as_of());
    apply(&mut ws, ops);
    let load = load_of(&view(&ws), "Tư pháp - Hộ tịch");
    assert_eq!((load.tasks, load.done), (11, 1));
    assert_eq!(load.at_stake, dec("4.29"));
}

fn no_evidence(v: &PlanView, code: &str) -> Option<Flag> {
    let c = v.criterion(&Code::parse(code).unwrap()).unwrap();
    flags(v, c)
        .into_iter()
        .find(|f| matches!(f, Flag::NoEvidence { .. }))
}

#[test]
fn done_without_evidence_is_flagged_until_evidence_is_filed() {
    let mut ws = example();
    assert_eq!(no_evidence(&view(&ws), "1.3"), None, "not done yet");

    let ops = edit::mark_done(&task(&view(&ws), "1.3"), as_of());
    apply(&mut ws, ops);
    assert_eq!(
        no_evidence(&view(&ws), "1.3"),
        Some(Flag::NoEvidence {
            lost: Some(dec("0.25"))
        })
    );

    let input = EvidenceInput {
        number: "15/BC-UBND".into(),
        title: "Báo cáo CCHC quý III".into(),
        ..EvidenceInput::default()
    };
    let attach = Attach::Task(task(&view(&ws), "1.3").id);
    let op = edit::add_evidence(&seed::plan_id(), &attach, &input, "ev-1".into()).unwrap();
    apply(&mut ws, vec![op]);
    assert_eq!(no_evidence(&view(&ws), "1.3"), None, "evidence filed");
}

#[test]
fn a_workspace_lists_its_plans_newest_year_first() {
    let mut ws = example();
    assert_eq!(view::plans(&ws.doc).len(), 1);
    let next = edit::create(
        Kind::Plan,
        "plan-2023".into(),
        vec![
            ("year", serde_json::json!(2023)),
            ("commune", serde_json::json!("Sơn Lĩnh")),
        ],
    );
    apply(&mut ws, vec![next]);
    let years: Vec<i32> = view::plans(&ws.doc).iter().map(|p| p.year).collect();
    assert_eq!(years, vec![2023, 2022]);
}

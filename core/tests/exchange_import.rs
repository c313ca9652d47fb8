//! Import journeys in the core: two officers, natural keys, unit files, undo.

use std::collections::BTreeMap;

use cchc_core::exchange::export;
use cchc_core::exchange::format::{decode, encode, File, Header, Scope, FORMAT, SCHEMA};
use cchc_core::exchange::import::{apply, preview, Choices, Outcome, Side};
use cchc_core::model::records::f;
use cchc_core::model::seed;
use cchc_core::model::*;
use serde_json::json;

fn header(by: &str, replica: ReplicaId) -> Header {
    Header {
        format: FORMAT.into(),
        schema: SCHEMA,
        app: "test".into(),
        exported_at: "2022-10-15T09:00:00+07:00".into(),
        exported_by: by.into(),
        scope: Scope::Workspace,
        replica: replica.to_text(),
    }
}

struct Officer {
    name: &'static str,
    ws: Workspace,
    now: u64,
}

impl Officer {
    fn open_example(name: &'static str, replica: u64, now: u64) -> Officer {
        let mut ws = Workspace::new(ReplicaId(replica));
        ws.doc = seed::example();
        Officer { name, ws, now }
    }

    fn ctx(&mut self) -> Ctx {
        self.now += 1000;
        Ctx {
            now_ms: self.now,
            who: self.name.into(),
        }
    }

    fn edit(&mut self, ops: Vec<Op>) {
        let ctx = self.ctx();
        self.ws.apply(Action::Edit, ops, &ctx).unwrap();
    }

    /// Exports through text, as an email attachment would carry it.
    fn export_all(&self) -> File {
        let file = export::workspace(&self.ws.doc, header(self.name, self.ws.replica()));
        decode(encode(&file).as_bytes()).unwrap()
    }

    fn import(&mut self, file: &File, choices: &Choices) -> cchc_core::exchange::import::Preview {
        let p = preview(&self.ws.doc, file);
        let ctx = self.ctx();
        apply(&mut self.ws, &p, choices, "file.json", &ctx);
        p
    }

    fn value(&self, id: &str, field: &str) -> serde_json::Value {
        self.ws
            .doc
            .get(id)
            .and_then(|r| r.get(field))
            .cloned()
            .unwrap_or_default()
    }
}

fn view(doc: &Doc) -> PlanView {
    PlanView::build(doc, &seed::plan_id()).unwrap()
}

fn task_id(code: &str) -> String {
    let v = view(&seed::example());
    let t = v
        .tasks_of(&Code::parse(code).unwrap())
        .next()
        .unwrap()
        .id
        .clone();
    t
}

#[test]
fn examples_opened_separately_merge_into_one_copy() {
    let a = Officer::open_example("An", 1, 1_000);
    let mut b = Officer::open_example("Bình", 2, 2_000);
    let p = preview(&b.ws.doc, &a.export_all());
    assert_eq!(p.count(Outcome::Unchanged), p.records.len());
    assert!(p.matched_by_key.is_empty());
    b.import(&a.export_all(), &Choices::new());
    assert_eq!(b.ws.doc, seed::example(), "one copy, not two");
}

#[test]
fn two_officers_exchange_both_ways_and_end_identical_with_the_conflict_shown() {
    let (t13, t15) = (task_id("1.3"), task_id("1.5"));
    let mut a = Officer::open_example("An", 1, 10_000);
    let mut b = Officer::open_example("Bình", 2, 20_000);
    a.edit(vec![Op::set(&t13, f::NOTE, "Đã nộp báo cáo quý III")]);
    b.edit(vec![Op::set(&t13, f::PROGRESS, 60)]);
    b.edit(vec![Op::set(&t15, f::STATUS, "in_progress")]);
    a.edit(vec![Op::set(&t13, f::LEADER, "Đ/c Tuấn")]);
    b.edit(vec![Op::set(&t13, f::LEADER, "Đ/c Hùng")]);

    let from_a = a.export_all();
    let from_b = b.export_all();
    let pb = b.import(&from_a, &Choices::new());
    let pa = a.import(&from_b, &Choices::new());
    assert_eq!(a.ws.doc, b.ws.doc, "both end identical");
    for o in [&a, &b] {
        assert_eq!(o.value(&t13, f::NOTE), json!("Đã nộp báo cáo quý III"));
        assert_eq!(o.value(&t13, f::PROGRESS), json!(60));
        assert_eq!(o.value(&t15, f::STATUS), json!("in_progress"));
        let leader = &o.ws.doc.get(&t13).unwrap().fields[f::LEADER];
        assert_eq!(
            leader.value(),
            &json!("Đ/c Hùng"),
            "the later edit wins by default"
        );
        assert_eq!(
            leader
                .conflicts()
                .map(|w| w.value.clone())
                .collect::<Vec<_>>(),
            [json!("Đ/c Tuấn")],
            "the other is kept"
        );
    }
    let conflicted = |p: &cchc_core::exchange::import::Preview| {
        p.of(Outcome::Conflicting)
            .map(|r| r.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(conflicted(&pb), std::slice::from_ref(&t13));
    assert_eq!(conflicted(&pa), std::slice::from_ref(&t13));
    // The field-by-field diff says what changes.
    let rec = pb.records.iter().find(|r| r.id == t13).unwrap();
    let note = rec.fields.iter().find(|fc| fc.field == f::NOTE).unwrap();
    assert_eq!(
        (note.mine.clone(), note.merged.clone(), note.conflict),
        (
            serde_json::Value::Null,
            json!("Đã nộp báo cáo quý III"),
            None
        )
    );
    let leader = rec.fields.iter().find(|fc| fc.field == f::LEADER).unwrap();
    assert_eq!(leader.conflict, Some(Side::Mine));
}

#[test]
fn choosing_the_other_side_in_the_preview_resolves_the_conflict() {
    let t13 = task_id("1.3");
    let mut a = Officer::open_example("An", 1, 10_000);
    let mut b = Officer::open_example("Bình", 2, 20_000);
    a.edit(vec![Op::set(&t13, f::LEADER, "Đ/c Tuấn")]);
    b.edit(vec![Op::set(&t13, f::LEADER, "Đ/c Hùng")]);
    let choices: Choices = BTreeMap::from([((t13.clone(), f::LEADER.to_string()), Side::Theirs)]);
    b.import(&a.export_all(), &choices);
    let leader = &b.ws.doc.get(&t13).unwrap().fields[f::LEADER];
    assert_eq!(leader.value(), &json!("Đ/c Tuấn"));
    assert!(!leader.has_conflict());
    // And the resolution travels back: A sees no conflict either.
    a.import(&b.export_all(), &Choices::new());
    assert!(!a.ws.doc.get(&t13).unwrap().fields[f::LEADER].has_conflict());
}

#[test]
fn one_undo_takes_back_an_import_and_the_choices_made_in_its_preview() {
    let t13 = task_id("1.3");
    let mut a = Officer::open_example("An", 1, 10_000);
    let mut b = Officer::open_example("Bình", 2, 20_000);
    a.edit(vec![Op::set(&t13, f::LEADER, "Đ/c Tuấn")]);
    a.edit(vec![Op::set(&t13, f::NOTE, "Ghi chú của An")]);
    b.edit(vec![Op::set(&t13, f::LEADER, "Đ/c Hùng")]);
    let choices: Choices = BTreeMap::from([((t13.clone(), f::LEADER.to_string()), Side::Theirs)]);
    b.import(&a.export_all(), &choices);
    assert_eq!(b.value(&t13, f::LEADER), json!("Đ/c Tuấn"));
    assert!(
        matches!(b.ws.can_undo(), Some(Action::Import { .. })),
        "the choice is part of the import's undo step: {:?}",
        b.ws.can_undo()
    );
    let ctx = b.ctx();
    assert!(matches!(b.ws.undo(&ctx), Ok(Action::Import { .. })));
    assert_eq!(b.value(&t13, f::LEADER), json!("Đ/c Hùng"));
    assert_eq!(b.value(&t13, f::NOTE), serde_json::Value::Null);
    // The history still says both: the import, then the choice.
    let actions: Vec<&Action> =
        b.ws.history
            .iter()
            .rev()
            .skip(1)
            .take(2)
            .map(|c| &c.action)
            .collect();
    assert!(
        matches!(
            actions[..],
            [Action::ResolveConflict, Action::Import { .. }]
        ),
        "{actions:?}"
    );
}

#[test]
fn undo_import_brings_back_the_state_before_it() {
    let t13 = task_id("1.3");
    let mut a = Officer::open_example("An", 1, 10_000);
    let mut b = Officer::open_example("Bình", 2, 20_000);
    a.edit(vec![Op::set(&t13, f::STATUS, "done")]);
    let mut added = Officer::open_example("An", 1, 30_000);
    added.ws = a.ws.clone();
    let id = ids::random(Kind::Task, 99);
    let fields = BTreeMap::from([
        (f::PLAN.to_string(), json!(seed::plan_id())),
        (f::TITLE.to_string(), json!("Việc mới")),
    ]);
    added
        .ws
        .apply(
            Action::Add,
            vec![Op::Create {
                id: id.clone(),
                kind: "task".into(),
                fields,
            }],
            &Ctx {
                now_ms: 40_000,
                who: "An".into(),
            },
        )
        .unwrap();
    let before = view(&b.ws.doc);
    b.import(&added.export_all(), &Choices::new());
    assert_eq!(b.value(&t13, f::STATUS), json!("done"));
    let ctx = b.ctx();
    assert!(matches!(b.ws.undo(&ctx), Ok(Action::Import { .. })));
    let after = view(&b.ws.doc);
    assert_eq!(
        after.tasks, before.tasks,
        "the plan reads as before the import"
    );
}

#[test]
fn records_made_by_hand_on_both_sides_match_by_natural_key() {
    let mut a = Officer::open_example("An", 1, 10_000);
    let mut b = Officer::open_example("Bình", 2, 20_000);
    let v = view(&a.ws.doc);
    let ctx = a.ctx();
    a.ws.apply(
        Action::Add,
        vec![
            edit::add_criterion(&v, "1.9", "Tiêu chí mới", ids::random(Kind::Criterion, 111))
                .unwrap(),
        ],
        &ctx,
    )
    .unwrap();
    let ctx = b.ctx();
    b.ws.apply(
        Action::Add,
        vec![
            edit::add_criterion(&v, "1.9", "Tiêu chí mới", ids::random(Kind::Criterion, 222))
                .unwrap(),
        ],
        &ctx,
    )
    .unwrap();
    let c222 = ids::random(Kind::Criterion, 222);
    b.edit(vec![Op::set(&c222, f::MAX, "1")]);
    let p = a.import(&b.export_all(), &Choices::new());
    assert_eq!(
        p.matched_by_key.get(&c222),
        Some(&ids::random(Kind::Criterion, 111))
    );
    let merged = view(&a.ws.doc);
    let nines: Vec<&Criterion> = merged
        .criteria
        .iter()
        .filter(|c| c.code == Code::parse("1.9"))
        .collect();
    assert_eq!(nines.len(), 1);
    assert_eq!(nines[0].max, Some(Decimal::from_int(1)));
    assert_eq!(a.ws.doc.records.len(), seed::example().records.len() + 1);
}

#[test]
fn a_unit_file_deletes_nothing_and_points_out_edits_outside_its_part() {
    let (t13, t22) = (task_id("1.3"), task_id("2.2"));
    let mut office = Officer::open_example("Văn phòng", 1, 10_000);
    let mut tp = Officer::open_example("Long", 2, 20_000);
    let tp_unit = ids::unit(seed::COMMUNE, "Tư pháp - Hộ tịch");
    tp.edit(vec![Op::set(&t22, f::STATUS, "in_progress")]);
    tp.edit(vec![Op::set(&t13, f::NOTE, "sửa nhầm việc của Văn phòng")]);
    let mut file = export::unit(
        &tp.ws.doc,
        &seed::plan_id(),
        &tp_unit,
        "Tư pháp - Hộ tịch",
        header("Long", tp.ws.replica()),
    );
    assert!(
        file.doc.records.len() < seed::example().records.len(),
        "a part, not the whole"
    );
    assert!(file.doc.records.contains_key(&t22) && !file.doc.records.contains_key(&t13));
    // The file edits a record outside the unit's part anyway (it was added by hand).
    file.doc
        .records
        .insert(t13.clone(), tp.ws.doc.get(&t13).unwrap().clone());
    let file = decode(encode(&file).as_bytes()).unwrap();
    let p = office.import(&file, &Choices::new());
    let outside: Vec<&str> = p.outside_scope().map(|r| r.id.as_str()).collect();
    assert_eq!(outside, [t13.as_str()]);
    assert_eq!(
        office.ws.doc.live().count(),
        seed::example().live().count(),
        "nothing deleted"
    );
    assert_eq!(office.value(&t22, f::STATUS), json!("in_progress"));
}

#[test]
fn a_delete_racing_an_edit_shows_as_a_conflict_and_stays_deleted() {
    let t13 = task_id("1.3");
    let mut a = Officer::open_example("An", 1, 10_000);
    let mut b = Officer::open_example("Bình", 2, 20_000);
    let ctx = a.ctx();
    a.ws.apply(Action::Remove, vec![Op::Delete { id: t13.clone() }], &ctx)
        .unwrap();
    b.edit(vec![Op::set(&t13, f::PROGRESS, 50)]);
    let p = a.import(&b.export_all(), &Choices::new());
    let rec = p.records.iter().find(|r| r.id == t13).unwrap();
    assert!(rec.delete_conflict);
    assert_eq!(rec.outcome, Outcome::Conflicting);
    assert!(
        a.ws.doc.get(&t13).unwrap().is_deleted(),
        "stays deleted by default"
    );
    assert_eq!(
        a.ws.doc.get(&t13).unwrap().edits_unseen_by_delete().len(),
        1
    );
}

/// Next year's plan started by two officers on their own (two ids), each with the same task:
/// the plan matches by commune and year, and its task, whose plan reference is rewritten to
/// ours first, then matches by plan, code and title.
#[test]
fn a_plan_made_on_both_sides_brings_its_tasks_along() {
    let mut a = Officer::open_example("An", 1, 10_000);
    let mut b = Officer::open_example("Bình", 2, 20_000);
    let start = |o: &mut Officer, plan: &str, task: &str| {
        o.edit(vec![
            edit::create(
                Kind::Plan,
                plan.into(),
                vec![(f::COMMUNE, json!("Sơn Lĩnh")), (f::YEAR, json!(2023))],
            ),
            edit::create(
                Kind::Task,
                task.into(),
                vec![
                    (f::PLAN, json!(plan)),
                    (f::CODE, json!("1.2")),
                    (f::TITLE, json!("Rà soát kế hoạch năm 2023")),
                ],
            ),
        ]);
    };
    start(&mut a, "plan-a", "task-a");
    start(&mut b, "plan-b", "task-b");
    b.edit(vec![Op::set("task-b", f::NOTE, "Đã giao Văn phòng")]);
    let p = a.import(&b.export_all(), &Choices::new());
    assert_eq!(
        p.matched_by_key.get("plan-b").map(String::as_str),
        Some("plan-a")
    );
    assert_eq!(
        p.matched_by_key.get("task-b").map(String::as_str),
        Some("task-a")
    );
    assert!(a.ws.doc.get("task-b").is_none(), "one task, not two");
    assert_eq!(
        a.ws.doc.get("task-a").and_then(|r| r.get(f::NOTE)),
        Some(&json!("Đã giao Văn phòng"))
    );
}

//! Property tests of the merge (DESIGN.md §4). Each replica opens the built-in example
//! on its own, edits concurrently (same fields, deletes racing edits), exchanges whole or
//! partial files now and then, and the merge must be commutative, associative and
//! idempotent, must never drop a value silently, must let a partial file delete nothing,
//! and must bring the separately opened examples together as one copy. That last one holds
//! because every opening of the example gives its records the same ids (derived from the
//! content): the test guards that, and the merge by id does the rest. Records made by hand on
//! both sides meet by natural key instead: `exchange_import.rs`.
//!
//! Cases per run: `CCHC_MERGE_CASES` (default 10 000). Run with `--nocapture` to see
//! how many of each situation the generator produced.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use cchc_core::model::doc::{Doc, Kind, DELETED};
use cchc_core::model::seed;
use cchc_core::model::stamp::{Clock, ReplicaId, Stamp};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::json;

/// How many of the example's tasks the steps touch; the rest must come out untouched.
const RECORDS: usize = 4;
const FIELDS: [&str; 3] = ["title", "status", "note"];
const REPLICAS: usize = 3;

#[derive(Clone, Debug)]
enum Step {
    Edit {
        replica: usize,
        record: usize,
        field: usize,
        value: u8,
    },
    Delete {
        replica: usize,
        record: usize,
    },
    Restore {
        replica: usize,
        record: usize,
    },
    /// Settles a field's conflicts with a value that has seen them all.
    Resolve {
        replica: usize,
        record: usize,
        field: usize,
    },
    /// `to` merges a file from `from`: all records, or only the even ones (a unit's part).
    Exchange {
        from: usize,
        to: usize,
        partial: bool,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..REPLICAS, 0..RECORDS, 0..FIELDS.len(), 0u8..4).prop_map(|(replica, record, field, value)| Step::Edit { replica, record, field, value }),
        1 => (0..REPLICAS, 0..RECORDS).prop_map(|(replica, record)| Step::Delete { replica, record }),
        1 => (0..REPLICAS, 0..RECORDS).prop_map(|(replica, record)| Step::Restore { replica, record }),
        1 => (0..REPLICAS, 0..RECORDS, 0..FIELDS.len()).prop_map(|(replica, record, field)| Step::Resolve { replica, record, field }),
        2 => (0..REPLICAS, 0..REPLICAS, any::<bool>()).prop_map(|(from, to, partial)| Step::Exchange { from, to, partial }),
    ]
}

/// How many of the example's other records ride along, to show they come out untouched.
const BYSTANDERS: usize = 4;

/// The example's first tasks: the records the steps edit, delete and restore.
fn touched_ids(example: &Doc) -> Vec<String> {
    example
        .live_of(Kind::Task)
        .map(|(id, _)| id.clone())
        .take(RECORDS)
        .collect()
}

/// The example as each replica opened it, each by its own call of `seed::example()`, cut
/// down to the touched tasks and a few bystanders so that 10,000 cases stay quick.
fn opened_examples() -> &'static [Doc] {
    static OPENED: OnceLock<Vec<Doc>> = OnceLock::new();
    OPENED.get_or_init(|| {
        (0..=REPLICAS)
            .map(|_| {
                let example = seed::example();
                let ids = touched_ids(&example);
                let keep = |id: &String| ids.contains(id);
                let bystanders = example
                    .records
                    .keys()
                    .filter(|id| !keep(id))
                    .take(BYSTANDERS);
                let kept: Vec<String> = bystanders.cloned().chain(ids.iter().cloned()).collect();
                Doc {
                    records: example
                        .records
                        .into_iter()
                        .filter(|(id, _)| kept.contains(id))
                        .collect(),
                }
            })
            .collect()
    })
}

/// A unit's part: only the even ones of the touched tasks, none of the example's rest.
fn partial(doc: &Doc, ids: &[String]) -> Doc {
    Doc {
        records: ids
            .iter()
            .step_by(2)
            .filter_map(|id| doc.records.get(id).map(|r| (id.clone(), r.clone())))
            .collect(),
    }
}

/// What a partial file must not do to the replica that merges it: a record it does not
/// carry is left exactly as it was, and a record live on both sides stays live.
fn check_partial_deletes_nothing(before: &Doc, file: &Doc, after: &Doc) {
    for (id, was) in &before.records {
        let now = &after.records[id];
        match file.records.get(id) {
            None => assert_eq!(
                now, was,
                "a partial file changed {id}, which it does not carry"
            ),
            Some(theirs) if !was.is_deleted() && !theirs.is_deleted() => {
                assert!(!now.is_deleted(), "a partial file deleted {id}")
            }
            Some(_) => {}
        }
    }
}

/// What happened in one case, for the report.
#[derive(Default)]
struct Seen {
    same_field_concurrent: bool,
    delete_races_edit: bool,
    partial_files: usize,
}

struct World {
    example: Doc,
    ids: Vec<String>,
    docs: Vec<Doc>,
    clocks: Vec<Clock>,
    /// Each replica's latest own write per (record, field).
    written: Vec<BTreeMap<(String, String), Stamp>>,
    /// Every write ever made (deletes and restores too), for the no-loss check.
    all_writes: Vec<(String, String, Stamp)>,
    /// Every delete (`true`) and restore (`false`), for the deleted state to expect.
    deletes: Vec<(String, bool, Stamp)>,
    now: u64,
}

impl World {
    fn new() -> World {
        // Each replica opened the example itself, as two officers would; the last opening
        // is the reference.
        let opened = opened_examples();
        let example = opened[REPLICAS].clone();
        World {
            ids: touched_ids(&example),
            docs: opened[..REPLICAS].to_vec(),
            example,
            clocks: (0..REPLICAS)
                .map(|r| Clock::new(ReplicaId(r as u64 + 1)))
                .collect(),
            written: vec![BTreeMap::new(); REPLICAS],
            all_writes: Vec::new(),
            deletes: Vec::new(),
            now: 1_000,
        }
    }

    fn run(&mut self, steps: &[Step], seen: &mut Seen) {
        for s in steps {
            // Wall clocks of replicas disagree: each ticks from a skewed now.
            self.now += 7;
            match *s {
                Step::Edit {
                    replica,
                    record,
                    field,
                    value,
                } => {
                    let stamp = self.clocks[replica].tick(self.now + replica as u64 * 3);
                    let (id, name) = (self.ids[record].clone(), FIELDS[field].to_string());
                    if let Some(r) = self.docs[replica].records.get_mut(&id) {
                        r.write(&name, json!(format!("{name}-{value}-r{replica}")), stamp);
                        self.all_writes.push((id.clone(), name.clone(), stamp));
                        self.written[replica].insert((id, name), stamp);
                    }
                }
                Step::Delete { replica, record } | Step::Restore { replica, record } => {
                    let stamp = self.clocks[replica].tick(self.now);
                    let deleted = matches!(s, Step::Delete { .. });
                    let id = self.ids[record].clone();
                    if let Some(r) = self.docs[replica].records.get_mut(&id) {
                        r.set_deleted(deleted, stamp);
                        self.all_writes
                            .push((id.clone(), DELETED.to_string(), stamp));
                        self.deletes.push((id, deleted, stamp));
                    }
                }
                Step::Resolve {
                    replica,
                    record,
                    field,
                } => {
                    let stamp = self.clocks[replica].tick(self.now);
                    let (id, name) = (self.ids[record].clone(), FIELDS[field].to_string());
                    if let Some(f) = self.docs[replica]
                        .records
                        .get_mut(&id)
                        .and_then(|r| r.fields.get_mut(&name))
                    {
                        let value = f.value().clone();
                        f.resolve(value, stamp);
                        self.all_writes.push((id.clone(), name.clone(), stamp));
                        self.written[replica].insert((id, name), stamp);
                    }
                }
                Step::Exchange {
                    from,
                    to,
                    partial: is_partial,
                } => {
                    if from == to {
                        continue;
                    }
                    let file = if is_partial {
                        seen.partial_files += 1;
                        partial(&self.docs[from], &self.ids)
                    } else {
                        self.docs[from].clone()
                    };
                    if let Some(last) = file.last_stamp() {
                        self.clocks[to].observe(last.hlc);
                    }
                    let before = is_partial.then(|| self.docs[to].clone());
                    self.docs[to].merge_from(&file);
                    if let Some(before) = before {
                        check_partial_deletes_nothing(&before, &file, &self.docs[to]);
                    }
                }
            }
        }
    }
}

fn check(steps: Vec<Step>, seen: &mut Seen) -> Result<(), TestCaseError> {
    let mut world = World::new();
    world.run(&steps, seen);
    let [a, b, c] = [&world.docs[0], &world.docs[1], &world.docs[2]];
    let ab = a.merged(b);
    prop_assert_eq!(&ab, &b.merged(a), "commutative");
    prop_assert_eq!(&ab.merged(c), &a.merged(&b.merged(c)), "associative");
    prop_assert_eq!(&a.merged(a), a, "idempotent");
    prop_assert_eq!(&ab.merged(&ab), &ab, "idempotent after merge");
    let all = ab.merged(c);
    // No write is ever dropped silently: each one is still a head of its field (shown
    // or kept as a conflict), or a head's author saw it before replacing it.
    for (id, name, stamp) in &world.all_writes {
        let field = &all.records[id].fields[name];
        let kept = field.heads().any(|h| h.stamp == *stamp);
        let replaced_knowingly = field.heads().any(|h| h.stamp != *stamp && h.covers(*stamp));
        prop_assert!(
            kept || replaced_knowingly,
            "write {:?} of {}.{} lost",
            stamp,
            id,
            name
        );
    }
    for (replica, writes) in world.written.iter().enumerate() {
        let doc = &world.docs[replica];
        for (id, name) in writes.keys() {
            // The value this replica shows at the end is never silently dropped:
            // it is shown, kept as a conflict, or was seen by whoever replaced it.
            let Some(mine) = doc.get(id).and_then(|r| r.fields.get(name)) else {
                continue;
            };
            let merged = &all.records[id].fields[name];
            let kept = merged.heads().any(|h| h.stamp == mine.stamp());
            let seen_by_winner = merged
                .heads()
                .any(|h| h.stamp != mine.stamp() && h.covers(mine.stamp()));
            prop_assert!(
                kept || seen_by_winner,
                "replica {} value of {}.{} lost",
                replica,
                id,
                name
            );
            if kept && merged.value() != mine.value() {
                prop_assert!(
                    merged.conflicts().any(|w| w.stamp == mine.stamp())
                        || merged.rivals.iter().any(|w| w.stamp == mine.stamp())
                );
            }
            let concurrent = merged.rivals.iter().any(|r| !merged.win.covers(r.stamp));
            seen.same_field_concurrent |= concurrent;
        }
    }
    // Deleted or not is decided by the latest delete or restore alone: an edit racing a
    // delete never brings the record back by itself (it is kept, and shown as a conflict).
    for id in &world.ids {
        let latest = world
            .deletes
            .iter()
            .filter(|d| d.0 == *id)
            .max_by_key(|d| d.2);
        let expected = latest.is_some_and(|d| d.1);
        prop_assert_eq!(
            all.records[id].is_deleted(),
            expected,
            "deleted state of {}",
            id
        );
        if expected && !all.records[id].edits_unseen_by_delete().is_empty() {
            seen.delete_races_edit = true;
        }
    }
    // The examples opened separately are one copy: the same records, and the ones no
    // step touched exactly as the example has them.
    prop_assert!(
        all.records.keys().eq(world.example.records.keys()),
        "one copy, not two"
    );
    for (id, record) in &world.example.records {
        if !world.ids.contains(id) {
            prop_assert_eq!(&all.records[id], record, "untouched record {}", id);
        }
    }
    Ok(())
}

static CONCURRENT: AtomicUsize = AtomicUsize::new(0);
static DELETE_RACES: AtomicUsize = AtomicUsize::new(0);
static PARTIAL: AtomicUsize = AtomicUsize::new(0);

#[test]
fn merge_is_a_lossless_join() {
    let cases = std::env::var("CCHC_MERGE_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&proptest::collection::vec(step(), 1..40), |steps| {
        let mut seen = Seen::default();
        let outcome = check(steps, &mut seen);
        CONCURRENT.fetch_add(seen.same_field_concurrent as usize, Ordering::Relaxed);
        DELETE_RACES.fetch_add(seen.delete_races_edit as usize, Ordering::Relaxed);
        PARTIAL.fetch_add((seen.partial_files > 0) as usize, Ordering::Relaxed);
        outcome
    });
    println!(
        "merge properties: {cases} cases; with same-field concurrent edits: {}; with a delete racing an edit: {}; with partial files: {}",
        CONCURRENT.load(Ordering::Relaxed),
        DELETE_RACES.load(Ordering::Relaxed),
        PARTIAL.load(Ordering::Relaxed)
    );
    if let Err(e) = result {
        panic!("{e}");
    }
    // The generator must actually produce the hard cases, or the test proves little.
    assert!(CONCURRENT.load(Ordering::Relaxed) > cases as usize / 10);
    assert!(DELETE_RACES.load(Ordering::Relaxed) > cases as usize / 50);
    assert!(PARTIAL.load(Ordering::Relaxed) > cases as usize / 10);
}

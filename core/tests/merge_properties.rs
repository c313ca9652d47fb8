//! Property tests of the merge (DESIGN.md §4). Replicas start from one document,
//! edit concurrently (same fields, deletes racing edits), exchange whole or partial
//! files now and then, and the merge must be commutative, associative, idempotent,
//! and must never drop a value silently.
//!
//! Cases per run: `CCHC_MERGE_CASES` (default 10 000). Run with `--nocapture` to see
//! how many of each situation the generator produced.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use cchc_core::model::doc::{Doc, Field, Kind, Record};
use cchc_core::model::stamp::{Clock, ReplicaId, Stamp};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::json;

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

fn base() -> Doc {
    let mut doc = Doc::default();
    for r in 0..RECORDS {
        let mut record = Record::new(Kind::Task);
        for name in FIELDS {
            record.fields.insert(
                name.into(),
                Field::new(json!(format!("{name}-0")), Stamp::GENESIS),
            );
        }
        doc.records.insert(format!("t{r}"), record);
    }
    doc
}

fn partial(doc: &Doc) -> Doc {
    Doc {
        records: doc
            .records
            .iter()
            .filter(|(id, _)| id.trim_start_matches('t').parse::<usize>().unwrap_or(0) % 2 == 0)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
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
    docs: Vec<Doc>,
    clocks: Vec<Clock>,
    /// Each replica's latest own write per (record, field).
    written: Vec<BTreeMap<(String, String), Stamp>>,
    /// Every write ever made, for the no-loss check.
    all_writes: Vec<(String, String, Stamp)>,
    now: u64,
}

impl World {
    fn new() -> World {
        World {
            docs: vec![base(); REPLICAS],
            clocks: (0..REPLICAS)
                .map(|r| Clock::new(ReplicaId(r as u64 + 1)))
                .collect(),
            written: vec![BTreeMap::new(); REPLICAS],
            all_writes: Vec::new(),
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
                    let (id, name) = (format!("t{record}"), FIELDS[field].to_string());
                    if let Some(r) = self.docs[replica].records.get_mut(&id) {
                        r.write(&name, json!(format!("{name}-{value}-r{replica}")), stamp);
                        self.all_writes.push((id.clone(), name.clone(), stamp));
                        self.written[replica].insert((id, name), stamp);
                    }
                }
                Step::Delete { replica, record } | Step::Restore { replica, record } => {
                    let stamp = self.clocks[replica].tick(self.now);
                    let deleted = matches!(s, Step::Delete { .. });
                    if let Some(r) = self.docs[replica].records.get_mut(&format!("t{record}")) {
                        r.set_deleted(deleted, stamp);
                    }
                }
                Step::Resolve {
                    replica,
                    record,
                    field,
                } => {
                    let stamp = self.clocks[replica].tick(self.now);
                    let (id, name) = (format!("t{record}"), FIELDS[field].to_string());
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
                        partial(&self.docs[from])
                    } else {
                        self.docs[from].clone()
                    };
                    if let Some(last) = file.last_stamp() {
                        self.clocks[to].observe(last.hlc);
                    }
                    let before = self.docs[to].live().count();
                    self.docs[to].merge_from(&file);
                    if is_partial {
                        assert!(
                            self.docs[to].records.len() >= RECORDS,
                            "a partial file deletes nothing"
                        );
                        let _ = before;
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
        for ((id, name), _) in writes {
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
    for (id, r) in &all.records {
        if r.is_deleted() && !r.edits_unseen_by_delete().is_empty() {
            seen.delete_races_edit = true;
            prop_assert!(all.records[id].is_deleted(), "stays deleted by default");
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

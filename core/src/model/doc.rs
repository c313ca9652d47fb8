//! The replicated document: records of fields, each field a register of stamped writes.
//!
//! The merge keeps, per field, the write with the greater stamp. Each write also
//! carries what its author had seen of that field (`seen`, a version vector: per
//! replica, the latest stamp seen). DESIGN.md asks each field to remember the stamp
//! of the value it replaced; one stamp is not enough to tell whether a value two
//! edits back was seen, so we keep the replaced stamp per replica. When the common
//! case holds (one writer, or the example and one writer) `seen` is empty.
//!
//! Two writes of one field that did not see each other are a conflict: the greater
//! stamp wins and shows, the other stays beside it as a *rival* until someone
//! resolves it. The state of a field is the set of writes that no other write has
//! seen (the heads), so merging is a join: commutative, associative, idempotent.

use std::collections::BTreeMap;

use serde_json::Value;

use super::stamp::{ReplicaId, Stamp};

/// What a record is. Unknown kinds from newer files are kept as they are.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Plan,
    Criterion,
    Task,
    Evidence,
    Unit,
    Officer,
    Target,
    Ranking,
    Other(String),
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Plan,
        Kind::Criterion,
        Kind::Task,
        Kind::Evidence,
        Kind::Unit,
        Kind::Officer,
        Kind::Target,
        Kind::Ranking,
    ];

    pub fn as_str(&self) -> &str {
        match self {
            Kind::Plan => "plan",
            Kind::Criterion => "criterion",
            Kind::Task => "task",
            Kind::Evidence => "evidence",
            Kind::Unit => "unit",
            Kind::Officer => "officer",
            Kind::Target => "target",
            Kind::Ranking => "ranking",
            Kind::Other(name) => name,
        }
    }

    pub fn parse(text: &str) -> Kind {
        Kind::ALL
            .iter()
            .find(|k| k.as_str() == text)
            .cloned()
            .unwrap_or_else(|| Kind::Other(text.to_string()))
    }
}

/// The name of the field that marks a record deleted (a tombstone).
pub const DELETED: &str = "deleted";

/// One stamped value of a field, with what its author had seen of the field.
#[derive(Clone, Debug, PartialEq)]
pub struct Write {
    pub value: Value,
    pub stamp: Stamp,
    /// Per replica (sorted by replica, at most one each), the latest stamp seen,
    /// leaving out what `stamp` itself implies and the example's genesis.
    pub seen: Vec<Stamp>,
}

impl Write {
    pub fn new(value: Value, stamp: Stamp, seen: Vec<Stamp>) -> Write {
        let seen = normalize(seen)
            .into_iter()
            .filter(|s| !implied(stamp, *s))
            .collect();
        Write { value, stamp, seen }
    }

    /// Whether the author of this write had seen the write stamped `other`.
    pub fn covers(&self, other: Stamp) -> bool {
        implied(self.stamp, other)
            || self
                .seen
                .iter()
                .any(|s| s.replica == other.replica && s.hlc >= other.hlc)
    }

    /// Everything this write knows, its own stamp included.
    fn knowledge(&self) -> impl Iterator<Item = Stamp> + '_ {
        std::iter::once(self.stamp).chain(self.seen.iter().copied())
    }
}

/// Whether `own` implies having seen `other`: the same replica saw all its earlier
/// writes, and every replica starts from the example.
fn implied(own: Stamp, other: Stamp) -> bool {
    other.is_genesis() || (other.replica == own.replica && other.hlc <= own.hlc)
}

/// One entry per replica, the latest; genesis dropped; sorted by replica.
fn normalize(stamps: impl IntoIterator<Item = Stamp>) -> Vec<Stamp> {
    let mut latest: BTreeMap<ReplicaId, Stamp> = BTreeMap::new();
    for s in stamps.into_iter().filter(|s| !s.is_genesis()) {
        let slot = latest.entry(s.replica).or_insert(s);
        if s > *slot {
            *slot = s;
        }
    }
    latest.into_values().collect()
}

/// A field: the winning write, and the concurrent writes it has not seen (rivals).
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub win: Write,
    /// Sorted by stamp, greatest first. Every rival's stamp is below `win`'s.
    pub rivals: Vec<Write>,
}

impl Field {
    pub fn new(value: Value, stamp: Stamp) -> Field {
        Field {
            win: Write::new(value, stamp, Vec::new()),
            rivals: Vec::new(),
        }
    }

    pub fn value(&self) -> &Value {
        &self.win.value
    }

    pub fn stamp(&self) -> Stamp {
        self.win.stamp
    }

    pub fn heads(&self) -> impl Iterator<Item = &Write> {
        std::iter::once(&self.win).chain(self.rivals.iter())
    }

    pub fn has_conflict(&self) -> bool {
        !self.rivals.is_empty()
    }

    /// All that is known of this field: every head and what each had seen.
    pub fn knowledge(&self) -> Vec<Stamp> {
        normalize(self.heads().flat_map(Write::knowledge))
    }

    /// An edit on top of the shown value. Rivals the editor has not resolved stay.
    pub fn write(&mut self, value: Value, stamp: Stamp) {
        // The editor saw the shown value, and everything its own earlier writes saw:
        // those it now replaces by the same-replica rule must pass their knowledge on.
        let own_earlier = self
            .rivals
            .iter()
            .filter(|r| r.stamp.replica == stamp.replica)
            .flat_map(Write::knowledge);
        let seen = self.win.knowledge().chain(own_earlier).collect();
        let new = Write::new(value, stamp, seen);
        self.rivals.retain(|r| !new.covers(r.stamp));
        self.install(new);
    }

    /// An edit that has seen every head: it resolves all conflicts of this field.
    pub fn resolve(&mut self, value: Value, stamp: Stamp) {
        let new = Write::new(value, stamp, self.knowledge());
        self.rivals.clear();
        self.install(new);
    }

    fn install(&mut self, new: Write) {
        let old = std::mem::replace(&mut self.win, new);
        if !self.win.covers(old.stamp) {
            self.rivals.push(old);
        }
        self.sort_rivals();
    }

    fn sort_rivals(&mut self) {
        crate::order::sort_by_key(&mut self.rivals, |w| std::cmp::Reverse(w.stamp));
    }

    /// The join of two states of one field: the heads of both that no other head has seen.
    pub fn merge(&self, other: &Field) -> Field {
        if self == other {
            return self.clone();
        }
        let mut heads: Vec<Write> = Vec::with_capacity(2 + self.rivals.len() + other.rivals.len());
        for w in self.heads().chain(other.heads()) {
            match heads.iter_mut().find(|h| h.stamp == w.stamp) {
                // One stamp is one write; if a damaged file disagrees, pick deterministically.
                Some(h) => {
                    if canonical(&w.value) > canonical(&h.value) {
                        h.value = w.value.clone();
                    }
                    h.seen = normalize(h.seen.iter().chain(&w.seen).copied());
                }
                None => heads.push(w.clone()),
            }
        }
        let all = heads.clone();
        // A head goes when another has seen it; of two that claim to have seen each
        // other (only a damaged file can say so) the greater stamp stays.
        heads.retain(|h| {
            !all.iter().any(|o| {
                o.stamp != h.stamp && o.covers(h.stamp) && (!h.covers(o.stamp) || o.stamp > h.stamp)
            })
        });
        if heads.is_empty() {
            heads.extend(all.into_iter().max_by_key(|h| h.stamp));
        }
        crate::order::sort_by_key(&mut heads, |w| std::cmp::Reverse(w.stamp));
        let mut heads = heads.into_iter();
        match heads.next() {
            Some(win) => Field {
                win,
                rivals: heads.collect(),
            },
            None => self.clone(),
        }
    }
}

fn canonical(value: &Value) -> String {
    value.to_string()
}

/// A record: a kind and named fields. Unknown fields are kept as they are.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub kind: Kind,
    pub fields: BTreeMap<String, Field>,
}

impl Record {
    pub fn new(kind: Kind) -> Record {
        Record {
            kind,
            fields: BTreeMap::new(),
        }
    }

    /// The shown value of a field; a cleared field (`null`) reads as absent.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.fields
            .get(name)
            .map(Field::value)
            .filter(|v| !v.is_null())
    }

    pub fn is_deleted(&self) -> bool {
        self.get(DELETED).and_then(Value::as_bool).unwrap_or(false)
    }

    /// All that is known of the whole record.
    pub fn knowledge(&self) -> Vec<Stamp> {
        normalize(self.fields.values().flat_map(Field::knowledge))
    }

    /// The latest stamp of any field.
    pub fn last_stamp(&self) -> Option<Stamp> {
        self.fields
            .values()
            .flat_map(|f| f.heads().map(|h| h.stamp))
            .max()
    }

    /// An edit of one field, on top of what is shown.
    pub fn write(&mut self, name: &str, value: Value, stamp: Stamp) {
        match self.fields.get_mut(name) {
            Some(field) => field.write(value, stamp),
            None => {
                self.fields
                    .insert(name.to_string(), Field::new(value, stamp));
            }
        }
    }

    /// Deletes or restores the record, having seen everything in it: edits it had not
    /// seen show up as delete-versus-edit conflicts.
    pub fn set_deleted(&mut self, deleted: bool, stamp: Stamp) {
        let new = Write::new(Value::Bool(deleted), stamp, self.knowledge());
        self.fields.insert(
            DELETED.to_string(),
            Field {
                win: new,
                rivals: Vec::new(),
            },
        );
    }

    /// Fields edited concurrently with the delete that won, with the edits it did not see.
    pub fn edits_unseen_by_delete(&self) -> Vec<(&str, &Write)> {
        let Some(delete) = self.fields.get(DELETED).filter(|_| self.is_deleted()) else {
            return Vec::new();
        };
        self.fields
            .iter()
            .filter(|(name, _)| name.as_str() != DELETED)
            .flat_map(|(name, field)| field.heads().map(move |w| (name.as_str(), w)))
            .filter(|(_, w)| !delete.win.covers(w.stamp))
            .collect()
    }

    /// The join of two states of one record (same id).
    pub fn merge(&self, other: &Record) -> Record {
        let mut out = self.clone();
        out.merge_in(other);
        out
    }

    /// Joins `other` into this record, touching only the fields that differ.
    pub fn merge_in(&mut self, other: &Record) {
        for (name, theirs) in &other.fields {
            match self.fields.get_mut(name) {
                Some(ours) if ours == theirs => {}
                Some(ours) => *ours = ours.merge(theirs),
                None => {
                    self.fields.insert(name.clone(), theirs.clone());
                }
            }
        }
        if other.kind < self.kind {
            self.kind = other.kind.clone();
        }
    }
}

/// A workspace's replicated records, by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    pub records: BTreeMap<String, Record>,
}

impl Doc {
    pub fn get(&self, id: &str) -> Option<&Record> {
        self.records.get(id)
    }

    /// Records that are not deleted.
    pub fn live(&self) -> impl Iterator<Item = (&String, &Record)> {
        self.records.iter().filter(|(_, r)| !r.is_deleted())
    }

    pub fn live_of(&self, kind: Kind) -> impl Iterator<Item = (&String, &Record)> {
        self.live().filter(move |(_, r)| r.kind == kind)
    }

    /// Merges `other` into this document: the join of both.
    pub fn merge_from(&mut self, other: &Doc) {
        for (id, theirs) in &other.records {
            match self.records.get_mut(id) {
                Some(ours) => ours.merge_in(theirs),
                None => {
                    self.records.insert(id.clone(), theirs.clone());
                }
            }
        }
    }

    pub fn merged(&self, other: &Doc) -> Doc {
        let mut out = self.clone();
        out.merge_from(other);
        out
    }

    /// The latest stamp anywhere, so a clock can move past it.
    pub fn last_stamp(&self) -> Option<Stamp> {
        self.records.values().filter_map(Record::last_stamp).max()
    }
}

impl Field {
    /// Rivals whose value differs from the shown one: the conflicts a person must see.
    /// (Two people who wrote the same value did not disagree.)
    pub fn conflicts(&self) -> impl Iterator<Item = &Write> {
        self.rivals.iter().filter(|r| r.value != self.win.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::stamp::Hlc;
    use serde_json::json;

    fn s(ms: u64, replica: u64) -> Stamp {
        Stamp::new(Hlc::new(ms, 0), ReplicaId(replica))
    }

    /// A field as the example leaves it, then edited by one replica.
    fn edited(value: &str, at: Stamp) -> Field {
        let mut f = Field::new(json!("gốc"), Stamp::GENESIS);
        f.write(json!(value), at);
        f
    }

    #[test]
    fn concurrent_edits_conflict_and_the_greater_stamp_shows() {
        let a = edited("A", s(5, 1));
        let b = edited("B", s(6, 2));
        let m = a.merge(&b);
        assert_eq!(m.value(), &json!("B"));
        assert_eq!(
            m.conflicts().map(|w| w.value.clone()).collect::<Vec<_>>(),
            [json!("A")]
        );
        assert_eq!(m, b.merge(&a), "commutative");
        assert_eq!(m.merge(&m), m, "idempotent");
    }

    #[test]
    fn an_edit_made_after_seeing_the_other_is_no_conflict() {
        let a = edited("A", s(5, 1));
        let mut b = a.clone();
        b.write(json!("B1"), s(6, 2));
        b.write(json!("B2"), s(7, 2));
        let m = a.merge(&b);
        assert_eq!(m.value(), &json!("B2"));
        assert!(!m.has_conflict(), "B saw A, even two edits back");
        // The older replica's own later edit after receiving B is no conflict either.
        let mut a2 = m.clone();
        a2.write(json!("A2"), s(8, 1));
        assert!(!a2.merge(&b).has_conflict());
    }

    #[test]
    fn a_value_two_edits_back_that_was_never_seen_still_conflicts() {
        // A single "replaced" stamp would miss this: B edited twice without seeing A.
        let a = edited("A", s(5, 1));
        let mut b = edited("B1", s(6, 2));
        b.write(json!("B2"), s(7, 2));
        let m = a.merge(&b);
        assert_eq!(m.value(), &json!("B2"));
        assert_eq!(m.conflicts().count(), 1);
    }

    #[test]
    fn the_same_value_written_twice_is_not_shown_as_a_conflict() {
        let m = edited("X", s(5, 1)).merge(&edited("X", s(6, 2)));
        assert_eq!(m.conflicts().count(), 0);
    }

    #[test]
    fn a_conflict_stays_through_later_edits_until_resolved() {
        let mut m = edited("A", s(5, 1)).merge(&edited("B", s(6, 2)));
        m.write(json!("C"), s(7, 2));
        assert_eq!(
            m.conflicts().map(|w| w.value.clone()).collect::<Vec<_>>(),
            [json!("A")]
        );
        let kept = m.clone();
        m.resolve(json!("A"), s(8, 2));
        assert!(!m.has_conflict());
        // The resolution travels: merged elsewhere, it settles the conflict there too.
        assert!(!kept.merge(&m).has_conflict());
        assert_eq!(kept.merge(&m).value(), &json!("A"));
    }

    #[test]
    fn three_way_merges_agree_in_any_order() {
        let a = edited("A", s(5, 1));
        let mut b = a.clone();
        b.write(json!("B"), s(6, 2)); // B saw A
        let c = edited("C", s(7, 3)); // C saw neither
        let left = a.merge(&b).merge(&c);
        let right = a.merge(&b.merge(&c));
        let other = a.merge(&c).merge(&b);
        assert_eq!(left, right);
        assert_eq!(left, other);
        assert_eq!(
            left.conflicts()
                .map(|w| w.value.clone())
                .collect::<Vec<_>>(),
            [json!("B")]
        );
    }

    #[test]
    fn a_delete_that_did_not_see_an_edit_is_a_conflict_and_stays_deleted() {
        let mut base = Record::new(Kind::Task);
        base.fields
            .insert("title".into(), Field::new(json!("Báo cáo"), Stamp::GENESIS));
        let mut deleter = base.clone();
        deleter.set_deleted(true, s(5, 1));
        let mut editor = base.clone();
        editor.write("title", json!("Báo cáo quý"), s(6, 2));
        let m = deleter.merge(&editor);
        assert!(m.is_deleted(), "stays deleted by default");
        assert_eq!(m.edits_unseen_by_delete().len(), 1);
        assert_eq!(m, editor.merge(&deleter));
        // A delete made after seeing the edit is no conflict.
        let mut informed = m.clone();
        informed.set_deleted(true, s(7, 1));
        assert!(informed.edits_unseen_by_delete().is_empty());
        // Restore is one write, and it keeps the edit.
        let mut restored = m.clone();
        restored.set_deleted(false, s(8, 1));
        assert!(!restored.is_deleted());
        assert_eq!(restored.get("title"), Some(&json!("Báo cáo quý")));
        assert!(
            !restored.merge(&deleter).is_deleted(),
            "an old tombstone does not come back"
        );
    }

    #[test]
    fn documents_merge_by_record_and_absence_deletes_nothing() {
        let mut ours = Doc::default();
        let mut theirs = Doc::default();
        let mut r = Record::new(Kind::Task);
        r.write("title", json!("x"), s(1, 1));
        ours.records.insert("t1".into(), r.clone());
        theirs.records.insert("t2".into(), r);
        let m = ours.merged(&theirs);
        assert_eq!(m.records.len(), 2);
        assert_eq!(m, theirs.merged(&ours));
        assert_eq!(m.live().count(), 2);
    }
}

#[cfg(test)]
mod knowledge_tests {
    use super::*;
    use crate::model::stamp::Hlc;
    use serde_json::json;

    fn s(ms: u64, replica: u64) -> Stamp {
        Stamp::new(Hlc::new(ms, 0), ReplicaId(replica))
    }

    /// Found by the property test: B saw A's value, lost to C, then wrote again. B's
    /// new write replaces its own earlier one, and must carry on what that one saw.
    #[test]
    fn replacing_ones_own_earlier_write_keeps_what_it_had_seen() {
        let mut a = Field::new(json!("gốc"), Stamp::GENESIS);
        a.write(json!("A"), s(1, 1));
        let mut b = a.clone();
        b.write(json!("B1"), s(2, 2));
        let mut c = Field::new(json!("gốc"), Stamp::GENESIS);
        c.write(json!("C"), s(3, 3));
        let mut b = b.merge(&c);
        b.write(json!("B2"), s(4, 2));
        assert!(b.win.covers(s(1, 1)), "B2 knows A's value through B1");
        let all = a.merge(&b).merge(&c);
        assert!(all.heads().all(|h| h.stamp != s(1, 1)));
        assert_eq!(all.conflicts().count(), 0);
    }
}

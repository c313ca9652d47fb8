//! The conflicts list: every value the merge kept aside, until someone settles it.
//!
//! Two kinds (DESIGN.md §4): a field written twice by people who did not see each
//! other's value (the greater stamp shows, the others wait here), and a delete that
//! did not see edits made meanwhile (the record stays deleted, the edits wait here).
//! Each is settled by one operation, so settling is an ordinary undoable edit.

use serde_json::Value;

use crate::model::doc::{Doc, Kind, Write, DELETED};
use crate::model::workspace::Op;

/// A field with values that did not see each other.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldConflict {
    pub id: String,
    pub kind: Kind,
    pub field: String,
    /// The value shown (the greatest stamp).
    pub shown: Write,
    /// The values kept aside, greatest stamp first.
    pub others: Vec<Write>,
}

/// A deleted record that others edited without seeing the delete.
#[derive(Clone, Debug, PartialEq)]
pub struct DeleteConflict {
    pub id: String,
    pub kind: Kind,
    /// The delete that won.
    pub delete: Write,
    /// The edits it did not see, by field name.
    pub edits: Vec<(String, Write)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Conflict {
    Field(FieldConflict),
    Delete(DeleteConflict),
}

/// Every open conflict of the workspace, in record order.
///
/// A deleted record shows only its delete-versus-edit conflict: its fields cannot be
/// settled one by one while it is deleted, and restoring it brings them back.
pub fn open(doc: &Doc) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (id, record) in &doc.records {
        if record.is_deleted() {
            let edits = record.edits_unseen_by_delete();
            if let (false, Some(delete)) = (edits.is_empty(), record.fields.get(DELETED)) {
                out.push(Conflict::Delete(DeleteConflict {
                    id: id.clone(),
                    kind: record.kind.clone(),
                    delete: delete.win.clone(),
                    edits: edits
                        .into_iter()
                        .map(|(name, w)| (name.to_string(), w.clone()))
                        .collect(),
                }));
            }
            continue;
        }
        for (name, field) in &record.fields {
            let others: Vec<Write> = field.conflicts().cloned().collect();
            if !others.is_empty() {
                out.push(Conflict::Field(FieldConflict {
                    id: id.clone(),
                    kind: record.kind.clone(),
                    field: name.clone(),
                    shown: field.win.clone(),
                    others,
                }));
            }
        }
    }
    out
}

/// How many conflicts wait: for a small count in the navigation.
pub fn count(doc: &Doc) -> usize {
    open(doc).len()
}

/// Settles a field conflict with `value` shown from now on, every other value seen.
/// Choosing "deleted" for the tombstone field deletes the record properly, seeing
/// everything in it.
pub fn choose(id: &str, field: &str, value: Value) -> Op {
    if field == DELETED && value == Value::Bool(true) {
        return Op::Delete { id: id.to_string() };
    }
    Op::Resolve {
        id: id.to_string(),
        field: field.to_string(),
        value,
    }
}

/// Settles a delete-versus-edit conflict by bringing the record back with its edits.
pub fn restore(id: &str) -> Op {
    Op::Restore { id: id.to_string() }
}

/// Settles a delete-versus-edit conflict by deleting again, this time having seen the edits.
pub fn keep_deleted(id: &str) -> Op {
    Op::Delete { id: id.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::stamp::{Hlc, ReplicaId, Stamp};
    use crate::model::workspace::{Action, Ctx, Workspace};
    use crate::model::Record;
    use serde_json::json;

    fn s(ms: u64, replica: u64) -> Stamp {
        Stamp::new(Hlc::new(ms, 0), ReplicaId(replica))
    }

    fn ctx(ms: u64) -> Ctx {
        Ctx {
            now_ms: ms,
            who: "An".into(),
        }
    }

    /// A task as the example leaves it (genesis stamps).
    fn task() -> Record {
        let mut r = Record::new(Kind::Task);
        r.write("title", json!("Rà soát văn bản"), Stamp::GENESIS);
        r.write("note", json!(""), Stamp::GENESIS);
        r
    }

    /// Two replicas' copies of one task merged.
    fn merged(a: Record, b: Record) -> Workspace {
        let mut ws = Workspace::new(ReplicaId(1));
        ws.clock.observe(Hlc::new(100, 0));
        ws.doc.records.insert("t1".into(), a.merge(&b));
        ws
    }

    #[test]
    fn a_field_written_on_both_sides_is_listed_until_settled() {
        let (mut a, mut b) = (task(), task());
        a.write("note", json!("của An"), s(5, 1));
        b.write("note", json!("của Bình"), s(6, 2));
        let mut ws = merged(a, b);
        let list = open(&ws.doc);
        assert_eq!(list.len(), 1);
        let Conflict::Field(c) = &list[0] else {
            panic!("a field conflict: {list:?}")
        };
        assert_eq!((c.id.as_str(), c.field.as_str()), ("t1", "note"));
        assert_eq!(c.shown.value, json!("của Bình"), "the greater stamp shows");
        assert_eq!(c.shown.stamp, s(6, 2));
        assert_eq!(c.others.len(), 1);
        assert_eq!(c.others[0].value, json!("của An"));
        assert_eq!(count(&ws.doc), 1);

        // Restoring the other value shows it and empties the list.
        let op = choose("t1", "note", c.others[0].value.clone());
        ws.apply(Action::ResolveConflict, vec![op], &ctx(200))
            .unwrap();
        assert_eq!(
            ws.doc.get("t1").unwrap().get("note"),
            Some(&json!("của An"))
        );
        assert!(open(&ws.doc).is_empty());
    }

    #[test]
    fn keeping_the_shown_value_settles_it_too() {
        let (mut a, mut b) = (task(), task());
        a.write("note", json!("A"), s(5, 1));
        b.write("note", json!("B"), s(6, 2));
        let mut ws = merged(a, b);
        ws.apply(
            Action::ResolveConflict,
            vec![choose("t1", "note", json!("B"))],
            &ctx(200),
        )
        .unwrap();
        assert_eq!(ws.doc.get("t1").unwrap().get("note"), Some(&json!("B")));
        assert_eq!(count(&ws.doc), 0);
    }

    #[test]
    fn the_same_value_written_twice_is_no_conflict() {
        let (mut a, mut b) = (task(), task());
        a.write("note", json!("X"), s(5, 1));
        b.write("note", json!("X"), s(6, 2));
        assert!(open(&merged(a, b).doc).is_empty());
    }

    #[test]
    fn a_delete_that_missed_an_edit_is_listed_and_restore_brings_the_edit_back() {
        let (mut a, mut b) = (task(), task());
        a.set_deleted(true, s(5, 1));
        b.write("note", json!("sửa khi chưa biết đã xóa"), s(6, 2));
        let mut ws = merged(a.clone(), b.clone());
        let list = open(&ws.doc);
        assert_eq!(list.len(), 1, "{list:?}");
        let Conflict::Delete(c) = &list[0] else {
            panic!("a delete conflict: {list:?}")
        };
        assert_eq!(c.id, "t1");
        assert_eq!(c.delete.stamp, s(5, 1));
        assert_eq!(c.edits.len(), 1);
        assert_eq!(c.edits[0].0, "note");
        assert_eq!(c.edits[0].1.value, json!("sửa khi chưa biết đã xóa"));

        ws.apply(Action::ResolveConflict, vec![restore("t1")], &ctx(200))
            .unwrap();
        let r = ws.doc.get("t1").unwrap();
        assert!(!r.is_deleted());
        assert_eq!(r.get("note"), Some(&json!("sửa khi chưa biết đã xóa")));
        assert!(open(&ws.doc).is_empty());

        // Or keep it deleted: a new delete that has seen the edit.
        let mut ws = merged(a, b);
        ws.apply(Action::ResolveConflict, vec![keep_deleted("t1")], &ctx(200))
            .unwrap();
        assert!(ws.doc.get("t1").unwrap().is_deleted());
        assert!(open(&ws.doc).is_empty());
    }

    #[test]
    fn a_delete_that_saw_every_edit_is_no_conflict() {
        let mut a = task();
        a.write("note", json!("x"), s(5, 1));
        a.set_deleted(true, s(6, 1));
        assert!(open(&merged(a.clone(), a).doc).is_empty());
    }

    #[test]
    fn fields_of_a_deleted_record_wait_for_its_restore() {
        let (mut a, mut b) = (task(), task());
        a.write("note", json!("A"), s(5, 1));
        b.write("note", json!("B"), s(6, 2));
        let mut r = a.merge(&b);
        r.set_deleted(true, s(7, 1));
        let mut ws = Workspace::new(ReplicaId(1));
        ws.doc.records.insert("t1".into(), r);
        assert!(open(&ws.doc).is_empty(), "the delete saw both values");
    }

    #[test]
    fn choosing_deleted_for_the_tombstone_field_deletes_properly() {
        assert_eq!(
            choose("t1", DELETED, json!(true)),
            Op::Delete { id: "t1".into() }
        );
        assert!(matches!(
            choose("t1", DELETED, json!(false)),
            Op::Resolve { .. }
        ));
    }
}

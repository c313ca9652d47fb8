//! The workspace: the replicated document, this replica's clock, and every edit as
//! a command. Commands give undo, history and stamps from one place: undo is a new
//! command that writes the old values back with fresh stamps, so it never rewinds
//! a stamp and a later merge cannot bring the undone value back.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::doc::{Doc, Kind, Record};
use super::stamp::{Clock, ReplicaId, Stamp};

/// How many steps undo remembers.
pub const UNDO_DEPTH: usize = 50;
/// How many changes the history keeps.
pub const HISTORY_DEPTH: usize = 500;
/// How many field changes one history entry lists in full.
pub const LINES_PER_CHANGE: usize = 50;

/// One operation on the document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Externally tagged: internally tagged enums cost the single file a generic buffering decoder.
#[serde(rename_all = "snake_case")]
pub enum Op {
    Create {
        id: String,
        kind: String,
        fields: BTreeMap<String, Value>,
    },
    Set {
        id: String,
        field: String,
        value: Value,
    },
    Delete {
        id: String,
    },
    Restore {
        id: String,
    },
    /// Settles a conflicting field: `value` is shown from now on, every rival seen.
    Resolve {
        id: String,
        field: String,
        value: Value,
    },
}

impl Op {
    pub fn id(&self) -> &str {
        match self {
            Op::Create { id, .. }
            | Op::Set { id, .. }
            | Op::Delete { id }
            | Op::Restore { id }
            | Op::Resolve { id, .. } => id,
        }
    }

    pub fn set(id: &str, field: &str, value: impl Into<Value>) -> Op {
        Op::Set {
            id: id.to_string(),
            field: field.to_string(),
            value: value.into(),
        }
    }
}

/// What the user did, for the history and the undo buttons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Edit,
    Add,
    Remove,
    Restore,
    MarkDone,
    AddEvidence,
    ResolveConflict,
    Undo,
    Redo,
    LoadExample,
    Paste,
    Import { file: String, by: String },
    UndoImport,
}

/// Who acts and when: the officer's name is for people to read, never for ordering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ctx {
    pub now_ms: u64,
    pub who: String,
}

/// Why an edit was refused; nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    NoSuchRecord(String),
    AlreadyExists(String),
    IsDeleted(String),
    NothingToUndo,
    NothingToRedo,
    /// The workspace is shown read-only (a newer version saved it): no edit is taken.
    ReadOnly,
}

/// One field changed by a command, as the history shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub id: String,
    pub kind: String,
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// One entry of the history (lịch sử).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub at_ms: u64,
    pub who: String,
    pub action: Action,
    pub lines: Vec<Line>,
    /// Changed fields beyond those listed.
    #[serde(default)]
    pub more: usize,
}

/// A step of undo or redo: the operations that take it back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub action: Action,
    pub ops: Vec<Op>,
}

/// The whole local state of one replica's plans.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    pub doc: Doc,
    pub clock: Clock,
    pub history: Vec<Change>,
    pub undo: Vec<Step>,
    pub redo: Vec<Step>,
}

impl Workspace {
    pub fn new(replica: ReplicaId) -> Workspace {
        Workspace {
            doc: Doc::default(),
            clock: Clock::new(replica),
            history: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    pub fn replica(&self) -> ReplicaId {
        self.clock.replica
    }

    /// Applies a command as one undoable step. Either every operation applies or none.
    pub fn apply(&mut self, action: Action, ops: Vec<Op>, ctx: &Ctx) -> Result<(), EditError> {
        let inverse = self.run(action.clone(), ops, ctx)?;
        push_capped(
            &mut self.undo,
            Step {
                action,
                ops: inverse,
            },
            UNDO_DEPTH,
        );
        self.redo.clear();
        Ok(())
    }

    /// Takes back the last step, as a new edit.
    pub fn undo(&mut self, ctx: &Ctx) -> Result<Action, EditError> {
        self.undo_as(Action::Undo, ctx)
    }

    /// Takes back the last step when it is an import ("Hoàn tác lần nhập vừa rồi"), logged
    /// as the undo of an import. Anything else on top is left alone: `NothingToUndo`.
    pub fn undo_import(&mut self, ctx: &Ctx) -> Result<Action, EditError> {
        if !matches!(self.can_undo(), Some(Action::Import { .. })) {
            return Err(EditError::NothingToUndo);
        }
        self.undo_as(Action::UndoImport, ctx)
    }

    fn undo_as(&mut self, logged: Action, ctx: &Ctx) -> Result<Action, EditError> {
        let step = self.undo.pop().ok_or(EditError::NothingToUndo)?;
        match self.run(logged, step.ops.clone(), ctx) {
            Ok(inverse) => {
                push_capped(
                    &mut self.redo,
                    Step {
                        action: step.action.clone(),
                        ops: inverse,
                    },
                    UNDO_DEPTH,
                );
                Ok(step.action)
            }
            Err(e) => {
                self.undo.push(step);
                Err(e)
            }
        }
    }

    /// Does again the last step undone, as a new edit.
    pub fn redo(&mut self, ctx: &Ctx) -> Result<Action, EditError> {
        let step = self.redo.pop().ok_or(EditError::NothingToRedo)?;
        match self.run(Action::Redo, step.ops.clone(), ctx) {
            Ok(inverse) => {
                push_capped(
                    &mut self.undo,
                    Step {
                        action: step.action.clone(),
                        ops: inverse,
                    },
                    UNDO_DEPTH,
                );
                Ok(step.action)
            }
            Err(e) => {
                self.redo.push(step);
                Err(e)
            }
        }
    }

    /// The action the next undo would take back.
    pub fn can_undo(&self) -> Option<&Action> {
        self.undo.last().map(|s| &s.action)
    }

    pub fn can_redo(&self) -> Option<&Action> {
        self.redo.last().map(|s| &s.action)
    }

    /// Takes in another copy of this workspace (another tab's, or what storage holds): the
    /// join of the documents and the union of the histories. Undo and redo stay this copy's
    /// own: one tab never undoes another's edit. Returns whether anything here changed.
    pub fn absorb(&mut self, other: &Workspace) -> bool {
        let doc_changed = {
            let merged = self.doc.merged(&other.doc);
            let changed = merged != self.doc;
            self.doc = merged;
            changed
        };
        if let Some(last) = other.doc.last_stamp() {
            self.clock.observe(last.hlc);
        }
        self.clock.observe(other.clock.last);
        let mut history_changed = false;
        for change in &other.history {
            if !self.history.contains(change) {
                self.history.push(change.clone());
                history_changed = true;
            }
        }
        if history_changed {
            crate::order::sort_by_key(&mut self.history, |c| c.at_ms);
            let extra = self.history.len().saturating_sub(HISTORY_DEPTH);
            self.history.drain(..extra);
        }
        doc_changed || history_changed
    }

    /// Records a change made outside `apply` (an import) in the history, with its undo step.
    pub fn record(&mut self, action: Action, lines: Vec<Line>, inverse: Vec<Op>, ctx: &Ctx) {
        self.log(action.clone(), lines, ctx);
        if !inverse.is_empty() {
            push_capped(
                &mut self.undo,
                Step {
                    action,
                    ops: inverse,
                },
                UNDO_DEPTH,
            );
            self.redo.clear();
        }
    }

    /// Runs operations with fresh stamps, logs them, and returns the operations that undo them.
    fn run(&mut self, action: Action, ops: Vec<Op>, ctx: &Ctx) -> Result<Vec<Op>, EditError> {
        self.check(&ops)?;
        let mut inverse = Vec::with_capacity(ops.len());
        let mut lines = Vec::new();
        for op in ops {
            let stamp = self.clock.tick(ctx.now_ms);
            inverse.push(self.run_one(op, stamp, &mut lines));
        }
        inverse.reverse();
        self.log(action, lines, ctx);
        Ok(inverse)
    }

    /// Refuses the whole command before anything changes.
    fn check(&self, ops: &[Op]) -> Result<(), EditError> {
        let mut created: Vec<&str> = Vec::new();
        for op in ops {
            let id = op.id();
            let existing = self.doc.get(id);
            match op {
                Op::Create { .. } => {
                    if existing.is_some() || created.contains(&id) {
                        return Err(EditError::AlreadyExists(id.to_string()));
                    }
                    created.push(id);
                }
                Op::Restore { .. } => {
                    if existing.is_none() {
                        return Err(EditError::NoSuchRecord(id.to_string()));
                    }
                }
                _ => match existing {
                    None if !created.contains(&id) => {
                        return Err(EditError::NoSuchRecord(id.to_string()))
                    }
                    Some(r) if r.is_deleted() && !matches!(op, Op::Delete { .. }) => {
                        return Err(EditError::IsDeleted(id.to_string()))
                    }
                    _ => {}
                },
            }
        }
        Ok(())
    }

    fn run_one(&mut self, op: Op, stamp: Stamp, lines: &mut Vec<Line>) -> Op {
        match op {
            Op::Create { id, kind, fields } => {
                let mut record = Record::new(Kind::parse(&kind));
                for (name, value) in &fields {
                    record.write(name, value.clone(), stamp);
                    lines.push(Line {
                        id: id.clone(),
                        kind: kind.clone(),
                        field: name.clone(),
                        old: Value::Null,
                        new: value.clone(),
                    });
                }
                self.doc.records.insert(id.clone(), record);
                Op::Delete { id }
            }
            Op::Set { id, field, value } => {
                let old = self.write_field(&id, &field, value, stamp, false, lines);
                Op::Set {
                    id,
                    field,
                    value: old,
                }
            }
            Op::Resolve { id, field, value } => {
                let old = self.write_field(&id, &field, value, stamp, true, lines);
                Op::Set {
                    id,
                    field,
                    value: old,
                }
            }
            Op::Delete { id } => {
                self.set_deleted(&id, true, stamp, lines);
                Op::Restore { id }
            }
            Op::Restore { id } => {
                self.set_deleted(&id, false, stamp, lines);
                Op::Delete { id }
            }
        }
    }

    fn write_field(
        &mut self,
        id: &str,
        field: &str,
        value: Value,
        stamp: Stamp,
        resolve: bool,
        lines: &mut Vec<Line>,
    ) -> Value {
        let Some(record) = self.doc.records.get_mut(id) else {
            return Value::Null;
        };
        let old = record.get(field).cloned().unwrap_or(Value::Null);
        lines.push(Line {
            id: id.to_string(),
            kind: record.kind.as_str().to_string(),
            field: field.to_string(),
            old: old.clone(),
            new: value.clone(),
        });
        match (resolve, record.fields.get_mut(field)) {
            (true, Some(f)) => f.resolve(value, stamp),
            _ => record.write(field, value, stamp),
        }
        old
    }

    fn set_deleted(&mut self, id: &str, deleted: bool, stamp: Stamp, lines: &mut Vec<Line>) {
        if let Some(record) = self.doc.records.get_mut(id) {
            lines.push(Line {
                id: id.to_string(),
                kind: record.kind.as_str().to_string(),
                field: super::doc::DELETED.to_string(),
                old: Value::Bool(record.is_deleted()),
                new: Value::Bool(deleted),
            });
            record.set_deleted(deleted, stamp);
        }
    }

    fn log(&mut self, action: Action, mut lines: Vec<Line>, ctx: &Ctx) {
        let more = lines.len().saturating_sub(LINES_PER_CHANGE);
        lines.truncate(LINES_PER_CHANGE);
        push_capped(
            &mut self.history,
            Change {
                at_ms: ctx.now_ms,
                who: ctx.who.clone(),
                action,
                lines,
                more,
            },
            HISTORY_DEPTH,
        );
    }
}

/// The operations that bring `current` back to how `earlier` read: values written back as
/// new edits, so a restore is undoable and never rewinds a stamp (a snapshot restored).
pub fn restore_ops(current: &Doc, earlier: &Doc) -> Vec<Op> {
    let mut ops = Vec::new();
    for (id, now) in &current.records {
        let Some(then) = earlier.get(id) else {
            if !now.is_deleted() {
                ops.push(Op::Delete { id: id.clone() });
            }
            continue;
        };
        match (then.is_deleted(), now.is_deleted()) {
            (true, false) => {
                ops.push(Op::Delete { id: id.clone() });
                continue;
            }
            (true, true) => continue,
            (false, true) => ops.push(Op::Restore { id: id.clone() }),
            (false, false) => {}
        }
        let names: std::collections::BTreeSet<&String> =
            now.fields.keys().chain(then.fields.keys()).collect();
        for name in names
            .into_iter()
            .filter(|n| n.as_str() != super::doc::DELETED)
        {
            let (old, new) = (
                then.get(name).cloned().unwrap_or(Value::Null),
                now.get(name).cloned().unwrap_or(Value::Null),
            );
            if old != new {
                ops.push(Op::Set {
                    id: id.clone(),
                    field: name.clone(),
                    value: old,
                });
            }
        }
    }
    ops
}

fn push_capped<T>(list: &mut Vec<T>, item: T, cap: usize) {
    list.push(item);
    if list.len() > cap {
        let extra = list.len() - cap;
        list.drain(..extra);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ctx(ms: u64) -> Ctx {
        Ctx {
            now_ms: ms,
            who: "Phong".into(),
        }
    }

    fn ws_with_task() -> Workspace {
        let mut ws = Workspace::new(ReplicaId(1));
        let fields = BTreeMap::from([
            ("title".to_string(), json!("Báo cáo")),
            ("status".to_string(), json!("not_started")),
        ]);
        ws.apply(
            Action::Add,
            vec![Op::Create {
                id: "t1".into(),
                kind: "task".into(),
                fields,
            }],
            &ctx(1000),
        )
        .unwrap();
        ws
    }

    fn status(ws: &Workspace) -> Value {
        ws.doc
            .get("t1")
            .and_then(|r| r.get("status"))
            .cloned()
            .unwrap_or(Value::Null)
    }

    #[test]
    fn undo_after_undo_walks_back_step_by_step_with_fresh_stamps() {
        let mut ws = ws_with_task();
        ws.apply(
            Action::Edit,
            vec![Op::set("t1", "status", "in_progress")],
            &ctx(2000),
        )
        .unwrap();
        ws.apply(
            Action::MarkDone,
            vec![Op::set("t1", "status", "done")],
            &ctx(3000),
        )
        .unwrap();
        let before = ws.doc.get("t1").unwrap().fields["status"].stamp();
        // (step, expected status after it)
        let steps: [(&str, Value); 5] = [
            ("undo", json!("in_progress")),
            ("undo", json!("not_started")),
            ("redo", json!("in_progress")),
            ("redo", json!("done")),
            ("undo", json!("in_progress")),
        ];
        let mut last = before;
        for (i, (step, want)) in steps.iter().enumerate() {
            let c = ctx(4000 + i as u64);
            match *step {
                "undo" => ws.undo(&c).unwrap(),
                _ => ws.redo(&c).unwrap(),
            };
            assert_eq!(status(&ws), *want, "step {i} ({step})");
            let stamp = ws.doc.get("t1").unwrap().fields["status"].stamp();
            assert!(stamp > last, "undo and redo write with fresh stamps");
            last = stamp;
        }
    }

    #[test]
    fn undoing_a_creation_deletes_and_redo_restores() {
        let mut ws = ws_with_task();
        ws.undo(&ctx(2000)).unwrap();
        assert!(ws.doc.get("t1").unwrap().is_deleted());
        ws.redo(&ctx(3000)).unwrap();
        assert!(!ws.doc.get("t1").unwrap().is_deleted());
        assert_eq!(status(&ws), json!("not_started"));
    }

    #[test]
    fn a_refused_command_changes_nothing() {
        let mut ws = ws_with_task();
        let before = ws.clone();
        let err = ws.apply(
            Action::Edit,
            vec![
                Op::set("t1", "status", "done"),
                Op::set("nope", "title", "x"),
            ],
            &ctx(2000),
        );
        assert_eq!(err, Err(EditError::NoSuchRecord("nope".into())));
        assert_eq!(ws, before);
        assert_eq!(ws.undo(&ctx(1)).map(|_| ()), Ok(()));
        assert_eq!(ws.undo(&ctx(1)), Err(EditError::NothingToUndo));
    }

    #[test]
    fn a_new_edit_clears_redo_and_undo_depth_is_capped() {
        let mut ws = ws_with_task();
        for i in 0..(UNDO_DEPTH + 10) {
            ws.apply(
                Action::Edit,
                vec![Op::set("t1", "title", format!("v{i}"))],
                &ctx(2000 + i as u64),
            )
            .unwrap();
        }
        assert_eq!(ws.undo.len(), UNDO_DEPTH);
        ws.undo(&ctx(9000)).unwrap();
        assert!(ws.can_redo().is_some());
        ws.apply(Action::Edit, vec![Op::set("t1", "title", "x")], &ctx(9001))
            .unwrap();
        assert!(ws.can_redo().is_none());
    }

    #[test]
    fn absorbing_another_tab_joins_documents_and_histories_but_keeps_undo_apart() {
        let mut a = ws_with_task();
        let mut b = a.clone();
        b.clock = Clock::new(ReplicaId(2));
        a.apply(Action::Edit, vec![Op::set("t1", "title", "A")], &ctx(2000))
            .unwrap();
        b.apply(
            Action::Edit,
            vec![Op::set("t1", "status", "done")],
            &ctx(2001),
        )
        .unwrap();
        let a_undo = a.undo.clone();
        assert!(a.absorb(&b));
        assert_eq!(a.doc.get("t1").unwrap().get("title"), Some(&json!("A")));
        assert_eq!(a.doc.get("t1").unwrap().get("status"), Some(&json!("done")));
        assert_eq!(a.history.len(), 3, "both edits and the creation, once");
        assert_eq!(a.undo, a_undo, "undo stays this tab's own");
        assert!(!a.absorb(&b), "absorbing twice changes nothing");
        assert!(a.clock.tick(0) > b.doc.last_stamp().unwrap());
    }

    #[test]
    fn restoring_an_earlier_copy_writes_its_values_back_as_new_edits() {
        let mut ws = ws_with_task();
        let earlier = ws.doc.clone();
        ws.apply(
            Action::Edit,
            vec![Op::set("t1", "status", "done"), Op::set("t1", "note", "x")],
            &ctx(2000),
        )
        .unwrap();
        let fields = BTreeMap::from([("title".to_string(), json!("Mới"))]);
        ws.apply(
            Action::Add,
            vec![Op::Create {
                id: "t2".into(),
                kind: "task".into(),
                fields,
            }],
            &ctx(3000),
        )
        .unwrap();
        let ops = restore_ops(&ws.doc, &earlier);
        ws.apply(Action::Restore, ops, &ctx(4000)).unwrap();
        assert_eq!(status(&ws), json!("not_started"));
        assert_eq!(ws.doc.get("t1").unwrap().get("note"), None);
        assert!(ws.doc.get("t2").unwrap().is_deleted());
        assert!(
            restore_ops(&ws.doc, &earlier).is_empty(),
            "restored: nothing left to do"
        );
    }

    #[test]
    fn undo_import_takes_back_only_an_import_on_top() {
        let mut ws = ws_with_task();
        let import = Action::Import {
            file: "a.json".into(),
            by: "An".into(),
        };
        ws.record(
            import.clone(),
            Vec::new(),
            vec![Op::set("t1", "status", "not_started")],
            &ctx(1500),
        );
        ws.apply(
            Action::Edit,
            vec![Op::set("t1", "status", "done")],
            &ctx(2000),
        )
        .unwrap();
        assert_eq!(ws.undo_import(&ctx(3000)), Err(EditError::NothingToUndo));
        assert_eq!(status(&ws), json!("done"), "an edit on top stays");
        ws.undo(&ctx(4000)).unwrap();
        assert_eq!(ws.undo_import(&ctx(5000)), Ok(import));
        assert_eq!(ws.history.last().unwrap().action, Action::UndoImport);
        assert_eq!(status(&ws), json!("not_started"));
    }

    #[test]
    fn history_says_who_changed_what() {
        let mut ws = ws_with_task();
        ws.apply(
            Action::MarkDone,
            vec![Op::set("t1", "status", "done")],
            &ctx(2000),
        )
        .unwrap();
        let last = ws.history.last().unwrap();
        assert_eq!(last.who, "Phong");
        assert_eq!(last.action, Action::MarkDone);
        assert_eq!(last.lines[0].old, json!("not_started"));
        assert_eq!(last.lines[0].new, json!("done"));
    }
}

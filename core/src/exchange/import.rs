//! Import: match records by id, then by natural key; preview what the merge would do
//! (a dry run of the same merge); then apply it as one step that undo can take back.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde_json::Value;

use super::export::unit_part;
use super::format::{File, Header, Scope};
use crate::model::code::Code;
use crate::model::doc::{Doc, Kind, Record, Write, DELETED};
use crate::model::names::{fold, unit_key};
use crate::model::records::{f, Read};
use crate::model::workspace::{Action, Ctx, Line, Op, Workspace};

/// Which side of a conflict to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// One field as the import would change it.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    pub field: String,
    /// Shown here before the import.
    pub mine: Value,
    /// As the file has it.
    pub theirs: Value,
    /// Shown after the import.
    pub merged: Value,
    /// Both sides edited the field without seeing each other: the merge shows
    /// `merged` (the default side) and keeps the other in the conflicts list.
    pub conflict: Option<Side>,
}

/// How the import treats one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Added,
    Updated,
    Conflicting,
    Unchanged,
}

/// One record of the file and what the import would do to it.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordPreview {
    /// The id here (after matching by natural key).
    pub id: String,
    pub kind: Kind,
    pub outcome: Outcome,
    pub fields: Vec<FieldChange>,
    /// A delete on one side and edits on the other that did not see each other.
    pub delete_conflict: bool,
    /// The record lies outside the sending unit's part (unit files only).
    pub outside_scope: bool,
}

/// The whole preview: nothing has changed yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub header: Header,
    pub records: Vec<RecordPreview>,
    /// Incoming ids matched to ours by natural key.
    pub matched_by_key: BTreeMap<String, String>,
    /// The file's records under our ids, ready to merge.
    incoming: Doc,
}

impl Preview {
    pub fn count(&self, outcome: Outcome) -> usize {
        self.records.iter().filter(|r| r.outcome == outcome).count()
    }

    pub fn of(&self, outcome: Outcome) -> impl Iterator<Item = &RecordPreview> {
        self.records.iter().filter(move |r| r.outcome == outcome)
    }

    pub fn outside_scope(&self) -> impl Iterator<Item = &RecordPreview> {
        self.records
            .iter()
            .filter(|r| r.outside_scope && r.outcome != Outcome::Unchanged)
    }

    pub fn incoming(&self) -> &Doc {
        &self.incoming
    }
}

/// The plan a record's natural key is scoped to, for the kinds whose key starts with it.
fn key_scope(kind: &Kind, r: &Record) -> Option<String> {
    match kind {
        Kind::Criterion | Kind::Task | Kind::Target | Kind::Evidence => {
            Some(format!("{}#{}", kind.as_str(), r.text(f::PLAN)))
        }
        _ => None,
    }
}

/// The natural key of a record: how a person would say it is "the same" one.
fn natural_key(kind: &Kind, r: &Record) -> Option<String> {
    let plan = || r.text(f::PLAN);
    let code = || {
        r.opt_text(f::CODE)
            .and_then(|c| Code::parse(&c))
            .map(|c| c.to_string())
            .unwrap_or_default()
    };
    let key = match kind {
        Kind::Plan => format!("{}|{}", fold(&r.text(f::COMMUNE)), r.int(f::YEAR)?),
        Kind::Criterion => format!("{}|{}", plan(), code()),
        Kind::Task => format!("{}|{}|{}", plan(), code(), fold(&r.text(f::TITLE))),
        Kind::Unit => format!(
            "{}|{}",
            fold(&r.text(f::COMMUNE)),
            unit_key(&r.text(f::NAME))
        ),
        Kind::Officer => format!("{}|{}", fold(&r.text(f::COMMUNE)), fold(&r.text(f::NAME))),
        Kind::Target => format!("{}|{}", plan(), fold(&r.text(f::TITLE))),
        Kind::Ranking => format!("{}|{}", r.int(f::YEAR)?, fold(&r.text(f::COMMUNE))),
        Kind::Evidence => format!(
            "{}|{}|{}|{}|{}",
            plan(),
            r.text(f::TASK),
            code(),
            fold(&r.text(f::NUMBER)),
            fold(&r.text(f::TITLE))
        ),
        Kind::Other(_) => return None,
    };
    Some(format!("{}#{key}", kind.as_str()))
}

/// Kinds in the order their references resolve: plans, then units, then the rest.
const MATCH_ORDER: [Kind; 8] = [
    Kind::Plan,
    Kind::Unit,
    Kind::Officer,
    Kind::Criterion,
    Kind::Task,
    Kind::Target,
    Kind::Ranking,
    Kind::Evidence,
];

/// Fields that hold ids of other records.
const REFERENCES: [&str; 6] = [f::PLAN, f::UNIT, f::TASK, f::LEAD, f::SUPPORT, f::OFFICERS];

/// Rewrites references to matched ids in every head of a record.
fn remap_references(r: &mut Record, map: &BTreeMap<String, String>) {
    for name in REFERENCES {
        let Some(field) = r.fields.get_mut(name) else {
            continue;
        };
        let mut heads: Vec<&mut Write> = std::iter::once(&mut field.win)
            .chain(field.rivals.iter_mut())
            .collect();
        for w in heads.iter_mut() {
            match &mut w.value {
                Value::String(id) => {
                    if let Some(ours) = map.get(id.as_str()) {
                        *id = ours.clone();
                    }
                }
                Value::Array(items) => {
                    for item in items.iter_mut() {
                        if let Some(ours) = item.as_str().and_then(|id| map.get(id)) {
                            *item = Value::String(ours.clone());
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// Maps incoming records to ours: by id, else by natural key (live records first).
fn match_records(local: &Doc, incoming: &Doc) -> (Doc, BTreeMap<String, String>) {
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    let mut by_key: HashMap<String, &String> = HashMap::new();
    for (id, r) in local
        .records
        .iter()
        .filter(|(_, r)| r.is_deleted())
        .chain(local.live())
    {
        if let Some(key) = natural_key(&r.kind, r) {
            by_key.insert(key, id); // live records come last and win
        }
    }
    // A plan's records can only match records of the same plan: with this, a file of 25
    // communes folds the titles of the one plan we share, not of all 5,000 tasks.
    let scopes: HashSet<String> = local
        .records
        .values()
        .filter_map(|r| key_scope(&r.kind, r))
        .collect();
    let mut out = Doc::default();
    let mut rest: Vec<(&String, &Record)> = incoming.records.iter().collect();
    for kind in MATCH_ORDER.iter().map(Some).chain(std::iter::once(None)) {
        let (now, later): (Vec<_>, Vec<_>) = rest
            .into_iter()
            .partition(|(_, r)| kind.is_none_or(|k| &r.kind == k));
        rest = later;
        for (id, r) in now {
            let mut r = r.clone();
            remap_references(&mut r, &map);
            let ours = if local.records.contains_key(id)
                || key_scope(&r.kind, &r).is_some_and(|s| !scopes.contains(&s))
            {
                id.clone()
            } else {
                natural_key(&r.kind, &r)
                    .and_then(|k| by_key.get(&k))
                    .map_or_else(|| id.clone(), |ours| (*ours).clone())
            };
            if &ours != id {
                map.insert(id.clone(), ours.clone());
            }
            let merged = match out.records.remove(&ours) {
                Some(prev) => prev.merge(&r),
                None => r,
            };
            out.records.insert(ours, merged);
        }
    }
    (out, map)
}

/// What the import of `file` into `local` would do. Nothing changes.
pub fn preview(local: &Doc, file: &File) -> Preview {
    let (incoming, matched_by_key) = match_records(local, &file.doc);
    let merged_doc_for_scope = match &file.header.scope {
        Scope::Unit { unit, .. } => Some(scope_ids(local, &incoming, unit)),
        Scope::Workspace => None,
    };
    let records = incoming
        .records
        .iter()
        .filter_map(|(id, theirs)| {
            let mut rp = preview_record(id, local.get(id), theirs)?;
            rp.outside_scope = merged_doc_for_scope
                .as_ref()
                .is_some_and(|ids| !ids.contains(id));
            Some(rp)
        })
        .collect();
    Preview {
        header: file.header.clone(),
        records,
        matched_by_key,
        incoming,
    }
}

/// The ids of the sending unit's part, judged on the merged result.
fn scope_ids(local: &Doc, incoming: &Doc, unit: &str) -> BTreeSet<String> {
    let merged = local.merged(incoming);
    crate::order::set(
        merged
            .live_of(Kind::Plan)
            .flat_map(|(plan, _)| unit_part(&merged, plan, unit)),
    )
}

fn preview_record(id: &str, mine: Option<&Record>, theirs: &Record) -> Option<RecordPreview> {
    let Some(mine) = mine else {
        // A tombstone for something never seen here changes nothing anyone can see.
        return (!theirs.is_deleted()).then(|| RecordPreview {
            id: id.to_string(),
            kind: theirs.kind.clone(),
            outcome: Outcome::Added,
            fields: theirs
                .fields
                .iter()
                .filter(|(_, v)| !v.value().is_null())
                .map(|(name, v)| FieldChange {
                    field: name.clone(),
                    mine: Value::Null,
                    theirs: v.value().clone(),
                    merged: v.value().clone(),
                    conflict: None,
                })
                .collect(),
            delete_conflict: false,
            outside_scope: false,
        });
    };
    let merged = mine.merge(theirs);
    let shown = |r: &Record, name: &str| {
        r.fields
            .get(name)
            .map_or(Value::Null, |f| f.value().clone())
    };
    let names: BTreeSet<&String> =
        crate::order::set(mine.fields.keys().chain(theirs.fields.keys()));
    let mut fields = Vec::new();
    for name in names {
        let (before, after) = (shown(mine, name), shown(&merged, name));
        let old_conflicts: Vec<&Write> = mine
            .fields
            .get(name.as_str())
            .map(|f| f.conflicts().collect())
            .unwrap_or_default();
        let new_conflict = merged.fields.get(name.as_str()).is_some_and(|f| {
            f.conflicts()
                .any(|c| !old_conflicts.iter().any(|o| o.stamp == c.stamp))
        });
        if before == after && !new_conflict {
            continue;
        }
        let conflict = new_conflict.then(|| {
            if after == before {
                Side::Mine
            } else {
                Side::Theirs
            }
        });
        fields.push(FieldChange {
            field: name.clone(),
            mine: before,
            theirs: shown(theirs, name),
            merged: after,
            conflict,
        });
    }
    let delete_conflict = !merged.edits_unseen_by_delete().is_empty()
        && mine.edits_unseen_by_delete().len() != merged.edits_unseen_by_delete().len();
    let outcome = if fields.iter().any(|f| f.conflict.is_some()) || delete_conflict {
        Outcome::Conflicting
    } else if fields.is_empty() {
        Outcome::Unchanged
    } else {
        Outcome::Updated
    };
    Some(RecordPreview {
        id: id.to_string(),
        kind: mine.kind.clone(),
        outcome,
        fields,
        delete_conflict,
        outside_scope: false,
    })
}

/// The user's choice for a conflict in the preview; untouched conflicts keep the
/// merge's default and stay in the conflicts list until resolved there.
pub type Choices = BTreeMap<(String, String), Side>;

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub added: usize,
    pub updated: usize,
    pub conflicting: usize,
}

/// Merges the previewed file into the workspace as one undoable step, then applies
/// the conflict choices that differ from the merge's default as resolutions.
pub fn apply(
    ws: &mut Workspace,
    preview: &Preview,
    choices: &Choices,
    file_name: &str,
    ctx: &Ctx,
) -> Applied {
    let mut lines = Vec::new();
    let mut inverse = Vec::new();
    for rp in preview
        .records
        .iter()
        .filter(|r| r.outcome != Outcome::Unchanged)
    {
        let kind = rp.kind.as_str().to_string();
        for fc in &rp.fields {
            lines.push(Line {
                id: rp.id.clone(),
                kind: kind.clone(),
                field: fc.field.clone(),
                old: fc.mine.clone(),
                new: fc.merged.clone(),
            });
        }
        match rp.outcome {
            Outcome::Added => inverse.push(Op::Delete { id: rp.id.clone() }),
            _ => inverse.extend(
                rp.fields
                    .iter()
                    .filter(|fc| fc.field != DELETED)
                    .map(|fc| Op::set(&rp.id, &fc.field, fc.mine.clone())),
            ),
        }
    }
    if let Some(last) = preview.incoming.last_stamp() {
        ws.clock.observe(last.hlc);
    }
    ws.doc.merge_from(&preview.incoming);
    let by = preview.header.exported_by.clone();
    ws.record(
        Action::Import {
            file: file_name.to_string(),
            by,
        },
        lines,
        inverse,
        ctx,
    );
    let resolutions = resolutions(preview, choices);
    // The fields exist: the merge just wrote them.
    if !resolutions.is_empty() && ws.apply(Action::ResolveConflict, resolutions, ctx).is_ok() {
        join_choices_into_import(ws);
    }
    Applied {
        added: preview.count(Outcome::Added),
        updated: preview.count(Outcome::Updated),
        conflicting: preview.count(Outcome::Conflicting),
    }
}

/// The choices made in the preview belong to the import: one undo takes back both
/// (the choices first, then the merge).
fn join_choices_into_import(ws: &mut Workspace) {
    let below_is_import =
        ws.undo.len() >= 2 && matches!(ws.undo[ws.undo.len() - 2].action, Action::Import { .. });
    if !below_is_import {
        return;
    }
    if let (Some(choices), Some(import)) = (ws.undo.pop(), ws.undo.last_mut()) {
        let mut ops = choices.ops;
        ops.append(&mut import.ops);
        import.ops = ops;
    }
}

fn resolutions(preview: &Preview, choices: &Choices) -> Vec<Op> {
    let mut ops = Vec::new();
    for rp in &preview.records {
        for fc in &rp.fields {
            let (Some(default), Some(choice)) =
                (fc.conflict, choices.get(&(rp.id.clone(), fc.field.clone())))
            else {
                continue;
            };
            if *choice != default {
                let value = if *choice == Side::Mine {
                    fc.mine.clone()
                } else {
                    fc.theirs.clone()
                };
                ops.push(Op::Resolve {
                    id: rp.id.clone(),
                    field: fc.field.clone(),
                    value,
                });
            }
        }
    }
    ops
}

//! Field-by-field comparison of the appendix records of two documents: the built-in
//! example against a pasted seed, or a plan against its printed appendix pasted back.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::model::doc::{Doc, Kind, Record};

/// One field of one record that differs (`field` is `(record)` when one side lacks it).
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub id: String,
    pub code: String,
    pub field: String,
    pub expected: Value,
    pub got: Value,
}

/// Whether a record is part of what an appendix paste makes: criteria from the
/// table or implied by it, and the table's tasks.
pub fn is_appendix(record: &Record) -> bool {
    let origin = record.get("origin").and_then(Value::as_str);
    match record.kind {
        Kind::Criterion => matches!(origin, Some("appendix" | "inferred")),
        Kind::Task => origin == Some("appendix"),
        _ => false,
    }
}

/// Every difference between the live records `select` picks in `expected` and in
/// `got`, by id and field. Stamps are not compared: only what the records say.
pub fn differences(expected: &Doc, got: &Doc, select: impl Fn(&Record) -> bool) -> Vec<Difference> {
    let pick = |doc: &Doc| -> BTreeSet<String> {
        doc.live()
            .filter(|(_, r)| select(r))
            .map(|(id, _)| id.clone())
            .collect()
    };
    let ids: BTreeSet<String> = pick(expected).union(&pick(got)).cloned().collect();
    let mut out = Vec::new();
    for id in ids {
        let (e, g) = (
            expected.get(&id).filter(|r| select(r)),
            got.get(&id).filter(|r| select(r)),
        );
        let code = e
            .or(g)
            .and_then(|r| r.get("code"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let (Some(e), Some(g)) = (e, g) else {
            out.push(Difference {
                id,
                code,
                field: "(record)".into(),
                expected: Value::Bool(e.is_some()),
                got: Value::Bool(g.is_some()),
            });
            continue;
        };
        let fields: BTreeSet<&String> = e.fields.keys().chain(g.fields.keys()).collect();
        for field in fields {
            let (ev, gv) = (value(e, field), value(g, field));
            if ev != gv {
                out.push(Difference {
                    id: id.clone(),
                    code: code.clone(),
                    field: field.clone(),
                    expected: ev,
                    got: gv,
                });
            }
        }
    }
    out
}

fn value(r: &Record, field: &str) -> Value {
    r.get(field).cloned().unwrap_or(Value::Null)
}

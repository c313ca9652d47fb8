//! The file format `cchc-plan`, version 1 (docs/FORMAT.md): a header, a table of
//! replicas, and records of stamped fields. Once users hold files this cannot change
//! casually: newer versions add migrations, never reinterpret old files.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::error::{ImportError, Problem};
use crate::model::doc::{Doc, Field, Kind, Record, Write};
use crate::model::stamp::{from_base36, to_base36, Hlc, ReplicaId, Stamp};

pub const FORMAT: &str = "cchc-plan";
/// The schema version this build writes and the newest it reads.
pub const SCHEMA: u64 = 1;
/// Files above this are refused before parsing.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Deeper nesting than this is refused before parsing.
pub const MAX_DEPTH: usize = 32;
/// Ids are short: ours are at most 14 characters.
pub const MAX_ID_LEN: usize = 64;

/// What part of a workspace a file holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Scope {
    Workspace,
    /// One unit's part: its tasks and their criteria, evidence and officers.
    Unit {
        unit: String,
        name: String,
    },
}

/// The header every file starts with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub schema: u64,
    pub app: String,
    /// Local time of the sender, RFC 3339 (`2022-10-15T09:30:00+07:00`).
    pub exported_at: String,
    pub exported_by: String,
    pub scope: Scope,
    /// The sender's replica id, base 36.
    pub replica: String,
}

/// A decoded file: its header, its records, and top-level keys we do not know.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub header: Header,
    pub doc: Doc,
    pub extra: Map<String, Value>,
}

/// Writes a file. Output is deterministic: records by id, fields by name, replicas sorted.
pub fn encode(file: &File) -> String {
    let replicas = replica_table(&file.doc);
    let index: BTreeMap<ReplicaId, usize> =
        crate::order::map(replicas.iter().enumerate().map(|(i, r)| (*r, i)));
    let records = crate::order::object(
        file.doc
            .records
            .iter()
            .map(|(id, r)| (id.clone(), encode_record(r, &index))),
    );
    let mut out = Map::new();
    out.insert("format".into(), json!(file.header.format));
    out.insert("schema".into(), json!(file.header.schema));
    out.insert("app".into(), json!(file.header.app));
    out.insert("exported_at".into(), json!(file.header.exported_at));
    out.insert("exported_by".into(), json!(file.header.exported_by));
    out.insert(
        "scope".into(),
        serde_json::to_value(&file.header.scope).unwrap_or(Value::Null),
    );
    out.insert("replica".into(), json!(file.header.replica));
    out.insert(
        "replicas".into(),
        json!(replicas.iter().map(|r| r.to_text()).collect::<Vec<_>>()),
    );
    for (k, v) in &file.extra {
        out.entry(k.clone()).or_insert_with(|| v.clone());
    }
    out.insert("records".into(), Value::Object(records));
    Value::Object(out).to_string()
}

fn replica_table(doc: &Doc) -> Vec<ReplicaId> {
    let mut seen = std::collections::BTreeSet::new();
    for r in doc.records.values() {
        for field in r.fields.values() {
            for w in field.heads() {
                seen.insert(w.stamp.replica);
                seen.extend(w.seen.iter().map(|s| s.replica));
            }
        }
    }
    seen.into_iter().collect()
}

fn encode_record(r: &Record, index: &BTreeMap<ReplicaId, usize>) -> Value {
    let fields = crate::order::object(
        r.fields
            .iter()
            .map(|(name, f)| (name.clone(), encode_field(f, index))),
    );
    json!({"kind": r.kind.as_str(), "fields": fields})
}

/// `[value, stamp]`, `[value, stamp, [seen…]]`, or with rivals `[value, stamp, [seen…], [[v, s, [seen…]]…]]`.
fn encode_field(f: &Field, index: &BTreeMap<ReplicaId, usize>) -> Value {
    let mut out = encode_write(&f.win, index, !f.rivals.is_empty());
    if !f.rivals.is_empty() {
        out.push(Value::Array(
            f.rivals
                .iter()
                .map(|w| Value::Array(encode_write(w, index, true)))
                .collect(),
        ));
    }
    Value::Array(out)
}

fn encode_write(w: &Write, index: &BTreeMap<ReplicaId, usize>, always_seen: bool) -> Vec<Value> {
    let mut out = vec![w.value.clone(), json!(encode_stamp(w.stamp, index))];
    if always_seen || !w.seen.is_empty() {
        out.push(Value::Array(
            w.seen
                .iter()
                .map(|s| json!(encode_stamp(*s, index)))
                .collect(),
        ));
    }
    out
}

/// `<clock base36>.<replica index base36>`; the example's genesis stamp is `0`.
fn encode_stamp(s: Stamp, index: &BTreeMap<ReplicaId, usize>) -> String {
    if s == Stamp::GENESIS {
        return "0".into();
    }
    format!(
        "{}.{}",
        to_base36(s.hlc.0),
        to_base36(index.get(&s.replica).copied().unwrap_or(0) as u64)
    )
}

/// Reads and validates a file. Nothing is partially accepted: any problem refuses it.
pub fn decode(bytes: &[u8]) -> Result<File, ImportError> {
    let value = super::validate::parse_json(bytes)?;
    let value = super::migrate::to_current(value)?;
    decode_value(value)
}

fn decode_value(value: Value) -> Result<File, ImportError> {
    let Value::Object(mut top) = value else {
        return Err(ImportError::new(Problem::NotOurFormat, ""));
    };
    let header = decode_header(&top)?;
    let replicas = decode_replicas(top.get("replicas"))?;
    let records = match top.remove("records") {
        Some(Value::Object(records)) => records,
        Some(_) => return Err(ImportError::new(Problem::WrongType("object"), "records")),
        None => return Err(ImportError::new(Problem::Missing, "records")),
    };
    let mut doc = Doc::default();
    for (id, record) in records {
        let path = format!("records.{id}");
        if id.is_empty() || id.len() > MAX_ID_LEN || id.chars().any(char::is_control) {
            return Err(ImportError::new(Problem::BadId, &path));
        }
        let record = decode_record(record, &replicas, &path)?;
        super::validate::check_record(&record, &path)?;
        doc.records.insert(id, record);
    }
    for key in [
        "format",
        "schema",
        "app",
        "exported_at",
        "exported_by",
        "scope",
        "replica",
        "replicas",
    ] {
        top.remove(key);
    }
    Ok(File {
        header,
        doc,
        extra: top,
    })
}

fn decode_header(top: &Map<String, Value>) -> Result<Header, ImportError> {
    let text = |key: &str| -> Result<String, ImportError> {
        match top.get(key) {
            Some(Value::String(s)) => Ok(s.clone()),
            None => Ok(String::new()),
            Some(_) => Err(ImportError::new(Problem::WrongType("text"), key)),
        }
    };
    let scope = match top.get("scope") {
        None => Scope::Workspace,
        Some(v) => Scope::deserialize(v)
            .map_err(|_| ImportError::new(Problem::WrongType("scope"), "scope"))?,
    };
    let replica = text("replica")?;
    if !replica.is_empty() && ReplicaId::from_text(&replica).is_none() {
        return Err(ImportError::new(Problem::BadStamp, "replica"));
    }
    Ok(Header {
        format: FORMAT.into(),
        schema: SCHEMA,
        app: text("app")?,
        exported_at: text("exported_at")?,
        exported_by: text("exported_by")?,
        scope,
        replica,
    })
}

fn decode_replicas(value: Option<&Value>) -> Result<Vec<ReplicaId>, ImportError> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let Value::Array(items) = value else {
        return Err(ImportError::new(Problem::WrongType("list"), "replicas"));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.as_str()
                .and_then(ReplicaId::from_text)
                .ok_or_else(|| ImportError::new(Problem::BadStamp, &format!("replicas[{i}]")))
        })
        .collect()
}

fn decode_record(value: Value, replicas: &[ReplicaId], path: &str) -> Result<Record, ImportError> {
    let Value::Object(mut obj) = value else {
        return Err(ImportError::new(Problem::WrongType("object"), path));
    };
    let kind = match obj.remove("kind") {
        Some(Value::String(k)) if !k.is_empty() => Kind::parse(&k),
        Some(_) => {
            return Err(ImportError::new(
                Problem::WrongType("text"),
                &format!("{path}.kind"),
            ))
        }
        None => return Err(ImportError::new(Problem::Missing, &format!("{path}.kind"))),
    };
    let fields = match obj.remove("fields") {
        Some(Value::Object(fields)) => fields,
        Some(_) => {
            return Err(ImportError::new(
                Problem::WrongType("object"),
                &format!("{path}.fields"),
            ))
        }
        None => Map::new(),
    };
    let mut record = Record::new(kind);
    for (name, value) in fields {
        let field_path = format!("{path}.fields.{name}");
        record
            .fields
            .insert(name, decode_field(value, replicas, &field_path)?);
    }
    Ok(record)
}

fn decode_field(value: Value, replicas: &[ReplicaId], path: &str) -> Result<Field, ImportError> {
    let Value::Array(mut parts) = value else {
        return Err(ImportError::new(Problem::WrongType("field"), path));
    };
    let rivals = if parts.len() == 4 {
        match parts.pop() {
            Some(Value::Array(rivals)) => rivals,
            _ => return Err(ImportError::new(Problem::WrongType("field"), path)),
        }
    } else {
        Vec::new()
    };
    let win = decode_write(parts, replicas, path)?;
    let rivals = rivals
        .into_iter()
        .enumerate()
        .map(|(i, r)| match r {
            Value::Array(parts) => decode_write(parts, replicas, &format!("{path}[3][{i}]")),
            _ => Err(ImportError::new(
                Problem::WrongType("field"),
                &format!("{path}[3][{i}]"),
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    // Rebuild through the merge so that a file's rivals obey the same rules as ours.
    let mut field = Field {
        win,
        rivals: Vec::new(),
    };
    for rival in rivals {
        field = field.merge(&Field {
            win: rival,
            rivals: Vec::new(),
        });
    }
    Ok(field)
}

fn decode_write(
    mut parts: Vec<Value>,
    replicas: &[ReplicaId],
    path: &str,
) -> Result<Write, ImportError> {
    if !(2..=3).contains(&parts.len()) {
        return Err(ImportError::new(Problem::WrongType("field"), path));
    }
    let seen = if parts.len() == 3 {
        match parts.pop() {
            Some(Value::Array(seen)) => seen
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    decode_stamp(s, replicas).ok_or_else(|| {
                        ImportError::new(Problem::BadStamp, &format!("{path}[2][{i}]"))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?,
            _ => {
                return Err(ImportError::new(
                    Problem::WrongType("list"),
                    &format!("{path}[2]"),
                ))
            }
        }
    } else {
        Vec::new()
    };
    let stamp = parts
        .pop()
        .and_then(|s| decode_stamp(&s, replicas))
        .ok_or_else(|| ImportError::new(Problem::BadStamp, &format!("{path}[1]")))?;
    let value = parts.pop().unwrap_or(Value::Null);
    Ok(Write::new(value, stamp, seen))
}

fn decode_stamp(value: &Value, replicas: &[ReplicaId]) -> Option<Stamp> {
    let text = value.as_str()?;
    if text == "0" {
        return Some(Stamp::GENESIS);
    }
    let (hlc, index) = text.split_once('.')?;
    let replica = *replicas.get(usize::try_from(from_base36(index)?).ok()?)?;
    let hlc = Hlc(from_base36(hlc)?);
    (hlc.0 != 0).then_some(Stamp::new(hlc, replica))
}

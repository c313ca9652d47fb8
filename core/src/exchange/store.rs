//! The workspace as this browser keeps it: the same document as an exported file,
//! plus what is local to this replica (its id and clock, history, undo and redo)
//! under the key `local`, which other apps' files never carry.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::error::{ImportError, Problem};
use super::format::{self, File, Header, Scope, FORMAT, SCHEMA};
use crate::model::stamp::{from_base36, to_base36, Clock, Hlc, ReplicaId};
use crate::model::workspace::{Change, Step, Workspace};

#[derive(Serialize, Deserialize)]
struct Local {
    replica: String,
    clock: String,
    #[serde(default)]
    history: Vec<Change>,
    #[serde(default)]
    undo: Vec<Step>,
    #[serde(default)]
    redo: Vec<Step>,
}

const LOCAL: &str = "local";

/// The text kept in storage for a workspace.
pub fn encode(ws: &Workspace, app_version: &str) -> String {
    let local = Local {
        replica: ws.replica().to_text(),
        clock: to_base36(ws.clock.last.0),
        history: ws.history.clone(),
        undo: ws.undo.clone(),
        redo: ws.redo.clone(),
    };
    let mut extra = serde_json::Map::new();
    extra.insert(
        LOCAL.into(),
        serde_json::to_value(local).unwrap_or(Value::Null),
    );
    let header = Header {
        format: FORMAT.into(),
        schema: SCHEMA,
        app: app_version.into(),
        exported_at: String::new(),
        exported_by: String::new(),
        scope: Scope::Workspace,
        replica: ws.replica().to_text(),
    };
    format::encode(&File {
        header,
        doc: ws.doc.clone(),
        extra,
    })
}

/// Reads what storage kept. A newer schema is refused: the caller shows it read-only
/// through [`decode_newer`] and never writes over it.
pub fn decode(bytes: &[u8]) -> Result<Workspace, ImportError> {
    into_workspace(format::decode(bytes)?)
}

/// Best-effort reading of data a newer version saved, for showing it read-only:
/// the version check is skipped, records and fields this version knows are read.
pub fn decode_newer(bytes: &[u8]) -> Result<Workspace, ImportError> {
    let mut value = super::validate::parse_json(bytes)?;
    if let Some(obj) = value.as_object_mut() {
        obj.insert("schema".into(), Value::from(SCHEMA));
    }
    into_workspace(format::decode(value.to_string().as_bytes())?)
}

/// The schema version of stored text, read without decoding the rest.
pub fn schema_of(bytes: &[u8]) -> Option<u64> {
    super::validate::parse_json(bytes)
        .ok()?
        .get("schema")?
        .as_u64()
}

fn into_workspace(mut file: File) -> Result<Workspace, ImportError> {
    let local: Local = file
        .extra
        .remove(LOCAL)
        .and_then(|v| serde_json::from_value(v).ok())
        .ok_or_else(|| ImportError::new(Problem::Missing, LOCAL))?;
    let replica = ReplicaId::from_text(&local.replica)
        .ok_or_else(|| ImportError::new(Problem::BadStamp, "local.replica"))?;
    let mut clock = Clock::new(replica);
    clock.observe(Hlc(from_base36(&local.clock).unwrap_or(0)));
    if let Some(last) = file.doc.last_stamp() {
        clock.observe(last.hlc);
    }
    Ok(Workspace {
        doc: file.doc,
        clock,
        history: local.history,
        undo: local.undo,
        redo: local.redo,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::seed;
    use crate::model::workspace::{Action, Ctx, Op};

    #[test]
    fn a_workspace_round_trips_with_history_and_undo() {
        let mut ws = Workspace::new(ReplicaId(77));
        ws.doc = seed::example();
        let task = ws
            .doc
            .records
            .keys()
            .find(|k| k.starts_with('t'))
            .cloned()
            .unwrap();
        let ctx = Ctx {
            now_ms: 1_665_800_000_000,
            who: "Phong".into(),
        };
        ws.apply(
            Action::MarkDone,
            vec![Op::set(&task, "status", "done")],
            &ctx,
        )
        .unwrap();
        let text = encode(&ws, "0.1.0");
        let back = decode(text.as_bytes()).unwrap();
        assert_eq!(back, ws);
        assert_eq!(schema_of(text.as_bytes()), Some(SCHEMA));
    }

    #[test]
    fn newer_data_is_refused_for_writing_but_readable_for_showing() {
        let mut ws = Workspace::new(ReplicaId(77));
        ws.doc = seed::example();
        let text = encode(&ws, "0.1.0").replacen("\"schema\":1", "\"schema\":2", 1);
        assert!(matches!(
            decode(text.as_bytes()).unwrap_err().problem,
            Problem::NewerVersion { found: 2, .. }
        ));
        assert_eq!(decode_newer(text.as_bytes()).unwrap().doc, ws.doc);
        assert_eq!(schema_of(text.as_bytes()), Some(2));
    }
}

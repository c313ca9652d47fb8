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

/// Marks packed text, and its layout version.
pub const PACKED_PREFIX: &str = "cchc-lz4-15:";
/// Stored workspaces above this, unpacked, are refused rather than allocated.
const MAX_UNPACKED: usize = 64 * 1024 * 1024;

/// Why stored text could not be unpacked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnpackError {
    /// Text of a character that packing never writes, or cut short.
    Damaged,
    /// Claims more than [`MAX_UNPACKED`] bytes.
    TooLarge,
}

/// Compresses text for the browser's storage: LZ4, then 15 bits per UTF-16 character.
///
/// localStorage holds about 5 million UTF-16 characters shared by every `file://` page;
/// a 5,000-task workspace is 2.3 million as JSON and about 0.15 million packed. Each
/// character carries 15 bits as a code point from U+1000 to U+8FFF: no surrogates, no
/// controls, so every browser stores and returns it unchanged.
pub fn pack(text: &str) -> String {
    let bytes = lz4_flex::block::compress_prepend_size(text.as_bytes());
    let mut out = String::with_capacity(PACKED_PREFIX.len() + bytes.len() * 8 / 15 * 3 + 6);
    out.push_str(PACKED_PREFIX);
    // The padding of the last character can read back as one extra byte: say whether it does.
    let chars = (bytes.len() * 8).div_ceil(15);
    let phantom = chars * 15 / 8 - bytes.len();
    out.push(char::from(b'0' + phantom as u8));
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 15 {
            bits -= 15;
            out.push(unit((acc >> bits) & 0x7fff));
        }
    }
    if bits > 0 {
        out.push(unit((acc << (15 - bits)) & 0x7fff));
    }
    out
}

fn unit(v: u32) -> char {
    char::from_u32(0x1000 + v).unwrap_or('\u{1000}')
}

/// Whether stored text is packed (older data and hand-planted data may be plain JSON).
pub fn is_packed(stored: &str) -> bool {
    stored.starts_with(PACKED_PREFIX)
}

/// The text [`pack`] was given. Plain text (not packed) is returned as it is.
pub fn unpack(stored: &str) -> Result<String, UnpackError> {
    let Some(body) = stored.strip_prefix(PACKED_PREFIX) else {
        return Ok(stored.to_string());
    };
    let mut chars = body.chars();
    let phantom = chars
        .next()
        .and_then(|c| c.to_digit(2))
        .ok_or(UnpackError::Damaged)? as usize;
    let mut bytes = Vec::with_capacity(body.len() / 3 * 15 / 8 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in chars {
        let v = (c as u32)
            .checked_sub(0x1000)
            .filter(|v| *v <= 0x7fff)
            .ok_or(UnpackError::Damaged)?;
        acc = ((acc << 15) | v) & 0x3fff_ffff;
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
        }
    }
    let real = bytes
        .len()
        .checked_sub(phantom)
        .ok_or(UnpackError::Damaged)?;
    bytes.truncate(real);
    let claimed = bytes
        .get(..4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or(UnpackError::Damaged)?;
    if claimed > MAX_UNPACKED {
        return Err(UnpackError::TooLarge);
    }
    let plain =
        lz4_flex::block::decompress_size_prepended(&bytes).map_err(|_| UnpackError::Damaged)?;
    String::from_utf8(plain).map_err(|_| UnpackError::Damaged)
}

#[cfg(test)]
mod pack_tests {
    use super::*;

    #[test]
    fn packing_round_trips_and_is_small() {
        let mut ws = Workspace::new(ReplicaId(77));
        ws.doc = crate::model::seed::example();
        let text = encode(&ws, "0.1.0");
        let packed = pack(&text);
        assert!(is_packed(&packed));
        assert_eq!(unpack(&packed).unwrap(), text);
        let utf16 = |s: &str| s.encode_utf16().count();
        assert!(
            utf16(&packed) * 4 < utf16(&text),
            "{} vs {}",
            utf16(&packed),
            utf16(&text)
        );
        assert!(packed
            .chars()
            .skip(PACKED_PREFIX.len() + 1)
            .all(|c| ('\u{1000}'..='\u{8fff}').contains(&c)));
    }

    #[test]
    fn plain_text_passes_through_and_damage_is_an_error_not_a_panic() {
        assert_eq!(unpack("{\"format\":1}").unwrap(), "{\"format\":1}");
        let packed = pack("xin chào");
        let cut: String = packed.chars().take(packed.chars().count() - 2).collect();
        assert!(unpack(&cut).is_err());
        assert_eq!(
            unpack(&format!("{PACKED_PREFIX}0abc")),
            Err(UnpackError::Damaged)
        );
        assert_eq!(unpack(PACKED_PREFIX), Err(UnpackError::Damaged));
    }

    proptest::proptest! {
        #[test]
        fn any_text_round_trips(text in "\\PC{0,300}") {
            proptest::prop_assert_eq!(unpack(&pack(&text)).unwrap(), text);
        }

        #[test]
        fn any_stored_text_never_panics(tail in "\\PC{0,80}") {
            let _ = unpack(&format!("{PACKED_PREFIX}{tail}"));
        }
    }
}

//! The workspace in localStorage (keys get the app's prefix in `storage`):
//! - `workspace`: the document, packed (`store::pack`: LZ4, 15 bits per character);
//! - `meta`: schema version, app version, save generation and dates, as plain JSON, so an
//!   older copy of the app can see a newer version's data without unpacking it;
//! - `snapshot:yyyy-mm-dd`: the workspace as it stood at the end of each day that had
//!   changes; the oldest go first when space is short;
//! - `recovery:…`: stored text that could not be read, put aside byte for byte.
//!
//! One `setItem` either replaces a value whole or throws and leaves it as it was (HTML
//! Standard, Storage interface), so the single `workspace` key is never half-written.

use cchc_core::exchange::format::SCHEMA;
use cchc_core::exchange::store;
use cchc_core::model::deadline::{date_from_iso, iso};
use cchc_core::model::Workspace;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{get, keys, remove, set, StorageError};

pub const WORKSPACE: &str = "workspace";
pub const META: &str = "meta";
pub const SNAPSHOT: &str = "snapshot:";
pub const RECOVERY: &str = "recovery:";
/// Days of snapshots kept while they fit.
pub const SNAPSHOTS_KEPT: usize = 7;

/// What is known about the stored workspace without unpacking it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    pub schema: u64,
    pub app: String,
    /// Counts saves: a tab that sees it move knows another tab saved.
    pub generation: u64,
    #[serde(with = "cchc_core::model::deadline::iso_date::option")]
    pub saved_on: Option<NaiveDate>,
    /// The first day anything was saved (for the backup reminder).
    #[serde(with = "cchc_core::model::deadline::iso_date::option")]
    pub since: Option<NaiveDate>,
}

pub fn read_meta() -> Meta {
    get(META)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// What was found at start.
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    Ready(Workspace, Meta),
    /// Saved by a newer version: shown, never written over. The workspace is what this
    /// version could read of it, if anything.
    Newer(Option<Workspace>),
    /// Stored text that cannot be read. `put_aside` is the recovery key it was moved to, or
    /// why it could not be moved (then it stays where it is, and nothing writes over it).
    Unreadable {
        put_aside: Result<String, StorageError>,
    },
    Failed(StorageError),
}

/// Reads the stored workspace.
pub fn load(now_label: &str) -> Loaded {
    let meta = read_meta();
    let raw = match get(WORKSPACE) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Empty,
        Err(e) => return Loaded::Failed(e),
    };
    if meta.schema > SCHEMA {
        let ws = store::unpack(&raw)
            .ok()
            .and_then(|t| store::decode_newer(t.as_bytes()).ok());
        return Loaded::Newer(ws);
    }
    let text = store::unpack(&raw);
    match text.as_deref().map(|t| (t, store::decode(t.as_bytes()))) {
        Ok((_, Ok(ws))) => Loaded::Ready(ws, meta),
        Ok((t, Err(_))) if store::schema_of(t.as_bytes()).is_some_and(|v| v > SCHEMA) => {
            Loaded::Newer(store::decode_newer(t.as_bytes()).ok())
        }
        _ => Loaded::Unreadable {
            put_aside: put_aside(&raw, now_label),
        },
    }
}

/// Moves unreadable text to a recovery key, byte for byte, then frees the workspace key.
fn put_aside(raw: &str, now_label: &str) -> Result<String, StorageError> {
    let key = format!("{RECOVERY}{now_label}");
    set(&key, raw)?;
    // Only once the copy is safe does the original go.
    remove(WORKSPACE)?;
    Ok(key)
}

/// The text kept under a key (recovery entries, for download).
pub fn raw(key: &str) -> Option<String> {
    get(key).ok().flatten()
}

/// Recovery entries, newest first.
pub fn recoveries() -> Vec<String> {
    let mut found: Vec<String> = keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(RECOVERY))
        .collect();
    cchc_core::order::sort_by(&mut found, |a, b| b.cmp(a));
    found
}

/// The stored workspace as it is now (another tab may have saved it).
pub fn read_stored() -> Option<Workspace> {
    let raw = get(WORKSPACE).ok().flatten()?;
    store::decode(store::unpack(&raw).ok()?.as_bytes()).ok()
}

/// What a save did besides saving.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    pub generation: u64,
    /// A snapshot kept of the previous day that had changes.
    pub snapshot: Option<NaiveDate>,
    /// Snapshots removed to make room.
    pub dropped: Vec<NaiveDate>,
}

/// Saves the workspace. Before the first save of a new day, yesterday's state becomes a
/// snapshot. When the store is full, the oldest snapshots go first; if it is still full the
/// save fails with `QuotaExceeded` and what was stored before stays readable.
pub fn save(ws: &Workspace, app_version: &str, today: NaiveDate) -> Result<Saved, StorageError> {
    let mut meta = read_meta();
    let packed = store::pack(&store::encode(ws, app_version));
    let mut saved = Saved::default();
    if let Some(day) = meta.saved_on.filter(|d| *d < today) {
        saved.snapshot = keep_snapshot(day, &mut saved.dropped);
    }
    loop {
        match set(WORKSPACE, &packed) {
            Ok(()) => break,
            Err(StorageError::QuotaExceeded) => match snapshots().first().copied() {
                Some(oldest) => {
                    remove(&snapshot_key(oldest))?;
                    saved.dropped.push(oldest);
                }
                None => return Err(StorageError::QuotaExceeded),
            },
            Err(e) => return Err(e),
        }
    }
    meta.schema = SCHEMA;
    meta.app = app_version.to_string();
    meta.generation += 1;
    meta.saved_on = Some(today);
    meta.since.get_or_insert(today);
    // The workspace is saved; a meta that cannot be written only delays the next snapshot.
    let _ = serde_json::to_string(&meta).map(|m| set(META, &m));
    saved.generation = meta.generation;
    for old in snapshots().iter().rev().skip(SNAPSHOTS_KEPT) {
        if remove(&snapshot_key(*old)).is_ok() {
            saved.dropped.push(*old);
        }
    }
    Ok(saved)
}

/// Copies what is stored (the state at the end of `day`) to that day's snapshot, making
/// room by dropping older snapshots; gives up quietly when even that does not fit.
fn keep_snapshot(day: NaiveDate, dropped: &mut Vec<NaiveDate>) -> Option<NaiveDate> {
    let current = get(WORKSPACE).ok().flatten()?;
    loop {
        match set(&snapshot_key(day), &current) {
            Ok(()) => return Some(day),
            Err(StorageError::QuotaExceeded) => {
                let oldest = snapshots().into_iter().find(|d| *d != day)?;
                remove(&snapshot_key(oldest)).ok()?;
                dropped.push(oldest);
            }
            Err(_) => return None,
        }
    }
}

fn snapshot_key(day: NaiveDate) -> String {
    format!("{SNAPSHOT}{}", iso(day))
}

/// Days with a snapshot, oldest first.
pub fn snapshots() -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = keys()
        .unwrap_or_default()
        .iter()
        .filter_map(|k| date_from_iso(k.strip_prefix(SNAPSHOT)?))
        .collect();
    cchc_core::order::sort(&mut days);
    days
}

/// The workspace as it stood at the end of `day`.
pub fn read_snapshot(day: NaiveDate) -> Option<Workspace> {
    let raw = get(&snapshot_key(day)).ok().flatten()?;
    store::decode(store::unpack(&raw).ok()?.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage;
    use cchc_core::model::workspace::{Action, Ctx, Op};
    use cchc_core::model::{seed, ReplicaId};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 10, d).unwrap()
    }

    fn clear() {
        storage::reset_for_tests();
        for k in storage::keys().unwrap() {
            storage::remove(&k).unwrap();
        }
    }

    fn example() -> Workspace {
        let mut ws = Workspace::new(ReplicaId(9));
        ws.doc = seed::example();
        ws
    }

    #[wasm_bindgen_test]
    fn saves_packed_loads_back_and_keeps_a_snapshot_per_day() {
        clear();
        let ws = example();
        let first = save(&ws, "t", day(1)).unwrap();
        assert_eq!(first.snapshot, None);
        assert!(store::is_packed(&raw(WORKSPACE).unwrap()));
        assert!(matches!(load("x"), Loaded::Ready(back, _) if back == ws));
        save(&ws, "t", day(1)).unwrap();
        assert_eq!(snapshots(), vec![], "the same day keeps no snapshot");
        let third = save(&ws, "t", day(3)).unwrap();
        assert_eq!(third.snapshot, Some(day(1)));
        assert_eq!(snapshots(), vec![day(1)]);
        assert_eq!(read_snapshot(day(1)), Some(ws));
        for d in 4..=14 {
            save(&example(), "t", day(d)).unwrap();
        }
        assert_eq!(snapshots().len(), SNAPSHOTS_KEPT, "{:?}", snapshots());
        assert_eq!(snapshots().last(), Some(&day(13)));
        clear();
    }

    /// Fills the store with keys of ours (so `clear` removes them) until it refuses more.
    fn fill_store() {
        let mut n = 0;
        let mut size = 1 << 20;
        while size >= 16 {
            let chunk = "x".repeat(size);
            while storage::set(&format!("test-filler:{n}"), &chunk).is_ok() {
                n += 1;
            }
            size /= 2;
        }
    }

    /// `ws` with `chars` more characters of text that does not compress.
    fn grown(ws: &Workspace, chars: usize) -> Workspace {
        let mut bits = 0x2545_f491_u64;
        let noise: String = (0..chars)
            .map(|_| {
                bits = bits
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                char::from_u32(0x4e00 + (bits >> 40) as u32 % 0x5000).unwrap_or('x')
            })
            .collect();
        let mut grown = ws.clone();
        let ctx = Ctx {
            now_ms: 1,
            who: "t".into(),
        };
        grown
            .apply(
                Action::Edit,
                vec![Op::set(&seed::plan_id(), "thu", noise)],
                &ctx,
            )
            .unwrap();
        grown
    }

    #[wasm_bindgen_test]
    fn when_space_is_short_the_oldest_snapshots_go_first() {
        clear();
        let ws = example();
        for d in 1..=4 {
            save(&ws, "t", day(d)).unwrap();
        }
        assert_eq!(snapshots(), vec![day(1), day(2), day(3)]);
        fill_store();

        // A bigger workspace, the same day: one snapshot's room is enough; the oldest goes.
        let bigger = grown(&ws, 1000);
        let saved = save(&bigger, "t", day(4)).unwrap();
        assert_eq!(saved.dropped, vec![day(1)]);
        assert_eq!(snapshots(), vec![day(2), day(3)]);
        assert!(matches!(load("x"), Loaded::Ready(back, _) if back == bigger));

        // A new day while still full: the 4th's snapshot takes the room of the oldest left.
        let saved = save(&bigger, "t", day(5)).unwrap();
        assert_eq!(saved.snapshot, Some(day(4)));
        assert_eq!(saved.dropped, vec![day(2)]);
        assert_eq!(snapshots(), vec![day(3), day(4)]);
        assert_eq!(read_snapshot(day(4)), Some(bigger));
        clear();
    }

    #[wasm_bindgen_test]
    fn unreadable_text_is_put_aside_byte_for_byte() {
        clear();
        storage::set(WORKSPACE, "{ hỏng").unwrap();
        let Loaded::Unreadable { put_aside: Ok(key) } = load("2022-10-15T09-00-00") else {
            panic!("not put aside")
        };
        assert_eq!(raw(&key).as_deref(), Some("{ hỏng"));
        assert_eq!(raw(WORKSPACE), None);
        assert_eq!(recoveries(), vec![key]);
        clear();
    }

    #[wasm_bindgen_test]
    fn a_newer_version_is_read_for_showing() {
        clear();
        save(&example(), "t", day(1)).unwrap();
        storage::set(META, &format!("{{\"schema\":{}}}", SCHEMA + 1)).unwrap();
        assert!(matches!(load("x"), Loaded::Newer(Some(_))));
        clear();
    }
}

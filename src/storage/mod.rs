//! The only code that touches localStorage.
//!
//! localStorage can be missing or hostile: blocked by policy (reading `window.localStorage`
//! throws `SecurityError`), full (`setItem` throws `QuotaExceededError`), or shared with other
//! local HTML tools (every page opened from `file://` shares one store in Chromium). So:
//! - [`init`] probes it once with a real write; if that fails the app runs on an in-memory
//!   map and says so ([`Availability::MemoryOnly`]);
//! - every key gets [`PREFIX`], added and removed here, never by callers;
//! - every failure is a [`StorageError`] value with a Vietnamese message; nothing here panics.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

use wasm_bindgen::{JsCast, JsValue};

use crate::ui::i18n;

pub mod workspace;

/// Keeps our keys apart from other tools sharing the `file://` localStorage.
pub const PREFIX: &str = "cchc:";

/// Written and removed by the probe.
const PROBE_KEY: &str = "cchc:__kiem-tra__";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refuses localStorage (policy, privacy mode, sandbox). Detail from the browser.
    Blocked(String),
    /// The store is full.
    QuotaExceeded,
    /// Any other failure reported by the browser while reading or writing.
    Browser(String),
    /// Writing is switched off: the stored data is of a newer version, or unreadable data
    /// could not be put aside. Nothing may write over it.
    Frozen,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Blocked(detail) => {
                write!(f, "{} ({detail})", i18n::t().shell.storage_blocked)
            }
            StorageError::QuotaExceeded => f.write_str(i18n::t().shell.storage_quota),
            StorageError::Browser(detail) => {
                write!(f, "{} ({detail})", i18n::t().shell.storage_browser)
            }
            StorageError::Frozen => f.write_str(i18n::t().shell.storage_frozen),
        }
    }
}

impl std::error::Error for StorageError {}

/// Where data goes right now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Availability {
    /// localStorage works: data survives reloads.
    Persistent,
    /// localStorage is unusable for the given reason: data lives only as long as the page.
    MemoryOnly(StorageError),
}

enum Backend {
    Local(web_sys::Storage),
    Memory {
        entries: BTreeMap<String, String>,
        reason: StorageError,
    },
}

thread_local! {
    // The wasm app has one thread; `None` until `init` (which `with_backend` calls lazily).
    static BACKEND: RefCell<Option<Backend>> = const { RefCell::new(None) };
    static FROZEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Refuses every write from now on, for the rest of the page's life.
pub fn freeze() {
    FROZEN.with(|f| f.set(true));
}

pub fn is_frozen() -> bool {
    FROZEN.with(|f| f.get())
}

/// Probes localStorage and picks the backend. Idempotent: later calls keep the first choice.
pub fn init() -> Availability {
    with_backend(|backend| availability_of(backend))
}

pub fn availability() -> Availability {
    init()
}

/// The value stored under `key` (without prefix), if any.
pub fn get(key: &str) -> Result<Option<String>, StorageError> {
    let full = prefixed(key);
    with_backend(|backend| match backend {
        Backend::Local(store) => store.get_item(&full).map_err(classify),
        Backend::Memory { entries, .. } => Ok(entries.get(&full).cloned()),
    })
}

pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    if is_frozen() {
        return Err(StorageError::Frozen);
    }
    let full = prefixed(key);
    with_backend(|backend| match backend {
        Backend::Local(store) => store.set_item(&full, value).map_err(classify),
        Backend::Memory { entries, .. } => {
            entries.insert(full, value.to_owned());
            Ok(())
        }
    })
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    if is_frozen() {
        return Err(StorageError::Frozen);
    }
    let full = prefixed(key);
    with_backend(|backend| match backend {
        Backend::Local(store) => store.remove_item(&full).map_err(classify),
        Backend::Memory { entries, .. } => {
            entries.remove(&full);
            Ok(())
        }
    })
}

/// Our keys (prefix removed), sorted. Keys of other tools are never listed.
pub fn keys() -> Result<Vec<String>, StorageError> {
    with_backend(|backend| {
        let mut keys = match backend {
            Backend::Local(store) => local_keys(store)?,
            Backend::Memory { entries, .. } => entries.keys().cloned().collect(),
        };
        keys.retain(|k| k.starts_with(PREFIX));
        let mut ours: Vec<String> = keys.iter().map(|k| k[PREFIX.len()..].to_owned()).collect();
        cchc_core::order::sort(&mut ours);
        Ok(ours)
    })
}

/// Switches to memory for the rest of the page's life. Used when a probe passes but the store
/// later proves unusable, and by tests to exercise the in-memory path.
#[allow(dead_code)] // API for the model's persistence (later issues); tested below.
pub fn use_memory(reason: StorageError) {
    BACKEND.with(|cell| {
        *cell.borrow_mut() = Some(Backend::Memory {
            entries: BTreeMap::new(),
            reason,
        });
    });
}

/// Forgets the backend so the next call probes again (tests switch between modes).
#[cfg(test)]
pub fn reset_for_tests() {
    BACKEND.with(|cell| *cell.borrow_mut() = None);
}

fn with_backend<T>(f: impl FnOnce(&mut Backend) -> T) -> T {
    BACKEND.with(|cell| {
        let mut slot = cell.borrow_mut();
        let backend = slot.get_or_insert_with(probe);
        f(backend)
    })
}

fn availability_of(backend: &Backend) -> Availability {
    match backend {
        Backend::Local(_) => Availability::Persistent,
        Backend::Memory { reason, .. } => Availability::MemoryOnly(reason.clone()),
    }
}

fn probe() -> Backend {
    match usable_local_storage() {
        Ok(store) => Backend::Local(store),
        Err(reason) => Backend::Memory {
            entries: BTreeMap::new(),
            reason,
        },
    }
}

/// A store we could open and write to. A full store still counts as usable: what is saved
/// can be read, and the first save says the store is full (in memory we would see none of
/// the officer's data).
fn usable_local_storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Blocked("no window".into()))?;
    let store = window
        .local_storage()
        .map_err(|e| StorageError::Blocked(describe(&e)))?
        .ok_or_else(|| StorageError::Blocked("localStorage = null".into()))?;
    match store.set_item(PROBE_KEY, "1").map_err(classify) {
        Ok(()) | Err(StorageError::QuotaExceeded) => {}
        Err(other) => return Err(other),
    }
    store.remove_item(PROBE_KEY).map_err(classify)?;
    Ok(store)
}

fn local_keys(store: &web_sys::Storage) -> Result<Vec<String>, StorageError> {
    let len = store.length().map_err(classify)?;
    let mut keys = Vec::with_capacity(len as usize);
    for i in 0..len {
        if let Some(key) = store.key(i).map_err(classify)? {
            keys.push(key);
        }
    }
    Ok(keys)
}

fn prefixed(key: &str) -> String {
    format!("{PREFIX}{key}")
}

/// Sorts a thrown DOMException into our error kinds.
fn classify(err: JsValue) -> StorageError {
    if let Some(ex) = err.dyn_ref::<web_sys::DomException>() {
        let name = ex.name();
        // Firefox used NS_ERROR_DOM_QUOTA_REACHED before the standard name.
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            return StorageError::QuotaExceeded;
        }
        if name == "SecurityError" {
            return StorageError::Blocked(ex.message());
        }
    }
    StorageError::Browser(describe(&err))
}

fn describe(err: &JsValue) -> String {
    if let Some(ex) = err.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", ex.name(), ex.message());
    }
    err.as_string().unwrap_or_else(|| format!("{err:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn raw_local_storage() -> web_sys::Storage {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .expect("the test browser has localStorage")
    }

    #[wasm_bindgen_test]
    fn round_trip_uses_the_prefix_and_lists_only_our_keys() {
        assert_eq!(init(), Availability::Persistent);
        let raw = raw_local_storage();
        raw.set_item("other-tool:x", "theirs").unwrap();

        set("thu/khoa", "giá trị có dấu").unwrap();
        assert_eq!(
            raw.get_item("cchc:thu/khoa").unwrap().as_deref(),
            Some("giá trị có dấu")
        );
        assert_eq!(get("thu/khoa").unwrap().as_deref(), Some("giá trị có dấu"));
        let keys = keys().unwrap();
        assert!(keys.contains(&"thu/khoa".to_string()), "{keys:?}");
        assert!(keys
            .iter()
            .all(|k| !k.starts_with(PREFIX) && k != "other-tool:x"));

        remove("thu/khoa").unwrap();
        assert_eq!(get("thu/khoa").unwrap(), None);
        assert_eq!(
            raw.get_item("other-tool:x").unwrap().as_deref(),
            Some("theirs")
        );
        raw.remove_item("other-tool:x").unwrap();
        assert_eq!(raw.get_item(PROBE_KEY).unwrap(), None, "probe cleans up");
    }

    #[wasm_bindgen_test]
    fn a_full_store_is_a_typed_error_with_a_vietnamese_message() {
        assert_eq!(init(), Availability::Persistent);
        // ~12 million UTF-16 units: more than any browser's 5 MB quota.
        let huge = "x".repeat(12 * 1024 * 1024);
        let err = set("qua-lon", &huge).unwrap_err();
        assert_eq!(err, StorageError::QuotaExceeded);
        assert!(err.to_string().contains("đầy"), "{err}");
        assert_eq!(get("qua-lon").unwrap(), None, "nothing half-written");
    }

    #[wasm_bindgen_test]
    fn memory_mode_works_and_reports_why() {
        let reason = StorageError::Blocked("SecurityError: test".into());
        use_memory(reason.clone());
        assert_eq!(availability(), Availability::MemoryOnly(reason));
        set("a", "1").unwrap();
        assert_eq!(get("a").unwrap().as_deref(), Some("1"));
        assert_eq!(keys().unwrap(), vec!["a".to_string()]);
        assert_eq!(
            raw_local_storage().get_item("cchc:a").unwrap(),
            None,
            "memory mode never writes to localStorage"
        );
        remove("a").unwrap();
        assert_eq!(get("a").unwrap(), None);
        // Back to the real store for the other tests in this page.
        reset_for_tests();
        assert_eq!(init(), Availability::Persistent);
    }
}

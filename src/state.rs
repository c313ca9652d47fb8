//! The app's state: the workspace (the plain, serializable model of `cchc-core`) in one
//! signal, this browser's preferences in another, and the active plan derived from both.
//!
//! Components read these and send edits through [`AppState::apply`]; they never write a
//! field themselves. Edits are commands, so undo, history and stamps come from one place.

use std::sync::Arc;

use cchc_core::exchange::store;
use cchc_core::model::view::{self, PlanView};
use cchc_core::model::workspace::{Action, Ctx, EditError, Op, Workspace};
use cchc_core::model::{ids, seed, Kind, Plan, ReplicaId};
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::storage::{self, StorageError};

/// Storage keys (the storage module adds the app's prefix).
pub const WORKSPACE_KEY: &str = "workspace";
pub const PREFS_KEY: &str = "prefs";

/// The app's version, written into files and stored data.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// What belongs to this browser profile, not to the plan.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The officer whose name goes with every edit ("who I am").
    pub officer_name: String,
    /// The officer record this person is, for "Việc của tôi".
    pub officer_id: Option<String>,
    /// The as-of date ("Ngày xem xét"); none means today.
    #[serde(with = "cchc_core::model::deadline::iso_date::option")]
    pub as_of: Option<NaiveDate>,
    pub lang: Lang,
    /// The plan on screen, when the workspace holds several.
    pub active_plan: Option<String>,
    /// When the workspace was last exported, for the backup reminder.
    #[serde(with = "cchc_core::model::deadline::iso_date::option")]
    pub last_export: Option<NaiveDate>,
}

/// A plan view shared between components without copying; equal only to itself,
/// so every recomputation notifies.
#[derive(Clone)]
pub struct Shared(pub Arc<PlanView>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = PlanView;
    fn deref(&self) -> &PlanView {
        &self.0
    }
}

/// Where saving stands, always shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Saving,
    Failed(StorageError),
    /// Data of a newer version: shown, never written over.
    ReadOnly,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub ws: RwSignal<Workspace>,
    pub prefs: RwSignal<Prefs>,
    /// The active plan, derived.
    pub plan: Memo<Option<Shared>>,
    /// Every plan in the workspace, newest year first.
    pub plans: Memo<Vec<Plan>>,
    pub save: RwSignal<SaveStatus>,
}

impl AppState {
    /// Reads the stored workspace and preferences, or starts empty.
    pub fn load() -> AppState {
        let prefs = load_prefs();
        let (ws, status) = match storage::get(WORKSPACE_KEY) {
            Ok(Some(text)) => match store::decode(text.as_bytes()) {
                Ok(ws) => (ws, SaveStatus::Saved),
                Err(_) => match store::decode_newer(text.as_bytes()) {
                    Ok(ws)
                        if store::schema_of(text.as_bytes())
                            .is_some_and(|v| v > cchc_core::exchange::format::SCHEMA) =>
                    {
                        (ws, SaveStatus::ReadOnly)
                    }
                    _ => (Workspace::new(new_replica()), SaveStatus::Saved),
                },
            },
            Ok(None) => (Workspace::new(new_replica()), SaveStatus::Saved),
            Err(e) => (Workspace::new(new_replica()), SaveStatus::Failed(e)),
        };
        let ws = RwSignal::new(ws);
        let prefs = RwSignal::new(prefs);
        let plans = Memo::new(move |_| ws.with(|w| view::plans(&w.doc)));
        let plan = Memo::new(move |_| {
            let wanted = prefs.with(|p| p.active_plan.clone());
            let id = plans.with(|list| {
                wanted
                    .filter(|id| list.iter().any(|p| &p.id == id))
                    .or_else(|| list.first().map(|p| p.id.clone()))
            })?;
            ws.with(|w| PlanView::build(&w.doc, &id))
                .map(|v| Shared(Arc::new(v)))
        });
        AppState {
            ws,
            prefs,
            plan,
            plans,
            save: RwSignal::new(status),
        }
    }

    /// Whether any plan exists: if not, the first-run choice is shown.
    pub fn has_plan(&self) -> bool {
        self.plans.with(|p| !p.is_empty())
    }

    pub fn read_only(&self) -> bool {
        self.save.with(|s| *s == SaveStatus::ReadOnly)
    }

    /// The as-of date: the chosen one, else today in the user's local time.
    pub fn as_of(&self) -> NaiveDate {
        self.prefs.with(|p| p.as_of).unwrap_or_else(today)
    }

    /// Who acts and when, for the next edit.
    pub fn ctx(&self) -> Ctx {
        Ctx {
            now_ms: js_sys::Date::now().max(0.0) as u64,
            who: self.prefs.with(|p| p.officer_name.clone()),
        }
    }

    /// Applies an edit, then saves. A refused edit changes nothing.
    pub fn apply(&self, action: Action, ops: Vec<Op>) -> Result<(), EditError> {
        if ops.is_empty() {
            return Ok(());
        }
        let ctx = self.ctx();
        let mut result = Ok(());
        self.ws.update(|w| result = w.apply(action, ops, &ctx));
        if result.is_ok() {
            self.persist();
        }
        result
    }

    pub fn undo(&self) -> Result<Action, EditError> {
        let ctx = self.ctx();
        let mut result = Err(EditError::NothingToUndo);
        self.ws.update(|w| result = w.undo(&ctx));
        if result.is_ok() {
            self.persist();
        }
        result
    }

    pub fn redo(&self) -> Result<Action, EditError> {
        let ctx = self.ctx();
        let mut result = Err(EditError::NothingToRedo);
        self.ws.update(|w| result = w.redo(&ctx));
        if result.is_ok() {
            self.persist();
        }
        result
    }

    /// Opens the built-in example (merged in: nothing already here is lost).
    pub fn open_example(&self) {
        let ctx = self.ctx();
        self.ws.update(|w| {
            let before = w.doc.records.len();
            w.doc.merge_from(&seed::example());
            let added = w.doc.records.len() - before;
            w.record(Action::LoadExample, Vec::new(), Vec::new(), &ctx);
            let _ = added;
        });
        self.prefs.update(|p| p.active_plan = Some(seed::plan_id()));
        self.persist_prefs();
        self.persist();
    }

    /// Switches the plan on screen.
    pub fn show_plan(&self, id: &str) {
        self.prefs.update(|p| p.active_plan = Some(id.to_string()));
        self.persist_prefs();
    }

    /// A fresh random id for a record made by hand.
    pub fn new_id(&self, kind: Kind) -> String {
        ids::random(kind, random_u64())
    }

    /// Saves the workspace now. Never touches data of a newer version.
    pub fn persist(&self) {
        if self.read_only() {
            return;
        }
        let text = self.ws.with_untracked(|w| store::encode(w, APP_VERSION));
        let status = match storage::set(WORKSPACE_KEY, &text) {
            Ok(()) => SaveStatus::Saved,
            Err(e) => SaveStatus::Failed(e),
        };
        self.save.set(status);
    }

    pub fn persist_prefs(&self) {
        if let Ok(text) = serde_json::to_string(&self.prefs.get_untracked()) {
            let _ = storage::set(PREFS_KEY, &text);
        }
    }

    pub fn set_prefs(&self, change: impl FnOnce(&mut Prefs)) {
        self.prefs.update(change);
        self.persist_prefs();
    }
}

/// The language saved in the preferences, read before anything is drawn.
pub fn saved_lang() -> Lang {
    load_prefs().lang
}

fn load_prefs() -> Prefs {
    storage::get(PREFS_KEY)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Today in the user's local time zone (Vietnam is UTC+7): a calendar date, not an instant.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// 64 random bits from the browser (ids and the replica id are not secrets).
fn random_u64() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (half() << 32) ^ half()
}

fn new_replica() -> ReplicaId {
    // Zero is the example's author.
    ReplicaId(random_u64().max(1))
}

//! The app's state: the workspace (the plain, serializable model of `cchc-core`) in one
//! signal, this browser's preferences in another, and the active plan derived from both.
//!
//! Components read these and send edits through [`AppState::apply`]; they never write a
//! field themselves. Edits are commands, so undo, history and stamps come from one place.

use std::collections::BTreeMap;
use std::sync::Arc;

use cchc_core::exchange::import::{self, Applied, Choices, Preview};
use cchc_core::exchange::{export, format};
use cchc_core::model::view::{self, PlanView};
use cchc_core::model::workspace::{Action, Ctx, EditError, Op, Workspace};
use cchc_core::model::{ids, seed, Clock, Kind, Plan, ReplicaId};
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::storage::workspace::{self as stored, Loaded};
use crate::storage::{self, StorageError};

pub mod reports;

/// Storage keys (the storage module adds the app's prefix).
pub const PREFS_KEY: &str = "prefs";
/// Edits are saved this long after the last one (and at once when the page is hidden).
const SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(300);
/// The backup reminder comes when the last export is older than this.
pub const EXPORT_REMINDER_DAYS: i64 = 7;
/// Who is behind each replica id, learned from the files imported (see [`replica_names`]).
pub const REPLICAS_KEY: &str = "replicas";

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

/// See [`AppState::revision`].
pub type Revision = (cchc_core::model::Hlc, usize, Option<u64>);

/// Where saving stands, always shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Saving,
    Failed(StorageError),
    /// Data of a newer version: shown, never written over.
    ReadOnly,
    /// Stored data could not be read nor put aside: nothing writes over it.
    Blocked,
}

/// Something found at start that the officer must hear about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartNotice {
    /// Unreadable data was put aside under this recovery key.
    PutAside(String),
}

/// What closing the page now would lose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtRisk {
    /// Edits not yet saved, or the last save failed.
    Unsaved,
    /// Storage is unavailable: edits live in memory only, and some are in no exported file.
    OnlyInMemory,
}

/// The save in waiting: whether there are unsaved edits, the timer, the last save
/// generation this tab has seen (another tab's save moves it), and whether the workspace
/// changed since the last backup export.
#[derive(Clone, Copy, Default)]
struct Saver {
    dirty: bool,
    timer: Option<TimeoutHandle>,
    generation: u64,
    unexported: bool,
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
    /// Why the last save failed, kept until a save succeeds: edits after a failure set the
    /// status to "saving" again, but their work is no safer until a save goes through.
    pub save_failure: RwSignal<Option<StorageError>>,
    pub notice: RwSignal<Option<StartNotice>>,
    /// The first day anything was saved in this browser.
    pub since: RwSignal<Option<NaiveDate>>,
    saver: StoredValue<Saver>,
}

impl AppState {
    /// Reads the stored workspace and preferences, or starts empty.
    pub fn load() -> AppState {
        let prefs = load_prefs();
        let (ws, status, notice, meta) = match stored::load(&now_label()) {
            Loaded::Empty => (
                Workspace::new(new_replica()),
                SaveStatus::Saved,
                None,
                stored::Meta::default(),
            ),
            Loaded::Ready(ws, meta) => (ws, SaveStatus::Saved, None, meta),
            Loaded::Newer(ws) => {
                // An older copy of the app: it must not write over a newer version's data.
                storage::freeze();
                (
                    ws.unwrap_or_else(|| Workspace::new(new_replica())),
                    SaveStatus::ReadOnly,
                    None,
                    stored::Meta::default(),
                )
            }
            Loaded::Unreadable { put_aside: Ok(key) } => (
                Workspace::new(new_replica()),
                SaveStatus::Saved,
                Some(StartNotice::PutAside(key)),
                stored::Meta::default(),
            ),
            Loaded::Unreadable { put_aside: Err(_) } => (
                Workspace::new(new_replica()),
                SaveStatus::Blocked,
                None,
                stored::Meta::default(),
            ),
            Loaded::Failed(e) => (
                Workspace::new(new_replica()),
                SaveStatus::Failed(e),
                None,
                stored::Meta::default(),
            ),
        };
        let ws = RwSignal::new(as_this_page(ws));
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
        let saver = StoredValue::new(Saver {
            generation: meta.generation,
            ..Saver::default()
        });
        AppState {
            ws,
            prefs,
            plan,
            plans,
            save: RwSignal::new(status),
            save_failure: RwSignal::new(None),
            notice: RwSignal::new(notice),
            since: RwSignal::new(meta.since),
            saver,
        }
    }

    /// Whether any plan exists: if not, the first-run choice is shown.
    pub fn has_plan(&self) -> bool {
        self.plans.with(|p| !p.is_empty())
    }

    /// Data of a newer version is shown and never changed.
    pub fn read_only(&self) -> bool {
        self.save.with_untracked(|s| *s == SaveStatus::ReadOnly)
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
        if self.read_only() {
            return Err(EditError::ReadOnly);
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
        if self.read_only() {
            return Err(EditError::ReadOnly);
        }
        let ctx = self.ctx();
        let mut result = Err(EditError::NothingToUndo);
        self.ws.update(|w| result = w.undo(&ctx));
        if result.is_ok() {
            self.persist();
        }
        result
    }

    pub fn redo(&self) -> Result<Action, EditError> {
        if self.read_only() {
            return Err(EditError::ReadOnly);
        }
        let ctx = self.ctx();
        let mut result = Err(EditError::NothingToRedo);
        self.ws.update(|w| result = w.redo(&ctx));
        if result.is_ok() {
            self.persist();
        }
        result
    }

    /// Merges a previewed file as one undoable step ([`Action::Import`]), then saves.
    /// Data of a newer version is never written over: nothing happens then.
    pub fn import(&self, preview: &Preview, choices: &Choices, file_name: &str) -> Option<Applied> {
        if self.read_only() {
            return None;
        }
        let ctx = self.ctx();
        let mut applied = None;
        self.ws
            .update(|w| applied = Some(import::apply(w, preview, choices, file_name, &ctx)));
        remember_replica(&preview.header.replica, &preview.header.exported_by);
        self.persist();
        applied
    }

    /// Takes back the last step if it is an import; otherwise changes nothing.
    pub fn undo_import(&self) -> Result<Action, EditError> {
        if self.read_only() {
            return Err(EditError::ReadOnly);
        }
        let ctx = self.ctx();
        let mut result = Err(EditError::NothingToUndo);
        self.ws.update(|w| result = w.undo_import(&ctx));
        if result.is_ok() {
            self.persist();
        }
        result
    }

    /// Opens the built-in example (merged in: nothing already here is lost).
    pub fn open_example(&self) {
        if self.read_only() {
            return;
        }
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

    /// Puts the built-in example back as it ships, as one undoable edit; opens it fresh
    /// when the workspace never had it (its records then keep their shared stamps).
    pub fn restore_example(&self) -> Result<(), EditError> {
        let plan = seed::plan_id();
        let known = self.ws.with_untracked(|w| w.doc.get(&plan).is_some());
        if !known {
            self.open_example();
            return Ok(());
        }
        let ops = self.ws.with_untracked(|w| {
            cchc_core::model::form::restore_example(&w.doc, &seed::example(), &plan)
        });
        self.apply(Action::LoadExample, ops)?;
        self.show_plan(&plan);
        Ok(())
    }

    /// Forgets every plan in this browser, after the officer confirmed. This browser keeps
    /// its replica id and clock, so its later edits still order after its earlier ones.
    pub fn clear_all(&self) {
        self.ws.update(|w| {
            let clock = w.clock.clone();
            *w = Workspace::new(clock.replica);
            w.clock = clock;
        });
        self.set_prefs(|p| p.active_plan = None);
        self.persist();
        // An empty workspace holds nothing a backup could keep: no warning on closing for it.
        self.saver.update_value(|s| s.unexported = false);
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

    /// Asks for a save: after a short pause, so that a burst of edits is written once.
    pub fn persist(&self) {
        if self
            .save
            .with_untracked(|s| matches!(s, SaveStatus::ReadOnly | SaveStatus::Blocked))
        {
            return;
        }
        if let Some(old) = self.saver.with_value(|s| s.timer) {
            old.clear();
        }
        let this = *self;
        let timer = set_timeout_with_handle(move || this.save_now(), SAVE_DELAY).ok();
        self.saver.update_value(|s| {
            s.timer = timer;
            s.dirty = true;
            s.unexported = true;
        });
        match timer {
            Some(_) => self.save.set(SaveStatus::Saving),
            None => self.save_now(),
        }
    }

    /// Saves now if anything is unsaved: first takes in what another tab saved meanwhile,
    /// so that no tab writes over another's newer work.
    pub fn save_now(&self) {
        // A timer may fire after the app was unmounted (component tests do that): nothing to save.
        let Some(Saver {
            dirty,
            timer,
            generation,
            ..
        }) = self.saver.try_get_value()
        else {
            return;
        };
        if let Some(timer) = timer {
            timer.clear();
        }
        self.saver.update_value(|s| s.timer = None);
        if !dirty
            || self
                .save
                .with_untracked(|s| matches!(s, SaveStatus::ReadOnly | SaveStatus::Blocked))
        {
            return;
        }
        if stored::read_meta().generation != generation {
            if let Some(theirs) = stored::read_stored() {
                self.ws.update(|w| {
                    w.absorb(&theirs);
                });
            }
        }
        let today = today();
        // Timed with the User Timing API, for `make bench` (`performance.getEntriesByName`).
        let timing = web_sys::window().and_then(|w| w.performance());
        if let Some(p) = &timing {
            let _ = p.mark("cchc-save-start");
        }
        let result = self
            .ws
            .with_untracked(|w| stored::save(w, APP_VERSION, today));
        if let Some(p) = &timing {
            let _ = p.measure_with_start_mark("cchc-save", "cchc-save-start");
        }
        match result {
            Ok(saved) => {
                self.saver.update_value(|s| {
                    s.dirty = false;
                    s.generation = saved.generation;
                });
                self.since.update(|d| {
                    d.get_or_insert(today);
                });
                self.save_failure.set(None);
                self.save.set(SaveStatus::Saved);
            }
            Err(e) => {
                self.save_failure.set(Some(e.clone()));
                self.save.set(SaveStatus::Failed(e));
            }
        }
    }

    /// Another tab saved: take its work in, and save back if this tab holds anything more.
    pub fn take_in_stored(&self) {
        let meta = stored::read_meta();
        if meta.generation == self.saver.with_value(|s| s.generation) {
            return;
        }
        let Some(theirs) = stored::read_stored() else {
            return;
        };
        let mut ours_has_more = false;
        self.ws.update(|w| {
            w.absorb(&theirs);
            ours_has_more = w.doc != theirs.doc;
        });
        self.saver.update_value(|s| s.generation = meta.generation);
        if ours_has_more {
            self.persist();
        }
    }

    /// Changes whenever the workspace does: every edit, undo, import or merge from another tab
    /// ticks the clock or adds to the history.
    pub fn revision(&self) -> Revision {
        self.ws.with_untracked(|w| {
            (
                w.clock.last,
                w.history.len(),
                w.history.last().map(|c| c.at_ms),
            )
        })
    }

    /// What closing the page now would lose: an edit waiting to be saved, or work since the
    /// last failed save; in memory mode, every edit since the last backup export.
    pub fn at_risk(&self) -> Option<AtRisk> {
        let Saver {
            dirty, unexported, ..
        } = self.saver.get_value();
        if dirty || self.save_failure.with_untracked(Option::is_some) {
            return Some(AtRisk::Unsaved);
        }
        let in_memory = storage::availability() != storage::Availability::Persistent;
        (in_memory && unexported).then_some(AtRisk::OnlyInMemory)
    }

    /// The whole workspace was exported to a file on `day`: the backup reminder restarts,
    /// and in memory mode closing the page loses nothing that file does not hold.
    pub fn backup_exported(&self, day: NaiveDate) {
        self.saver.update_value(|s| s.unexported = false);
        self.set_prefs(|p| p.last_export = Some(day));
    }

    /// The whole workspace as a file, for a backup: its name and text.
    pub fn backup_file(&self) -> (String, String) {
        let header = self.export_header();
        let text = self
            .ws
            .with_untracked(|w| format::encode(&export::workspace(&w.doc, header)));
        let (commune, year) = self.plan.with_untracked(|p| {
            p.as_ref()
                .map(|v| (v.plan.commune.clone(), v.plan.year))
                .unwrap_or_default()
        });
        (export::file_name(&commune, year, None, today()), text)
    }

    /// The header of a file exported now: who, when, from which replica, by which app.
    pub fn export_header(&self) -> format::Header {
        format::Header {
            format: format::FORMAT.into(),
            schema: format::SCHEMA,
            app: APP_VERSION.into(),
            exported_at: now_rfc3339(),
            exported_by: self.prefs.with_untracked(|p| p.officer_name.clone()),
            scope: format::Scope::Workspace,
            replica: self.ws.with_untracked(|w| w.replica().to_text()),
        }
    }

    /// Whether the backup reminder is due: nothing exported for a week of work.
    pub fn export_overdue(&self) -> bool {
        let today = today();
        let old = |d: NaiveDate| (today - d).num_days() > EXPORT_REMINDER_DAYS;
        match self.prefs.with(|p| p.last_export) {
            Some(last) => old(last),
            None => self.has_plan() && self.since.get().is_some_and(old),
        }
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

/// Saving at the moments a page can be closed or left: hidden (tab switch, minimise, close),
/// left for another window, or unloaded; taking in what other tabs save; warning before
/// closing when work would be lost ([`AppState::at_risk`]); and asking the browser to keep
/// our storage.
pub fn install_lifecycle(state: AppState) {
    use leptos::ev;
    let flush = move || state.save_now();
    let handles = [
        window_event_listener(ev::pagehide, move |_| flush()),
        window_event_listener(ev::blur, move |_| flush()),
        window_event_listener(ev::storage, move |e| {
            if e.key()
                .is_some_and(|k| k == format!("{}{}", storage::PREFIX, stored::META))
            {
                state.take_in_stored();
            }
        }),
        window_event_listener(ev::beforeunload, move |e| {
            state.save_now();
            if let Some(risk) = state.at_risk() {
                let t = &crate::ui::i18n::t().shell;
                e.prevent_default();
                e.set_return_value(match risk {
                    AtRisk::Unsaved => t.leave_unsaved,
                    AtRisk::OnlyInMemory => t.leave_memory_only,
                });
            }
        }),
    ];
    // Fired at the document; it bubbles to the window.
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            flush();
        }
    });
    on_cleanup(move || {
        for h in handles {
            h.remove();
        }
        visibility.remove();
    });
    // Asks the browser not to evict our data under pressure; refused quietly where it cannot.
    if let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) {
        let _ = manager.persist();
    }
}

/// Replica id → the name of the officer who exported from it, as far as this browser knows:
/// the conflicts list says who wrote a value. A name is for people, never for ordering.
pub fn replica_names() -> BTreeMap<String, String> {
    storage::get(REPLICAS_KEY)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn remember_replica(replica: &str, name: &str) {
    let name = name.trim();
    if replica.is_empty() || name.is_empty() {
        return;
    }
    let mut names = replica_names();
    if names.get(replica).map(String::as_str) != Some(name) {
        names.insert(replica.to_string(), name.to_string());
        if let Ok(text) = serde_json::to_string(&names) {
            let _ = storage::set(REPLICAS_KEY, &text);
        }
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

/// A replica is one opened page: two tabs of one browser profile write as two replicas, so
/// that edits they make without seeing each other show as conflicts instead of one
/// silently replacing the other. The clock carries on past everything stored.
fn as_this_page(mut ws: Workspace) -> Workspace {
    let last = ws.clock.last;
    ws.clock = Clock::new(new_replica());
    ws.clock.observe(last);
    ws
}

/// Local time now as `2022-10-15T09-30-00` (safe in a storage key).
fn now_label() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// Local time now in RFC 3339 with the offset (`2022-10-15T09:30:00+07:00`).
pub fn now_rfc3339() -> String {
    let d = js_sys::Date::new_0();
    let offset = -(d.get_timezone_offset() as i64);
    let sign = if offset < 0 { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        offset.abs() / 60,
        offset.abs() % 60
    )
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

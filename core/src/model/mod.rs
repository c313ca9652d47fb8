//! The domain model: plans, criteria, tasks, deadlines, scoring, ranking, edits and stamps.

pub mod code;
pub mod deadline;
pub mod decimal;
pub mod doc;
pub mod edit;
pub mod flags;
pub mod form;
pub mod ids;
pub mod names;
pub mod new_plan;
pub mod query;
pub mod records;
pub mod scoring;
pub mod seed;
pub mod stamp;
pub mod view;
pub mod workspace;

pub use code::Code;
pub use deadline::{Deadline, Period, Timing};
pub use decimal::{Decimal, Points};
pub use doc::{Doc, Field, Kind, Record, Write};
pub use records::*;
pub use stamp::{Clock, Hlc, ReplicaId, Stamp};
pub use view::PlanView;
pub use workspace::{Action, Change, Ctx, EditError, Line, Op, Step, Workspace};

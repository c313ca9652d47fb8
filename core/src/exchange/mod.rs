//! The file format, validation, migration, merge and the appendix parser.

pub mod conflicts;
pub mod error;
pub mod export;
pub mod format;
pub mod import;
pub mod migrate;
pub mod paste;
pub mod store;
pub mod validate;

pub use error::{ImportError, Problem};
pub use format::{File, Header, Scope};

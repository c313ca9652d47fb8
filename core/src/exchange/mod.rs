//! The file format, validation, migration, merge and the appendix parser.

pub mod error;
pub mod format;
pub mod migrate;
pub mod validate;

pub use error::{ImportError, Problem};
pub use format::{File, Header, Scope};

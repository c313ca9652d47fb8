//! Why a file was refused, and where in it. The UI words these in Vietnamese.

use std::fmt;

/// What is wrong with a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Larger than the limit, in bytes.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Not text (a picture renamed `.json`, say).
    NotText,
    /// Not JSON, or cut short: where the parser stopped.
    NotJson {
        line: usize,
        column: usize,
        truncated: bool,
    },
    /// JSON, but not a `cchc-plan` file.
    NotOurFormat,
    /// Written by a newer version of the app.
    NewerVersion {
        found: u64,
        supported: u64,
    },
    /// A version we never wrote.
    UnknownVersion,
    TooDeep {
        limit: usize,
    },
    Missing,
    /// The value at the path is not of the expected type (named in English for the UI to word).
    WrongType(&'static str),
    BadStamp,
    BadId,
    /// A number, date, code or deadline that cannot be read.
    BadValue(&'static str),
}

/// A refused file: the problem and the path of the field (`records.t1.fields.max`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub problem: Problem,
    pub path: String,
}

impl ImportError {
    pub fn new(problem: Problem, path: &str) -> ImportError {
        ImportError {
            problem,
            path: path.to_string(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} at {}",
            self.problem,
            if self.path.is_empty() {
                "<file>"
            } else {
                &self.path
            }
        )
    }
}

//! `cchc-core`: the plan, its criteria and tasks, the file format and the reports,
//! as pure Rust. It does not know the browser exists.

pub mod exchange;
pub mod model;
pub mod order;
pub mod report;
pub mod sample;
#[cfg(test)]
mod test_support;

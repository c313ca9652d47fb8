//! The file format, validation, migration, merge and the appendix parser.

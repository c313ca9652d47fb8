//! The domain model.

//! Strings of the history view. Add a field to the struct, then its Vietnamese and English text.

pub struct History {
    /// Shown while the view is being built.
    pub coming: &'static str,
}

pub const VI: History = History {
    coming: "Phần này sẽ có ở bước tiếp theo.",
};

pub const EN: History = History {
    coming: "This part comes in a next step.",
};

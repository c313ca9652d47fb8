//! Strings of the reports view. Add a field to the struct, then its Vietnamese and English text.

pub struct Reports {
    /// Shown while the view is being built.
    pub coming: &'static str,
}

pub const VI: Reports = Reports {
    coming: "Phần này sẽ có ở bước tiếp theo.",
};

pub const EN: Reports = Reports {
    coming: "This part comes in a next step.",
};

//! Strings of the tasks view. Add a field to the struct, then its Vietnamese and English text.

pub struct Tasks {
    /// Shown while the view is being built.
    pub coming: &'static str,
}

pub const VI: Tasks = Tasks {
    coming: "Phần này sẽ có ở bước tiếp theo.",
};

pub const EN: Tasks = Tasks {
    coming: "This part comes in a next step.",
};

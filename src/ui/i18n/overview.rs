//! Strings of the overview view. Add a field to the struct, then its Vietnamese and English text.

pub struct Overview {
    /// Shown while the view is being built.
    pub coming: &'static str,
}

pub const VI: Overview = Overview {
    coming: "Phần này sẽ có ở bước tiếp theo.",
};

pub const EN: Overview = Overview {
    coming: "This part comes in a next step.",
};

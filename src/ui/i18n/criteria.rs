//! Strings of the criteria view. Add a field to the struct, then its Vietnamese and English text.

pub struct Criteria {
    /// Shown while the view is being built.
    pub coming: &'static str,
}

pub const VI: Criteria = Criteria {
    coming: "Phần này sẽ có ở bước tiếp theo.",
};

pub const EN: Criteria = Criteria {
    coming: "This part comes in a next step.",
};

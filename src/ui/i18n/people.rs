//! Strings of the people view. Add a field to the struct, then its Vietnamese and English text.

pub struct People {
    /// Shown while the view is being built.
    pub coming: &'static str,
}

pub const VI: People = People {
    coming: "Phần này sẽ có ở bước tiếp theo.",
};

pub const EN: People = People {
    coming: "This part comes in a next step.",
};

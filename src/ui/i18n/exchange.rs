//! Strings of the exchange view. Add a field to the struct, then its Vietnamese and English text.

pub struct Exchange {
    /// Shown while the view is being built.
    pub coming: &'static str,
}

pub const VI: Exchange = Exchange {
    coming: "Phần này sẽ có ở bước tiếp theo.",
};

pub const EN: Exchange = Exchange {
    coming: "This part comes in a next step.",
};

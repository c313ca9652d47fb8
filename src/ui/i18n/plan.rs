//! Strings of the plan view. Add a field to the struct, then its Vietnamese and English text.

pub struct PlanTexts {
    /// Shown while the view is being built.
    pub coming: &'static str,
}

pub const VI: PlanTexts = PlanTexts {
    coming: "Phần này sẽ có ở bước tiếp theo.",
};

pub const EN: PlanTexts = PlanTexts {
    coming: "This part comes in a next step.",
};

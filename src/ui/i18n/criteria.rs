//! Strings of Tiêu chí (the criteria tree).

pub struct Criteria {
    pub code: &'static str,
    pub code_hint: &'static str,
    pub title: &'static str,
    /// A heading the document implies but does not name.
    pub untitled: &'static str,
    /// The score columns: max, baseline, self-assessed, appraised.
    pub scores: [&'static str; 4],
    /// The editor's other scores: baseline self-assessed, stated loss.
    pub more_scores: [&'static str; 2],
    pub lost: &'static str,
    pub flags: &'static str,
    pub evidence: &'static str,
    pub add_title: &'static str,
    pub delete: &'static str,
    pub delete_question: &'static str,
    pub remark: &'static str,
    pub note: &'static str,
    pub written: &'static str,
}

pub const VI: Criteria = Criteria {
    code: "Mã",
    code_hint: "Các số cách nhau bởi dấu chấm, ví dụ 2.2.1.",
    title: "Tiêu chí, tiêu chí thành phần",
    untitled: "(văn bản không ghi tên)",
    scores: ["Điểm tối đa", "Điểm năm gốc", "Tự chấm", "Thẩm định"],
    more_scores: ["Tự chấm năm gốc", "Điểm trừ văn bản ghi"],
    lost: "Điểm bị mất",
    flags: "Lưu ý",
    evidence: "Hồ sơ",
    add_title: "Thêm tiêu chí",
    delete: "Xóa tiêu chí",
    delete_question: "Xóa tiêu chí này? (Có thể hoàn tác.)",
    remark: "Diễn giải",
    note: "Ghi chú",
    written: "Văn bản ghi:",
};

pub const EN: Criteria = Criteria {
    code: "Code",
    code_hint: "Numbers separated by dots, e.g. 2.2.1.",
    title: "Criterion, sub-criterion",
    untitled: "(not named in the document)",
    scores: ["Max", "Baseline", "Self-assessed", "Appraised"],
    more_scores: ["Baseline self-assessed", "Loss as written"],
    lost: "Points lost",
    flags: "Notes",
    evidence: "Evidence",
    add_title: "Add a criterion",
    delete: "Delete criterion",
    delete_question: "Delete this criterion? (It can be undone.)",
    remark: "Explanation",
    note: "Note",
    written: "As written:",
};

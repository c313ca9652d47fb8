//! Strings of the small pieces the views share (src/ui/form.rs): buttons, paging, confirm.

pub struct Common {
    pub cancel: &'static str,
    pub add: &'static str,
    pub edit: &'static str,
    pub delete: &'static str,
    pub close: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    /// "Trang 2/5".
    pub page: fn(usize, usize) -> String,
    pub actions: &'static str,
    pub all: &'static str,
    pub none: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
}

pub const VI: Common = Common {
    cancel: "Hủy",
    add: "Thêm",
    edit: "Sửa",
    delete: "Xóa",
    close: "Đóng",
    previous_page: "‹ Trang trước",
    next_page: "Trang sau ›",
    page: |n, of| format!("Trang {n}/{of}"),
    actions: "Thao tác",
    all: "Tất cả",
    none: "(không có)",
    yes: "Có",
    no: "Không",
};

pub const EN: Common = Common {
    cancel: "Cancel",
    add: "Add",
    edit: "Edit",
    delete: "Delete",
    close: "Close",
    previous_page: "‹ Previous page",
    next_page: "Next page ›",
    page: |n, of| format!("Page {n}/{of}"),
    actions: "Actions",
    all: "All",
    none: "(none)",
    yes: "Yes",
    no: "No",
};

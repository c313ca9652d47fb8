//! Strings of Cài đặt (settings).

pub struct Settings {
    pub officer_name: &'static str,
    pub officer_hint: &'static str,
    pub data_where_title: &'static str,
    pub data_where: &'static str,
    pub language: &'static str,
    pub language_hint: &'static str,
}

pub const VI: Settings = Settings {
    officer_name: "Tên của tôi",
    officer_hint:
        "Ghi vào các tệp bạn xuất ra để đồng nghiệp biết ai đã sửa. Ví dụ: Nguyễn Văn Phong.",
    data_where_title: "Dữ liệu được lưu ở đâu",
    data_where: "Dữ liệu chỉ nằm trong trình duyệt này, trên máy này. Trình duyệt khác hoặc máy \
khác không thấy được. Muốn sao lưu hay chuyển sang máy khác, hãy xuất tệp ở phần Trao đổi dữ liệu.",
    language: "Ngôn ngữ",
    language_hint: "Đổi ngôn ngữ sẽ tải lại trang; dữ liệu không thay đổi.",
};

pub const EN: Settings = Settings {
    officer_name: "My name",
    officer_hint:
        "Written into the files you export so colleagues know who edited. E.g. Nguyễn Văn Phong.",
    data_where_title: "Where the data is kept",
    data_where: "The data lives only in this browser on this computer. Another browser or \
computer cannot see it. To back it up or move it, export a file in Exchange data.",
    language: "Language",
    language_hint: "Changing the language reloads the page; the data does not change.",
};

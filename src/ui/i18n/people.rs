//! Strings of Bộ phận & công chức (units and officers).

pub struct People {
    pub units: &'static str,
    pub unit_name: &'static str,
    pub aliases: &'static str,
    pub tasks: &'static str,
    pub officers: &'static str,
    pub add_unit: &'static str,
    pub officer_name: &'static str,
    pub officer_unit: &'static str,
    pub officer_title: &'static str,
    pub add_officer: &'static str,
}

pub const VI: People = People {
    units: "Bộ phận",
    unit_name: "Tên bộ phận",
    aliases: "Cách ghi khác trong văn bản",
    tasks: "Số nhiệm vụ",
    officers: "Công chức",
    add_unit: "Thêm bộ phận",
    officer_name: "Họ tên",
    officer_unit: "Thuộc bộ phận",
    officer_title: "Chức danh",
    add_officer: "Thêm công chức",
};

pub const EN: People = People {
    units: "Units",
    unit_name: "Unit name",
    aliases: "Other spellings in documents",
    tasks: "Tasks",
    officers: "Officers",
    add_unit: "Add unit",
    officer_name: "Name",
    officer_unit: "Unit",
    officer_title: "Title",
    add_officer: "Add officer",
};

//! Strings of Trao đổi dữ liệu: export, import and its preview, paste from Word; the
//! words for a refused file (what is wrong, where, what to do), for the paste's doubts,
//! and for record kinds and field names (shared with Lịch sử).

use cchc_core::exchange::paste::{PlanField, RowDoubt, TableDoubt};
use cchc_core::exchange::{ImportError, Problem};

pub struct Exchange {
    // Export
    pub export_title: &'static str,
    pub export_intro: &'static str,
    pub export_all: &'static str,
    pub export_unit: &'static str,
    pub unit_label: &'static str,
    pub export_unit_hint: &'static str,
    pub nothing_to_export: &'static str,
    pub no_name_hint: &'static str,
    pub last_export: &'static str,
    pub never_exported: &'static str,
    pub exported: &'static str,
    pub export_failed: &'static str,
    // Import
    pub import_title: &'static str,
    pub import_intro: &'static str,
    pub choose_file: &'static str,
    pub drop_here: &'static str,
    pub reading: &'static str,
    pub refused: &'static str,
    pub nothing_changed: &'static str,
    pub read_failed: &'static str,
    pub read_only: &'static str,
    pub import_error: fn(&ImportError, &str) -> String,
    // Preview
    pub preview_title: &'static str,
    pub from_file: &'static str,
    pub sent_by: &'static str,
    pub unnamed_sender: &'static str,
    pub exported_at: &'static str,
    pub scope: &'static str,
    pub scope_all: &'static str,
    pub scope_unit: &'static str,
    /// In the order of `Outcome`: added, updated, conflicting, unchanged.
    pub outcomes: [&'static str; 4],
    pub nothing_new: &'static str,
    pub outside_scope: &'static str,
    pub col_record: &'static str,
    pub col_field: &'static str,
    pub col_mine: &'static str,
    pub col_theirs: &'static str,
    pub col_merged: &'static str,
    pub col_choice: &'static str,
    pub keep_mine: &'static str,
    pub take_theirs: &'static str,
    pub by_default: &'static str,
    pub conflict_hint: &'static str,
    pub delete_conflict: &'static str,
    pub fields_count: &'static str,
    pub more_records: &'static str,
    pub confirm: &'static str,
    pub cancel: &'static str,
    pub cancelled: &'static str,
    pub applied: &'static str,
    pub undo_import: &'static str,
    pub undo_import_done: &'static str,
    pub undo_import_blocked: &'static str,
    // Paste
    pub paste_title: &'static str,
    pub paste_intro: &'static str,
    pub paste_label: &'static str,
    pub paste_preview: &'static str,
    pub paste_need_plan: &'static str,
    pub paste_empty: &'static str,
    pub paste_read: &'static str,
    pub paste_will_add: &'static str,
    pub paste_nothing_new: &'static str,
    /// Heading of the fields adding would change: `{}` is how many.
    pub paste_changes: &'static str,
    pub paste_change_columns: [&'static str; 4],
    pub paste_add: &'static str,
    pub paste_added: &'static str,
    pub paste_plan_line: &'static str,
    pub paste_inferred: &'static str,
    pub paste_new_units: &'static str,
    pub paste_new_officers: &'static str,
    pub paste_rows_of: &'static str,
    pub col_line: &'static str,
    pub col_code: &'static str,
    pub col_title: &'static str,
    pub col_points: &'static str,
    pub col_who: &'static str,
    pub col_deadline: &'static str,
    pub col_note: &'static str,
    pub col_doubts: &'static str,
    pub heading: &'static str,
    pub support: &'static str,
    pub new_mark: &'static str,
    pub pts_score: &'static str,
    pub pts_self: &'static str,
    pub pts_loss: &'static str,
    pub pts_max: &'static str,
    pub row_doubt: fn(&RowDoubt) -> String,
    pub table_doubt: fn(&TableDoubt) -> String,
    /// What the paste would add: criteria, tasks, units, officers, fields updated.
    pub counts: [&'static str; 5],
    // Words for records and values (also used by Lịch sử)
    /// In the order of `Kind::ALL`.
    pub kinds: [&'static str; 8],
    pub other_kind: &'static str,
    pub fields: &'static [(&'static str, &'static str)],
    pub period_done: &'static str,
    pub value_on: &'static str,
    pub quarter: &'static str,
    pub empty: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub deleted: &'static str,
    pub live: &'static str,
}

/// Fills `{}` placeholders in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(args.next().copied().unwrap_or_default());
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// `12,3 MB`
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    format!("{},{} MB", tenths / 10, tenths % 10)
}

/// Where in the file, for people: the record and the field's name when the path has them.
fn place(path: &str, field_words: &str, record_word: &str) -> String {
    let parts: Vec<&str> = path.splitn(4, '.').collect();
    match parts.as_slice() {
        [] | [""] => String::new(),
        ["records", id, "fields", field] => {
            let name = field.split('[').next().unwrap_or(field);
            fill(field_words, &[name, id, path])
        }
        ["records", id, ..] => fill(record_word, &[id, path]),
        _ => format!(" ({path})"),
    }
}

fn type_vi(t: &str) -> &'static str {
    match t {
        "object" => "một nhóm mục {…}",
        "text" => "chữ",
        "scope" => "phạm vi (toàn bộ hoặc một bộ phận)",
        "list" => "danh sách […]",
        "field" => "dạng [giá trị, dấu thời gian]",
        "number" => "số viết trong ngoặc kép, ví dụ \"0.75\"",
        "date" => "ngày dạng năm-tháng-ngày",
        "code" => "mã tiêu chí, ví dụ 2.2.1",
        "deadline" => "thời hạn",
        "whole number" => "số nguyên",
        "yes/no" => "true hoặc false",
        "list of text" => "danh sách chữ",
        "period" => "kỳ (tháng hoặc quý)",
        _ => "giá trị hợp lệ",
    }
}

fn import_error_vi(e: &ImportError, _file: &str) -> String {
    const RESEND: &str = "Hãy xin người gửi xuất lại tệp từ ứng dụng rồi gửi lại.";
    let at = place(
        &e.path,
        " ở trường “{}” của mục {} (vị trí {})",
        " ở mục {} (vị trí {})",
    );
    match &e.problem {
        Problem::TooLarge { bytes, limit } => format!(
            "Tệp quá lớn ({}; tối đa {}). Tệp kế hoạch thường chỉ vài trăm KB: có lẽ đây không phải tệp xuất từ ứng dụng. Hãy chọn đúng tệp .json đã xuất.",
            megabytes(*bytes),
            megabytes(*limit)
        ),
        Problem::NotText => "Đây không phải tệp chữ JSON: có thể là ảnh, tệp Word hay tệp nén đã đổi tên thành .json. Hãy chọn đúng tệp .json đã xuất từ ứng dụng Theo dõi Chỉ số CCHC.".into(),
        Problem::NotJson { line, column, truncated: true } => format!(
            "Tệp bị cắt cụt: nội dung dừng giữa chừng ở dòng {line}, cột {column}. Có thể tệp chưa tải xuống hết hoặc bị hỏng khi gửi. {RESEND}"
        ),
        Problem::NotJson { line, column, .. } => format!(
            "Tệp không đúng định dạng JSON: lỗi ở dòng {line}, cột {column}. Có lẽ tệp đã bị sửa tay hoặc bị hỏng. {RESEND}"
        ),
        Problem::NotOurFormat => "Tệp JSON này không phải tệp kế hoạch của ứng dụng Theo dõi Chỉ số CCHC (thiếu hoặc sai mục “format”). Hãy chọn tệp đã xuất ở phần Trao đổi dữ liệu.".into(),
        Problem::NewerVersion { found, supported } => format!(
            "Tệp do phiên bản mới hơn của ứng dụng ghi (định dạng số {found}; bản này đọc được đến số {supported}). Hãy xin người gửi tệp ứng dụng mới nhất, mở bằng tệp đó rồi nhập lại."
        ),
        Problem::UnknownVersion => format!("Không rõ phiên bản định dạng của tệp (mục “schema”). {RESEND}"),
        Problem::TooDeep { limit } => format!(
            "Tệp lồng nhau quá {limit} tầng: không phải tệp do ứng dụng xuất. Hãy chọn đúng tệp .json đã xuất."
        ),
        Problem::Missing => format!("Tệp thiếu phần bắt buộc{at}. {RESEND}"),
        Problem::WrongType(t) => format!("Sai kiểu dữ liệu{at}: phải là {}. Có lẽ tệp đã bị sửa tay. {RESEND}", type_vi(t)),
        Problem::BadStamp => format!("Dấu thời gian sửa đổi không hợp lệ{at}. {RESEND}"),
        Problem::BadId => format!("Mã định danh của một mục không hợp lệ{at}. {RESEND}"),
        Problem::BadValue(t) => format!("Không đọc được giá trị{at}: phải là {}. {RESEND}", type_vi(t)),
    }
}

fn import_error_en(e: &ImportError, _file: &str) -> String {
    const RESEND: &str = "Ask the sender to export the file from the app again.";
    let at = place(
        &e.path,
        " in field “{}” of record {} (at {})",
        " in record {} (at {})",
    );
    match &e.problem {
        Problem::TooLarge { bytes, limit } => format!(
            "The file is too large ({}; at most {}). Plan files are a few hundred KB: this is probably not an exported file. Choose the .json file you exported.",
            megabytes(*bytes),
            megabytes(*limit)
        ),
        Problem::NotText => "This is not a JSON text file: maybe a picture, a Word file or an archive renamed to .json. Choose the .json file exported from this app.".into(),
        Problem::NotJson { line, column, truncated: true } => format!(
            "The file is cut short: it stops at line {line}, column {column}. It may not have finished downloading, or was damaged on the way. {RESEND}"
        ),
        Problem::NotJson { line, column, .. } => format!(
            "The file is not valid JSON: error at line {line}, column {column}. It was probably edited by hand or damaged. {RESEND}"
        ),
        Problem::NotOurFormat => "This JSON file is not a plan file of this app (“format” missing or different). Choose a file exported in Exchange data.".into(),
        Problem::NewerVersion { found, supported } => format!(
            "A newer version of the app wrote this file (format {found}; this one reads up to {supported}). Get the newest app file, open it, and import again."
        ),
        Problem::UnknownVersion => format!("The file's format version (“schema”) is unknown. {RESEND}"),
        Problem::TooDeep { limit } => format!(
            "The file nests more than {limit} levels: it was not exported by the app. Choose the exported .json file."
        ),
        Problem::Missing => format!("A required part is missing{at}. {RESEND}"),
        Problem::WrongType(t) => format!("Wrong type{at}: expected {t}. It was probably edited by hand. {RESEND}"),
        Problem::BadStamp => format!("Invalid edit stamp{at}. {RESEND}"),
        Problem::BadId => format!("Invalid record id{at}. {RESEND}"),
        Problem::BadValue(t) => format!("Unreadable value{at}: expected a {t}. {RESEND}"),
    }
}

fn row_doubt_vi(d: &RowDoubt) -> String {
    match d {
        RowDoubt::Unread { text } => format!("Không hiểu phần chữ “{text}”: chưa được đưa vào. Hãy nhập tay nếu cần."),
        RowDoubt::UnknownDeadline { written } => format!("Không đọc được thời hạn “{written}”: nhiệm vụ sẽ chưa có thời hạn. Hãy đặt sau khi thêm."),
        RowDoubt::Points(flag) => (super::model::VI.flag)(flag),
        RowDoubt::MaxFromSelfScore => "Bảng không ghi điểm tối đa: lấy điểm tự chấm làm điểm tối đa.".into(),
        RowDoubt::ExtraPoints { written } => format!("Có con số điểm chưa biết đặt vào đâu: “{written}”."),
        RowDoubt::Renumbered { written } => format!("Bảng ghi mã “{written}”: đã đọc theo lĩnh vực chứa nó."),
        RowDoubt::DuplicateCode { first_line } => format!("Mã này đã có ở dòng {first_line}: dòng này không tạo thêm tiêu chí."),
        RowDoubt::NoTitle => "Ô tiêu chí không có tên.".into(),
        RowDoubt::UnitsFromMergedCell { from_code } => format!("Bộ phận lấy từ ô gộp của dòng {from_code}: hãy kiểm tra lại."),
        RowDoubt::UnitSlip { written, unit } => format!("“{written}” có lẽ là viết nhầm của bộ phận “{unit}”."),
        RowDoubt::UnknownUnit { written } => format!("Bộ phận “{written}” chưa có: đánh dấu ở trên để tạo mới."),
        RowDoubt::AmbiguousUnit { written, units } => format!("“{written}” có thể là: {}. Chưa giao bộ phận nào; hãy giao sau khi thêm.", units.join(", ")),
        RowDoubt::UnknownOfficer { name } => format!("Công chức “{name}” chưa có: đánh dấu ở trên để tạo mới."),
    }
}

fn row_doubt_en(d: &RowDoubt) -> String {
    match d {
        RowDoubt::Unread { text } => {
            format!("Text not understood: “{text}”. Enter it by hand if needed.")
        }
        RowDoubt::UnknownDeadline { written } => {
            format!("Deadline “{written}” not understood: the task gets none. Set it after adding.")
        }
        RowDoubt::Points(flag) => (super::model::EN.flag)(flag),
        RowDoubt::MaxFromSelfScore => {
            "No max written: the self-assessed score is taken as the max.".into()
        }
        RowDoubt::ExtraPoints { written } => format!("Points that found no place: “{written}”."),
        RowDoubt::Renumbered { written } => {
            format!("Written as “{written}”: read inside its domain.")
        }
        RowDoubt::DuplicateCode { first_line } => {
            format!("This code came at line {first_line}: no second criterion.")
        }
        RowDoubt::NoTitle => "The criterion cell has no title.".into(),
        RowDoubt::UnitsFromMergedCell { from_code } => {
            format!("Units taken from the merged cell of row {from_code}: check them.")
        }
        RowDoubt::UnitSlip { written, unit } => {
            format!("“{written}” is probably a slip for the unit “{unit}”.")
        }
        RowDoubt::UnknownUnit { written } => {
            format!("Unit “{written}” is new: tick it above to create it.")
        }
        RowDoubt::AmbiguousUnit { written, units } => format!(
            "“{written}” may be: {}. No unit assigned; assign one after adding.",
            units.join(", ")
        ),
        RowDoubt::UnknownOfficer { name } => {
            format!("Officer “{name}” is new: tick it above to create them.")
        }
    }
}

fn table_doubt_vi(d: &TableDoubt) -> String {
    match d {
        TableDoubt::NoRows => "Không thấy dòng nào của bảng phụ lục (các dòng bắt đầu bằng mã như 1.2, 2.2.1). Hãy chép cả bảng trong Word rồi dán lại.".into(),
        TableDoubt::OtherPlan { field, written, plan } => {
            let what = match field {
                PlanField::Number => "số kế hoạch",
                PlanField::Date => "ngày kế hoạch",
                PlanField::Commune => "tên xã",
            };
            format!("Bảng ghi {what} “{written}”, khác kế hoạch đang mở (“{plan}”). Hãy kiểm tra có dán nhầm bảng của kế hoạch khác không.")
        }
        TableDoubt::Unplaced { line, written } => format!("Dòng {line}: không xếp được mã “{written}” vào cây tiêu chí; dòng này bị bỏ qua."),
    }
}

fn table_doubt_en(d: &TableDoubt) -> String {
    match d {
        TableDoubt::NoRows => "No appendix rows found (rows start with codes like 1.2, 2.2.1). Copy the whole table in Word and paste again.".into(),
        TableDoubt::OtherPlan { field, written, plan } => {
            let what = match field {
                PlanField::Number => "plan number",
                PlanField::Date => "plan date",
                PlanField::Commune => "commune",
            };
            format!("The table names {what} “{written}”, not the open plan's (“{plan}”). Check it is the right plan's table.")
        }
        TableDoubt::Unplaced { line, written } => format!("Line {line}: code “{written}” does not fit the criteria tree; the row is skipped."),
    }
}

pub const VI: Exchange = Exchange {
    export_title: "Xuất tệp",
    export_intro: "Tệp .json là bản sao lưu, và là cách gửi kế hoạch cho đồng nghiệp qua thư điện tử hay USB. Dữ liệu chỉ nằm trong trình duyệt này: hãy xuất thường xuyên.",
    export_all: "Xuất toàn bộ",
    export_unit: "Xuất phần của bộ phận",
    unit_label: "Bộ phận",
    export_unit_hint: "Phần của một bộ phận: các nhiệm vụ bộ phận chủ trì, phối hợp hoặc có công chức của bộ phận, cùng tiêu chí, hồ sơ và công chức liên quan.",
    nothing_to_export: "Chưa có kế hoạch nào để xuất.",
    no_name_hint: "Bạn chưa đặt tên ở Cài đặt: tệp sẽ không ghi ai gửi.",
    last_export: "Lần xuất toàn bộ gần nhất: {}.",
    never_exported: "Chưa xuất toàn bộ lần nào: hãy xuất để có bản sao lưu.",
    exported: "Đã tạo tệp {}. Tệp nằm trong thư mục Tải xuống (Downloads) của máy.",
    export_failed: "Không xuất được tệp: {}",
    import_title: "Nhập tệp",
    import_intro: "Chọn hoặc kéo thả tệp .json do ứng dụng này xuất ra. Bạn sẽ xem trước mọi thay đổi; chưa xác nhận thì chưa có gì thay đổi.",
    choose_file: "Chọn tệp…",
    drop_here: "hoặc kéo thả tệp vào đây",
    reading: "Đang đọc tệp…",
    refused: "Không nhập được tệp “{}”.",
    nothing_changed: "Dữ liệu của bạn không thay đổi.",
    read_failed: "Trình duyệt không đọc được tệp ({}). Hãy chép tệp vào máy (ví dụ ra Màn hình) rồi chọn lại.",
    read_only: "Dữ liệu trong trình duyệt này do phiên bản mới hơn ghi, nên bản này chỉ được xem: không nhập hay dán được. Hãy dùng tệp ứng dụng mới nhất.",
    import_error: import_error_vi,
    preview_title: "Xem trước khi gộp",
    from_file: "Tệp",
    sent_by: "Người gửi",
    unnamed_sender: "(tệp không ghi tên)",
    exported_at: "Xuất lúc",
    scope: "Phạm vi",
    scope_all: "Toàn bộ dữ liệu",
    scope_unit: "Phần của bộ phận {}",
    outcomes: ["Thêm mới", "Cập nhật", "Xung đột", "Không đổi"],
    nothing_new: "Tệp không có gì mới: mọi mục trong tệp đều đã có ở đây như vậy.",
    outside_scope: "Lưu ý: tệp của bộ phận {} còn sửa {} mục ngoài phần của bộ phận này:",
    col_record: "Mục",
    col_field: "Trường",
    col_mine: "Hiện tại",
    col_theirs: "Trong tệp",
    col_merged: "Sau khi gộp",
    col_choice: "Chọn",
    keep_mine: "Giữ của tôi",
    take_theirs: "Lấy trong tệp",
    by_default: "(mặc định)",
    conflict_hint: "Xung đột: hai bên cùng sửa một chỗ mà không thấy bản của nhau. Mặc định hiện bản sửa sau cùng; bản còn lại được giữ trong danh sách xung đột ở Lịch sử, không mất.",
    delete_conflict: "Một bên đã xóa mục này trong khi bên kia sửa: mục vẫn bị xóa; có thể khôi phục ở Lịch sử.",
    fields_count: "{} trường",
    more_records: "… và {} mục khác.",
    confirm: "Xác nhận gộp",
    cancel: "Hủy",
    cancelled: "Đã hủy: không có gì thay đổi.",
    applied: "Đã gộp tệp “{}”: thêm mới {}, cập nhật {}, xung đột {}.",
    undo_import: "Hoàn tác lần nhập vừa rồi",
    undo_import_done: "Đã hoàn tác lần nhập tệp “{}”.",
    undo_import_blocked: "Sau lần nhập gần nhất đã có thay đổi khác. Hãy dùng nút Hoàn tác ở trên để lùi từng bước.",
    paste_title: "Dán từ văn bản",
    paste_intro: "Trong Word, bôi đen cả bảng phụ lục của kế hoạch, chép (Ctrl+C) rồi dán vào ô dưới (Ctrl+V). Ứng dụng đọc mã, tiêu chí, điểm, bộ phận, thời hạn, ghi chú và chỉ ra mọi chỗ cần xem lại trước khi thêm.",
    paste_label: "Nội dung bảng",
    paste_preview: "Xem trước",
    paste_need_plan: "Hãy mở hoặc tạo một kế hoạch trước khi dán.",
    paste_empty: "Ô dán đang trống: hãy dán nội dung bảng vào.",
    paste_read: "Đọc được {} dòng; {} chỗ cần xem lại.",
    paste_will_add: "Khi thêm vào kế hoạch: {}.",
    paste_nothing_new: "Kế hoạch đã có đủ các dòng này: thêm lần nữa không thay đổi gì.",
    paste_changes: "Sẽ sửa {} trường đang có trong kế hoạch (xem kỹ nếu bảng dán cũ hơn kế hoạch)",
    paste_change_columns: ["Mục", "Trường", "Đang là", "Sẽ thành"],
    paste_add: "Thêm vào kế hoạch",
    paste_added: "Đã thêm vào kế hoạch: {}.",
    paste_plan_line: "Bảng ghi: {}",
    paste_inferred: "Tạo thêm các mục cha mà bảng ngụ ý nhưng không ghi (không tên, không điểm): {}.",
    paste_new_units: "Bộ phận chưa có trong kế hoạch (đánh dấu để tạo mới):",
    paste_new_officers: "Công chức chưa có trong kế hoạch (đánh dấu để tạo mới):",
    paste_rows_of: "dòng {}",
    col_line: "Dòng",
    col_code: "Mã",
    col_title: "Tiêu chí",
    col_points: "Điểm",
    col_who: "Bộ phận, công chức",
    col_deadline: "Thời hạn",
    col_note: "Ghi chú",
    col_doubts: "Cần xem lại",
    heading: "mục lớn",
    support: "phối hợp",
    new_mark: "(mới)",
    pts_score: "đạt",
    pts_self: "tự chấm",
    pts_loss: "trừ",
    pts_max: "tối đa",
    row_doubt: row_doubt_vi,
    table_doubt: table_doubt_vi,
    counts: [
        "{} tiêu chí",
        "{} nhiệm vụ",
        "{} bộ phận",
        "{} công chức",
        "sửa {} trường",
    ],
    kinds: [
        "Kế hoạch",
        "Tiêu chí",
        "Nhiệm vụ",
        "Hồ sơ",
        "Bộ phận",
        "Công chức",
        "Chỉ tiêu",
        "Xếp hạng",
    ],
    other_kind: "Mục",
    fields: &[
        ("plan", "Kế hoạch"),
        ("code", "Mã"),
        ("title", "Tên, nội dung"),
        ("note", "Ghi chú"),
        ("origin", "Nguồn"),
        ("order", "Thứ tự"),
        ("commune", "Xã"),
        ("name", "Tên"),
        ("unit", "Bộ phận"),
        ("date", "Ngày"),
        ("year", "Năm"),
        ("score", "Điểm"),
        ("body", "Cơ quan ban hành"),
        ("level", "Cấp xếp hạng"),
        ("ranked", "Số đơn vị xếp hạng"),
        ("base_year", "Năm gốc"),
        ("base_score", "Điểm năm gốc"),
        ("base_rank", "Xếp hạng năm gốc"),
        ("base_decision", "Quyết định công bố"),
        ("base_decision_date", "Ngày quyết định công bố"),
        ("base_decision_by", "Cơ quan công bố"),
        ("number", "Số, ký hiệu"),
        ("place", "Địa danh"),
        ("signer_authority", "Thẩm quyền ký"),
        ("signer_position", "Chức vụ người ký"),
        ("signer", "Người ký"),
        ("recipients", "Nơi nhận"),
        ("goal", "Mục tiêu"),
        ("survey", "Điểm điều tra xã hội học"),
        ("survey_max", "Điểm tối đa điều tra XHH"),
        ("ranking_mode", "Cách xếp hạng"),
        ("bands", "Mức xếp loại"),
        ("max", "Điểm tối đa"),
        ("base", "Điểm đạt"),
        ("base_self", "Điểm tự chấm năm gốc"),
        ("self", "Điểm tự chấm"),
        ("appraised", "Điểm thẩm định"),
        ("stated_loss", "Điểm trừ (văn bản ghi)"),
        ("deductions", "Các khoản trừ"),
        ("remark", "Giải thích"),
        ("written", "Nguyên văn"),
        ("written_max", "Điểm tối đa (nguyên văn)"),
        ("written_score", "Điểm đạt (nguyên văn)"),
        ("no_evidence_loss", "Mất điểm vì thiếu hồ sơ"),
        ("detail", "Giải pháp"),
        ("lead", "Bộ phận chủ trì"),
        ("support", "Bộ phận phối hợp"),
        ("officers", "Công chức thực hiện"),
        ("leader", "Lãnh đạo phụ trách"),
        ("deadline", "Thời hạn"),
        ("extensions", "Gia hạn"),
        ("status", "Trạng thái"),
        ("done_on", "Ngày hoàn thành"),
        ("progress", "Tiến độ"),
        ("doubts", "Điểm cần xem lại"),
        ("task", "Nhiệm vụ"),
        ("issuer", "Cơ quan ban hành"),
        ("filed_at", "Nơi lưu"),
        ("page", "Trang"),
        ("file", "Tệp"),
        ("uploaded", "Đã tải lên"),
        ("aliases", "Tên gọi khác"),
        ("cmp", "So sánh"),
        ("goal_value", "Chỉ tiêu"),
        ("measure", "Đơn vị đo"),
        ("deleted", "Đã xóa"),
    ],
    period_done: "Hoàn thành kỳ {}",
    value_on: "Giá trị ngày {}",
    quarter: "quý {}/{}",
    empty: "(trống)",
    yes: "có",
    no: "không",
    deleted: "đã xóa",
    live: "còn",
};

pub const EN: Exchange = Exchange {
    export_title: "Export",
    export_intro: "The .json file is your backup, and how you send the plan to colleagues by email or USB stick. The data lives only in this browser: export often.",
    export_all: "Export everything",
    export_unit: "Export a unit's part",
    unit_label: "Unit",
    export_unit_hint: "A unit's part: the tasks it leads, supports or whose officers it has, with their criteria, evidence and officers.",
    nothing_to_export: "There is no plan to export yet.",
    no_name_hint: "You have not set your name in Settings: the file will not say who sent it.",
    last_export: "Last full export: {}.",
    never_exported: "Never exported in full: export to have a backup.",
    exported: "File {} created. It is in the Downloads folder.",
    export_failed: "Could not export the file: {}",
    import_title: "Import",
    import_intro: "Choose or drop a .json file exported by this app. You will see every change first; nothing changes until you confirm.",
    choose_file: "Choose file…",
    drop_here: "or drop a file here",
    reading: "Reading the file…",
    refused: "Cannot import “{}”.",
    nothing_changed: "Your data has not changed.",
    read_failed: "The browser could not read the file ({}). Copy it to this computer (e.g. the Desktop) and choose it again.",
    read_only: "The data in this browser was written by a newer version, so this one only shows it: no import or paste. Use the newest app file.",
    import_error: import_error_en,
    preview_title: "Preview before merging",
    from_file: "File",
    sent_by: "Sent by",
    unnamed_sender: "(no name in the file)",
    exported_at: "Exported at",
    scope: "Scope",
    scope_all: "Everything",
    scope_unit: "The part of unit {}",
    outcomes: ["Added", "Updated", "Conflicting", "Unchanged"],
    nothing_new: "Nothing new: every record in the file is already here as it is.",
    outside_scope: "Note: the file of unit {} also edits {} records outside its part:",
    col_record: "Record",
    col_field: "Field",
    col_mine: "Now",
    col_theirs: "In the file",
    col_merged: "After merging",
    col_choice: "Choose",
    keep_mine: "Keep mine",
    take_theirs: "Take the file's",
    by_default: "(default)",
    conflict_hint: "Conflict: both sides edited the same thing without seeing each other's value. The later edit shows by default; the other is kept in the conflicts list in History, never lost.",
    delete_conflict: "One side deleted this record while the other edited it: it stays deleted; restore it in History.",
    fields_count: "{} fields",
    more_records: "… and {} more.",
    confirm: "Confirm merge",
    cancel: "Cancel",
    cancelled: "Cancelled: nothing changed.",
    applied: "Merged “{}”: added {}, updated {}, conflicting {}.",
    undo_import: "Undo the last import",
    undo_import_done: "The import of “{}” was undone.",
    undo_import_blocked: "Other changes came after the last import. Use the Undo button above to step back.",
    paste_title: "Paste from a document",
    paste_intro: "In Word, select the plan's whole appendix table, copy it (Ctrl+C) and paste it below (Ctrl+V). The app reads codes, criteria, points, units, deadlines and notes, and shows every doubt before adding.",
    paste_label: "Table text",
    paste_preview: "Preview",
    paste_need_plan: "Open or create a plan before pasting.",
    paste_empty: "The box is empty: paste the table's text into it.",
    paste_read: "{} rows read; {} doubts to check.",
    paste_will_add: "Adding to the plan gives: {}.",
    paste_nothing_new: "The plan already has these rows: adding again changes nothing.",
    paste_changes: "{} fields already in the plan will change (check them if the pasted table is older than the plan)",
    paste_change_columns: ["Record", "Field", "Now", "Will be"],
    paste_add: "Add to the plan",
    paste_added: "Added to the plan: {}.",
    paste_plan_line: "The table says: {}",
    paste_inferred: "Parent headings the table implies but does not write are created (no title, no points): {}.",
    paste_new_units: "Units not in the plan (tick to create them):",
    paste_new_officers: "Officers not in the plan (tick to create them):",
    paste_rows_of: "rows {}",
    col_line: "Line",
    col_code: "Code",
    col_title: "Criterion",
    col_points: "Points",
    col_who: "Units, officers",
    col_deadline: "Deadline",
    col_note: "Note",
    col_doubts: "To check",
    heading: "heading",
    support: "supporting",
    new_mark: "(new)",
    pts_score: "score",
    pts_self: "self-assessed",
    pts_loss: "lost",
    pts_max: "max",
    row_doubt: row_doubt_en,
    table_doubt: table_doubt_en,
    counts: [
        "{} criteria",
        "{} tasks",
        "{} units",
        "{} officers",
        "{} fields changed",
    ],
    kinds: [
        "Plan",
        "Criterion",
        "Task",
        "Evidence",
        "Unit",
        "Officer",
        "Target",
        "Ranking",
    ],
    other_kind: "Record",
    fields: &[
        ("plan", "Plan"),
        ("code", "Code"),
        ("title", "Title"),
        ("note", "Note"),
        ("origin", "Source"),
        ("order", "Order"),
        ("commune", "Commune"),
        ("name", "Name"),
        ("unit", "Unit"),
        ("date", "Date"),
        ("year", "Year"),
        ("score", "Score"),
        ("body", "Issuing body"),
        ("level", "Ranking level"),
        ("ranked", "Units ranked"),
        ("base_year", "Baseline year"),
        ("base_score", "Baseline score"),
        ("base_rank", "Baseline rank"),
        ("base_decision", "Published by decision"),
        ("base_decision_date", "Decision date"),
        ("base_decision_by", "Published by"),
        ("number", "Number"),
        ("place", "Place"),
        ("signer_authority", "Signing authority"),
        ("signer_position", "Signer's position"),
        ("signer", "Signer"),
        ("recipients", "Recipients"),
        ("goal", "Goal"),
        ("survey", "Survey points"),
        ("survey_max", "Survey max"),
        ("ranking_mode", "Ranking mode"),
        ("bands", "Score bands"),
        ("max", "Max points"),
        ("base", "Score"),
        ("base_self", "Baseline self-assessed"),
        ("self", "Self-assessed"),
        ("appraised", "Appraised"),
        ("stated_loss", "Loss as written"),
        ("deductions", "Deductions"),
        ("remark", "Remark"),
        ("written", "As written"),
        ("written_max", "Max as written"),
        ("written_score", "Score as written"),
        ("no_evidence_loss", "Lost for want of evidence"),
        ("detail", "Solution"),
        ("lead", "Lead units"),
        ("support", "Supporting units"),
        ("officers", "Officers"),
        ("leader", "Leader in charge"),
        ("deadline", "Deadline"),
        ("extensions", "Extensions"),
        ("status", "Status"),
        ("done_on", "Done on"),
        ("progress", "Progress"),
        ("doubts", "To check"),
        ("task", "Task"),
        ("issuer", "Issuer"),
        ("filed_at", "Filed at"),
        ("page", "Page"),
        ("file", "File"),
        ("uploaded", "Uploaded"),
        ("aliases", "Other names"),
        ("cmp", "Comparison"),
        ("goal_value", "Target value"),
        ("measure", "Measure"),
        ("deleted", "Deleted"),
    ],
    period_done: "Done for {}",
    value_on: "Value on {}",
    quarter: "Q{}/{}",
    empty: "(empty)",
    yes: "yes",
    no: "no",
    deleted: "deleted",
    live: "present",
};

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn both_languages_name_the_same_fields() {
        let keys = |t: &Exchange| t.fields.iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(keys(&VI), keys(&EN));
    }

    #[wasm_bindgen_test]
    fn fill_puts_arguments_in_order() {
        assert_eq!(fill("a {} b {} c", &["1", "2"]), "a 1 b 2 c");
        assert_eq!(fill("{} only", &[]), " only");
    }
}

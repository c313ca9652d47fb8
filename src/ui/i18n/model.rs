//! Words for the model's values and typed errors: statuses, deadlines, flags, refusals.
//! Core returns typed values; this is the one place that says them to the officer.

use cchc_core::model::deadline::date_vi;
use cchc_core::model::edit::InputError;
use cchc_core::model::flags::{Flag, ScoreKind};
use cchc_core::model::workspace::EditError;
use cchc_core::model::{Deadline, Doubt, Status};

pub struct Words {
    /// In the order of `Status::ALL`.
    pub statuses: [&'static str; 4],
    pub no_deadline: &'static str,
    pub monthly: &'static str,
    pub quarterly: &'static str,
    pub monthly_quarterly: &'static str,
    pub late: &'static str,
    pub due_soon: &'static str,
    pub on_track: &'static str,
    pub unknown: &'static str,
    pub flag: fn(&Flag) -> String,
    pub input_error: fn(&InputError) -> String,
    pub edit_error: fn(&EditError) -> String,
    /// What a reading of the source document left in doubt on a task.
    pub doubt: fn(&Doubt) -> String,
}

impl Words {
    pub fn status(&self, status: Status) -> &'static str {
        self.statuses[Status::ALL.iter().position(|s| *s == status).unwrap_or(0)]
    }

    /// A deadline as people write it: `10/11/2022`, `02/2022`, `Hàng tháng`.
    pub fn deadline(&self, deadline: Deadline) -> String {
        match deadline {
            Deadline::None => self.no_deadline.to_string(),
            Deadline::Date(d) => date_vi(d),
            Deadline::Month { year, month } => format!("{month:02}/{year:04}"),
            Deadline::Recurring {
                monthly: true,
                quarterly: true,
            } => self.monthly_quarterly.to_string(),
            Deadline::Recurring {
                quarterly: true, ..
            } => self.quarterly.to_string(),
            Deadline::Recurring { .. } => self.monthly.to_string(),
        }
    }
}

fn score_kind_vi(k: ScoreKind) -> &'static str {
    match k {
        ScoreKind::Base => "điểm đạt",
        ScoreKind::BaseSelf => "điểm tự chấm năm gốc",
        ScoreKind::SelfAssessed => "điểm tự chấm",
        ScoreKind::Appraised => "điểm thẩm định",
    }
}

fn flag_vi(flag: &Flag) -> String {
    match flag {
        Flag::LossMismatch {
            stated,
            computed,
            likely_max,
        } => {
            let likely = likely_max
                .map(|m| format!(" Có lẽ điểm tối đa là {m}."))
                .unwrap_or_default();
            format!("Văn bản ghi điểm trừ {stated}, nhưng tối đa − đạt = {computed}.{likely}")
        }
        Flag::ScoreAboveMax { which, score, max } => format!(
            "{} {score} lớn hơn điểm tối đa {max}.",
            capitalize(score_kind_vi(*which))
        ),
        Flag::Implausible {
            written_max,
            written_score,
            read_max,
            read_score,
        } => match (written_score, written_max) {
            (Some(s), Some(m)) => format!(
                "Văn bản ghi {}/{}, đã đọc là {}/{}.",
                s.to_vi(),
                m.to_vi(),
                read_score.map(|v| v.to_vi()).unwrap_or_default(),
                read_max.map(|v| v.to_vi()).unwrap_or_default()
            ),
            _ => "Con số không hợp lý: lớn hơn cả tổng điểm chỉ số (100).".to_string(),
        },
        Flag::SelfRejected {
            year_is_base,
            self_score,
            appraised,
        } => {
            let year = if *year_is_base { " năm gốc" } else { "" };
            format!(
                "Điểm tự chấm{year} {self_score} không được công nhận khi thẩm định ({appraised})."
            )
        }
        Flag::NoEvidence { lost } => {
            let points = lost.map(|p| format!(" {p} điểm")).unwrap_or_default();
            format!("Nhiệm vụ đã xong nhưng chưa có hồ sơ kiểm chứng: khi thẩm định sẽ bị 0 điểm, mất{points}.")
        }
    }
}

fn flag_en(flag: &Flag) -> String {
    match flag {
        Flag::LossMismatch {
            stated,
            computed,
            likely_max,
        } => {
            let likely = likely_max
                .map(|m| format!(" The max is probably {m}."))
                .unwrap_or_default();
            format!("The document states a loss of {stated}, but max − score = {computed}.{likely}")
        }
        Flag::ScoreAboveMax { score, max, .. } => format!("Score {score} is above the max {max}."),
        Flag::Implausible {
            written_max,
            written_score,
            read_max,
            read_score,
        } => match (written_score, written_max) {
            (Some(s), Some(m)) => format!(
                "Written as {}/{}, read as {}/{}.",
                s.to_vi(),
                m.to_vi(),
                read_score.map(|v| v.to_vi()).unwrap_or_default(),
                read_max.map(|v| v.to_vi()).unwrap_or_default()
            ),
            _ => "Implausible number: larger than the whole index (100).".to_string(),
        },
        Flag::SelfRejected {
            self_score,
            appraised,
            ..
        } => format!("Self-assessed {self_score} was not accepted at appraisal ({appraised})."),
        Flag::NoEvidence { .. } => {
            "Tasks done but no evidence: it will score 0 at appraisal.".to_string()
        }
    }
}

fn input_error_vi(e: &InputError) -> String {
    match e {
        InputError::NotANumber(t) => format!("“{t}” không phải là số. Hãy nhập số như 0,75 hoặc 0.75."),
        InputError::TooManyDecimals => "Chỉ được tối đa 3 chữ số sau dấu phẩy.".into(),
        InputError::TooLarge => "Số quá lớn.".into(),
        InputError::Negative => "Điểm không được âm.".into(),
        InputError::AboveMax(max) => format!("Điểm không được lớn hơn điểm tối đa ({max})."),
        InputError::BelowScore(score) => format!("Điểm tối đa không được nhỏ hơn điểm đã ghi ({score})."),
        InputError::NotADate(t) => format!("“{t}” không phải là ngày. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/10/2022."),
        InputError::NotACode(t) => format!("“{t}” không phải là mã tiêu chí. Mã gồm các số cách nhau bởi dấu chấm, ví dụ 2.2.1."),
        InputError::CodeTaken(c) => format!("Mã {c} đã có trong kế hoạch."),
        InputError::Empty => "Hãy nhập nội dung.".into(),
        InputError::InUse { tasks } => format!("Vẫn còn {tasks} nhiệm vụ gắn với mục này. Hãy giao các nhiệm vụ đó cho nơi khác hoặc xóa chúng trước."),
        InputError::NoSuchRecord(_) => "Mục này không còn (có thể vừa bị xóa).".into(),
        InputError::NotADeadline(t) => format!("“{t}” không phải là thời hạn. Hãy nhập ngày (10/11/2022), tháng (02/2022), “Hàng tháng”, “Hàng quý”, hoặc để trống."),
        InputError::OutOfRange { min, max } => format!("Hãy nhập số nguyên từ {min} đến {max}."),
        InputError::NameTaken(name) => format!("Đã có “{name}”. Hãy dùng tên khác."),
    }
}

fn input_error_en(e: &InputError) -> String {
    match e {
        InputError::NotANumber(t) => {
            format!("“{t}” is not a number. Type a number such as 0,75 or 0.75.")
        }
        InputError::TooManyDecimals => "At most 3 decimals.".into(),
        InputError::TooLarge => "The number is too large.".into(),
        InputError::Negative => "Points cannot be negative.".into(),
        InputError::AboveMax(max) => format!("The score cannot be above the max ({max})."),
        InputError::BelowScore(score) => {
            format!("The max cannot be below a recorded score ({score}).")
        }
        InputError::NotADate(t) => {
            format!("“{t}” is not a date. Type day/month/year, e.g. 15/10/2022.")
        }
        InputError::NotACode(t) => {
            format!("“{t}” is not a criterion code: numbers separated by dots, e.g. 2.2.1.")
        }
        InputError::CodeTaken(c) => format!("Code {c} is already in the plan."),
        InputError::Empty => "Please type something.".into(),
        InputError::InUse { tasks } => {
            format!("{tasks} tasks still name this. Reassign or delete them first.")
        }
        InputError::NoSuchRecord(_) => {
            "This item no longer exists (it may have just been deleted).".into()
        }
        InputError::NotADeadline(t) => format!(
            "“{t}” is not a deadline. Type a date (10/11/2022), a month (02/2022), \
“Monthly”, “Quarterly”, or leave it empty."
        ),
        InputError::OutOfRange { min, max } => {
            format!("Type a whole number from {min} to {max}.")
        }
        InputError::NameTaken(name) => format!("“{name}” already exists. Use another name."),
    }
}

fn edit_error_vi(e: &EditError) -> String {
    match e {
        EditError::NoSuchRecord(_) | EditError::IsDeleted(_) => {
            "Mục này không còn (có thể vừa bị xóa ở cửa sổ khác).".into()
        }
        EditError::AlreadyExists(_) => "Mục này đã có.".into(),
        EditError::NothingToUndo => "Không còn gì để hoàn tác.".into(),
        EditError::NothingToRedo => "Không còn gì để làm lại.".into(),
        EditError::ReadOnly => "Đang ở chế độ chỉ xem (dữ liệu do phiên bản mới hơn lưu): không sửa được. Hãy mở bản ứng dụng mới hơn.".into(),
    }
}

fn edit_error_en(e: &EditError) -> String {
    match e {
        EditError::NoSuchRecord(_) | EditError::IsDeleted(_) => {
            "This item no longer exists (it may have been deleted in another window).".into()
        }
        EditError::AlreadyExists(_) => "This item already exists.".into(),
        EditError::NothingToUndo => "Nothing left to undo.".into(),
        EditError::NothingToRedo => "Nothing left to redo.".into(),
        EditError::ReadOnly => "Read only (a newer version saved this data): nothing can be changed. Open the newer copy of the app.".into(),
    }
}

fn doubt_vi(d: &Doubt) -> String {
    match d {
        Doubt::UnitSlip { written, unit } => {
            format!("Văn bản ghi “{written}”, có lẽ là nhầm của “{unit}”.")
        }
        Doubt::UnitsFromMergedCell { from_code } => format!(
            "Bộ phận chủ trì lấy từ ô gộp của dòng {from_code} trong văn bản: hãy kiểm tra."
        ),
        Doubt::UnknownUnit { written } => {
            format!("“{written}” không khớp bộ phận nào đã có.")
        }
        Doubt::Unread { text } => format!("Chưa đọc được: “{text}”."),
        Doubt::UnknownDeadline { written } => {
            format!("Thời hạn “{written}” không rõ dạng: hãy nhập lại.")
        }
    }
}

fn doubt_en(d: &Doubt) -> String {
    match d {
        Doubt::UnitSlip { written, unit } => {
            format!("The document writes “{written}”, probably a slip for “{unit}”.")
        }
        Doubt::UnitsFromMergedCell { from_code } => format!(
            "Lead units taken from the merged cell of row {from_code} in the document: please check."
        ),
        Doubt::UnknownUnit { written } => format!("“{written}” matches no known unit."),
        Doubt::Unread { text } => format!("Not understood: “{text}”."),
        Doubt::UnknownDeadline { written } => {
            format!("Deadline “{written}” is in an unknown form: please type it again.")
        }
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub const VI: Words = Words {
    statuses: [
        "Chưa thực hiện",
        "Đang thực hiện",
        "Hoàn thành",
        "Hoàn thành quá hạn",
    ],
    no_deadline: "Không ghi thời hạn",
    monthly: "Hàng tháng",
    quarterly: "Hàng quý",
    monthly_quarterly: "Hàng tháng, hàng quý",
    late: "Trễ hạn",
    due_soon: "Sắp đến hạn",
    on_track: "Trong hạn",
    unknown: "chưa có số liệu",
    flag: flag_vi,
    input_error: input_error_vi,
    edit_error: edit_error_vi,
    doubt: doubt_vi,
};

pub const EN: Words = Words {
    statuses: ["Not started", "In progress", "Done", "Done late"],
    no_deadline: "No deadline",
    monthly: "Monthly",
    quarterly: "Quarterly",
    monthly_quarterly: "Monthly and quarterly",
    late: "Late",
    due_soon: "Due soon",
    on_track: "On track",
    unknown: "no data yet",
    flag: flag_en,
    input_error: input_error_en,
    edit_error: edit_error_en,
    doubt: doubt_en,
};

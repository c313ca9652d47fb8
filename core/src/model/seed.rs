//! The built-in example: Kế hoạch 12/KH-UBND of Sơn Lĩnh commune, read as
//! `shared/seed/EXPECTED.md` settles it. Written by hand, row by row: the appendix
//! parser must arrive at the same records on its own, and tests compare the two.
//!
//! Every value carries the genesis stamp and every id derives from the plan and the
//! code, so two officers who each open the example hold the same records and merge.

use serde_json::{json, Value};

use super::doc::{Doc, Field, Kind, Record};
use super::ids;
use super::records::f;
use super::stamp::Stamp;

pub const COMMUNE: &str = "Sơn Lĩnh";
pub const YEAR: i32 = 2022;

/// The example plan's id.
pub fn plan_id() -> String {
    ids::plan(COMMUNE, YEAR)
}

/// The six units, their canonical names and the spellings the seed uses.
pub const UNITS: [(&str, &[&str]); 6] = [
    (
        "Văn phòng - Thống kê",
        &[
            "Công chức Văn phòng Thống kê",
            "Công chức Văn phòng -Thống kê",
            "Văn phòng UBND",
            "Văn phòng",
        ],
    ),
    (
        "Tư pháp - Hộ tịch",
        &[
            "Tư pháp",
            "Công chức Tư pháp - HT",
            "Công chức Tư pháp – Hộ tịch",
        ],
    ),
    ("Tài chính - Kế toán", &["Tài chính – KT"]),
    ("Văn hóa - Thông tin", &["Văn hóa – TT"]),
    (
        "Văn hóa - Xã hội",
        &["Văn hóa - XH", "Công chức Văn hóa - xã hội"],
    ),
    ("Địa chính", &[]),
];

const VP: &str = "Văn phòng - Thống kê";
const TP: &str = "Tư pháp - Hộ tịch";
const VHXH: &str = "Văn hóa - Xã hội";

/// Officers: name, unit, title.
pub const OFFICERS: [(&str, &str, &str); 4] = [
    ("Phong", VP, "Công chức Văn phòng - Thống kê"),
    ("Thuận", VHXH, "Công chức Văn hóa - Xã hội"),
    ("Phương", VHXH, "Công chức Văn hóa - Xã hội"),
    ("Long", TP, "Công chức Tư pháp - Hộ tịch"),
];

/// Who carries out an appendix row.
#[derive(Clone, Copy)]
pub enum Who {
    /// "Các bộ phận: Tư pháp, Tài chính – KT, …": all six units.
    AllSix,
    Units(&'static [&'static str]),
    Officers(&'static [&'static str]),
}

/// One appendix row, as EXPECTED.md reads it.
pub struct Row {
    pub code: &'static str,
    pub title: &'static str,
    pub max: Option<&'static str>,
    pub base: Option<&'static str>,
    pub base_self: Option<&'static str>,
    pub stated_loss: Option<&'static str>,
    pub deductions: &'static [(&'static str, &'static str)],
    pub remark: &'static str,
    /// The criterion cell as written, whitespace collapsed.
    pub written: &'static str,
    pub written_max: Option<&'static str>,
    pub written_score: Option<&'static str>,
    pub no_evidence_loss: bool,
    pub who: Who,
    /// Deadline in data form (`2022-11-10`, `2022-02`, `monthly`, …); empty is none.
    pub deadline: &'static str,
    /// What the unit cell says beyond the names.
    pub task_note: &'static str,
    /// Doubts the reading leaves: a unit slip, units from a merged cell.
    pub slip: Option<(&'static str, &'static str)>,
    pub merged_from: Option<&'static str>,
}

const ROW: Row = Row {
    code: "",
    title: "",
    max: None,
    base: None,
    base_self: None,
    stated_loss: None,
    deductions: &[],
    remark: "",
    written: "",
    written_max: None,
    written_score: None,
    no_evidence_loss: false,
    who: Who::Units(&[]),
    deadline: "",
    task_note: "",
    slip: None,
    merged_from: None,
};

/// Domain rows of the appendix.
pub const DOMAINS: [(&str, &str); 6] = [
    ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"),
    ("2", "CÔNG TÁC CẢI CÁCH THỂ CHẾ"),
    ("3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
    ("4", "CẢI CÁCH TỔ CHỨC BỘ MÁY"),
    ("5", "CẢI CÁCH CÔNG VỤ"),
    (
        "7",
        "XÂY DỰNG, PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
    ),
];

/// Headings: 7.1 is written without points; 2.3, 7.1.2 and 7.2 are implied by their children.
pub const HEADINGS: [(&str, &str, bool); 4] = [
    ("2.3", "", false),
    ("7.1", "Hiện đại nền hành chính", true),
    ("7.1.2", "", false),
    ("7.2", "", false),
];

pub const ROWS: [Row; 19] = [
    Row {
        code: "1.2",
        title: "Mức độ hoàn thành công tác CCHC",
        max: Some("0.75"),
        base: Some("0.71"),
        stated_loss: Some("0.04"),
        written: "Mức độ hoàn thành công tác CCHC điểm chấm 0,71/0,75 điểm thấp hơn 0.04 điểm:",
        who: Who::AllSix,
        deadline: "2022-11-10",
        ..ROW
    },
    Row {
        code: "1.3",
        title: "Báo cáo định kỳ hàng quý, hàng tháng về CCHC",
        max: Some("1"),
        base: Some("0.75"),
        stated_loss: Some("0.25"),
        remark: "báo cáo đủ chất lượng báo cáo chưa đạt",
        written: "Báo cáo định kỳ hàng quý, hàng tháng về CCHC điểm chấm 0.75/1đ điểm trừ 0.25 (báo cáo đủ chất lượng báo cáo chưa đạt)",
        who: Who::Units(&[VP]),
        deadline: "2022-11-15",
        ..ROW
    },
    Row {
        code: "1.5",
        title: "Khắc phục tồn tại hạn chế sau kiểm tra do cấp trên chỉ ra",
        max: Some("1"),
        base: Some("0.5"),
        stated_loss: Some("0.5"),
        written: "Khắc phục tồn tại hạn chế sau kiểm tra do cấp trên chỉ ra: 0.5/1 điểm điểm trừ là 0.5",
        who: Who::Units(&[VP]),
        deadline: "2022-11-15",
        ..ROW
    },
    Row {
        code: "1.7",
        title: "Viết sáng kiến kinh nghiệm",
        remark: "có ít nhất 02 sáng kiến kinh nghiệm",
        written: "Viết sáng kiến kinh nghiệm ( có ít nhất 02 sáng kiến kinh nghiệm)",
        who: Who::Officers(&["Phong", "Thuận", "Phương", "Long"]),
        deadline: "2022-09-30",
        ..ROW
    },
    Row {
        code: "1.8",
        title: "Thực hiện các nhiệm vụ do UBND, Chủ tịch UBND huyện giao",
        written: "Thực hiện các nhiệm vụ do UBND, Chủ tịch UBND huyện giao",
        who: Who::Units(&[VP]),
        deadline: "2022-11-15",
        task_note: "cả hệ thống chính trị thực hiện",
        ..ROW
    },
    Row {
        code: "2.2",
        title: "Rà soát văn bản QPPL",
        max: Some("1.57"),
        base: Some("1.25"),
        stated_loss: Some("0.5"),
        written: "Rà soát văn bản QPPL điểm 1,25/1.57 (điểm trừ 0.5)",
        who: Who::Units(&[TP]),
        deadline: "monthly+quarterly",
        ..ROW
    },
    Row {
        code: "2.2.1",
        title: "Công bố danh mục Văn bản Quy phạm pháp luật hết hiệu lùc, ngừng hiệu lực hàng năm",
        max: Some("0.25"),
        base: Some("0"),
        base_self: Some("0.25"),
        remark: "nội dung này không có điểm",
        written: "Công bố danh mục Văn bản Quy phạm pháp luật hết hiệu lùc, ngừng hiệu lực hàng năm điểm tự chấm 0.25 (nội dung này không có điểm)",
        who: Who::Units(&[TP]),
        deadline: "2022-11-15",
        ..ROW
    },
    Row {
        code: "2.2.3",
        title: "Xử lý rà soát",
        max: Some("0.5"),
        base: Some("0.25"),
        stated_loss: Some("0.25"),
        written: "Xử lý rà soát 0.25/0.50 (điểm trừ là 0.25 điểm)",
        who: Who::Units(&[TP]),
        deadline: "2022-11-15",
        ..ROW
    },
    Row {
        code: "2.3.1",
        title: "Tổ chức thực hiện các văn bản QPPL mới ban hành",
        max: Some("1"),
        base: Some("0.5"),
        stated_loss: Some("0.5"),
        written: "Tổ chức thực hiện các văn bản QPPL mới ban hành 0.5/1đ (điểm trừ là 0,5)",
        who: Who::Units(&[TP]),
        ..ROW
    },
    Row {
        code: "2.3.2",
        title: "Theo dõi tình hình thực thi pháp luật",
        max: Some("1.75"),
        base: Some("1.5"),
        stated_loss: Some("0.25"),
        written: "Theo dõi tình hình thực thi pháp luật 150/175 điểm (điểm trừ là 0.25 điểm)",
        written_max: Some("175"),
        written_score: Some("150"),
        who: Who::Units(&[TP]),
        deadline: "monthly+quarterly",
        ..ROW
    },
    Row {
        code: "3.2.2",
        title: "Số hóa thủ tục hành chính",
        max: Some("1"),
        base: Some("0"),
        remark: "không có điểm",
        written: "Số hóa thủ tục hành chính 1 điểm (không có điểm)",
        who: Who::Units(&[TP]),
        ..ROW
    },
    Row {
        code: "3.5.2",
        title: "Tổ chức thực hiện rà soát đánh giá thủ tục hành chính tại cơ quan đơn vị",
        max: Some("0.5"),
        base: Some("0"),
        remark: "Không có điểm; Vì không có văn bản, hồ sơ để chứng minh thực hiện",
        written: "Tổ chức thực hiện rà soát đánh giá thủ tục hành chính tại cơ quan đơn vị điểm 0.5 (Không có điểm) Vì không có văn bản, hồ sơ để chứng minh thực hiện)",
        no_evidence_loss: true,
        who: Who::Units(&[VP]),
        deadline: "2022-11-15",
        task_note: "và các bộ phận chuyên môn liên quan",
        ..ROW
    },
    Row {
        code: "3.5.3",
        title: "Kết quả thực hiện kế hoạch rà soát đánh gía",
        max: Some("0.5"),
        base: Some("0"),
        remark: "không có điểm",
        written: "Kết quả thực hiện kế hoạch rà soát đánh gía điểm 0.5 (không có điểm)",
        who: Who::Units(&[VP]),
        ..ROW
    },
    Row {
        code: "4.3",
        title: "Phân công cụ thể cho từng cán bộ, công chức",
        max: Some("1"),
        base: Some("0"),
        remark: "không có điểm",
        written: "Phân công cụ thể cho từng cán bộ, công chức 1 điểm (không có điểm)",
        who: Who::Units(&[VP]),
        deadline: "2022-02",
        ..ROW
    },
    Row {
        code: "4.4",
        title: "Thực hiện việc sắp xếp thôn, tổ dân phố theo quy mô hộ gia đình theo quy định",
        stated_loss: Some("2"),
        written: "Thực hiện việc sắp xếp thôn, tổ dân phố theo quy mô hộ gia đình theo quy định (trừ 2 điểm)",
        who: Who::Units(&[VP]),
        ..ROW
    },
    Row {
        code: "5.7.1",
        title: "Thực hiện tự kiểm tra kỷ luật, kỷ cương hành chính",
        max: Some("1"),
        base: Some("0.5"),
        stated_loss: Some("0.5"),
        written: "Thực hiện tự kiểm tra kỷ luật, kỷ cương hành chính 0.5/1 điểm (điểm trừ là 0,5 điểm)",
        who: Who::Units(&[VP]),
        deadline: "monthly",
        ..ROW
    },
    Row {
        code: "7.1.1.1",
        title: "Ứng dụng công nghệ thông tin",
        max: Some("4.25"),
        base: Some("2.75"),
        stated_loss: Some("1.5"),
        deductions: &[("1", "Chất lượng cổng thông tin"), ("0.5", "Kết quả phát triển chính quyền số theo bộ tiêu chí đánh giá")],
        written: "Ứng dụng công nghệ thông tin 2.75/4.25 điểm (Chất lượng cổng thông tin trừ 1 điểm; Kết quả phát triển chính quyền số theo bộ tiêu chí đánh giá điểm trừ 0.5 điểm)",
        who: Who::AllSix,
        slip: Some(("Tài chính – KH", "Tài chính - Kế toán")),
        ..ROW
    },
    Row {
        code: "7.1.2.7",
        title: "Tỷ lệ thủ tục hành chính được triển khai dịch vụ công trực tuyến mức độ 4",
        max: Some("1"),
        base: Some("0.5"),
        stated_loss: Some("0.5"),
        written: "Tỷ lệ thủ tục hành chính được triển khai dịch vụ công trực tuyến mức độ 4: 0,5/1 điểm (điểm trừ 0,5 điểm)",
        who: Who::AllSix,
        merged_from: Some("7.1.1.1"),
        ..ROW
    },
    Row {
        code: "7.2.1",
        title: "Áp dụng hệ thống quản lý chất lương ISO",
        max: Some("2.25"),
        base: Some("1.75"),
        stated_loss: Some("0.5"),
        written: "Áp dụng hệ thống quản lý chất lương ISO 1.75/2.25 điểm ( điểm trừ là 0.5 điểm)",
        who: Who::AllSix,
        merged_from: Some("7.1.1.1"),
        ..ROW
    },
];

/// Part II: solutions by domain. Domains 6 and 8 appear only here.
pub const SOLUTIONS: [(&str, &str, &[&str]); 8] = [
    (
        "1",
        "Công tác chỉ đạo điều hành cải cách hành chính",
        &[
            "Đẩy mạnh công tác tuyên truyền về CCHC bằng nhiều hình thức, nhằm nâng cao nhận thức, trách nhiệm của người dân và tổ chức về CCHC; tổ chức khảo sát, điều tra, đánh giá, đo lường sự hài lòng của người dân, tổ chức, doanh nghiệp đối với sự phục vụ của các ban ngành, cán bộ, công chức",
            "Tăng cường công tác tự kiểm tra, hướng dẫn, đôn đốc việc triển khai thực hiện. Xử lý kịp thời các vấn đề phát hiện qua kiểm tra, giám sát",
            "Nâng cao chất lượng các văn bản chỉ đạo, điều hành CCHC của xã. Phát huy tinh thần năng động, sáng tạo; có những sáng kiến mới trong công tác CCHC (phấn đấu có ít nhất 2 sáng kiến kinh nghiệm), gắn kết quả thực hiện CCHC với công tác thi đua, khen thưởng. Đồng thời bố trí đủ nguồn lực cho công tác CCHC",
            "Đẩy mạnh việc viết sáng kiến/giải pháp hữu ích về công tác CCHC. Thường xuyên rà soát để hoàn thành 100% các nhiệm vụ do UBND huyện, Chủ tịch UBND huyện giao trong năm",
        ],
    ),
    (
        "2",
        "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật",
        &[
            "Thực hiện kịp thời kế hoạch rà soát, hệ thống hóa văn bản QPPL; kiểm tra thực hiện văn bản QPPL tại xã",
            "Nâng cao chất lượng công tác soạn thảo và thẩm định văn bản, tránh tình trạng văn bản QPPL chứa TTHC hoặc văn bản hành chính thông thường chứa QPPL trái hoặc không phù hợp với quy định của pháp luật; đảm bảo tính khả thi, hiệu lực và hiệu quả...",
            "Rà soát, hướng dẫn các bộ phận và tổ chức thực hiện văn bản QPPL thuộc ngành và lĩnh vực được giao",
        ],
    ),
    (
        "3",
        "Cải cách thủ tục hành chính",
        &[
            "Kịp thời cập nhật các TTHC do Trung ương, tỉnh công bố, niêm yết công khai kịp thời tại bộ phận Tiếp nhận và trả kết quả, trên trang thông tin điện tử xã",
            "Nâng cao chất lượng giải quyết TTHC theo cơ chế một cửa, cơ chế một cửa liên thông; thực hiện nghiêm việc tiếp nhận và luân chuyển hồ sơ TTHC trên Hệ thống một cửa điện tử và dịch vụ công trực tuyến; chấm dứt tình trạng hồ sơ trễ hạn do không kết thúc trên hệ thống",
            "Rà soát các TTHC còn bất cập, chống chéo, kiến nghị cơ quan có thẩm quyền sửa đổi, thay thế",
        ],
    ),
    (
        "4",
        "Cải cách tổ chức bộ máy hành chính",
        &["Tiếp tục thực hiện có hiệu quả các nhiệm vụ theo các Nghị quyết của Hội nghị lần thứ 6 Ban Chấp hành Trung ương Đảng Khóa XII: số 18-NQ/TW ngày 25/10/2017 về một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả"],
    ),
    (
        "5",
        "Cải cách công vụ",
        &[
            "Tăng cường giáo dục ý thức, trách nhiệm, kỷ luật, kỷ cương của đội ngũ CBCC trong thực thi công vụ. Đẩy mạnh công tác đào tạo, bồi dưỡng trình độ chuyên môn, lý luận chính trị, quản lý nhà nước, ngoại ngữ và tin học cho cán bộ, công chức",
            "Tổ chức rà soát, đánh giá việc thực hiện nhiệm vụ của cán bộ, công chức ở các lĩnh vực nhạy cảm, dễ xảy ra tham nhũng, tiêu cực thuộc các danh mục vị trí việc làm theo quy định tại Nghị định số 59/2019 ngày 01/7/2019 của Chính phủ về quy định chi tiết một số điều và biện pháp thi hành Luật phòng chống tham nhũng, nhất là các lĩnh vực quản lý đất đai, đầu tư xây dựng, tài chính, chính sách …",
        ],
    ),
    (
        "6",
        "Cải cách tài chính công",
        &[
            "Xây dựng và thực hiện nghiêm túc kế hoạch thực hiện chế độ tự chủ, tự chịu trách nhiệm theo Nghị định số 130/2005/NĐ-CP ngày 17/10/2005 của Chính phủ, Nghị định số 117/2013/NĐ-CP ngày 07/10/2013 của Chính phủ về chế độ tự chủ đối với các cơ quan hành chính; Xây dựng, tổ chức thực hiện đảm bảo quy định Quy chế chi tiêu nội bộ, quản lý tài sản công. Triển khai đầy đủ, kịp thời các chế độ, chính sách liên quan đến thu nhập, tiền lương, phụ cấp và an sinh xã hội; chế độ chính sách đối với cán bộ, công chức",
            "Tiếp tục nâng cao hiệu quả phân bổ và sử dụng các nguồn lực tài chính, đặc biệt là nguồn vốn ngân sách nhà nước, trong đó từng bước giảm dần tỷ trọng chi thường xuyên để tăng chi đầu tư phát triển; đẩy mạnh thực hiện khoán chi. Nâng cao hiệu quả chi ngân sách, từng bước triển khai quản lý chi ngân sách theo kết quả thực hiện nhiệm vụ gắn với thực hiện các mục tiêu phát triển KT-XH",
            "Khắc phục kịp thời các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách",
        ],
    ),
    (
        "7",
        "Xây dựng và phát triển Chính phủ điện tử",
        &[
            "Nâng cấp, sửa chữa đảm bảo hạ tầng công nghệ thông tin đáp ứng cho điều hành, quản lý hệ thống mạng thông suốt. Thực hiện tốt công tác Ứng dụng công nghệ thông tin vào hoạt động quản lý, điều hành của cơ quan. Nâng cao trình độ áp dụng công nghệ thông tin của từng cán bộ, công chức. Thực hiện hiệu quả việc gửi nhận, quản lý công văn qua phần mềm Quản lý văn bản và hồ sơ công việc, chữ ký số, các phần mềm quản lý chuyên ngành khác. Phấn đấu trên 95% văn bản (trừ văn bản mật và tối mật) được trao đổi trực tuyến trong nội bộ, tiến tới không chuyển văn bản giấy",
            "Thực hiện hiệu quả ứng dụng chữ ký số cá nhân chuyên dùng trong các giao dịch điện tử thay thế các giao dịch bằng văn bản giấy cho người đứng đầu và cấp phó của người đứng đầu UBND xã",
            "Tuyên truyền cho người dân, doanh nghiệp tăng cường sử dụng dịch vụ công trực tuyến mức độ 3, phấn đấu trong năm có trên 50% tỷ lệ hồ sơ nộp trực tuyến trên tổng số hồ sơ tiếp nhận giải quyết qua DVC trực tuyến mức độ 3",
            "Tiếp tục xây dựng, nâng cấp Trang thông tin điện tử và nâng cấp các hệ thống thông tin quản lý. Thực hiện cập nhật các tin bài và công khai minh bạch thông tin trên Trang thông tin điện tử của xã; cung cấp đầy đủ các biểu mẫu, thủ tục hành chính lên Trang thông tin. Công khai minh bạch thông tin theo Quyết định 739/QĐ-UBND ngày 22/3/2017 của UBND tỉnh nhằm đảm bảo quyền và cơ hội tiếp cận thông tin của người dân hướng đến nền hành chính thân thiện, minh bạch và hiệu quả",
            "Thực hiện tốt việc áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015 trong hoạt động của đơn vị đảm bảo thực chất, hiệu quả. Thực hiện việc rà soát quy trình nội bộ giải quyết TTHC để đề xuất sửa đổi, bổ sung kịp thời đáp ứng yêu cầu",
        ],
    ),
    (
        "8",
        "Tác động của cải cách đến sự phát triển KTXH của địa phương",
        &[
            "Tổ chức thực hiện 100% chỉ tiêu phát triển kinh tế xã hội do huyện, HĐND xã giao và vượt",
            "Đẩy mạnh công tác tuyên truyền, nâng cao sự hiểu biết của cán bộ, công chức đối với việc thực hiện công tác cải cách hành chính, nâng cao kết quả đánh giá tác động (qua điều tra xã hội học) của xã",
        ],
    ),
];

/// Targets (chỉ tiêu): title, linked code, comparison, goal, measure.
pub const TARGETS: [(&str, &str, &str, &str, &str); 5] = [
    (
        "Sáng kiến kinh nghiệm về công tác CCHC",
        "1.7",
        ">=",
        "2",
        "count",
    ),
    (
        "Nhiệm vụ do UBND huyện, Chủ tịch UBND huyện giao được hoàn thành",
        "1.8",
        ">=",
        "100",
        "percent",
    ),
    (
        "Văn bản (trừ văn bản mật và tối mật) được trao đổi trực tuyến trong nội bộ",
        "7",
        ">",
        "95",
        "percent",
    ),
    (
        "Hồ sơ nộp trực tuyến trên tổng số hồ sơ tiếp nhận giải quyết qua DVC trực tuyến mức độ 3",
        "7",
        ">",
        "50",
        "percent",
    ),
    (
        "Chỉ tiêu phát triển kinh tế - xã hội do huyện, HĐND xã giao được thực hiện",
        "8",
        ">=",
        "100",
        "percent",
    ),
];

pub const RECIPIENTS: [&str; 5] = [
    "Phòng Nội vụ",
    "TT Đảng ủy, TT HĐND xã",
    "Các ban, ngành cấp xã",
    "Trang thông tin điện tử xã",
    "Lưu: VP-UBND",
];

/// Adds records written by the example (genesis stamp).
struct Builder {
    doc: Doc,
}

impl Builder {
    fn put(&mut self, kind: Kind, id: String, fields: Vec<(&str, Value)>) {
        let mut record = Record::new(kind);
        for (name, value) in fields.into_iter().filter(|(_, v)| !v.is_null()) {
            record
                .fields
                .insert(name.to_string(), Field::new(value, Stamp::GENESIS));
        }
        self.doc.records.insert(id, record);
    }
}

fn opt(value: Option<&str>) -> Value {
    value.map_or(Value::Null, |v| json!(v))
}

fn text(value: &str) -> Value {
    if value.is_empty() {
        Value::Null
    } else {
        json!(value)
    }
}

/// The example plan as a document.
pub fn example() -> Doc {
    let plan = plan_id();
    let mut b = Builder {
        doc: Doc::default(),
    };
    b.put(
        Kind::Plan,
        plan.clone(),
        vec![
            (f::COMMUNE, json!(COMMUNE)),
            (f::BODY, json!("Ủy ban nhân dân xã Sơn Lĩnh")),
            (f::LEVEL, json!("district")),
            (f::RANKED, json!(25)),
            (f::YEAR, json!(YEAR)),
            (f::BASE_YEAR, json!(2021)),
            (f::BASE_SCORE, json!("75.84")),
            (f::BASE_RANK, json!(19)),
            (f::BASE_DECISION, json!("6298/QĐ-UBND")),
            (f::BASE_DECISION_DATE, json!("2021-11-23")),
            (f::BASE_DECISION_BY, json!("UBND huyện")),
            (f::NUMBER, json!("12/KH-UBND")),
            (f::DATE, json!("2022-02-28")),
            (f::PLACE, json!(COMMUNE)),
            (
                f::TITLE,
                json!("Khắc phục những tồn tại, hạn chế trong công tác cải cách hành chính năm 2021, giải pháp nâng cao chỉ số cải cách hành chính năm 2022"),
            ),
            (f::SIGNER_AUTHORITY, json!("TM. Ủy ban nhân dân")),
            (f::SIGNER_POSITION, json!("Chủ tịch")),
            (f::SIGNER, json!("Nguyễn Minh Tuấn")),
            (f::RECIPIENTS, json!(RECIPIENTS)),
            (f::GOAL, json!("Phấn đấu Chỉ số CCHC năm 2022 của xã xếp hạng ở vị trí đơn vị đứng tốp đầu của huyện")),
            (f::RANKING_MODE, json!("standard")),
        ],
    );
    let unit_id = |name: &str| ids::unit(COMMUNE, name);
    for (order, (name, aliases)) in UNITS.iter().enumerate() {
        b.put(
            Kind::Unit,
            unit_id(name),
            vec![
                (f::COMMUNE, json!(COMMUNE)),
                (f::NAME, json!(name)),
                (f::ALIASES, json!(aliases)),
                (f::ORDER, json!(order + 1)),
            ],
        );
    }
    for (name, unit, title) in OFFICERS {
        b.put(
            Kind::Officer,
            ids::officer(COMMUNE, name),
            vec![
                (f::COMMUNE, json!(COMMUNE)),
                (f::NAME, json!(name)),
                (f::UNIT, json!(unit_id(unit))),
                (f::TITLE, json!(title)),
            ],
        );
    }
    let criterion = |b: &mut Builder, code: &str, title: &str, origin: &str| {
        b.put(
            Kind::Criterion,
            ids::criterion(&plan, code),
            vec![
                (f::PLAN, json!(plan)),
                (f::CODE, json!(code)),
                (f::TITLE, text(title)),
                (f::ORIGIN, json!(origin)),
            ],
        );
    };
    for (code, title) in DOMAINS {
        criterion(&mut b, code, title, "appendix");
    }
    for (code, title, written) in HEADINGS {
        criterion(
            &mut b,
            code,
            title,
            if written { "appendix" } else { "inferred" },
        );
    }
    for row in &ROWS {
        add_row(&mut b, &plan, row);
    }
    for (code, title, bullets) in SOLUTIONS {
        if !DOMAINS.iter().any(|(c, _)| *c == code) {
            criterion(&mut b, code, title, "solutions");
        }
        for (order, bullet) in bullets.iter().enumerate() {
            b.put(
                Kind::Task,
                ids::task(&plan, code, bullet),
                vec![
                    (f::PLAN, json!(plan)),
                    (f::CODE, json!(code)),
                    (f::TITLE, json!(bullet)),
                    (f::STATUS, json!("not_started")),
                    (f::ORIGIN, json!("solutions")),
                    (f::ORDER, json!(order + 1)),
                ],
            );
        }
    }
    for (order, (title, code, cmp, goal, measure)) in TARGETS.iter().enumerate() {
        b.put(
            Kind::Target,
            ids::target(&plan, title),
            vec![
                (f::PLAN, json!(plan)),
                (f::TITLE, json!(title)),
                (f::CODE, json!(code)),
                (f::CMP, json!(cmp)),
                (f::GOAL_VALUE, json!(goal)),
                (f::MEASURE, json!(measure)),
                (f::ORDER, json!(order + 1)),
            ],
        );
    }
    b.doc
}

fn add_row(b: &mut Builder, plan: &str, row: &Row) {
    let deductions: Vec<Value> = row
        .deductions
        .iter()
        .map(|(points, reason)| json!({"points": points, "reason": reason}))
        .collect();
    b.put(
        Kind::Criterion,
        ids::criterion(plan, row.code),
        vec![
            (f::PLAN, json!(plan)),
            (f::CODE, json!(row.code)),
            (f::TITLE, json!(row.title)),
            (f::MAX, opt(row.max)),
            (f::BASE, opt(row.base)),
            (f::BASE_SELF, opt(row.base_self)),
            (f::STATED_LOSS, opt(row.stated_loss)),
            (
                f::DEDUCTIONS,
                if deductions.is_empty() {
                    Value::Null
                } else {
                    Value::Array(deductions)
                },
            ),
            (f::REMARK, text(row.remark)),
            (f::WRITTEN, json!(row.written)),
            (f::WRITTEN_MAX, opt(row.written_max)),
            (f::WRITTEN_SCORE, opt(row.written_score)),
            (
                f::NO_EVIDENCE_LOSS,
                if row.no_evidence_loss {
                    json!(true)
                } else {
                    Value::Null
                },
            ),
            (f::ORIGIN, json!("appendix")),
        ],
    );
    let unit_ids =
        |names: &[&str]| -> Vec<String> { names.iter().map(|n| ids::unit(COMMUNE, n)).collect() };
    let all_six: Vec<&str> = UNITS.iter().map(|(n, _)| *n).collect();
    let (lead, officers) = match row.who {
        Who::AllSix => (unit_ids(&all_six), Vec::new()),
        Who::Units(names) => (unit_ids(names), Vec::new()),
        Who::Officers(names) => (
            Vec::new(),
            names.iter().map(|n| ids::officer(COMMUNE, n)).collect(),
        ),
    };
    let mut doubts = Vec::new();
    if let Some((written, unit)) = row.slip {
        doubts.push(json!({"kind": "unit_slip", "written": written, "unit": unit}));
    }
    if let Some(from) = row.merged_from {
        doubts.push(json!({"kind": "units_from_merged_cell", "from_code": from}));
    }
    b.put(
        Kind::Task,
        ids::task(plan, row.code, row.title),
        vec![
            (f::PLAN, json!(plan)),
            (f::CODE, json!(row.code)),
            (f::TITLE, json!(row.title)),
            (
                f::LEAD,
                if lead.is_empty() {
                    Value::Null
                } else {
                    json!(lead)
                },
            ),
            (
                f::OFFICERS,
                if officers.is_empty() {
                    Value::Null
                } else {
                    json!(officers)
                },
            ),
            (f::DEADLINE, text(row.deadline)),
            (f::STATUS, json!("not_started")),
            (f::NOTE, text(row.task_note)),
            (
                f::DOUBTS,
                if doubts.is_empty() {
                    Value::Null
                } else {
                    Value::Array(doubts)
                },
            ),
            (f::ORIGIN, json!("appendix")),
        ],
    );
}

//! Every string the officer reads, in one place, so that an English table can be added beside
//! this Vietnamese one without touching the components.

use crate::router::View;

pub const APP_NAME: &str = "Theo dõi Chỉ số CCHC";
/// Shown under the app name until a plan is loaded (the model arrives in a later issue).
pub const NO_PLAN_YET: &str = "Chưa mở kế hoạch nào — xã, năm và kế hoạch sẽ hiện ở đây.";
pub const OFFICER_LABEL: &str = "Người dùng:";
pub const OFFICER_UNSET: &str = "chưa đặt tên (xem Cài đặt)";
pub const NAV_LABEL: &str = "Các phần của ứng dụng";

pub fn view_title(view: View) -> &'static str {
    match view {
        View::Overview => "Tổng quan",
        View::Plan => "Kế hoạch",
        View::Criteria => "Tiêu chí",
        View::Tasks => "Nhiệm vụ",
        View::People => "Bộ phận & công chức",
        View::Exchange => "Trao đổi dữ liệu",
        View::Reports => "Báo cáo",
        View::History => "Lịch sử",
        View::Settings => "Cài đặt",
    }
}

/// One line under each view's title saying what the view is for.
pub fn view_purpose(view: View) -> &'static str {
    match view {
        View::Overview => {
            "Xã đang ở đâu: điểm, xếp hạng, việc trễ hạn, việc sắp đến hạn, tiến độ từng bộ phận."
        }
        View::Plan => {
            "Kế hoạch khắc phục: số, ngày, người ký, năm gốc, điểm và xếp hạng, mục tiêu."
        }
        View::Criteria => {
            "Cây tiêu chí: điểm tối đa, điểm đạt, điểm tự chấm, điểm thẩm định, điểm bị mất."
        }
        View::Tasks => "Nhiệm vụ, giải pháp: bộ phận chủ trì, thời hạn, tiến độ, hồ sơ kiểm chứng.",
        View::People => "Bộ phận và công chức: ai phụ trách việc gì, khối lượng và tiến độ.",
        View::Exchange => "Xuất và nhập tệp JSON với đồng nghiệp, xem trước trước khi gộp.",
        View::Reports => "Báo cáo tiến độ và phụ lục theo Nghị định 30/2020, xuất Word và Excel.",
        View::History => "Các thay đổi đã làm, hoàn tác, và những xung đột cần xem lại.",
        View::Settings => "Tên người dùng, nơi lưu dữ liệu và các thiết lập khác.",
    }
}

/// Placeholder body of a view that a later step fills.
pub const VIEW_COMING: &str = "Phần này sẽ có ở bước tiếp theo.";

pub const SETTINGS_OFFICER_NAME: &str = "Tên của tôi";
pub const SETTINGS_OFFICER_HINT: &str =
    "Ghi vào các tệp bạn xuất ra để đồng nghiệp biết ai đã sửa. Ví dụ: Nguyễn Văn Phong.";
pub const SAVED: &str = "Đã lưu";
pub const SAVED_IN_MEMORY: &str = "Đã ghi nhớ tạm (chưa lưu được vào trình duyệt)";
pub const DATA_WHERE_TITLE: &str = "Dữ liệu được lưu ở đâu";
pub const DATA_WHERE: &str = "Dữ liệu chỉ nằm trong trình duyệt này, trên máy này. Trình duyệt \
khác hoặc máy khác không thấy được. Muốn sao lưu hay chuyển sang máy khác, hãy xuất tệp ở phần \
Trao đổi dữ liệu.";

pub const STORAGE_BLOCKED: &str = "Trình duyệt không cho phép lưu dữ liệu (localStorage bị chặn).";
pub const STORAGE_QUOTA: &str = "Bộ nhớ lưu trữ của trình duyệt đã đầy, không lưu thêm được.";
pub const STORAGE_BROWSER: &str = "Trình duyệt báo lỗi khi đọc hoặc ghi dữ liệu.";
/// Banner shown while running on memory only; followed by the reason.
pub const MEMORY_MODE_BANNER: &str = "Đang chạy tạm trong bộ nhớ: mọi thay đổi sẽ mất khi đóng \
hoặc tải lại trang. Hãy xuất tệp dữ liệu trước khi đóng, hoặc mở ứng dụng bằng Chrome/Cốc Cốc \
thông thường (không ở chế độ ẩn danh).";
pub const STORAGE_READ_FAILED: &str = "Không đọc được dữ liệu đã lưu:";
pub const STORAGE_WRITE_FAILED: &str = "Không lưu được:";

// Panic banner: built in plain DOM after the wasm module has died.
pub const PANIC_TITLE: &str = "Ứng dụng gặp lỗi và đã dừng";
pub const PANIC_BODY: &str = "Những gì đã lưu trong trình duyệt vẫn còn. Hãy bấm \"Tải dữ liệu \
của tôi\" để giữ một bản sao, rồi tải lại trang (phím F5). Nếu lỗi lặp lại, hãy bấm \"Sao chép \
chi tiết\" và gửi cho người phụ trách kỹ thuật.";
pub const PANIC_COPY: &str = "Sao chép chi tiết";
pub const PANIC_DOWNLOAD: &str = "Tải dữ liệu của tôi";

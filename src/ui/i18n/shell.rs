//! Strings of the frame around every view: header, navigation, banners, first run,
//! undo and redo, saving, and the panic banner.

use crate::router::View;

pub struct Shell {
    pub app_name: &'static str,
    pub skip_link: &'static str,
    pub no_plan_yet: &'static str,
    pub officer_label: &'static str,
    pub officer_unset: &'static str,
    pub nav_label: &'static str,
    pub year_label: &'static str,
    pub view_titles: [&'static str; 9],
    pub view_purposes: [&'static str; 9],
    pub undo: &'static str,
    pub redo: &'static str,
    pub undo_hint: &'static str,
    pub redo_hint: &'static str,
    pub nothing_to_undo: &'static str,
    pub undone: &'static str,
    pub redone: &'static str,
    pub saved: &'static str,
    pub saving: &'static str,
    /// Saving after the last save failed.
    pub saving_again: &'static str,
    pub saved_in_memory: &'static str,
    pub save_failed: &'static str,
    pub read_only: &'static str,
    pub first_run_title: &'static str,
    pub first_run_intro: &'static str,
    pub open_example: &'static str,
    pub open_example_hint: &'static str,
    pub create_blank: &'static str,
    pub create_blank_hint: &'static str,
    pub import_file: &'static str,
    pub import_file_hint: &'static str,
    pub storage_blocked: &'static str,
    pub storage_quota: &'static str,
    pub storage_browser: &'static str,
    pub memory_mode_banner: &'static str,
    pub storage_read_failed: &'static str,
    pub storage_write_failed: &'static str,
    pub storage_frozen: &'static str,
    pub blocked: &'static str,
    pub put_aside: &'static str,
    pub download_raw: &'static str,
    pub dismiss: &'static str,
    pub quota_banner: &'static str,
    pub export_backup: &'static str,
    pub export_reminder: &'static str,
    pub exported: &'static str,
    pub export_failed: &'static str,
    pub leave_unsaved: &'static str,
    pub leave_memory_only: &'static str,
    pub download_no_memory: &'static str,
    pub download_page_failed: &'static str,
    pub browser_said: &'static str,
    pub backups_title: &'static str,
    pub backups_intro: &'static str,
    pub backups_none: &'static str,
    pub backup_of: &'static str,
    pub backup_restore: &'static str,
    pub backup_restore_confirm: &'static str,
    pub backup_restored: &'static str,
    pub backup_unreadable: &'static str,
    pub recoveries_title: &'static str,
    pub panic_title: &'static str,
    pub panic_body: &'static str,
    pub panic_copy: &'static str,
    pub panic_download: &'static str,
}

impl Shell {
    pub fn view_title(&self, view: View) -> &'static str {
        self.view_titles[index(view)]
    }

    /// One line under each view's title saying what the view is for.
    pub fn view_purpose(&self, view: View) -> &'static str {
        self.view_purposes[index(view)]
    }
}

fn index(view: View) -> usize {
    View::ALL.iter().position(|v| *v == view).unwrap_or(0)
}

pub const VI: Shell = Shell {
    app_name: "Theo dõi Chỉ số CCHC",
    skip_link: "Bỏ qua, đến nội dung",
    no_plan_yet: "Chưa mở kế hoạch nào.",
    officer_label: "Người dùng:",
    officer_unset: "chưa đặt tên (xem Cài đặt)",
    nav_label: "Các phần của ứng dụng",
    year_label: "Kế hoạch",
    view_titles: [
        "Tổng quan",
        "Kế hoạch",
        "Tiêu chí",
        "Nhiệm vụ",
        "Bộ phận & công chức",
        "Trao đổi dữ liệu",
        "Báo cáo",
        "Lịch sử",
        "Cài đặt",
    ],
    view_purposes: [
        "Xã đang ở đâu: điểm, xếp hạng, việc trễ hạn, việc sắp đến hạn, tiến độ từng bộ phận.",
        "Kế hoạch khắc phục: số, ngày, người ký, năm gốc, điểm và xếp hạng, mục tiêu.",
        "Cây tiêu chí: điểm tối đa, điểm đạt, điểm tự chấm, điểm thẩm định, điểm bị mất.",
        "Nhiệm vụ, giải pháp: bộ phận chủ trì, thời hạn, tiến độ, hồ sơ kiểm chứng.",
        "Bộ phận và công chức: ai phụ trách việc gì, khối lượng và tiến độ.",
        "Xuất và nhập tệp JSON với đồng nghiệp, xem trước trước khi gộp.",
        "Báo cáo tiến độ và phụ lục theo Nghị định 30/2020, xuất Word và Excel.",
        "Các thay đổi đã làm, hoàn tác, và những xung đột cần xem lại.",
        "Tên người dùng, ngày xem xét, ngôn ngữ và nơi lưu dữ liệu.",
    ],
    undo: "Hoàn tác",
    redo: "Làm lại",
    undo_hint: "Hoàn tác thay đổi vừa rồi (Ctrl+Z)",
    redo_hint: "Làm lại thay đổi vừa hoàn tác (Ctrl+Y)",
    nothing_to_undo: "Không còn gì để hoàn tác.",
    undone: "Đã hoàn tác.",
    redone: "Đã làm lại.",
    saved: "Đã lưu",
    saving: "Đang lưu…",
    saving_again: "Đang thử lưu lại…",
    saved_in_memory: "Đã ghi nhớ tạm (chưa lưu được vào trình duyệt)",
    save_failed: "Chưa lưu được:",
    read_only:
        "Chỉ xem: dữ liệu này do phiên bản mới hơn của ứng dụng lưu, bản này không ghi đè lên.",
    first_run_title: "Bắt đầu",
    first_run_intro: "Trình duyệt này chưa có kế hoạch nào. Chọn một cách để bắt đầu:",
    open_example: "Mở kế hoạch mẫu (Sơn Lĩnh 2022)",
    open_example_hint:
        "Kế hoạch số 12/KH-UBND của xã Sơn Lĩnh: 19 tiêu chí bị trừ điểm, 23 giải pháp, 5 chỉ tiêu.",
    create_blank: "Tạo kế hoạch trống",
    create_blank_hint: "Nhập thông tin kế hoạch của xã mình, rồi thêm tiêu chí và nhiệm vụ.",
    import_file: "Nhập tệp",
    import_file_hint: "Mở tệp JSON do đồng nghiệp gửi (ở phần Trao đổi dữ liệu).",
    storage_blocked: "Trình duyệt không cho phép lưu dữ liệu (localStorage bị chặn).",
    storage_quota: "Bộ nhớ lưu trữ của trình duyệt đã đầy, không lưu thêm được.",
    storage_browser: "Trình duyệt báo lỗi khi đọc hoặc ghi dữ liệu.",
    memory_mode_banner: "Đang chạy tạm trong bộ nhớ: mọi thay đổi sẽ mất khi đóng hoặc tải lại \
trang. Hãy xuất tệp dữ liệu trước khi đóng, hoặc mở ứng dụng bằng Chrome/Cốc Cốc thông thường \
(không ở chế độ ẩn danh).",
    storage_read_failed: "Không đọc được dữ liệu đã lưu:",
    storage_write_failed: "Không lưu được:",
    storage_frozen: "Không ghi: dữ liệu đang ở chế độ chỉ xem.",
    blocked: "Dữ liệu đã lưu trong trình duyệt không đọc được, và bộ nhớ đầy nên không cất riêng được: \
ứng dụng sẽ không ghi đè lên nó. Hãy tải bản gốc về, rồi giải phóng bộ nhớ của trình duyệt.",
    put_aside: "Dữ liệu đã lưu trong trình duyệt bị hỏng, không đọc được. Bản gốc đã được cất riêng \
nguyên vẹn, ứng dụng bắt đầu với dữ liệu trống. Hãy tải bản gốc về và gửi cho người phụ trách kỹ thuật.",
    download_raw: "Tải bản gốc về",
    dismiss: "Đóng",
    quota_banner: "Bộ nhớ của trình duyệt đã đầy: thay đổi mới chưa được lưu (vẫn còn trên màn hình, \
chưa mất). Hãy xuất tệp sao lưu ngay, rồi xóa bớt dữ liệu không cần trong trình duyệt.",
    export_backup: "Xuất tệp sao lưu",
    export_reminder: "Đã hơn 7 ngày chưa xuất tệp sao lưu. Dữ liệu chỉ nằm trong trình duyệt này, trên \
máy này: hãy xuất một tệp và cất vào USB hoặc gửi thư cho chính mình.",
    exported: "Đã xuất tệp sao lưu.",
    export_failed: "Không xuất được tệp:",
    leave_unsaved: "Có thay đổi chưa lưu được vào trình duyệt.",
    leave_memory_only: "Dữ liệu chỉ nằm trong bộ nhớ tạm: đóng trang sẽ mất các thay đổi chưa xuất ra tệp.",
    download_no_memory: "Trình duyệt không đủ bộ nhớ để tạo tệp. Hãy đóng bớt các thẻ và chương trình \
khác rồi bấm lại; đừng đóng trang này kẻo mất dữ liệu.",
    download_page_failed: "Trình duyệt không cho trang tải tệp về. Hãy bấm lại; nếu vẫn không được, \
đừng đóng trang này: chụp màn hình thông báo và gọi người phụ trách kỹ thuật.",
    browser_said: "trình duyệt báo",
    backups_title: "Bản sao lưu tự động",
    backups_intro: "Mỗi ngày có thay đổi, trình duyệt giữ lại trạng thái cuối ngày (tối đa 7 ngày, \
bỏ bản cũ nhất khi bộ nhớ chật). Khôi phục sẽ ghi lại các giá trị của ngày đó như một thay đổi mới, \
có thể hoàn tác.",
    backups_none: "Chưa có bản sao lưu nào (bản đầu tiên có từ ngày làm việc thứ hai).",
    backup_of: "Cuối ngày",
    backup_restore: "Khôi phục",
    backup_restore_confirm: "Khôi phục kế hoạch về trạng thái cuối ngày này? Có thể hoàn tác bằng nút Hoàn tác.",
    backup_restored: "Đã khôi phục. Bấm Hoàn tác nếu muốn quay lại.",
    backup_unreadable: "Không đọc được bản sao lưu này.",
    recoveries_title: "Dữ liệu hỏng đã cất riêng",
    panic_title: "Ứng dụng gặp lỗi và đã dừng",
    panic_body: "Những gì đã lưu trong trình duyệt vẫn còn. Hãy bấm \"Tải dữ liệu của tôi\" để \
giữ một bản sao, rồi tải lại trang (phím F5). Nếu lỗi lặp lại, hãy bấm \"Sao chép chi tiết\" và \
gửi cho người phụ trách kỹ thuật.",
    panic_copy: "Sao chép chi tiết",
    panic_download: "Tải dữ liệu của tôi",
};

pub const EN: Shell = Shell {
    app_name: "PAR Index Tracker",
    skip_link: "Skip to content",
    no_plan_yet: "No plan open yet.",
    officer_label: "User:",
    officer_unset: "no name set (see Settings)",
    nav_label: "Parts of the app",
    year_label: "Plan",
    view_titles: ["Overview", "Plan", "Criteria", "Tasks", "Units & officers", "Exchange data", "Reports", "History", "Settings"],
    view_purposes: [
        "Where the commune stands: points, rank, late tasks, tasks due soon, each unit's progress.",
        "The remediation plan: number, date, signer, baseline year, score and rank, goal.",
        "The criteria tree: max points, score, self-assessed, appraised, points lost.",
        "Tasks and solutions: lead units, deadlines, progress, evidence.",
        "Units and officers: who is in charge of what, their load and progress.",
        "Export and import JSON files with colleagues, with a preview before merging.",
        "Progress report and appendix in the layout of Decree 30/2020, Word and Excel exports.",
        "Changes made, undo, and conflicts to review.",
        "User name, as-of date, language and where the data is kept.",
    ],
    undo: "Undo",
    redo: "Redo",
    undo_hint: "Undo the last change (Ctrl+Z)",
    redo_hint: "Redo the change just undone (Ctrl+Y)",
    nothing_to_undo: "Nothing left to undo.",
    undone: "Undone.",
    redone: "Redone.",
    saved: "Saved",
    saving: "Saving…",
    saving_again: "Trying to save again…",
    saved_in_memory: "Kept in memory only (could not save to the browser)",
    save_failed: "Not saved:",
    read_only: "Read only: a newer version of the app saved this data; this copy will not write over it.",
    first_run_title: "Get started",
    first_run_intro: "This browser holds no plan yet. Choose how to start:",
    open_example: "Open the example plan (Sơn Lĩnh 2022)",
    open_example_hint: "Plan 12/KH-UBND of Sơn Lĩnh commune: 19 criteria that lost points, 23 solutions, 5 targets.",
    create_blank: "Create an empty plan",
    create_blank_hint: "Enter your commune's plan details, then add criteria and tasks.",
    import_file: "Import a file",
    import_file_hint: "Open a JSON file a colleague sent (in Exchange data).",
    storage_blocked: "The browser does not allow saving data (localStorage is blocked).",
    storage_quota: "The browser's storage is full; nothing more can be saved.",
    storage_browser: "The browser reported an error while reading or writing data.",
    memory_mode_banner: "Running in memory only: every change is lost when the page is closed \
or reloaded. Export a data file before closing, or open the app in normal Chrome/Cốc Cốc \
(not incognito).",
    storage_read_failed: "Could not read saved data:",
    storage_write_failed: "Could not save:",
    storage_frozen: "Not written: the data is shown read-only.",
    blocked: "The data saved in this browser cannot be read, and storage is too full to put it aside: \
the app will not write over it. Download the original, then free some browser storage.",
    put_aside: "The data saved in this browser is damaged and cannot be read. The original was put \
aside untouched and the app started empty. Download the original and send it to whoever looks after IT.",
    download_raw: "Download the original",
    dismiss: "Close",
    quota_banner: "The browser's storage is full: the latest changes are not saved (they are still on \
screen, not lost). Export a backup file now, then delete data you no longer need from the browser.",
    export_backup: "Export a backup file",
    export_reminder: "No backup file exported for more than 7 days. The data lives only in this browser \
on this computer: export a file and keep it on a USB stick or email it to yourself.",
    exported: "Backup file exported.",
    export_failed: "Could not export the file:",
    leave_unsaved: "Some changes could not be saved to the browser.",
    leave_memory_only: "The data is in memory only: closing the page loses the changes not exported to a file.",
    download_no_memory: "The browser has not enough memory to make the file. Close other tabs and \
programs, then click again; do not close this page or the data is lost.",
    download_page_failed: "The browser did not let the page download the file. Click again; if it \
still fails, do not close this page: take a screenshot of this message and call whoever looks after IT.",
    browser_said: "the browser said",
    backups_title: "Automatic backups",
    backups_intro: "For each day with changes the browser keeps how the plan stood at the end of the \
day (up to 7 days; the oldest go first when space is short). Restoring writes that day's values back \
as a new change, which Undo can take back.",
    backups_none: "No backup yet (the first one appears on the second day of work).",
    backup_of: "End of",
    backup_restore: "Restore",
    backup_restore_confirm: "Restore the plan to how it stood at the end of this day? Undo can take it back.",
    backup_restored: "Restored. Click Undo to go back.",
    backup_unreadable: "This backup cannot be read.",
    recoveries_title: "Damaged data put aside",
    panic_title: "The app hit an error and stopped",
    panic_body: "What was saved in the browser is still there. Click \"Download my data\" to keep \
a copy, then reload the page (F5). If it happens again, click \"Copy details\" and send them to \
whoever looks after IT.",
    panic_copy: "Copy details",
    panic_download: "Download my data",
};

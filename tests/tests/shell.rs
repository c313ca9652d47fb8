//! The shell, end to end: (a) trunk's dist/ served on 127.0.0.1 and (b) the single file from
//! file://. Each journey visits every view, saves the officer's name, reloads, checks it is
//! still there, checks Back, and fails on any browser console error.

use cchc_e2e::{dist_dir, single_file, Browser, StaticServer};

/// Every view, in nav order: (URL slug, title). Written out here, not imported from the app:
/// this is what the officer sees and bookmarks.
const VIEWS: &[(&str, &str)] = &[
    ("tong-quan", "Tổng quan"),
    ("ke-hoach", "Kế hoạch"),
    ("tieu-chi", "Tiêu chí"),
    ("nhiem-vu", "Nhiệm vụ"),
    ("bo-phan", "Bộ phận & công chức"),
    ("trao-doi", "Trao đổi dữ liệu"),
    ("bao-cao", "Báo cáo"),
    ("lich-su", "Lịch sử"),
    ("cai-dat", "Cài đặt"),
];

const OFFICER: &str = "Nguyễn Văn Phong";

async fn journey(browser: &Browser) {
    // Start-up: the Vietnamese shell; a new browser has no plan, so the first-run choice.
    browser.wait_text("h1", "Theo dõi Chỉ số CCHC").await;
    browser.wait_for("section.first-run").await;
    assert_eq!(browser.text("nav a[aria-current=page]").await, "Tổng quan");
    browser.click("#open-example").await;
    browser.wait_for("section[data-view=tong-quan]").await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;

    // Every view through the nav; the hash follows.
    for (slug, title) in VIEWS {
        browser.click(&format!("nav a[data-view={slug}]")).await;
        browser
            .wait_text(&format!("section[data-view={slug}] h2"), title)
            .await;
        assert_eq!(browser.hash().await, format!("#/{slug}"));
        assert_eq!(browser.text("nav a[aria-current=page]").await, *title);
    }

    // Save the officer's name (we are on Cài đặt, the last view).
    browser.type_into("#officer-name", OFFICER).await;
    browser.wait_text("#save-status", "Đã lưu").await;
    browser.wait_text("#header-officer", OFFICER).await;

    // Reload: same view (from the hash), same name and plan (from localStorage).
    browser.reload().await;
    browser.wait_for("section[data-view=cai-dat]").await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    browser.wait_text("#header-officer", OFFICER).await;
    assert_eq!(browser.value("#officer-name").await, OFFICER);

    // Back returns to the previous view, Forward comes again.
    browser.click("nav a[data-view=tieu-chi]").await;
    browser.wait_for("section[data-view=tieu-chi]").await;
    browser.back().await;
    browser.wait_for("section[data-view=cai-dat]").await;
    assert_eq!(browser.hash().await, "#/cai-dat");
    browser.back().await;
    browser.wait_for("section[data-view=lich-su]").await;
    browser.client().forward().await.expect("forward");
    browser.wait_for("section[data-view=cai-dat]").await;

    // The data is ours, under our prefix.
    let stored = browser
        .js("return JSON.parse(localStorage.getItem('cchc:prefs')).officer_name")
        .await;
    assert_eq!(stored.as_str(), Some(OFFICER));
    // The workspace is stored packed (LZ4, 15 bits per character), with its version beside it.
    let plan = browser
        .js("return localStorage.getItem('cchc:workspace').startsWith('cchc-lz4-15:')")
        .await;
    assert_eq!(plan.as_bool(), Some(true));
    let meta = browser
        .js("return JSON.parse(localStorage.getItem('cchc:meta')).schema")
        .await;
    assert_eq!(meta.as_u64(), Some(1));

    browser.assert_no_console_errors().await;
}

#[tokio::test]
async fn served_dist_journey() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::new().await;
    browser.open(&server.url("index.html")).await;
    journey(&browser).await;
    browser.close().await;
}

#[tokio::test]
async fn single_file_journey_from_file_url() {
    let browser = Browser::new().await;
    browser.open_single_file().await;
    journey(&browser).await;
    // Nothing was fetched: the page carries everything (the CSP would block it anyway).
    let fetched = browser
        .js("return performance.getEntriesByType('resource').map(e => e.name)")
        .await;
    assert_eq!(
        fetched,
        serde_json::json!([]),
        "resources loaded: {fetched}"
    );
    browser.close().await;
}

#[tokio::test]
async fn single_file_deep_link_opens_that_view() {
    let browser = Browser::new().await;
    // A browser that has a plan (a new one shows the first-run choice on any view).
    browser.open_single_file().await;
    browser.click("#open-example").await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    let url = format!("file://{}#/bao-cao", single_file().display());
    browser.open(&url).await;
    browser
        .wait_text("section[data-view=bao-cao] h2", "Báo cáo")
        .await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

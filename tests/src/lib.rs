//! Harness for the end-to-end tests: the built app in a real headless Chromium.
//!
//! ```ignore
//! let browser = Browser::new().await;
//! browser.open_single_file().await;
//! browser.click("nav a[data-view=cai-dat]").await;
//! browser.type_into("#officer-name", "Đ/c Phong").await;
//! browser.wait_text("#save-status", "Đã lưu").await;
//! browser.assert_no_console_errors().await;
//! browser.close().await;
//! ```
//!
//! - chromedriver runs in its own process group, killed with everything it started when the
//!   [`Browser`] is dropped, also when a test panics;
//! - each browser gets a fresh profile (`--user-data-dir` in a temp dir): tests never share
//!   localStorage;
//! - every wait polls a condition until a generous deadline; there are no fixed sleeps.
//!
//! Test code: failures panic with a message saying what was awaited.

mod server;

pub use server::StaticServer;

use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// How long any wait may take before the test fails. Generous: CI machines are slow and busy.
pub const TIMEOUT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(50);
/// The office screen the app is designed for.
pub const WINDOW: (u32, u32) = (1366, 768);

/// Flags for Chromium as root in a closed network (see DEVELOPERS.md).
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--lang=vi-VN",
];

/// The workspace's `dist/` (made by `make dist`).
pub fn dist_dir() -> PathBuf {
    // Run time first: `cargo test` sets it, and it names this checkout even when the binary in
    // a shared target dir was built from another one.
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .join("../dist")
}

/// `dist/cchc.html`, checked to exist.
pub fn single_file() -> PathBuf {
    let path = dist_dir().join("cchc.html");
    assert!(
        path.is_file(),
        "{} is missing: run `make dist` first",
        path.display()
    );
    path.canonicalize().unwrap()
}

/// chromedriver in its own process group; the group dies with this value.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let binary =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e} (make test installs it)"));
        let driver = Driver { child, port };
        let deadline = Instant::now() + TIMEOUT;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not listen on {port}"
            );
            std::thread::sleep(POLL);
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The whole group: chromedriver and every Chromium process it started.
        let pgid = self.child.id() as libc::pid_t;
        unsafe {
            libc::killpg(pgid, libc::SIGKILL);
        }
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}

/// A headless Chromium session. Fields drop in order: the session, then the driver group, then
/// the temp dirs.
pub struct Browser {
    client: Client,
    _driver: Driver,
    _profile: tempfile::TempDir,
    downloads: tempfile::TempDir,
}

impl Browser {
    pub async fn new() -> Browser {
        Browser::with_prefs(json!({})).await
    }

    /// A browser whose profile has extra Chromium preferences, e.g.
    /// `{"profile.default_content_setting_values.cookies": 2}` to block site data.
    pub async fn with_prefs(extra_prefs: Value) -> Browser {
        let driver = Driver::start();
        let profile = tempfile::tempdir().expect("temp dir");
        let downloads = tempfile::tempdir().expect("temp dir");
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        args.push(format!("--window-size={},{}", WINDOW.0, WINDOW.1));
        let mut prefs = json!({
            "download.default_directory": downloads.path(),
            "download.prompt_for_download": false,
        });
        if let (Some(prefs), Some(extra)) = (prefs.as_object_mut(), extra_prefs.as_object()) {
            prefs.extend(extra.clone());
        }
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": args,
                "prefs": prefs,
            },
            "goog:loggingPrefs": { "browser": "ALL" },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .expect("chromedriver session with headless Chromium");
        let browser = Browser {
            client,
            _driver: driver,
            _profile: profile,
            downloads,
        };
        // The viewport itself, not the window around it: headless windows lose ~140 px to
        // invisible browser chrome.
        browser
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": WINDOW.0, "height": WINDOW.1, "deviceScaleFactor": 1, "mobile": false }),
            )
            .await;
        browser
            .cdp(
                "Browser.setDownloadBehavior",
                json!({ "behavior": "allow", "downloadPath": browser.downloads.path() }),
            )
            .await;
        browser
    }

    /// The fantoccini client, for what the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    pub async fn open(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    /// `dist/cchc.html` from `file://`, as an officer double-clicks it.
    pub async fn open_single_file(&self) {
        self.open(&format!("file://{}", single_file().display()))
            .await;
    }

    /// Finds one element, waiting for it to appear.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.wait_until(&format!("element {css}"), || async move {
            self.client.find(Locator::Css(css)).await.ok()
        })
        .await
    }

    /// Waits until no element matches.
    pub async fn wait_gone(&self, css: &str) {
        self.wait_until(&format!("{css} to disappear"), || async move {
            match self.client.find_all(Locator::Css(css)).await {
                Ok(found) if found.is_empty() => Some(()),
                _ => None,
            }
        })
        .await
    }

    /// Waits until the element's text, trimmed, equals `text`.
    pub async fn wait_text(&self, css: &str, text: &str) {
        self.wait_shown(css, &format!("show {text:?}"), |shown| shown.trim() == text)
            .await;
    }

    /// Waits until the element's text contains `part` (a row among others, a message that
    /// replaces an earlier one).
    pub async fn wait_text_contains(&self, css: &str, part: &str) {
        self.wait_shown(css, &format!("contain {part:?}"), |shown| {
            shown.contains(part)
        })
        .await;
    }

    /// Waits until the element's text passes `ok`; on timeout, says what it showed last.
    async fn wait_shown(&self, css: &str, what: &str, ok: impl Fn(&str) -> bool) {
        let last = std::cell::RefCell::new(String::new());
        let (last_ref, ok) = (&last, &ok);
        let found = self
            .poll(move || async move {
                let el = self.client.find(Locator::Css(css)).await.ok()?;
                let shown = el.text().await.ok()?;
                let passed = ok(&shown);
                *last_ref.borrow_mut() = shown;
                passed.then_some(())
            })
            .await;
        let last = last.into_inner();
        assert!(
            found.is_some(),
            "timed out waiting for {css} to {what}; it shows {last:?}"
        );
    }

    pub async fn text(&self, css: &str) -> String {
        let el = self.wait_for(css).await;
        el.text().await.unwrap_or_default().trim().to_string()
    }

    pub async fn click(&self, css: &str) {
        let el = self.wait_for(css).await;
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Types into a field as an officer does: select what is there, type over it, leave with
    /// Tab (one change event, as in the browser; WebDriver's clear would send another).
    pub async fn retype(&self, css: &str, text: &str) {
        let field = self.wait_for(css).await;
        field
            .click()
            .await
            .unwrap_or_else(|e| panic!("focus {css}: {e}"));
        field
            .send_keys(&format!("\u{E009}a\u{E000}{text}\u{E004}"))
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Replaces the field's content with `text`, as typed on the keyboard.
    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.wait_for(css).await;
        el.clear()
            .await
            .unwrap_or_else(|e| panic!("clear {css}: {e}"));
        el.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// The value property of an input.
    pub async fn value(&self, css: &str) -> String {
        let el = self.wait_for(css).await;
        el.prop("value").await.ok().flatten().unwrap_or_default()
    }

    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload");
    }

    pub async fn back(&self) {
        self.client.back().await.expect("back");
    }

    /// `location.hash` of the page.
    pub async fn hash(&self) -> String {
        self.js("return location.hash")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Runs JavaScript in the page and returns its result.
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script {script:?}: {e}"))
    }

    /// A PNG of the viewport, written to `path` (parent dirs created).
    pub async fn screenshot(&self, path: &Path) {
        let png = self.client.screenshot().await.expect("screenshot");
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("screenshot dir");
        }
        std::fs::write(path, png).expect("write screenshot");
    }

    /// Where `Browser.setDownloadBehavior` puts downloads.
    pub fn downloads_dir(&self) -> &Path {
        self.downloads.path()
    }

    /// Waits for a finished download (no `.crdownload` left) and returns its path.
    pub async fn wait_download(&self) -> PathBuf {
        let dir = self.downloads.path().to_path_buf();
        self.wait_until("a finished download", || {
            let dir = dir.clone();
            async move {
                let entries = std::fs::read_dir(&dir).ok()?;
                let paths: Vec<PathBuf> =
                    entries.filter_map(Result::ok).map(|e| e.path()).collect();
                let busy = paths.iter().any(|p| {
                    p.extension()
                        .is_some_and(|x| x == "crdownload" || x == "tmp")
                });
                if busy {
                    return None;
                }
                paths.into_iter().find(|p| p.is_file())
            }
        })
        .await
    }

    /// A Chrome DevTools Protocol command through chromedriver (e.g. `Page.printToPDF`).
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.to_string(),
                params,
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// Browser console entries since the last call, as (level, message).
    pub async fn console_log(&self) -> Vec<(String, String)> {
        let entries = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .expect("browser log (goog:loggingPrefs)");
        entries
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|e| {
                        let field = |k: &str| e[k].as_str().unwrap_or_default().to_string();
                        (field("level"), field("message"))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Fails on any SEVERE console entry (errors, uncaught exceptions, failed loads).
    pub async fn assert_no_console_errors(&self) {
        let severe: Vec<String> = self
            .console_log()
            .await
            .into_iter()
            .filter(|(level, _)| level == "SEVERE")
            .map(|(_, message)| message)
            .collect();
        assert!(severe.is_empty(), "browser console errors: {severe:#?}");
    }

    /// Ends the session politely; dropping without it also cleans up, just less gently.
    pub async fn close(self) {
        let Browser {
            client,
            _driver,
            _profile,
            downloads,
        } = self;
        let _ = client.close().await;
        drop(_driver);
        drop((_profile, downloads));
    }

    /// Polls `probe` until it gives a value; panics after [`TIMEOUT`] naming `what`.
    pub async fn wait_until<T, F, Fut>(&self, what: &str, probe: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        match self.poll(probe).await {
            Some(value) => value,
            None => panic!("timed out after {TIMEOUT:?} waiting for {what}"),
        }
    }

    async fn poll<T, F, Fut>(&self, mut probe: F) -> Option<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(value) = probe().await {
                return Some(value);
            }
            if Instant::now() >= deadline {
                return None;
            }
            tokio::time::sleep(POLL).await;
        }
    }
}

/// chromedriver's `POST /session/{id}/se/log` for the `browser` log.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

/// chromedriver's `POST /session/{id}/goog/cdp/execute`.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

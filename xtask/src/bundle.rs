//! `dist/` without trunk: the same steps trunk takes for `index.html` (cargo build, wasm-bindgen,
//! wasm-opt -Oz, the stylesheets and the inline script copied), so that `make dist` and `make
//! test` need no trunk install (about nine minutes on a fresh machine). `make run` still serves
//! with trunk, whose `Trunk.toml` and `index.html` links stay the source of truth for what goes in.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::html::{self, Tag};

/// Where the app's wasm lands, and the name the bundle uses for it.
const APP: &str = "cchc";

pub fn build(root: &Path) -> Result<(), String> {
    let out = root.join("target/xtask-bundle");
    let dist = root.join("dist");
    cargo_build(root)?;
    let wasm = root
        .join("target/wasm32-unknown-unknown/release")
        .join(format!("{APP}.wasm"));
    run(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                APP,
                "--out-dir",
            ])
            .arg(&out)
            .arg(&wasm),
        "wasm-bindgen",
    )?;
    check_wasm_opt()?;
    let bg = out.join(format!("{APP}_bg.wasm"));
    run(
        Command::new("wasm-opt")
            .arg("-Oz")
            .arg("--output")
            .arg(&bg)
            .arg(&bg),
        "wasm-opt",
    )?;
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("cannot empty {}: {e}", dist.display()))?;
    }
    fs::create_dir_all(&dist).map_err(|e| format!("cannot create {}: {e}", dist.display()))?;
    for name in [format!("{APP}.js"), format!("{APP}_bg.wasm")] {
        copy(&out.join(&name), &dist.join(&name))?;
    }
    let index =
        fs::read_to_string(root.join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let page = rewrite(&index, root, &dist)?;
    fs::write(dist.join("index.html"), page).map_err(|e| format!("dist/index.html: {e}"))
}

fn cargo_build(root: &Path) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    run(
        Command::new(cargo).current_dir(root).args([
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            APP,
            "--bin",
            APP,
        ]),
        "cargo build",
    )
}

/// Debian's binaryen 108 silently breaks the module: refuse anything but 132.
fn check_wasm_opt() -> Result<(), String> {
    let output = Command::new("wasm-opt")
        .arg("--version")
        .output()
        .map_err(|e| {
            format!("cannot run wasm-opt ({e}): run `make dist`, which installs binaryen 132")
        })?;
    let version = String::from_utf8_lossy(&output.stdout);
    if version.contains("version 132") {
        Ok(())
    } else {
        Err(format!("wasm-opt must be binaryen 132 (found: {}); run `make dist`, which puts it first on PATH", version.trim()))
    }
}

fn run(command: &mut Command, what: &str) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("cannot run {what}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

/// Replaces trunk's `data-trunk` links as trunk would: the rust link by the module loader, css
/// links by stylesheet links (files copied), inline links by the file's text.
fn rewrite(index: &str, root: &Path, dist: &Path) -> Result<String, String> {
    let mut out = String::with_capacity(index.len() * 4);
    let mut last = 0;
    let mut loader = false;
    for tag in html::tags(index)?
        .iter()
        .filter(|t| t.name == "link" && t.attr("data-trunk").is_some())
    {
        out.push_str(&index[last..tag.span.start]);
        out.push_str(&replacement(tag, root, dist, &mut loader)?);
        last = tag.span.end;
    }
    out.push_str(&index[last..]);
    if loader {
        Ok(out)
    } else {
        Err("index.html has no <link data-trunk rel=\"rust\">".into())
    }
}

fn replacement(tag: &Tag, root: &Path, dist: &Path, loader: &mut bool) -> Result<String, String> {
    let href = tag.attr("href").unwrap_or_default();
    match tag.attr("rel").unwrap_or_default() {
        "rust" => {
            *loader = true;
            Ok(format!(
                "<script type=\"module\">\nimport init, * as bindings from './{APP}.js';\nawait init({{ module_or_path: './{APP}_bg.wasm' }});\nwindow.wasmBindings = bindings;\n</script>"
            ))
        }
        "css" => {
            let name = file_name(href)?;
            copy(&root.join(href), &dist.join(&name))?;
            Ok(format!("<link rel=\"stylesheet\" href=\"./{name}\">"))
        }
        "inline" => {
            let text = fs::read_to_string(root.join(href)).map_err(|e| format!("{href}: {e}"))?;
            Ok(format!("<script>{text}</script>"))
        }
        other => Err(format!(
            "unsupported <link data-trunk rel=\"{other}\"> in index.html"
        )),
    }
}

fn file_name(href: &str) -> Result<String, String> {
    PathBuf::from(href)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| format!("no file name in {href}"))
}

//! Build steps in Rust.
//!
//! - `cargo run -p xtask -- dist`: builds `dist/` as trunk would, without trunk (`bundle.rs`),
//!   then `single-file`.
//! - `cargo run -p xtask -- single-file`: turns trunk's `dist/` into `dist/cchc.html`, the one
//!   self-contained page an officer double-clicks (see ARCHITECTURE.md, "The single file").

mod bundle;
mod html;
mod minify;
mod single_file;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let root = workspace_root();
    let result = match task.as_str() {
        "dist" => bundle::build(&root).and_then(|()| make_single_file(&root)),
        "single-file" => make_single_file(&root),
        _ => Err("usage: cargo run -p xtask -- dist | single-file".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {task}: {message}");
            ExitCode::FAILURE
        }
    }
}

/// From the run-time `CARGO_MANIFEST_DIR` that `cargo run` sets (a binary in a shared target dir
/// may have been built from another checkout), else the compile-time one.
fn workspace_root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn make_single_file(root: &Path) -> Result<(), String> {
    let dist = root.join("dist");
    let out = dist.join("cchc.html");
    let bytes = single_file::build(&dist)?;
    std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("{}: {} bytes", out.display(), bytes.len());
    Ok(())
}

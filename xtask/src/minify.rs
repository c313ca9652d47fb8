//! The inline JS and CSS of the single file, minified by esbuild (installed from npm into
//! `.tools/` by `.ci/install-tools.sh`, pinned). They sit in the page as text, not gzipped
//! like the wasm, so every byte counts: about 38 KB off the file.

use std::io::Write;
use std::process::{Command, Stdio};

/// An ES module: top-level names are module-scoped, so esbuild may shorten them; exports and
/// property names (`window.wasmBindings`, `window.cchcRescue`) keep theirs.
pub fn js_module(text: &str) -> Result<String, String> {
    esbuild(text, &["--loader=js", "--format=esm"])
}

pub fn css(text: &str) -> Result<String, String> {
    esbuild(text, &["--loader=css"])
}

fn esbuild(text: &str, args: &[&str]) -> Result<String, String> {
    let mut child = Command::new("esbuild")
        .arg("--minify")
        .arg("--log-level=warning")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            format!("esbuild: {e} (run `make tools`: it installs esbuild into .tools/)")
        })?;
    if let Some(mut stdin) = child.stdin.take() {
        // If esbuild stopped early, writing fails; its own message (stderr) says why, below.
        let _ = stdin.write_all(text.as_bytes());
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("esbuild: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "esbuild failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("esbuild output: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_module_keeps_its_exports_and_the_window_properties_it_sets() {
        let module =
            "const cchcLongName = 1;\nexport function debug_panic() { return cchcLongName; }\n\
                      window.wasmBindings = { debug_panic };\n";
        let small = js_module(module).unwrap();
        assert!(small.len() < module.len(), "{small}");
        assert!(!small.contains("cchcLongName"), "{small}");
        assert!(small.contains("window.wasmBindings"), "{small}");
        assert!(small.contains("debug_panic"), "{small}");
    }

    #[test]
    fn css_keeps_its_rules() {
        let small =
            css(".a  {  color : red ; }\n\n/* why */\n@media print { nav { display: none } }")
                .unwrap();
        assert_eq!(small.trim(), ".a{color:red}@media print{nav{display:none}}");
    }
}

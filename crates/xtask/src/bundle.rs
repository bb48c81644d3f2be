//! The download a visitor waits for: gzip size of the release bundle, against a budget.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

/// Prints the raw and gzip size of every wasm, JS and CSS file in `dist`, and fails when the
/// gzip total exceeds `budget_bytes`.
pub fn report(dist: &Path, budget_bytes: u64) -> Result<(), String> {
    // What the page loads before its first figure: not the service worker, which the browser
    // fetches after the page has started, in the background.
    let mut files: Vec<(String, u64, u64)> = Vec::new();
    for (name, path) in dist_files(dist)? {
        let counted =
            matches!(path.extension().and_then(|e| e.to_str()), Some("wasm" | "js" | "css"));
        if !counted || name == "sw.js" {
            continue;
        }
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        files.push((name, bytes.len() as u64, gzip_len(&bytes)?));
    }
    println!("release bundle (dist/):");
    for (name, raw, gz) in &files {
        println!("  {name:<60} {raw:>9} B raw {gz:>9} B gzip");
    }
    let total: u64 = files.iter().map(|f| f.2).sum();
    println!(
        "  total transferred (gzip -9): {:.1} KB of a {:.0} KB budget",
        total as f64 / 1024.0,
        budget_bytes as f64 / 1024.0
    );
    if total > budget_bytes {
        Err(format!("bundle is {total} B gzip, over the {budget_bytes} B budget"))
    } else {
        Ok(())
    }
}

/// Every file under `root` (wasm-bindgen snippets live in a subfolder), as its path relative
/// to `root` with `/` separators and its full path, in name order.
pub fn dist_files(root: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<(), String> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out)?;
                continue;
            }
            let name = path
                .strip_prefix(root)
                .map_err(|e| e.to_string())?
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((name, path));
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(root, root, &mut out)?;
    out.sort();
    Ok(out)
}

pub fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    let compressed = encoder.finish().map_err(|e| e.to_string())?;
    Ok(compressed.len() as u64)
}

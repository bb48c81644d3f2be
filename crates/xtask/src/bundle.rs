//! The download a visitor waits for: gzip size of the release bundle, against a budget.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

/// Prints the raw and gzip size of every wasm, JS and CSS file in `dist`, and fails when the
/// gzip total exceeds `budget_bytes`.
pub fn report(dist: &Path, budget_bytes: u64) -> Result<(), String> {
    let mut files: Vec<(String, u64, u64)> = Vec::new();
    collect(dist, dist, &mut files)?;
    files.sort();
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

/// Every wasm, JS and CSS file under `dir` (wasm-bindgen snippets live in a subfolder) that
/// the page loads before its first figure: not the service worker, which the browser fetches
/// after the page has started, in the background.
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, u64, u64)>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files)?;
            continue;
        }
        let counted =
            matches!(path.extension().and_then(|e| e.to_str()), Some("wasm" | "js" | "css"))
                && path.strip_prefix(root).is_ok_and(|p| p != Path::new("sw.js"));
        if !counted {
            continue;
        }
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path.strip_prefix(root).unwrap_or(&path).display().to_string();
        files.push((name, bytes.len() as u64, gzip_len(&bytes)?));
    }
    Ok(())
}

pub fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    let compressed = encoder.finish().map_err(|e| e.to_string())?;
    Ok(compressed.len() as u64)
}

//! The service worker of the served release build, generated from Trunk's output (a Trunk
//! `post_build` hook runs `cargo xtask service-worker`): it caches every file of the build, so
//! the app reloads with no network, under a cache named by the files' content hash.
//!
//! The lifecycle is the browser's own, on purpose: a new version installs in the background
//! (once every file is cached), then waits; the page shows "update ready" and the new version
//! takes over only when the user chooses, or once no tab uses the old one. Only then is the old
//! cache deleted.

use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// Writes `sw.js` into a release build's directory. A debug build gets a worker that removes
/// itself and its caches: a cache would hide each rebuild from the developer, and a release
/// build served earlier at the same address would otherwise go on being served.
pub fn generate(dir: &Path, release: bool) -> Result<(), String> {
    let sw = dir.join("sw.js");
    if !release {
        return fs::write(&sw, REMOVE_ITSELF).map_err(|e| format!("{}: {e}", sw.display()));
    }
    // Every file but the worker itself and the offline file (which is not served).
    let files: Vec<(String, PathBuf)> = crate::bundle::dist_files(dir)?
        .into_iter()
        .filter(|(name, _)| name != "sw.js" && !name.ends_with("-offline.html"))
        .collect();
    let mut hash = Sha256::new();
    for (name, path) in &files {
        hash.update(name.as_bytes());
        hash.update(fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    let version: String = hash.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    // The start-up script is cached at the address the page loads it from, query included:
    // it reads the names of the files it starts from its own address.
    let index =
        fs::read_to_string(dir.join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let boot = index
        .split("src=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|src| src.contains("boot.js?"))
        .map(|src| src.replace("&amp;", "&"));
    let list = files
        .iter()
        .map(|(name, _)| name.clone())
        .chain(boot)
        .map(|name| format!("  \"{name}\",\n"))
        .collect::<String>();
    let text = format!(
        "// Generated from the build by `cargo xtask service-worker`: do not edit.\n\
         const CACHE = \"ai-footprint-{version}\";\n\
         const FILES = [\n  \"./\",\n{list}];\n\n{}",
        include_str!("service_worker.js")
    );
    fs::write(&sw, text).map_err(|e| format!("{}: {e}", sw.display()))?;
    println!("service worker: {} files cached as ai-footprint-{version}", files.len() + 1);
    Ok(())
}

/// The debug build's worker: takes over at once, deletes the app's caches, unregisters.
const REMOVE_ITSELF: &str = "// A debug build: no cache. This worker removes any earlier one and itself.\n\
self.addEventListener(\"install\", () => self.skipWaiting());\n\
self.addEventListener(\"activate\", (event) => {\n\
  event.waitUntil(caches.keys()\n\
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(\"ai-footprint-\")).map((k) => caches.delete(k))))\n\
    .then(() => self.registration.unregister()));\n\
});\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_file_and_names_the_cache_by_their_content() {
        let dir = std::env::temp_dir().join(format!("xtask-sw-{}", std::process::id()));
        fs::create_dir_all(dir.join("snippets/a")).expect("temp dir");
        fs::write(
            dir.join("index.html"),
            "<script src=\"/boot.js?js=a.js&amp;wasm=b.wasm\"></script>",
        )
        .expect("file");
        fs::write(dir.join("snippets/a/inline0.js"), "export {}").expect("file");
        fs::write(dir.join("ai-footprint-0.1.0-offline.html"), "big").expect("file");
        generate(&dir, true).expect("generated");
        let first = fs::read_to_string(dir.join("sw.js")).expect("written");
        assert!(first.contains("\"index.html\""));
        assert!(first.contains("\"/boot.js?js=a.js&wasm=b.wasm\""), "at the page's address");
        assert!(first.contains("\"snippets/a/inline0.js\""));
        assert!(!first.contains("offline.html"), "the offline file is not served");
        fs::write(dir.join("index.html"), "<html>changed</html>").expect("file");
        generate(&dir, true).expect("generated");
        let second = fs::read_to_string(dir.join("sw.js")).expect("written");
        let cache = |text: &str| text.lines().nth(1).map(str::to_owned);
        assert_ne!(cache(&first), cache(&second), "a changed file names a new cache");
        fs::remove_dir_all(&dir).expect("cleaned");
        let debug = std::env::temp_dir().join(format!("xtask-sw-debug-{}", std::process::id()));
        fs::create_dir_all(&debug).expect("temp dir");
        generate(&debug, false).expect("written without reading index.html");
        let removing = fs::read_to_string(debug.join("sw.js")).expect("written");
        assert!(removing.contains("unregister") && !removing.contains("fetch"));
        fs::remove_dir_all(&debug).expect("cleaned");
    }
}

//! `cargo xtask offline`: the whole app in one HTML file, for a USB stick and a room with no
//! network. A page opened from `file://` cannot fetch anything, its own files included, so
//! everything is inside: the CSS in a `<style>`, the JavaScript glue (with its snippets) and a
//! start-up script in one `<script type="module">`, and the wasm deflated and base64-encoded,
//! inflated by the browser's own `DecompressionStream`. The page's Content-Security-Policy
//! allows exactly that script and that style, by their SHA-256, and no connection at all.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use sha2::{Digest, Sha256};

/// Largest offline file, as the issue that asked for it set it: 1.4 × the gzipped wasm plus
/// 60 KB for the glue, the CSS and the page.
fn budget_bytes(wasm_gzip: u64) -> u64 {
    wasm_gzip * 14 / 10 + 60 * 1024
}

/// Builds `dist/ai-footprint-<version>-offline.html` from Trunk's release build in `dist/`;
/// returns its path.
pub fn build(root: &Path) -> Result<PathBuf, String> {
    let dist = root.join("dist");
    let named = |prefix: &str, suffix: &str| -> Result<PathBuf, String> {
        let mut found = fs::read_dir(&dist)
            .map_err(|e| format!("{}: {e}", dist.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                name.starts_with(prefix) && name.ends_with(suffix) && !name.contains("offline")
            });
        let first = found.next().ok_or_else(|| format!("dist/ has no {prefix}*{suffix}"))?;
        match found.next() {
            None => Ok(first),
            Some(_) => Err(format!("dist/ has more than one {prefix}*{suffix}: rebuild it")),
        }
    };
    let wasm = read(&named("ai-footprint-", "_bg.wasm")?)?;
    let glue = String::from_utf8(read(&named("ai-footprint-", ".js")?)?)
        .map_err(|_| "the JavaScript glue is not UTF-8".to_owned())?;
    let css = String::from_utf8(read(&named("main-", ".css")?)?)
        .map_err(|_| "the CSS is not UTF-8".to_owned())?;
    let icon = read(&root.join("assets/favicon.svg"))?;
    let page = String::from_utf8(read(&dist.join("index.html"))?)
        .map_err(|_| "dist/index.html is not UTF-8".to_owned())?;
    let body = page_body(&page)?;

    let glue = inline_snippets(&glue, &dist)?;
    if glue.contains("./snippets/") {
        return Err("the glue still refers to a snippet file (minified imports?)".into());
    }
    // The HTML parser turns CR LF into LF before the browser hashes an inline element: hashed
    // as the browser will see them (a checkout with Windows line endings).
    let css = css.replace("\r\n", "\n").replace('\r', "\n");
    // Inline text must not end its own element early, nor open a comment in module code.
    let (glue_lower, css_lower) = (glue.to_lowercase(), css.to_lowercase());
    if glue_lower.contains("</script")
        || glue_lower.contains("<!--")
        || css_lower.contains("</style")
    {
        return Err(
            "the glue or the CSS holds a closing tag or a comment opener: not inlinable".into()
        );
    }
    let deflated = deflate(&wasm)?;
    let script = format!(
        "{glue}\n\
         // The app's wasm, deflated, in base64: a page opened from a file cannot fetch it. In a\n\
         // block of its own: the glue's names are module-wide.\n\
         try {{\n\
         const deflated = Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0));\n\
         const inflated = new Blob([deflated]).stream().pipeThrough(new DecompressionStream(\"deflate-raw\"));\n\
         await __wbg_init({{ module_or_path: await new Response(inflated).arrayBuffer() }});\n\
         }} catch (error) {{\n\
           // As the served page's start-up script does: the first view says it could not start.\n\
           console.error(error);\n\
           document.querySelector(\".first-view-body\")?.classList.add(\"failed\");\n\
           document.getElementById(\"first-view-failed\")?.removeAttribute(\"hidden\");\n\
           document.getElementById(\"first-view-error\")?.append(String(error?.message ?? error));\n\
         }}\n",
        STANDARD.encode(&deflated)
    );
    let csp = format!(
        "default-src 'none'; script-src '{}' 'wasm-unsafe-eval'; style-src '{}'; img-src data:; \
         base-uri 'none'; form-action 'none'",
        csp_hash(&script),
        csp_hash(&css)
    );
    let html = format!(
        "<!doctype html>\n<html lang=\"en\" data-theme=\"auto\">\n<head>\n\
         <meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\" />\n\
         <meta name=\"description\" content=\"Energy, carbon and water of a company's AI, computed in your browser.\" />\n\
         <title>AI Footprint</title>\n\
         <link rel=\"icon\" href=\"data:image/svg+xml;base64,{}\" />\n\
         <style>{css}</style>\n\
         <script type=\"module\">{script}</script>\n\
         </head>\n<body>{body}</body>\n</html>\n",
        STANDARD.encode(&icon)
    );
    let out = dist.join(format!("ai-footprint-{}-offline.html", env!("CARGO_PKG_VERSION")));
    fs::write(&out, &html).map_err(|e| format!("{}: {e}", out.display()))?;

    let wasm_gzip = crate::bundle::gzip_len(&wasm)?;
    let budget = budget_bytes(wasm_gzip);
    let size = html.len() as u64;
    println!(
        "offline file {}: {:.1} KB (wasm {:.1} KB deflated, {:.1} KB in base64; glue {:.1} KB; \
         CSS {:.1} KB), budget {:.1} KB (1.4 × the {:.1} KB gzipped wasm + 60 KB)",
        out.display(),
        kb(size),
        kb(deflated.len() as u64),
        kb(deflated.len().div_ceil(3) as u64 * 4),
        kb(glue.len() as u64),
        kb(css.len() as u64),
        kb(budget),
        kb(wasm_gzip),
    );
    if size > budget {
        return Err(format!("the offline file is {size} B, over its {budget} B budget"));
    }
    Ok(out)
}

/// What is between `<body>` and `</body>` in the served page: its static first view, shown in
/// the offline file too while the wasm is inflated.
fn page_body(page: &str) -> Result<&str, String> {
    let start = page.find("<body>").ok_or("dist/index.html has no <body>")? + "<body>".len();
    let end = page.rfind("</body>").ok_or("dist/index.html has no </body>")?;
    let body = page.get(start..end).ok_or("dist/index.html: </body> before <body>")?;
    if body.to_lowercase().contains("<script") || body.contains(" style=") {
        return Err("the first view in index.html holds a script or an inline style".into());
    }
    Ok(body)
}

fn kb(bytes: u64) -> f64 {
    bytes as f64 / 1024.0
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The glue with each `import … from './snippets/…'` replaced by the snippet's code (its
/// `export`s dropped): an inline module cannot import a file. Any other import is an error, so
/// that a change in wasm-bindgen's output is noticed here rather than as a blank page.
fn inline_snippets(glue: &str, dist: &Path) -> Result<String, String> {
    let mut out = String::with_capacity(glue.len());
    for line in glue.lines() {
        if !line.starts_with("import ") {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let path = line
            .split(['\'', '"'])
            .nth(1)
            .filter(|p| p.starts_with("./snippets/"))
            .ok_or_else(|| format!("the glue imports something unexpected: {line}"))?;
        let snippet = String::from_utf8(read(&dist.join(path))?)
            .map_err(|_| format!("{path} is not UTF-8"))?;
        if snippet.lines().any(|l| l.starts_with("import ")) {
            return Err(format!("{path} imports another module"));
        }
        for l in snippet.lines() {
            out.push_str(l.strip_prefix("export ").unwrap_or(l));
            out.push('\n');
        }
    }
    Ok(out)
}

/// Raw deflate at the highest level (what `DecompressionStream("deflate-raw")` reads).
fn deflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

/// A CSP source for an inline script or style: `'sha256-<base64>'`.
fn csp_hash(text: &str) -> String {
    format!("sha256-{}", STANDARD.encode(Sha256::digest(text.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_inlined_without_their_exports_and_other_imports_refused() {
        let dir = std::env::temp_dir().join(format!("xtask-offline-{}", std::process::id()));
        fs::create_dir_all(dir.join("snippets/x")).expect("temp dir");
        fs::write(dir.join("snippets/x/inline0.js"), "export async function f() { return 1; }\n")
            .expect("snippet");
        let glue = "import { f } from './snippets/x/inline0.js';\nconst a = f;\n";
        let inlined = inline_snippets(glue, &dir).expect("inlined");
        assert_eq!(inlined, "async function f() { return 1; }\nconst a = f;\n");
        assert!(inline_snippets("import x from 'https://cdn.example/x.js';\n", &dir).is_err());
        fs::remove_dir_all(dir).expect("cleaned");
    }

    #[test]
    fn hashes_match_the_csp_spec_example() {
        // The example in CSP Level 3, section 8.3: `alert('Hello, world.');`.
        assert_eq!(
            csp_hash("alert('Hello, world.');"),
            "sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="
        );
    }
}

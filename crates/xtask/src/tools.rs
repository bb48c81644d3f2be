//! Installs the tool chain when it is missing, from the package registries only.
//!
//! Versions are pinned here, in one place, where the build depends on them: Trunk 0.21.14 (0.22
//! needs a newer rustc), leptosfmt 0.1.33, wasm-bindgen-cli equal to the `wasm-bindgen` crate in
//! Cargo.lock, wasm-opt from npm's binaryen (Debian's is too old to read current wasm), Debian's
//! Chromium and ChromeDriver; rustfmt and clippy are the toolchain's own.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run;

const TRUNK_VERSION: &str = "0.21.14";
/// The formatter of `view!` macros, which rustfmt leaves alone.
const LEPTOSFMT_VERSION: &str = "0.1.33";
/// Must equal the `wasm-bindgen` version pinned in Cargo.toml.
const WASM_BINDGEN_VERSION: &str = "0.2.130";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's ChromeDriver, matched to its Chromium.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// What a task needs beyond the Rust-to-wasm tool chain.
#[derive(Clone, Copy)]
pub struct Need {
    /// Chromium and ChromeDriver.
    pub browser: bool,
    /// The npm tooling (wasm-opt, playwright-core).
    pub npm: bool,
}

impl Need {
    /// Everything any task needs.
    pub fn everything() -> Self {
        Self { browser: true, npm: true }
    }
}

/// The lint layer's tools: rustfmt and clippy (components of the machine's one toolchain, so
/// their version is the compiler's), leptosfmt, and the wasm target.
pub fn ensure_lint_tools(root: &Path) -> Result<(), String> {
    ensure_wasm_target(root)?;
    ensure_cargo_tool(root, "leptosfmt", "leptosfmt", LEPTOSFMT_VERSION, &["--locked"])?;
    for (component, check) in [("rustfmt", "fmt"), ("clippy", "clippy")] {
        if output_of(root, "cargo", &[check, "--version"]).is_none() {
            step(&format!("installing the {component} component"));
            run(command(root, "rustup").args(["component", "add", component]))?;
        }
    }
    Ok(())
}

/// Installs whatever is missing for `need`; idempotent and quiet when all is present.
pub fn ensure_all(root: &Path, need: Need) -> Result<(), String> {
    ensure_wasm_target(root)?;
    ensure_cargo_tool(root, "trunk", "trunk", TRUNK_VERSION, &["--locked"])?;
    // No `--locked`: one of wasm-bindgen-cli's locked dependency versions is not on the
    // registry mirror, and its own version requirements resolve to a working set.
    ensure_cargo_tool(root, "wasm-bindgen", "wasm-bindgen-cli", WASM_BINDGEN_VERSION, &[])?;
    if need.npm {
        ensure_npm_packages(root)?;
    }
    if need.browser {
        ensure_chromium(root)?;
    }
    // Trunk builds offline (Trunk.toml) so it never downloads tools; fetch the crates first.
    step("fetching crates");
    run(command(root, "cargo").arg("fetch"))
}

/// A command run from the repository root, with cargo's and npm's tool folders on PATH.
pub fn command(root: &Path, program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(root).env("PATH", tool_path(root));
    cmd
}

fn tool_path(root: &Path) -> String {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin"));
    let mut dirs: Vec<PathBuf> = vec![root.join("node_modules/.bin")];
    dirs.extend(cargo_bin);
    let existing = std::env::var_os("PATH").unwrap_or_default();
    dirs.extend(std::env::split_paths(&existing));
    std::env::join_paths(dirs).map_or_else(
        |_| existing.to_string_lossy().into_owned(),
        |p| p.to_string_lossy().into_owned(),
    )
}

fn step(what: &str) {
    println!("==> {what}");
}

/// Standard output of a command, or `None` if it cannot run or fails.
fn output_of(root: &Path, program: &str, args: &[&str]) -> Option<String> {
    let out = command(root, program).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn ensure_wasm_target(root: &Path) -> Result<(), String> {
    let installed =
        output_of(root, "rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    step("adding the wasm32-unknown-unknown target");
    run(command(root, "rustup").args(["target", "add", WASM_TARGET]))
}

fn ensure_cargo_tool(
    root: &Path,
    binary: &str,
    package: &str,
    version: &str,
    extra: &[&str],
) -> Result<(), String> {
    let found = output_of(root, binary, &["--version"]).unwrap_or_default();
    if found.split_whitespace().nth(1) == Some(version) {
        return Ok(());
    }
    step(&format!("installing {package} {version} (takes several minutes on two cores)"));
    run(command(root, "cargo").args(["install", package, "--version", version]).args(extra))
}

fn ensure_npm_packages(root: &Path) -> Result<(), String> {
    let bin = root.join("node_modules/.bin");
    let installed = |package: &str| root.join("node_modules").join(package).exists();
    if bin.join("wasm-opt").exists() && installed("playwright-core") && installed("axe-core") {
        return Ok(());
    }
    if output_of(root, "npm", &["--version"]).is_none() {
        apt_install(root, &["nodejs", "npm"])?;
    }
    step("installing npm tooling (binaryen's wasm-opt, playwright-core)");
    run(command(root, "npm").args(["ci", "--no-audit", "--no-fund"]))
}

fn ensure_chromium(root: &Path) -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    apt_install(root, &["chromium", "chromium-driver"])
}

/// Installs Debian packages, as root directly or through sudo.
fn apt_install(root: &Path, packages: &[&str]) -> Result<(), String> {
    step(&format!("installing Debian packages: {}", packages.join(" ")));
    let is_root = output_of(root, "id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut cmd = if is_root { command(root, "apt-get") } else { command(root, "sudo") };
        if !is_root {
            cmd.arg("apt-get");
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt(&args)
}

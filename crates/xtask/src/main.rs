//! Project tasks, run as `cargo xtask <task>`: the README's two commands and their helpers.
//!
//! Every task first installs what it needs and is missing (the wasm target, Trunk,
//! wasm-bindgen-cli, the npm tooling, Debian's Chromium and ChromeDriver), from the package
//! registries only, so a fresh machine needs nothing but this repository and cargo.

mod bundle;
mod offline;
mod refdata;
mod service_worker;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

const USAGE: &str = "\
usage: cargo xtask <task>

  serve [--release]   build the app and serve it on http://127.0.0.1:8080
  offline             build dist/ai-footprint-<version>-offline.html: the whole app in one file
                      that opens by double-click, with no network
  test [LAYER...]     install what is missing, then run every test layer (or the named ones):
                        lint      cargo fmt --check, leptosfmt --check, and clippy with warnings
                                  as errors on the native workspace and on the app for wasm
                        engine    native unit, golden and property tests (cargo test)
                        browser   component tests in headless Chromium (wasm-bindgen-test)
                        bundle    release build; prints its gzip size, fails over budget;
                                  builds the offline file and fails over its budget
                        e2e       end-to-end tests of the release build (Playwright, Chromium)
                        bench     engine speed, native and in wasm (Node), slider-to-frame
                                  latency in Chromium, and a first visit on a throttled line:
                                  prints figures, never fails on timing
  setup               only install what is missing
  service-worker      write sw.js into the build Trunk is staging (its post_build hook runs this;
                      a debug build gets none)
  refdata --raw DIR --ecologits DIR [--iso3166 FILE]
                      regenerate the engine's reference tables from the raw data files
";

/// Gzip budget of the release bundle (wasm + JS + CSS), bytes. The portfolio builder fitted in
/// 300 KB (293.6); the four decision panels (SAIQ, what-if levers, Return on Environment,
/// projection) cost 66 KB more, spread over Leptos's per-view rendering code rather than any
/// one item. One bundle, not a second lazily loaded wasm: Trunk cannot split a wasm module, and
/// a second Leptos module would download the framework and the engine twice. Stable ids with
/// the reading of version-1 files, the resolve step with typed field paths and lever refusals,
/// the undo kept apart from notices and the question asked when a known portfolio arrives cost
/// 13.8 KB more (373.9 to 387.7), spread over the new views, signals, checks, number writing
/// and the three languages' new text. Saving that several tabs share without erasing each
/// other's work (per-portfolio entries with revisions, following other tabs, keeping both
/// versions of a conflict, kept-aside copies with their panel, the save indicator, the last
/// valid version saved), the limits checked before a file or link is read, the paged and
/// searchable list, and every file, link and storage message in three languages cost 33.5 KB
/// more (387.5 to 421.0): about 4 KB of it is text, the rest code spread over the new views
/// and signals; the browser's own case folding and search and one shared sort instance saved
/// 10 KB of the first version. The margin is kept small on purpose, so that the next feature
/// has to be weighed against its size. A phone's first minutes (the totals kept in sight, bar
/// charts as text, a typed comma read and said, undo from the keyboard) cost 4.4 KB more
/// (423.1 to 427.5): 3.7 KB of code is the number field's reading and its notes, 1.8 KB the
/// browser functions it newly calls (`Intl`, focus, key events), the rest spread over the
/// views. Decision panels a non-expert can trust (a caveat per lever, before and after per use
/// case, the SAIQ saying what it leaves out, the rebound as a percentage), countries named in
/// Chinese by the browser, counted units in each language and a projection axis with round
/// steps cost 7.5 KB more (427.5 to 435.0), most of it the new sentences in three languages.
/// Copying a share link where the clipboard needs the click (the write begun in it, Safari's
/// rule) or is missing (plain http on a network), with the link offered selected in a box and
/// the reason said, cost 3.0 KB more (435.0 to 438.0).
const BUNDLE_BUDGET_BYTES: u64 = 440 * 1024;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&root, args.iter().any(|a| a == "--release")),
        Some("test") => test(&root, &args[1..]),
        Some("setup") => tools::ensure_all(&root, tools::Need::everything()),
        Some("service-worker") => std::env::var("TRUNK_STAGING_DIR")
            .map_err(|_| "service-worker runs as Trunk's post_build hook".to_owned())
            .and_then(|dir| {
                let release = std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
                service_worker::generate(Path::new(&dir), release)
            }),
        Some("offline") => tools::ensure_all(&root, tools::Need { browser: false, npm: true })
            .and_then(|()| release_build(&root))
            .and_then(|()| offline::build(&root).map(|_| ())),
        Some("refdata") => refdata::Inputs::from_args(&args[1..]).and_then(|inputs| {
            refdata::generate(&inputs, &root.join("crates/engine/src/refdata/generated"))
        }),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root: two levels above this crate's manifest.
fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.ancestors().nth(2).unwrap_or(manifest).to_path_buf()
}

fn serve(root: &Path, release: bool) -> Result<(), String> {
    tools::ensure_all(root, tools::Need { browser: false, npm: release })?;
    println!("==> serving AI Footprint at http://127.0.0.1:8080 (Ctrl-C to stop)");
    let mut trunk = tools::command(root, "trunk");
    trunk.arg("serve");
    if release {
        trunk.arg("--release");
    }
    run(&mut trunk)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Layer {
    Lint,
    Engine,
    Browser,
    Bundle,
    E2e,
    Bench,
}

impl Layer {
    const ALL: [Layer; 6] =
        [Layer::Lint, Layer::Engine, Layer::Browser, Layer::Bundle, Layer::E2e, Layer::Bench];

    fn parse(name: &str) -> Option<Layer> {
        Self::ALL.into_iter().find(|l| l.name() == name)
    }

    fn name(self) -> &'static str {
        match self {
            Layer::Lint => "lint",
            Layer::Engine => "engine",
            Layer::Browser => "browser",
            Layer::Bundle => "bundle",
            Layer::E2e => "e2e",
            Layer::Bench => "bench",
        }
    }
}

fn test(root: &Path, names: &[String]) -> Result<(), String> {
    let layers: Vec<Layer> = if names.is_empty() {
        Layer::ALL.to_vec()
    } else {
        names
            .iter()
            .map(|n| Layer::parse(n).ok_or_else(|| format!("unknown test layer `{n}`\n{USAGE}")))
            .collect::<Result<_, _>>()?
    };
    // The native layers need no browser, npm or wasm tools (lint needs only the wasm target).
    let only_native = layers.iter().all(|l| matches!(l, Layer::Engine | Layer::Lint));
    let need = tools::Need {
        browser: layers.iter().any(|l| matches!(l, Layer::Browser | Layer::E2e | Layer::Bench)),
        npm: layers.iter().any(|l| matches!(l, Layer::Bundle | Layer::E2e | Layer::Bench)),
    };
    if layers.contains(&Layer::Lint) {
        tools::ensure_lint_tools(root)?;
    }
    if !only_native {
        tools::ensure_all(root, need)?;
    }

    let mut failed = Vec::new();
    let mut passed = 0;
    for layer in &layers {
        let started = Instant::now();
        println!("\n==> test layer `{}`", layer.name());
        let outcome = match layer {
            Layer::Lint => lint(root),
            Layer::Engine => run(tools::command(root, "cargo").args(["test", "--workspace"])),
            Layer::Browser => run(tools::command(root, "cargo")
                .args(["test", "--target", "wasm32-unknown-unknown", "-p", "ai-footprint"])
                .args(["--test", "components"])
                .env("CHROMEDRIVER", tools::CHROMEDRIVER)),
            Layer::Bundle => release_build(root)
                .and_then(|()| bundle::report(&root.join("dist"), BUNDLE_BUDGET_BYTES))
                .and_then(|()| offline::build(root).map(|_| ())),
            Layer::E2e => ensure_dist(root, &layers)
                .and_then(|()| run(tools::command(root, "node").args(["--test", "tests/e2e/"]))),
            // Figures to read, not thresholds: timing on a shared machine is too noisy to fail on.
            Layer::Bench => run(tools::command(root, "cargo").args(["bench", "-p", "engine"]))
                .and_then(|()| {
                    run(tools::command(root, "cargo")
                        .args(["test", "-p", "engine", "--release"])
                        .args(["--target", "wasm32-unknown-unknown", "--test", "wasm_bench"])
                        .args(["--", "--nocapture"]))
                })
                .and_then(|()| ensure_dist(root, &layers))
                .and_then(|()| {
                    run(tools::command(root, "node").arg("tests/e2e/slider-latency.bench.mjs"))
                })
                .and_then(|()| {
                    run(tools::command(root, "node").arg("tests/e2e/first-view.bench.mjs"))
                }),
        };
        let seconds = started.elapsed().as_secs();
        match outcome {
            Ok(()) => {
                passed += 1;
                println!("==> layer `{}` passed in {seconds} s", layer.name());
            }
            Err(e) => {
                println!("==> layer `{}` FAILED in {seconds} s: {e}", layer.name());
                failed.push(layer.name());
            }
        }
    }
    println!("\nlayers: {passed} passed, {} failed", failed.len());
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed layers: {}", failed.join(", ")))
    }
}

/// Formatting and clippy, warnings as errors: natively for the whole workspace, and for wasm
/// for the app (its browser tests and browser calls compile only there).
fn lint(root: &Path) -> Result<(), String> {
    run(tools::command(root, "cargo").args(["fmt", "--all", "--check"]))?;
    // rustfmt leaves the insides of `view!` alone; leptosfmt formats them.
    run(tools::command(root, "leptosfmt").args(["--check", "src", "tests"]))?;
    let deny = ["--", "-D", "warnings"];
    run(tools::command(root, "cargo").args(["clippy", "--workspace", "--all-targets"]).args(deny))?;
    run(tools::command(root, "cargo")
        .args([
            "clippy",
            "-p",
            "ai-footprint",
            "--all-targets",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .args(deny))
}

fn release_build(root: &Path) -> Result<(), String> {
    run(tools::command(root, "trunk").args(["build", "--release"]))
}

/// The end-to-end and bench layers use the release build and the offline file; build them
/// unless the bundle layer just did.
fn ensure_dist(root: &Path, layers: &[Layer]) -> Result<(), String> {
    if layers.contains(&Layer::Bundle) && root.join("dist/index.html").exists() {
        Ok(())
    } else {
        release_build(root).and_then(|()| offline::build(root).map(|_| ()))
    }
}

/// Runs a command to completion, its output going straight to the terminal.
fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command.status().map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} exited with {status}"))
    }
}

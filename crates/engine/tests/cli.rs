//! The `aifootprint` command line, run as a user runs it, on the shipped example portfolios.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/examples");

fn aifootprint(args: &[&str], stdin: Option<&str>) -> Output {
    aifootprint_bytes(args, stdin.unwrap_or("").as_bytes())
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn evaluates_every_example_portfolio() {
    for name in ["small.json", "company.json"] {
        let path = format!("{EXAMPLES}/{name}");
        let out = aifootprint(&["evaluate", &path], None);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let v = json(&out);
        assert_eq!(v["result"]["methodology_version"], engine::METHODOLOGY_VERSION);
        let cases = v["result"]["use_cases"].as_array().expect("use cases").len();
        assert_eq!(v["working"].as_array().expect("working").len(), cases, "{name}");
        assert!(v["result"]["total_per_year"]["energy_kwh"]["central"].as_f64() > Some(0.0));
    }
}

#[test]
fn the_company_example_mixes_every_kind_of_use_case() {
    let text = std::fs::read_to_string(format!("{EXAMPLES}/company.json")).expect("example");
    let p = engine::format::parse_portfolio(&text).expect("parses");
    let kinds: std::collections::BTreeSet<&str> = p
        .use_cases
        .iter()
        .map(|u| match &u.workload {
            engine::Workload::Llm(llm) => match llm.task {
                engine::LlmTask::Chat => "chat",
                engine::LlmTask::Rag => "rag",
                engine::LlmTask::Agent => "agent",
            },
            engine::Workload::Task(_) => "task",
            engine::Workload::Training(_) => "training",
        })
        .collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["agent", "chat", "rag", "task", "training"]);
}

#[test]
fn reads_standard_input_and_matches_the_file_result() {
    let path = format!("{EXAMPLES}/small.json");
    let text = std::fs::read_to_string(&path).expect("example");
    let from_stdin = aifootprint(&["evaluate", "-"], Some(&text));
    let from_file = aifootprint(&["evaluate", &path], None);
    assert!(from_stdin.status.success());
    assert_eq!(from_stdin.stdout, from_file.stdout);
}

#[test]
fn invalid_portfolios_fail_with_named_problems() {
    let bad = r#"{"schema_version": 1, "name": "x", "use_cases": [{
        "name": "a",
        "workload": {"task": {"task": "tabular"}},
        "volume": {"per_day": {"per_day": -1, "days_per_year": 365}},
        "site": {"location": "atlantis"}
    }]}"#;
    let out = aifootprint(&["evaluate"], Some(bad));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("use_cases[0].volume.per_day: must be at least 0"), "{stderr}");
    assert!(
        stderr.contains("use_cases[0].site.location: unknown location \"atlantis\""),
        "{stderr}"
    );

    let future =
        aifootprint(&["evaluate"], Some(r#"{"schema_version": 9, "name": "x", "use_cases": []}"#));
    assert_eq!(future.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&future.stderr).contains("file format version 9"));
}

#[test]
fn usage_errors_exit_with_two_and_the_usage() {
    let company = format!("{EXAMPLES}/company.json");
    for args in [
        vec![],
        vec!["frobnicate"],
        vec!["project", &company, "--to", "65535"],
        vec!["project", &company, "--to", "2024"],
        vec!["project", &company, "--to"],
        vec!["project", &company, "--to", "soon"],
        vec!["evaluate", &company, "extra.json"],
        vec!["evaluate", &company, "--per-request"],
        vec!["saiq", &company, "--verbose"],
        vec!["version", "now"],
    ] {
        let out = aifootprint(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage: aifootprint"), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing on standard output");
    }
    let out = aifootprint(&["project", &company, "--to", "2026"], None);
    assert!(out.status.success(), "a year in range: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn anything_wrong_with_the_input_file_exits_with_one() {
    assert_eq!(aifootprint(&["evaluate", "/no/such/file.json"], None).status.code(), Some(1));
    assert_eq!(aifootprint(&["evaluate", "/"], None).status.code(), Some(1), "a directory");
    let out = aifootprint_bytes(&["evaluate"], &[0xC3, 0x28, 0x7B]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-8"));
}

#[test]
fn reads_the_same_encodings_as_the_app() {
    let text = std::fs::read_to_string(format!("{EXAMPLES}/small.json")).expect("example");
    let plain = aifootprint(&["evaluate"], Some(&text));
    assert!(plain.status.success());
    let mut marked = vec![0xEF, 0xBB, 0xBF];
    marked.extend(text.as_bytes());
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    for bytes in [marked, utf16] {
        let out = aifootprint_bytes(&["evaluate"], &bytes);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.stdout, plain.stdout);
    }
}

/// A reader that stops reading (`aifootprint locations | head -1`) ends the program quietly,
/// with status 0; a full disk is a message and status 1.
#[test]
fn a_closed_pipe_ends_quietly_and_a_full_disk_is_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aifootprint"))
        .arg("locations")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("the binary finishes");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "quietly: {}", String::from_utf8_lossy(&out.stderr));
    if let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") {
        let out = Command::new(env!("CARGO_BIN_EXE_aifootprint"))
            .arg("locations")
            .stdout(full)
            .output()
            .expect("the binary finishes");
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
    }
}

fn aifootprint_bytes(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aifootprint"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    // The program may stop reading early (a refused file): a closed pipe here is no failure.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("the binary finishes")
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Any bytes on standard input give status 0, 1 or 2, never a panic (101) or a signal.
    #[test]
    fn any_bytes_on_standard_input_give_a_status_not_a_panic(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512),
        json_like in "[\\[\\]{}\",:0-9a-z_ -]{0,200}",
        command in proptest::sample::select(vec!["evaluate", "migrate", "project", "saiq", "roe", "what-if"]),
    ) {
        for input in [bytes, json_like.into_bytes()] {
            let out = aifootprint_bytes(&[command], &input);
            let code = out.status.code();
            proptest::prop_assert!(matches!(code, Some(0..=2)), "{command}: status {code:?}: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

#[test]
fn projects_and_scores_the_company_example() {
    let path = format!("{EXAMPLES}/company.json");
    let out = aifootprint(&["project", &path, "--to", "2035"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json(&out);
    let scenarios = v.as_array().expect("one projection per scenario");
    assert_eq!(scenarios.len(), 5);
    assert_eq!(scenarios[0]["years"].as_array().map(Vec::len), Some(12));

    let out = aifootprint(&["saiq", &path], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json(&out);
    assert!(v["portfolio"]["saiq"].as_f64() > Some(0.0));
    assert_eq!(v["use_cases"].as_array().map(Vec::len), Some(8));
    assert!(v["use_cases"][4]["saiq"].is_null(), "a tabular model has no output tokens");
    assert!(v["baseline"].is_null(), "no baseline pinned");

    // Pinned as its own baseline, then run in less efficient data centres: every intensity but
    // cost rises, so it scores above 1 against its baseline.
    let text = std::fs::read_to_string(&path).expect("the example");
    let mut p = engine::format::parse_portfolio(&text).expect("valid");
    p.settings.baseline = Some(Box::new(p.as_baseline()));
    for uc in &mut p.use_cases {
        uc.site.pue = Some(2.5);
    }
    let out = aifootprint(&["saiq"], Some(&engine::format::to_json(&p)));
    let v = json(&out);
    let against = v["baseline"]["portfolio_saiq"].as_f64().expect("a score");
    assert!(against > 1.0, "a PUE of 2.5 against the baseline's: {against}");
    assert_eq!(v["baseline"]["name"], p.name);
}

#[test]
fn reports_the_return_on_environment_of_use_cases_that_declare_what_they_avoid() {
    let portfolio = r#"{"schema_version": 1, "name": "RoE", "use_cases": [
        {"name": "Writer", "workload": {"llm": {"task": "chat", "model": {"reference": {"size": "8B"}},
            "output_tokens": 400, "input_tokens": 100}},
         "volume": {"per_year": {"per_year": 1000}},
         "avoided": {"counterfactual": "a person writes each page", "pages_written": 1000, "rebound_share": 0.1}},
        {"name": "Silent", "workload": {"task": {"task": "tabular"}}, "volume": {"per_year": {"per_year": 10}}}
    ]}"#;
    let out = aifootprint(&["roe"], Some(portfolio));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json(&out);
    let returns = v["use_cases"].as_array().expect("a list");
    assert_eq!(returns.len(), 1, "only the use case that declares what it avoids");
    let carbon = &returns[0]["return"]["carbon"];
    assert!((carbon["avoided"].as_f64().unwrap() - 1_400.0).abs() < 1e-9, "1,000 pages × 1.4 kg");
    assert!((carbon["rebound"].as_f64().unwrap() - 140.0).abs() < 1e-9);
    assert_eq!(carbon["roe"]["status"], "value");
    assert!(carbon["roe"]["value"].as_f64() > Some(1.0));
}

#[test]
fn shows_the_footprint_before_and_after_the_planned_levers() {
    let portfolio = r#"{"schema_version": 1, "name": "What if", "settings": {"levers": [
            {"lever": {"move_region": "SE"}, "use_case": 1},
            {"lever": {"cut_pue": 1.1}}
        ]},
        "use_cases": [
        {"name": "Chat", "workload": {"llm": {"task": "chat", "model": {"reference": {"size": "70B"}},
            "output_tokens": 200, "input_tokens": 100}}, "volume": {"per_year": {"per_year": 1e6}},
            "site": {"location": "PL"}},
        {"name": "Images", "workload": {"task": {"task": "image_generation"}},
            "volume": {"per_year": {"per_year": 1e6}}, "site": {"location": "PL"}}
    ]}"#;
    let out = aifootprint(&["what-if"], Some(portfolio));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json(&out);
    let carbon =
        |side: &str| v[side]["carbon_operational_kg"]["central"].as_f64().expect("a number");
    assert!(carbon("after") < carbon("before") / 2.0, "images moved from Poland to Sweden");
    assert_eq!(v["portfolio_after"]["use_cases"][0]["site"]["location"], "PL", "chat stays");
    assert_eq!(v["portfolio_after"]["use_cases"][1]["site"]["location"], "SE");
    assert!(v["portfolio_after"]["settings"]["levers"].is_null(), "applied, none left planned");

    let bad = portfolio.replace("\"use_case\": 1", "\"use_case\": 5");
    let out = aifootprint(&["what-if"], Some(&bad));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("settings.levers[0].use_case"));
}

#[test]
fn projects_the_portfolios_own_scenario_beside_the_presets() {
    let portfolio = r#"{"schema_version": 1, "name": "Own", "settings": {"scenario": {
        "id": "custom", "usage_cagr": [0.1, 0.1, 0.1], "hardware_gain": 2, "pue": 1.2,
        "model_size": 1, "output_tokens": 1, "quantisation": 1, "grid_change": -0.5,
        "grid_path": "oecm"}},
        "use_cases": [{"name": "Chat", "workload": {"llm": {"task": "chat", "model": {"reference": {"size": "8B"}},
            "output_tokens": 400, "input_tokens": 100}}, "volume": {"per_year": {"per_year": 1000}}}]}"#;
    let out = aifootprint(&["project"], Some(portfolio));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json(&out);
    let ids: Vec<_> = v.as_array().unwrap().iter().map(|p| p["scenario"].clone()).collect();
    assert_eq!(ids.len(), 6);
    assert_eq!(ids[5], "custom");
}

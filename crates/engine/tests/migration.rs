//! Every older file format still opens, unchanged in meaning: the shipped examples as they
//! were written in version 1 give the same footprint as the current examples.
#![cfg(not(target_arch = "wasm32"))]

use engine::format::{parse_portfolio, to_json};
use engine::portfolio::SCHEMA_VERSION;
use engine::{evaluate_portfolio, Portfolio};

fn read(path: &str) -> Portfolio {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_portfolio(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn version_1_examples_open_with_ids_and_the_same_footprint() {
    for name in ["company", "small"] {
        let old = read(&format!("tests/fixtures/v1/{name}.json"));
        let new = read(&format!("../../assets/examples/{name}.json"));
        assert_eq!(old.schema_version, SCHEMA_VERSION);
        assert_eq!(old, new, "{name}: migrated, the version 1 file is the current example");
        let (a, b) =
            (evaluate_portfolio(&old).expect("valid"), evaluate_portfolio(&new).expect("valid"));
        assert_eq!(a.total_per_year, b.total_per_year, "{name}");
        let ids: Vec<&str> = old.use_cases.iter().map(|uc| uc.id.as_str()).collect();
        let expected: Vec<String> = (1..=old.use_cases.len()).map(|n| n.to_string()).collect();
        assert_eq!(ids, expected, "{name}: use cases numbered in order");
        // Written again and read back, nothing changes.
        assert_eq!(parse_portfolio(&to_json(&old)).expect("reads"), old);
    }
}

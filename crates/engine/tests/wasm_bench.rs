//! The native benchmark's portfolios evaluated in WebAssembly (Node), printing microseconds per
//! use case (target ≤ 5). Run by `cargo xtask test bench`; a figure, not a timed assertion.
#![cfg(target_arch = "wasm32")]

#[path = "../benches/fixtures.rs"]
mod fixtures;

use wasm_bindgen_test::{console_log, wasm_bindgen_test};

fn now_s() -> f64 {
    js_sys::Date::now() / 1e3
}

#[wasm_bindgen_test]
fn evaluation_speed_in_wasm() {
    for n in fixtures::SIZES {
        let portfolio = fixtures::portfolio(n);
        let us = fixtures::median_us_per_use_case(n, || {
            let started = now_s();
            for _ in 0..fixtures::repetitions(n) {
                let result = engine::evaluate_portfolio(&portfolio).map(|r| r.total_per_year);
                assert!(result.is_ok());
            }
            now_s() - started
        });
        console_log!("bench wasm: {n:>7} use cases: {us:.3} µs per use case (target ≤ 5)");
    }
    let portfolio = fixtures::portfolio(fixtures::PROJECTED_USE_CASES);
    let ms = fixtures::median_ms(now_s, || {
        assert_eq!(fixtures::evaluate_and_project(&portfolio).len(), 5);
    });
    console_log!(
        "bench wasm: evaluate and project {} use cases, 5 scenarios to {}, with ranges: {ms:.3} ms (one frame is 16.7)",
        fixtures::PROJECTED_USE_CASES,
        fixtures::PROJECTED_TO_YEAR
    );
}

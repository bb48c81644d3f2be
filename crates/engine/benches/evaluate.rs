//! Native benchmark: microseconds per use case to evaluate portfolios of 10, 1,000 and 100,000
//! use cases with ranges. Prints figures; the target (≤ 2 µs per use case) is checked by
//! reading them, not by a timed assertion. Run: `cargo bench -p engine`.

#[path = "fixtures.rs"]
mod fixtures;

use std::hint::black_box;
use std::time::Instant;

fn main() {
    for n in fixtures::SIZES {
        let portfolio = fixtures::portfolio(n);
        let us = fixtures::median_us_per_use_case(n, || {
            let started = Instant::now();
            for _ in 0..fixtures::repetitions(n) {
                black_box(
                    engine::evaluate_portfolio(black_box(&portfolio)).map(|r| r.total_per_year),
                )
                .ok();
            }
            started.elapsed().as_secs_f64()
        });
        println!("bench native: {n:>7} use cases: {us:.3} µs per use case (target ≤ 2)");
    }
    let portfolio = fixtures::portfolio(fixtures::PROJECTED_USE_CASES);
    let clock = Instant::now();
    let ms = fixtures::median_ms(
        || clock.elapsed().as_secs_f64(),
        || {
            black_box(fixtures::evaluate_and_project(black_box(&portfolio)));
        },
    );
    println!(
        "bench native: evaluate and project {} use cases, 5 scenarios to {}, with ranges: {ms:.3} ms (one frame is 16.7)",
        fixtures::PROJECTED_USE_CASES,
        fixtures::PROJECTED_TO_YEAR
    );
}

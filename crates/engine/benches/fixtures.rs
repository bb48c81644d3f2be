//! Benchmark portfolios: the realistic company example, repeated to the wanted size.
//! Shared by the native benchmark and the wasm one.

use engine::format::parse_portfolio;
use engine::Portfolio;

const COMPANY: &str = include_str!("../../../assets/examples/company.json");

/// Portfolio sizes measured.
pub const SIZES: [usize; 3] = [10, 1_000, 100_000];

/// A portfolio of `n` use cases cycling through the company example's mix (chat, RAG,
/// agents, classic ML, image generation, training), evaluated with ranges and prefill.
pub fn portfolio(n: usize) -> Portfolio {
    let base = parse_portfolio(COMPANY).expect("the shipped example parses");
    let use_cases = base.use_cases.iter().cycle().take(n).cloned().collect();
    Portfolio { use_cases, ..base }
}

/// Evaluations per timed round, so that each round does about 200,000 use cases.
pub fn repetitions(n: usize) -> usize {
    (200_000 / n).max(1)
}

/// Median of a few timed rounds, in microseconds per use case.
pub fn median_us_per_use_case(n: usize, mut round_seconds: impl FnMut() -> f64) -> f64 {
    let mut rounds: Vec<f64> =
        (0..5).map(|_| round_seconds() * 1e6 / (n * repetitions(n)) as f64).collect();
    rounds.sort_by(f64::total_cmp);
    rounds[rounds.len() / 2]
}

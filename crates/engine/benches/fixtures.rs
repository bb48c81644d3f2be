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
    let use_cases = base.use_cases.iter().cycle().take(n).cloned().zip(1..).map(|(mut uc, i)| {
        // Each copy is a use case of its own, with an id of its own.
        uc.id = i.to_string().parse().expect("a number is an id");
        uc
    });
    Portfolio { use_cases: use_cases.collect(), ..base }
}

/// Use cases in the projection benchmark.
pub const PROJECTED_USE_CASES: usize = 1_000;
/// Years projected: the base year and ten more.
pub const PROJECTED_TO_YEAR: u16 = engine::decision::projection::BASE_YEAR + 10;

/// What the decision panel computes after each change: the portfolio evaluated with ranges,
/// then projected under the five scenarios, year by year. Returns the last year's carbon of
/// every scenario, so that nothing is optimised away.
pub fn evaluate_and_project(portfolio: &Portfolio) -> Vec<f64> {
    use engine::decision::projection::{project, Scenario};
    let result = engine::evaluate_portfolio(portfolio).expect("the benchmark portfolio is valid");
    Scenario::presets()
        .iter()
        .map(|s| project(portfolio, &result, s, PROJECTED_TO_YEAR))
        .map(|p| p.years.last().map_or(0.0, |y| y.carbon_kg.high))
        .collect()
}

/// Median over 11 rounds of 10 runs of `run`, in milliseconds per run; `seconds` reads a clock
/// (10 runs a round, so that a millisecond clock still resolves a run of a few milliseconds).
pub fn median_ms(seconds: impl Fn() -> f64, mut run: impl FnMut()) -> f64 {
    const RUNS: usize = 10;
    let mut times: Vec<f64> = (0..11)
        .map(|_| {
            let started = seconds();
            for _ in 0..RUNS {
                run();
            }
            (seconds() - started) * 1e3 / RUNS as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
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

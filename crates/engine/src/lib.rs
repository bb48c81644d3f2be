//! The AI Footprint engine: energy, carbon and water of a portfolio of AI use cases.
//!
//! Conventions, everywhere unless a name says otherwise: energy in kWh, carbon in kgCO2e,
//! water in litres, money in US dollars, per year; other units are in the name (`_g`, `_w`,
//! `_h`, `_s`, `_gb`, `_b` for billions). A range is an [`Estimate`] with
//! `low ≤ central ≤ high`. Modules form layers, each using only those below it: the input
//! model ([`portfolio`], [`id`](PortfolioId), [`field`]) and reference data ([`refdata`],
//! [`units`]); then [`validate::resolve`], which checks and looks up a portfolio once; the
//! estimators, which take only their own inputs; [`evaluate()`], which cannot fail; the
//! [`decision`] layer; and what reports a result ([`explain`], [`report`], [`equivalents`]).
//!
//! Pure Rust with no browser dependency, so the same numbers come out of the web app, the
//! command line and the tests. `docs/methodology.md` in the repository documents the science;
//! every reference value in [`refdata`] carries its source, year and licence.
//!
//! ```
//! use engine::{evaluate, resolve, Portfolio};
//!
//! let portfolio = Portfolio::default();
//! // Check and look up every input once; evaluating what resolved cannot fail.
//! let resolved = resolve(&portfolio).expect("the default portfolio is valid");
//! let result = evaluate(&resolved);
//! let energy = result.total_per_year.energy_kwh;
//! assert!(energy.low <= energy.central && energy.central <= energy.high);
//! ```
#![warn(missing_docs, unreachable_pub)]

pub mod decision;
pub mod equivalents;
mod estimate;
mod estimator;
pub mod evaluate;
pub mod explain;
pub mod field;
pub mod format;
mod id;
pub mod limits;
pub mod order;
pub mod portfolio;
pub mod presets;
pub mod refdata;
pub mod report;
pub mod units;
pub mod validate;

pub use estimate::{Bound, Estimate};
pub use estimator::ecologits::BATCH_SIZE as ECOLOGITS_BATCH_SIZE;
pub use evaluate::{
    evaluate, evaluate_portfolio, Impacts, PortfolioResult, UseCaseResult, Working,
};
pub use field::{FieldPath, Keyed};
pub use id::{IdError, PortfolioId, UseCaseId, MAX_ID_LEN};
pub use portfolio::{
    Cost, LlmEstimator, LlmTask, LlmWorkload, ModelChoice, ModelSize, Phase, Portfolio, Settings,
    Site, Task, TaskWorkload, TrainingCompute, TrainingRun, UseCase, Volume, VolumeBasis, Workload,
};
pub use validate::{resolve, validate, Inapplicable, InputError, Invalid, Problem, Resolved};

/// Version of the methodology, carried by every result, label and export. Bump it whenever a
/// formula or a default changes a number.
pub const METHODOLOGY_VERSION: &str = "2026.12.0";

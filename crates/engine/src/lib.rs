//! The AI Footprint engine: energy, carbon and water of a portfolio of AI use cases.
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
#![warn(missing_docs)]

pub mod decision;
pub mod equivalents;
pub mod estimate;
pub mod estimator;
pub mod evaluate;
pub mod explain;
pub mod field;
pub mod format;
pub mod id;
pub mod order;
pub mod portfolio;
pub mod presets;
pub mod refdata;
pub mod report;
pub mod units;
pub mod validate;

pub use estimate::{Bound, Estimate};
pub use evaluate::{
    evaluate, evaluate_portfolio, Impacts, PortfolioResult, UseCaseResult, Working,
};
pub use field::{FieldPath, Keyed};
pub use id::{PortfolioId, UseCaseId};
pub use portfolio::{
    Cost, LlmEstimator, LlmTask, LlmWorkload, ModelChoice, ModelSize, Phase, Portfolio, Settings,
    Site, Task, TaskWorkload, TrainingCompute, TrainingRun, UseCase, Volume, VolumeBasis, Workload,
};
pub use validate::{resolve, validate, Inapplicable, InputError, Invalid, Problem, Resolved};

/// Version of the methodology, carried by every result, label and export. Bump it whenever a
/// formula or a default changes a number.
pub const METHODOLOGY_VERSION: &str = "2026.12.0";

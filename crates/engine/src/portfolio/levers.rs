//! What-if levers as the user plans them, kept with the portfolio (`settings.levers`). What
//! they do is [`crate::decision::levers`].

use serde::{Deserialize, Serialize};

use crate::id::UseCaseId;
use crate::portfolio::{ModelSize, Task};

/// A change to the portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lever {
    /// Right-size the model: LLM use cases move to a reference (open) model of this size, when
    /// it is smaller than what they use. A use case priced at its API's catalogue price is then
    /// costed as self-hosted, by accelerator-hours.
    RightSize(ModelSize),
    /// Replace the LLM with a task-specific model (text classification, generation or
    /// summarisation, measured by Luccioni et al. 2024). Applied whether or not it lowers the
    /// footprint: the before/after comparison shows which way it goes. A use case priced at its
    /// API's tokens is then costed as self-hosted.
    TaskSpecific(Task),
    /// Quantise LLM weights to this many bits (8 for FP8/INT8), when that is fewer.
    Quantise(f64),
    /// Serve this many LLM requests together on the same GPUs, when that is more. Only the
    /// EcoLogits estimator has a batch term; under the paper's estimator it changes nothing.
    Batch(f64),
    /// Train on another accelerator (training runs).
    ChangeAccelerator(String),
    /// Run in another location.
    MoveRegion(String),
    /// Move only batch work (training runs and classic ML) to another location; latency-
    /// sensitive work (chat, RAG, agents, generation) stays where it is.
    MoveBatchWork(String),
    /// Buy this share of carbon-free electricity (0–1), when it is more than today.
    RaiseCarbonFreeShare(f64),
    /// Run in data centres with this PUE, when it is lower.
    CutPue(f64),
    /// Several teams fine-tuning the same model share one run instead: training runs per year
    /// are divided by this many teams.
    ShareFineTune(f64),
}

/// A lever planned but not yet applied, kept with the portfolio (`settings.levers`) so that a
/// what-if survives a reload and travels in files and links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Planned {
    /// The change.
    pub lever: Lever,
    /// The use case it applies to, by id (absent: all of them). Version 1 files wrote an
    /// index here, which reading maps to the id.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "UseCaseId::deserialize_target"
    )]
    pub use_case: Option<UseCaseId>,
}

impl Planned {
    /// A lever on every use case.
    pub fn on_all(lever: Lever) -> Planned {
        Planned { lever, use_case: None }
    }

    /// A lever on one use case.
    pub fn on(lever: Lever, use_case: UseCaseId) -> Planned {
        Planned { lever, use_case: Some(use_case) }
    }
}

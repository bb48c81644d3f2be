//! A projection scenario as the portfolio keeps it (`settings.scenario`): the published
//! presets and how they project are [`crate::decision::projection`].

use serde::{Deserialize, Serialize};

/// Every factor of a scenario, as its value in 2030 relative to the base year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Identifier (also a translation key).
    pub id: String,
    /// Usage growth per year (CAGR) of GenAI, agentic and traditional use cases.
    pub usage_cagr: [f64; 3],
    /// Hardware efficiency gain by 2030 (energy per unit of work divides by it).
    pub hardware_gain: f64,
    /// PUE in 2030.
    pub pue: f64,
    /// Model size by 2030, relative to today.
    pub model_size: f64,
    /// Output tokens per request by 2030, relative to today.
    pub output_tokens: f64,
    /// Quantisation gain by 2030 (energy divides by it).
    pub quantisation: f64,
    /// Change of grid carbon intensity by 2030 (−0.24 is 24 % lower), when the grid path is
    /// uniform.
    pub grid_change: f64,
    /// How grids change: uniformly by `grid_change`, or along each region's published pathway.
    #[serde(default)]
    pub grid_path: GridPath,
    /// Embodied carbon per unit of work by 2030, relative to today (1: held constant, as the
    /// methodology's default).
    #[serde(default = "one")]
    pub embodied_per_unit: f64,
}

fn one() -> f64 {
    1.0
}

/// How the grids' carbon intensity changes over the years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GridPath {
    /// Every grid changes by the scenario's `grid_change` by 2030, linearly.
    #[default]
    Uniform,
    /// Each use case's grid follows the One Earth Climate Model 1.5 °C pathway of its region
    /// (Europe, North America, or the global one elsewhere), relative to the base year.
    Oecm,
}

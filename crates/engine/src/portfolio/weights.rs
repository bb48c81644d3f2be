//! The SAIQ weights as the portfolio keeps them (`settings.saiq_weights`); the score is
//! [`crate::decision::saiq`].

use serde::{Deserialize, Serialize};

/// Weights of cost, energy, carbon and water; always sum to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// Weight of cost.
    pub cost: f64,
    /// Weight of energy.
    pub energy: f64,
    /// Weight of carbon.
    pub carbon: f64,
    /// Weight of water.
    pub water: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Self::BALANCED
    }
}

impl Weights {
    /// Equal weights.
    pub const BALANCED: Weights = Weights { cost: 0.25, energy: 0.25, carbon: 0.25, water: 0.25 };
    /// Cost first.
    pub const COST_FOCUSED: Weights =
        Weights { cost: 0.55, energy: 0.15, carbon: 0.15, water: 0.15 };
    /// Energy first.
    pub const ENERGY_FOCUSED: Weights =
        Weights { cost: 0.15, energy: 0.55, carbon: 0.15, water: 0.15 };
    /// Climate first.
    pub const CLIMATE_FOCUSED: Weights =
        Weights { cost: 0.15, energy: 0.15, carbon: 0.55, water: 0.15 };
}

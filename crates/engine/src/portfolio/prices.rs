//! Shadow prices as the portfolio keeps them (`settings.shadow_prices`); what they cost a
//! footprint is [`crate::decision`].

use serde::{Deserialize, Serialize};

/// Prices that turn impacts into money, beside the direct cost.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct ShadowPrices {
    /// $ per tCO2e.
    pub usd_per_tco2e: f64,
    /// $ per m³ of water.
    pub usd_per_m3: f64,
}

impl ShadowPrices {
    /// Neither price is set.
    pub fn is_none(&self) -> bool {
        self.usd_per_tco2e == 0.0 && self.usd_per_m3 == 0.0
    }
}

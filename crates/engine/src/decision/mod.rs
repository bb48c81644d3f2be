//! The decision layer on top of the footprint (METHODOLOGY §6–8): the Sustainable AI Quotient,
//! the Return on Environment, projections to 2030 and what-if levers, plus shadow prices.

pub mod levers;
pub mod projection;
pub mod roe;
pub mod saiq;

use serde::{Deserialize, Serialize};

use crate::evaluate::Impacts;

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

    /// The shadow cost of a footprint, $: carbon (location-based plus embodied) and water.
    /// Electricity is not priced again: the direct cost already pays for it.
    pub fn cost_usd(&self, impacts: &Impacts) -> f64 {
        impacts.carbon_total_kg().central / 1_000.0 * self.usd_per_tco2e
            + impacts.water_total_l().central / 1_000.0 * self.usd_per_m3
    }

    /// Direct plus shadow cost, $: the monetised footprint the monetised SAIQ variant divides
    /// by its output.
    pub fn full_cost_usd(&self, impacts: &Impacts) -> f64 {
        impacts.cost_usd.central + self.cost_usd(impacts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Estimate;

    #[test]
    fn shadow_prices_add_carbon_and_water_not_electricity() {
        let impacts = Impacts {
            energy_kwh: Estimate::exact(1_000.0),
            carbon_operational_kg: Estimate::exact(400.0),
            carbon_embodied_kg: Estimate::exact(100.0),
            water_onsite_l: Estimate::exact(500.0),
            water_offsite_l: Estimate::exact(1_500.0),
            cost_usd: Estimate::exact(300.0),
            ..Impacts::default()
        };
        let prices = ShadowPrices { usd_per_tco2e: 100.0, usd_per_m3: 2.0 };
        assert_eq!(prices.cost_usd(&impacts), 50.0 + 4.0);
        assert_eq!(prices.full_cost_usd(&impacts), 354.0);
    }
}

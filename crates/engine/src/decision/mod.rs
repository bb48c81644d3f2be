//! The decision layer on top of the footprint (docs/methodology.md §14): the Sustainable AI Quotient,
//! the Return on Environment, projections to 2030 and what-if levers, plus shadow prices.

pub mod levers;
pub mod projection;
pub mod roe;
pub mod saiq;

use serde::{Deserialize, Serialize};

use crate::estimate::Estimate;
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

    /// The shadow cost of a footprint, $, with its range: carbon (location-based plus
    /// embodied) and water. Electricity is not priced again: the direct cost already pays for
    /// it.
    pub fn cost_usd(&self, impacts: &Impacts) -> Estimate {
        let (carbon, water) = (impacts.carbon_total_kg(), impacts.water_total_l());
        Estimate::from_bounds(|b| {
            carbon.at(b) / 1_000.0 * self.usd_per_tco2e + water.at(b) / 1_000.0 * self.usd_per_m3
        })
    }

    /// Direct plus shadow cost, $, with its range.
    pub fn full_cost_usd(&self, impacts: &Impacts) -> Estimate {
        let shadow = self.cost_usd(impacts);
        Estimate::from_bounds(|b| impacts.cost_usd.at(b) + shadow.at(b))
    }

    /// Full cost per functional unit, $: the direct cost plus carbon and water at these prices.
    pub fn full_cost_per_unit(&self, x: &saiq::Intensities) -> f64 {
        x.cost_usd + x.carbon_t * self.usd_per_tco2e + x.water_m3 * self.usd_per_m3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(prices.cost_usd(&impacts), Estimate::exact(50.0 + 4.0));
        assert_eq!(prices.full_cost_usd(&impacts), Estimate::exact(354.0));
        let per_unit =
            saiq::Intensities { cost_usd: 0.3, energy_mwh: 1.0, carbon_t: 0.5, water_m3: 2.0 };
        assert_eq!(prices.full_cost_per_unit(&per_unit), 0.3 + 50.0 + 4.0, "energy not priced");
    }
}

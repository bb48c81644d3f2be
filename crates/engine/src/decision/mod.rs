//! The decision layer on top of the footprint (docs/methodology.md §14): the Sustainable AI Quotient,
//! the Return on Environment, projections to 2030 and what-if levers, plus shadow prices.

pub mod levers;
pub mod projection;
pub mod roe;
pub mod saiq;

use crate::estimate::Estimate;
use crate::evaluate::Impacts;
pub use crate::portfolio::prices::ShadowPrices;

impl ShadowPrices {
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

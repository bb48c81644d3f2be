//! Return on Environment (docs/methodology.md §14.2): what a use case avoids against what it costs the
//! planet, per indicator, following the European Green Digital Coalition's net-impact method
//! (first-order footprint, second-order avoided impacts, rebound). Avoided impacts are reported
//! beside the footprint, never subtracted from the inventory.

use serde::Serialize;

use crate::evaluate::{SiteFactors, UseCaseResult};
pub use crate::portfolio::avoided::Avoided;
use crate::refdata::context;
use crate::refdata::sources::{Source, GREEN_ALGORITHMS_CONTEXT, TOMLINSON_2024};

/// The grid the avoided electricity would have come from: the use case's own location.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AvoidedGrid {
    /// Carbon intensity, kgCO2e/kWh.
    pub kg_per_kwh: f64,
    /// Off-site water, L/kWh.
    pub l_per_kwh: f64,
}

impl AvoidedGrid {
    /// The grid of the use case's own site: electricity it saves elsewhere is assumed to come
    /// from the same grid.
    pub fn of_site(factors: &SiteFactors) -> Self {
        Self {
            kg_per_kwh: factors.grid_intensity.value.central / 1_000.0,
            l_per_kwh: factors.offsite_water.value.central,
        }
    }
}

/// A return that may be undefined, with the reason spelled out.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "status", content = "value", rename_all = "snake_case")]
pub enum Ratio {
    /// A number.
    Value(f64),
    /// The use case has no footprint on this indicator: a ratio would divide by zero.
    NoFootprint,
}

/// Net impact of one indicator (Green Digital Coalition view).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NetImpact {
    /// First-order: the use case's own footprint (a cost to the planet).
    pub footprint: f64,
    /// Second-order: what it avoids.
    pub avoided: f64,
    /// Rebound: the part of the avoided impact taken back.
    pub rebound: f64,
    /// avoided − rebound − footprint: positive is a net benefit.
    pub net: f64,
    /// (avoided − rebound) ÷ footprint: above 1 is a net benefit.
    pub roe: Ratio,
    /// Business value per unit of footprint ($ per tCO2e, per MWh, per m³).
    pub value_per_unit: Ratio,
}

/// Return on Environment for carbon (kgCO2e), energy (kWh) and water (litres).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ReturnOnEnvironment {
    /// Carbon, kgCO2e; value per tCO2e.
    pub carbon: NetImpact,
    /// Energy, kWh; value per MWh.
    pub energy: NetImpact,
    /// Water, litres; value per m³.
    pub water: NetImpact,
    /// Sources of the per-unit factors used.
    #[serde(skip)]
    pub sources: [&'static Source; 2],
}

fn net(
    footprint: f64,
    avoided: f64,
    rebound_share: f64,
    value_usd: f64,
    unit_per_thousand: f64,
) -> NetImpact {
    let rebound = avoided * rebound_share.clamp(0.0, 1.0);
    let ratio = |numerator: f64| {
        if footprint > 0.0 {
            Ratio::Value(numerator / footprint)
        } else {
            Ratio::NoFootprint
        }
    };
    NetImpact {
        footprint,
        avoided,
        rebound,
        net: avoided - rebound - footprint,
        roe: ratio(avoided - rebound),
        // Value per tonne, MWh or m³: the footprint is in kg, kWh or litres.
        value_per_unit: ratio(value_usd * unit_per_thousand),
    }
}

/// The Return on Environment of one use case's year, against its own site's grid.
pub fn of_use_case(result: &UseCaseResult, avoided: &Avoided) -> ReturnOnEnvironment {
    return_on_environment(result, avoided, AvoidedGrid::of_site(&result.factors))
}

/// The Return on Environment of one use case's year.
pub fn return_on_environment(
    result: &UseCaseResult,
    avoided: &Avoided,
    grid: AvoidedGrid,
) -> ReturnOnEnvironment {
    let positive = |x: f64| if x.is_finite() { x.max(0.0) } else { 0.0 };
    let carbon_avoided = positive(avoided.human_hours) * positive(avoided.human_kg_per_hour)
        + positive(avoided.pages_written) * context::HUMAN_PAGE_KG.value
        + positive(avoided.car_km) * context::CAR_EU_KG_PER_KM.value
        + positive(avoided.flight_km) * context::FLIGHT_KG_PER_KM.value
        + positive(avoided.kwh_saved) * grid.kg_per_kwh
        + positive(avoided.custom_kg);
    let energy_avoided = positive(avoided.kwh_saved);
    let water_avoided = positive(avoided.kwh_saved) * grid.l_per_kwh + positive(avoided.custom_l);
    let y = &result.per_year;
    let rebound = avoided.rebound_share;
    let value = positive(avoided.value_usd);
    ReturnOnEnvironment {
        carbon: net(y.carbon_total_kg().central, carbon_avoided, rebound, value, 1_000.0),
        energy: net(y.energy_kwh.central, energy_avoided, rebound, value, 1_000.0),
        water: net(y.water_total_l().central, water_avoided, rebound, value, 1_000.0),
        sources: [&TOMLINSON_2024, &GREEN_ALGORITHMS_CONTEXT],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{evaluate_portfolio, Portfolio};

    fn result() -> UseCaseResult {
        evaluate_portfolio(&Portfolio::default()).unwrap().use_cases.remove(0)
    }

    const GRID: AvoidedGrid = AvoidedGrid { kg_per_kwh: 0.4, l_per_kwh: 3.0 };

    #[test]
    fn above_one_means_a_net_benefit_and_rebound_takes_its_share() {
        let r = result();
        let footprint = r.per_year.carbon_total_kg().central;
        let avoided =
            Avoided { custom_kg: footprint * 3.0, rebound_share: 0.5, ..Avoided::default() };
        let roe = return_on_environment(&r, &avoided, GRID);
        assert_eq!(roe.carbon.roe, Ratio::Value(1.5));
        assert!((roe.carbon.net - footprint * 0.5).abs() < 1e-9 * footprint);
        let none = return_on_environment(&r, &Avoided::default(), GRID);
        assert_eq!(none.carbon.roe, Ratio::Value(0.0));
        assert!(none.carbon.net < 0.0, "no declared benefit: the footprint alone");
    }

    #[test]
    fn pages_travel_and_saved_electricity_convert_with_their_factors() {
        let r = result();
        let avoided = Avoided {
            pages_written: 10.0,
            car_km: 100.0,
            kwh_saved: 50.0,
            flight_km: 1_000.0,
            ..Avoided::default()
        };
        let roe = return_on_environment(&r, &avoided, GRID);
        assert!((roe.carbon.avoided - (14.0 + 17.5 + 20.0 + 171.0)).abs() < 1e-9);
        assert_eq!(roe.energy.avoided, 50.0);
        assert_eq!(roe.water.avoided, 150.0);
    }

    #[test]
    fn no_footprint_is_a_labelled_result_not_a_division_by_zero() {
        let mut r = result();
        r.per_year = crate::Impacts::default();
        let roe = return_on_environment(
            &r,
            &Avoided { custom_kg: 5.0, value_usd: 100.0, ..Avoided::default() },
            GRID,
        );
        assert_eq!(roe.carbon.roe, Ratio::NoFootprint);
        assert_eq!(roe.carbon.value_per_unit, Ratio::NoFootprint);
        assert_eq!(roe.carbon.net, 5.0);
    }

    #[test]
    fn saved_electricity_uses_the_sites_grid() {
        let r = result();
        let roe = of_use_case(&r, &Avoided { kwh_saved: 1_000.0, ..Avoided::default() });
        let g_per_kwh = r.factors.grid_intensity.value.central;
        assert!(g_per_kwh > 0.0);
        assert!((roe.carbon.avoided - g_per_kwh).abs() < 1e-9 * g_per_kwh, "1,000 kWh × g/kWh");
    }

    #[test]
    fn value_is_per_tonne_megawatt_hour_and_cubic_metre() {
        let r = result();
        let roe =
            return_on_environment(&r, &Avoided { value_usd: 1_000.0, ..Avoided::default() }, GRID);
        let tonnes = r.per_year.carbon_total_kg().central / 1_000.0;
        let Ratio::Value(per_t) = roe.carbon.value_per_unit else { panic!("defined") };
        assert!((per_t - 1_000.0 / tonnes).abs() < 1e-6 * per_t);
    }
}

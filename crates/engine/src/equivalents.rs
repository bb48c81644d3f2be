//! Everyday equivalents of a footprint (docs/methodology.md §13): one sourced, versioned set,
//! region-selectable where the everyday quantity differs (EU / US).

use serde::{Deserialize, Serialize};

use crate::evaluate::Impacts;
use crate::refdata::sources::Source;
use crate::refdata::{context, Sourced};

/// Which region's everyday quantities to compare with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// European Union.
    #[default]
    Eu,
    /// United States.
    Us,
}

crate::keyed!(impl Region { Eu = "eu", Us = "us" });

/// One equivalent: the footprint expressed as a count of something familiar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Equivalent {
    /// Stable identifier (also a translation key).
    pub id: &'static str,
    /// What is counted.
    pub label: &'static str,
    /// How many (central value).
    pub count: f64,
    /// Where the factor comes from.
    pub source: &'static Source,
}

/// The region's passenger car.
fn car(region: Region) -> Sourced {
    match region {
        Region::Eu => context::CAR_EU_KG_PER_KM,
        Region::Us => context::CAR_US_KG_PER_KM,
    }
}

/// The equivalents of a footprint's central values (carbon: location-based plus embodied).
pub fn equivalents(impacts: &Impacts, region: Region) -> Vec<Equivalent> {
    let carbon_kg = impacts.carbon_total_kg().central;
    let per = |id, label, amount: f64, factor: Sourced| Equivalent {
        id,
        label,
        count: amount / factor.value,
        source: factor.source,
    };
    let mut out = vec![
        per("car_km", "km driven in an average passenger car", carbon_kg, car(region)),
        per("flight_km", "passenger-km flown in economy", carbon_kg, context::FLIGHT_KG_PER_KM),
        per("tree_years", "years of CO₂ absorption by one tree", carbon_kg, context::TREE_YEAR_KG),
        per(
            "showers",
            "average showers of water",
            impacts.water_total_l().central,
            context::SHOWER_L,
        ),
    ];
    if region == Region::Us {
        let household = context::US_HOUSEHOLD_KWH_PER_YEAR;
        let label = "years of an average US household's electricity";
        out.push(per("household_years", label, impacts.energy_kwh.central, household));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Estimate;

    #[test]
    fn converts_central_values_with_the_regional_car() {
        let impacts = Impacts {
            energy_kwh: Estimate::exact(10_791.0),
            carbon_operational_kg: Estimate::exact(150.0),
            carbon_embodied_kg: Estimate::exact(25.0),
            water_onsite_l: Estimate::exact(65.1),
            water_offsite_l: Estimate::exact(65.1),
            ..Impacts::default()
        };
        let eu = equivalents(&impacts, Region::Eu);
        let count =
            |list: &[Equivalent], id: &str| list.iter().find(|e| e.id == id).map(|e| e.count);
        assert!((count(&eu, "car_km").unwrap() - 1_000.0).abs() < 1e-9);
        assert_eq!(count(&eu, "showers"), Some(2.0));
        assert_eq!(count(&eu, "household_years"), None);
        let us = equivalents(&impacts, Region::Us);
        assert!((count(&us, "car_km").unwrap() - 175.0 / 0.251).abs() < 1e-9);
        assert_eq!(count(&us, "household_years"), Some(1.0));
    }
}

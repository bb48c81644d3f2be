//! Everyday equivalents of a footprint (docs/methodology.md §13): one sourced, versioned set,
//! region-selectable where the everyday quantity differs (EU / US).

use serde::{Deserialize, Serialize};

use crate::evaluate::Impacts;
use crate::refdata::sources::{Source, EIA_2022, EPA_WATERSENSE, GREEN_ALGORITHMS_CONTEXT};

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

/// Passenger car, gCO2 per km (Green Algorithms context data: EU 175, US 251).
fn car_g_per_km(region: Region) -> f64 {
    match region {
        Region::Eu => 175.0,
        Region::Us => 251.0,
    }
}

/// Economy flight, gCO2 per passenger-km (Green Algorithms context data).
const FLIGHT_G_PER_KM: f64 = 171.0;
/// CO2 a tree absorbs in a year, g (Green Algorithms context data).
const TREE_YEAR_G: f64 = 11_000.0;
/// Average US household electricity use, kWh per year (EIA, 2022: 10,791 kWh).
const US_HOUSEHOLD_KWH_PER_YEAR: f64 = 10_791.0;
/// Water of an average shower, litres (US EPA WaterSense: 17.2 gallons).
const SHOWER_L: f64 = 65.1;

/// The equivalents of a footprint's central values (carbon: location-based plus embodied).
pub fn equivalents(impacts: &Impacts, region: Region) -> Vec<Equivalent> {
    let carbon_g = impacts.carbon_total_kg().central * 1_000.0;
    let mut out = vec![
        Equivalent {
            id: "car_km",
            label: "km driven in an average passenger car",
            count: carbon_g / car_g_per_km(region),
            source: &GREEN_ALGORITHMS_CONTEXT,
        },
        Equivalent {
            id: "flight_km",
            label: "passenger-km flown in economy",
            count: carbon_g / FLIGHT_G_PER_KM,
            source: &GREEN_ALGORITHMS_CONTEXT,
        },
        Equivalent {
            id: "tree_years",
            label: "years of CO₂ absorption by one tree",
            count: carbon_g / TREE_YEAR_G,
            source: &GREEN_ALGORITHMS_CONTEXT,
        },
        Equivalent {
            id: "showers",
            label: "average showers of water",
            count: impacts.water_total_l().central / SHOWER_L,
            source: &EPA_WATERSENSE,
        },
    ];
    if region == Region::Us {
        out.push(Equivalent {
            id: "household_years",
            label: "years of an average US household's electricity",
            count: impacts.energy_kwh.central / US_HOUSEHOLD_KWH_PER_YEAR,
            source: &EIA_2022,
        });
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
        assert_eq!(count(&eu, "car_km"), Some(1_000.0));
        assert_eq!(count(&eu, "showers"), Some(2.0));
        assert_eq!(count(&eu, "household_years"), None);
        let us = equivalents(&impacts, Region::Us);
        assert!((count(&us, "car_km").unwrap() - 175_000.0 / 251.0).abs() < 1e-9);
        assert_eq!(count(&us, "household_years"), Some(1.0));
    }
}

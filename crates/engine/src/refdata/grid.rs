//! Where the electricity comes from: grid carbon intensity and off-site water per location.
//!
//! Carbon intensities are Electricity Maps 2024 yearly, life-cycle and direct, gCO2e/kWh
//! (ODbL 1.0); the world average is Ember 2024 (CC BY 4.0). Off-site water factors are the
//! per-country values shipped with EcoLogits 0.11.3 (MPL-2.0). Cloud regions map to the grid
//! zone they draw from (Cloud Carbon Footprint's mapping, Apache-2.0, with Azure westus2
//! corrected to Bonneville Power Administration).

use super::sources::{Source, ECOLOGITS_WATER, ELECTRICITY_MAPS_2024, EMBER_2024};

/// A grid zone's carbon and water factors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridZone {
    /// Zone code (ISO country code, or an Electricity Maps sub-national zone).
    pub code: &'static str,
    /// Life-cycle carbon intensity, gCO2e/kWh (the default, location-based).
    pub lifecycle_g_per_kwh: f64,
    /// Direct (combustion-only) carbon intensity, gCO2e/kWh, where published.
    pub direct_g_per_kwh: Option<f64>,
    /// Source of the carbon intensities.
    pub carbon_source: &'static Source,
    /// Water consumed off-site to generate one kWh, L/kWh.
    pub offsite_water_l_per_kwh: f64,
    /// Source of the water factor.
    pub water_source: &'static Source,
}

/// A place a workload can run: a country or a cloud region.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Location {
    /// Stable identifier stored in portfolios: an ISO country code, or `provider:region`.
    pub id: &'static str,
    /// Name shown to the user.
    pub label: &'static str,
    /// The grid this location draws from.
    pub zone: GridZone,
}

const fn zone(code: &'static str, lifecycle: f64, direct: f64, water: f64) -> GridZone {
    GridZone {
        code,
        lifecycle_g_per_kwh: lifecycle,
        direct_g_per_kwh: Some(direct),
        carbon_source: &ELECTRICITY_MAPS_2024,
        offsite_water_l_per_kwh: water,
        water_source: &ECOLOGITS_WATER,
    }
}

const US: GridZone = zone("US", 400.2, 332.84, 3.1321);
const FR: GridZone = zone("FR", 33.44, 18.4, 3.6737);
const FI: GridZone = zone("FI", 75.71, 43.35, 4.5289);
const US_MIDA_PJM: GridZone = zone("US-MIDA-PJM", 400.21, 328.17, 3.1321);
const US_NW_BPAT: GridZone = zone("US-NW-BPAT", 106.3, 76.6, 3.1321);

/// Every location the user can choose, world average first.
pub static LOCATIONS: &[Location] = &[
    Location {
        id: "WORLD",
        label: "World average",
        zone: GridZone {
            code: "WORLD",
            lifecycle_g_per_kwh: 472.94,
            direct_g_per_kwh: None,
            carbon_source: &EMBER_2024,
            offsite_water_l_per_kwh: 3.908,
            water_source: &ECOLOGITS_WATER,
        },
    },
    Location {
        id: "US",
        label: "United States",
        zone: US,
    },
    Location {
        id: "CN",
        label: "China",
        zone: zone("CN", 533.46, 480.48, 6.0065),
    },
    Location {
        id: "IN",
        label: "India",
        zone: zone("IN", 660.85, 605.69, 3.4368),
    },
    Location {
        id: "DE",
        label: "Germany",
        zone: zone("DE", 333.77, 276.61, 1.947),
    },
    Location {
        id: "FR",
        label: "France",
        zone: FR,
    },
    Location {
        id: "GB",
        label: "United Kingdom",
        zone: zone("GB", 163.92, 106.68, 2.329),
    },
    Location {
        id: "SE",
        label: "Sweden",
        zone: zone("SE", 22.6, 4.09, 6.0315),
    },
    Location {
        id: "PL",
        label: "Poland",
        zone: zone("PL", 703.49, 643.02, 2.5135),
    },
    Location {
        id: "JP",
        label: "Japan",
        zone: zone("JP", 458.29, 382.18, 2.3063),
    },
    Location {
        id: "BR",
        label: "Brazil",
        zone: zone("BR", 91.48, 57.45, 18.6033),
    },
    Location {
        id: "aws:us-east-1",
        label: "AWS us-east-1 (N. Virginia)",
        zone: US_MIDA_PJM,
    },
    Location {
        id: "aws:eu-west-3",
        label: "AWS eu-west-3 (Paris)",
        zone: FR,
    },
    Location {
        id: "gcp:europe-north1",
        label: "Google Cloud europe-north1 (Finland)",
        zone: FI,
    },
    Location {
        id: "azure:westus2",
        label: "Azure westus2 (Washington)",
        zone: US_NW_BPAT,
    },
];

/// Looks a location up by its identifier.
pub fn location(id: &str) -> Option<&'static Location> {
    LOCATIONS.iter().find(|l| l.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_unique_and_factors_plausible() {
        for (i, a) in LOCATIONS.iter().enumerate() {
            assert!(
                LOCATIONS[i + 1..].iter().all(|b| b.id != a.id),
                "duplicate {}",
                a.id
            );
            assert!(
                (1.0..2000.0).contains(&a.zone.lifecycle_g_per_kwh),
                "{}",
                a.id
            );
            assert!(
                (0.0..50.0).contains(&a.zone.offsite_water_l_per_kwh),
                "{}",
                a.id
            );
            if let Some(direct) = a.zone.direct_g_per_kwh {
                assert!(direct <= a.zone.lifecycle_g_per_kwh, "{}", a.id);
            }
        }
    }

    #[test]
    fn finds_locations_by_id() {
        assert_eq!(location("FR").map(|l| l.zone.code), Some("FR"));
        assert_eq!(
            location("azure:westus2").map(|l| l.zone.code),
            Some("US-NW-BPAT")
        );
        assert!(location("atlantis").is_none());
    }
}

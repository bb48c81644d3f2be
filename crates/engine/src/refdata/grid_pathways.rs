//! Published pathways of grid carbon intensity, for projections: the One Earth Climate Model's
//! 1.5 °C pathway of the electricity sector, for Europe, North America and the world.

use super::generated::grid_pathways::OECM_1_5C_T_PER_MWH;
use super::sources::{Source, OECM_2022};

/// The regions the pathways are published for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathwayRegion {
    /// Anywhere without a regional pathway.
    Global,
    /// Europe.
    Europe,
    /// North America (OECD: Canada, Mexico, the United States).
    NorthAmerica,
}

/// First year of the table.
const FIRST_YEAR: u16 = 2024;

/// European countries (ISO 3166 alpha-2) and Electricity Maps' European aggregates.
const EUROPE: &[&str] = &[
    "AD", "AL", "AT", "AX", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "EU",
    "EUROPE", "FI", "FO", "FR", "GB", "GE", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU",
    "LV", "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "SE", "SI", "SK", "SM",
    "UA", "VA", "XK",
];

impl PathwayRegion {
    /// Every region, in the table's order.
    pub const ALL: [PathwayRegion; 3] =
        [PathwayRegion::Global, PathwayRegion::Europe, PathwayRegion::NorthAmerica];

    /// The region of a grid zone (`FR`, `US-CAL-CISO`, `DK-DK1`): its country's.
    pub fn of_zone(zone: &str) -> PathwayRegion {
        let country = zone.split('-').next().unwrap_or(zone);
        if EUROPE.contains(&country) {
            PathwayRegion::Europe
        } else if matches!(country, "US" | "CA" | "MX") {
            PathwayRegion::NorthAmerica
        } else {
            PathwayRegion::Global
        }
    }
}

/// The region's pathway intensity in `year` relative to 2024 (the projections' base year).
/// Years after the table's last (2035) keep its last value.
pub fn oecm_factor(region: PathwayRegion, year: u16) -> f64 {
    let row = &OECM_1_5C_T_PER_MWH[region as usize];
    let k = usize::from(year.saturating_sub(FIRST_YEAR)).min(row.len() - 1);
    row[k] / row[0]
}

/// Where the pathways come from.
pub const SOURCE: &Source = &OECM_2022;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pathways_start_at_one_and_fall() {
        for region in PathwayRegion::ALL {
            assert_eq!(oecm_factor(region, 2024), 1.0);
            assert!(oecm_factor(region, 2030) < oecm_factor(region, 2027));
            assert_eq!(oecm_factor(region, 2040), oecm_factor(region, 2035));
        }
        // The published values: Europe 0.184 → 0.0757 tCO2e/MWh from 2024 to 2030.
        assert!((oecm_factor(PathwayRegion::Europe, 2030) - 0.0757 / 0.184).abs() < 1e-12);
    }

    #[test]
    fn zones_map_to_their_countrys_region() {
        assert_eq!(PathwayRegion::of_zone("DK-DK1"), PathwayRegion::Europe);
        assert_eq!(PathwayRegion::of_zone("US-CAL-CISO"), PathwayRegion::NorthAmerica);
        assert_eq!(PathwayRegion::of_zone("IN"), PathwayRegion::Global);
        assert_eq!(PathwayRegion::of_zone("WORLD"), PathwayRegion::Global);
    }
}

//! Everyday reference values that put a footprint in context or count what a use case avoids:
//! each defined once, with its source, and used both by the equivalents and the Return on
//! Environment.

use super::sources::{EIA_2022, EPA_WATERSENSE, GREEN_ALGORITHMS_CONTEXT, TOMLINSON_2024};
use super::Sourced;

/// Passenger car in Europe, kgCO2 per km (Green Algorithms context data: 175 g).
pub const CAR_EU_KG_PER_KM: Sourced = Sourced { value: 0.175, source: &GREEN_ALGORITHMS_CONTEXT };
/// Passenger car in the United States, kgCO2 per km (Green Algorithms context data: 251 g).
pub const CAR_US_KG_PER_KM: Sourced = Sourced { value: 0.251, source: &GREEN_ALGORITHMS_CONTEXT };
/// Economy-class flight, kgCO2e per passenger-km (Green Algorithms context data: 171 g, within
/// 139–244 g).
pub const FLIGHT_KG_PER_KM: Sourced = Sourced { value: 0.171, source: &GREEN_ALGORITHMS_CONTEXT };
/// CO2 one tree absorbs in a year, kg (Green Algorithms context data: 11 kg).
pub const TREE_YEAR_KG: Sourced = Sourced { value: 11.0, source: &GREEN_ALGORITHMS_CONTEXT };
/// Average US household electricity use, kWh per year (US EIA 2022: 10,791 kWh).
pub const US_HOUSEHOLD_KWH_PER_YEAR: Sourced = Sourced { value: 10_791.0, source: &EIA_2022 };
/// Water of an average shower, litres (US EPA WaterSense: 17.2 gallons).
pub const SHOWER_L: Sourced = Sourced { value: 65.1, source: &EPA_WATERSENSE };
/// Per-page footprint of a US-based human writer, kgCO2e (Tomlinson et al. 2024: 1,400 g).
pub const HUMAN_PAGE_KG: Sourced = Sourced { value: 1.4, source: &TOMLINSON_2024 };
/// Per-page footprint of writing with an AI assistant, kgCO2e (Tomlinson et al. 2024: 2.2 g for
/// ChatGPT), shown beside a use case's own figure for comparison.
pub const AI_PAGE_KG: Sourced = Sourced { value: 0.0022, source: &TOMLINSON_2024 };

//! What a use case replaces or avoids, as the user states it (`use_cases[].avoided`); its
//! Return on Environment is [`crate::decision::roe`].

use serde::{Deserialize, Serialize};

/// What a use case replaces or avoids each year, against a stated counterfactual.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Avoided {
    /// What would happen without the AI, in the user's words.
    #[serde(default)]
    pub counterfactual: String,
    /// Hours of human work replaced per year.
    #[serde(default)]
    pub human_hours: f64,
    /// Footprint of one hour of that work, kgCO2e (the user's figure).
    #[serde(default)]
    pub human_kg_per_hour: f64,
    /// Pages a human would have written, replaced per year (Tomlinson et al. 2024 per-page
    /// footprints).
    #[serde(default)]
    pub pages_written: f64,
    /// Car-km avoided per year.
    #[serde(default)]
    pub car_km: f64,
    /// Economy-class flight km avoided per year (meetings held remotely, for example).
    #[serde(default)]
    pub flight_km: f64,
    /// Electricity saved per year in buildings or processes, kWh.
    #[serde(default)]
    pub kwh_saved: f64,
    /// Other avoided emissions per year, kgCO2e.
    #[serde(default)]
    pub custom_kg: f64,
    /// Other avoided water per year, litres.
    #[serde(default)]
    pub custom_l: f64,
    /// Share of the avoided impacts taken back by rebound effects (0–1).
    #[serde(default)]
    pub rebound_share: f64,
    /// Business value created per year, $.
    #[serde(default)]
    pub value_usd: f64,
}

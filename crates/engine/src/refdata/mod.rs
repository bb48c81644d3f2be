//! Reference data: every default the engine uses, each with its source, year and licence.

pub mod accelerators;
pub mod context;
mod generated;
pub mod grid;
pub mod grid_pathways;
pub mod models;
pub mod operators;
pub mod sources;
pub mod tasks;

pub use accelerators::{accelerator, accelerators, Accelerator};
pub use grid::{location, locations, world, CloudRegion, GridZone, Location};
pub use models::{llm_model, llm_models, LlmModel};
pub use sources::Source;

/// The vintage of the reference data, shown in the app and carried by every result.
pub const DATA_VINTAGE: &str = "grid intensities 2024 (Electricity Maps, Ember); \
    LLM catalogue, provider settings and water factors EcoLogits 0.11.3; \
    API prices genai-prices 0.1.8; accelerators Epoch AI 2026";

/// A reference value together with where it comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sourced {
    /// The value, in the unit named by the field that holds it.
    pub value: f64,
    /// Where the value comes from.
    pub source: &'static Source,
}

/// Constants of the Capgemini 2025 estimator (docs/methodology.md §2).
pub mod paper {
    use super::{sources, Sourced};

    /// Bytes per parameter in FP16.
    pub const BYTES_PER_PARAMETER: Sourced =
        Sourced { value: 2.0, source: &sources::CAPGEMINI_2025 };
    /// Memory overhead on top of the weights (KV cache, activations).
    pub const MEMORY_OVERHEAD: Sourced = Sourced { value: 1.3, source: &sources::CAPGEMINI_2025 };
    /// Size of one accelerator slice (A100 MIG), GB.
    pub const SLICE_MEMORY_GB: Sourced = Sourced { value: 10.0, source: &sources::CAPGEMINI_2025 };
    /// Power drawn per slice, W: p4de (8×A100 at 80 % load plus host share) over 56 slices.
    pub const SLICE_POWER_W: Sourced = Sourced { value: 50.1, source: &sources::CAPGEMINI_2025 };
    /// Storage power per GB kept, W/GB.
    pub const STORAGE_POWER_W_PER_GB: Sourced =
        Sourced { value: 1.25e-3, source: &sources::CAPGEMINI_2025 };
    /// How long request data is kept, hours (one year).
    pub const STORAGE_RETENTION_H: Sourced =
        Sourced { value: 8760.0, source: &sources::CAPGEMINI_2025 };
    /// Bytes stored and transferred per token.
    pub const BYTES_PER_TOKEN: Sourced = Sourced { value: 4.0, source: &sources::CAPGEMINI_2025 };
    /// Network energy, kWh/GB (the paper prints Wh/GB; its results need kWh/GB).
    pub const NETWORK_KWH_PER_GB: Sourced =
        Sourced { value: 0.0342, source: &sources::CAPGEMINI_2025 };
    /// Embodied carbon of one A100 MIG slice per hour of use, kgCO2e/h.
    pub const SLICE_EMBODIED_KG_PER_H: Sourced =
        Sourced { value: 1.93e-3, source: &sources::CAPGEMINI_2025 };
}

/// Data-centre defaults used when the user gives none.
pub mod datacentre {
    use super::{sources, Sourced};
    use crate::Estimate;

    /// Power usage effectiveness: central from the paper (hyperscale), low a best-in-class
    /// fleet, high the industry-wide average of the Uptime Institute 2024 survey.
    pub const PUE: Estimate = Estimate::new(1.09, 1.15, 1.56);
    /// Where each bound of [`PUE`] comes from.
    pub const PUE_SOURCES: [&super::Source; 3] =
        [&sources::GOOGLE_ENV_2024, &sources::CAPGEMINI_2025, &sources::UPTIME_2024];
    /// On-site water usage effectiveness, L/kWh of IT energy: central from the paper, low a
    /// dry-cooled site, high the US industry average (LBNL 2016).
    pub const WUE_ONSITE_L_PER_KWH: Estimate = Estimate::new(0.0, 0.18, 1.8);
    /// Where each bound of [`WUE_ONSITE_L_PER_KWH`] comes from.
    pub const WUE_SOURCES: [&super::Source; 3] =
        [&sources::CAPGEMINI_2025, &sources::CAPGEMINI_2025, &sources::LBNL_2016];
    /// Paper default PUE, for reproducing its published values.
    pub const PAPER_PUE: Sourced = Sourced { value: 1.15, source: &sources::CAPGEMINI_2025 };
}

//! The publications and data sets behind the reference values.

/// A publication or data set, as it is cited next to every value taken from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Source {
    /// Short stable identifier, used in exports.
    pub id: &'static str,
    /// Human-readable citation.
    pub citation: &'static str,
    /// Year the values refer to (or were published, for constants).
    pub year: u16,
    /// Licence under which the values are reused.
    pub licence: &'static str,
}

/// Capgemini Invent 2025, "Measuring the environmental footprint of generative AI" (arXiv 2501.14334).
pub const CAPGEMINI_2025: Source = Source {
    id: "capgemini-2025",
    citation: "Capgemini 2025, environmental footprint of AI use cases (arXiv 2501.14334)",
    year: 2025,
    licence: "facts cited from a publication",
};
/// Electricity Maps yearly carbon-intensity data 2024.
pub const ELECTRICITY_MAPS_2024: Source = Source {
    id: "electricity-maps-2024",
    citation:
        "Electricity Maps (2025), 2024 yearly carbon intensity data, life-cycle, consumption-based",
    year: 2024,
    licence: "ODbL 1.0",
};
/// Ember yearly electricity data, world average.
pub const EMBER_2024: Source = Source {
    id: "ember-2024",
    citation: "Ember yearly electricity data (via CO2.js average intensities)",
    year: 2024,
    licence: "CC BY 4.0",
};
/// Off-site water factors of electricity generation per country (WRI method), as shipped by
/// EcoLogits 0.11.3.
pub const ECOLOGITS_WATER: Source = Source {
    id: "ecologits-0.11.3-water",
    citation: "EcoLogits 0.11.3 electricity mixes, off-site water consumption factor (WRI method)",
    year: 2025,
    licence: "MPL-2.0",
};
/// Uptime Institute Global Data Center Survey 2024: industry average PUE 1.56.
pub const UPTIME_2024: Source = Source {
    id: "uptime-2024",
    citation: "Uptime Institute Global Data Center Survey 2024, average PUE",
    year: 2024,
    licence: "facts cited from a publication",
};
/// Google 2024 Environmental Report: fleet-wide trailing PUE 1.09.
pub const GOOGLE_ENV_2024: Source = Source {
    id: "google-env-2024",
    citation: "Google 2024 Environmental Report, fleet-wide PUE",
    year: 2024,
    licence: "facts cited from a publication",
};
/// Shehabi et al. 2016, United States Data Center Energy Usage Report (LBNL): 1.8 L/kWh.
pub const LBNL_2016: Source = Source {
    id: "lbnl-2016",
    citation:
        "Shehabi et al. 2016, United States Data Center Energy Usage Report (LBNL), on-site water",
    year: 2016,
    licence: "facts cited from a publication",
};

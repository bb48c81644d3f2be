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

/// As cited beside a value: "citation (year, licence)".
impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A value the user typed has no year or licence to give.
        if self.year == 0 {
            return f.write_str(self.citation);
        }
        write!(f, "{} ({}, {})", self.citation, self.year, self.licence)
    }
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
/// Ember yearly electricity data, per country and aggregate (year per value, mostly 2024).
pub const EMBER: Source = Source {
    id: "ember",
    citation:
        "Ember yearly electricity data, life-cycle intensity (via CO2.js average intensities)",
    year: 2024,
    licence: "CC BY 4.0",
};
/// Google Cloud region carbon data 2024: grid intensity and carbon-free energy per region.
pub const GOOGLE_CLOUD_REGIONS_2024: Source = Source {
    id: "google-cloud-region-carbon-2024",
    citation: "Google Cloud region carbon information, 2024 yearly",
    year: 2024,
    licence: "Apache-2.0",
};
/// One Earth Climate Model 1.5 °C pathways of the electricity sector's intensity.
pub const OECM_2022: Source = Source {
    id: "oecm-2022",
    citation: "One Earth Climate Model 1.5 °C pathways (2022), electricity utilities, scopes 1+2 intensity, via os-climate/ITR benchmark_EI_OECM_PC.json",
    year: 2022,
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
/// Epoch AI, Machine Learning Hardware data set (checked against vendor datasheets).
pub const EPOCH_HARDWARE: Source = Source {
    id: "epoch-ml-hardware",
    citation: "Epoch AI, Machine Learning Hardware data set (vendor datasheet values)",
    year: 2026,
    licence: "CC BY 4.0",
};
/// H100 embodied carbon: EcoLogits 2025 (164) and 2026 (273) sets; high bound from published
/// cradle-to-gate estimates (about 575 kgCO2e).
pub const H100_EMBODIED: Source = Source {
    id: "h100-embodied",
    citation: "H100 embodied carbon: EcoLogits 2025 and 2026 sets (164, 273 kgCO2e), high bound ~575 kgCO2e from published LCA estimates",
    year: 2026,
    licence: "facts cited from publications",
};
/// No published embodied value: the H100 range stands in.
pub const H100_EMBODIED_PROXY: Source = Source {
    id: "h100-embodied-proxy",
    citation: "No published embodied carbon for this accelerator: H100 range used as a proxy",
    year: 2026,
    licence: "facts cited from publications",
};
/// A100 embodied carbon: 150 kgCO2e per GPU (Luccioni et al. 2023, BLOOM life-cycle study),
/// H100 central value as the high bound.
pub const A100_EMBODIED: Source = Source {
    id: "a100-embodied",
    citation: "A100 embodied carbon 150 kgCO2e (Luccioni et al. 2023, BLOOM LCA); high bound the H100 value",
    year: 2023,
    licence: "facts cited from a publication",
};
/// EcoLogits 0.11.3 LLM inference model (constants cited as facts).
pub const ECOLOGITS_MODEL: Source = Source {
    id: "ecologits-0.11.3",
    citation: "EcoLogits 0.11.3 LLM inference model (GenAI Impact)",
    year: 2026,
    licence: "MPL-2.0",
};
/// EcoLogits 0.11.3 model catalogue.
pub const ECOLOGITS_MODELS: Source = Source {
    id: "ecologits-0.11.3-models",
    citation: "EcoLogits 0.11.3 models.json, parameters and measured provider speeds",
    year: 2026,
    licence: "MPL-2.0",
};
/// Luccioni, Jernite and Strubell 2024, "Power Hungry Processing", FAccT.
pub const LUCCIONI_2024: Source = Source {
    id: "luccioni-2024",
    citation: "Luccioni, Jernite, Strubell 2024, Power Hungry Processing (FAccT), energy per 1,000 inferences",
    year: 2024,
    licence: "facts cited from a publication",
};
/// API token prices per million tokens, as listed by the providers.
pub const GENAI_PRICES: Source = Source {
    id: "genai-prices-0.1.8",
    citation: "API token prices from @pydantic/genai-prices 0.1.8 (providers' price lists)",
    year: 2026,
    licence: "MIT",
};
/// Data-centre PUE and WUE per API provider, as EcoLogits 0.11.3 configures them.
pub const ECOLOGITS_PROVIDERS: Source = Source {
    id: "ecologits-0.11.3-providers",
    citation: "EcoLogits 0.11.3 provider data-centre settings (location, PUE, WUE)",
    year: 2026,
    licence: "MPL-2.0",
};
/// AWS 2024 sustainability report: global PUE 1.15, WUE 0.15 L/kWh.
pub const AWS_2024: Source = Source {
    id: "aws-2024",
    citation: "Amazon 2024 sustainability report: AWS global PUE 1.15 and WUE 0.15 L/kWh",
    year: 2024,
    licence: "facts cited from a publication",
};
/// Cloud GPU on-demand prices per GPU-hour, May 2026, across hyperscalers, specialty and
/// long-tail providers.
pub const MERCATUS_GPU_PRICES_2026: Source = Source {
    id: "mercatus-gpu-pricing-2026-05",
    citation:
        "Mercatus AI, cloud GPU pricing guide, on-demand $/GPU-hour by provider tier (May 2026)",
    year: 2026,
    licence: "facts cited from a publication",
};
/// Green Algorithms context data (v3.1): everyday carbon equivalents, each row with its own
/// primary source (cars: EEA/UK BEIS and US EPA; flights and trains: UK BEIS 2020; trees).
pub const GREEN_ALGORITHMS_CONTEXT: Source = Source {
    id: "green-algorithms-context-3.1",
    citation: "Green Algorithms data v3.1, context.csv (car 175 / 251 gCO2/km EU / US, economy flight 171 gCO2/km, tree 11 kgCO2/year)",
    year: 2022,
    licence: "CC BY 4.0",
};
/// US Energy Information Administration: average US residential electricity use in 2022.
pub const EIA_2022: Source = Source {
    id: "eia-2022-household",
    citation:
        "US EIA, average annual electricity use of a US residential customer, 2022: 10,791 kWh",
    year: 2022,
    licence: "public domain (US government)",
};
/// US EPA WaterSense: the average shower uses 17.2 gallons (65.1 L).
pub const EPA_WATERSENSE: Source = Source {
    id: "epa-watersense-shower",
    citation: "US EPA WaterSense, average shower 17.2 gallons (65.1 L)",
    year: 2024,
    licence: "public domain (US government)",
};
/// Tomlinson, Black, Patterson and Torrance 2024, "The carbon emissions of writing and
/// illustrating are lower for AI than for humans", Scientific Reports 14: a US-based human
/// writer emits about 1,400 gCO2e per page.
pub const TOMLINSON_2024: Source = Source {
    id: "tomlinson-2024",
    citation: "Tomlinson et al. 2024, Scientific Reports 14, 3732: human writing 1,400 gCO2e per page (US)",
    year: 2024,
    licence: "facts cited from a publication",
};

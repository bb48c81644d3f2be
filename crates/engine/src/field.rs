//! Typed names for the things engine and interfaces exchange: the path of an input field (so
//! a message lands next to its input, and a misspelt path does not compile) and the file
//! format's key of each choice.
//!
//! A [`FieldPath`] displays as the path of the value in the JSON file
//! (`use_cases[0].volume.per_day`): that text is what messages and the command line print.

use std::fmt;

/// A choice with one key per variant: the word the file format (or an interface) uses for it.
pub trait Keyed: Copy + PartialEq + 'static {
    /// Every variant, in display order.
    const ALL: &'static [Self];

    /// The key of this variant.
    fn key(self) -> &'static str;

    /// The variant with this key.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.key() == key)
    }
}

/// Implements [`Keyed`] for an existing enum of unit variants, or declares a new one.
#[macro_export]
macro_rules! keyed {
    (impl $name:ty { $($variant:ident = $key:literal),+ $(,)? }) => {
        impl $crate::field::Keyed for $name {
            const ALL: &'static [Self] = &[$(<$name>::$variant),+];
            fn key(self) -> &'static str {
                match self { $(<$name>::$variant => $key),+ }
            }
        }
    };
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vm])* $variant),+ }
        $crate::keyed!(impl $name { $($variant = $key),+ });
    };
}

/// Writes a [`Keyed`] choice as its key (for results printed as JSON).
#[macro_export]
macro_rules! serialize_as_key {
    ($name:ty) => {
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::field::Keyed::key(*self))
            }
        }
    };
}

/// Where an input lives in a portfolio.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FieldPath {
    /// The file format version.
    SchemaVersion,
    /// The portfolio's id.
    Id,
    /// A portfolio-wide setting.
    Settings(SettingsField),
    /// A field of the use case at this position.
    UseCase(usize, UseCaseField),
}

/// A portfolio-wide setting.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SettingsField {
    /// The SAIQ weights, checked together.
    SaiqWeights,
    /// A shadow price.
    ShadowPrice(ShadowPriceField),
    /// A factor of the projection scenario.
    Scenario(ScenarioField),
    /// A field of the planned lever at this position.
    Lever(usize, LeverField),
    /// A field of the pinned baseline, itself a portfolio.
    Baseline(Box<FieldPath>),
}

/// A factor of a projection scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScenarioField {
    /// Usage growth of one segment (GenAI, agentic, traditional).
    UsageCagr(usize),
    /// One of the factors by 2030.
    Factor(ScenarioFactor),
}

keyed! {
    /// A factor of a projection scenario by 2030.
    pub enum ScenarioFactor {
        /// Model size relative to today.
        ModelSize = "model_size",
        /// Output tokens relative to today.
        OutputTokens = "output_tokens",
        /// Hardware efficiency gain.
        HardwareGain = "hardware_gain",
        /// Quantisation gain.
        Quantisation = "quantisation",
        /// Embodied carbon per unit of work relative to today.
        EmbodiedPerUnit = "embodied_per_unit",
        /// PUE.
        Pue = "pue",
        /// Change of grid intensity.
        GridChange = "grid_change",
    }
}

keyed! {
    /// A shadow price.
    pub enum ShadowPriceField {
        /// $ per tCO2e.
        UsdPerTco2e = "usd_per_tco2e",
        /// $ per m³ of water.
        UsdPerM3 = "usd_per_m3",
    }
}

keyed! {
    /// A field of a planned lever.
    pub enum LeverField {
        /// The use case it applies to.
        UseCase = "use_case",
        /// Its setting.
        Lever = "lever",
    }
}

/// A field of one use case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UseCaseField {
    /// Its id.
    Id,
    /// Its name.
    Name,
    /// What runs.
    Workload(WorkloadField),
    /// How often.
    Volume(VolumeField),
    /// Where.
    Site(SiteField),
    /// At what price.
    Cost(CostField),
    /// What it replaces.
    Avoided(AvoidedField),
}

keyed! {
    /// A field of a workload (LLM, task or training).
    pub enum WorkloadField {
        /// Output tokens per call.
        OutputTokens = "output_tokens",
        /// Input tokens per call.
        InputTokens = "input_tokens",
        /// Bits per weight.
        QuantizationBits = "quantization_bits",
        /// Requests per batch.
        BatchSize = "batch_size",
        /// A catalogue model's id.
        ModelId = "model.id",
        /// A custom model's total parameters.
        ModelTotalParametersB = "model.total_parameters_b",
        /// A custom model's active parameters.
        ModelActiveParametersB = "model.active_parameters_b",
        /// The training accelerator.
        Accelerator = "accelerator",
        /// Accelerator-hours per run.
        AcceleratorHours = "compute.accelerator_hours",
        /// Average power as a share of TDP.
        PowerShareOfTdp = "compute.power_share_of_tdp",
        /// Active parameters of a model trained from FLOPs.
        ComputeActiveParametersB = "compute.active_parameters_b",
        /// Training tokens.
        TokensB = "compute.tokens_b",
        /// Model FLOP utilisation.
        Mfu = "compute.mfu",
        /// The task of a classic fine-tune.
        FineTuneTask = "compute.task",
    }
}

keyed! {
    /// A field of a volume.
    pub enum VolumeField {
        /// Runs per day.
        PerDay = "per_day",
        /// Days per year.
        DaysPerYear = "days_per_year",
        /// Users.
        Users = "users",
        /// Runs per user per day.
        PerUserPerDay = "per_user_per_day",
        /// Runs per year.
        PerYear = "per_year",
    }
}

keyed! {
    /// A field of a site.
    pub enum SiteField {
        /// The location.
        Location = "location",
        /// Power usage effectiveness.
        Pue = "pue",
        /// On-site water usage effectiveness.
        WueOnsite = "wue_onsite_l_per_kwh",
        /// Carbon-free share bought.
        CarbonFreeShare = "carbon_free_share",
    }
}

keyed! {
    /// A field of a cost.
    pub enum CostField {
        /// How it is costed.
        Basis = "basis",
        /// $ per million input tokens.
        UsdPerMillionInput = "usd_per_million_input",
        /// $ per million output tokens.
        UsdPerMillionOutput = "usd_per_million_output",
        /// $ per accelerator-hour.
        UsdPerHour = "usd_per_hour",
        /// $ per kWh.
        UsdPerKwh = "usd_per_kwh",
    }
}

keyed! {
    /// A field of what a use case replaces.
    pub enum AvoidedField {
        /// Hours of human work.
        HumanHours = "human_hours",
        /// Footprint of an hour of human work.
        HumanKgPerHour = "human_kg_per_hour",
        /// Pages written.
        PagesWritten = "pages_written",
        /// Car travel.
        CarKm = "car_km",
        /// Air travel.
        FlightKm = "flight_km",
        /// Electricity saved.
        KwhSaved = "kwh_saved",
        /// Other carbon avoided.
        CustomKg = "custom_kg",
        /// Other water avoided.
        CustomL = "custom_l",
        /// Rebound share.
        ReboundShare = "rebound_share",
        /// Business value.
        ValueUsd = "value_usd",
    }
}

impl FieldPath {
    /// A field of the use case at `index`.
    pub fn use_case(index: usize, field: UseCaseField) -> Self {
        FieldPath::UseCase(index, field)
    }

    /// The same field inside the pinned baseline.
    pub fn in_baseline(self) -> Self {
        FieldPath::Settings(SettingsField::Baseline(Box::new(self)))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::SchemaVersion => f.write_str("schema_version"),
            FieldPath::Id => f.write_str("id"),
            FieldPath::Settings(s) => write!(f, "settings.{s}"),
            FieldPath::UseCase(i, field) => write!(f, "use_cases[{i}].{field}"),
        }
    }
}

impl fmt::Display for SettingsField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingsField::SaiqWeights => f.write_str("saiq_weights"),
            SettingsField::ShadowPrice(p) => write!(f, "shadow_prices.{}", p.key()),
            SettingsField::Scenario(ScenarioField::UsageCagr(i)) => {
                write!(f, "scenario.usage_cagr[{i}]")
            }
            SettingsField::Scenario(ScenarioField::Factor(x)) => write!(f, "scenario.{}", x.key()),
            SettingsField::Lever(i, field) => write!(f, "levers[{i}].{}", field.key()),
            SettingsField::Baseline(path) => write!(f, "baseline.{path}"),
        }
    }
}

impl fmt::Display for UseCaseField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UseCaseField::Id => f.write_str("id"),
            UseCaseField::Name => f.write_str("name"),
            UseCaseField::Workload(x) => write!(f, "workload.{}", x.key()),
            UseCaseField::Volume(x) => write!(f, "volume.{}", x.key()),
            UseCaseField::Site(x) => write!(f, "site.{}", x.key()),
            UseCaseField::Cost(x) => write!(f, "cost.{}", x.key()),
            UseCaseField::Avoided(x) => write!(f, "avoided.{}", x.key()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_display_as_the_json_path_of_the_value() {
        let per_day = FieldPath::use_case(3, UseCaseField::Volume(VolumeField::PerDay));
        assert_eq!(per_day.to_string(), "use_cases[3].volume.per_day");
        assert_eq!(
            per_day.in_baseline().to_string(),
            "settings.baseline.use_cases[3].volume.per_day"
        );
        let model = FieldPath::use_case(0, UseCaseField::Workload(WorkloadField::ModelId));
        assert_eq!(model.to_string(), "use_cases[0].workload.model.id");
        let cagr = FieldPath::Settings(SettingsField::Scenario(ScenarioField::UsageCagr(1)));
        assert_eq!(cagr.to_string(), "settings.scenario.usage_cagr[1]");
        let lever = FieldPath::Settings(SettingsField::Lever(2, LeverField::UseCase));
        assert_eq!(lever.to_string(), "settings.levers[2].use_case");
    }

    #[test]
    fn keys_are_unique_and_read_back() {
        fn check<K: Keyed + std::fmt::Debug>() {
            for (i, v) in K::ALL.iter().enumerate() {
                assert_eq!(K::from_key(v.key()), Some(*v));
                assert!(K::ALL[..i].iter().all(|w| w.key() != v.key()), "{v:?}");
            }
            assert_eq!(K::from_key("no such key"), None);
        }
        check::<WorkloadField>();
        check::<VolumeField>();
        check::<SiteField>();
        check::<CostField>();
        check::<AvoidedField>();
        check::<ScenarioFactor>();
        check::<ShadowPriceField>();
        check::<LeverField>();
    }
}

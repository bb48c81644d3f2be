//! Data-centre operators: where an API provider or cloud runs, and its PUE and on-site WUE.
//!
//! A location `api:openai` means "wherever OpenAI serves its API": the grid and data-centre
//! factors EcoLogits 0.11.3 assigns to that provider. Cloud regions (`aws:…`) take their
//! operator's fleet PUE and WUE where one is published.

use super::sources::{Source, AWS_2024, ECOLOGITS_PROVIDERS};
use crate::Estimate;

/// A data-centre operator's published or configured efficiency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Operator {
    /// `openai`, `anthropic`, … for API providers; `aws`, `gcp`, `azure` for clouds.
    pub id: &'static str,
    /// Name shown to the user.
    pub name: &'static str,
    /// Grid zone of its data centres, for API providers (clouds have one per region).
    pub zone: Option<&'static str>,
    /// Power usage effectiveness.
    pub pue: Estimate,
    /// On-site water usage effectiveness, L/kWh of IT energy.
    pub wue_l_per_kwh: Estimate,
    /// Where the values come from.
    pub source: &'static Source,
}

const fn api(
    id: &'static str,
    name: &'static str,
    zone: &'static str,
    pue: Estimate,
    wue: Estimate,
) -> Operator {
    Operator { id, name, zone: Some(zone), pue, wue_l_per_kwh: wue, source: &ECOLOGITS_PROVIDERS }
}

/// API providers (EcoLogits 0.11.3 provider settings) and cloud operators.
pub static OPERATORS: &[Operator] = &[
    api("openai", "OpenAI API", "US", Estimate::exact(1.20), Estimate::exact(0.569)),
    api(
        "anthropic",
        "Anthropic API",
        "US",
        Estimate::new(1.09, 1.115, 1.14),
        Estimate::new(0.13, 0.5645, 0.999),
    ),
    api("google_genai", "Google Gemini API", "US", Estimate::exact(1.09), Estimate::exact(0.999)),
    api("mistralai", "Mistral AI API", "SE", Estimate::exact(1.16), Estimate::exact(0.09)),
    api("cohere", "Cohere API", "US", Estimate::exact(1.09), Estimate::exact(0.999)),
    api(
        "huggingface_hub",
        "Hugging Face inference",
        "US",
        Estimate::new(1.09, 1.115, 1.14),
        Estimate::new(0.13, 0.56, 0.99),
    ),
    Operator {
        id: "aws",
        name: "AWS",
        zone: None,
        pue: Estimate::exact(1.15),
        wue_l_per_kwh: Estimate::exact(0.15),
        source: &AWS_2024,
    },
    // Google Cloud and Azure: the same fleets EcoLogits configures for Google's and OpenAI's
    // (Azure-hosted) APIs.
    Operator {
        id: "gcp",
        name: "Google Cloud",
        zone: None,
        pue: Estimate::exact(1.09),
        wue_l_per_kwh: Estimate::exact(0.999),
        source: &ECOLOGITS_PROVIDERS,
    },
    Operator {
        id: "azure",
        name: "Azure",
        zone: None,
        pue: Estimate::exact(1.20),
        wue_l_per_kwh: Estimate::exact(0.569),
        source: &ECOLOGITS_PROVIDERS,
    },
];

/// Looks an operator up by id.
pub fn operator(id: &str) -> Option<&'static Operator> {
    OPERATORS.iter().find(|o| o.id == id)
}

/// API providers, in display order.
pub fn api_providers() -> impl Iterator<Item = &'static Operator> {
    OPERATORS.iter().filter(|o| o.zone.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_ordered_and_zones_exist() {
        for o in OPERATORS {
            assert!(o.pue.is_ordered() && o.pue.low >= 1.0, "{}", o.id);
            assert!(o.wue_l_per_kwh.is_ordered(), "{}", o.id);
            if let Some(zone) = o.zone {
                assert!(super::super::grid::zone(zone).is_some(), "{}", o.id);
            }
        }
        assert_eq!(api_providers().count(), 6);
    }
}

//! LLM catalogue: parameters and measured speeds of common open and API models.

use super::generated::llm_models::LLM_MODELS;

/// One catalogued LLM. Parameter counts are ranges where the architecture is not published.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LlmModel {
    /// Provider as EcoLogits names it (`openai`, `anthropic`, `huggingface_hub`, …).
    pub provider: &'static str,
    /// Model name as the provider's API spells it.
    pub name: &'static str,
    /// Mixture of experts (only some parameters active per token).
    pub moe: bool,
    /// Total parameters, billions (low, high).
    pub total_b: (f64, f64),
    /// Active parameters per token, billions (low, high).
    pub active_b: (f64, f64),
    /// Measured output speed, tokens/s.
    pub tokens_per_s: Option<f64>,
    /// Measured time to first token, s.
    pub ttft_s: Option<f64>,
    /// API price, US dollars per million (input, output) tokens, where the provider lists one
    /// (@pydantic/genai-prices 0.1.8, see [`super::sources::GENAI_PRICES`]).
    pub usd_per_million: Option<(f64, f64)>,
}

impl LlmModel {
    /// Identifier stored in portfolios: `provider/name`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.provider, self.name)
    }
}

/// Every catalogued model.
pub fn llm_models() -> &'static [LlmModel] {
    LLM_MODELS
}

/// Looks a model up by `provider/name` (the name may itself contain a slash).
pub fn llm_model(id: &str) -> Option<&'static LlmModel> {
    let (provider, name) = id.split_once('/')?;
    LLM_MODELS.iter().find(|m| m.provider == provider && m.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_complete_and_consistent() {
        assert!(LLM_MODELS.len() > 300);
        for m in LLM_MODELS {
            assert!(m.total_b.0 > 0.0 && m.total_b.0 <= m.total_b.1, "{}", m.id());
            assert!(m.active_b.0 > 0.0 && m.active_b.0 <= m.active_b.1, "{}", m.id());
            assert!(m.active_b.1 <= m.total_b.1, "{}", m.id());
        }
    }

    #[test]
    fn finds_open_and_api_models() {
        let llama = llm_model("huggingface_hub/meta-llama/Meta-Llama-3.1-8B-Instruct").unwrap();
        assert_eq!(llama.total_b, (8.03, 8.03));
        let gpt4o = llm_model("openai/gpt-4o").unwrap();
        assert!(gpt4o.moe);
        assert_eq!(gpt4o.active_b, (44.0, 132.0));
        assert_eq!(gpt4o.tokens_per_s, Some(74.0));
        assert_eq!(gpt4o.usd_per_million, Some((2.5, 10.0)));
        assert_eq!(llama.usd_per_million, None, "open models have no single API price");
    }
}

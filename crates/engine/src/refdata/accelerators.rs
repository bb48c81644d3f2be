//! Accelerator catalogue: power, memory, peak compute and embodied carbon.

use super::generated::accelerators::ACCELERATORS;
use super::sources::{Source, MERCATUS_GPU_PRICES_2026};
use crate::Estimate;

/// One accelerator model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accelerator {
    /// Identifier stored in portfolios (`nvidia-h100-sxm`).
    pub id: &'static str,
    /// Name as Epoch AI lists it.
    pub name: &'static str,
    /// Release date, ISO 8601.
    pub release: &'static str,
    /// Thermal design power, W.
    pub tdp_w: f64,
    /// Memory, GB.
    pub memory_gb: f64,
    /// Peak dense BF16/FP16 tensor throughput, FLOP/s.
    pub bf16_flop_per_s: f64,
    /// Peak dense FP8 tensor throughput, FLOP/s, where supported.
    pub fp8_flop_per_s: Option<f64>,
    /// Embodied carbon of manufacturing one accelerator, kgCO2e (low, central, high).
    pub embodied_kg: Estimate,
    /// Where the embodied values come from.
    pub embodied_source: &'static Source,
    /// Where the specifications come from.
    pub spec_source: &'static Source,
}

/// Embodied carbon of an 8-accelerator server without its accelerators, kgCO2e (EcoLogits).
pub const SERVER_EMBODIED_KG: f64 = 5_700.0;
/// Accelerators per server.
pub const ACCELERATORS_PER_SERVER: f64 = 8.0;
/// Hardware lifetime, hours (3 years, EcoLogits and common practice).
pub const LIFETIME_H: f64 = 3.0 * 365.0 * 24.0;

/// Every catalogued accelerator.
pub fn accelerators() -> &'static [Accelerator] {
    ACCELERATORS
}

/// Looks an accelerator up by id.
pub fn accelerator(id: &str) -> Option<&'static Accelerator> {
    ACCELERATORS.iter().find(|a| a.id == id)
}

/// The accelerator assumed by estimates that publish energy but not hardware time (tasks,
/// prefill, EcoLogits' embodied share): [`DEFAULT_ACCELERATOR`], the H100.
pub fn reference() -> &'static Accelerator {
    accelerator(DEFAULT_ACCELERATOR).expect("the generated catalogue has the H100 (tested below)")
}

/// On-demand cloud price of one accelerator-hour, US dollars (low: long-tail providers;
/// central: the middle of specialty GPU clouds; high: hyperscalers), where published.
pub fn hourly_price_usd(id: &str) -> Option<(Estimate, &'static Source)> {
    let price = match id {
        "nvidia-a100-80gb" => Estimate::new(0.80, 1.30, 3.00),
        "nvidia-h100-sxm" => Estimate::new(1.99, 3.00, 5.00),
        "nvidia-h200-sxm" => Estimate::new(2.50, 4.00, 7.00),
        _ => return None,
    };
    Some((price, &MERCATUS_GPU_PRICES_2026))
}

/// The accelerator of the Capgemini 2025 estimator's measurements (AWS p4de: A100 80 GB).
pub const PAPER_ACCELERATOR: &str = "nvidia-a100-80gb";

/// The default accelerator for self-hosted work and training: NVIDIA H100 SXM.
pub use crate::portfolio::DEFAULT_ACCELERATOR;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_matches_vendor_datasheets() {
        let h100 = reference();
        assert_eq!(h100.tdp_w, 700.0);
        assert_eq!(h100.memory_gb, 80.0);
        assert_eq!(h100.bf16_flop_per_s, 989.4e12);
        assert_eq!(h100.embodied_kg, Estimate::new(164.0, 273.0, 575.0));
        let a100 = accelerator("nvidia-a100-80gb").unwrap();
        assert_eq!((a100.tdp_w, a100.bf16_flop_per_s), (400.0, 312e12));
        for a in ACCELERATORS {
            assert!(a.embodied_kg.is_ordered(), "{}", a.id);
            if let Some((price, _)) = hourly_price_usd(a.id) {
                assert!(price.is_ordered() && price.low > 0.0, "{}", a.id);
            }
        }
        assert!(hourly_price_usd(DEFAULT_ACCELERATOR).is_some());
        assert!(hourly_price_usd(PAPER_ACCELERATOR).is_some());
    }
}

//! Prefill: the energy of reading the input tokens, left out by both published estimators.
//!
//! Our extension (docs/methodology.md §4): prefill is compute-bound, so its energy
//! follows its arithmetic. A forward pass costs 2 FLOPs per active parameter per token; an H100
//! SXM delivers 989.4 TFLOP/s (dense BF16) at 700 W, of which a fraction (model FLOP
//! utilisation) is achieved:
//!
//! `IT energy = input tokens × 2 × active parameters ÷ (peak FLOP/s × MFU) × TDP`.
//!
//! MFU for prefill: 0.6 (low energy), 0.45 (central), 0.3 (high energy).

use crate::estimate::{Bound, Estimate};

/// H100 SXM peak dense BF16 throughput, FLOP/s (vendor datasheet, via Epoch AI).
const PEAK_FLOP_PER_S: f64 = 989.4e12;
/// H100 SXM thermal design power, W.
const TDP_W: f64 = 700.0;
/// Model FLOP utilisation during prefill; listed so that the low bound gives the low energy.
pub(crate) const MFU: Estimate = Estimate::new(0.6, 0.45, 0.3);

/// GPU-seconds and IT energy (kWh) of reading `input_tokens` at one bound.
pub(crate) fn prefill(input_tokens: f64, active_parameters_b: f64, bound: Bound) -> (f64, f64) {
    let flops = 2.0 * active_parameters_b * 1e9 * input_tokens;
    let gpu_seconds = flops / (PEAK_FLOP_PER_S * MFU.at(bound));
    (gpu_seconds, gpu_seconds * TDP_W / 3.6e6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thousand_tokens_through_70b_costs_tens_of_milliwatt_hours() {
        let (seconds, kwh) = prefill(1_000.0, 70.0, Bound::Central);
        assert!((seconds - 0.3145).abs() < 1e-3, "{seconds}");
        assert!((kwh - 6.1e-5).abs() < 1e-6, "{kwh}");
        let (_, low) = prefill(1_000.0, 70.0, Bound::Low);
        let (_, high) = prefill(1_000.0, 70.0, Bound::High);
        assert!(low < kwh && kwh < high);
    }
}

//! The EcoLogits-style estimator (docs/methodology.md §3): energy per output token from a
//! regression on measured H100 data, shared across a batch of concurrent requests.
//!
//! Constants are those of EcoLogits 0.11.3 (`ecologits/impacts/llm.py`, MPL-2.0), cited as facts;
//! the formulas are re-implemented here from their published description.

use serde::Serialize;

/// Regression coefficient α of GPU energy per output token (Wh per billion active parameters).
pub(crate) const GPU_ENERGY_ALPHA: f64 = 1.166_527_317_045_191_4e-6;
/// Regression coefficient β of GPU energy per output token (per request in the batch).
pub(crate) const GPU_ENERGY_BETA: f64 = -0.011_205_921_025_579_175;
/// Regression coefficient γ of GPU energy per output token (Wh).
pub(crate) const GPU_ENERGY_GAMMA: f64 = 4.052_928_146_734_005e-5;
/// Latency regression: seconds per output token per billion active parameters.
pub(crate) const LATENCY_ALPHA: f64 = 6.785_088_094_353_663e-4;
/// Latency regression: seconds per output token per request in the batch.
pub(crate) const LATENCY_BETA: f64 = 3.119_310_311_688_259e-4;
/// Latency regression: seconds per output token, constant term.
pub(crate) const LATENCY_GAMMA: f64 = 1.947_371_757_947_338_7e-2;
/// Memory of one GPU (H100 80 GB), GB.
pub(crate) const GPU_MEMORY_GB: f64 = 80.0;
/// GPUs per server.
pub(crate) const SERVER_GPUS: f64 = 8.0;
/// Power of a server without its GPUs, kW.
pub(crate) const SERVER_POWER_KW: f64 = 1.2;
/// Requests served concurrently when the use case does not say: EcoLogits' fixed value.
pub const BATCH_SIZE: f64 = 64.0;
/// Memory overhead on top of the weights.
pub(crate) const MEMORY_OVERHEAD: f64 = 1.2;
/// Hardware lifetime, seconds (3 years of 365 days).
pub(crate) const HARDWARE_LIFETIME_S: f64 =
    crate::refdata::accelerators::LIFETIME_H * crate::units::S_PER_H;

/// Embodied carbon of the hardware, kgCO2e.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub(crate) struct EmbodiedSet {
    /// One GPU.
    pub gpu_kg: f64,
    /// One server without its GPUs.
    pub server_kg: f64,
}

/// Inputs of one request, already validated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RequestInput {
    /// Total parameters, billions (sets the memory and so the GPU count).
    pub total_parameters_b: f64,
    /// Parameters active per token, billions (equal to the total for dense models).
    pub active_parameters_b: f64,
    /// Bits per weight (16 for FP16/BF16, 8 for FP8/INT8).
    pub quantization_bits: f64,
    /// Output tokens generated.
    pub output_tokens: f64,
    /// Measured output speed, tokens/s, when the provider publishes it.
    pub tokens_per_s: Option<f64>,
    /// Measured time to first token, s, when known.
    pub ttft_s: Option<f64>,
    /// Measured end-to-end latency, s: an upper bound on the generation time.
    pub latency_bound_s: Option<f64>,
    /// Requests served concurrently (`BATCH_SIZE` unless the use case sets it).
    pub batch_size: f64,
    /// Power usage effectiveness.
    pub pue: f64,
    /// Embodied constants.
    pub embodied: EmbodiedSet,
}

/// Energy and embodied carbon of one request, with the intermediate values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RequestEnergy {
    /// Model memory with overhead, GB.
    pub memory_gb: f64,
    /// GPUs serving the model (a power of two).
    pub gpus: f64,
    /// Requests served concurrently, sharing the server and its embodied carbon.
    pub batch_size: f64,
    /// GPU energy per output token, per GPU, kWh.
    pub gpu_kwh_per_token: f64,
    /// Generation time, s.
    pub generation_s: f64,
    /// Server (non-GPU) energy share of this request, kWh.
    pub server_kwh: f64,
    /// GPU energy of this request, kWh.
    pub gpu_kwh: f64,
    /// IT energy (server + GPUs), kWh.
    pub it_kwh: f64,
    /// Facility energy (IT × PUE), kWh.
    pub energy_kwh: f64,
    /// Embodied carbon share of this request, kgCO2e.
    pub embodied_kg: f64,
}

/// GPUs needed to hold `memory_gb`: the next power of two of `ceil(memory / 80 GB)`.
pub(crate) fn gpus_for(memory_gb: f64) -> f64 {
    let needed = (memory_gb / GPU_MEMORY_GB).ceil().max(1.0);
    needed.log2().ceil().exp2()
}

/// Estimates one request.
pub(crate) fn estimate_request(input: RequestInput) -> RequestEnergy {
    let memory_gb = MEMORY_OVERHEAD * input.total_parameters_b * input.quantization_bits / 8.0;
    let gpus = gpus_for(memory_gb);
    let gpu_wh_per_token =
        GPU_ENERGY_ALPHA * (GPU_ENERGY_BETA * input.batch_size).exp() * input.active_parameters_b
            + GPU_ENERGY_GAMMA;
    let gpu_kwh_per_token = gpu_wh_per_token / 1_000.0;
    let seconds_per_token = match input.tokens_per_s {
        Some(tps) => 1.0 / tps,
        None => {
            LATENCY_ALPHA * input.active_parameters_b
                + LATENCY_BETA * input.batch_size
                + LATENCY_GAMMA
        }
    };
    let unbounded_s = input.output_tokens * seconds_per_token + input.ttft_s.unwrap_or(0.0);
    let generation_s = match input.latency_bound_s {
        Some(bound) if bound < unbounded_s => bound,
        _ => unbounded_s,
    };
    let server_kwh =
        generation_s / 3_600.0 * SERVER_POWER_KW * (gpus / SERVER_GPUS) / input.batch_size;
    let gpu_kwh = gpus * input.output_tokens * gpu_kwh_per_token;
    let it_kwh = server_kwh + gpu_kwh;
    let hardware_kg = gpus / SERVER_GPUS * input.embodied.server_kg + gpus * input.embodied.gpu_kg;
    let embodied_kg = generation_s * hardware_kg / (HARDWARE_LIFETIME_S * input.batch_size);
    RequestEnergy {
        memory_gb,
        gpus,
        batch_size: input.batch_size,
        gpu_kwh_per_token,
        generation_s,
        server_kwh,
        gpu_kwh,
        it_kwh,
        energy_kwh: input.pue * it_kwh,
        embodied_kg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 2026 constant set of EcoLogits (GPU 273 kgCO2e), as the conformance vectors use.
    const EMBODIED_2026: EmbodiedSet = EmbodiedSet { gpu_kg: 273.0, server_kg: 5_700.0 };

    /// Water of one request as ecologits.js computes it, litres: on-site per IT kWh, off-site
    /// per facility kWh. The engine computes water in `evaluate`; this checks the vectors.
    fn water_l(it_kwh: f64, pue: f64, wue_onsite_l_per_kwh: f64, offsite_l_per_kwh: f64) -> f64 {
        it_kwh * (wue_onsite_l_per_kwh + pue * offsite_l_per_kwh)
    }

    /// The ecologits.js conformance vectors (docs/methodology.md §3), 2026 constants.
    const MIX_KG_PER_KWH: f64 = 0.3844;
    const OFFSITE_L_PER_KWH: f64 = 3.1321;
    const PUE: f64 = 1.09;
    const WUE: f64 = 0.999;

    fn vector(total: f64, active: f64, tps: Option<f64>, ttft: Option<f64>) -> RequestEnergy {
        estimate_request(RequestInput {
            total_parameters_b: total,
            active_parameters_b: active,
            quantization_bits: 16.0,
            output_tokens: 200.0,
            tokens_per_s: tps,
            ttft_s: ttft,
            latency_bound_s: Some(5.0),
            batch_size: BATCH_SIZE,
            pue: PUE,
            embodied: EMBODIED_2026,
        })
    }

    fn assert_close(actual: f64, expected: f64) {
        let relative = ((actual - expected) / expected).abs();
        assert!(
            relative < 1e-12,
            "actual {actual:e}, expected {expected:e}, relative {relative:e}"
        );
    }

    #[test]
    fn dense_32b_without_provider_speeds() {
        let r = vector(32.3, 32.3, None, None);
        assert_eq!(r.gpus, 1.0);
        assert_eq!(r.generation_s, 5.0, "the regression's 12.3 s is bounded by the 5 s latency");
        assert_close(r.energy_kwh, 1.639303138765219e-05);
        let usage = r.energy_kwh * MIX_KG_PER_KWH;
        assert_close(usage, 6.301481265413502e-06);
        assert_close(r.embodied_kg, 8.138020833333334e-07);
        assert_close(usage + r.embodied_kg, 7.115283348746835e-06);
        assert_close(water_l(r.it_kwh, PUE, WUE, OFFSITE_L_PER_KWH), 6.63690524682237e-05);
    }

    #[test]
    fn dense_111b_with_provider_speeds() {
        let r = vector(111.0, 111.0, Some(63.0), Some(0.95));
        assert_eq!(r.gpus, 4.0);
        assert_close(r.energy_kwh, 1.0216410036670692e-04);
        assert_close(r.energy_kwh * MIX_KG_PER_KWH + r.embodied_kg, 4.1957168706094415e-05);
        assert_close(water_l(r.it_kwh, PUE, WUE, OFFSITE_L_PER_KWH), 4.136229826726363e-04);
    }

    #[test]
    fn mixture_of_experts_uses_total_for_memory_and_active_for_energy() {
        let r = vector(218.0, 25.0, Some(139.5), Some(0.23));
        assert_eq!(r.gpus, 8.0);
        assert_close(r.energy_kwh, 1.049544290967799e-04);
        assert_close(water_l(r.it_kwh, PUE, WUE, OFFSITE_L_PER_KWH), 4.24919945968229e-04);
    }

    #[test]
    fn a_larger_batch_shares_the_hardware_more_and_each_request_waits_longer() {
        let at = |batch_size| {
            estimate_request(RequestInput {
                latency_bound_s: None,
                batch_size,
                ..RequestInput {
                    total_parameters_b: 70.0,
                    active_parameters_b: 70.0,
                    quantization_bits: 16.0,
                    output_tokens: 200.0,
                    tokens_per_s: None,
                    ttft_s: None,
                    latency_bound_s: None,
                    batch_size: BATCH_SIZE,
                    pue: PUE,
                    embodied: EMBODIED_2026,
                }
            })
        };
        let (small, default, large) = (at(16.0), at(BATCH_SIZE), at(256.0));
        assert!(small.energy_kwh > default.energy_kwh && default.energy_kwh > large.energy_kwh);
        assert!(small.embodied_kg > default.embodied_kg && default.embodied_kg > large.embodied_kg);
        assert!(large.generation_s > default.generation_s, "latency grows with the batch");
        // The GPU term falls towards its floor γ, never below it.
        assert!(large.gpu_kwh_per_token > GPU_ENERGY_GAMMA / 1_000.0);
    }

    #[test]
    fn gpu_count_is_a_power_of_two() {
        assert_eq!(gpus_for(1.0), 1.0);
        assert_eq!(gpus_for(80.0), 1.0);
        assert_eq!(gpus_for(81.0), 2.0);
        assert_eq!(gpus_for(241.0), 4.0);
        assert_eq!(gpus_for(561.0), 8.0);
    }
}

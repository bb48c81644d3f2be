//! The Capgemini 2025 estimator ("paper", arXiv 2501.14334; docs/methodology.md §2).
//!
//! An LLM occupies `ceil(memory / 10 GB)` A100 MIG slices; each draws 50.1 W for the time the
//! request takes (time to first token plus output tokens over throughput). Storage keeps the
//! request's bytes for a year and the network carries them once. Input tokens only enter through
//! storage and network, as in the paper.
//!
//! The paper measured three model sizes. For other models, time to first token and throughput
//! are interpolated between them on a log–log scale of active parameters (extrapolated from the
//! nearest pair beyond them); at the three reference sizes the values are the paper's own.

use serde::Serialize;

use crate::portfolio::{LlmTask, ModelSize};
use crate::refdata::paper as k;

/// Reference speeds measured by the paper for one model size.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub(crate) struct ReferenceSpeed {
    /// Time to first token for a 100-token prompt, s.
    pub ttft_chat_s: f64,
    /// Time to first token for a 1,000-token (RAG) prompt, s.
    pub ttft_rag_s: f64,
    /// Output throughput, tokens/s.
    pub throughput_tokens_per_s: f64,
}

/// The paper's reference speeds (Llama 3.1 on A100).
pub(crate) fn reference_speed(model: ModelSize) -> ReferenceSpeed {
    let (ttft_chat_s, ttft_rag_s, throughput_tokens_per_s) = match model {
        ModelSize::B8 => (0.26, 0.29, 124.3),
        ModelSize::B70 => (0.36, 0.43, 44.0),
        ModelSize::B405 => (0.60, 0.91, 21.7),
    };
    ReferenceSpeed { ttft_chat_s, ttft_rag_s, throughput_tokens_per_s }
}

/// Reference speeds for any model, by its active parameters (billions): the paper's own at
/// 8B, 70B and 405B, log–log interpolated between them and extrapolated beyond.
pub(crate) fn speed_for(active_parameters_b: f64) -> ReferenceSpeed {
    let points = [ModelSize::B8, ModelSize::B70, ModelSize::B405]
        .map(|m| (m.parameters_b(), reference_speed(m)));
    // The segment whose interval holds the size, or the nearest end segment.
    let (lo, hi) = if active_parameters_b <= points[1].0 {
        (points[0], points[1])
    } else {
        (points[1], points[2])
    };
    if let Some(&(_, exact)) = points.iter().find(|(p, _)| *p == active_parameters_b) {
        return exact;
    }
    let t = (active_parameters_b.ln() - lo.0.ln()) / (hi.0.ln() - lo.0.ln());
    let interpolate = |a: f64, b: f64| (a.ln() + t * (b.ln() - a.ln())).exp();
    ReferenceSpeed {
        ttft_chat_s: interpolate(lo.1.ttft_chat_s, hi.1.ttft_chat_s),
        ttft_rag_s: interpolate(lo.1.ttft_rag_s, hi.1.ttft_rag_s),
        throughput_tokens_per_s: interpolate(
            lo.1.throughput_tokens_per_s,
            hi.1.throughput_tokens_per_s,
        ),
    }
}

/// MIG slices per A100 (56 slices over the 8 GPUs of a p4de instance).
pub(crate) const SLICES_PER_GPU: f64 = 7.0;

/// Inputs of one model call, already validated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CallInput {
    /// Total parameters, billions (sets the memory and so the slices).
    pub total_parameters_b: f64,
    /// Bits per weight (16 in the paper).
    pub quantization_bits: f64,
    /// Speeds of this model.
    pub speed: ReferenceSpeed,
    /// Task, which selects the time to first token.
    pub task: LlmTask,
    /// Output tokens generated.
    pub output_tokens: f64,
    /// Input tokens sent.
    pub input_tokens: f64,
    /// Power usage effectiveness of the data centre.
    pub pue: f64,
}

/// Energy and hardware time of one model call, with the intermediate values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CallEnergy {
    /// Model memory with overhead, GB.
    pub memory_gb: f64,
    /// A100 MIG slices occupied.
    pub slices: f64,
    /// Time to first token used, s.
    pub ttft_s: f64,
    /// Output throughput used, tokens/s.
    pub throughput_tokens_per_s: f64,
    /// Time the slices are busy, s.
    pub time_s: f64,
    /// Energy drawn by the IT equipment (accelerators and storage), before PUE, kWh.
    pub it_kwh: f64,
    /// Accelerator energy at the facility meter (IT × PUE), kWh.
    pub compute_kwh: f64,
    /// Storage energy at the facility meter for one year of retention, kWh.
    pub storage_kwh: f64,
    /// Network transfer energy, kWh (outside the data centre: no PUE).
    pub network_kwh: f64,
    /// Embodied carbon of the slice time used, kgCO2e.
    pub embodied_kg: f64,
}

impl CallEnergy {
    /// A100-hours occupied (slices over 7 slices per GPU).
    pub fn accelerator_hours(&self) -> f64 {
        self.slices / SLICES_PER_GPU * self.time_s / S_PER_H
    }

    /// Total energy of the call, kWh.
    pub fn total_kwh(&self) -> f64 {
        self.compute_kwh + self.storage_kwh + self.network_kwh
    }
}

const WH_PER_KWH: f64 = 1_000.0;
const J_PER_KWH: f64 = 3.6e6;
const S_PER_H: f64 = 3_600.0;
const BYTES_PER_GB: f64 = 1e9;

/// Estimates one model call.
pub(crate) fn estimate_call(input: CallInput) -> CallEnergy {
    // The paper's 2 bytes per parameter is FP16; other precisions scale the memory.
    let bytes_per_parameter = k::BYTES_PER_PARAMETER.value * input.quantization_bits / 16.0;
    let memory_gb = input.total_parameters_b * bytes_per_parameter * k::MEMORY_OVERHEAD.value;
    let slices = (memory_gb / k::SLICE_MEMORY_GB.value).ceil().max(1.0);
    let speed = input.speed;
    let ttft_s = match input.task {
        LlmTask::Rag => speed.ttft_rag_s,
        LlmTask::Chat | LlmTask::Agent => speed.ttft_chat_s,
    };
    let time_s = ttft_s + input.output_tokens / speed.throughput_tokens_per_s;
    let compute_it_kwh = slices * k::SLICE_POWER_W.value * time_s / J_PER_KWH;

    let data_gb =
        (input.input_tokens + input.output_tokens) * k::BYTES_PER_TOKEN.value / BYTES_PER_GB;
    let storage_it_kwh =
        data_gb * k::STORAGE_POWER_W_PER_GB.value * k::STORAGE_RETENTION_H.value / WH_PER_KWH;
    let network_kwh = data_gb * k::NETWORK_KWH_PER_GB.value;
    let embodied_kg = slices * time_s / S_PER_H * k::SLICE_EMBODIED_KG_PER_H.value;

    CallEnergy {
        memory_gb,
        slices,
        ttft_s,
        throughput_tokens_per_s: speed.throughput_tokens_per_s,
        time_s,
        it_kwh: compute_it_kwh + storage_it_kwh,
        compute_kwh: compute_it_kwh * input.pue,
        storage_kwh: storage_it_kwh * input.pue,
        network_kwh,
        embodied_kg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Keyed;

    /// Relative agreement to three significant figures, as docs/methodology.md §2 states.
    fn assert_3sf(actual: f64, expected: f64) {
        let rounded = format!("{actual:.2e}");
        assert_eq!(rounded, format!("{expected:.2e}"), "actual {actual:e}, expected {expected:e}");
    }

    fn paper_call(model: ModelSize, task: LlmTask) -> CallEnergy {
        estimate_call(CallInput {
            total_parameters_b: model.parameters_b(),
            quantization_bits: 16.0,
            speed: speed_for(model.parameters_b()),
            task,
            output_tokens: task.default_output_tokens(),
            input_tokens: task.default_input_tokens(),
            pue: 1.15,
        })
    }

    /// Desroches et al. 2025 (arXiv 2501.14334), Table 18: 3, 19 and 106 vGPUs.
    #[test]
    fn slices_match_the_paper() {
        let slices: Vec<f64> =
            ModelSize::ALL.iter().map(|&m| paper_call(m, LlmTask::Chat).slices).collect();
        assert_eq!(slices, [3.0, 19.0, 106.0]);
    }

    /// Table 1 ("Use cases' individual impact"), compute column: 9.30E-05, 1.55E-03, 1.73E-02.
    #[test]
    fn golden_chat_compute_energy() {
        assert_3sf(paper_call(ModelSize::B8, LlmTask::Chat).compute_kwh, 9.30e-5);
        assert_3sf(paper_call(ModelSize::B70, LlmTask::Chat).compute_kwh, 1.55e-3);
        assert_3sf(paper_call(ModelSize::B405, LlmTask::Chat).compute_kwh, 1.73e-2);
    }

    /// Table 1, compute column: 1.54E-04, 2.64E-03, 2.99E-02.
    #[test]
    fn golden_rag_compute_energy() {
        assert_3sf(paper_call(ModelSize::B8, LlmTask::Rag).compute_kwh, 1.54e-4);
        assert_3sf(paper_call(ModelSize::B70, LlmTask::Rag).compute_kwh, 2.64e-3);
        assert_3sf(paper_call(ModelSize::B405, LlmTask::Rag).compute_kwh, 2.99e-2);
    }

    /// Table 1, 8B chat: network 4.59E-08 and total 9.31E-05. The table prints storage as
    /// 1.68E-08; its own inputs (335.34 tokens × 4 B × 1.25 × 10⁻³ W/GB × 8,760 h × 1.15) give
    /// 1.689 × 10⁻⁸, so the printed figure is truncated, and the engine's 1.69 × 10⁻⁸ is the
    /// formula's.
    #[test]
    fn golden_chat_storage_network_and_total() {
        let call = paper_call(ModelSize::B8, LlmTask::Chat);
        assert_3sf(call.storage_kwh, 1.69e-8);
        assert_3sf(call.network_kwh, 4.59e-8);
        assert_3sf(call.total_kwh(), 9.31e-5);
    }

    #[test]
    fn energy_grows_with_output_tokens_and_pue() {
        let base = CallInput {
            total_parameters_b: 70.0,
            quantization_bits: 16.0,
            speed: speed_for(70.0),
            task: LlmTask::Chat,
            output_tokens: 200.0,
            input_tokens: 100.0,
            pue: 1.15,
        };
        let more_tokens = estimate_call(CallInput { output_tokens: 400.0, ..base });
        let higher_pue = estimate_call(CallInput { pue: 1.5, ..base });
        let base = estimate_call(base);
        assert!(more_tokens.total_kwh() > base.total_kwh());
        assert!(higher_pue.total_kwh() > base.total_kwh());
        assert!(higher_pue.network_kwh == base.network_kwh, "network energy carries no PUE");
    }
}

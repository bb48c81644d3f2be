//! The working behind a result, as a list of steps a reader can redo by hand.

use serde::Serialize;

use crate::evaluate::{FactorUsed, UseCaseResult, Working};
use crate::refdata::sources::{Source, CAPGEMINI_2025, ECOLOGITS_MODEL};

/// One step of the working: a named intermediate value or factor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// Stable identifier (also a translation key).
    pub id: &'static str,
    /// What the value is, and how it is obtained.
    pub label: &'static str,
    /// The value (central inputs).
    pub value: f64,
    /// Its unit.
    pub unit: &'static str,
    /// Where the value comes from, for reference data.
    pub source: Option<&'static Source>,
}

fn step(id: &'static str, label: &'static str, value: f64, unit: &'static str) -> Step {
    Step { id, label, value, unit, source: None }
}

fn cited(mut s: Step, source: &'static Source) -> Step {
    s.source = Some(source);
    s
}

fn factor_step(id: &'static str, label: &'static str, f: &FactorUsed) -> Step {
    Step { id, label, value: f.value.central, unit: f.unit, source: Some(f.source) }
}

/// Every step behind one use case's central result, from the estimator to the site factors.
pub fn steps(result: &UseCaseResult) -> Vec<Step> {
    let mut out = match &result.working {
        Working::Paper { call, calls_per_request, prefill_it_kwh, interpolated_speeds } => {
            let speeds = if *interpolated_speeds {
                "Time to first token (interpolated between the paper's model sizes)"
            } else {
                "Time to first token (measured by the paper)"
            };
            vec![
                cited(
                    step(
                        "memory",
                        "Model memory (parameters × bytes per parameter × 1.3)",
                        call.memory_gb,
                        "GB",
                    ),
                    &CAPGEMINI_2025,
                ),
                cited(
                    step("slices", "A100 slices of 10 GB occupied", call.slices, "slices"),
                    &CAPGEMINI_2025,
                ),
                cited(step("ttft", speeds, call.ttft_s, "s"), &CAPGEMINI_2025),
                cited(
                    step("throughput", "Output speed", call.throughput_tokens_per_s, "tokens/s"),
                    &CAPGEMINI_2025,
                ),
                step(
                    "time",
                    "Time per call (first token + output tokens ÷ speed)",
                    call.time_s,
                    "s",
                ),
                cited(
                    step(
                        "compute",
                        "Compute energy per call (slices × 50.1 W × PUE × time)",
                        call.compute_kwh,
                        "kWh",
                    ),
                    &CAPGEMINI_2025,
                ),
                cited(
                    step(
                        "storage",
                        "Storage energy per call (request bytes kept one year)",
                        call.storage_kwh,
                        "kWh",
                    ),
                    &CAPGEMINI_2025,
                ),
                cited(
                    step(
                        "network",
                        "Network energy per call (request bytes × 0.0342 kWh/GB)",
                        call.network_kwh,
                        "kWh",
                    ),
                    &CAPGEMINI_2025,
                ),
                step(
                    "prefill",
                    "Prefill IT energy per call (extension; 0 when off)",
                    *prefill_it_kwh,
                    "kWh",
                ),
                step("calls", "Model calls per request", *calls_per_request, "calls"),
            ]
        }
        Working::Ecologits { call, calls_per_request, prefill_it_kwh } => vec![
            cited(
                step("memory", "Model memory (1.2 × parameters × bits ÷ 8)", call.memory_gb, "GB"),
                &ECOLOGITS_MODEL,
            ),
            cited(
                step("gpus", "H100 GPUs holding the model (power of two)", call.gpus, "GPUs"),
                &ECOLOGITS_MODEL,
            ),
            cited(
                step(
                    "gpu_per_token",
                    "GPU energy per output token per GPU",
                    call.gpu_kwh_per_token,
                    "kWh",
                ),
                &ECOLOGITS_MODEL,
            ),
            step("generation", "Generation time", call.generation_s, "s"),
            step("batch", "Requests per batch (64 unless set)", call.batch_size, ""),
            step(
                "server",
                "Server share (time × 1.2 kW × GPUs ÷ 8 ÷ batch)",
                call.server_kwh,
                "kWh",
            ),
            step(
                "gpu",
                "GPU energy (GPUs × output tokens × energy per token)",
                call.gpu_kwh,
                "kWh",
            ),
            step("facility", "Energy per call (IT × PUE)", call.energy_kwh, "kWh"),
            step(
                "prefill",
                "Prefill IT energy per call (extension; 0 when off)",
                *prefill_it_kwh,
                "kWh",
            ),
            step("calls", "Model calls per request", *calls_per_request, "calls"),
        ],
        Working::Task { it_kwh_per_inference, source } => vec![cited(
            step(
                "per_inference",
                "IT energy per inference (measured)",
                *it_kwh_per_inference,
                "kWh",
            ),
            source,
        )],
        Working::Training { accelerator_hours, power_w, .. } => vec![
            step("hours", "Accelerator-hours per run", *accelerator_hours, "h"),
            step("power", "Average power per accelerator", *power_w, "W"),
        ],
    };
    let f = &result.factors;
    out.extend([
        factor_step("pue", "Data-centre PUE", &f.pue),
        factor_step("grid", "Grid carbon intensity (location-based)", &f.grid_intensity),
        factor_step(
            "offsite_water",
            "Water consumed per kWh generated (off-site)",
            &f.offsite_water,
        ),
        factor_step(
            "onsite_water",
            "Cooling water per kWh of IT energy (on-site WUE)",
            &f.wue_onsite,
        ),
        step("runs", "Runs per year", result.runs_per_year, "runs"),
    ]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{evaluate_portfolio, Portfolio};

    #[test]
    fn paper_working_lists_the_formula_steps_with_sources() {
        let r = evaluate_portfolio(&Portfolio::default()).unwrap();
        let steps = steps(&r.use_cases[0]);
        let ids: Vec<&str> = steps.iter().map(|s| s.id).collect();
        assert_eq!(&ids[..3], ["memory", "slices", "ttft"]);
        let slices = steps.iter().find(|s| s.id == "slices").unwrap();
        assert_eq!(slices.value, 19.0);
        let grid = steps.iter().find(|s| s.id == "grid").unwrap();
        assert_eq!(grid.value, 400.2);
        assert_eq!(grid.source.map(|s| s.licence), Some("ODbL 1.0"));
    }
}

//! The working behind a result, as a list of steps a reader can redo by hand.

use serde::Serialize;

use crate::estimator::ecologits;
use crate::evaluate::{FactorUsed, UseCaseResult, Working};
use crate::refdata::paper as k;
use crate::refdata::sources::{Source, CAPGEMINI_2025, ECOLOGITS_MODEL};
use crate::units::Unit;

crate::keyed! {
    /// The steps of the working: each names one intermediate value or factor, and is what an
    /// interface translates (a match on it is exhaustive, so a step without a text does not
    /// compile).
    pub enum StepId {
        /// Model memory.
        Memory = "memory",
        /// A100 slices occupied.
        Slices = "slices",
        /// Time to first token.
        Ttft = "ttft",
        /// Output speed.
        Throughput = "throughput",
        /// Time per call.
        Time = "time",
        /// Compute energy per call.
        Compute = "compute",
        /// Storage energy per call.
        Storage = "storage",
        /// Network energy per call.
        Network = "network",
        /// Prefill IT energy per call.
        Prefill = "prefill",
        /// Model calls per request.
        Calls = "calls",
        /// GPUs holding the model.
        Gpus = "gpus",
        /// GPU energy per output token per GPU.
        GpuPerToken = "gpu_per_token",
        /// Generation time.
        Generation = "generation",
        /// Requests per batch.
        Batch = "batch",
        /// Server share of the energy.
        Server = "server",
        /// GPU energy.
        Gpu = "gpu",
        /// Energy per call at the facility.
        Facility = "facility",
        /// IT energy per inference.
        PerInference = "per_inference",
        /// Accelerator-hours per run.
        Hours = "hours",
        /// Average power per accelerator.
        Power = "power",
        /// Data-centre PUE.
        Pue = "pue",
        /// Grid carbon intensity.
        Grid = "grid",
        /// Off-site water per kWh.
        OffsiteWater = "offsite_water",
        /// On-site water per kWh of IT energy.
        OnsiteWater = "onsite_water",
        /// Runs per year.
        Runs = "runs",
    }
}
crate::serialize_as_key!(StepId);

/// One step of the working: a named intermediate value or factor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// Stable identifier (also a translation key).
    pub id: StepId,
    /// What the value is, and how it is obtained (English; interfaces translate by `id`).
    pub label: String,
    /// The value (central inputs).
    pub value: f64,
    /// Its unit.
    pub unit: Unit,
    /// Where the value comes from, for reference data.
    pub source: Option<&'static Source>,
}

impl StepId {
    /// The reference constants a step's description names, in the order it names them
    /// (`{}` in its text): descriptions write them from the data, never a copy of a number.
    pub fn figures(self) -> &'static [f64] {
        const SLICE_GB: f64 = k::SLICE_MEMORY_GB.value;
        const SLICE_W: f64 = k::SLICE_POWER_W.value;
        const NETWORK_KWH_PER_GB: f64 = k::NETWORK_KWH_PER_GB.value;
        const SERVER_KW: f64 = ecologits::SERVER_POWER_KW;
        const SERVER_GPUS: f64 = ecologits::SERVER_GPUS;
        match self {
            StepId::Slices => &[SLICE_GB],
            StepId::Compute => &[SLICE_W],
            StepId::Network => &[NETWORK_KWH_PER_GB],
            StepId::Server => &[SERVER_KW, SERVER_GPUS],
            _ => &[],
        }
    }
}

/// A description with each `{}` replaced by the next figure (`50.1`, `0.0342`, `8`).
pub fn fill(template: &str, figures: &[f64]) -> String {
    // Split at a character, not at the two-character "{}": a string pattern brings its own
    // search algorithm into the download.
    let mut parts = template.split('{');
    let mut out = parts.next().unwrap_or_default().to_owned();
    let mut figures = figures.iter();
    for part in parts {
        let rest = part.strip_prefix('}').unwrap_or(part);
        if let Some(figure) = figures.next() {
            out.push_str(&short(*figure));
        }
        out.push_str(rest);
    }
    out
}

/// A reference figure to six decimals, trailing zeros dropped. Fixed-point on purpose: the
/// shortest-representation writer behind `f64`'s `Display` would add 3 KB to the app's
/// download, which already carries this one.
fn short(figure: f64) -> String {
    let text = format!("{figure:.6}");
    let text =
        if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    text.to_owned()
}

fn step(id: StepId, template: &str, value: f64, unit: Unit) -> Step {
    step_with(id, template, id.figures(), value, unit)
}

fn step_with(id: StepId, template: &str, figures: &[f64], value: f64, unit: Unit) -> Step {
    Step { id, label: fill(template, figures), value, unit, source: None }
}

fn cited(mut s: Step, source: &'static Source) -> Step {
    s.source = Some(source);
    s
}

fn factor_step(id: StepId, label: &str, f: &FactorUsed) -> Step {
    Step {
        id,
        label: label.to_owned(),
        value: f.value.central,
        unit: f.unit,
        source: Some(f.source),
    }
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
                    step_with(
                        StepId::Memory,
                        "Model memory (parameters × bytes per parameter × {})",
                        &[k::MEMORY_OVERHEAD.value],
                        call.memory_gb,
                        Unit::Gb,
                    ),
                    &CAPGEMINI_2025,
                ),
                cited(
                    step(
                        StepId::Slices,
                        "A100 slices of {} GB occupied",
                        call.slices,
                        Unit::Slices,
                    ),
                    &CAPGEMINI_2025,
                ),
                cited(step(StepId::Ttft, speeds, call.ttft_s, Unit::Seconds), &CAPGEMINI_2025),
                cited(
                    step(
                        StepId::Throughput,
                        "Output speed",
                        call.throughput_tokens_per_s,
                        Unit::TokensPerSecond,
                    ),
                    &CAPGEMINI_2025,
                ),
                step(
                    StepId::Time,
                    "Time per call (first token + output tokens ÷ speed)",
                    call.time_s,
                    Unit::Seconds,
                ),
                cited(
                    step(
                        StepId::Compute,
                        "Compute energy per call (slices × {} W × PUE × time)",
                        call.compute_kwh,
                        Unit::Kwh,
                    ),
                    &CAPGEMINI_2025,
                ),
                cited(
                    step(
                        StepId::Storage,
                        "Storage energy per call (request bytes kept one year)",
                        call.storage_kwh,
                        Unit::Kwh,
                    ),
                    &CAPGEMINI_2025,
                ),
                cited(
                    step(
                        StepId::Network,
                        "Network energy per call (request bytes × {} kWh/GB)",
                        call.network_kwh,
                        Unit::Kwh,
                    ),
                    &CAPGEMINI_2025,
                ),
                step(
                    StepId::Prefill,
                    "Prefill IT energy per call (extension; 0 when off)",
                    *prefill_it_kwh,
                    Unit::Kwh,
                ),
                step(StepId::Calls, "Model calls per request", *calls_per_request, Unit::Calls),
            ]
        }
        Working::Ecologits { call, calls_per_request, prefill_it_kwh } => vec![
            cited(
                step_with(
                    StepId::Memory,
                    "Model memory ({} × parameters × bits ÷ 8)",
                    &[ecologits::MEMORY_OVERHEAD],
                    call.memory_gb,
                    Unit::Gb,
                ),
                &ECOLOGITS_MODEL,
            ),
            cited(
                step(
                    StepId::Gpus,
                    "H100 GPUs holding the model (power of two)",
                    call.gpus,
                    Unit::Gpus,
                ),
                &ECOLOGITS_MODEL,
            ),
            cited(
                step(
                    StepId::GpuPerToken,
                    "GPU energy per output token per GPU",
                    call.gpu_kwh_per_token,
                    Unit::Kwh,
                ),
                &ECOLOGITS_MODEL,
            ),
            step(StepId::Generation, "Generation time", call.generation_s, Unit::Seconds),
            step_with(
                StepId::Batch,
                "Requests per batch ({} unless set)",
                &[ecologits::BATCH_SIZE],
                call.batch_size,
                Unit::Count,
            ),
            step(
                StepId::Server,
                "Server share (time × {} kW × GPUs ÷ {} ÷ batch)",
                call.server_kwh,
                Unit::Kwh,
            ),
            step(
                StepId::Gpu,
                "GPU energy (GPUs × output tokens × energy per token)",
                call.gpu_kwh,
                Unit::Kwh,
            ),
            step(StepId::Facility, "Energy per call (IT × PUE)", call.energy_kwh, Unit::Kwh),
            step(
                StepId::Prefill,
                "Prefill IT energy per call (extension; 0 when off)",
                *prefill_it_kwh,
                Unit::Kwh,
            ),
            step(StepId::Calls, "Model calls per request", *calls_per_request, Unit::Calls),
        ],
        Working::Task { it_kwh_per_inference, source } => vec![cited(
            step(
                StepId::PerInference,
                "IT energy per inference (measured)",
                *it_kwh_per_inference,
                Unit::Kwh,
            ),
            source,
        )],
        Working::Training { accelerator_hours, power_w, .. } => vec![
            step(StepId::Hours, "Accelerator-hours per run", *accelerator_hours, Unit::Hours),
            step(StepId::Power, "Average power per accelerator", *power_w, Unit::Watts),
        ],
    };
    let f = &result.factors;
    out.extend([
        factor_step(StepId::Pue, "Data-centre PUE", &f.pue),
        factor_step(StepId::Grid, "Grid carbon intensity (location-based)", &f.grid_intensity),
        factor_step(
            StepId::OffsiteWater,
            "Water consumed per kWh generated (off-site)",
            &f.offsite_water,
        ),
        factor_step(
            StepId::OnsiteWater,
            "Cooling water per kWh of IT energy (on-site WUE)",
            &f.wue_onsite,
        ),
        step(StepId::Runs, "Runs per year", result.runs_per_year, Unit::Runs),
    ]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_write_the_reference_figures() {
        assert_eq!(fill("× {} W ÷ {}", &[50.1, 8.0]), "× 50.1 W ÷ 8");
        assert_eq!(fill("no figure", &[]), "no figure");
        assert_eq!(
            fill("{} and {}", &[1.2]),
            "1.2 and ",
            "a missing figure leaves a gap, not a panic"
        );
        assert_eq!(StepId::Server.figures(), [1.2, 8.0]);
    }
    use crate::{evaluate_portfolio, Portfolio};

    #[test]
    fn paper_working_lists_the_formula_steps_with_sources() {
        let r = evaluate_portfolio(&Portfolio::default()).unwrap();
        let steps = steps(&r.use_cases[0]);
        let ids: Vec<StepId> = steps.iter().map(|s| s.id).collect();
        assert_eq!(&ids[..3], [StepId::Memory, StepId::Slices, StepId::Ttft]);
        let slices = steps.iter().find(|s| s.id == StepId::Slices).unwrap();
        assert_eq!((slices.value, slices.unit), (19.0, Unit::Slices));
        let compute = steps.iter().find(|s| s.id == StepId::Compute).unwrap();
        assert_eq!(compute.label, "Compute energy per call (slices × 50.1 W × PUE × time)");
        let grid = steps.iter().find(|s| s.id == StepId::Grid).unwrap();
        assert_eq!(grid.value, 400.2);
        assert_eq!(grid.source.map(|s| s.licence), Some("ODbL 1.0"));
    }
}

//! From a portfolio to its footprint: every indicator, per run and per year, with ranges and
//! the working behind them.

use serde::Serialize;

use crate::estimate::{Bound, Estimate};
use crate::estimator::ecologits::{self, EmbodiedSet, RequestEnergy, RequestInput};
use crate::estimator::paper::{self, CallEnergy, CallInput};
use crate::estimator::prefill;
use crate::id::UseCaseId;
use crate::portfolio::{LlmEstimator, LlmWorkload, Phase, Portfolio, Settings, Site};
use crate::refdata::accelerators::{
    Accelerator, ACCELERATORS_PER_SERVER, LIFETIME_H, SERVER_EMBODIED_KG,
};
use crate::refdata::{self, datacentre, Location, Source};
use crate::validate::{
    resolve, Invalid, Resolved, ResolvedCost, ResolvedModel, ResolvedUseCase, ResolvedWorkload,
};
use crate::METHODOLOGY_VERSION;

use crate::units::{Unit, G_PER_KG, S_PER_H, W_PER_KW};

/// Energy, carbon, water and cost of something: a run, a use case's year, a portfolio's year.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Impacts {
    /// Final electricity at the facility meter plus network, kWh.
    pub energy_kwh: Estimate,
    /// Operational carbon, location-based (the location's grid intensity), kgCO2e.
    pub carbon_operational_kg: Estimate,
    /// Operational carbon, market-based (location-based × (1 − carbon-free share bought)), kgCO2e.
    pub carbon_market_kg: Estimate,
    /// Embodied carbon of the hardware time used, kgCO2e.
    pub carbon_embodied_kg: Estimate,
    /// Water evaporated by data-centre cooling, litres.
    pub water_onsite_l: Estimate,
    /// Water consumed to generate the electricity, litres.
    pub water_offsite_l: Estimate,
    /// Direct cost, US dollars.
    pub cost_usd: Estimate,
}

impl Impacts {
    /// Location-based operational plus embodied carbon, kgCO2e.
    pub fn carbon_total_kg(&self) -> Estimate {
        self.carbon_operational_kg + self.carbon_embodied_kg
    }

    /// On-site plus off-site water, litres.
    pub fn water_total_l(&self) -> Estimate {
        self.water_onsite_l + self.water_offsite_l
    }

    /// Every indicator multiplied by a count.
    pub fn scale(self, factor: f64) -> Self {
        Self {
            energy_kwh: self.energy_kwh.scale(factor),
            carbon_operational_kg: self.carbon_operational_kg.scale(factor),
            carbon_market_kg: self.carbon_market_kg.scale(factor),
            carbon_embodied_kg: self.carbon_embodied_kg.scale(factor),
            water_onsite_l: self.water_onsite_l.scale(factor),
            water_offsite_l: self.water_offsite_l.scale(factor),
            cost_usd: self.cost_usd.scale(factor),
        }
    }

    /// Every indicator as a list, for checks that must hold for all of them.
    pub fn all(&self) -> [Estimate; 7] {
        [
            self.energy_kwh,
            self.carbon_operational_kg,
            self.carbon_market_kg,
            self.carbon_embodied_kg,
            self.water_onsite_l,
            self.water_offsite_l,
            self.cost_usd,
        ]
    }
}

impl std::ops::Add for Impacts {
    type Output = Impacts;
    fn add(self, rhs: Impacts) -> Impacts {
        Impacts {
            energy_kwh: self.energy_kwh + rhs.energy_kwh,
            carbon_operational_kg: self.carbon_operational_kg + rhs.carbon_operational_kg,
            carbon_market_kg: self.carbon_market_kg + rhs.carbon_market_kg,
            carbon_embodied_kg: self.carbon_embodied_kg + rhs.carbon_embodied_kg,
            water_onsite_l: self.water_onsite_l + rhs.water_onsite_l,
            water_offsite_l: self.water_offsite_l + rhs.water_offsite_l,
            cost_usd: self.cost_usd + rhs.cost_usd,
        }
    }
}

impl std::iter::Sum for Impacts {
    fn sum<I: Iterator<Item = Impacts>>(iter: I) -> Impacts {
        iter.fold(Impacts::default(), |acc, x| acc + x)
    }
}

/// A factor used in a calculation, with its pedigree, so the UI can show the working.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FactorUsed {
    /// The value (a range when uncertain).
    pub value: Estimate,
    /// Its unit.
    pub unit: Unit,
    /// Where the central value comes from.
    pub source: &'static Source,
    /// True when the user typed the value instead of taking the default.
    pub user_supplied: bool,
}

/// The site factors applied to a use case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SiteFactors {
    /// Identifier of the location.
    pub location: String,
    /// Name of the location.
    pub location_label: String,
    /// Grid zone the location draws from.
    pub grid_zone: &'static str,
    /// Power usage effectiveness.
    pub pue: FactorUsed,
    /// On-site water usage effectiveness, L/kWh of IT energy.
    pub wue_onsite: FactorUsed,
    /// Location-based grid carbon intensity, gCO2e/kWh.
    pub grid_intensity: FactorUsed,
    /// Off-site water factor of the grid, L/kWh.
    pub offsite_water: FactorUsed,
    /// Share of electricity bought as carbon-free, for the market-based figure (0–1).
    pub carbon_free_share: f64,
}

/// The intermediate values behind one use case's result, at central inputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "estimator", rename_all = "snake_case")]
pub enum Working {
    /// LLM inference by the Capgemini 2025 estimator.
    Paper {
        /// One model call.
        call: CallEnergy,
        /// Model calls per request.
        calls_per_request: f64,
        /// Prefill IT energy per call, kWh (0 when the extension is off).
        prefill_it_kwh: f64,
        /// True when the model's speeds are interpolated between the paper's three sizes.
        interpolated_speeds: bool,
    },
    /// LLM inference by the EcoLogits estimator.
    Ecologits {
        /// One model call.
        call: RequestEnergy,
        /// Model calls per request.
        calls_per_request: f64,
        /// Prefill IT energy per call, kWh (0 when the extension is off).
        prefill_it_kwh: f64,
    },
    /// An inference task with a measured energy per inference.
    Task {
        /// IT energy per inference, kWh.
        it_kwh_per_inference: f64,
        /// Where it comes from.
        source: &'static Source,
    },
    /// A training or fine-tuning run.
    Training {
        /// Accelerator id.
        accelerator: &'static str,
        /// Accelerator-hours per run.
        accelerator_hours: f64,
        /// Average power per accelerator, W.
        power_w: f64,
    },
}

/// The footprint of one use case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UseCaseResult {
    /// The use case's id: a result is found by it, never by position (while a portfolio is
    /// invalid, the last good result may no longer line up with its use cases).
    pub id: UseCaseId,
    /// The use case's name.
    pub name: String,
    /// Training or inference.
    pub phase: Phase,
    /// Runs (requests, or training runs) per year.
    pub runs_per_year: f64,
    /// Impacts of one run.
    pub per_run: Impacts,
    /// Impacts of one year.
    pub per_year: Impacts,
    /// How the energy was obtained.
    pub working: Working,
    /// The site factors applied.
    pub factors: SiteFactors,
}

/// The footprint of a portfolio.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioResult {
    /// Version of the methodology that produced these numbers.
    pub methodology_version: &'static str,
    /// Vintage of the reference data used.
    pub data_vintage: &'static str,
    /// The settings used.
    pub settings: Settings,
    /// One result per use case, in the portfolio's order.
    pub use_cases: Vec<UseCaseResult>,
    /// Sum over every use case, per year.
    pub total_per_year: Impacts,
    /// Sum over inference use cases, per year.
    pub inference_per_year: Impacts,
    /// Sum over training use cases, per year.
    pub training_per_year: Impacts,
}

/// The footprint of a resolved portfolio: cannot fail, since every input was checked and
/// looked up by [`resolve`].
pub fn evaluate(resolved: &Resolved<'_>) -> PortfolioResult {
    let settings = resolved.portfolio().settings.clone();
    let h100 = resolved.reference_accelerator();
    let use_cases: Vec<UseCaseResult> =
        resolved.use_cases().iter().map(|uc| evaluate_use_case(uc, &settings, h100)).collect();
    let phase_total = |phase: Phase| {
        use_cases.iter().filter(|u| u.phase == phase).map(|u| u.per_year).sum::<Impacts>()
    };
    let inference_per_year = phase_total(Phase::Inference);
    let training_per_year = phase_total(Phase::Training);
    PortfolioResult {
        methodology_version: METHODOLOGY_VERSION,
        data_vintage: refdata::DATA_VINTAGE,
        settings,
        total_per_year: inference_per_year + training_per_year,
        inference_per_year,
        training_per_year,
        use_cases,
    }
}

impl PortfolioResult {
    /// The result of the use case with this id.
    pub fn use_case(&self, id: &UseCaseId) -> Option<&UseCaseResult> {
        self.use_cases.iter().find(|r| &r.id == id)
    }
}

/// Resolves then evaluates a portfolio; on invalid input, every problem. Where the result and
/// the problems are both wanted, call [`resolve`] once and [`evaluate`] its `Ok`.
pub fn evaluate_portfolio(portfolio: &Portfolio) -> Result<PortfolioResult, Invalid> {
    resolve(portfolio).map(|r| evaluate(&r))
}

/// What one run takes, at one bound of the uncertain inputs.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    facility_kwh: f64,
    it_kwh: f64,
    embodied_kg: f64,
    accelerator_hours: f64,
    api_usd: f64,
    hardware_usd: f64,
}

impl Run {
    fn scale(self, k: f64) -> Run {
        Run {
            facility_kwh: self.facility_kwh * k,
            it_kwh: self.it_kwh * k,
            embodied_kg: self.embodied_kg * k,
            accelerator_hours: self.accelerator_hours * k,
            api_usd: self.api_usd * k,
            hardware_usd: self.hardware_usd * k,
        }
    }
}

/// The source of a value the user typed over a default (its `id` is `"user"`).
pub const USER_INPUT: Source =
    Source { id: "user", citation: "value entered by the user", year: 0, licence: "" };

fn factor(user: Option<f64>, default: Estimate, source: &'static Source, unit: Unit) -> FactorUsed {
    match user {
        Some(v) => {
            FactorUsed { value: Estimate::exact(v), unit, source: &USER_INPUT, user_supplied: true }
        }
        None => FactorUsed { value: default, unit, source, user_supplied: false },
    }
}

/// Site factors from the user's values, or the location's data and the reference ranges.
fn site_factors(site: &Site, location: &Location) -> SiteFactors {
    let (grid_g, grid_source) = location.carbon_g_per_kwh();
    let zone = location.zone;
    // The operator's own figures where it publishes them, else the industry ranges.
    let (pue, pue_source, wue, wue_source) = match location.operator {
        Some(op) => (op.pue, op.source, op.wue_l_per_kwh, op.source),
        None => (
            datacentre::PUE,
            datacentre::PUE_SOURCES[1],
            datacentre::WUE_ONSITE_L_PER_KWH,
            datacentre::WUE_SOURCES[1],
        ),
    };
    SiteFactors {
        location: location.id(),
        location_label: location.label(),
        grid_zone: zone.code,
        pue: factor(site.pue, pue, pue_source, Unit::Ratio),
        wue_onsite: factor(site.wue_onsite_l_per_kwh, wue, wue_source, Unit::LitresPerKwh),
        grid_intensity: FactorUsed {
            value: Estimate::exact(grid_g),
            unit: Unit::GramsCo2ePerKwh,
            source: grid_source,
            user_supplied: false,
        },
        offsite_water: FactorUsed {
            value: Estimate::exact(zone.offsite_water_l_per_kwh),
            unit: Unit::LitresPerKwh,
            source: zone.water_source,
            user_supplied: false,
        },
        carbon_free_share: site.carbon_free_share.unwrap_or(0.0),
    }
}

fn evaluate_use_case(
    use_case: &ResolvedUseCase<'_>,
    settings: &Settings,
    h100: &'static Accelerator,
) -> UseCaseResult {
    let factors = site_factors(&use_case.input.site, &use_case.location);
    let run = |bound| run_at(use_case, settings, h100, &factors, bound);
    let ((low, _), (central, working), (high, _)) =
        (run(Bound::Low), run(Bound::Central), run(Bound::High));
    let per_run = impacts(&[low, central, high], &factors, &use_case.cost);
    let runs_per_year = use_case.input.volume.per_year();
    UseCaseResult {
        id: use_case.input.id.clone(),
        name: use_case.input.name.clone(),
        phase: use_case.input.workload.phase(),
        runs_per_year,
        per_run,
        per_year: per_run.scale(runs_per_year),
        working,
        factors,
    }
}

/// Turns the runs at each bound into impacts.
fn impacts(runs: &[Run; 3], f: &SiteFactors, cost: &ResolvedCost) -> Impacts {
    let by_bound = |g: &dyn Fn(&Run, Bound) -> f64| {
        Estimate::new(
            g(&runs[0], Bound::Low),
            g(&runs[1], Bound::Central),
            g(&runs[2], Bound::High),
        )
    };
    let grid_kg_per_kwh = f.grid_intensity.value.central / G_PER_KG;
    let market_share = 1.0 - f.carbon_free_share;
    Impacts {
        energy_kwh: by_bound(&|r, _| r.facility_kwh),
        carbon_operational_kg: by_bound(&|r, _| r.facility_kwh * grid_kg_per_kwh),
        carbon_market_kg: by_bound(&|r, _| r.facility_kwh * grid_kg_per_kwh * market_share),
        carbon_embodied_kg: by_bound(&|r, _| r.embodied_kg),
        // WUE is defined per kWh of IT energy, not facility energy: applying it to the latter
        // would count the PUE twice.
        water_onsite_l: by_bound(&|r, b| r.it_kwh * f.wue_onsite.value.at(b)),
        water_offsite_l: by_bound(&|r, _| r.facility_kwh * f.offsite_water.value.central),
        cost_usd: by_bound(&|r, _| match *cost {
            ResolvedCost::None => 0.0,
            ResolvedCost::Tokens { .. } => r.api_usd,
            ResolvedCost::AcceleratorHours { usd_per_kwh, .. } => {
                r.hardware_usd + r.facility_kwh * usd_per_kwh
            }
        }),
    }
}

/// Embodied carbon of one accelerator-hour, with its share of the host server, kgCO2e/h.
fn embodied_kg_per_accelerator_hour(a: &Accelerator, bound: Bound) -> f64 {
    (a.embodied_kg.at(bound) + SERVER_EMBODIED_KG / ACCELERATORS_PER_SERVER) / LIFETIME_H
}

/// A run that only draws IT energy on the reference accelerator, for sources that publish
/// energy but not hardware time: the time is the energy at the accelerator's TDP.
fn energy_only_run(it_kwh: f64, pue: f64, accelerator: &Accelerator, bound: Bound) -> Run {
    let accelerator_hours = it_kwh / (accelerator.tdp_w / W_PER_KW);
    Run {
        facility_kwh: it_kwh * pue,
        it_kwh,
        embodied_kg: accelerator_hours * embodied_kg_per_accelerator_hour(accelerator, bound),
        accelerator_hours,
        api_usd: 0.0,
        hardware_usd: 0.0,
    }
}

fn run_at(
    use_case: &ResolvedUseCase<'_>,
    settings: &Settings,
    h100: &'static Accelerator,
    f: &SiteFactors,
    bound: Bound,
) -> (Run, Working) {
    let pue = f.pue.value.at(bound);
    let accelerator = use_case.accelerator;
    let (mut run, working) = match use_case.workload {
        ResolvedWorkload::Llm { llm, model } => {
            llm_run(llm, &model, settings, &use_case.cost, h100, pue, bound)
        }
        ResolvedWorkload::Task { it_kwh_per_inference, source } => {
            let run = energy_only_run(it_kwh_per_inference, pue, accelerator, bound);
            (run, Working::Task { it_kwh_per_inference, source })
        }
        ResolvedWorkload::TrainingHours { accelerator_hours, power_share_of_tdp } => {
            let share = power_share_of_tdp.unwrap_or(POWER_SHARE_OF_TDP.at(bound));
            training_run(accelerator_hours, accelerator.tdp_w * share, accelerator, pue, bound)
        }
        ResolvedWorkload::TrainingFlops { active_parameters_b, tokens_b, mfu } => {
            let flops = 6.0 * active_parameters_b * 1e9 * tokens_b * 1e9;
            let mfu = mfu.unwrap_or(TRAINING_MFU.at(bound));
            let hours = flops / (accelerator.bf16_flop_per_s * mfu * S_PER_H);
            let power_w = accelerator.tdp_w * POWER_SHARE_OF_TDP.at(bound);
            training_run(hours, power_w, accelerator, pue, bound)
        }
        ResolvedWorkload::ClassicFineTune { it_kwh } => {
            // The paper publishes the energy, not the hours: counted at TDP.
            let run = energy_only_run(it_kwh, pue, accelerator, bound);
            let working = Working::Training {
                accelerator: accelerator.id,
                accelerator_hours: run.accelerator_hours,
                power_w: accelerator.tdp_w,
            };
            (run, working)
        }
    };
    if let ResolvedCost::AcceleratorHours { usd_per_hour, .. } = use_case.cost {
        run.hardware_usd = run.accelerator_hours * usd_per_hour.at(bound);
    }
    (run, working)
}

/// Parameter counts (total, active) at a bound, and provider speeds (tokens/s, TTFT s).
struct ModelAtBound {
    total_b: f64,
    active_b: f64,
    tokens_per_s: Option<f64>,
    ttft_s: Option<f64>,
    reference: Option<crate::portfolio::ModelSize>,
}

fn model_at(model: &ResolvedModel, bound: Bound) -> ModelAtBound {
    let pick = |(low, high): (f64, f64)| match bound {
        Bound::Low => low,
        Bound::High => high,
        // Geometric mean: the ranges span up to a factor of three.
        Bound::Central => (low * high).sqrt(),
    };
    match *model {
        ResolvedModel::Reference(size) => ModelAtBound {
            total_b: size.parameters_b(),
            active_b: size.parameters_b(),
            tokens_per_s: None,
            ttft_s: None,
            reference: Some(size),
        },
        ResolvedModel::Catalogue(m) => ModelAtBound {
            total_b: pick(m.total_b),
            active_b: pick(m.active_b),
            tokens_per_s: m.tokens_per_s,
            ttft_s: m.ttft_s,
            reference: None,
        },
        ResolvedModel::Custom { total_b, active_b } => {
            ModelAtBound { total_b, active_b, tokens_per_s: None, ttft_s: None, reference: None }
        }
    }
}

fn llm_run(
    llm: &LlmWorkload,
    model: &ResolvedModel,
    settings: &Settings,
    cost: &ResolvedCost,
    h100: &'static Accelerator,
    pue: f64,
    bound: Bound,
) -> (Run, Working) {
    let model = model_at(model, bound);
    let calls = llm.task.calls_per_request();
    let (mut run, working) = match settings.llm_estimator {
        LlmEstimator::Paper => {
            let speed = match model.reference {
                Some(size) => paper::reference_speed(size),
                None => paper::speed_for(model.active_b),
            };
            let call = paper::estimate_call(CallInput {
                total_parameters_b: model.total_b,
                quantization_bits: llm.quantization_bits,
                speed,
                task: llm.task,
                output_tokens: llm.output_tokens,
                input_tokens: llm.input_tokens,
                pue,
            });
            let run = Run {
                facility_kwh: call.total_kwh(),
                it_kwh: call.it_kwh,
                embodied_kg: call.embodied_kg,
                accelerator_hours: call.accelerator_hours(),
                api_usd: 0.0,
                hardware_usd: 0.0,
            };
            let working = Working::Paper {
                call,
                calls_per_request: calls,
                prefill_it_kwh: 0.0,
                interpolated_speeds: model.reference.is_none(),
            };
            (run, working)
        }
        LlmEstimator::Ecologits => {
            let batch_size = llm.batch_size.unwrap_or(ecologits::BATCH_SIZE);
            let call = ecologits::estimate_request(RequestInput {
                total_parameters_b: model.total_b,
                active_parameters_b: model.active_b,
                quantization_bits: llm.quantization_bits,
                output_tokens: llm.output_tokens,
                tokens_per_s: model.tokens_per_s,
                ttft_s: model.ttft_s,
                latency_bound_s: None,
                batch_size,
                pue,
                embodied: EmbodiedSet {
                    gpu_kg: h100.embodied_kg.at(bound),
                    server_kg: SERVER_EMBODIED_KG,
                },
            });
            let run = Run {
                facility_kwh: call.energy_kwh,
                it_kwh: call.it_kwh,
                embodied_kg: call.embodied_kg,
                accelerator_hours: call.gpus * call.generation_s / batch_size / S_PER_H,
                api_usd: 0.0,
                hardware_usd: 0.0,
            };
            (run, Working::Ecologits { call, calls_per_request: calls, prefill_it_kwh: 0.0 })
        }
    };
    let mut working = working;
    if settings.include_prefill {
        let (gpu_s, it_kwh) = prefill::prefill(llm.input_tokens, model.active_b, bound);
        run.it_kwh += it_kwh;
        run.facility_kwh += it_kwh * pue;
        run.accelerator_hours += gpu_s / S_PER_H;
        run.embodied_kg += gpu_s / S_PER_H * embodied_kg_per_accelerator_hour(h100, bound);
        match &mut working {
            Working::Paper { prefill_it_kwh, .. } | Working::Ecologits { prefill_it_kwh, .. } => {
                *prefill_it_kwh = it_kwh;
            }
            Working::Task { .. } | Working::Training { .. } => {}
        }
    }
    if let ResolvedCost::Tokens { usd_per_million_input, usd_per_million_output } = *cost {
        run.api_usd = (llm.input_tokens * usd_per_million_input
            + llm.output_tokens * usd_per_million_output)
            / 1e6;
    }
    (run.scale(calls), working)
}

/// Average power share of TDP during training when the user gives none: model cards report
/// hours × TDP (1.0); measured averages are lower.
const POWER_SHARE_OF_TDP: Estimate = Estimate::new(0.6, 0.8, 1.0);
/// Model FLOP utilisation of large training runs when the user gives none; listed so that the
/// low bound gives the low energy (higher utilisation, fewer hours).
const TRAINING_MFU: Estimate = Estimate::new(0.5, 0.4, 0.3);

/// A training run of `accelerator_hours` at `power_w` per accelerator.
fn training_run(
    accelerator_hours: f64,
    power_w: f64,
    accelerator: &'static Accelerator,
    pue: f64,
    bound: Bound,
) -> (Run, Working) {
    let it_kwh = accelerator_hours * power_w / W_PER_KW;
    let run = Run {
        facility_kwh: it_kwh * pue,
        it_kwh,
        embodied_kg: accelerator_hours * embodied_kg_per_accelerator_hour(accelerator, bound),
        accelerator_hours,
        api_usd: 0.0,
        hardware_usd: 0.0,
    };
    (run, Working::Training { accelerator: accelerator.id, accelerator_hours, power_w })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portfolio::{
        Cost, LlmTask, ModelChoice, ModelSize, Task, TaskWorkload, TrainingCompute, TrainingRun,
        UseCase, Volume, Workload,
    };
    use crate::refdata::accelerators::DEFAULT_ACCELERATOR;

    fn chat(size: ModelSize, per_day: f64, location: &str) -> UseCase {
        UseCase {
            id: crate::id::UseCaseId::default(),
            name: format!("{} chat", crate::Keyed::key(size)),
            workload: Workload::Llm(LlmWorkload {
                model: ModelChoice::Reference { size },
                ..LlmWorkload::default()
            }),
            volume: Volume::PerDay { per_day, days_per_year: 365.0 },
            site: Site { location: location.to_owned(), ..Site::default() },
            cost: Cost::None,
            avoided: None,
        }
    }

    /// One training run a year, at the default site, not costed.
    fn training(compute: TrainingCompute, accelerator: &str) -> UseCase {
        UseCase {
            id: crate::id::UseCaseId::default(),
            name: "Training".into(),
            workload: Workload::Training(TrainingRun { compute, accelerator: accelerator.into() }),
            volume: Volume::PerYear { per_year: 1.0 },
            site: Site::default(),
            cost: Cost::None,
            avoided: None,
        }
    }

    fn portfolio(use_cases: Vec<UseCase>) -> Portfolio {
        Portfolio::of(use_cases)
    }

    fn llm(uc: &mut UseCase) -> &mut LlmWorkload {
        match &mut uc.workload {
            Workload::Llm(llm) => llm,
            _ => panic!("not an LLM use case"),
        }
    }

    #[test]
    fn central_energy_per_request_is_the_paper_total() {
        let result = evaluate_portfolio(&portfolio(vec![chat(ModelSize::B8, 1.0, "US")])).unwrap();
        let e = result.use_cases[0].per_run.energy_kwh.central;
        assert_eq!(format!("{e:.2e}"), "9.31e-5");
        assert_eq!(result.methodology_version, METHODOLOGY_VERSION);
    }

    #[test]
    fn yearly_values_are_per_run_times_volume() {
        let result =
            evaluate_portfolio(&portfolio(vec![chat(ModelSize::B70, 1_000.0, "FR")])).unwrap();
        let uc = &result.use_cases[0];
        assert_eq!(uc.runs_per_year, 365_000.0);
        let ratio = uc.per_year.energy_kwh.central / uc.per_run.energy_kwh.central;
        assert!((ratio - 365_000.0).abs() < 1e-6);
    }

    #[test]
    fn carbon_follows_the_grid() {
        let fr = evaluate_portfolio(&portfolio(vec![chat(ModelSize::B70, 100.0, "FR")])).unwrap();
        let pl = evaluate_portfolio(&portfolio(vec![chat(ModelSize::B70, 100.0, "PL")])).unwrap();
        let (fr, pl) = (fr.total_per_year, pl.total_per_year);
        assert_eq!(fr.energy_kwh, pl.energy_kwh);
        let ratio = pl.carbon_operational_kg.central / fr.carbon_operational_kg.central;
        assert!((ratio - 703.49 / 33.44).abs() < 1e-9);
    }

    #[test]
    fn market_based_carbon_removes_the_carbon_free_share() {
        let mut uc = chat(ModelSize::B70, 100.0, "US");
        uc.site.carbon_free_share = Some(0.75);
        let r = evaluate_portfolio(&portfolio(vec![uc])).unwrap().total_per_year;
        let ratio = r.carbon_market_kg.central / r.carbon_operational_kg.central;
        assert!((ratio - 0.25).abs() < 1e-12);
    }

    #[test]
    fn ranges_are_ordered_and_bracket_the_paper_pue() {
        let result =
            evaluate_portfolio(&portfolio(vec![chat(ModelSize::B405, 10.0, "DE")])).unwrap();
        for indicator in result.total_per_year.all() {
            assert!(indicator.is_ordered(), "{indicator:?}");
        }
        let e = result.total_per_year.energy_kwh;
        assert!(e.low < e.central && e.central < e.high);
    }

    #[test]
    fn user_pue_removes_the_pue_range_and_onsite_water_uses_it_energy() {
        let mut uc = chat(ModelSize::B8, 1.0, "US");
        uc.site.pue = Some(1.5);
        uc.site.wue_onsite_l_per_kwh = Some(2.0);
        let r = evaluate_portfolio(&portfolio(vec![uc])).unwrap();
        let per_run = r.use_cases[0].per_run;
        assert_eq!(per_run.energy_kwh.low, per_run.energy_kwh.high);
        let Working::Paper { call, .. } = r.use_cases[0].working else { panic!("paper") };
        assert!((per_run.water_onsite_l.central - call.it_kwh * 2.0).abs() < 1e-18);
    }

    #[test]
    fn agent_tasks_make_several_calls() {
        let mut uc = chat(ModelSize::B8, 1.0, "US");
        llm(&mut uc).task = LlmTask::Agent;
        let r = evaluate_portfolio(&portfolio(vec![uc])).unwrap();
        let Working::Paper { call, calls_per_request, .. } = r.use_cases[0].working else {
            panic!("paper")
        };
        assert_eq!(calls_per_request, 3.03);
        let e = r.use_cases[0].per_run.energy_kwh.central;
        assert!((e / call.total_kwh() - 3.03).abs() < 1e-12);
    }

    #[test]
    fn totals_sum_the_use_cases_and_split_by_phase() {
        let hours = TrainingCompute::AcceleratorHours {
            accelerator_hours: 1_000.0,
            power_share_of_tdp: None,
        };
        let training = UseCase {
            id: crate::id::UseCaseId::default(),
            volume: Volume::PerYear { per_year: 2.0 },
            ..training(hours, DEFAULT_ACCELERATOR)
        };
        let r = evaluate_portfolio(&portfolio(vec![
            chat(ModelSize::B8, 100.0, "US"),
            chat(ModelSize::B405, 5.0, "SE"),
            training,
        ]))
        .unwrap();
        let inference = r.use_cases[0].per_year + r.use_cases[1].per_year;
        assert_eq!(r.inference_per_year, inference);
        assert_eq!(r.training_per_year, r.use_cases[2].per_year);
        assert_eq!(r.total_per_year, inference + r.use_cases[2].per_year);
    }

    #[test]
    fn training_from_hours_is_hours_times_power_times_pue() {
        let hours = TrainingCompute::AcceleratorHours {
            accelerator_hours: 1_000.0,
            power_share_of_tdp: Some(1.0),
        };
        let uc = UseCase {
            id: crate::id::UseCaseId::default(),
            site: Site { pue: Some(1.2), ..Site::default() },
            cost: Cost::AcceleratorHours { usd_per_hour: Some(2.0), usd_per_kwh: 0.1 },
            ..training(hours, "nvidia-a100-80gb")
        };
        let r = evaluate_portfolio(&portfolio(vec![uc])).unwrap().use_cases.remove(0);
        // 1,000 h × 400 W × 1.2 = 480 kWh.
        assert!((r.per_run.energy_kwh.central - 480.0).abs() < 1e-9);
        assert!((r.per_run.cost_usd.central - (2_000.0 + 48.0)).abs() < 1e-9);
        // Embodied: 1,000 h × (150 + 5,700 / 8) kg over a 3-year life.
        let expected = 1_000.0 * (150.0 + 712.5) / (3.0 * 365.0 * 24.0);
        assert!((r.per_run.carbon_embodied_kg.central - expected).abs() < 1e-9);
    }

    #[test]
    fn training_from_flops_uses_six_n_d() {
        let flops =
            TrainingCompute::Flops { active_parameters_b: 8.0, tokens_b: 1_000.0, mfu: Some(0.4) };
        let uc = training(flops, DEFAULT_ACCELERATOR);
        let r = evaluate_portfolio(&portfolio(vec![uc])).unwrap().use_cases.remove(0);
        let Working::Training { accelerator_hours, .. } = r.working else { panic!("training") };
        let expected = 6.0 * 8e9 * 1e12 / (989.4e12 * 0.4 * 3_600.0);
        assert!((accelerator_hours - expected).abs() / expected < 1e-12, "{accelerator_hours}");
    }

    #[test]
    fn image_generation_uses_luccioni_energy() {
        let uc = UseCase {
            id: crate::id::UseCaseId::default(),
            name: "Marketing images".into(),
            workload: Workload::Task(TaskWorkload { task: Task::ImageGeneration }),
            volume: Volume::PerYear { per_year: 1_000.0 },
            site: Site { pue: Some(1.0), ..Site::default() },
            cost: Cost::None,
            avoided: None,
        };
        let r = evaluate_portfolio(&portfolio(vec![uc])).unwrap();
        assert!((r.total_per_year.energy_kwh.central - 2.907).abs() < 1e-12);
    }

    #[test]
    fn api_cost_counts_input_and_output_tokens_per_call() {
        let mut uc = chat(ModelSize::B70, 1.0, "US");
        uc.cost = Cost::ApiTokens { usd_per_million_input: 2.5, usd_per_million_output: 10.0 };
        {
            let llm = llm(&mut uc);
            llm.task = LlmTask::Agent;
            llm.input_tokens = 1_000.0;
            llm.output_tokens = 500.0;
        }
        let r = evaluate_portfolio(&portfolio(vec![uc])).unwrap();
        let expected = 3.03 * (1_000.0 * 2.5 + 500.0 * 10.0) / 1e6;
        assert!((r.use_cases[0].per_run.cost_usd.central - expected).abs() < 1e-15);
    }

    #[test]
    fn both_estimators_and_prefill_give_ordered_positive_results() {
        let mut p = portfolio(vec![chat(ModelSize::B70, 100.0, "US")]);
        p.use_cases[0].workload = Workload::Llm(LlmWorkload {
            model: ModelChoice::Catalogue { id: "openai/gpt-4o".into() },
            ..LlmWorkload::default()
        });
        let paper = evaluate_portfolio(&p).unwrap().total_per_year.energy_kwh;
        p.settings.llm_estimator = LlmEstimator::Ecologits;
        let ecologits = evaluate_portfolio(&p).unwrap().total_per_year.energy_kwh;
        p.settings.include_prefill = true;
        let with_prefill = evaluate_portfolio(&p).unwrap().total_per_year.energy_kwh;
        for e in [paper, ecologits, with_prefill] {
            assert!(e.is_ordered() && e.low > 0.0, "{e:?}");
        }
        assert!(with_prefill.central > ecologits.central);
        assert!(paper.low < paper.high, "the catalogue's parameter range widens the result");
    }

    #[test]
    fn catalogue_prices_and_api_provider_sites_apply() {
        let mut uc = chat(ModelSize::B70, 1.0, "api:openai");
        llm(&mut uc).model = ModelChoice::Catalogue { id: "openai/gpt-4o".into() };
        uc.cost = Cost::ApiCatalogue;
        let r = evaluate_portfolio(&portfolio(vec![uc])).unwrap().use_cases.remove(0);
        let expected = (126.89 * 2.5 + 208.45 * 10.0) / 1e6;
        assert!((r.per_run.cost_usd.central - expected).abs() < 1e-15);
        assert_eq!(r.factors.pue.value, Estimate::exact(1.2));
        assert_eq!(r.factors.wue_onsite.value, Estimate::exact(0.569));
        assert_eq!(r.factors.grid_zone, "US");
    }

    #[test]
    fn hourly_cost_defaults_to_the_published_range_for_the_estimate_accelerator() {
        let mut uc = chat(ModelSize::B70, 1_000.0, "US");
        uc.cost = Cost::AcceleratorHours { usd_per_hour: None, usd_per_kwh: 0.0 };
        let r = evaluate_portfolio(&portfolio(vec![uc])).unwrap().use_cases.remove(0);
        let Working::Paper { call, .. } = r.working else { panic!("paper") };
        // The paper's estimate counts A100-hours: $0.80 / 1.30 / 3.00 per hour.
        let hours = call.accelerator_hours();
        assert!((r.per_run.cost_usd.central - hours * 1.30).abs() < 1e-15);
        assert!(r.per_run.cost_usd.low < r.per_run.cost_usd.central);
        assert!(r.per_run.cost_usd.high > r.per_run.cost_usd.central);
    }

    #[test]
    fn invalid_input_is_refused_not_computed() {
        let errors =
            evaluate_portfolio(&portfolio(vec![chat(ModelSize::B8, -1.0, "US")])).unwrap_err();
        assert_eq!(errors.problems()[0].field.to_string(), "use_cases[0].volume.per_day");
    }
}

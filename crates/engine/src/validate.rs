//! From what the user entered to what the engine can compute: [`resolve`] checks every input
//! at once, each problem naming its field, and gives back a [`Resolved`] portfolio in which
//! every location, model, accelerator and price has been looked up. [`crate::evaluate`] takes
//! only a `Resolved`, so it cannot fail and needs no fallback: no input can make the engine
//! panic or return NaN or infinity.

use std::fmt;

use crate::estimate::Estimate;
use crate::field::{
    AvoidedField, CostField, FieldPath, LeverField, ScenarioFactor, ScenarioField, SettingsField,
    ShadowPriceField, SiteField, UseCaseField, VolumeField, WorkloadField,
};
use crate::id::IdError;
use crate::portfolio::levers::{Lever, Planned};
use crate::portfolio::scenario::Scenario;
use crate::portfolio::{
    Cost, LlmEstimator, LlmWorkload, ModelChoice, ModelSize, Portfolio, Settings, Site,
    TrainingCompute, TrainingRun, UseCase, Volume, Workload, SCHEMA_VERSION,
};
use crate::refdata::accelerators::{hourly_price_usd, PAPER_ACCELERATOR};
use crate::refdata::tasks as task;
use crate::refdata::{self, Accelerator, LlmModel, Location, Source};

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct InputError {
    /// Where the field is; displays as its path in the JSON file: `use_cases[0].volume.per_day`.
    pub field: FieldPath,
    /// What is wrong with it.
    pub problem: Problem,
}

/// Every problem that keeps a portfolio from being evaluated, in the order of its fields
/// (never empty).
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid(Vec<InputError>);

impl Invalid {
    /// Every problem.
    pub fn problems(&self) -> &[InputError] {
        &self.0
    }

    /// The problem with one field, if any.
    pub fn problem_for(&self, field: &FieldPath) -> Option<&Problem> {
        self.0.iter().find(|e| &e.field == field).map(|e| &e.problem)
    }
}

impl fmt::Display for Invalid {
    /// One problem per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Invalid {}

impl<'a> IntoIterator for &'a Invalid {
    type Item = &'a InputError;
    type IntoIter = std::slice::Iter<'a, InputError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// What can be wrong with an input value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    /// NaN or infinite.
    #[error("must be a number")]
    NotANumber,
    /// Below the smallest accepted value.
    #[error("must be at least {min}")]
    TooSmall {
        /// Smallest accepted value.
        min: f64,
    },
    /// Above the largest accepted value.
    #[error("must be at most {max}")]
    TooLarge {
        /// Largest accepted value.
        max: f64,
    },
    /// A text that must not be empty is empty.
    #[error("must not be empty")]
    Empty,
    /// A location identifier that the reference data does not know.
    #[error("unknown location \"{0}\"")]
    UnknownLocation(String),
    /// A model identifier that the catalogue does not know.
    #[error("unknown model \"{0}\"")]
    UnknownModel(String),
    /// An accelerator identifier that the catalogue does not know.
    #[error("unknown accelerator \"{0}\"")]
    UnknownAccelerator(String),
    /// SAIQ weights that are negative or do not sum to 1.
    #[error("weights must be between 0 and 1 and sum to 1")]
    WeightsNotNormalised,
    /// A model whose active parameters exceed its total.
    #[error("active parameters cannot exceed total parameters")]
    ActiveAboveTotal,
    /// A choice that does not apply to this use case.
    #[error("{0}")]
    NotApplicable(Inapplicable),
    /// A malformed id.
    #[error("{0}")]
    BadId(IdError),
    /// An id that another use case of the portfolio already has.
    #[error("another use case has the id \"{0}\"")]
    DuplicateId(String),
    /// A lever naming its use case by position, as file format 1 did.
    #[error("name the use case by its id (file format 2), not by its position")]
    IndexNotId,
    /// A lever on a use case the portfolio does not have.
    #[error("no use case has the id \"{0}\"")]
    UnknownUseCase(String),
    /// A file format version this engine does not read.
    #[error("schema version {found} is not supported (this version reads {supported})")]
    UnsupportedSchema {
        /// Version found in the file.
        found: u32,
        /// Version this engine reads.
        supported: u32,
    },
}

/// Why a choice does not apply (a type, so that interfaces can translate each reason).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Inapplicable {
    /// Classic fine-tuning energies exist for three tasks only.
    #[error("classic fine-tuning covers tabular, computer_vision and nlp")]
    ClassicFineTuneTask,
    /// Token prices need an LLM.
    #[error("token prices apply only to LLM use cases")]
    TokenPricesNeedLlm,
    /// The catalogue lists no price for the model (or the model is not from the catalogue).
    #[error("the catalogue lists no API price for this model")]
    NoCatalogueApiPrice,
    /// No published hourly price for the accelerator the estimate counts.
    #[error("no published hourly price for this accelerator: enter one")]
    NoHourlyPrice,
}

/// Accepted range of a numeric input, inclusive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Smallest accepted value.
    pub min: f64,
    /// Largest accepted value.
    pub max: f64,
}

impl Limits {
    const fn new(min: f64, max: f64) -> Self {
        Self { min, max }
    }

    /// Checks one value against these limits.
    pub fn check(&self, value: f64) -> Result<(), Problem> {
        if !value.is_finite() {
            Err(Problem::NotANumber)
        } else if value < self.min {
            Err(Problem::TooSmall { min: self.min })
        } else if value > self.max {
            Err(Problem::TooLarge { max: self.max })
        } else {
            Ok(())
        }
    }
}

/// Limits of each numeric input. The upper bounds reject typing slips, not ambition: they are
/// orders of magnitude above the largest public services (ChatGPT served about 2.5 billion
/// prompts a day in 2025).
pub mod limits {
    use super::Limits;

    /// Runs (requests) per day.
    pub const PER_DAY: Limits = Limits::new(0.0, 1e11);
    /// Runs (requests) per year.
    pub const PER_YEAR: Limits = Limits::new(0.0, 4e13);
    /// Users.
    pub const USERS: Limits = Limits::new(0.0, 1e10);
    /// Runs (requests) per user per day.
    pub const PER_USER_PER_DAY: Limits = Limits::new(0.0, 1e5);
    /// Days per year.
    pub const DAYS_PER_YEAR: Limits = Limits::new(0.0, 366.0);
    /// Tokens per model call, input or output.
    pub const TOKENS: Limits = Limits::new(0.0, 2e6);
    /// Power usage effectiveness (1 is a perfect data centre).
    pub const PUE: Limits = Limits::new(1.0, 3.0);
    /// On-site water usage effectiveness, L/kWh.
    pub const WUE_L_PER_KWH: Limits = Limits::new(0.0, 20.0);
    /// A share (0–1).
    pub const SHARE: Limits = Limits::new(0.0, 1.0);
    /// A utilisation or power share that must be positive (0–1].
    pub const POSITIVE_SHARE: Limits = Limits::new(0.01, 1.0);
    /// Bits per weight.
    pub const QUANTIZATION_BITS: Limits = Limits::new(2.0, 32.0);
    /// Model parameters, billions.
    pub const PARAMETERS_B: Limits = Limits::new(0.001, 100_000.0);
    /// Training tokens, billions.
    pub const TOKENS_B: Limits = Limits::new(0.0, 1e6);
    /// Accelerator-hours per training run.
    pub const ACCELERATOR_HOURS: Limits = Limits::new(0.0, 1e10);
    /// A price in dollars (per million tokens, per hour, per kWh).
    pub const PRICE_USD: Limits = Limits::new(0.0, 1e6);
    /// A shadow price, $ per tCO2e or per m³ (the highest published social cost of carbon is
    /// below $1,500 a tonne).
    pub const SHADOW_PRICE_USD: Limits = Limits::new(0.0, 1e5);
    /// A yearly avoided quantity (hours, pages, km, kWh, kg, litres, $).
    pub const AVOIDED: Limits = Limits::new(0.0, 1e13);
    /// Footprint of an hour of human work, kgCO2e.
    pub const KG_PER_HOUR: Limits = Limits::new(0.0, 1e3);
    /// A yearly growth rate of a projection (−1 is −100 %, 10 is +1,000 %).
    pub const GROWTH_RATE: Limits = Limits::new(-1.0, 10.0);
    /// A projection factor by 2030 (×0.01 to ×1,000).
    pub const FACTOR: Limits = Limits::new(0.01, 1_000.0);
    /// Teams that would each fine-tune the same model (the share-one-fine-tune lever).
    pub const TEAMS: Limits = Limits::new(1.0, 1_000.0);
    /// A change of grid intensity by 2030 (−1 is −100 %).
    pub const GRID_CHANGE: Limits = Limits::new(-1.0, 1.0);
    /// Requests per batch: the range EcoLogits fitted its regression on.
    pub const BATCH_SIZE: Limits = Limits::new(1.0, 512.0);
}

// The lever's own setting, checked where every other input is.
impl Lever {
    /// Checks the lever's own setting.
    pub fn check(&self) -> Result<(), Problem> {
        let (limits, value) = match self {
            Lever::RightSize(_) | Lever::TaskSpecific(_) => return Ok(()),
            Lever::Quantise(bits) => (limits::QUANTIZATION_BITS, *bits),
            Lever::Batch(requests) => (limits::BATCH_SIZE, *requests),
            Lever::RaiseCarbonFreeShare(share) => (limits::SHARE, *share),
            Lever::CutPue(pue) => (limits::PUE, *pue),
            Lever::ShareFineTune(teams) => (limits::TEAMS, *teams),
            Lever::ChangeAccelerator(id) => {
                return match refdata::accelerator(id) {
                    Some(_) => Ok(()),
                    None => Err(Problem::UnknownAccelerator(id.clone())),
                };
            }
            Lever::MoveRegion(location) | Lever::MoveBatchWork(location) => {
                return match refdata::location(location) {
                    Some(_) => Ok(()),
                    None => Err(Problem::UnknownLocation(location.clone())),
                };
            }
        };
        limits.check(value)
    }
}

/// A portfolio whose every input has been checked and looked up: the only thing
/// [`crate::evaluate`] accepts.
#[derive(Debug, Clone)]
pub struct Resolved<'a> {
    portfolio: &'a Portfolio,
    use_cases: Vec<ResolvedUseCase<'a>>,
    reference_accelerator: &'static Accelerator,
}

impl<'a> Resolved<'a> {
    /// The portfolio as entered.
    pub fn portfolio(&self) -> &'a Portfolio {
        self.portfolio
    }

    /// Its use cases, resolved, in the portfolio's order.
    pub fn use_cases(&self) -> &[ResolvedUseCase<'a>] {
        &self.use_cases
    }

    /// The accelerator assumed by estimates that publish energy but not hardware (tasks,
    /// prefill, EcoLogits' embodied share): the H100.
    pub fn reference_accelerator(&self) -> &'static Accelerator {
        self.reference_accelerator
    }
}

/// One use case with everything looked up.
#[derive(Debug, Clone)]
pub struct ResolvedUseCase<'a> {
    /// The use case as entered.
    pub input: &'a UseCase,
    /// Where it runs.
    pub location: Location,
    /// The accelerator whose hours its estimate counts: the paper measured A100s, EcoLogits
    /// and the task and prefill estimates assume H100s, training names its own.
    pub accelerator: &'static Accelerator,
    /// What runs.
    pub workload: ResolvedWorkload<'a>,
    /// What it costs.
    pub cost: ResolvedCost,
}

/// A workload with its model or energy looked up.
#[derive(Debug, Clone, Copy)]
pub enum ResolvedWorkload<'a> {
    /// LLM inference, with its model.
    Llm {
        /// The workload as entered.
        llm: &'a LlmWorkload,
        /// The model.
        model: ResolvedModel,
    },
    /// An inference task with a measured energy per inference.
    Task {
        /// IT energy per inference, kWh.
        it_kwh_per_inference: f64,
        /// Where it comes from.
        source: &'static Source,
    },
    /// A training run from accelerator-hours.
    TrainingHours {
        /// Accelerator-hours per run.
        accelerator_hours: f64,
        /// Average power as a share of TDP, when the user gives one.
        power_share_of_tdp: Option<f64>,
    },
    /// A training run from FLOPs.
    TrainingFlops {
        /// Active parameters, billions.
        active_parameters_b: f64,
        /// Training tokens, billions.
        tokens_b: f64,
        /// Model FLOP utilisation, when the user gives one.
        mfu: Option<f64>,
    },
    /// The paper's yearly fine-tuning of a classic ML model.
    ClassicFineTune {
        /// IT energy per run, kWh.
        it_kwh: f64,
    },
}

/// The model of an LLM use case.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ResolvedModel {
    /// One of the paper's reference models, with measured speeds.
    Reference(ModelSize),
    /// A catalogue model.
    Catalogue(&'static LlmModel),
    /// A model described by its parameter counts, billions.
    Custom {
        /// Total parameters.
        total_b: f64,
        /// Active parameters.
        active_b: f64,
    },
}

/// The price that applies to a use case.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ResolvedCost {
    /// Not costed.
    None,
    /// Priced per million tokens (entered, or the catalogue's list price), $.
    Tokens {
        /// Per million input tokens.
        usd_per_million_input: f64,
        /// Per million output tokens.
        usd_per_million_output: f64,
    },
    /// Priced per accelerator-hour plus electricity.
    AcceleratorHours {
        /// $ per accelerator-hour (entered: exact; published: the on-demand range).
        usd_per_hour: Estimate,
        /// $ per kWh.
        usd_per_kwh: f64,
    },
}

/// Checks and looks up every input; on failure, every problem at once.
pub fn resolve(portfolio: &Portfolio) -> Result<Resolved<'_>, Invalid> {
    let mut checker = Checker { errors: Vec::new() };
    let use_cases = check_portfolio(&mut checker, portfolio);
    let reference_accelerator = refdata::accelerators::reference();
    match (checker.errors.is_empty(), use_cases) {
        (true, Some(use_cases)) => Ok(Resolved { portfolio, use_cases, reference_accelerator }),
        _ => Err(Invalid(checker.errors)),
    }
}

/// Every problem in the portfolio; an empty list means it resolves.
pub fn validate(portfolio: &Portfolio) -> Vec<InputError> {
    let mut checker = Checker { errors: Vec::new() };
    check_portfolio(&mut checker, portfolio);
    checker.errors
}

/// Collects problems while walking a portfolio.
struct Checker {
    errors: Vec<InputError>,
}

impl Checker {
    fn number(&mut self, field: impl FnOnce() -> FieldPath, value: f64, limits: Limits) {
        if let Err(problem) = limits.check(value) {
            self.errors.push(InputError { field: field(), problem });
        }
    }

    fn push(&mut self, field: FieldPath, problem: Problem) {
        self.errors.push(InputError { field, problem });
    }
}

fn setting(field: SettingsField) -> FieldPath {
    FieldPath::Settings(field)
}

/// Checks everything; the use cases resolved when every one of them is.
fn check_portfolio<'a>(
    checker: &mut Checker,
    portfolio: &'a Portfolio,
) -> Option<Vec<ResolvedUseCase<'a>>> {
    if portfolio.schema_version != SCHEMA_VERSION {
        checker.push(
            FieldPath::SchemaVersion,
            Problem::UnsupportedSchema {
                found: portfolio.schema_version,
                supported: SCHEMA_VERSION,
            },
        );
    }
    if let Err(e) = portfolio.id.check() {
        checker.push(FieldPath::Id, Problem::BadId(e));
    }
    let w = portfolio.settings.saiq_weights;
    let parts = [w.cost, w.energy, w.carbon, w.water];
    let in_range = parts.iter().all(|x| x.is_finite() && (0.0..=1.0).contains(x));
    if !in_range || (parts.iter().sum::<f64>() - 1.0).abs() > 1e-6 {
        checker.push(setting(SettingsField::SaiqWeights), Problem::WeightsNotNormalised);
    }
    check_shadow_prices(checker, portfolio.settings.shadow_prices);
    if let Some(scenario) = &portfolio.settings.scenario {
        check_scenario(checker, scenario);
    }
    if let Some(baseline) = &portfolio.settings.baseline {
        // Its own id plays no part: the baseline is the portfolio in its base year.
        let problems = validate(baseline).into_iter().filter(|e| e.field != FieldPath::Id);
        for e in problems {
            checker.push(e.field.in_baseline(), e.problem);
        }
    }
    for (i, planned) in portfolio.settings.levers.iter().enumerate() {
        check_lever(checker, i, planned, portfolio);
    }
    let repeated = repeated_ids(portfolio);
    let mut resolved = Some(Vec::with_capacity(portfolio.use_cases.len()));
    for (i, use_case) in portfolio.use_cases.iter().enumerate() {
        let at = |field| FieldPath::use_case(i, field);
        if let Err(e) = use_case.id.check() {
            checker.push(at(UseCaseField::Id), Problem::BadId(e));
        } else if repeated.binary_search(&i).is_ok() {
            let problem = Problem::DuplicateId(use_case.id.to_string());
            checker.push(at(UseCaseField::Id), problem);
        }
        let one = check_use_case(checker, i, use_case, &portfolio.settings);
        resolved = resolved.zip(one).map(|(mut all, one)| {
            all.push(one);
            all
        });
    }
    resolved
}

/// Positions of the use cases whose id an earlier one already has, in order. Sorting, not a
/// hash set: the sort is in the download already, a hash table would add its own code.
fn repeated_ids(portfolio: &Portfolio) -> Vec<usize> {
    let mut order: Vec<usize> = (0..portfolio.use_cases.len()).collect();
    let id = |i: usize| &portfolio.use_cases[i].id;
    // Stable, so that among equal ids the first in the portfolio comes first.
    crate::order::sort_by(&mut order, |a, b| id(*a).cmp(id(*b)));
    let mut repeated: Vec<usize> =
        order.windows(2).filter(|w| id(w[0]) == id(w[1])).map(|w| w[1]).collect();
    crate::order::sort_by(&mut repeated, usize::cmp);
    repeated
}

/// Checks one use case; resolved when every one of its inputs is valid.
fn check_use_case<'a>(
    c: &mut Checker,
    i: usize,
    use_case: &'a UseCase,
    settings: &Settings,
) -> Option<ResolvedUseCase<'a>> {
    let before = c.errors.len();
    let at = |field| FieldPath::use_case(i, field);
    if use_case.name.trim().is_empty() {
        c.push(at(UseCaseField::Name), Problem::Empty);
    }
    let workload = match &use_case.workload {
        Workload::Llm(llm) => check_llm(c, i, llm),
        Workload::Task(t) => {
            let (it_kwh_per_inference, source) = task::kwh_per_inference(t.task);
            Some(ResolvedWorkload::Task { it_kwh_per_inference, source })
        }
        Workload::Training(training) => check_training(c, i, training),
    };
    check_volume(c, i, &use_case.volume);
    let location = check_site(c, i, &use_case.site);
    let accelerator = accelerator_of(&use_case.workload, settings);
    let cost = check_cost(c, i, use_case, workload.as_ref(), accelerator);
    if let Some(avoided) = &use_case.avoided {
        check_avoided(c, i, avoided);
    }
    if c.errors.len() > before {
        return None;
    }
    Some(ResolvedUseCase {
        input: use_case,
        location: location?,
        accelerator: accelerator?,
        workload: workload?,
        cost: cost?,
    })
}

/// The accelerator whose hours a workload's estimate counts (None: an unknown training
/// accelerator, reported by its own check).
pub fn accelerator_of(workload: &Workload, settings: &Settings) -> Option<&'static Accelerator> {
    match workload {
        Workload::Llm(_) => match settings.llm_estimator {
            LlmEstimator::Paper => refdata::accelerator(PAPER_ACCELERATOR),
            LlmEstimator::Ecologits => Some(refdata::accelerators::reference()),
        },
        Workload::Task(_) => Some(refdata::accelerators::reference()),
        Workload::Training(t) => refdata::accelerator(&t.accelerator),
    }
}

fn check_shadow_prices(c: &mut Checker, prices: crate::portfolio::prices::ShadowPrices) {
    let at = |f| setting(SettingsField::ShadowPrice(f));
    let limit = limits::SHADOW_PRICE_USD;
    c.number(|| at(ShadowPriceField::UsdPerTco2e), prices.usd_per_tco2e, limit);
    c.number(|| at(ShadowPriceField::UsdPerM3), prices.usd_per_m3, limit);
}

/// Every problem of a projection scenario, its fields named under `settings.scenario`.
pub fn validate_scenario(scenario: &Scenario) -> Vec<InputError> {
    let mut checker = Checker { errors: Vec::new() };
    check_scenario(&mut checker, scenario);
    checker.errors
}

fn check_scenario(c: &mut Checker, s: &Scenario) {
    let at = |f| setting(SettingsField::Scenario(f));
    for (i, g) in s.usage_cagr.iter().enumerate() {
        c.number(|| at(ScenarioField::UsageCagr(i)), *g, limits::GROWTH_RATE);
    }
    let factors = [
        (ScenarioFactor::ModelSize, s.model_size),
        (ScenarioFactor::OutputTokens, s.output_tokens),
        (ScenarioFactor::HardwareGain, s.hardware_gain),
        (ScenarioFactor::Quantisation, s.quantisation),
        (ScenarioFactor::EmbodiedPerUnit, s.embodied_per_unit),
    ];
    for (field, value) in factors {
        c.number(|| at(ScenarioField::Factor(field)), value, limits::FACTOR);
    }
    c.number(|| at(ScenarioField::Factor(ScenarioFactor::Pue)), s.pue, limits::PUE);
    let grid = ScenarioField::Factor(ScenarioFactor::GridChange);
    c.number(|| at(grid), s.grid_change, limits::GRID_CHANGE);
}

fn check_lever(c: &mut Checker, i: usize, planned: &Planned, portfolio: &Portfolio) {
    let at = |f| setting(SettingsField::Lever(i, f));
    if let Some(id) = &planned.use_case {
        if id.as_legacy_index().is_some() {
            c.push(at(LeverField::UseCase), Problem::IndexNotId);
        } else if portfolio.use_case(id).is_none() {
            c.push(at(LeverField::UseCase), Problem::UnknownUseCase(id.to_string()));
        }
    }
    if let Err(problem) = planned.lever.check() {
        c.push(at(LeverField::Lever), problem);
    }
}

fn check_avoided(c: &mut Checker, i: usize, a: &crate::portfolio::avoided::Avoided) {
    let at = |f| FieldPath::use_case(i, UseCaseField::Avoided(f));
    let quantities = [
        (AvoidedField::HumanHours, a.human_hours),
        (AvoidedField::PagesWritten, a.pages_written),
        (AvoidedField::CarKm, a.car_km),
        (AvoidedField::FlightKm, a.flight_km),
        (AvoidedField::KwhSaved, a.kwh_saved),
        (AvoidedField::CustomKg, a.custom_kg),
        (AvoidedField::CustomL, a.custom_l),
        (AvoidedField::ValueUsd, a.value_usd),
    ];
    for (field, value) in quantities {
        c.number(|| at(field), value, limits::AVOIDED);
    }
    c.number(|| at(AvoidedField::HumanKgPerHour), a.human_kg_per_hour, limits::KG_PER_HOUR);
    c.number(|| at(AvoidedField::ReboundShare), a.rebound_share, limits::SHARE);
}

fn check_llm<'a>(c: &mut Checker, i: usize, llm: &'a LlmWorkload) -> Option<ResolvedWorkload<'a>> {
    let at = |f| FieldPath::use_case(i, UseCaseField::Workload(f));
    c.number(|| at(WorkloadField::OutputTokens), llm.output_tokens, limits::TOKENS);
    c.number(|| at(WorkloadField::InputTokens), llm.input_tokens, limits::TOKENS);
    let bits = llm.quantization_bits;
    c.number(|| at(WorkloadField::QuantizationBits), bits, limits::QUANTIZATION_BITS);
    if let Some(batch) = llm.batch_size {
        c.number(|| at(WorkloadField::BatchSize), batch, limits::BATCH_SIZE);
    }
    let model = match &llm.model {
        ModelChoice::Reference { size } => Some(ResolvedModel::Reference(*size)),
        ModelChoice::Catalogue { id } => {
            let model = refdata::llm_model(id);
            if model.is_none() {
                c.push(at(WorkloadField::ModelId), Problem::UnknownModel(id.clone()));
            }
            model.map(ResolvedModel::Catalogue)
        }
        ModelChoice::Custom { total_parameters_b, active_parameters_b } => {
            let (total, active) = (*total_parameters_b, *active_parameters_b);
            let limit = limits::PARAMETERS_B;
            c.number(|| at(WorkloadField::ModelTotalParametersB), total, limit);
            c.number(|| at(WorkloadField::ModelActiveParametersB), active, limit);
            if active > total {
                c.push(at(WorkloadField::ModelActiveParametersB), Problem::ActiveAboveTotal);
            }
            Some(ResolvedModel::Custom { total_b: total, active_b: active })
        }
    };
    Some(ResolvedWorkload::Llm { llm, model: model? })
}

fn check_training<'a>(
    c: &mut Checker,
    i: usize,
    training: &TrainingRun,
) -> Option<ResolvedWorkload<'a>> {
    let at = |f| FieldPath::use_case(i, UseCaseField::Workload(f));
    if refdata::accelerator(&training.accelerator).is_none() {
        let problem = Problem::UnknownAccelerator(training.accelerator.clone());
        c.push(at(WorkloadField::Accelerator), problem);
    }
    match training.compute {
        TrainingCompute::AcceleratorHours { accelerator_hours, power_share_of_tdp } => {
            let limit = limits::ACCELERATOR_HOURS;
            c.number(|| at(WorkloadField::AcceleratorHours), accelerator_hours, limit);
            if let Some(share) = power_share_of_tdp {
                c.number(|| at(WorkloadField::PowerShareOfTdp), share, limits::POSITIVE_SHARE);
            }
            Some(ResolvedWorkload::TrainingHours { accelerator_hours, power_share_of_tdp })
        }
        TrainingCompute::Flops { active_parameters_b, tokens_b, mfu } => {
            let limit = limits::PARAMETERS_B;
            c.number(|| at(WorkloadField::ComputeActiveParametersB), active_parameters_b, limit);
            c.number(|| at(WorkloadField::TokensB), tokens_b, limits::TOKENS_B);
            if let Some(mfu) = mfu {
                c.number(|| at(WorkloadField::Mfu), mfu, limits::POSITIVE_SHARE);
            }
            Some(ResolvedWorkload::TrainingFlops { active_parameters_b, tokens_b, mfu })
        }
        TrainingCompute::ClassicFineTune { task: t } => {
            let it_kwh = task::classic_fine_tune_kwh_per_year(t);
            if it_kwh.is_none() {
                let problem = Problem::NotApplicable(Inapplicable::ClassicFineTuneTask);
                c.push(at(WorkloadField::FineTuneTask), problem);
            }
            it_kwh.map(|it_kwh| ResolvedWorkload::ClassicFineTune { it_kwh })
        }
    }
}

fn check_cost(
    c: &mut Checker,
    i: usize,
    use_case: &UseCase,
    workload: Option<&ResolvedWorkload<'_>>,
    accelerator: Option<&'static Accelerator>,
) -> Option<ResolvedCost> {
    let at = |f| FieldPath::use_case(i, UseCaseField::Cost(f));
    let inapplicable = |c: &mut Checker, field, why| c.push(at(field), Problem::NotApplicable(why));
    let is_llm = matches!(use_case.workload, Workload::Llm(_));
    match use_case.cost {
        Cost::None => Some(ResolvedCost::None),
        Cost::ApiTokens { usd_per_million_input, usd_per_million_output } => {
            if !is_llm {
                inapplicable(c, CostField::Basis, Inapplicable::TokenPricesNeedLlm);
            }
            let (input, output) = (usd_per_million_input, usd_per_million_output);
            c.number(|| at(CostField::UsdPerMillionInput), input, limits::PRICE_USD);
            c.number(|| at(CostField::UsdPerMillionOutput), output, limits::PRICE_USD);
            Some(ResolvedCost::Tokens { usd_per_million_input, usd_per_million_output })
        }
        Cost::ApiCatalogue => {
            let listed = match (&use_case.workload, workload) {
                (
                    Workload::Llm(_),
                    Some(ResolvedWorkload::Llm { model: ResolvedModel::Catalogue(m), .. }),
                ) => m.usd_per_million,
                // An unknown model is reported by its own check.
                (Workload::Llm(_), None) => return None,
                _ => None,
            };
            if listed.is_none() {
                inapplicable(c, CostField::Basis, Inapplicable::NoCatalogueApiPrice);
            }
            let (usd_per_million_input, usd_per_million_output) = listed?;
            Some(ResolvedCost::Tokens { usd_per_million_input, usd_per_million_output })
        }
        Cost::AcceleratorHours { usd_per_hour, usd_per_kwh } => {
            c.number(|| at(CostField::UsdPerKwh), usd_per_kwh, limits::PRICE_USD);
            let usd_per_hour = match usd_per_hour {
                Some(price) => {
                    c.number(|| at(CostField::UsdPerHour), price, limits::PRICE_USD);
                    Estimate::exact(price)
                }
                None => {
                    // An unknown accelerator is reported by its own check.
                    let published = hourly_price_usd(accelerator?.id);
                    if published.is_none() {
                        inapplicable(c, CostField::UsdPerHour, Inapplicable::NoHourlyPrice);
                    }
                    published?.0
                }
            };
            Some(ResolvedCost::AcceleratorHours { usd_per_hour, usd_per_kwh })
        }
    }
}

fn check_volume(c: &mut Checker, i: usize, volume: &Volume) {
    let at = |f| FieldPath::use_case(i, UseCaseField::Volume(f));
    match *volume {
        Volume::PerDay { per_day, days_per_year } => {
            c.number(|| at(VolumeField::PerDay), per_day, limits::PER_DAY);
            c.number(|| at(VolumeField::DaysPerYear), days_per_year, limits::DAYS_PER_YEAR);
        }
        Volume::PerUser { users, per_user_per_day, days_per_year } => {
            c.number(|| at(VolumeField::Users), users, limits::USERS);
            let limit = limits::PER_USER_PER_DAY;
            c.number(|| at(VolumeField::PerUserPerDay), per_user_per_day, limit);
            c.number(|| at(VolumeField::DaysPerYear), days_per_year, limits::DAYS_PER_YEAR);
        }
        Volume::PerYear { per_year } => {
            c.number(|| at(VolumeField::PerYear), per_year, limits::PER_YEAR);
        }
    }
}

fn check_site(c: &mut Checker, i: usize, site: &Site) -> Option<Location> {
    let at = |f| FieldPath::use_case(i, UseCaseField::Site(f));
    let location = refdata::location(&site.location);
    if location.is_none() {
        c.push(at(SiteField::Location), Problem::UnknownLocation(site.location.clone()));
    }
    if let Some(pue) = site.pue {
        c.number(|| at(SiteField::Pue), pue, limits::PUE);
    }
    if let Some(wue) = site.wue_onsite_l_per_kwh {
        c.number(|| at(SiteField::WueOnsite), wue, limits::WUE_L_PER_KWH);
    }
    if let Some(share) = site.carbon_free_share {
        c.number(|| at(SiteField::CarbonFreeShare), share, limits::SHARE);
    }
    location
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::decision::levers::Lever;

    fn fields(portfolio: &Portfolio) -> Vec<String> {
        validate(portfolio).into_iter().map(|e| e.field.to_string()).collect()
    }

    #[test]
    fn default_portfolio_is_valid() {
        assert_eq!(validate(&Portfolio::default()), vec![]);
    }

    #[test]
    fn reports_every_problem_at_once_with_its_field() {
        let mut p = Portfolio::default();
        let uc = &mut p.use_cases[0];
        uc.name = "  ".to_owned();
        uc.volume = Volume::PerDay { per_day: -1.0, days_per_year: f64::NAN };
        let Workload::Llm(llm) = &mut uc.workload else { unreachable!() };
        llm.output_tokens = f64::INFINITY;
        llm.input_tokens = 1e300;
        uc.site = Site {
            location: "XX".into(),
            pue: Some(0.5),
            wue_onsite_l_per_kwh: Some(-2.0),
            carbon_free_share: Some(1.5),
        };
        assert_eq!(
            fields(&p),
            [
                "use_cases[0].name",
                "use_cases[0].workload.output_tokens",
                "use_cases[0].workload.input_tokens",
                "use_cases[0].volume.per_day",
                "use_cases[0].volume.days_per_year",
                "use_cases[0].site.location",
                "use_cases[0].site.pue",
                "use_cases[0].site.wue_onsite_l_per_kwh",
                "use_cases[0].site.carbon_free_share",
            ]
        );
    }

    #[test]
    fn messages_are_readable() {
        let mut p = Portfolio::default();
        p.use_cases[0].volume = Volume::PerDay { per_day: -5.0, days_per_year: 400.0 };
        let messages: Vec<String> = validate(&p).iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "use_cases[0].volume.per_day: must be at least 0",
                "use_cases[0].volume.days_per_year: must be at most 366",
            ]
        );
    }

    #[test]
    fn rejects_weights_that_do_not_sum_to_one() {
        let mut p = Portfolio::default();
        p.settings.saiq_weights.cost = 0.9;
        assert_eq!(fields(&p), ["settings.saiq_weights"]);
        p.settings.saiq_weights = crate::decision::saiq::Weights::COST_FOCUSED;
        assert_eq!(fields(&p), Vec::<String>::new());
    }

    #[test]
    fn avoided_impacts_and_shadow_prices_are_checked_field_by_field() {
        let mut p = Portfolio::default();
        p.settings.shadow_prices.usd_per_tco2e = -1.0;
        p.use_cases[0].avoided = Some(crate::portfolio::avoided::Avoided {
            rebound_share: 1.5,
            car_km: f64::NAN,
            pages_written: 100.0,
            ..Default::default()
        });
        assert_eq!(
            fields(&p),
            [
                "settings.shadow_prices.usd_per_tco2e",
                "use_cases[0].avoided.car_km",
                "use_cases[0].avoided.rebound_share",
            ]
        );
    }

    #[test]
    fn an_adjusted_scenario_is_checked_factor_by_factor() {
        use crate::decision::projection::Scenario;
        let mut p = Portfolio::default();
        let scenario =
            Scenario { pue: 0.5, usage_cagr: [0.3, 20.0, 0.1], ..Scenario::presets()[0].clone() };
        assert_eq!(
            validate_scenario(&scenario)
                .into_iter()
                .map(|e| e.field.to_string())
                .collect::<Vec<_>>(),
            ["settings.scenario.usage_cagr[1]", "settings.scenario.pue"]
        );
        p.settings.scenario = Some(scenario);
        assert_eq!(fields(&p), ["settings.scenario.usage_cagr[1]", "settings.scenario.pue"]);
        p.settings.scenario = Some(Scenario::presets().remove(3));
        assert_eq!(fields(&p), Vec::<String>::new());
    }

    #[test]
    fn rejects_unknown_schema_version() {
        let p = Portfolio { schema_version: 99, ..Portfolio::default() };
        assert_eq!(
            validate(&p)[0].to_string(),
            "schema_version: schema version 99 is not supported (this version reads 2)"
        );
    }

    #[test]
    fn checks_every_volume_basis() {
        let mut p = Portfolio::default();
        p.use_cases[0].volume =
            Volume::PerUser { users: -1.0, per_user_per_day: 1e9, days_per_year: 250.0 };
        assert_eq!(
            fields(&p),
            ["use_cases[0].volume.users", "use_cases[0].volume.per_user_per_day"]
        );
        p.use_cases[0].volume = Volume::PerYear { per_year: f64::NAN };
        assert_eq!(fields(&p), ["use_cases[0].volume.per_year"]);
    }

    #[test]
    fn checks_the_baseline_as_a_portfolio() {
        let mut p = Portfolio::default();
        let mut baseline = p.clone();
        baseline.use_cases[0].volume = Volume::PerYear { per_year: -1.0 };
        p.settings.baseline = Some(Box::new(baseline));
        assert_eq!(fields(&p), ["settings.baseline.use_cases[0].volume.per_year"]);
    }

    #[test]
    fn checks_planned_levers() {
        let mut p = Portfolio::default();
        let on = |lever, id: &str| Planned::on(lever, id.parse().expect("an id"));
        p.settings.levers = vec![
            on(Lever::MoveRegion("SE".into()), "1"),
            Planned::on_all(Lever::CutPue(0.9)),
            on(Lever::MoveBatchWork("atlantis".into()), "2"),
            Planned::on_all(Lever::ChangeAccelerator("abacus".into())),
        ];
        let messages: Vec<String> = validate(&p).iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "settings.levers[1].lever: must be at least 1",
                "settings.levers[2].use_case: no use case has the id \"2\"",
                "settings.levers[2].lever: unknown location \"atlantis\"",
                "settings.levers[3].lever: unknown accelerator \"abacus\"",
            ]
        );
    }

    #[test]
    fn use_case_ids_must_be_present_well_formed_and_unique() {
        let mut p = Portfolio::of(vec![UseCase::default(), UseCase::default()]);
        assert_eq!(fields(&p), Vec::<String>::new(), "Portfolio::of numbers them");
        p.use_cases[1].id = p.use_cases[0].id.clone();
        let messages: Vec<String> = validate(&p).iter().map(ToString::to_string).collect();
        assert_eq!(messages, ["use_cases[1].id: another use case has the id \"1\""]);
        p.use_cases[1].id = crate::id::UseCaseId::missing();
        assert_eq!(fields(&p), ["use_cases[1].id"]);
        p.id = crate::id::PortfolioId::default();
        assert_eq!(fields(&p), ["id", "use_cases[1].id"]);
    }

    #[test]
    fn resolving_looks_everything_up_once() {
        let mut p = Portfolio::default();
        p.use_cases[0].site.location = "FR".into();
        let resolved = resolve(&p).expect("valid");
        let uc = &resolved.use_cases()[0];
        assert_eq!(uc.location.zone.code, "FR");
        assert_eq!(uc.accelerator.id, PAPER_ACCELERATOR, "the paper measured A100s");
        assert!(matches!(
            uc.workload,
            ResolvedWorkload::Llm { model: ResolvedModel::Reference(ModelSize::B70), .. }
        ));
        let ResolvedCost::AcceleratorHours { usd_per_hour, .. } = uc.cost else {
            panic!("costed by the hour")
        };
        assert_eq!(usd_per_hour, Estimate::new(0.80, 1.30, 3.00), "the A100's published price");
        p.use_cases[0].site.location = "atlantis".into();
        let invalid = resolve(&p).expect_err("unknown location");
        assert_eq!(
            invalid.to_string(),
            "use_cases[0].site.location: unknown location \"atlantis\""
        );
    }

    #[test]
    fn checks_models_training_and_cost() {
        use crate::portfolio::{Task, TaskWorkload};
        let mut p = Portfolio::default();
        let Workload::Llm(llm) = &mut p.use_cases[0].workload else { unreachable!() };
        llm.model = ModelChoice::Catalogue { id: "acme/unknown".into() };
        p.add(UseCase {
            workload: Workload::Llm(LlmWorkload {
                model: ModelChoice::Custom { total_parameters_b: 10.0, active_parameters_b: 20.0 },
                batch_size: Some(1024.0),
                ..LlmWorkload::default()
            }),
            ..UseCase::default()
        });
        p.add(UseCase {
            workload: Workload::Training(TrainingRun {
                compute: TrainingCompute::ClassicFineTune { task: Task::ImageGeneration },
                accelerator: "abacus".into(),
            }),
            ..UseCase::default()
        });
        p.add(UseCase {
            workload: Workload::Task(TaskWorkload { task: Task::Tabular }),
            cost: Cost::ApiTokens { usd_per_million_input: 1.0, usd_per_million_output: -1.0 },
            ..UseCase::default()
        });
        p.add(UseCase {
            workload: Workload::Training(TrainingRun {
                compute: TrainingCompute::AcceleratorHours {
                    accelerator_hours: 10.0,
                    power_share_of_tdp: None,
                },
                accelerator: "amd-mi300x".into(),
            }),
            cost: Cost::AcceleratorHours { usd_per_hour: None, usd_per_kwh: 0.1 },
            ..UseCase::default()
        });
        let messages: Vec<String> = validate(&p).iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "use_cases[0].workload.model.id: unknown model \"acme/unknown\"",
                "use_cases[1].workload.batch_size: must be at most 512",
                "use_cases[1].workload.model.active_parameters_b: active parameters cannot exceed total parameters",
                "use_cases[2].workload.accelerator: unknown accelerator \"abacus\"",
                "use_cases[2].workload.compute.task: classic fine-tuning covers tabular, computer_vision and nlp",
                "use_cases[3].cost.basis: token prices apply only to LLM use cases",
                "use_cases[3].cost.usd_per_million_output: must be at least 0",
                "use_cases[4].cost.usd_per_hour: no published hourly price for this accelerator: enter one",
            ]
        );
    }
}

//! Input validation: every problem in a portfolio at once, each naming its field.
//!
//! The estimators assume validated input; [`crate::evaluate`] validates first, so no input can
//! make the engine panic or return NaN or infinity.

use crate::decision::levers::{Lever, Planned};
use crate::decision::projection::Scenario;
use crate::estimator::task;
use crate::portfolio::{
    Cost, LlmWorkload, ModelChoice, Portfolio, Settings, Site, TrainingCompute, TrainingRun,
    UseCase, Volume, Workload, SCHEMA_VERSION,
};
use crate::refdata;

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct InputError {
    /// Path of the field, as in the JSON file: `use_cases[0].volume.per_day`.
    pub field: String,
    /// What is wrong with it.
    pub problem: Problem,
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

/// Collects problems while walking a portfolio.
struct Checker {
    errors: Vec<InputError>,
}

impl Checker {
    fn number(&mut self, field: impl FnOnce() -> String, value: f64, limits: Limits) {
        if let Err(problem) = limits.check(value) {
            self.errors.push(InputError { field: field(), problem });
        }
    }

    fn push(&mut self, field: String, problem: Problem) {
        self.errors.push(InputError { field, problem });
    }
}

/// Returns every problem in the portfolio; an empty list means it can be evaluated.
pub fn validate(portfolio: &Portfolio) -> Vec<InputError> {
    let mut checker = Checker { errors: Vec::new() };
    if portfolio.schema_version != SCHEMA_VERSION {
        checker.push(
            "schema_version".to_owned(),
            Problem::UnsupportedSchema {
                found: portfolio.schema_version,
                supported: SCHEMA_VERSION,
            },
        );
    }
    let w = portfolio.settings.saiq_weights;
    let parts = [w.cost, w.energy, w.carbon, w.water];
    let in_range = parts.iter().all(|x| x.is_finite() && (0.0..=1.0).contains(x));
    if !in_range || (parts.iter().sum::<f64>() - 1.0).abs() > 1e-6 {
        checker.push("settings.saiq_weights".to_owned(), Problem::WeightsNotNormalised);
    }
    let prices = portfolio.settings.shadow_prices;
    let at = "settings.shadow_prices";
    check_shadow_prices(&mut checker, at, prices);
    if let Some(scenario) = &portfolio.settings.scenario {
        check_scenario(&mut checker, "settings.scenario", scenario);
    }
    if let Some(baseline) = &portfolio.settings.baseline {
        for e in validate(baseline) {
            checker.push(format!("settings.baseline.{}", e.field), e.problem);
        }
    }
    for (i, planned) in portfolio.settings.levers.iter().enumerate() {
        let at = format!("settings.levers[{i}]");
        check_lever(&mut checker, &at, planned, portfolio.use_cases.len());
    }
    for (i, use_case) in portfolio.use_cases.iter().enumerate() {
        check_use_case(&mut checker, &format!("use_cases[{i}]"), use_case, &portfolio.settings);
    }
    checker.errors
}

fn check_use_case(c: &mut Checker, at: &str, use_case: &UseCase, settings: &Settings) {
    if use_case.name.trim().is_empty() {
        c.push(format!("{at}.name"), Problem::Empty);
    }
    let workload_at = format!("{at}.workload");
    match &use_case.workload {
        Workload::Llm(llm) => check_llm(c, &workload_at, llm),
        Workload::Task(_) => {}
        Workload::Training(training) => check_training(c, &workload_at, training),
    }
    check_volume(c, &format!("{at}.volume"), &use_case.volume);
    check_site(c, &format!("{at}.site"), &use_case.site);
    check_cost(c, &format!("{at}.cost"), &use_case.cost, &use_case.workload, settings);
    if let Some(avoided) = &use_case.avoided {
        check_avoided(c, &format!("{at}.avoided"), avoided);
    }
}

fn check_shadow_prices(c: &mut Checker, at: &str, prices: crate::decision::ShadowPrices) {
    c.number(|| format!("{at}.usd_per_tco2e"), prices.usd_per_tco2e, limits::SHADOW_PRICE_USD);
    c.number(|| format!("{at}.usd_per_m3"), prices.usd_per_m3, limits::SHADOW_PRICE_USD);
}

/// Every problem of a projection scenario, its fields named under `settings.scenario`.
pub fn validate_scenario(scenario: &Scenario) -> Vec<InputError> {
    let mut checker = Checker { errors: Vec::new() };
    check_scenario(&mut checker, "settings.scenario", scenario);
    checker.errors
}

fn check_scenario(c: &mut Checker, at: &str, s: &Scenario) {
    for (i, g) in s.usage_cagr.iter().enumerate() {
        c.number(|| format!("{at}.usage_cagr[{i}]"), *g, limits::GROWTH_RATE);
    }
    let factors = [
        ("model_size", s.model_size),
        ("output_tokens", s.output_tokens),
        ("hardware_gain", s.hardware_gain),
        ("quantisation", s.quantisation),
        ("embodied_per_unit", s.embodied_per_unit),
    ];
    for (field, value) in factors {
        c.number(|| format!("{at}.{field}"), value, limits::FACTOR);
    }
    c.number(|| format!("{at}.pue"), s.pue, limits::PUE);
    c.number(|| format!("{at}.grid_change"), s.grid_change, limits::GRID_CHANGE);
}

fn check_lever(c: &mut Checker, at: &str, planned: &Planned, use_cases: usize) {
    if let Some(i) = planned.use_case {
        // An index counts the use cases before it: at most one less than their number.
        let last = Limits::new(0.0, use_cases as f64 - 1.0);
        c.number(|| format!("{at}.use_case"), i as f64, last);
    }
    let at = format!("{at}.lever");
    let (limits, value) = match &planned.lever {
        Lever::RightSize(_) | Lever::TaskSpecific(_) => return,
        Lever::Quantise(bits) => (limits::QUANTIZATION_BITS, *bits),
        Lever::Batch(requests) => (limits::BATCH_SIZE, *requests),
        Lever::RaiseCarbonFreeShare(share) => (limits::SHARE, *share),
        Lever::CutPue(pue) => (limits::PUE, *pue),
        Lever::ShareFineTune(teams) => (limits::TEAMS, *teams),
        Lever::ChangeAccelerator(id) => {
            if refdata::accelerator(id).is_none() {
                c.push(at, Problem::UnknownAccelerator(id.clone()));
            }
            return;
        }
        Lever::MoveRegion(location) | Lever::MoveBatchWork(location) => {
            if refdata::location(location).is_none() {
                c.push(at, Problem::UnknownLocation(location.clone()));
            }
            return;
        }
    };
    c.number(|| at, value, limits);
}

fn check_avoided(c: &mut Checker, at: &str, a: &crate::decision::roe::Avoided) {
    let quantities = [
        ("human_hours", a.human_hours),
        ("pages_written", a.pages_written),
        ("car_km", a.car_km),
        ("flight_km", a.flight_km),
        ("kwh_saved", a.kwh_saved),
        ("custom_kg", a.custom_kg),
        ("custom_l", a.custom_l),
        ("value_usd", a.value_usd),
    ];
    for (field, value) in quantities {
        c.number(|| format!("{at}.{field}"), value, limits::AVOIDED);
    }
    c.number(|| format!("{at}.human_kg_per_hour"), a.human_kg_per_hour, limits::KG_PER_HOUR);
    c.number(|| format!("{at}.rebound_share"), a.rebound_share, limits::SHARE);
}

fn check_llm(c: &mut Checker, at: &str, llm: &LlmWorkload) {
    c.number(|| format!("{at}.output_tokens"), llm.output_tokens, limits::TOKENS);
    c.number(|| format!("{at}.input_tokens"), llm.input_tokens, limits::TOKENS);
    c.number(
        || format!("{at}.quantization_bits"),
        llm.quantization_bits,
        limits::QUANTIZATION_BITS,
    );
    if let Some(batch) = llm.batch_size {
        c.number(|| format!("{at}.batch_size"), batch, limits::BATCH_SIZE);
    }
    match &llm.model {
        ModelChoice::Reference { .. } => {}
        ModelChoice::Catalogue { id } => {
            if refdata::llm_model(id).is_none() {
                c.push(format!("{at}.model.id"), Problem::UnknownModel(id.clone()));
            }
        }
        ModelChoice::Custom { total_parameters_b, active_parameters_b } => {
            let (total, active) = (*total_parameters_b, *active_parameters_b);
            c.number(|| format!("{at}.model.total_parameters_b"), total, limits::PARAMETERS_B);
            c.number(|| format!("{at}.model.active_parameters_b"), active, limits::PARAMETERS_B);
            if active > total {
                c.push(format!("{at}.model.active_parameters_b"), Problem::ActiveAboveTotal);
            }
        }
    }
}

fn check_training(c: &mut Checker, at: &str, training: &TrainingRun) {
    if refdata::accelerator(&training.accelerator).is_none() {
        c.push(
            format!("{at}.accelerator"),
            Problem::UnknownAccelerator(training.accelerator.clone()),
        );
    }
    let at = format!("{at}.compute");
    match &training.compute {
        TrainingCompute::AcceleratorHours { accelerator_hours, power_share_of_tdp } => {
            let hours = *accelerator_hours;
            c.number(|| format!("{at}.accelerator_hours"), hours, limits::ACCELERATOR_HOURS);
            if let Some(share) = power_share_of_tdp {
                c.number(|| format!("{at}.power_share_of_tdp"), *share, limits::POSITIVE_SHARE);
            }
        }
        TrainingCompute::Flops { active_parameters_b, tokens_b, mfu } => {
            let active = *active_parameters_b;
            c.number(|| format!("{at}.active_parameters_b"), active, limits::PARAMETERS_B);
            c.number(|| format!("{at}.tokens_b"), *tokens_b, limits::TOKENS_B);
            if let Some(mfu) = mfu {
                c.number(|| format!("{at}.mfu"), *mfu, limits::POSITIVE_SHARE);
            }
        }
        TrainingCompute::ClassicFineTune { task: t } => {
            if task::classic_fine_tune_kwh_per_year(*t).is_none() {
                c.push(
                    format!("{at}.task"),
                    Problem::NotApplicable(Inapplicable::ClassicFineTuneTask),
                );
            }
        }
    }
}

fn check_cost(c: &mut Checker, at: &str, cost: &Cost, workload: &Workload, settings: &Settings) {
    match *cost {
        Cost::None => {}
        Cost::ApiTokens { usd_per_million_input, usd_per_million_output } => {
            if !matches!(workload, Workload::Llm(_)) {
                c.push(
                    format!("{at}.basis"),
                    Problem::NotApplicable(Inapplicable::TokenPricesNeedLlm),
                );
            }
            let (input, output) = (usd_per_million_input, usd_per_million_output);
            c.number(|| format!("{at}.usd_per_million_input"), input, limits::PRICE_USD);
            c.number(|| format!("{at}.usd_per_million_output"), output, limits::PRICE_USD);
        }
        Cost::ApiCatalogue => {
            let listed = match workload {
                Workload::Llm(LlmWorkload { model: ModelChoice::Catalogue { id }, .. }) => {
                    refdata::llm_model(id).is_some_and(|m| m.usd_per_million.is_some())
                }
                _ => false,
            };
            if !listed {
                c.push(
                    format!("{at}.basis"),
                    Problem::NotApplicable(Inapplicable::NoCatalogueApiPrice),
                );
            }
        }
        Cost::AcceleratorHours { usd_per_hour, usd_per_kwh } => {
            match usd_per_hour {
                Some(price) => c.number(|| format!("{at}.usd_per_hour"), price, limits::PRICE_USD),
                None => {
                    let accelerator = crate::evaluate::accelerator_of(workload, settings);
                    if refdata::accelerators::hourly_price_usd(accelerator.id).is_none() {
                        c.push(
                            format!("{at}.usd_per_hour"),
                            Problem::NotApplicable(Inapplicable::NoHourlyPrice),
                        );
                    }
                }
            }
            c.number(|| format!("{at}.usd_per_kwh"), usd_per_kwh, limits::PRICE_USD);
        }
    }
}

fn check_volume(c: &mut Checker, at: &str, volume: &Volume) {
    match *volume {
        Volume::PerDay { per_day, days_per_year } => {
            c.number(|| format!("{at}.per_day"), per_day, limits::PER_DAY);
            c.number(|| format!("{at}.days_per_year"), days_per_year, limits::DAYS_PER_YEAR);
        }
        Volume::PerUser { users, per_user_per_day, days_per_year } => {
            c.number(|| format!("{at}.users"), users, limits::USERS);
            c.number(
                || format!("{at}.per_user_per_day"),
                per_user_per_day,
                limits::PER_USER_PER_DAY,
            );
            c.number(|| format!("{at}.days_per_year"), days_per_year, limits::DAYS_PER_YEAR);
        }
        Volume::PerYear { per_year } => {
            c.number(|| format!("{at}.per_year"), per_year, limits::PER_YEAR);
        }
    }
}

fn check_site(c: &mut Checker, at: &str, site: &Site) {
    if refdata::location(&site.location).is_none() {
        c.push(format!("{at}.location"), Problem::UnknownLocation(site.location.clone()));
    }
    if let Some(pue) = site.pue {
        c.number(|| format!("{at}.pue"), pue, limits::PUE);
    }
    if let Some(wue) = site.wue_onsite_l_per_kwh {
        c.number(|| format!("{at}.wue_onsite_l_per_kwh"), wue, limits::WUE_L_PER_KWH);
    }
    if let Some(share) = site.carbon_free_share {
        c.number(|| format!("{at}.carbon_free_share"), share, limits::SHARE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(portfolio: &Portfolio) -> Vec<String> {
        validate(portfolio).into_iter().map(|e| e.field).collect()
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
        p.use_cases[0].avoided = Some(crate::decision::roe::Avoided {
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
            validate_scenario(&scenario).into_iter().map(|e| e.field).collect::<Vec<_>>(),
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
            "schema_version: schema version 99 is not supported (this version reads 1)"
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
        let fields: Vec<String> = validate(&p).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["settings.baseline.use_cases[0].volume.per_year"]);
    }

    #[test]
    fn checks_planned_levers() {
        let mut p = Portfolio::default();
        let planned = |lever, use_case| Planned { lever, use_case };
        p.settings.levers = vec![
            planned(Lever::MoveRegion("SE".into()), Some(0)),
            planned(Lever::CutPue(0.9), None),
            planned(Lever::MoveBatchWork("atlantis".into()), Some(1)),
            planned(Lever::ChangeAccelerator("abacus".into()), None),
        ];
        let messages: Vec<String> = validate(&p).iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "settings.levers[1].lever: must be at least 1",
                "settings.levers[2].use_case: must be at most 0",
                "settings.levers[2].lever: unknown location \"atlantis\"",
                "settings.levers[3].lever: unknown accelerator \"abacus\"",
            ]
        );
    }

    #[test]
    fn checks_models_training_and_cost() {
        use crate::portfolio::{Task, TaskWorkload};
        let mut p = Portfolio::default();
        let Workload::Llm(llm) = &mut p.use_cases[0].workload else { unreachable!() };
        llm.model = ModelChoice::Catalogue { id: "acme/unknown".into() };
        p.use_cases.push(UseCase {
            workload: Workload::Llm(LlmWorkload {
                model: ModelChoice::Custom { total_parameters_b: 10.0, active_parameters_b: 20.0 },
                batch_size: Some(1024.0),
                ..LlmWorkload::default()
            }),
            ..UseCase::default()
        });
        p.use_cases.push(UseCase {
            workload: Workload::Training(TrainingRun {
                compute: TrainingCompute::ClassicFineTune { task: Task::ImageGeneration },
                accelerator: "abacus".into(),
            }),
            ..UseCase::default()
        });
        p.use_cases.push(UseCase {
            workload: Workload::Task(TaskWorkload { task: Task::Tabular }),
            cost: Cost::ApiTokens { usd_per_million_input: 1.0, usd_per_million_output: -1.0 },
            ..UseCase::default()
        });
        p.use_cases.push(UseCase {
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

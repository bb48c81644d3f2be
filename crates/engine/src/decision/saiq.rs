//! The Sustainable AI Quotient (docs/methodology.md §14.1): cost, energy, carbon and water per unit of AI
//! output, each divided by an explicit reference, then weighted. Lower is better; 1.0 is the
//! reference. Dividing by the reference makes the score independent of the units the
//! intensities are written in, which a raw weighted sum is not.

use serde::{Deserialize, Serialize};

use crate::evaluate::{Impacts, PortfolioResult, UseCaseResult};
pub use crate::portfolio::weights::Weights;
use crate::portfolio::{
    LlmTask, LlmWorkload, ModelChoice, ModelSize, Portfolio, Site, UseCase, Volume, Workload,
};

/// What one unit of AI output is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FunctionalUnit {
    /// 1,000 output tokens (LLM use cases only).
    #[default]
    ThousandOutputTokens,
    /// One request (or one run).
    Request,
}

crate::keyed!(impl FunctionalUnit { ThousandOutputTokens = "tokens", Request = "request" });

/// The four intensities per functional unit.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Intensities {
    /// Cost, $ per unit.
    pub cost_usd: f64,
    /// Energy, MWh per unit.
    pub energy_mwh: f64,
    /// Carbon (operational location-based plus embodied), tCO2e per unit.
    pub carbon_t: f64,
    /// Water (on-site plus off-site), m³ per unit.
    pub water_m3: f64,
}

impl Intensities {
    fn of(impacts: &Impacts, units: f64) -> Option<Self> {
        (units > 0.0).then(|| Self {
            cost_usd: impacts.cost_usd.central / units,
            energy_mwh: impacts.energy_kwh.central / 1_000.0 / units,
            carbon_t: impacts.carbon_total_kg().central / 1_000.0 / units,
            water_m3: impacts.water_total_l().central / 1_000.0 / units,
        })
    }

    fn as_array(&self) -> [f64; 4] {
        [self.cost_usd, self.energy_mwh, self.carbon_t, self.water_m3]
    }
}

/// Which of the four indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    /// Cost.
    Cost,
    /// Energy.
    Energy,
    /// Carbon.
    Carbon,
    /// Water.
    Water,
}

impl Weights {
    fn as_array(&self) -> [f64; 4] {
        [self.cost, self.energy, self.carbon, self.water]
    }

    fn from_array([cost, energy, carbon, water]: [f64; 4]) -> Self {
        Self { cost, energy, carbon, water }
    }

    /// Sets one weight (clamped to 0–1) and rescales the others, keeping their proportions, so
    /// that the four still sum to 1 (as a set of linked sliders behaves).
    pub fn with(self, indicator: Indicator, value: f64) -> Self {
        let i = indicator as usize;
        let value = if value.is_finite() { value.clamp(0.0, 1.0) } else { self.as_array()[i] };
        let mut w = self.as_array();
        let others: f64 = w.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, x)| x).sum();
        for (j, x) in w.iter_mut().enumerate() {
            *x = if j == i {
                value
            } else if others > 0.0 {
                *x / others * (1.0 - value)
            } else {
                (1.0 - value) / 3.0
            };
        }
        Self::from_array(w)
    }
}

/// Why a SAIQ cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SaiqError {
    /// The reference is zero for an indicator that carries weight: nothing to divide by.
    #[error("the reference has no {0:?}: choose another reference or give it no weight")]
    ZeroReference(Indicator),
    /// The use case produces no unit of output (no tokens, no requests).
    #[error("no output to measure against")]
    NoOutput,
}

const INDICATORS: [Indicator; 4] =
    [Indicator::Cost, Indicator::Energy, Indicator::Carbon, Indicator::Water];

/// Output units per run: 1 request, or output tokens ÷ 1,000 (all model calls of a request).
fn units_per_run(use_case: &UseCase, unit: FunctionalUnit) -> f64 {
    match unit {
        FunctionalUnit::Request => 1.0,
        FunctionalUnit::ThousandOutputTokens => match &use_case.workload {
            Workload::Llm(llm) => llm.output_tokens * llm.task.calls_per_request() / 1_000.0,
            Workload::Task(_) | Workload::Training(_) => 0.0,
        },
    }
}

/// A use case's intensities per unit (`None` when it produces no such unit).
pub fn use_case_intensities(
    use_case: &UseCase,
    result: &UseCaseResult,
    unit: FunctionalUnit,
) -> Option<Intensities> {
    Intensities::of(&result.per_run, units_per_run(use_case, unit))
}

/// The portfolio's yearly totals per unit of its yearly output. With tokens as the unit, only
/// LLM use cases count (their footprint over their tokens).
pub fn portfolio_intensities(
    portfolio: &Portfolio,
    result: &PortfolioResult,
    unit: FunctionalUnit,
) -> Option<Intensities> {
    let mut impacts = Impacts::default();
    let mut units = 0.0;
    for (uc, r) in portfolio.use_cases.iter().zip(&result.use_cases) {
        let per_run = units_per_run(uc, unit);
        if per_run > 0.0 {
            impacts = impacts + r.per_year;
            units += per_run * r.runs_per_year;
        }
    }
    Intensities::of(&impacts, units)
}

/// SAIQ = Σ wᵢ·(xᵢ / refᵢ).
pub fn saiq(x: &Intensities, reference: &Intensities, weights: &Weights) -> Result<f64, SaiqError> {
    ratios(x, reference, weights)
        .map(|r| r.iter().zip(weights.as_array()).map(|(q, w)| w * q).sum())
}

/// The ranking-stable variant: Π (xᵢ / refᵢ)^wᵢ.
pub fn saiq_geometric(
    x: &Intensities,
    reference: &Intensities,
    weights: &Weights,
) -> Result<f64, SaiqError> {
    ratios(x, reference, weights)
        .map(|r| r.iter().zip(weights.as_array()).map(|(q, w)| q.powf(w)).product())
}

fn ratios(
    x: &Intensities,
    reference: &Intensities,
    weights: &Weights,
) -> Result<[f64; 4], SaiqError> {
    let (x, r, w) = (x.as_array(), reference.as_array(), weights.as_array());
    let mut out = [0.0; 4];
    for i in 0..4 {
        if w[i] > 0.0 && r[i] <= 0.0 {
            return Err(SaiqError::ZeroReference(INDICATORS[i]));
        }
        out[i] = if w[i] > 0.0 { x[i] / r[i] } else { 1.0 };
    }
    Ok(out)
}

/// The shipped reference: the paper's 70B chat assistant (Llama 3.1 70B, 208.45 output
/// tokens, Capgemini 2025 estimator) run on the world-average grid with the industry PUE and
/// WUE ranges, costed at published A100-hour prices. Computed by this engine, so it follows the
/// methodology version.
pub fn reference_use_case() -> UseCase {
    UseCase {
        id: crate::id::UseCaseId::default(),
        name: "Reference: 70B chat, world-average grid".into(),
        workload: Workload::Llm(LlmWorkload {
            model: ModelChoice::Reference { size: ModelSize::B70 },
            ..LlmWorkload::default()
        }),
        volume: Volume::PerYear { per_year: 1.0 },
        site: Site { location: "WORLD".into(), ..Site::default() },
        cost: crate::portfolio::Cost::AcceleratorHours { usd_per_hour: None, usd_per_kwh: 0.0 },
        avoided: None,
    }
}

/// A portfolio's intensities in a unit, evaluating it first (None: it does not evaluate, or
/// has no such output).
pub fn intensities_of(portfolio: &Portfolio, unit: FunctionalUnit) -> Option<Intensities> {
    let result = crate::evaluate_portfolio(portfolio).ok()?;
    portfolio_intensities(portfolio, &result, unit)
}

/// The shipped reference's intensities per unit.
pub fn reference_intensities(unit: FunctionalUnit) -> Option<Intensities> {
    let use_case = reference_use_case();
    let portfolio = Portfolio { use_cases: vec![use_case.clone()], ..Portfolio::default() };
    let result = crate::evaluate_portfolio(&portfolio).ok()?;
    debug_assert!(matches!(&use_case.workload, Workload::Llm(l) if l.task == LlmTask::Chat));
    use_case_intensities(&use_case, &result.use_cases[0], unit)
}

/// Use cases ranked by SAIQ, best (lowest) first: (index in the portfolio, score). Use cases
/// without the unit of output are left out.
pub fn ranking(
    portfolio: &Portfolio,
    result: &PortfolioResult,
    unit: FunctionalUnit,
    reference: &Intensities,
    weights: &Weights,
) -> Vec<(usize, f64)> {
    let mut ranked: Vec<(usize, f64)> = portfolio
        .use_cases
        .iter()
        .zip(&result.use_cases)
        .enumerate()
        .filter_map(|(i, (uc, r))| {
            let x = use_case_intensities(uc, r, unit)?;
            saiq(&x, reference, weights).ok().map(|s| (i, s))
        })
        .collect();
    crate::order::sort_by(&mut ranked, |a, b| a.1.total_cmp(&b.1));
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{evaluate_portfolio, presets::presets};

    fn sample() -> Intensities {
        Intensities { cost_usd: 0.02, energy_mwh: 3e-6, carbon_t: 1.2e-6, water_m3: 5e-6 }
    }

    #[test]
    fn the_reference_scores_one_and_weights_stay_normalised() {
        let r = reference_intensities(FunctionalUnit::ThousandOutputTokens).unwrap();
        for w in [
            Weights::BALANCED,
            Weights::COST_FOCUSED,
            Weights::ENERGY_FOCUSED,
            Weights::CLIMATE_FOCUSED,
        ] {
            let sum: f64 = w.as_array().iter().sum();
            assert!((sum - 1.0).abs() < 1e-12);
            assert!((saiq(&r, &r, &w).unwrap() - 1.0).abs() < 1e-12);
            assert!((saiq_geometric(&r, &r, &w).unwrap() - 1.0).abs() < 1e-12);
        }
        let w = Weights::BALANCED.with(Indicator::Carbon, 0.7);
        assert!((w.as_array().iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert_eq!(w.carbon, 0.7);
        assert!((w.cost - 0.1).abs() < 1e-12);
        let w =
            Weights { cost: 1.0, energy: 0.0, carbon: 0.0, water: 0.0 }.with(Indicator::Cost, 0.4);
        assert!((w.energy - 0.2).abs() < 1e-12, "zero others share the rest equally");
    }

    #[test]
    fn the_score_does_not_depend_on_units() {
        let (x, r, w) =
            (sample(), Intensities { cost_usd: 0.01, ..sample() }, Weights::CLIMATE_FOCUSED);
        // The same intensities in kWh, kg, litres and cents: every value and reference × k.
        let scale = |i: &Intensities| Intensities {
            cost_usd: i.cost_usd * 100.0,
            energy_mwh: i.energy_mwh * 1_000.0,
            carbon_t: i.carbon_t * 1_000.0,
            water_m3: i.water_m3 * 1_000.0,
        };
        let a = saiq(&x, &r, &w).unwrap();
        let b = saiq(&scale(&x), &scale(&r), &w).unwrap();
        assert!((a - b).abs() < 1e-12 * a);
        let ga = saiq_geometric(&x, &r, &w).unwrap();
        let gb = saiq_geometric(&scale(&x), &scale(&r), &w).unwrap();
        assert!((ga - gb).abs() < 1e-12 * ga);
    }

    #[test]
    fn a_zero_reference_is_a_defined_error_unless_weightless() {
        let zero_cost = Intensities { cost_usd: 0.0, ..sample() };
        assert_eq!(
            saiq(&sample(), &zero_cost, &Weights::BALANCED),
            Err(SaiqError::ZeroReference(Indicator::Cost))
        );
        let no_cost = Weights::BALANCED.with(Indicator::Cost, 0.0);
        assert!(saiq(&sample(), &zero_cost, &no_cost).is_ok());
    }

    #[test]
    fn weights_re_rank_use_cases() {
        let mut p = Portfolio { use_cases: Vec::new(), ..Portfolio::default() };
        for preset in
            presets().into_iter().filter(|p| matches!(p.use_case.workload, Workload::Llm(_)))
        {
            p.add(preset.use_case);
        }
        let r = evaluate_portfolio(&p).unwrap();
        let reference = reference_intensities(FunctionalUnit::ThousandOutputTokens).unwrap();
        let by = |w: Weights| ranking(&p, &r, FunctionalUnit::ThousandOutputTokens, &reference, &w);
        let cost = by(Weights { cost: 1.0, energy: 0.0, carbon: 0.0, water: 0.0 });
        let carbon = by(Weights { cost: 0.0, energy: 0.0, carbon: 1.0, water: 0.0 });
        assert_eq!(cost.len(), 4);
        assert!(cost.windows(2).all(|w| w[0].1 <= w[1].1));
        assert_ne!(
            cost.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
            carbon.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
            "a cost-only and a carbon-only view order these presets differently"
        );
    }

    #[test]
    fn portfolio_intensity_is_yearly_footprint_over_yearly_output() {
        let p = Portfolio::default();
        let r = evaluate_portfolio(&p).unwrap();
        let x = portfolio_intensities(&p, &r, FunctionalUnit::Request).unwrap();
        let expected = r.total_per_year.energy_kwh.central / 1_000.0 / r.use_cases[0].runs_per_year;
        assert!((x.energy_mwh - expected).abs() < 1e-18);
        let tasks_only = Portfolio {
            use_cases: vec![
                presets().into_iter().find(|p| p.id == "fraud_detection").unwrap().use_case,
            ],
            ..Portfolio::default()
        };
        let r = evaluate_portfolio(&tasks_only).unwrap();
        assert_eq!(
            portfolio_intensities(&tasks_only, &r, FunctionalUnit::ThousandOutputTokens),
            None
        );
    }
}

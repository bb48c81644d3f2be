//! From a portfolio to its footprint: every indicator, per request and per year, with ranges
//! and the working behind them.

use serde::Serialize;

use crate::estimate::{Bound, Estimate};
use crate::estimator::paper::{self, CallEnergy, CallInput};
use crate::portfolio::{Portfolio, Site, UseCase, Workload};
use crate::refdata::{self, datacentre, Location, Source};
use crate::validate::{validate, InputError};
use crate::METHODOLOGY_VERSION;

const G_PER_KG: f64 = 1_000.0;

/// Energy, carbon and water of something: a request, a use case's year, a portfolio's year.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Impacts {
    /// Final electricity at the facility meter plus network, kWh.
    pub energy_kwh: Estimate,
    /// Operational carbon, location-based (life-cycle grid intensity), kgCO2e.
    pub carbon_operational_kg: Estimate,
    /// Embodied carbon of the hardware time used, kgCO2e.
    pub carbon_embodied_kg: Estimate,
    /// Water evaporated by data-centre cooling, litres.
    pub water_onsite_l: Estimate,
    /// Water consumed to generate the electricity, litres.
    pub water_offsite_l: Estimate,
}

impl Impacts {
    /// Operational plus embodied carbon, kgCO2e.
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
            carbon_embodied_kg: self.carbon_embodied_kg.scale(factor),
            water_onsite_l: self.water_onsite_l.scale(factor),
            water_offsite_l: self.water_offsite_l.scale(factor),
        }
    }

    /// Every indicator as a list, for checks that must hold for all of them.
    pub fn all(&self) -> [Estimate; 5] {
        [
            self.energy_kwh,
            self.carbon_operational_kg,
            self.carbon_embodied_kg,
            self.water_onsite_l,
            self.water_offsite_l,
        ]
    }
}

impl std::ops::Add for Impacts {
    type Output = Impacts;
    fn add(self, rhs: Impacts) -> Impacts {
        Impacts {
            energy_kwh: self.energy_kwh + rhs.energy_kwh,
            carbon_operational_kg: self.carbon_operational_kg + rhs.carbon_operational_kg,
            carbon_embodied_kg: self.carbon_embodied_kg + rhs.carbon_embodied_kg,
            water_onsite_l: self.water_onsite_l + rhs.water_onsite_l,
            water_offsite_l: self.water_offsite_l + rhs.water_offsite_l,
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
    /// The value (range when uncertain).
    pub value: Estimate,
    /// Its unit.
    pub unit: &'static str,
    /// Where the central value comes from.
    pub source: &'static Source,
    /// True when the user typed the value instead of taking the default.
    pub user_supplied: bool,
}

/// The intermediate values behind one use case's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Working {
    /// Name of the estimator used.
    pub estimator: &'static str,
    /// One model call at central inputs.
    pub call: CallEnergy,
    /// Model calls per request.
    pub calls_per_request: f64,
    /// Identifier of the location.
    pub location: &'static str,
    /// Grid zone the location draws from.
    pub grid_zone: &'static str,
    /// Power usage effectiveness.
    pub pue: FactorUsed,
    /// On-site water usage effectiveness, L/kWh of IT energy.
    pub wue_onsite: FactorUsed,
    /// Life-cycle grid carbon intensity, gCO2e/kWh.
    pub grid_intensity: FactorUsed,
    /// Off-site water factor of the grid, L/kWh.
    pub offsite_water: FactorUsed,
}

/// The footprint of one use case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UseCaseResult {
    /// The use case's name.
    pub name: String,
    /// Requests per year.
    pub requests_per_year: f64,
    /// Impacts of one request.
    pub per_request: Impacts,
    /// Impacts of one year.
    pub per_year: Impacts,
    /// How the numbers were obtained.
    pub working: Working,
}

/// The footprint of a portfolio.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioResult {
    /// Version of the methodology that produced these numbers.
    pub methodology_version: &'static str,
    /// One result per use case, in the portfolio's order.
    pub use_cases: Vec<UseCaseResult>,
    /// Sum over the use cases, per year.
    pub total_per_year: Impacts,
}

/// Validates then evaluates a portfolio; on invalid input, returns every problem.
pub fn evaluate(portfolio: &Portfolio) -> Result<PortfolioResult, Vec<InputError>> {
    let errors = validate(portfolio);
    if !errors.is_empty() {
        return Err(errors);
    }
    let use_cases: Vec<UseCaseResult> = portfolio.use_cases.iter().map(evaluate_use_case).collect();
    let total_per_year = use_cases.iter().map(|u| u.per_year).sum();
    Ok(PortfolioResult {
        methodology_version: METHODOLOGY_VERSION,
        use_cases,
        total_per_year,
    })
}

/// Site factors resolved from the user's values or the reference ranges.
struct SiteFactors {
    location: &'static Location,
    pue: FactorUsed,
    wue: FactorUsed,
}

fn resolve_site(site: &Site) -> SiteFactors {
    // Validation guarantees the location exists; fall back to the world average rather than
    // panic if an unvalidated portfolio ever reaches here.
    let location = refdata::location(&site.location).unwrap_or(&refdata::LOCATIONS[0]);
    let pue = match site.pue {
        Some(v) => user_factor(v, "ratio"),
        None => FactorUsed {
            value: datacentre::PUE,
            unit: "ratio",
            source: datacentre::PUE_SOURCES[1],
            user_supplied: false,
        },
    };
    let wue = match site.wue_onsite_l_per_kwh {
        Some(v) => user_factor(v, "L/kWh"),
        None => FactorUsed {
            value: datacentre::WUE_ONSITE_L_PER_KWH,
            unit: "L/kWh",
            source: datacentre::WUE_SOURCES[1],
            user_supplied: false,
        },
    };
    SiteFactors { location, pue, wue }
}

const USER_INPUT: Source = Source {
    id: "user",
    citation: "value entered by the user",
    year: 0,
    licence: "",
};

fn user_factor(value: f64, unit: &'static str) -> FactorUsed {
    FactorUsed {
        value: Estimate::exact(value),
        unit,
        source: &USER_INPUT,
        user_supplied: true,
    }
}

fn evaluate_use_case(use_case: &UseCase) -> UseCaseResult {
    let Workload::Llm(llm) = &use_case.workload;
    let site = resolve_site(&use_case.site);
    let zone = site.location.zone;
    let calls = llm.task.calls_per_request();
    let call_at = |bound: Bound| {
        paper::estimate_call(CallInput {
            model: llm.model,
            task: llm.task,
            output_tokens: llm.output_tokens,
            input_tokens: llm.input_tokens,
            pue: site.pue.value.at(bound),
        })
    };
    let calls_by_bound = Bound::ALL.map(call_at);
    let [low, central, high] = &calls_by_bound;
    let per_bound = |f: &dyn Fn(&CallEnergy, Bound) -> f64| {
        Estimate::new(
            f(low, Bound::Low),
            f(central, Bound::Central),
            f(high, Bound::High),
        )
        .scale(calls)
    };
    let grid_kg_per_kwh = zone.lifecycle_g_per_kwh / G_PER_KG;
    let per_request = Impacts {
        energy_kwh: per_bound(&|c, _| c.total_kwh()),
        carbon_operational_kg: per_bound(&|c, _| c.total_kwh() * grid_kg_per_kwh),
        carbon_embodied_kg: per_bound(&|c, _| c.embodied_kg),
        // WUE is defined per kWh of IT energy, not facility energy: applying it to the
        // latter would count the PUE twice.
        water_onsite_l: per_bound(&|c, b| c.it_kwh * site.wue.value.at(b)),
        water_offsite_l: per_bound(&|c, _| c.total_kwh() * zone.offsite_water_l_per_kwh),
    };
    let requests_per_year = use_case.volume.requests_per_year();
    UseCaseResult {
        name: use_case.name.clone(),
        requests_per_year,
        per_request,
        per_year: per_request.scale(requests_per_year),
        working: Working {
            estimator: "Capgemini 2025 (paper)",
            call: *central,
            calls_per_request: calls,
            location: site.location.id,
            grid_zone: zone.code,
            pue: site.pue,
            wue_onsite: site.wue,
            grid_intensity: FactorUsed {
                value: Estimate::exact(zone.lifecycle_g_per_kwh),
                unit: "gCO2e/kWh",
                source: zone.carbon_source,
                user_supplied: false,
            },
            offsite_water: FactorUsed {
                value: Estimate::exact(zone.offsite_water_l_per_kwh),
                unit: "L/kWh",
                source: zone.water_source,
                user_supplied: false,
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portfolio::{LlmTask, LlmWorkload, ModelSize, Volume};

    fn chat(model: ModelSize, requests_per_day: f64, location: &str) -> UseCase {
        UseCase {
            name: format!("{} chat", model.label()),
            workload: Workload::Llm(LlmWorkload {
                model,
                ..LlmWorkload::default()
            }),
            volume: Volume::PerDay {
                requests_per_day,
                days_per_year: 365.0,
            },
            site: Site {
                location: location.to_owned(),
                pue: None,
                wue_onsite_l_per_kwh: None,
            },
        }
    }

    fn portfolio(use_cases: Vec<UseCase>) -> Portfolio {
        Portfolio {
            use_cases,
            ..Portfolio::default()
        }
    }

    #[test]
    fn central_energy_per_request_is_the_paper_total() {
        let result = evaluate(&portfolio(vec![chat(ModelSize::B8, 1.0, "US")])).unwrap();
        let e = result.use_cases[0].per_request.energy_kwh.central;
        assert_eq!(format!("{e:.2e}"), "9.31e-5");
        assert_eq!(result.methodology_version, METHODOLOGY_VERSION);
    }

    #[test]
    fn yearly_values_are_per_request_times_volume() {
        let result = evaluate(&portfolio(vec![chat(ModelSize::B70, 1_000.0, "FR")])).unwrap();
        let uc = &result.use_cases[0];
        assert_eq!(uc.requests_per_year, 365_000.0);
        let ratio = uc.per_year.energy_kwh.central / uc.per_request.energy_kwh.central;
        assert!((ratio - 365_000.0).abs() < 1e-6);
    }

    #[test]
    fn carbon_follows_the_grid() {
        let fr = evaluate(&portfolio(vec![chat(ModelSize::B70, 100.0, "FR")])).unwrap();
        let pl = evaluate(&portfolio(vec![chat(ModelSize::B70, 100.0, "PL")])).unwrap();
        let (fr, pl) = (fr.total_per_year, pl.total_per_year);
        assert_eq!(fr.energy_kwh, pl.energy_kwh);
        let ratio = pl.carbon_operational_kg.central / fr.carbon_operational_kg.central;
        assert!((ratio - 703.49 / 33.44).abs() < 1e-9);
    }

    #[test]
    fn ranges_are_ordered_and_bracket_the_paper_pue() {
        let result = evaluate(&portfolio(vec![chat(ModelSize::B405, 10.0, "DE")])).unwrap();
        for indicator in result.total_per_year.all() {
            assert!(indicator.is_ordered(), "{indicator:?}");
        }
        let e = result.total_per_year.energy_kwh;
        assert!(e.low < e.central && e.central < e.high);
    }

    #[test]
    fn user_pue_removes_the_pue_range_and_keeps_onsite_water_per_it_kwh() {
        let mut uc = chat(ModelSize::B8, 1.0, "US");
        uc.site.pue = Some(1.5);
        uc.site.wue_onsite_l_per_kwh = Some(2.0);
        let r = evaluate(&portfolio(vec![uc])).unwrap();
        let per_request = r.use_cases[0].per_request;
        assert_eq!(per_request.energy_kwh.low, per_request.energy_kwh.high);
        let call = r.use_cases[0].working.call;
        let expected = call.it_kwh * 2.0;
        assert!((per_request.water_onsite_l.central - expected).abs() < 1e-18);
    }

    #[test]
    fn agent_tasks_make_several_calls() {
        let mut uc = chat(ModelSize::B8, 1.0, "US");
        let Workload::Llm(llm) = &mut uc.workload;
        llm.task = LlmTask::Agent;
        let r = evaluate(&portfolio(vec![uc])).unwrap();
        let one_call = r.use_cases[0].working.call.total_kwh();
        let e = r.use_cases[0].per_request.energy_kwh.central;
        assert!((e / one_call - 3.03).abs() < 1e-12);
    }

    #[test]
    fn totals_sum_the_use_cases() {
        let r = evaluate(&portfolio(vec![
            chat(ModelSize::B8, 100.0, "US"),
            chat(ModelSize::B405, 5.0, "SE"),
        ]))
        .unwrap();
        let sum = r.use_cases[0].per_year + r.use_cases[1].per_year;
        assert_eq!(r.total_per_year, sum);
    }

    #[test]
    fn invalid_input_is_refused_not_computed() {
        let errors = evaluate(&portfolio(vec![chat(ModelSize::B8, -1.0, "US")])).unwrap_err();
        assert_eq!(errors[0].field, "use_cases[0].volume.requests_per_day");
    }
}

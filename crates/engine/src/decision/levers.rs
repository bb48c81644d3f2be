//! What-if levers: changes to a portfolio that a company can make, applied to chosen use cases
//! or all, with the before/after footprint.

use serde::{Deserialize, Serialize};

use crate::evaluate::{evaluate, Impacts};
use crate::portfolio::{
    Cost, ModelChoice, ModelSize, Portfolio, Task, TaskWorkload, TrainingCompute, Workload,
};
use crate::validate::InputError;

/// A change to the portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lever {
    /// Right-size the model: LLM use cases move to a reference (open) model of this size, when
    /// it is smaller than what they use. A use case priced at its API's catalogue price is then
    /// costed as self-hosted, by accelerator-hours.
    RightSize(ModelSize),
    /// Replace the LLM with a task-specific model (text classification, generation or
    /// summarisation, measured by Luccioni et al. 2024). Applied whether or not it lowers the
    /// footprint: the before/after comparison shows which way it goes. A use case priced at its
    /// API's tokens is then costed as self-hosted.
    TaskSpecific(Task),
    /// Quantise LLM weights to this many bits (8 for FP8/INT8), when that is fewer.
    Quantise(f64),
    /// Serve this many LLM requests together on the same GPUs, when that is more. Only the
    /// EcoLogits estimator has a batch term; under the paper's estimator it changes nothing.
    Batch(f64),
    /// Train on another accelerator (training runs).
    ChangeAccelerator(String),
    /// Run in another location.
    MoveRegion(String),
    /// Move only batch work (training runs and classic ML) to another location; latency-
    /// sensitive work (chat, RAG, agents, generation) stays where it is.
    MoveBatchWork(String),
    /// Buy this share of carbon-free electricity (0–1), when it is more than today.
    RaiseCarbonFreeShare(f64),
    /// Run in data centres with this PUE, when it is lower.
    CutPue(f64),
    /// Several teams fine-tuning the same model share one run instead: training runs per year
    /// are divided by this many teams.
    ShareFineTune(f64),
}

/// Which use cases a lever applies to.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Every use case.
    #[default]
    All,
    /// These use cases (indexes in the portfolio).
    Only(Vec<usize>),
}

impl Scope {
    fn includes(&self, i: usize) -> bool {
        match self {
            Scope::All => true,
            Scope::Only(list) => list.contains(&i),
        }
    }
}

/// A lever planned but not yet applied, kept with the portfolio (`settings.levers`) so that a
/// what-if survives a reload and travels in files and links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Planned {
    /// The change.
    pub lever: Lever,
    /// The use case it applies to, by index (absent: all of them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_case: Option<usize>,
}

impl Planned {
    /// The use cases it applies to.
    pub fn scope(&self) -> Scope {
        self.use_case.map_or(Scope::All, |i| Scope::Only(vec![i]))
    }
}

/// The portfolio with its planned levers applied in turn, none left planned.
pub fn apply_planned(portfolio: &Portfolio) -> Portfolio {
    let mut out = portfolio
        .settings
        .levers
        .iter()
        .fold(portfolio.clone(), |p, planned| apply(&p, &planned.lever, &planned.scope()));
    out.settings.levers.clear();
    out
}

/// Keeps planned levers on their use cases when one is inserted at `index`.
pub fn on_insert(levers: &mut [Planned], index: usize) {
    for i in levers.iter_mut().filter_map(|p| p.use_case.as_mut()) {
        if *i >= index {
            *i += 1;
        }
    }
}

/// Keeps planned levers on their use cases when the one at `index` is removed; a lever on it
/// goes with it.
pub fn on_remove(levers: &mut Vec<Planned>, index: usize) {
    levers.retain(|p| p.use_case != Some(index));
    for i in levers.iter_mut().filter_map(|p| p.use_case.as_mut()) {
        if *i > index {
            *i -= 1;
        }
    }
}

/// Keeps planned levers on their use cases when the ones at `a` and `b` swap places.
pub fn on_swap(levers: &mut [Planned], a: usize, b: usize) {
    for i in levers.iter_mut().filter_map(|p| p.use_case.as_mut()) {
        if *i == a {
            *i = b;
        } else if *i == b {
            *i = a;
        }
    }
}

fn is_batch(workload: &Workload) -> bool {
    match workload {
        Workload::Training(_) => true,
        Workload::Task(t) => matches!(t.task, Task::Tabular | Task::ComputerVision | Task::Nlp),
        Workload::Llm(_) => false,
    }
}

fn parameters_b(model: &ModelChoice) -> f64 {
    match model {
        ModelChoice::Reference { size } => size.parameters_b(),
        ModelChoice::Catalogue { id } => {
            crate::refdata::llm_model(id).map_or(f64::INFINITY, |m| m.total_b.1)
        }
        ModelChoice::Custom { total_parameters_b, .. } => *total_parameters_b,
    }
}

/// The portfolio with a lever applied to the use cases in scope. Levers only ever move a value
/// in their own direction: a smaller model, fewer bits, a lower PUE, more carbon-free power.
pub fn apply(portfolio: &Portfolio, lever: &Lever, scope: &Scope) -> Portfolio {
    let mut out = portfolio.clone();
    for (_, uc) in out.use_cases.iter_mut().enumerate().filter(|(i, _)| scope.includes(*i)) {
        match lever {
            Lever::RightSize(size) => {
                if let Workload::Llm(llm) = &mut uc.workload {
                    if size.parameters_b() < parameters_b(&llm.model) {
                        llm.model = ModelChoice::Reference { size: *size };
                        if uc.cost == Cost::ApiCatalogue {
                            uc.cost =
                                Cost::AcceleratorHours { usd_per_hour: None, usd_per_kwh: 0.0 };
                        }
                    }
                }
            }
            Lever::TaskSpecific(task) => {
                if matches!(uc.workload, Workload::Llm(_)) {
                    uc.workload = Workload::Task(TaskWorkload { task: *task });
                    if matches!(uc.cost, Cost::ApiCatalogue | Cost::ApiTokens { .. }) {
                        uc.cost = Cost::AcceleratorHours { usd_per_hour: None, usd_per_kwh: 0.0 };
                    }
                }
            }
            Lever::Quantise(bits) => {
                if let Workload::Llm(llm) = &mut uc.workload {
                    llm.quantization_bits = llm.quantization_bits.min(*bits);
                }
            }
            Lever::Batch(requests) => {
                if let Workload::Llm(llm) = &mut uc.workload {
                    let current = llm.batch_size.unwrap_or(crate::estimator::ecologits::BATCH_SIZE);
                    llm.batch_size = Some(current.max(*requests));
                }
            }
            Lever::ChangeAccelerator(id) => {
                if let Workload::Training(t) = &mut uc.workload {
                    t.accelerator = id.clone();
                }
            }
            Lever::MoveRegion(location) => uc.site.location = location.clone(),
            Lever::MoveBatchWork(location) => {
                if is_batch(&uc.workload) {
                    uc.site.location = location.clone();
                }
            }
            Lever::RaiseCarbonFreeShare(share) => {
                let current = uc.site.carbon_free_share.unwrap_or(0.0);
                uc.site.carbon_free_share = Some(current.max(*share));
            }
            Lever::CutPue(pue) => {
                let current = uc.site.pue.unwrap_or(f64::INFINITY);
                uc.site.pue = Some(current.min(*pue));
            }
            Lever::ShareFineTune(teams) => {
                let is_fine_tune = matches!(&uc.workload, Workload::Training(t)
                    if !matches!(t.compute, TrainingCompute::ClassicFineTune { .. }));
                if is_fine_tune && *teams >= 1.0 {
                    let per_year = uc.volume.per_year() / teams;
                    uc.volume = crate::portfolio::Volume::PerYear { per_year };
                }
            }
        }
    }
    out
}

/// Yearly footprint before and after a lever.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WhatIf {
    /// Before.
    pub before: Impacts,
    /// After.
    pub after: Impacts,
}

/// Evaluates a portfolio before and after its planned levers.
pub fn what_if_planned(portfolio: &Portfolio) -> Result<WhatIf, Vec<InputError>> {
    let before = evaluate(portfolio)?.total_per_year;
    let after = evaluate(&apply_planned(portfolio))?.total_per_year;
    Ok(WhatIf { before, after })
}

/// Evaluates a portfolio before and after a lever.
pub fn what_if(
    portfolio: &Portfolio,
    lever: &Lever,
    scope: &Scope,
) -> Result<WhatIf, Vec<InputError>> {
    let before = evaluate(portfolio)?.total_per_year;
    let after = evaluate(&apply(portfolio, lever, scope))?.total_per_year;
    Ok(WhatIf { before, after })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::presets;

    fn mix() -> Portfolio {
        let mut use_cases: Vec<_> = presets().into_iter().map(|p| p.use_case).collect();
        // An explicit hourly price, so a move to an accelerator without a published one stays
        // costed.
        for uc in &mut use_cases {
            if let (Workload::Training(_), Cost::AcceleratorHours { usd_per_hour, .. }) =
                (&uc.workload, &mut uc.cost)
            {
                *usd_per_hour = Some(3.0);
            }
        }
        Portfolio { use_cases, ..Portfolio::default() }
    }

    fn check(lever: Lever, indicator: fn(&Impacts) -> f64, expect_strict: bool) {
        check_on(&mix(), lever, indicator, expect_strict);
    }

    fn check_on(p: &Portfolio, lever: Lever, indicator: fn(&Impacts) -> f64, expect_strict: bool) {
        let w = what_if(p, &lever, &Scope::All).expect("valid");
        let (b, a) = (indicator(&w.before), indicator(&w.after));
        assert!(a >= 0.0, "{lever:?} went below zero");
        assert!(a <= b * (1.0 + 1e-12), "{lever:?} raised the indicator: {b} → {a}");
        if expect_strict {
            assert!(a < b, "{lever:?} changed nothing: {b}");
        }
        for x in w.after.all() {
            assert!(x.is_ordered() && x.low >= 0.0, "{lever:?}: {x:?}");
        }
    }

    #[test]
    fn each_lever_moves_its_indicator_the_right_way_and_never_below_zero() {
        let energy = |i: &Impacts| i.energy_kwh.central;
        let carbon = |i: &Impacts| i.carbon_total_kg().central;
        let market = |i: &Impacts| i.carbon_market_kg.central;
        check(Lever::RightSize(ModelSize::B8), energy, true);
        check(Lever::Quantise(8.0), energy, true);
        check(Lever::TaskSpecific(Task::TextClassification), energy, true);
        check(Lever::ChangeAccelerator("nvidia-b200".into()), energy, true);
        check(Lever::MoveRegion("SE".into()), carbon, true);
        check(Lever::MoveBatchWork("SE".into()), carbon, true);
        check(Lever::RaiseCarbonFreeShare(0.8), market, true);
        check(Lever::CutPue(1.1), energy, true);
        check(Lever::ShareFineTune(4.0), energy, true);
        let mut ecologits = mix();
        ecologits.settings.llm_estimator = crate::portfolio::LlmEstimator::Ecologits;
        check_on(&ecologits, Lever::Batch(256.0), energy, true);
        check_on(&ecologits, Lever::Batch(256.0), |i| i.carbon_embodied_kg.central, true);
    }

    #[test]
    fn planned_levers_apply_in_turn_and_follow_their_use_cases() {
        let mut p = mix();
        assert!(p.use_cases.len() > 3);
        p.settings.levers = vec![
            Planned { lever: Lever::MoveRegion("SE".into()), use_case: Some(1) },
            Planned { lever: Lever::CutPue(1.1), use_case: None },
            Planned { lever: Lever::Quantise(8.0), use_case: Some(2) },
        ];
        let applied = apply_planned(&p);
        assert!(applied.settings.levers.is_empty(), "applied, so no longer planned");
        assert_eq!(applied.use_cases[1].site.location, "SE");
        assert!(applied.use_cases.iter().all(|u| u.site.pue == Some(1.1)));
        let w = what_if_planned(&p).expect("valid");
        assert!(w.after.energy_kwh.central < w.before.energy_kwh.central);

        let mut levers = p.settings.levers.clone();
        let targets = |levers: &[Planned]| levers.iter().map(|l| l.use_case).collect::<Vec<_>>();
        on_insert(&mut levers, 2);
        assert_eq!(targets(&levers), [Some(1), None, Some(3)]);
        on_swap(&mut levers, 1, 3);
        assert_eq!(targets(&levers), [Some(3), None, Some(1)]);
        on_remove(&mut levers, 3);
        assert_eq!(targets(&levers), [None, Some(1)], "the lever on the removed one goes with it");
        on_remove(&mut levers, 0);
        assert_eq!(targets(&levers), [None, Some(0)]);
        assert_eq!(levers[1].scope(), Scope::Only(vec![0]));
    }

    #[test]
    fn batching_only_ever_raises_the_batch_and_the_papers_estimator_has_no_batch_term() {
        let p = mix();
        let batched = apply(&p, &Lever::Batch(128.0), &Scope::All);
        let batch_of = |p: &Portfolio| match &p.use_cases[0].workload {
            Workload::Llm(llm) => llm.batch_size,
            _ => panic!("the first preset is an LLM"),
        };
        assert_eq!(batch_of(&batched), Some(128.0));
        let smaller = apply(&batched, &Lever::Batch(32.0), &Scope::All);
        assert_eq!(batch_of(&smaller), Some(128.0), "a lever never shrinks the batch");
        let w = what_if(&p, &Lever::Batch(512.0), &Scope::All).expect("valid");
        assert_eq!(w.before, w.after, "the paper's estimator measured one request at a time");
    }

    #[test]
    fn levers_touch_only_their_scope_and_never_worsen_a_setting() {
        let p = mix();
        let scoped = apply(&p, &Lever::MoveRegion("SE".into()), &Scope::Only(vec![1]));
        assert_eq!(scoped.use_cases[1].site.location, "SE");
        assert_eq!(scoped.use_cases[0].site.location, p.use_cases[0].site.location);
        let mut efficient = p.clone();
        efficient.use_cases[0].site.pue = Some(1.05);
        let after = apply(&efficient, &Lever::CutPue(1.2), &Scope::All);
        assert_eq!(after.use_cases[0].site.pue, Some(1.05), "a lever never raises PUE");
        let batch = apply(&p, &Lever::MoveBatchWork("SE".into()), &Scope::All);
        assert_eq!(batch.use_cases[0].site.location, p.use_cases[0].site.location, "chat stays");
    }
}

//! What-if levers: changes to a portfolio that a company can make, applied to chosen use cases
//! or all, with the before/after footprint.

use serde::{Deserialize, Serialize};

use crate::evaluate::{evaluate, Impacts};
use crate::id::UseCaseId;
pub use crate::portfolio::levers::{Lever, Planned};
use crate::portfolio::{
    Cost, ModelChoice, Portfolio, Task, TaskWorkload, TrainingCompute, Volume, Workload,
};
use crate::refdata::accelerators::hourly_price_usd;
use crate::validate::{resolve, Invalid, Problem};

/// Which use cases a lever applies to.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Every use case.
    #[default]
    All,
    /// These use cases, by id.
    Only(Vec<UseCaseId>),
}

impl Scope {
    fn includes(&self, id: &UseCaseId) -> bool {
        match self {
            Scope::All => true,
            Scope::Only(list) => list.contains(id),
        }
    }
}

impl Planned {
    /// The use cases it applies to.
    pub fn scope(&self) -> Scope {
        self.use_case.clone().map_or(Scope::All, |id| Scope::Only(vec![id]))
    }
}

/// Why a lever cannot be applied: applying it would leave the portfolio unable to be
/// evaluated. A type, so that interfaces can translate each reason.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    /// The lever's own setting is out of range or unknown.
    #[error("{0}")]
    Setting(Problem),
    /// A use case costed at the published hourly price would move to an accelerator that has
    /// none.
    #[error("use case {use_case}: no published hourly price for {accelerator}: enter one first")]
    NoHourlyPrice {
        /// The use case.
        use_case: UseCaseId,
        /// The accelerator without a price.
        accelerator: String,
    },
}

/// The portfolio with its planned levers applied in turn, none left planned.
pub fn apply_planned(portfolio: &Portfolio) -> Result<Portfolio, Refusal> {
    // One copy, changed lever by lever: a copy per lever cost a hundred levers on a thousand
    // use cases 60 ms of every edit.
    let mut out = portfolio.clone();
    for planned in &portfolio.settings.levers {
        apply_to(&mut out, &planned.lever, &planned.scope())?;
    }
    out.settings.levers.clear();
    Ok(out)
}

/// Forgets the planned levers on a removed use case.
pub fn on_remove(levers: &mut Vec<Planned>, removed: &UseCaseId) {
    levers.retain(|p| p.use_case.as_ref() != Some(removed));
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
///
/// A valid portfolio stays valid: a lever whose setting is out of range, or that would leave a
/// use case without a price it relies on, is refused instead of applied.
pub fn apply(portfolio: &Portfolio, lever: &Lever, scope: &Scope) -> Result<Portfolio, Refusal> {
    let mut out = portfolio.clone();
    apply_to(&mut out, lever, scope)?;
    Ok(out)
}

/// [`apply`], in place; on a refusal the portfolio may be partly changed (callers drop it).
fn apply_to(out: &mut Portfolio, lever: &Lever, scope: &Scope) -> Result<(), Refusal> {
    lever.check().map_err(Refusal::Setting)?;
    for uc in out.use_cases.iter_mut().filter(|uc| scope.includes(&uc.id)) {
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
                    let relies_on_published_price =
                        matches!(uc.cost, Cost::AcceleratorHours { usd_per_hour: None, .. });
                    if relies_on_published_price && hourly_price_usd(id).is_none() {
                        let (use_case, accelerator) = (uc.id.clone(), id.clone());
                        return Err(Refusal::NoHourlyPrice { use_case, accelerator });
                    }
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
                    // Divided where it is counted, so the volume keeps its basis and only
                    // ever goes down (a per-year copy of a per-user volume could exceed the
                    // per-year limit).
                    match &mut uc.volume {
                        Volume::PerDay { per_day, .. } => *per_day /= teams,
                        Volume::PerUser { users, .. } => *users /= teams,
                        Volume::PerYear { per_year } => *per_year /= teams,
                    }
                }
            }
        }
    }
    Ok(())
}

/// Yearly footprint before and after a lever.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WhatIf {
    /// Before.
    pub before: Impacts,
    /// After.
    pub after: Impacts,
}

/// Why a what-if has no answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WhatIfError {
    /// The portfolio itself cannot be evaluated.
    #[error("{0}")]
    Invalid(Invalid),
    /// A lever was refused.
    #[error("{0}")]
    Refused(Refusal),
}

/// Evaluates a portfolio before and after its planned levers.
pub fn what_if_planned(portfolio: &Portfolio) -> Result<WhatIf, WhatIfError> {
    let after = apply_planned(portfolio).map_err(WhatIfError::Refused)?;
    compare(portfolio, &after)
}

/// Evaluates a portfolio before and after a lever.
pub fn what_if(portfolio: &Portfolio, lever: &Lever, scope: &Scope) -> Result<WhatIf, WhatIfError> {
    let after = apply(portfolio, lever, scope).map_err(WhatIfError::Refused)?;
    compare(portfolio, &after)
}

/// The yearly footprint of a portfolio and of a changed copy of it.
pub fn compare(before: &Portfolio, after: &Portfolio) -> Result<WhatIf, WhatIfError> {
    let before = evaluate(&resolve(before).map_err(WhatIfError::Invalid)?).total_per_year;
    // A lever keeps a valid portfolio valid (`apply`), so this only fails on a bug, which is
    // then reported rather than hidden.
    let after = evaluate(&resolve(after).map_err(WhatIfError::Invalid)?).total_per_year;
    Ok(WhatIf { before, after })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portfolio::ModelSize;
    use crate::presets::presets;

    fn mix() -> Portfolio {
        let mut p = Portfolio::of(presets().into_iter().map(|p| p.use_case).collect());
        // An explicit hourly price, so a move to an accelerator without a published one stays
        // costed.
        for uc in &mut p.use_cases {
            if let (Workload::Training(_), Cost::AcceleratorHours { usd_per_hour, .. }) =
                (&uc.workload, &mut uc.cost)
            {
                *usd_per_hour = Some(3.0);
            }
        }
        p
    }

    fn id(n: usize) -> UseCaseId {
        crate::id::UseCaseId::numbered(n)
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
    fn planned_levers_apply_in_turn_and_follow_their_use_cases_by_id() {
        let mut p = mix();
        assert!(p.use_cases.len() > 3);
        p.settings.levers = vec![
            Planned::on(Lever::MoveRegion("SE".into()), id(2)),
            Planned::on_all(Lever::CutPue(1.1)),
            Planned::on(Lever::Quantise(8.0), id(3)),
        ];
        let applied = apply_planned(&p).expect("valid levers");
        assert!(applied.settings.levers.is_empty(), "applied, so no longer planned");
        assert_eq!(applied.use_cases[1].site.location, "SE");
        assert!(applied.use_cases.iter().all(|u| u.site.pue == Some(1.1)));
        let w = what_if_planned(&p).expect("valid");
        assert!(w.after.energy_kwh.central < w.before.energy_kwh.central);

        // Moving a use case changes nothing: the lever names it, not its place.
        p.use_cases.swap(0, 1);
        assert_eq!(apply_planned(&p).expect("valid").use_cases[0].site.location, "SE");
        let mut levers = p.settings.levers.clone();
        on_remove(&mut levers, &id(2));
        let targets: Vec<_> = levers.iter().map(|l| l.use_case.clone()).collect();
        assert_eq!(targets, [None, Some(id(3))], "the lever on the removed one goes with it");
    }

    /// The bug this pins: on the "Fine-tuning a small open model" starter, "Change accelerator"
    /// to the B200 left a use case costed at a published hourly price the B200 does not have;
    /// the portfolio became invalid and the What-if panel showed 0 % on every row.
    #[test]
    fn a_lever_that_would_leave_a_use_case_unpriced_is_refused() {
        let fine_tune =
            presets().into_iter().find(|p| p.id == "fine_tune_small_model").expect("starter");
        let p = Portfolio::of(vec![fine_tune.use_case]);
        assert!(resolve(&p).is_ok());
        let lever = Lever::ChangeAccelerator("nvidia-b200".into());
        assert_eq!(
            apply(&p, &lever, &Scope::All),
            Err(Refusal::NoHourlyPrice { use_case: id(1), accelerator: "nvidia-b200".into() })
        );
        let to_h200 = apply(&p, &Lever::ChangeAccelerator("nvidia-h200-sxm".into()), &Scope::All);
        assert!(resolve(&to_h200.expect("the H200 has a published price")).is_ok());
        assert!(matches!(
            apply(&p, &Lever::CutPue(0.5), &Scope::All),
            Err(Refusal::Setting(Problem::TooSmall { .. }))
        ));
    }

    /// The bug this pins: sharing a fine-tune rewrote a per-user volume as runs per year, which
    /// for a large per-user volume exceeds the per-year limit: a valid portfolio made invalid.
    #[test]
    fn sharing_a_fine_tune_divides_the_volume_where_it_is_counted() {
        let fine_tune = presets().into_iter().find(|p| p.id == "fine_tune_small_model");
        let mut uc = fine_tune.expect("starter").use_case;
        uc.volume = Volume::PerUser { users: 1e10, per_user_per_day: 1e4, days_per_year: 366.0 };
        let p = Portfolio::of(vec![uc]);
        assert!(resolve(&p).is_ok());
        let shared = apply(&p, &Lever::ShareFineTune(4.0), &Scope::All).expect("valid");
        assert_eq!(
            shared.use_cases[0].volume,
            Volume::PerUser { users: 2.5e9, per_user_per_day: 1e4, days_per_year: 366.0 }
        );
        assert!(resolve(&apply(&p, &Lever::ShareFineTune(1.0), &Scope::All).expect("ok")).is_ok());
    }

    #[test]
    fn batching_only_ever_raises_the_batch_and_the_papers_estimator_has_no_batch_term() {
        let p = mix();
        let batched = apply(&p, &Lever::Batch(128.0), &Scope::All).expect("valid");
        let batch_of = |p: &Portfolio| match &p.use_cases[0].workload {
            Workload::Llm(llm) => llm.batch_size,
            _ => panic!("the first preset is an LLM"),
        };
        assert_eq!(batch_of(&batched), Some(128.0));
        let smaller = apply(&batched, &Lever::Batch(32.0), &Scope::All).expect("valid");
        assert_eq!(batch_of(&smaller), Some(128.0), "a lever never shrinks the batch");
        let w = what_if(&p, &Lever::Batch(512.0), &Scope::All).expect("valid");
        assert_eq!(w.before, w.after, "the paper's estimator measured one request at a time");
    }

    #[test]
    fn levers_touch_only_their_scope_and_never_worsen_a_setting() {
        let p = mix();
        let scoped =
            apply(&p, &Lever::MoveRegion("SE".into()), &Scope::Only(vec![id(2)])).expect("valid");
        assert_eq!(scoped.use_cases[1].site.location, "SE");
        assert_eq!(scoped.use_cases[0].site.location, p.use_cases[0].site.location);
        let mut efficient = p.clone();
        efficient.use_cases[0].site.pue = Some(1.05);
        let after = apply(&efficient, &Lever::CutPue(1.2), &Scope::All).expect("valid");
        assert_eq!(after.use_cases[0].site.pue, Some(1.05), "a lever never raises PUE");
        let batch = apply(&p, &Lever::MoveBatchWork("SE".into()), &Scope::All).expect("valid");
        assert_eq!(batch.use_cases[0].site.location, p.use_cases[0].site.location, "chat stays");
    }
}

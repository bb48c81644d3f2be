//! What-if levers: changes a company can make, each applied to one use case or all, with the
//! footprint and SAIQ before and after, and a button that makes the changes real (undoable).
//! Planned levers are kept with the portfolio (`settings.levers`), so they survive a reload.

use engine::decision::levers::{apply_planned, Lever, Planned, Refusal};
use engine::refdata::accelerators::accelerators;
use engine::validate::{limits, Limits};
use engine::{evaluate_portfolio, Impacts, Keyed, LlmEstimator, ModelSize, Task, UseCaseId};
use leptos::prelude::*;

use super::Analysis;
use crate::components::controls::{text, tr, Choice, ChoiceOption};
use crate::components::number_field::{NumberField, SliderScale};
use crate::components::use_case_form::location_groups;
use crate::format::{self, or_dash, percent_change, quantity, significant, Quantity};
use crate::i18n::{texts, Pick};
use crate::state::PortfolioCtx;

/// A kind of lever: id, label, what to check before counting its saving, and the lever with
/// its default setting.
type Kind = (&'static str, Pick, Pick, fn() -> Lever);

/// The kinds of lever, in the order offered.
const KINDS: [Kind; 10] = [
    (
        "right_size",
        |t| t.lever_right_size,
        |t| t.caveat_right_size,
        || Lever::RightSize(ModelSize::B8),
    ),
    (
        "task_specific",
        |t| t.lever_task_specific,
        |t| t.caveat_task_specific,
        || Lever::TaskSpecific(Task::TextClassification),
    ),
    ("quantise", |t| t.lever_quantise, |t| t.caveat_quantise, || Lever::Quantise(8.0)),
    ("batch", |t| t.lever_batch, |t| t.caveat_batch, || Lever::Batch(128.0)),
    (
        "change_accelerator",
        |t| t.lever_accelerator,
        |t| t.caveat_accelerator,
        || Lever::ChangeAccelerator("nvidia-b200".into()),
    ),
    ("move_region", |t| t.lever_move_region, |t| t.caveat_move, || Lever::MoveRegion("SE".into())),
    (
        "move_batch_work",
        |t| t.lever_move_batch,
        |t| t.caveat_move,
        || Lever::MoveBatchWork("SE".into()),
    ),
    (
        "raise_carbon_free_share",
        |t| t.lever_carbon_free,
        |t| t.caveat_carbon_free,
        || Lever::RaiseCarbonFreeShare(0.8),
    ),
    ("cut_pue", |t| t.lever_pue, |t| t.caveat_pue, || Lever::CutPue(1.1)),
    (
        "share_fine_tune",
        |t| t.lever_share_fine_tune,
        |t| t.caveat_share_fine_tune,
        || Lever::ShareFineTune(4.0),
    ),
];

fn kind_of(lever: &Lever) -> &'static str {
    match lever {
        Lever::RightSize(_) => "right_size",
        Lever::TaskSpecific(_) => "task_specific",
        Lever::Quantise(_) => "quantise",
        Lever::Batch(_) => "batch",
        Lever::ChangeAccelerator(_) => "change_accelerator",
        Lever::MoveRegion(_) => "move_region",
        Lever::MoveBatchWork(_) => "move_batch_work",
        Lever::RaiseCarbonFreeShare(_) => "raise_carbon_free_share",
        Lever::CutPue(_) => "cut_pue",
        Lever::ShareFineTune(_) => "share_fine_tune",
    }
}

/// The task-specific models offered instead of an LLM (Luccioni et al. 2024 measured them).
const TEXT_TASKS: [Task; 3] = [Task::TextClassification, Task::TextGeneration, Task::Summarisation];

/// A lever setting picked from a list: its field id, label, current value and options.
struct ListSetting {
    field: &'static str,
    label: Pick,
    value: String,
    groups: Vec<(Option<Signal<&'static str>>, Vec<ChoiceOption>)>,
}

/// The list a lever's setting is picked from (None: the setting is a number).
fn list_setting(lever: &Lever) -> Option<ListSetting> {
    let t = texts();
    let one = |options: Vec<ChoiceOption>| vec![(None, options)];
    let (field, label, value, groups): (_, Pick, _, _) = match lever {
        Lever::RightSize(size) => (
            "size",
            |t| t.lever_size,
            size.key().to_owned(),
            one(ModelSize::ALL.iter().map(|s| ChoiceOption::fixed(s.key(), s.key())).collect()),
        ),
        Lever::TaskSpecific(task) => (
            "task",
            |t| t.lever_task,
            TEXT_TASKS.iter().position(|x| x == task).unwrap_or(0).to_string(),
            one(TEXT_TASKS
                .iter()
                .enumerate()
                .map(|(i, task)| {
                    ChoiceOption::translated(i.to_string(), move || {
                        (t().task_name)(*task).to_owned()
                    })
                })
                .collect()),
        ),
        Lever::Quantise(bits) => (
            "bits",
            |t| t.quantization,
            bits.to_string(),
            one([8.0_f64, 4.0]
                .iter()
                .map(|b| {
                    ChoiceOption::translated(b.to_string(), move || format!("{b} {}", t().bits))
                })
                .collect()),
        ),
        Lever::Batch(requests) => (
            "batch",
            |t| t.batch_size,
            requests.to_string(),
            one(["128", "256", "512"].into_iter().map(|n| ChoiceOption::fixed(n, n)).collect()),
        ),
        Lever::ChangeAccelerator(chosen) => (
            "accelerator",
            |t| t.accelerator,
            chosen.clone(),
            one(accelerators().iter().map(|a| ChoiceOption::fixed(a.id, a.name)).collect()),
        ),
        Lever::MoveRegion(to) | Lever::MoveBatchWork(to) => {
            ("location", |t| t.lever_destination, to.clone(), location_groups())
        }
        _ => return None,
    };
    Some(ListSetting { field, label, value, groups })
}

/// The lever with the setting picked from its list.
fn with_listed(lever: &Lever, value: &str) -> Option<Lever> {
    Some(match lever {
        Lever::RightSize(_) => Lever::RightSize(ModelSize::from_key(value)?),
        Lever::TaskSpecific(_) => {
            Lever::TaskSpecific(*TEXT_TASKS.get(value.parse::<usize>().ok()?)?)
        }
        Lever::Quantise(_) => Lever::Quantise(value.parse().ok()?),
        Lever::Batch(_) => Lever::Batch(value.parse().ok()?),
        Lever::ChangeAccelerator(_) => Lever::ChangeAccelerator(value.to_owned()),
        Lever::MoveRegion(_) => Lever::MoveRegion(value.to_owned()),
        Lever::MoveBatchWork(_) => Lever::MoveBatchWork(value.to_owned()),
        _ => return None,
    })
}

/// The accepted range of a lever's numeric setting, as the engine accepts it in a portfolio.
fn setting_limits(lever: &Lever) -> Option<Limits> {
    match lever {
        Lever::RaiseCarbonFreeShare(_) => Some(limits::SHARE),
        Lever::CutPue(_) => Some(limits::PUE),
        Lever::ShareFineTune(_) => Some(limits::TEAMS),
        _ => None,
    }
}

/// Before and after: the yearly footprint and the SAIQ.
#[derive(Debug, Clone, Default, PartialEq)]
struct Comparison {
    before: Impacts,
    after: Impacts,
    /// Each use case the levers change: its name and its yearly carbon before and after, kg.
    per_use_case: Vec<(String, f64, f64)>,
    saiq: (Option<f64>, Option<f64>),
    /// Why the planned levers cannot be applied, if one of them cannot.
    refused: Option<Refusal>,
}

/// One row of the comparison: name, unit family, and the value read from the footprint.
type Line = (Pick, Quantity, fn(&Impacts) -> f64);

const LINES: [Line; 4] = [
    (|t| t.energy, Quantity::Energy, |i| i.energy_kwh.central),
    (|t| t.carbon, Quantity::Carbon, |i| i.carbon_total_kg().central),
    (|t| t.water, Quantity::Water, |i| i.water_total_l().central),
    (|t| t.cost_indicator, Quantity::Money, |i| i.cost_usd.central),
];

/// The scope option that applies a lever to every use case: `*` is no id character, so no use
/// case can be mistaken for it.
const ALL_USE_CASES: &str = "*";

#[component]
pub fn Levers() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let analysis = Analysis::expect();
    let t = texts();
    let count = Memo::new(move |_| ctx.with_draft(|p| p.settings.levers.len()));
    let comparison = ctx.when_valid(move |p, r| {
        let before_score = analysis.score(p, r);
        if p.settings.levers.is_empty() {
            // Nothing to compare: no second evaluation on every keystroke.
            let same = r.total_per_year;
            let saiq = (before_score, before_score);
            return Comparison { before: same, after: same, saiq, ..Comparison::default() };
        }
        match apply_planned(p) {
            Ok(after_portfolio) => {
                // A lever keeps a valid portfolio valid (the engine refuses one that would
                // not), so the after portfolio evaluates.
                let after = evaluate_portfolio(&after_portfolio).ok();
                let carbon = |u: &engine::UseCaseResult| u.per_year.carbon_total_kg().central;
                let per_use_case = after
                    .as_ref()
                    .map(|a| {
                        r.use_cases
                            .iter()
                            .filter_map(|u| {
                                let later = carbon(a.use_case(&u.id)?);
                                (later != carbon(u)).then(|| (u.name.clone(), carbon(u), later))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                Comparison {
                    per_use_case,
                    before: r.total_per_year,
                    after: after.as_ref().map_or(r.total_per_year, |a| a.total_per_year),
                    saiq: (
                        before_score,
                        after.as_ref().and_then(|a| analysis.score(&after_portfolio, a)),
                    ),
                    refused: None,
                }
            }
            Err(refusal) => Comparison {
                before: r.total_per_year,
                after: r.total_per_year,
                saiq: (before_score, before_score),
                refused: Some(refusal),
                ..Comparison::default()
            },
        }
    });
    let refusal_text = move || {
        let refusal = comparison.with(|c| c.refused.clone())?;
        Some(match refusal {
            Refusal::Setting(problem) => t().problem(&problem),
            Refusal::NoHourlyPrice { use_case, .. } => {
                let name = ctx.with_draft(|p| p.use_case(&use_case).map(|uc| uc.name.clone()));
                (t().lever_refused_no_price)(&name.unwrap_or_else(|| use_case.to_string()))
            }
        })
    };
    let add = move |_| {
        if let Err(full) = ctx.add_lever(Planned::on_all(Lever::RightSize(ModelSize::B8))) {
            ctx.tell_full(full);
        }
    };
    let apply_all = move |_| {
        if let Ok(changed) = ctx.with_draft_untracked(apply_planned) {
            ctx.change_all(changed, (t().levers_applied)(count.get_untracked()));
        }
    };
    let comparison_rows = move || {
        let c = comparison.get();
        let mut lines = LINES
            .into_iter()
            .map(|(label, kind, get)| {
                let (b, a) = (get(&c.before), get(&c.after));
                view! {
                    <tr>
                        <th scope="row">{move || label(t())}</th>
                        <td>{quantity(kind, b)}</td>
                        <td>{quantity(kind, a)}</td>
                        <td>{percent_change(b, a)}</td>
                    </tr>
                }
                .into_any()
            })
            .collect::<Vec<_>>();
        let (b, a) = c.saiq;
        let show = |v: Option<f64>| or_dash(v.map(|v| significant(v, 3)));
        lines.push(
            view! {
                <tr>
                    <th scope="row">"SAIQ"</th>
                    <td>{show(b)}</td>
                    <td data-testid="lever-saiq-after">{show(a)}</td>
                    <td>{or_dash(b.zip(a).map(|(b, a)| percent_change(b, a)))}</td>
                </tr>
            }
            .into_any(),
        );
        lines
    };

    view! {
        <h2 id="levers-title">{text(|t| t.levers_title)}</h2>
        <p class="hint">{text(|t| t.levers_hint)}</p>
        <ol class="lever-list" data-testid="lever-list">
            // Rebuilt only when a lever is added or removed: a handful of rows, and one keyed
            // list fewer in the download.
            {move || { (0..count.get()).map(|i| view! { <LeverRow i=i /> }).collect_view() }}
        </ol>
        <div class="buttons">
            <button type="button" data-testid="add-lever" on:click=add>
                {text(|t| t.add_lever)}
            </button>
            <button
                type="button"
                data-testid="apply-levers"
                disabled=move || {
                    count.get() == 0 || comparison.with(|c| c.refused.is_some())
                        || ctx.errors().with(Option::is_some)
                }
                on:click=apply_all
            >
                {text(|t| t.apply_levers)}
            </button>
        </div>
        <Show when=move || count.get() != 0>
            <table class="what-if" data-testid="what-if">
                <thead>
                    <tr>
                        <th scope="col"></th>
                        <th scope="col">{text(|t| t.before)}</th>
                        <th scope="col">{text(|t| t.after)}</th>
                        <th scope="col">{text(|t| t.change)}</th>
                    </tr>
                </thead>
                <tbody>{comparison_rows}</tbody>
            </table>
            <p class="field-message" role="alert" data-testid="lever-refused">
                {refusal_text}
            </p>
            <BeforeAfterChart comparison=comparison />
            <Show when=move || comparison.with(|c| !c.per_use_case.is_empty())>
                <table class="what-if" data-testid="what-if-by-use-case">
                    <caption>{text(|t| t.by_use_case_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{text(|t| t.use_case_column)}</th>
                            <th scope="col">{text(|t| t.before)}</th>
                            <th scope="col">{text(|t| t.after)}</th>
                            <th scope="col">{text(|t| t.change)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            comparison
                                .get()
                                .per_use_case
                                .into_iter()
                                .map(|(name, b, a)| {
                                    view! {
                                        <tr>
                                            <th scope="row">{name}</th>
                                            <td>{quantity(Quantity::Carbon, b)}</td>
                                            <td>{quantity(Quantity::Carbon, a)}</td>
                                            <td>{percent_change(b, a)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </Show>
        </Show>
    }
}

/// One planned lever (the `i`th): its kind, its setting, what it applies to, and a remove
/// button.
#[component]
fn LeverRow(
    /// Position of the lever.
    i: usize,
) -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    let planned = Memo::new(move |_| ctx.with_draft(|p| p.settings.levers.get(i).cloned()));
    let lever = Memo::new(move |_| planned.with(|p| p.as_ref().map(|p| p.lever.clone())));
    let edit = move |change: &dyn Fn(&mut Planned)| ctx.update_lever(i, change);
    let kind =
        Signal::derive(move || lever.get().map(|l| kind_of(&l).to_owned()).unwrap_or_default());
    let kinds = KINDS.iter().map(|(id, label, _, _)| ChoiceOption::text(*id, *label)).collect();
    // A typed setting out of its range is refused with a message, never clamped silently.
    // Kept with the lever it was about: rows are by position, so when the lever shown here
    // changes (another kind, or the next one after a removal) the refusal no longer shows.
    let refused = RwSignal::new(None::<(Lever, engine::Problem)>);
    let refusal = Signal::derive(move || {
        let shown = lever.get();
        refused
            .with(|r| r.as_ref().filter(|(l, _)| Some(l) == shown.as_ref()).map(|(_, p)| p.clone()))
    });
    let set_kind = Callback::new(move |chosen: String| {
        if let Some((_, _, _, make)) = KINDS.iter().find(|(k, _, _, _)| *k == chosen) {
            refused.set(None);
            edit(&|planned| planned.lever = make());
        }
    });
    let scope_value = Signal::derive(move || {
        planned
            .with(|p| p.as_ref().and_then(|p| p.use_case.as_ref().map(ToString::to_string)))
            .unwrap_or_else(|| ALL_USE_CASES.to_owned())
    });
    // From the names alone, shared by every lever row: the options are rebuilt when a use case
    // is renamed, added or removed, not on every edit.
    let use_cases = Signal::derive(move || {
        ctx.names().with(|names| {
            names
                .iter()
                .map(|(id, name)| ChoiceOption::fixed(id.to_string(), name.clone()))
                .collect()
        })
    });
    let set_scope = Callback::new(move |v: String| {
        // "All" is not an id ('*' is no id character); anything else names a use case.
        let use_case = v.parse::<UseCaseId>().ok();
        edit(&|planned| planned.use_case = use_case.clone());
    });
    let number = move |field: &'static str, label: Pick, unit: &'static str, scale: SliderScale| {
        view! {
            <NumberField
                id=format!("lever-{i}-{field}")
                label=tr(label)
                unit=Signal::derive(move || unit)
                value=Signal::derive(move || match lever.get() {
                    Some(
                        Lever::RaiseCarbonFreeShare(x) | Lever::CutPue(x) | Lever::ShareFineTune(x),
                    ) => x,
                    _ => 0.0,
                })
                on_change=Callback::new(move |v: f64| {
                    let shown = lever.get_untracked();
                    let checked = shown.as_ref().and_then(setting_limits).map(|l| l.check(v));
                    let accepted = checked == Some(Ok(()));
                    refused.set(shown.zip(checked.and_then(Result::err)));
                    if accepted {
                        edit(
                            &|planned| match &mut planned.lever {
                                Lever::RaiseCarbonFreeShare(x)
                                | Lever::CutPue(x)
                                | Lever::ShareFineTune(x) => *x = v,
                                _ => {}
                            },
                        );
                    }
                })
                error=Signal::derive(move || refusal.get().map(|p| t().problem(&p)))
                scale=scale
            />
        }
        .into_any()
    };
    let setting = move || match lever.get() {
        Some(l @ (Lever::RaiseCarbonFreeShare(_) | Lever::CutPue(_) | Lever::ShareFineTune(_))) => {
            let (field, label, unit, scale): (_, Pick, _, _) = match l {
                Lever::RaiseCarbonFreeShare(_) => (
                    "share",
                    |t| t.carbon_free_share,
                    "0–1",
                    SliderScale::Linear { min: 0.0, max: 1.0, step: 0.05 },
                ),
                Lever::CutPue(_) => {
                    ("pue", |t| t.pue, "", SliderScale::Linear { min: 1.0, max: 2.0, step: 0.01 })
                }
                _ => (
                    "teams",
                    |t| t.lever_teams,
                    "",
                    SliderScale::Linear { min: 1.0, max: 20.0, step: 1.0 },
                ),
            };
            number(field, label, unit, scale)
        }
        Some(l) => {
            let Some(ListSetting { field, label, value, groups }) = list_setting(&l) else {
                return ().into_any();
            };
            view! {
                <Choice
                    id=format!("lever-{i}-{field}")
                    label=tr(label)
                    value=Signal::derive(move || value.clone())
                    on_change=Callback::new(move |v: String| {
                        if let Some(changed) = lever
                            .get_untracked()
                            .and_then(|l| with_listed(&l, &v))
                        {
                            edit(&|planned| planned.lever = changed.clone());
                        }
                    })
                    groups=groups
                />
            }
            .into_any()
        }
        None => ().into_any(),
    };
    // What to check before the saving is counted: a smaller model that cannot do the task
    // saves nothing.
    let caveat = move || {
        let kind = lever.with(|l| l.as_ref().map(kind_of))?;
        KINDS.iter().find(|(id, _, _, _)| *id == kind).map(|(_, _, caveat, _)| *caveat)
    };
    // Said where the lever is set, rather than leaving an unexplained "no change".
    let batch_without_term = move || {
        matches!(lever.get(), Some(Lever::Batch(_)))
            && ctx.with_draft(|p| p.settings.llm_estimator == LlmEstimator::Paper)
    };
    view! {
        <li class="lever" data-testid="lever">
            <div class="field-row">
                <Choice
                    id=format!("lever-{i}-kind")
                    label=tr(|t| t.lever)
                    value=kind
                    on_change=set_kind
                    groups=vec![(None, kinds)]
                />
                <Choice
                    id=format!("lever-{i}-scope")
                    label=tr(|t| t.lever_applies_to)
                    value=scope_value
                    on_change=set_scope
                    groups=vec![
                        (None, vec![ChoiceOption::text(ALL_USE_CASES, |t| t.all_use_cases)]),
                    ]
                    dynamic=use_cases
                />
            </div>
            {setting}
            <p class="hint caveat" data-testid="lever-caveat">
                {move || caveat().map(|pick| pick(t()))}
            </p>
            <Show when=batch_without_term>
                <p class="hint" data-testid="batch-note">
                    {text(|t| t.lever_batch_paper)}
                </p>
            </Show>
            <button type="button" class="remove" on:click=move |_| ctx.remove_lever(i)>
                {text(|t| t.remove_lever)}
            </button>
        </li>
    }
}

/// Each indicator after the levers, as a share of before (a bar at 100 % is no change).
#[component]
fn BeforeAfterChart(comparison: Memo<Comparison>) -> impl IntoView {
    let t = texts();
    let bars = move || {
        let c = comparison.get();
        let texts = t();
        LINES
            .into_iter()
            .map(|(label, _, get)| {
                let (b, a) = (get(&c.before), get(&c.after));
                // Before is the full 100 units of a 150-unit track, so a rise up to +50 % shows.
                let after = if b > 0.0 { (a / b).clamp(0.0, 1.5) * 100.0 } else { 100.0 };
                view! {
                    <div class="bar-row">
                        <span class="bar-label">{label(texts)}</span>
                        <svg
                            class="bar-area paired"
                            viewBox="0 0 150 22"
                            preserveAspectRatio="none"
                            aria-hidden="true"
                        >
                            <rect width="100" height="9" class="bar-before" />
                            <rect y="13" width=after height="9" class="bar-after" />
                        </svg>
                        <span class="bar-value">{format::share(a, b)}</span>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="chart" data-testid="what-if-chart">
            <figcaption id="what-if-caption">{text(|t| t.what_if_caption)}</figcaption>
            <div role="img" aria-labelledby="what-if-caption" class="bar-chart">
                {bars}
            </div>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_names_the_lever_it_makes() {
        for (id, _, _, make) in KINDS {
            assert_eq!(kind_of(&make()), id);
        }
    }

    #[test]
    fn a_picked_setting_keeps_the_lever_and_an_unknown_one_is_ignored() {
        let size = Lever::RightSize(ModelSize::B8);
        assert_eq!(with_listed(&size, "70B"), Some(Lever::RightSize(ModelSize::B70)));
        assert_eq!(with_listed(&size, "13B"), None);
        let task = Lever::TaskSpecific(Task::TextClassification);
        assert_eq!(with_listed(&task, "2"), Some(Lever::TaskSpecific(Task::Summarisation)));
        let batch = Lever::MoveBatchWork("SE".into());
        assert_eq!(with_listed(&batch, "FR"), Some(Lever::MoveBatchWork("FR".into())));
        assert_eq!(with_listed(&Lever::CutPue(1.1), "1.2"), None, "a number, not a list");
    }
}

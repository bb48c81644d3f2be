//! The form of one use case, in plain language.

use engine::portfolio::{LlmTask, LlmWorkload, ModelChoice, ModelSize, Volume, Workload};
use engine::refdata::{locations, Location};
use engine::validate::limits;
use leptos::prelude::*;

use super::number_field::{NumberField, SliderScale};
use crate::state::PortfolioCtx;

/// Edits the use case at `index` of the shared portfolio.
#[component]
pub fn UseCaseForm(
    /// Position of the use case in the portfolio.
    index: usize,
) -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let field = move |name: &str| format!("use_cases[{index}].{name}");
    let error_of = move |name: &'static str| Signal::derive(move || ctx.error_for(&field(name)));
    // This form edits LLM use cases; reads of another kind yield nothing and edits are ignored.
    let read_llm = move |f: fn(&LlmWorkload) -> f64| {
        Signal::derive(move || {
            ctx.draft.with(|p| match p.use_cases.get(index).map(|uc| &uc.workload) {
                Some(Workload::Llm(llm)) => f(llm),
                _ => 0.0,
            })
        })
    };
    let with_llm = move |f: &dyn Fn(&LlmWorkload) -> bool| {
        ctx.draft.with(|p| match p.use_cases.get(index).map(|uc| &uc.workload) {
            Some(Workload::Llm(llm)) => f(llm),
            _ => false,
        })
    };
    let update_llm = move |change: &dyn Fn(&mut LlmWorkload)| {
        ctx.update_use_case(index, |uc| {
            if let Workload::Llm(llm) = &mut uc.workload {
                change(llm);
            }
        });
    };
    // A memo, so the hundreds of options re-check their selection only when the location
    // changes, not on every slider move.
    let location = Memo::new(move |_| {
        ctx.draft
            .with(|p| p.use_cases.get(index).map(|uc| uc.site.location.clone()).unwrap_or_default())
    });

    let set_task = move |ev| {
        let chosen = event_target_value(&ev);
        if let Some(&t) = LlmTask::ALL.iter().find(|t| task_key(**t) == chosen) {
            // A new task brings its typical prompt and answer lengths (Capgemini 2025).
            update_llm(&|llm| {
                llm.task = t;
                llm.output_tokens = t.default_output_tokens();
                llm.input_tokens = t.default_input_tokens();
            });
        }
    };
    let set_model =
        move |size: ModelSize| update_llm(&|llm| llm.model = ModelChoice::Reference { size });
    let set_location = move |ev| {
        let chosen = event_target_value(&ev);
        ctx.update_use_case(index, |uc| uc.site.location = chosen);
    };

    let requests_per_day = Signal::derive(move || {
        ctx.draft.with(|p| match p.use_cases.get(index).map(|uc| &uc.volume) {
            Some(Volume::PerDay { per_day, .. }) => *per_day,
            Some(other) => other.per_year() / 365.0,
            None => 0.0,
        })
    });
    let set_requests_per_day = Callback::new(move |v: f64| {
        ctx.update_use_case(index, |uc| {
            let days_per_year = match uc.volume {
                Volume::PerDay { days_per_year, .. } => days_per_year,
                _ => 365.0,
            };
            uc.volume = Volume::PerDay { per_day: v, days_per_year };
        });
    });
    let output_tokens = read_llm(|llm| llm.output_tokens);
    let set_output_tokens = Callback::new(move |v: f64| update_llm(&|llm| llm.output_tokens = v));
    let pue = Signal::derive(move || {
        ctx.draft.with(|p| {
            p.use_cases
                .get(index)
                .and_then(|uc| uc.site.pue)
                .unwrap_or(engine::refdata::datacentre::PUE.central)
        })
    });
    let set_pue =
        Callback::new(move |v: f64| ctx.update_use_case(index, |uc| uc.site.pue = Some(v)));
    let all_locations = locations();

    view! {
        <fieldset class="use-case" data-testid="use-case-form">
            <legend>"Chat assistant"</legend>

            <div class="field">
                <label for="task">"What does it do?"</label>
                <select id="task" on:change=set_task data-testid="task">
                    {LlmTask::ALL
                        .into_iter()
                        .map(|t| {
                            view! {
                                <option
                                    value=task_key(t)
                                    selected=move || with_llm(&|llm| llm.task == t)
                                >
                                    {task_label(t)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>

            <div class="field" role="radiogroup" aria-labelledby="model-label">
                <span id="model-label" class="label">"How big is the model?"</span>
                <div class="segmented">
                    {ModelSize::ALL
                        .into_iter()
                        .map(|m| {
                            let input_id = format!("model-{}", m.label());
                            view! {
                                <input
                                    type="radio"
                                    name="model"
                                    id=input_id.clone()
                                    prop:checked=move || {
                                        with_llm(&|llm| llm.model == ModelChoice::Reference { size: m })
                                    }
                                    on:change=move |_| set_model(m)
                                    data-testid=format!("model-{}", m.label())
                                />
                                <label for=input_id>{model_label(m)}</label>
                            }
                        })
                        .collect_view()}
                </div>
            </div>

            <NumberField
                id="requests-per-day"
                label="How many requests per day?"
                unit="requests/day"
                value=requests_per_day
                on_change=set_requests_per_day
                error=error_of("volume.per_day")
                scale=SliderScale::Log { min: 1.0, max: 1e9 }
            />
            <NumberField
                id="output-tokens"
                label="How long is each answer?"
                unit="tokens (≈ ¾ word each)"
                value=output_tokens
                on_change=set_output_tokens
                error=error_of("workload.output_tokens")
                scale=SliderScale::Linear { min: 10.0, max: 4_000.0, step: 10.0 }
            />

            <div class="field">
                <label for="location">"Where does it run?"</label>
                <select id="location" on:change=set_location data-testid="location">
                    {location_group("AI API providers", &all_locations, location, Location::is_api_provider)}
                    {location_group("Countries and world regions", &all_locations, location, |l| {
                        l.region.is_none() && l.operator.is_none() && !l.is_subnational_grid()
                    })}
                    {location_group(
                        "Grids within a country",
                        &all_locations,
                        location,
                        Location::is_subnational_grid,
                    )}
                    {location_group("Cloud regions", &all_locations, location, |l| l.region.is_some())}
                </select>
            </div>

            <details class="advanced">
                <summary>"Advanced"</summary>
                <NumberField
                    id="pue"
                    label="Data-centre PUE (facility energy ÷ IT energy)"
                    value=pue
                    on_change=set_pue
                    error=error_of("site.pue")
                    scale=SliderScale::Linear {
                        min: limits::PUE.min,
                        max: 2.0,
                        step: 0.01,
                    }
                />
            </details>
        </fieldset>
    }
}

/// One `<optgroup>` of the location chooser.
fn location_group(
    title: &'static str,
    all: &[Location],
    selected: Memo<String>,
    keep: fn(&Location) -> bool,
) -> impl IntoView {
    let options = all
        .iter()
        .filter(|l| keep(l))
        .map(|l| {
            let id = l.id();
            let is_selected = {
                let id = id.clone();
                move || selected.with(|s| *s == id)
            };
            view! { <option value=id selected=is_selected>{l.label()}</option> }
        })
        .collect_view();
    view! { <optgroup label=title>{options}</optgroup> }
}

fn task_key(task: LlmTask) -> &'static str {
    match task {
        LlmTask::Chat => "chat",
        LlmTask::Rag => "rag",
        LlmTask::Agent => "agent",
    }
}

fn task_label(task: LlmTask) -> &'static str {
    match task {
        LlmTask::Chat => "Chat: answers questions in a conversation",
        LlmTask::Rag => "RAG: answers from the company's documents",
        LlmTask::Agent => "Agent: completes tasks in several steps",
    }
}

fn model_label(model: ModelSize) -> &'static str {
    match model {
        ModelSize::B8 => "Small (8B)",
        ModelSize::B70 => "Medium (70B)",
        ModelSize::B405 => "Large (405B)",
    }
}

//! The form of one use case, in plain language.

use engine::portfolio::{LlmTask, ModelSize, Volume, Workload};
use engine::refdata::LOCATIONS;
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
    let read = move |f: fn(&engine::UseCase) -> f64| {
        Signal::derive(move || ctx.draft.with(|p| p.use_cases.get(index).map_or(0.0, f)))
    };

    let llm = move |uc: &engine::UseCase| match &uc.workload {
        Workload::Llm(llm) => llm.clone(),
    };
    let task = move || {
        ctx.draft
            .with(|p| p.use_cases.get(index).map(|uc| llm(uc).task))
    };
    let model = move || {
        ctx.draft
            .with(|p| p.use_cases.get(index).map(|uc| llm(uc).model))
    };
    let location = move || {
        ctx.draft.with(|p| {
            p.use_cases
                .get(index)
                .map(|uc| uc.site.location.clone())
                .unwrap_or_default()
        })
    };

    let set_task = move |ev| {
        let chosen = event_target_value(&ev);
        if let Some(&t) = LlmTask::ALL.iter().find(|t| task_key(**t) == chosen) {
            ctx.update_use_case(index, |uc| {
                let Workload::Llm(llm) = &mut uc.workload;
                // A new task brings its typical prompt and answer lengths (Capgemini 2025).
                llm.task = t;
                llm.output_tokens = t.default_output_tokens();
                llm.input_tokens = t.default_input_tokens();
            });
        }
    };
    let set_model = move |m: ModelSize| {
        ctx.update_use_case(index, |uc| {
            let Workload::Llm(llm) = &mut uc.workload;
            llm.model = m;
        });
    };
    let set_location = move |ev| {
        let chosen = event_target_value(&ev);
        ctx.update_use_case(index, |uc| uc.site.location = chosen);
    };

    let requests_per_day = read(|uc| match uc.volume {
        Volume::PerDay {
            requests_per_day, ..
        } => requests_per_day,
        ref other => other.requests_per_year() / 365.0,
    });
    let set_requests_per_day = Callback::new(move |v: f64| {
        ctx.update_use_case(index, |uc| {
            let days_per_year = match uc.volume {
                Volume::PerDay { days_per_year, .. } => days_per_year,
                _ => 365.0,
            };
            uc.volume = Volume::PerDay {
                requests_per_day: v,
                days_per_year,
            };
        });
    });
    let output_tokens = read(|uc| match &uc.workload {
        Workload::Llm(llm) => llm.output_tokens,
    });
    let set_output_tokens = Callback::new(move |v: f64| {
        ctx.update_use_case(index, |uc| {
            let Workload::Llm(llm) = &mut uc.workload;
            llm.output_tokens = v;
        });
    });
    let pue = read(|uc| {
        uc.site
            .pue
            .unwrap_or(engine::refdata::datacentre::PUE.central)
    });
    let set_pue =
        Callback::new(move |v: f64| ctx.update_use_case(index, |uc| uc.site.pue = Some(v)));

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
                                <option value=task_key(t) selected=move || task() == Some(t)>
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
                                    prop:checked=move || model() == Some(m)
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
                error=error_of("volume.requests_per_day")
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
                    {LOCATIONS
                        .iter()
                        .map(|l| {
                            view! {
                                <option value=l.id selected=move || location() == l.id>
                                    {l.label}
                                </option>
                            }
                        })
                        .collect_view()}
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

//! The portfolio's use cases: one row each with its yearly carbon, the actions on it, and the
//! form of the one being edited; starters to add more.

use engine::presets::presets;
use engine::Workload;
use leptos::prelude::*;

use super::controls::text;
use super::use_case_form::UseCaseForm;
use crate::format::{quantity, Quantity};
use crate::i18n::texts;
use crate::state::PortfolioCtx;

/// The list of use cases and the starters.
#[component]
pub fn UseCaseList() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let is_empty = move || ctx.keys.with(Vec::is_empty);
    let largest = Memo::new(move |_| {
        ctx.result.with(|r| {
            r.as_ref().map_or(0.0, |r| {
                r.use_cases.iter().map(|u| u.per_year.carbon_total_kg().central).fold(0.0, f64::max)
            })
        })
    });
    view! {
        <section class="use-cases panel" aria-labelledby="use-cases-title" data-testid="use-cases">
            <h2 id="use-cases-title">{text(|t| t.use_cases)}</h2>
            <Show when=is_empty>
                <p class="empty">{text(|t| t.empty_portfolio)}</p>
            </Show>
            <ol class="use-case-list">
                <For each=move || ctx.keys.get() key=|k| *k let:key>
                    <UseCaseRow key=key largest=largest />
                </For>
            </ol>
            <Starters />
        </section>
    }
}

/// One use case: name, kind, yearly carbon and its share, actions, and its form when open.
#[component]
fn UseCaseRow(
    /// Stable key of the use case.
    key: u64,
    /// Yearly carbon of the largest use case, kgCO2e: the full length of the bars.
    largest: Memo<f64>,
) -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    let index = Memo::new(move |_| ctx.index_of(key));
    // Memos: a slider move elsewhere re-checks these but touches no row's DOM.
    let name = Memo::new(move |_| {
        let i = index.get();
        ctx.draft.with(|p| {
            i.and_then(|i| p.use_cases.get(i)).map(|u| u.name.clone()).unwrap_or_default()
        })
    });
    let kind = Memo::new(move |_| {
        let i = index.get();
        ctx.draft.with(|p| match i.and_then(|i| p.use_cases.get(i)).map(|u| &u.workload) {
            Some(Workload::Llm(llm)) => (t().llm_task)(llm.task),
            Some(Workload::Task(task)) => (t().task_name)(task.task),
            Some(Workload::Training(_)) => t().kind_training,
            None => "",
        })
    });
    // Yearly carbon of this use case, and its bar relative to the largest use case: a slider
    // move then redraws the edited row, not every row (which a share of the total would).
    let carbon = Memo::new(move |_| {
        let i = index.get();
        ctx.result.with(|r| Some(r.as_ref()?.use_cases.get(i?)?.per_year.carbon_total_kg().central))
    });
    let bar_width = Memo::new(move |_| {
        let largest = largest.get();
        carbon.get().map_or(0.0, |kg| if largest > 0.0 { kg / largest * 100.0 } else { 0.0 })
    });
    let open = move || ctx.selected.get() == Some(key);
    let toggle =
        move |_| ctx.selected.update(|s| *s = if *s == Some(key) { None } else { Some(key) });
    let at = move || index.get_untracked();
    let count = move || ctx.keys.with(Vec::len);
    view! {
        <li class="use-case-row" class:open=open data-testid="use-case-row">
            <div class="row-summary">
                <button
                    type="button"
                    class="row-title"
                    aria-expanded=move || open().to_string()
                    on:click=toggle
                    data-testid="use-case-toggle"
                >
                    <span class="row-name">{name}</span>
                    <span class="row-kind">{kind}</span>
                </button>
                <span class="row-carbon" data-testid="use-case-carbon">
                    {move || carbon.get().map(|kg| quantity(Quantity::Carbon, kg))}
                </span>
                <span class="row-share" aria-hidden="true">
                    <svg viewBox="0 0 100 6" preserveAspectRatio="none" width="100%" height="6">
                        <rect x="0" y="0" width="100" height="6" class="bar-track" />
                        <rect
                            x="0"
                            y="0"
                            height="6"
                            class="bar-fill"
                            width=move || bar_width.get()
                        />
                    </svg>
                </span>
                <div class="row-actions">
                    <button type="button" on:click=toggle>
                        {move || if open() { t().close } else { t().edit }}
                    </button>
                    <button
                        type="button"
                        data-testid="duplicate"
                        on:click=move |_| {
                            if let Some(i) = at() {
                                ctx.duplicate(i, t().copy_suffix);
                            }
                        }
                    >
                        {text(|t| t.duplicate)}
                    </button>
                    <button
                        type="button"
                        aria-label=move || format!("{} {}", t().move_up, name.get())
                        title=move || t().move_up
                        disabled=move || index.get() == Some(0)
                        on:click=move |_| {
                            if let Some(i) = at() {
                                ctx.shift(i, true);
                            }
                        }
                    >
                        "↑"
                    </button>
                    <button
                        type="button"
                        aria-label=move || format!("{} {}", t().move_down, name.get())
                        title=move || t().move_down
                        disabled=move || index.get().is_some_and(|i| i + 1 >= count())
                        on:click=move |_| {
                            if let Some(i) = at() {
                                ctx.shift(i, false);
                            }
                        }
                    >
                        "↓"
                    </button>
                    <button
                        type="button"
                        class="danger"
                        data-testid="remove"
                        on:click=move |_| {
                            if let Some(i) = at() {
                                ctx.remove(i, t().removed);
                            }
                        }
                    >
                        {text(|t| t.remove)}
                    </button>
                </div>
            </div>
            <Show when=open>
                <UseCaseForm key=key />
            </Show>
        </li>
    }
}

/// Buttons that add a starter use case.
#[component]
fn Starters() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    view! {
        <div class="starters" data-testid="starters">
            <h3>{text(|t| t.add_use_case)}</h3>
            <p class="hint">{text(|t| t.add_from_preset)}</p>
            <div class="starter-buttons">
                {presets()
                    .into_iter()
                    .map(|preset| {
                        let id = preset.id;
                        let use_case = preset.use_case;
                        view! {
                            <button
                                type="button"
                                data-testid=format!("preset-{id}")
                                on:click=move |_| {
                                    let mut uc = use_case.clone();
                                    uc.name = (t().preset_name)(id).to_owned();
                                    ctx.add_use_case(uc);
                                }
                            >
                                "+ "
                                {move || (t().preset_name)(id)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}

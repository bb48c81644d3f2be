//! The decision layer: the Sustainable AI Quotient with its weights and ranking, and the
//! projection to 2030 under the published scenarios with the drivers of the change.

use engine::decision::projection::{
    project, Drivers, Projection, Scenario, BASE_YEAR, TARGET_YEAR,
};
use engine::decision::saiq::{
    portfolio_intensities, ranking, reference_intensities, saiq, FunctionalUnit, Indicator, Weights,
};
use leptos::prelude::*;

use super::controls::{tr, Choice, ChoiceOption};
use super::number_field::{NumberField, SliderScale};
use crate::format::{quantity, significant, Quantity};
use crate::i18n::{texts, Pick};
use crate::state::PortfolioCtx;

/// SAIQ and projection, side by side with the footprint.
#[component]
pub fn Decisions() -> impl IntoView {
    view! {
        <section class="decisions panel" aria-labelledby="saiq-title" data-testid="decisions">
            <Saiq />
            <ProjectionView />
        </section>
    }
}

/// Use cases listed in the ranking: the best ones; a long list would be redrawn on every move.
const RANKED_SHOWN: usize = 10;

#[component]
fn Saiq() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    let unit = FunctionalUnit::ThousandOutputTokens;
    let reference = reference_intensities(unit);
    let weights = Memo::new(move |_| ctx.draft.with(|p| p.settings.saiq_weights));
    let set_weights = move |w: Weights| ctx.draft.update(|p| p.settings.saiq_weights = w);
    // The portfolio's score, and the use cases ranked (name, score), best first.
    let scores = Memo::new(move |_| {
        let w = weights.get();
        let Some(reference) = reference else { return (None, Vec::new()) };
        ctx.result.with(|r| {
            let Some(r) = r else { return (None, Vec::new()) };
            ctx.draft.with_untracked(|p| {
                if p.use_cases.len() != r.use_cases.len() {
                    return (None, Vec::new());
                }
                let total =
                    portfolio_intensities(p, r, unit).and_then(|x| saiq(&x, &reference, &w).ok());
                let ranked = ranking(p, r, unit, &reference, &w)
                    .into_iter()
                    .map(|(i, s)| (r.use_cases[i].name.clone(), s))
                    .collect::<Vec<_>>();
                (total, ranked)
            })
        })
    });
    let weight_field = |id: &'static str,
                        label: Pick,
                        indicator: Indicator,
                        get: fn(&Weights) -> f64| {
        view! {
            <NumberField
                id=id
                label=tr(label)
                value=Signal::derive(move || get(&weights.get()))
                on_change=Callback::new(move |v: f64| set_weights(weights.get_untracked().with(indicator, v)))
                error=Signal::derive(|| None::<String>)
                scale=SliderScale::Linear { min: 0.0, max: 1.0, step: 0.05 }
            />
        }
    };
    let presets: [(&'static str, Pick, Weights); 4] = [
        ("balanced", |t| t.saiq_balanced, Weights::BALANCED),
        ("cost", |t| t.saiq_cost_focused, Weights::COST_FOCUSED),
        ("energy", |t| t.saiq_energy_focused, Weights::ENERGY_FOCUSED),
        ("climate", |t| t.saiq_climate_focused, Weights::CLIMATE_FOCUSED),
    ];
    view! {
        <h2 id="saiq-title">{move || t().saiq_title}</h2>
        <p class="figure" data-testid="saiq-portfolio" data-value=move || scores.with(|s| s.0.unwrap_or(f64::NAN).to_string())>
            {move || scores.with(|s| s.0.map_or_else(|| "—".to_owned(), |v| significant(v, 3)))}
        </p>
        <p class="hint">{move || t().saiq_hint}</p>
        <div class="buttons" role="group" aria-label=move || t().saiq_weights>
            {presets
                .into_iter()
                .map(|(id, label, w)| {
                    view! {
                        <button
                            type="button"
                            data-testid=format!("saiq-preset-{id}")
                            aria-pressed=move || (weights.get() == w).to_string()
                            on:click=move |_| set_weights(w)
                        >
                            {move || label(t())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <details class="advanced">
            <summary>{move || t().saiq_weights}</summary>
            {weight_field("weight-cost", |t| t.cost_indicator, Indicator::Cost, |w| w.cost)}
            {weight_field("weight-energy", |t| t.energy, Indicator::Energy, |w| w.energy)}
            {weight_field("weight-carbon", |t| t.carbon, Indicator::Carbon, |w| w.carbon)}
            {weight_field("weight-water", |t| t.water, Indicator::Water, |w| w.water)}
        </details>
        <h3>{move || t().saiq_ranking}</h3>
        <ol class="ranking" data-testid="saiq-ranking">
            {move || {
                scores
                    .with(|s| s.1.iter().take(RANKED_SHOWN).cloned().collect::<Vec<_>>())
                    .into_iter()
                    .map(|(name, score)| view! { <li>{name} ": " <strong>{significant(score, 3)}</strong></li> })
                    .collect_view()
            }}
        </ol>
        <p class="hint">
            {move || {
                let more = scores.with(|s| s.1.len().saturating_sub(RANKED_SHOWN));
                (more > 0).then(|| (t().other_use_cases)(more))
            }}
        </p>
    }
}

#[component]
fn ProjectionView() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    let scenarios = Scenario::presets();
    let chosen = RwSignal::new(scenarios[0].id.clone());
    let projections = Memo::new(move |_| {
        ctx.result.with(|r| {
            let Some(r) = r else { return Vec::new() };
            ctx.draft.with_untracked(|p| {
                if p.use_cases.len() != r.use_cases.len() {
                    return Vec::new();
                }
                Scenario::presets()
                    .iter()
                    .map(|s| project(p, r, s, TARGET_YEAR))
                    .collect::<Vec<Projection>>()
            })
        })
    });
    let options = scenarios
        .iter()
        .map(|s| {
            let id = s.id.clone();
            ChoiceOption::translated(s.id.clone(), move || (t().scenario_name)(&id).to_owned())
        })
        .collect();
    let drivers = move || {
        projections
            .with(|all| all.iter().find(|p| p.scenario == chosen.get()).map(|p| p.drivers))
            .unwrap_or_default()
    };
    let driver_rows = move || {
        let d: Drivers = drivers();
        let texts = t();
        [
            (texts.driver_usage, d.usage),
            (texts.driver_model_size, d.model_size),
            (texts.driver_tokens, d.tokens),
            (texts.driver_hardware, d.hardware),
            (texts.driver_quantisation, d.quantisation),
            (texts.driver_pue, d.pue),
            (texts.driver_grid, d.grid),
        ]
        .into_iter()
        .map(|(name, kg)| {
            let sign = if kg > 0.0 { "+" } else { "" };
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{format!("{sign}{}", quantity(Quantity::Carbon, kg))}</td>
                </tr>
            }
        })
        .collect_view()
    };
    view! {
        <h2>{move || t().projection_title}</h2>
        <Choice
            id="scenario"
            label=tr(|t| t.scenario)
            value=Signal::derive(move || chosen.get())
            on_change=Callback::new(move |id: String| chosen.set(id))
            groups=vec![(None, options)]
        />
        <ScenarioChart projections=projections chosen=chosen />
        <table class="drivers" data-testid="drivers">
            <caption>{move || (t().drivers_title)(BASE_YEAR, TARGET_YEAR)}</caption>
            <tbody>{driver_rows}</tbody>
        </table>
    }
}

const CHART_WIDTH: f64 = 600.0;
const CHART_HEIGHT: f64 = 220.0;
const MARGIN_LEFT: f64 = 70.0;
const MARGIN_RIGHT: f64 = 150.0;

/// Carbon per year under each scenario, the chosen one drawn bold.
#[component]
fn ScenarioChart(projections: Memo<Vec<Projection>>, chosen: RwSignal<String>) -> impl IntoView {
    let t = texts();
    let lines = move || {
        let all = projections.get();
        let max =
            all.iter().flat_map(|p| p.years.iter().map(|y| y.carbon_kg)).fold(0.0_f64, f64::max);
        let span = f64::from(TARGET_YEAR - BASE_YEAR);
        let x = |year: u16| {
            MARGIN_LEFT
                + f64::from(year - BASE_YEAR) / span * (CHART_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
        };
        let y = |kg: f64| {
            if max > 0.0 {
                CHART_HEIGHT - 20.0 - kg / max * (CHART_HEIGHT - 40.0)
            } else {
                CHART_HEIGHT - 20.0
            }
        };
        let chosen = chosen.get();
        let axis = view! {
            <text x="0" y=y(max) + 4.0 class="chart-value">{quantity(Quantity::Carbon, max)}</text>
            <text x="0" y=y(0.0) class="chart-value">"0"</text>
            <text x=x(BASE_YEAR) y=CHART_HEIGHT class="chart-value">{BASE_YEAR}</text>
            <text x=x(TARGET_YEAR) - 30.0 y=CHART_HEIGHT class="chart-value">{TARGET_YEAR}</text>
        };
        let paths = all
            .into_iter()
            .map(|p| {
                let points = p
                    .years
                    .iter()
                    .map(|pt| format!("{:.1},{:.1}", x(pt.year), y(pt.carbon_kg)))
                    .collect::<Vec<_>>()
                    .join(" ");
                let last = p.years.last().map_or(0.0, |pt| y(pt.carbon_kg));
                let bold = p.scenario == chosen;
                let id = p.scenario.clone();
                view! {
                    <polyline points=points class="scenario-line" class:chosen=bold />
                    <text x=x(TARGET_YEAR) + 6.0 y=last + 4.0 class="chart-label" class:chosen=bold>
                        {(t().scenario_name)(&id)}
                    </text>
                }
            })
            .collect_view();
        (axis, paths)
    };
    view! {
        <figure class="chart" data-testid="projection-chart">
            <figcaption id="projection-caption">{move || t().projection_caption}</figcaption>
            <svg role="img" aria-labelledby="projection-caption" viewBox=format!("0 0 {CHART_WIDTH} {CHART_HEIGHT}") class="line-chart">
                {lines}
            </svg>
        </figure>
    }
}

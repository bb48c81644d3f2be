//! The Sustainable AI Quotient: the portfolio's score against an explicit reference, its four
//! intensities, the weights with their presets, and the use cases ranked.

use engine::decision::saiq::{
    portfolio_intensities, ranking, saiq, saiq_geometric, use_case_intensities, FunctionalUnit,
    Indicator, Intensities, Weights,
};
use leptos::prelude::*;

use engine::portfolio::Phase;
use engine::refdata::sources;
use engine::validate::limits;
use engine::{Keyed, Problem};

use super::{sources_line, Analysis, Reference};
use crate::components::controls::{text, tr, Choice, ChoiceOption};
use crate::components::number_field::{NumberField, SliderScale};
use crate::format::{or_dash, quantity, significant, Quantity};
use crate::i18n::{texts, Pick};
use crate::state::PortfolioCtx;

/// Use cases listed in the ranking: the best ones; a long list would be redrawn on every move.
const RANKED_SHOWN: usize = 10;

/// The portfolio's figures in the chosen unit and against the chosen reference.
#[derive(Debug, Clone, Default, PartialEq)]
struct Scores {
    /// The portfolio's intensities.
    portfolio: Option<Intensities>,
    /// Weighted arithmetic mean of the ratios to the reference.
    arithmetic: Option<f64>,
    /// Weighted geometric mean: the ranking-stable variant.
    geometric: Option<f64>,
    /// The best use cases (name, intensities, score), best first: only those shown, so that a
    /// move on a large portfolio does not copy every name.
    ranked: Vec<(String, Intensities, f64)>,
    /// How many use cases have a score.
    scored: usize,
    /// The use cases left out of the ranking in this unit, by name, in portfolio order.
    left_out: Vec<String>,
}

/// One row of the intensities table: the name and the value in the display's base unit.
type Row = (Pick, Quantity, fn(&Intensities) -> f64);

const ROWS: [Row; 4] = [
    (|t| t.cost_indicator, Quantity::Money, |x| x.cost_usd),
    (|t| t.energy, Quantity::Energy, |x| x.energy_mwh * 1_000.0),
    (|t| t.carbon, Quantity::Carbon, |x| x.carbon_t * 1_000.0),
    (|t| t.water, Quantity::Water, |x| x.water_m3 * 1_000.0),
];

#[component]
pub fn Saiq() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let analysis = Analysis::expect();
    let t = texts();
    let weights = Memo::new(move |_| ctx.with_draft(|p| p.settings.saiq_weights));
    let set_weights = move |w: Weights| ctx.update_settings(|s| s.saiq_weights = w);
    let scores = ctx.when_valid(move |p, r| {
        let unit = analysis.unit.get();
        let w = p.settings.saiq_weights;
        let x = portfolio_intensities(p, r, unit);
        let Some(reference) = analysis.reference_per_unit.get() else {
            return Scores { portfolio: x, ..Scores::default() };
        };
        // Like with like: per request, a training run is not ranked beside an answer.
        let unlike =
            |i: usize| unit == FunctionalUnit::Request && r.use_cases[i].phase == Phase::Training;
        let mut ranked = ranking(p, r, unit, &reference, &w);
        ranked.retain(|&(i, _)| !unlike(i));
        let left_out = (0..p.use_cases.len())
            .filter(|&i| {
                unlike(i) || use_case_intensities(&p.use_cases[i], &r.use_cases[i], unit).is_none()
            })
            .map(|i| r.use_cases[i].name.clone())
            .collect();
        Scores {
            left_out,
            portfolio: x,
            arithmetic: x.and_then(|x| saiq(&x, &reference, &w).ok()),
            geometric: x.and_then(|x| saiq_geometric(&x, &reference, &w).ok()),
            ranked: ranked
                .iter()
                .take(RANKED_SHOWN)
                .filter_map(|&(i, s)| {
                    let x = use_case_intensities(&p.use_cases[i], &r.use_cases[i], unit)?;
                    Some((r.use_cases[i].name.clone(), x, s))
                })
                .collect(),
            scored: ranked.len(),
        }
    });
    let prices = Memo::new(move |_| {
        ctx.with_good(|p| p.map(|p| p.settings.shadow_prices).unwrap_or_default())
    });

    // A typed weight outside 0–1 is refused with a message, never clamped silently.
    let refused = RwSignal::new(None::<(Indicator, Problem)>);
    let weight_field =
        move |id: &'static str, label: Pick, indicator: Indicator, get: fn(&Weights) -> f64| {
            view! {
                <NumberField
                    id=id
                    label=tr(label)
                    value=Signal::derive(move || get(&weights.get()))
                    on_change=Callback::new(move |v: f64| match limits::SHARE.check(v) {
                        Ok(()) => {
                            refused.set(None);
                            set_weights(weights.get_untracked().with(indicator, v));
                        }
                        Err(problem) => refused.set(Some((indicator, problem))),
                    })
                    error=Signal::derive(move || {
                        refused.get().filter(|(i, _)| *i == indicator).map(|(_, p)| t().problem(&p))
                    })
                    scale=SliderScale::Linear {
                        min: 0.0,
                        max: 1.0,
                        step: 0.05,
                    }
                />
            }
        };
    let presets: [(&'static str, Pick, Weights); 4] = [
        ("balanced", |t| t.saiq_balanced, Weights::BALANCED),
        ("cost", |t| t.saiq_cost_focused, Weights::COST_FOCUSED),
        ("energy", |t| t.saiq_energy_focused, Weights::ENERGY_FOCUSED),
        ("climate", |t| t.saiq_climate_focused, Weights::CLIMATE_FOCUSED),
    ];
    let figure = |id: &'static str, value: fn(&Scores) -> Option<f64>| {
        view! {
            <span
                data-testid=id
                data-value=move || scores.with(|s| value(s).unwrap_or(f64::NAN).to_string())
            >
                {move || scores.with(|s| or_dash(value(s).map(|v| significant(v, 3))))}
            </span>
        }
    };

    let reference_value = Signal::derive(move || match analysis.reference.get() {
        Reference::Shipped => "shipped".to_owned(),
        Reference::Pinned => "pinned".to_owned(),
        Reference::Saved(id) => format!("saved:{id}"),
    });
    let reference_options = Signal::derive(move || {
        let mut options = Vec::new();
        if let Some(name) = analysis.baseline_name.get() {
            options.push(ChoiceOption::translated("pinned", move || (t().reference_pinned)(&name)));
        }
        let current = ctx.current();
        ctx.with_library(|l| {
            for p in l.iter().enumerate().filter(|(i, _)| *i != current).map(|(_, p)| p) {
                let name = p.name.clone();
                options.push(ChoiceOption::translated(format!("saved:{}", p.id), move || {
                    (t().reference_saved)(&name)
                }));
            }
        });
        options
    });
    let choose_reference = Callback::new(move |value: String| {
        let chosen = match value.strip_prefix("saved:").and_then(|id| id.parse().ok()) {
            Some(id) => Reference::Saved(id),
            None if value == "pinned" => Reference::Pinned,
            None => Reference::Shipped,
        };
        analysis.choose_reference(chosen, ctx);
    });
    // The baseline is kept with the portfolio, as inputs; pinning again replaces it, so it can
    // be undone. An invalid portfolio is not pinned: its baseline would stay invalid.
    let pin = move |_| {
        if ctx.errors().with_untracked(Option::is_some) {
            ctx.tell(t().pin_needs_valid.to_owned(), true);
            return;
        }
        let before = ctx.draft_untracked();
        let mut pinned = before.clone();
        pinned.settings.baseline = Some(Box::new(before.as_baseline()));
        ctx.change_all(pinned, (t().baseline_pinned)(&before.name));
        analysis.choose_reference(Reference::Pinned, ctx);
    };
    let unit_value = Signal::derive(move || analysis.unit.get().key().to_owned());
    let unit_label = move || match analysis.unit.get() {
        FunctionalUnit::ThousandOutputTokens => t().per_thousand_tokens,
        FunctionalUnit::Request => t().per_request,
    };

    let intensity_rows = move || {
        let (x, reference, full_prices) = (
            scores.with(|s| s.portfolio),
            analysis.reference_per_unit.get(),
            Some(prices.get()).filter(|p| !p.is_none()),
        );
        let ratio = crate::format::ratio;
        let mut rows = ROWS
            .into_iter()
            .map(|(label, kind, get)| {
                let (a, b) = (x.map(|x| get(&x)), reference.map(|r| get(&r)));
                view! {
                    <tr>
                        <th scope="row">{move || label(t())}</th>
                        <td>{or_dash(a.map(|a| quantity(kind, a)))}</td>
                        <td>{or_dash(b.map(|b| quantity(kind, b)))}</td>
                        <td>{or_dash(a.zip(b).map(|(a, b)| ratio(a, b)))}</td>
                    </tr>
                }
                .into_any()
            })
            .collect::<Vec<_>>();
        // The monetised variant: direct cost plus carbon and water at the shadow prices,
        // electricity not priced twice.
        if let Some(p) = full_prices {
            let (a, b) =
                (x.map(|x| p.full_cost_per_unit(&x)), reference.map(|r| p.full_cost_per_unit(&r)));
            rows.push(
                view! {
                    <tr data-testid="saiq-monetised">
                        <th scope="row">{text(|t| t.full_cost)}</th>
                        <td>{or_dash(a.map(|a| quantity(Quantity::Money, a)))}</td>
                        <td>{or_dash(b.map(|b| quantity(Quantity::Money, b)))}</td>
                        <td>{or_dash(a.zip(b).map(|(a, b)| ratio(a, b)))}</td>
                    </tr>
                }
                .into_any(),
            );
        }
        rows
    };

    view! {
        <h2 id="saiq-title">{text(|t| t.saiq_title)}</h2>
        <p class="figure">{figure("saiq-portfolio", |s| s.arithmetic)}</p>
        <p class="hint">
            {text(|t| t.saiq_geometric)} ": " {figure("saiq-geometric", |s| s.geometric)}
        </p>
        <p class="hint">{text(|t| t.saiq_hint)}</p>
        <div class="field-row">
            <Choice
                id="saiq-unit"
                label=tr(|t| t.functional_unit)
                value=unit_value
                on_change=Callback::new(move |v: String| {
                    if let Some(unit) = FunctionalUnit::from_key(&v) {
                        analysis.unit.set(unit);
                    }
                })
                groups=vec![
                    (
                        None,
                        vec![
                            ChoiceOption::text(
                                FunctionalUnit::ThousandOutputTokens.key(),
                                |t| t.per_thousand_tokens,
                            ),
                            ChoiceOption::text(FunctionalUnit::Request.key(), |t| t.per_request),
                        ],
                    ),
                ]
            />
            <Choice
                id="saiq-reference"
                label=tr(|t| t.reference)
                value=reference_value
                on_change=choose_reference
                groups=vec![(None, vec![ChoiceOption::text("shipped", |t| t.reference_shipped)])]
                dynamic=reference_options
            />
        </div>
        <button type="button" data-testid="saiq-pin" on:click=pin>
            {text(|t| t.reference_pin)}
        </button>
        <p class="field-message" role="status">
            {move || {
                analysis.reference_per_unit.with(Option::is_none).then(|| t().reference_unavailable)
            }}
        </p>
        {move || {
            (analysis.reference.get() == Reference::Shipped)
                .then(|| sources_line(
                    vec![&sources::CAPGEMINI_2025, &sources::MERCATUS_GPU_PRICES_2026],
                ))
        }}
        <table class="intensities" data-testid="saiq-intensities">
            <caption>{unit_label}</caption>
            <thead>
                <tr>
                    <th scope="col"></th>
                    <th scope="col">{text(|t| t.this_portfolio)}</th>
                    <th scope="col">{text(|t| t.reference)}</th>
                    <th scope="col">{text(|t| t.ratio)}</th>
                </tr>
            </thead>
            <tbody>{intensity_rows}</tbody>
        </table>
        <div class="buttons" role="group" aria-label=text(|t| t.saiq_weights)>
            {presets
                .into_iter()
                .map(|(id, label, w)| {
                    view! {
                        <button
                            type="button"
                            data-testid=format!("saiq-preset-{id}")
                            aria-pressed=move || (weights.get() == w).to_string()
                            on:click=move |_| {
                                refused.set(None);
                                set_weights(w);
                            }
                        >
                            {move || label(t())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <details class="advanced">
            <summary>{text(|t| t.saiq_weights)}</summary>
            {weight_field("weight-cost", |t| t.cost_indicator, Indicator::Cost, |w| w.cost)}
            {weight_field("weight-energy", |t| t.energy, Indicator::Energy, |w| w.energy)}
            {weight_field("weight-carbon", |t| t.carbon, Indicator::Carbon, |w| w.carbon)}
            {weight_field("weight-water", |t| t.water, Indicator::Water, |w| w.water)}
        </details>
        <h3 id="saiq-ranking-title">{text(|t| t.saiq_ranking)}</h3>
        // Six columns: on a phone the table scrolls inside this box (focusable, so the keyboard
        // scrolls it too).
        <div class="table-scroll" tabindex="0" role="group" aria-labelledby="saiq-ranking-title">
            <table class="ranking" data-testid="saiq-ranking">
                <caption>{unit_label}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text(|t| t.name)}</th>
                        {ROWS.map(|(label, _, _)| view! { <th scope="col">{text(label)}</th> })}
                        <th scope="col">"SAIQ"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        scores
                            .with(|s| s.ranked.clone())
                            .into_iter()
                            .map(|(name, x, score)| {
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        {ROWS
                                            .map(|(_, kind, get)| {
                                                view! { <td>{quantity(kind, get(&x))}</td> }
                                            })}
                                        <td>
                                            <strong>{significant(score, 3)}</strong>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
        <p class="hint">
            {move || {
                let more = scores.with(|s| s.scored.saturating_sub(RANKED_SHOWN));
                (more > 0).then(|| (t().other_use_cases)(more))
            }}
        </p>
        // Said, never dropped silently: which use cases the ranking leaves out, and why.
        <p class="hint" data-testid="saiq-left-out">
            {move || {
                let names = scores.with(|s| s.left_out.clone());
                let (shown, rest) = names.split_at(names.len().min(3));
                let mut list = shown.join(t().list_separator);
                if !rest.is_empty() {
                    list = (t().and_more)(&list, rest.len());
                }
                (!names.is_empty())
                    .then(|| match analysis.unit.get() {
                        FunctionalUnit::ThousandOutputTokens => (t().saiq_left_out_tokens)(&list),
                        FunctionalUnit::Request => (t().saiq_left_out_runs)(&list),
                    })
            }}
        </p>
    }
}

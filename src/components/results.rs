//! The footprint: headline figures with ranges and their parts, the breakdowns, everyday
//! equivalents and the working behind the selected use case.

use engine::equivalents::{equivalents, Region};
use engine::{Estimate, Impacts, Keyed, PortfolioResult};
use leptos::prelude::*;

use super::charts::{Bar, BarChart};
use super::controls::{text, tr, Choice, ChoiceOption};
use super::working::Working;
use crate::format::{quantity, range, significant, Quantity};
use crate::i18n::{texts, Pick, Texts};
use crate::state::PortfolioCtx;

/// Yearly energy, carbon, water and cost of the portfolio, updated on every change.
#[component]
pub fn Results() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    let stale = move || ctx.errors().with(Option::is_some);
    let total = move |f: fn(&Impacts) -> Estimate| yearly_total(ctx, f);
    let part = |label: Pick, f: fn(&Impacts) -> Estimate| (label, total(f));
    // The prices of the last valid inputs, as the figures they multiply: a refused price is
    // never shown applied.
    let prices = Memo::new(move |_| {
        ctx.with_good(|p| p.map(|p| p.settings.shadow_prices).unwrap_or_default())
    });
    let priced = Memo::new(move |_| !prices.get().is_none());
    // Carbon and water at the shadow prices, alone or added to the direct cost.
    let shadow = move |with_direct: bool| {
        Signal::derive(move || {
            let prices = prices.get();
            ctx.result().with(|r| {
                r.as_ref()
                    .map(|r| {
                        let i = &r.total_per_year;
                        if with_direct {
                            prices.full_cost_usd(i)
                        } else {
                            prices.cost_usd(i)
                        }
                    })
                    .unwrap_or_default()
            })
        })
    };

    view! {
        <section class="results panel" aria-labelledby="results-title" data-testid="results">
            // Focusable from script only: the headline strip moves focus here.
            <h2 id="results-title" tabindex="-1">
                {text(|t| t.footprint_per_year)}
            </h2>
            <p class="stale" role="status" data-testid="stale-notice">
                {move || stale().then(|| t().stale)}
            </p>
            <div class="headlines">
                <Headline
                    id="energy"
                    title=|t| t.energy
                    kind=Quantity::Energy
                    per_year=total(|i| i.energy_kwh)
                    parts=vec![]
                />
                <Headline
                    id="carbon"
                    title=|t| t.carbon
                    kind=Quantity::Carbon
                    per_year=total(Impacts::carbon_total_kg)
                    parts=vec![
                        part(|t| t.operational, |i| i.carbon_operational_kg),
                        part(|t| t.embodied, |i| i.carbon_embodied_kg),
                        part(|t| t.market_based, |i| i.carbon_market_kg),
                    ]
                />
                <Headline
                    id="water"
                    title=|t| t.water
                    kind=Quantity::Water
                    per_year=total(Impacts::water_total_l)
                    parts=vec![
                        part(|t| t.onsite, |i| i.water_onsite_l),
                        part(|t| t.offsite, |i| i.water_offsite_l),
                    ]
                />
                // The shadow-price parts only once prices are set: "$0 at shadow prices" would
                // read as a finding.
                {move || {
                    let parts: Vec<(Pick, _)> = if priced.get() {
                        vec![(|t| t.shadow_cost, shadow(false)), (|t| t.full_cost, shadow(true))]
                    } else {
                        Vec::new()
                    };
                    view! {
                        <Headline
                            id="cost"
                            title=|t| t.cost_indicator
                            kind=Quantity::Money
                            per_year=total(|i| i.cost_usd)
                            parts=parts
                        />
                    }
                }}
            </div>
            <Breakdowns />
            <Equivalents />
            <Working />
        </section>
    }
}

/// One yearly total of the last good result, as a signal (zero before there is one).
fn yearly_total(ctx: PortfolioCtx, f: fn(&Impacts) -> Estimate) -> Signal<Estimate> {
    Signal::derive(move || {
        ctx.result().with(|r| r.as_ref().map(|r| f(&r.total_per_year)).unwrap_or_default())
    })
}

/// On a narrow screen, where the results come after the form, the four yearly totals stay in
/// sight at the top while the form is edited; pressing them goes to the full results. Hidden
/// (by the style sheet) where the results sit beside the form.
#[component]
pub fn HeadlineStrip() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    let stale = move || ctx.errors().with(Option::is_some);
    let figure = move |title: Pick, kind: Quantity, f: fn(&Impacts) -> Estimate| {
        let total = yearly_total(ctx, f);
        view! {
            <span class="strip-figure">
                <span class="strip-title">{move || title(t())}</span>
                // Blank, not zero, before there is any result.
                <span class="strip-value">
                    {move || {
                        ctx.result()
                            .with(Option::is_some)
                            .then(|| quantity(kind, total.get().central))
                    }}
                </span>
            </span>
        }
    };
    view! {
        <button
            type="button"
            class="headline-strip"
            class:stale=stale
            data-testid="headline-strip"
            on:click=|_| crate::browser::focus_after_render("#results-title".into())
        >
            {figure(|t| t.energy, Quantity::Energy, |i| i.energy_kwh)}
            {figure(|t| t.carbon, Quantity::Carbon, Impacts::carbon_total_kg)}
            {figure(|t| t.water, Quantity::Water, Impacts::water_total_l)}
            {figure(|t| t.cost_indicator, Quantity::Money, |i| i.cost_usd)}
        </button>
    }
}

/// One indicator: the yearly figure, its range and its parts.
#[component]
fn Headline(
    /// Base of the test ids.
    id: &'static str,
    /// Indicator name.
    title: Pick,
    /// Unit family for formatting.
    kind: Quantity,
    /// Yearly value.
    per_year: Signal<Estimate>,
    /// Named parts of the yearly value.
    parts: Vec<(Pick, Signal<Estimate>)>,
) -> impl IntoView {
    let t = texts();
    view! {
        <article class="headline" data-testid=id>
            <h3>{move || title(t())}</h3>
            <p
                class="figure"
                data-testid=format!("{id}-per-year")
                data-value=move || per_year.get().central.to_string()
            >
                {move || quantity(kind, per_year.get().central)}
            </p>
            <p class="range" data-testid=format!("{id}-range")>
                {move || {
                    let e = per_year.get();
                    format!("{} {}", t().range, range(kind, e.low, e.high))
                }}
            </p>
            <ul class="parts">
                {parts
                    .into_iter()
                    .map(|(name, value)| {
                        view! {
                            <li>
                                {move || name(t())} ": "
                                {move || quantity(kind, value.get().central)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </article>
    }
}

/// Bars drawn in the by-use-case chart, the last one gathering the rest.
const MAX_BARS: usize = 12;

/// Carbon by use case (largest first), by phase and by scope, as charts with table alternatives.
#[component]
fn Breakdowns() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    let bars_of = move |make: fn(&PortfolioResult, &'static Texts) -> Vec<Bar>| {
        Signal::derive(move || {
            let texts = t();
            ctx.result().with(|r| r.as_ref().map(|r| make(r, texts)).unwrap_or_default())
        })
    };
    let by_use_case = bars_of(|r, t| {
        let mut bars: Vec<Bar> = r
            .use_cases
            .iter()
            .map(|u| Bar { label: u.name.clone(), value: u.per_year.carbon_total_kg().central })
            .collect();
        engine::order::sort_by(&mut bars, |a, b| b.value.total_cmp(&a.value));
        // The largest ones, and the rest as one bar: a chart of hundreds of bars reads as none.
        if bars.len() > MAX_BARS {
            let rest: f64 = bars[MAX_BARS - 1..].iter().map(|b| b.value).sum();
            let others = bars.len() - (MAX_BARS - 1);
            bars.truncate(MAX_BARS - 1);
            bars.push(Bar { label: (t.other_use_cases)(others), value: rest });
        }
        bars
    });
    let by_phase = bars_of(|r, t| {
        vec![
            Bar {
                label: t.inference.into(),
                value: r.inference_per_year.carbon_total_kg().central,
            },
            Bar { label: t.training.into(), value: r.training_per_year.carbon_total_kg().central },
        ]
    });
    let by_scope = bars_of(|r, t| {
        let i = &r.total_per_year;
        vec![
            Bar {
                label: format!("{} ({})", t.carbon, t.operational),
                value: i.carbon_operational_kg.central,
            },
            Bar {
                label: format!("{} ({})", t.carbon, t.embodied),
                value: i.carbon_embodied_kg.central,
            },
        ]
    });
    view! {
        <div class="breakdowns">
            <BarChart
                id="chart-use-cases"
                title=tr(|t| t.by_use_case)
                bars=by_use_case
                kind=Quantity::Carbon
            />
            <BarChart
                id="chart-phase"
                title=tr(|t| t.by_phase)
                bars=by_phase
                kind=Quantity::Carbon
            />
            <BarChart
                id="chart-scope"
                title=tr(|t| t.by_scope)
                bars=by_scope
                kind=Quantity::Carbon
            />
        </div>
    }
}

/// The portfolio's yearly footprint in everyday terms.
#[component]
fn Equivalents() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    let region = Signal::derive(move || ctx.with_prefs(|p| p.region));
    let items = move || {
        let region = region.get();
        ctx.result().with(|r| {
            r.as_ref().map(|r| equivalents(&r.total_per_year, region)).unwrap_or_default()
        })
    };
    let region_key = move || region.get().key().to_owned();
    view! {
        <div class="equivalents" data-testid="equivalents">
            <h3>{text(|t| t.equivalents)}</h3>
            <ul>
                {move || {
                    items()
                        .into_iter()
                        .map(|e| {
                            view! {
                                <li title=e.source.to_string()>
                                    <strong>{significant(e.count, 3)}</strong>
                                    " "
                                    {(t().equivalent)(e.id)}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <Choice
                id="equivalents-region"
                label=tr(|t| t.equivalents_region)
                value=Signal::derive(region_key)
                on_change=Callback::new(move |chosen: String| {
                    if let Some(chosen) = Region::from_key(&chosen) {
                        ctx.update_prefs(|p| p.region = chosen);
                    }
                })
                groups=vec![
                    (
                        None,
                        vec![
                            ChoiceOption::text(Region::Eu.key(), |t| t.region_eu),
                            ChoiceOption::text(Region::Us.key(), |t| t.region_us),
                        ],
                    ),
                ]
            />
        </div>
    }
}

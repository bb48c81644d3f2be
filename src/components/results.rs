//! The footprint: headline figures with ranges, their split, and the working behind them.

use engine::{Estimate, PortfolioResult};
use leptos::prelude::*;

use crate::format::{quantity, range, significant, Quantity};
use crate::state::PortfolioCtx;

/// Yearly energy, carbon and water of the portfolio, updated on every change.
#[component]
pub fn Results() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let stale = move || !ctx.errors.with(Vec::is_empty);
    let with_result = move |f: fn(&PortfolioResult) -> Estimate| {
        Signal::derive(move || ctx.result.with(|r| r.as_ref().map(f).unwrap_or_default()))
    };

    view! {
        <section class="results" aria-labelledby="results-title" data-testid="results">
            <h2 id="results-title">"Footprint per year"</h2>
            <p class="stale" role="status" data-testid="stale-notice">
                {move || {
                    stale()
                        .then_some(
                            "Showing the last valid result: correct the highlighted field to update it.",
                        )
                }}
            </p>
            <div class="headlines">
                <Headline
                    id="energy"
                    title="Energy"
                    kind=Quantity::Energy
                    per_year=with_result(|r| r.total_per_year.energy_kwh)
                    per_request=with_result(|r| first_per_request(r, |i| i.energy_kwh))
                    parts=vec![]
                />
                <Headline
                    id="carbon"
                    title="Carbon"
                    kind=Quantity::Carbon
                    per_year=with_result(|r| r.total_per_year.carbon_total_kg())
                    per_request=with_result(|r| first_per_request(r, |i| i.carbon_total_kg()))
                    parts=vec![
                        ("operational", with_result(|r| r.total_per_year.carbon_operational_kg)),
                        ("embodied", with_result(|r| r.total_per_year.carbon_embodied_kg)),
                    ]
                />
                <Headline
                    id="water"
                    title="Water"
                    kind=Quantity::Water
                    per_year=with_result(|r| r.total_per_year.water_total_l())
                    per_request=with_result(|r| first_per_request(r, |i| i.water_total_l()))
                    parts=vec![
                        ("on-site cooling", with_result(|r| r.total_per_year.water_onsite_l)),
                        (
                            "off-site, generating the electricity",
                            with_result(|r| r.total_per_year.water_offsite_l),
                        ),
                    ]
                />
            </div>
            <Working />
        </section>
    }
}

fn first_per_request(r: &PortfolioResult, f: fn(&engine::Impacts) -> Estimate) -> Estimate {
    r.use_cases.first().map(|u| f(&u.per_run)).unwrap_or_default()
}

/// One indicator: the yearly figure, its range, its parts and the figure per request.
#[component]
fn Headline(
    /// Base of the test ids.
    id: &'static str,
    /// Indicator name.
    title: &'static str,
    /// Unit family for formatting.
    kind: Quantity,
    /// Yearly value.
    per_year: Signal<Estimate>,
    /// Value of one request.
    per_request: Signal<Estimate>,
    /// Named parts of the yearly value.
    parts: Vec<(&'static str, Signal<Estimate>)>,
) -> impl IntoView {
    let q = kind;
    view! {
        <article class="headline" data-testid=id>
            <h3>{title}</h3>
            <p
                class="figure"
                data-testid=format!("{id}-per-year")
                data-value=move || per_year.get().central.to_string()
            >
                {move || quantity(q, per_year.get().central)}
            </p>
            <p class="range" data-testid=format!("{id}-range")>
                {move || {
                    let e = per_year.get();
                    format!("range {}", range(q, e.low, e.high))
                }}
            </p>
            <ul class="parts">
                {parts
                    .into_iter()
                    .map(|(name, value)| {
                        view! {
                            <li>
                                {name} ": " {move || quantity(q, value.get().central)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p
                class="per-request"
                data-testid=format!("{id}-per-request")
                data-value=move || per_request.get().central.to_string()
            >
                {move || format!("{} per request", quantity(q, per_request.get().central))}
            </p>
        </article>
    }
}

/// The formula and every intermediate value of the first use case, with sources.
#[component]
fn Working() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let rows = move || {
        ctx.result.with(|r| {
            let Some(r) = r else { return Vec::new() };
            let Some(uc) = r.use_cases.first() else { return Vec::new() };
            let mut rows: Vec<(String, String, String)> = engine::explain::steps(uc)
                .into_iter()
                .map(|s| {
                    let source = s
                        .source
                        .map(|src| format!("{} ({}, {})", src.citation, src.year, src.licence))
                        .unwrap_or_default();
                    (s.label.to_owned(), step_value(s.value, s.unit), source)
                })
                .collect();
            rows.push((
                "Methodology version".to_owned(),
                r.methodology_version.to_owned(),
                String::new(),
            ));
            rows
        })
    };
    view! {
        <details class="working" data-testid="working">
            <summary>"Show the working"</summary>
            <table>
                <thead>
                    <tr>
                        <th scope="col">"Step"</th>
                        <th scope="col">"Value"</th>
                        <th scope="col">"Source"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        rows()
                            .into_iter()
                            .map(|(step, value, source)| {
                                view! {
                                    <tr>
                                        <th scope="row">{step}</th>
                                        <td>{value}</td>
                                        <td>{source}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </details>
    }
}

/// A step's value: energies in a readable unit, everything else with 4 significant figures.
fn step_value(value: f64, unit: &str) -> String {
    if unit == "kWh" {
        quantity(Quantity::Energy, value)
    } else {
        format!("{} {unit}", significant(value, 4))
    }
}

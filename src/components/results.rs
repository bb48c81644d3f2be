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
    r.use_cases
        .first()
        .map(|u| f(&u.per_request))
        .unwrap_or_default()
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
            let Some(uc) = r.use_cases.first() else {
                return Vec::new();
            };
            let w = &uc.working;
            let c = &w.call;
            let cite =
                |s: &engine::refdata::Source| format!("{} ({}, {})", s.citation, s.year, s.licence);
            vec![
                (
                    "Estimator".to_owned(),
                    w.estimator.to_owned(),
                    String::new(),
                ),
                (
                    "Model memory (parameters × 2 bytes × 1.3)".to_owned(),
                    format!("{} GB", significant(c.memory_gb, 4)),
                    String::new(),
                ),
                (
                    "Accelerator slices of 10 GB".to_owned(),
                    c.slices.to_string(),
                    String::new(),
                ),
                (
                    "Time per call (first token + tokens ÷ speed)".to_owned(),
                    format!(
                        "{} s + tokens ÷ {} tokens/s = {} s",
                        significant(c.ttft_s, 3),
                        significant(c.throughput_tokens_per_s, 4),
                        significant(c.time_s, 4)
                    ),
                    String::new(),
                ),
                (
                    "Model calls per request".to_owned(),
                    significant(w.calls_per_request, 3),
                    String::new(),
                ),
                (
                    "Compute energy per call (slices × 50.1 W × PUE × time)".to_owned(),
                    quantity(Quantity::Energy, c.compute_kwh),
                    String::new(),
                ),
                (
                    "Storage energy per call (1 year)".to_owned(),
                    quantity(Quantity::Energy, c.storage_kwh),
                    String::new(),
                ),
                (
                    "Network energy per call".to_owned(),
                    quantity(Quantity::Energy, c.network_kwh),
                    String::new(),
                ),
                (
                    "PUE".to_owned(),
                    format!(
                        "{} (range {}–{})",
                        significant(w.pue.value.central, 3),
                        significant(w.pue.value.low, 3),
                        significant(w.pue.value.high, 3)
                    ),
                    cite(w.pue.source),
                ),
                (
                    format!("Grid carbon intensity ({})", w.grid_zone),
                    format!(
                        "{} gCO₂e/kWh",
                        significant(w.grid_intensity.value.central, 4)
                    ),
                    cite(w.grid_intensity.source),
                ),
                (
                    "Off-site water factor".to_owned(),
                    format!("{} L/kWh", significant(w.offsite_water.value.central, 4)),
                    cite(w.offsite_water.source),
                ),
                (
                    "On-site water (WUE, per kWh of IT energy)".to_owned(),
                    format!("{} L/kWh", significant(w.wue_onsite.value.central, 3)),
                    cite(w.wue_onsite.source),
                ),
                (
                    "Requests per year".to_owned(),
                    significant(uc.requests_per_year, 4),
                    String::new(),
                ),
                (
                    "Methodology version".to_owned(),
                    r.methodology_version.to_owned(),
                    String::new(),
                ),
            ]
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

//! The working behind one use case: the estimator, every intermediate value and every factor
//! with its source, so a sceptical reader can redo the sum by hand.

use engine::units::Unit;
use engine::Keyed;
use leptos::prelude::*;

use super::controls::text;
use crate::format::{quantity, significant, Quantity};
use crate::i18n::{texts, Texts};
use crate::state::PortfolioCtx;

/// The working of the selected use case (the first one when none is selected).
#[component]
pub fn Working() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    // The selected use case, or the first; its result found by id.
    let shown = Signal::derive(move || {
        ctx.with_selected(|s| s.cloned()).or_else(|| ctx.ids().with(|ids| ids.first().cloned()))
    });

    let heading = move || {
        ctx.result().with(|r| {
            shown.with(|id| r.as_deref().and_then(|r| r.use_case(id.as_ref()?))).map(|u| {
                format!("{} · {}", (t().working_for)(&u.name), (t().estimator_used)(&u.working))
            })
        })
    };
    let per_run = move |get: fn(&engine::Impacts) -> f64| {
        move || {
            ctx.result().with(|r| {
                shown
                    .with(|id| r.as_deref().and_then(|r| r.use_case(id.as_ref()?)))
                    .map(|u| get(&u.per_run))
            })
        }
    };
    let energy = per_run(|i| i.energy_kwh.central);
    let carbon = per_run(|i| i.carbon_total_kg().central);
    let water = per_run(|i| i.water_total_l().central);
    let rows = move || {
        let texts = t();
        ctx.result().with(|r| {
            let Some(r) = r else { return Vec::new() };
            let Some(uc) = shown.with(|id| r.use_case(id.as_ref()?)) else { return Vec::new() };
            let mut rows: Vec<(String, String, String)> = engine::explain::steps(uc)
                .into_iter()
                .map(|s| {
                    let source = match s.source {
                        Some(source) if source.id == engine::evaluate::USER_INPUT.id => {
                            texts.entered_by_user.to_owned()
                        }
                        Some(source) => source.to_string(),
                        None => String::new(),
                    };
                    (texts.step(s.id), step_value(s.value, s.unit, texts), source)
                })
                .collect();
            rows.push((
                texts.methodology_version.to_owned(),
                r.methodology_version.to_owned(),
                r.data_vintage.to_owned(),
            ));
            rows
        })
    };
    view! {
        <details class="working" data-testid="working">
            <summary>{text(|t| t.working)}</summary>
            <h3>{heading}</h3>
            <p class="per-run">
                {text(|t| t.per_run)} ": "
                <span
                    data-testid="energy-per-request"
                    data-value=move || energy().unwrap_or_default().to_string()
                >
                    {move || energy().map(|e| quantity(Quantity::Energy, e))}
                </span> " · "
                <span data-testid="carbon-per-request">
                    {move || carbon().map(|c| quantity(Quantity::Carbon, c))}
                </span> " · "
                <span data-testid="water-per-request">
                    {move || water().map(|w| quantity(Quantity::Water, w))}
                </span>
            </p>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{text(|t| t.step)}</th>
                        <th scope="col">{text(|t| t.value)}</th>
                        <th scope="col">{text(|t| t.source)}</th>
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

/// A step's value: energies in a readable unit, everything else with 4 significant figures
/// and its unit, a counted one in the interface's language and plural.
fn step_value(value: f64, unit: Unit, texts: &Texts) -> String {
    let number = significant(value, 4);
    match unit {
        Unit::Kwh => quantity(Quantity::Energy, value),
        Unit::Count | Unit::Ratio => number,
        other => match (texts.counted)(other, number == "1") {
            Some(word) => format!("{number} {word}"),
            None => format!("{number} {}", other.key()),
        },
    }
}

//! Return on Environment: for each use case that says what it replaces, the footprint beside
//! what it avoids (never subtracted from it), the rebound, the net impact and the value per
//! unit of footprint (Green Digital Coalition net-impact view).

use engine::decision::roe::{of_use_case, NetImpact, Ratio, ReturnOnEnvironment as Roe};
use leptos::prelude::*;

use super::sources_line;
use crate::components::controls::text;
use crate::format::{quantity, significant, Quantity};
use crate::i18n::{texts, Pick};
use crate::state::PortfolioCtx;

/// A use case's name, its counterfactual and its return.
type Entry = (String, String, Roe);

/// An indicator of the table: name, unit family, its part of the return, and the unit the
/// value is expressed per.
type IndicatorRow = (Pick, Quantity, fn(&Roe) -> NetImpact, &'static str);

const INDICATORS: [IndicatorRow; 3] = [
    (|t| t.carbon, Quantity::Carbon, |r| r.carbon, "tCO₂e"),
    (|t| t.energy, Quantity::Energy, |r| r.energy, "MWh"),
    (|t| t.water, Quantity::Water, |r| r.water, "m³"),
];

/// Use cases given a table: the first ones; hundreds of tables would not be read, and would be
/// redrawn on every change.
const TABLES_SHOWN: usize = 20;

#[component]
pub fn ReturnOnEnvironment() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    let entries = ctx.when_valid(|p, r| {
        p.use_cases
            .iter()
            .zip(&r.use_cases)
            .filter_map(|(uc, result)| {
                let avoided = uc.avoided.as_ref()?;
                Some((
                    uc.name.clone(),
                    avoided.counterfactual.clone(),
                    of_use_case(result, avoided),
                ))
            })
            .collect::<Vec<Entry>>()
    });
    let ratio = move |r: Ratio, suffix: &str| match r {
        Ratio::Value(v) => format!("{}{suffix}", significant(v, 3)),
        Ratio::NoFootprint => t().no_footprint.to_owned(),
    };
    let tables = move || {
        entries
            .get()
            .into_iter()
            .take(TABLES_SHOWN)
            .map(|(name, counterfactual, roe)| {
                let rows = INDICATORS
                    .into_iter()
                    .map(|(label, kind, part, per)| {
                        let n = part(&roe);
                        let verdict = if n.net > 0.0 { t().net_benefit } else { t().net_cost };
                        view! {
                            <tr>
                                <th scope="row">{label(t())}</th>
                                <td>{quantity(kind, n.footprint)}</td>
                                <td>{quantity(kind, n.avoided)}</td>
                                <td>{quantity(kind, n.rebound)}</td>
                                <td>{format!("{} ({verdict})", quantity(kind, n.net.abs()))}</td>
                                <td data-testid="roe-ratio">{ratio(n.roe, "×")}</td>
                                <td>
                                    {match n.value_per_unit {
                                        Ratio::Value(v) => format!("${} / {per}", significant(v, 3)),
                                        Ratio::NoFootprint => t().no_footprint.to_owned(),
                                    }}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <table class="roe-table" data-testid="roe-table">
                        <caption>
                            <strong>{name}</strong>
                            {(!counterfactual.is_empty())
                                .then(|| format!(" · {}: {counterfactual}", t().counterfactual))}
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col"></th>
                                <th scope="col">{t().roe_footprint}</th>
                                <th scope="col">{t().roe_avoided}</th>
                                <th scope="col">{t().roe_rebound}</th>
                                <th scope="col">{t().roe_net}</th>
                                <th scope="col">"RoE"</th>
                                <th scope="col">{t().roe_value}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            })
            .collect_view()
    };
    view! {
        <h2 id="roe-title">{text(|t| t.roe_title)}</h2>
        <p class="hint">{text(|t| t.roe_hint)}</p>
        {tables}
        {move || {
            entries.with(|e| e.first().map(|(_, _, roe)| roe.sources.to_vec())).map(sources_line)
        }}
        <p class="hint">
            {move || {
                entries
                    .with(|e| {
                        if e.is_empty() {
                            Some(t().roe_empty.to_owned())
                        } else {
                            let more = e.len().saturating_sub(TABLES_SHOWN);
                            (more > 0).then(|| (t().other_use_cases)(more))
                        }
                    })
            }}
        </p>
    }
}

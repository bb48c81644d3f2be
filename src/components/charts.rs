//! Horizontal bar charts: labels and values as text, bars drawn, each chart with a table
//! alternative for screen readers and for anyone who wants the exact figures.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::controls::text;
use crate::format::{quantity, Quantity};

/// One bar: what it is and its value in the chart's base unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Label.
    pub label: String,
    /// Value (base unit of the chart's quantity).
    pub value: f64,
}

/// A labelled horizontal bar chart; bars keep the order given.
#[component]
pub fn BarChart(
    /// Base of the element ids and test id.
    id: &'static str,
    /// Chart title.
    #[prop(into)]
    title: Signal<&'static str>,
    /// The bars.
    #[prop(into)]
    bars: Signal<Vec<Bar>>,
    /// Unit family of the values.
    kind: Quantity,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let total = move || bars.with(|b| b.iter().map(|b| b.value).sum::<f64>());
    let rows = move || {
        let bars = bars.get();
        let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
        bars.into_iter()
            .map(|bar| {
                let percent = if max > 0.0 { bar.value / max * 100.0 } else { 0.0 };
                let full_label = bar.label.clone();
                view! {
                    <div class="bar-row">
                        <span class="bar-label" title=full_label>
                            {bar.label}
                        </span>
                        // Drawn, not styled: a width in a style attribute would need the
                        // page's policy to allow inline styles.
                        <svg
                            class="bar-area"
                            viewBox="0 0 100 10"
                            preserveAspectRatio="none"
                            aria-hidden="true"
                        >
                            <rect width=percent height="10" class="bar-fill" />
                        </svg>
                        <span class="bar-value">{quantity(kind, bar.value)}</span>
                    </div>
                }
            })
            .collect_view()
    };
    // The table is built only while it is open: a large portfolio's hundreds of rows would
    // otherwise be rebuilt on every slider move, unseen.
    let table_open = RwSignal::new(false);
    let table_rows = move || {
        if !table_open.get() {
            return None;
        }
        let sum = total();
        bars.get()
            .into_iter()
            .map(|bar| {
                let share = crate::format::share(bar.value, sum);
                view! {
                    <tr>
                        <th scope="row">{bar.label}</th>
                        <td>{quantity(kind, bar.value)}</td>
                        <td>{share}</td>
                    </tr>
                }
            })
            .collect_view()
            .into()
    };
    view! {
        <figure class="chart" data-testid=id>
            <figcaption id=title_id.clone()>{move || title.get()}</figcaption>
            // Text at the page's own size, on a phone too (a scaled SVG shrinks it); the table
            // below has the figures for screen readers.
            <div role="img" aria-labelledby=title_id class="bar-chart">
                {rows}
            </div>
            <details
                class="chart-table"
                on:toggle=move |ev| {
                    let open = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                        .is_some_and(|d| d.open());
                    table_open.set(open);
                }
            >
                <summary>{text(|t| t.show_table)}</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || title.get()}</th>
                            <th scope="col">{text(|t| t.value)}</th>
                            <th scope="col">{text(|t| t.share_of_total)}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

//! Horizontal bar charts drawn as SVG, each with a table alternative for screen readers and
//! for anyone who wants the exact figures.

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

/// Chart geometry in SVG user units; the SVG scales to its container's width.
const VIEW_WIDTH: f64 = 600.0;
const ROW_HEIGHT: f64 = 24.0;
const LABEL_WIDTH: f64 = 210.0;
const BAR_MAX_WIDTH: f64 = 280.0;
/// Longest label drawn in full; the table beneath has every label whole.
const LABEL_CHARS: usize = 30;

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{cut}…")
    }
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
    let height = move || (bars.with(Vec::len) as f64 * ROW_HEIGHT).max(ROW_HEIGHT);
    let rows = move || {
        let bars = bars.get();
        let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
        bars.into_iter()
            .enumerate()
            .map(|(i, bar)| {
                let y = i as f64 * ROW_HEIGHT;
                let width = if max > 0.0 { bar.value / max * BAR_MAX_WIDTH } else { 0.0 };
                view! {
                    <g>
                        <text x="0" y=y + 16.0 class="chart-label">
                            {short(&bar.label)}
                        </text>
                        <rect
                            x=LABEL_WIDTH
                            y=y + 5.0
                            width=width
                            height=ROW_HEIGHT - 10.0
                            class="bar-fill"
                        />
                        <text x=LABEL_WIDTH + width + 6.0 y=y + 16.0 class="chart-value">
                            {quantity(kind, bar.value)}
                        </text>
                    </g>
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
            <svg
                role="img"
                aria-labelledby=title_id
                viewBox=move || format!("0 0 {VIEW_WIDTH} {}", height())
                class="bar-chart"
            >
                {rows}
            </svg>
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

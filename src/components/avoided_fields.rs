//! What a use case replaces or avoids each year, for its Return on Environment: a stated
//! counterfactual, avoided quantities, a rebound share and the business value.

use engine::decision::roe::Avoided;
use engine::refdata::context::{AI_PAGE_KG, HUMAN_PAGE_KG};
use engine::UseCase;
use leptos::prelude::*;

use engine::field::{AvoidedField, UseCaseField};
use engine::Keyed;

use super::controls::{text, tr, TextField};
use super::number_field::{NumberField, SliderScale};
use super::use_case_form::Editing;
use crate::format::{quantity, Quantity};
use crate::i18n::{texts, Pick};

/// One avoided quantity: its path in the use case (as validation names it), label, unit,
/// accessors and slider end.
struct Field {
    path: AvoidedField,
    label: Pick,
    unit: &'static str,
    get: fn(&Avoided) -> f64,
    set: fn(&mut Avoided, f64),
    /// Largest value offered by the slider, as shown.
    max: f64,
    /// Shown as a percentage of the stored share (the rebound): people say "20 %", not 0.2.
    percent: bool,
}

const FIELDS: [Field; 10] = [
    Field {
        path: AvoidedField::HumanHours,
        label: |t| t.avoided_hours,
        unit: "h",
        get: |a| a.human_hours,
        set: |a, v| a.human_hours = v,
        max: 100_000.0,
        percent: false,
    },
    Field {
        path: AvoidedField::HumanKgPerHour,
        label: |t| t.avoided_kg_per_hour,
        unit: "kgCO₂e/h",
        get: |a| a.human_kg_per_hour,
        set: |a, v| a.human_kg_per_hour = v,
        max: 10.0,
        percent: false,
    },
    Field {
        path: AvoidedField::PagesWritten,
        label: |t| t.avoided_pages,
        unit: "",
        get: |a| a.pages_written,
        set: |a, v| a.pages_written = v,
        max: 10_000_000.0,
        percent: false,
    },
    Field {
        path: AvoidedField::CarKm,
        label: |t| t.avoided_car_km,
        unit: "km",
        get: |a| a.car_km,
        set: |a, v| a.car_km = v,
        max: 10_000_000.0,
        percent: false,
    },
    Field {
        path: AvoidedField::FlightKm,
        label: |t| t.avoided_flight_km,
        unit: "km",
        get: |a| a.flight_km,
        set: |a, v| a.flight_km = v,
        max: 10_000_000.0,
        percent: false,
    },
    Field {
        path: AvoidedField::KwhSaved,
        label: |t| t.avoided_kwh,
        unit: "kWh",
        get: |a| a.kwh_saved,
        set: |a, v| a.kwh_saved = v,
        max: 10_000_000.0,
        percent: false,
    },
    Field {
        path: AvoidedField::CustomKg,
        label: |t| t.avoided_custom_kg,
        unit: "kgCO₂e",
        get: |a| a.custom_kg,
        set: |a, v| a.custom_kg = v,
        max: 10_000_000.0,
        percent: false,
    },
    Field {
        path: AvoidedField::CustomL,
        label: |t| t.avoided_custom_l,
        unit: "L",
        get: |a| a.custom_l,
        set: |a, v| a.custom_l = v,
        max: 100_000_000.0,
        percent: false,
    },
    Field {
        path: AvoidedField::ReboundShare,
        label: |t| t.rebound_share,
        unit: "%",
        get: |a| a.rebound_share,
        set: |a, v| a.rebound_share = v,
        max: 100.0,
        percent: true,
    },
    Field {
        path: AvoidedField::ValueUsd,
        label: |t| t.business_value,
        unit: "$",
        get: |a| a.value_usd,
        set: |a, v| a.value_usd = v,
        max: 100_000_000.0,
        percent: false,
    },
];

fn avoided_of(uc: &UseCase) -> Avoided {
    uc.avoided.clone().unwrap_or_default()
}

/// The "what it replaces" section of a use case's form.
#[component]
pub fn AvoidedFields(e: Editing) -> impl IntoView {
    let t = texts();
    let declared = e.read(|uc| uc.avoided.is_some());
    let avoided = e.read(avoided_of);
    let edit = move |change: &dyn Fn(&mut Avoided)| {
        e.edit(|uc| change(uc.avoided.get_or_insert_with(Avoided::default)));
    };
    // The replaces-a-writer preset: one page per request, the counterfactual stated.
    let writer_preset = move |_| {
        let counterfactual = t().page_counterfactual.to_owned();
        e.edit(|uc| {
            let pages = uc.volume.per_year();
            let a = uc.avoided.get_or_insert_with(Avoided::default);
            a.pages_written = pages;
            a.counterfactual = counterfactual;
        });
    };
    let per_request_kg = e.result_figure(|r| r.per_run.carbon_total_kg().central);
    let fields = FIELDS
        .into_iter()
        .map(|f| {
            let Field { path, label, unit, get, set, max, percent } = f;
            let shown = if percent { 100.0 } else { 1.0 };
            let scale = if percent {
                SliderScale::Linear { min: 0.0, max, step: 1.0 }
            } else if max > 10.0 {
                SliderScale::Log { min: 1.0, max }
            } else {
                SliderScale::Linear { min: 0.0, max, step: max / 100.0 }
            };
            view! {
                <NumberField
                    id=format!("avoided-{}", path.key().replace('_', "-"))
                    label=tr(label)
                    unit=Signal::derive(move || unit)
                    // Rounded in the field's own scale: 0.7 × 100 is 70, not 70.00000000000001.
                    value=Signal::derive(move || {
                        let v = avoided.with(get) * shown;
                        if percent { (v * 1e9).round() / 1e9 } else { v }
                    })
                    on_change=Callback::new(move |v: f64| edit(&|a| set(a, v / shown)))
                    // The engine states its bound as a share; said here as the field shows it.
                    error=Signal::derive(move || {
                        let problem = e.error(UseCaseField::Avoided(path)).get()?;
                        Some(if percent { t().percent_range.to_owned() } else { problem })
                    })
                    scale=scale
                />
            }
        })
        .collect_view();
    view! {
        <details class="advanced" data-testid="avoided">
            <summary>{text(|t| t.avoided_title)}</summary>
            <p class="hint">{text(|t| t.avoided_hint)}</p>
            <p class="hint">
                {move || {
                    (t()
                        .page_footprints)(
                        &quantity(Quantity::Carbon, HUMAN_PAGE_KG.value),
                        &quantity(Quantity::Carbon, AI_PAGE_KG.value),
                        &quantity(Quantity::Carbon, per_request_kg.get()),
                    )
                }}
            </p>
            <div class="buttons">
                <button type="button" data-testid="avoided-writer-preset" on:click=writer_preset>
                    {text(|t| t.replaces_writer)}
                </button>
                <button
                    type="button"
                    data-testid="avoided-clear"
                    disabled=move || !declared.get()
                    on:click=move |_| e.edit(|uc| uc.avoided = None)
                >
                    {text(|t| t.avoided_clear)}
                </button>
            </div>
            <TextField
                id="avoided-counterfactual"
                label=tr(|t| t.counterfactual)
                value=Signal::derive(move || avoided.with(|a| a.counterfactual.clone()))
                on_change=Callback::new(move |text: String| edit(
                    &|a| a.counterfactual = text.clone(),
                ))
            />
            {fields}
        </details>
    }
}

//! A number that can be slid or typed, with its problem shown right next to it.

use leptos::prelude::*;

use super::controls::text;
use crate::browser;
use crate::format::{editable, parse_number, round_significant, ParseError, ReadAs, Reading};
use crate::i18n::texts;

/// How the slider maps its position to a value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SliderScale {
    /// Evenly spaced values from `min` to `max` in steps of `step`.
    Linear {
        /// Value at the left end.
        min: f64,
        /// Value at the right end.
        max: f64,
        /// Smallest change.
        step: f64,
    },
    /// Each slider step multiplies the value by the same factor, for quantities that span
    /// orders of magnitude (requests per day). `min` must be positive.
    Log {
        /// Value at the left end (> 0).
        min: f64,
        /// Value at the right end.
        max: f64,
    },
}

/// Slider positions of a log scale: fine enough that one step changes the value by under 2 %.
const LOG_POSITIONS: f64 = 1_000.0;

impl SliderScale {
    fn input_attrs(self) -> (f64, f64, f64) {
        match self {
            SliderScale::Linear { min, max, step } => (min, max, step),
            SliderScale::Log { .. } => (0.0, LOG_POSITIONS, 1.0),
        }
    }

    /// Slider position showing `value` (clamped to the ends).
    pub fn position(self, value: f64) -> f64 {
        match self {
            SliderScale::Linear { min, max, .. } => value.clamp(min, max),
            SliderScale::Log { min, max } => if value <= min {
                0.0
            } else {
                (value / min).ln() / (max / min).ln() * LOG_POSITIONS
            }
            .clamp(0.0, LOG_POSITIONS),
        }
    }

    /// Value at a slider position, rounded so that it reads well.
    pub fn value(self, position: f64) -> f64 {
        match self {
            SliderScale::Linear { .. } => position,
            SliderScale::Log { min, max } => {
                let v = min * (max / min).powf(position / LOG_POSITIONS);
                round_significant(v, 2)
            }
        }
    }
}

/// A labelled number with a slider and a text box; typed text that is not a number, and values
/// the engine refuses, show a message next to the field and never reach the results.
#[component]
pub fn NumberField(
    /// Unique id: the text box's `id` and the base of the test ids.
    #[prop(into)]
    id: String,
    /// The question the field answers, in plain language.
    #[prop(into)]
    label: Signal<&'static str>,
    /// Unit shown after the text box.
    #[prop(into, optional)]
    unit: Signal<&'static str>,
    /// The current value.
    #[prop(into)]
    value: Signal<f64>,
    /// Called with every new number, slid or typed.
    on_change: Callback<f64>,
    /// The engine's message for this field, if its value is refused.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Slider mapping.
    scale: SliderScale,
    /// When set, the value is an override of a default, and this puts the default back.
    #[prop(optional)]
    on_reset: Option<Callback<()>>,
    /// Whether the value currently overrides the default (shows the reset button).
    #[prop(into, optional)]
    overridden: Signal<bool>,
) -> impl IntoView {
    let t = texts();
    // What the user typed, kept while it is not yet (or not) a number, so the text box never
    // rewrites what they are typing.
    let typed = RwSignal::new(None::<String>);
    // How the typed text was read: a number (with a note when a comma or dots were read), or
    // why it is not one.
    let reading = RwSignal::new(None::<Result<Reading, ParseError>>);
    let read = |text: &str| parse_number(text, browser::decimal_comma_locale());
    let shown_text = move || match (typed.get(), reading.get()) {
        (Some(text), Some(Err(_))) => text,
        (Some(text), Some(Ok(r))) if r.value == value.get() => text,
        _ => editable(value.get()),
    };
    let parse_problem = move || match reading.get() {
        Some(Err(problem)) => Some(match problem {
            ParseError::Empty => t().enter_a_number.to_owned(),
            ParseError::NotANumber => t().not_a_number.to_owned(),
            ParseError::Ambiguous { thousands, decimal } => {
                (t().number_ambiguous)(&editable(thousands), &editable(decimal))
            }
        }),
        _ => None,
    };
    let message = move || parse_problem().or_else(|| error.get());
    // Shown only while the typed text is what the field holds and nothing is wrong with it.
    let note = move || match (reading.get(), message().is_none()) {
        (Some(Ok(Reading { value: v, read_as: Some(how) })), true) if v == value.get() => {
            let texts = t();
            let shown = editable(v);
            Some(match how {
                ReadAs::DecimalComma => (texts.read_decimal_comma)(&shown),
                ReadAs::GroupingComma => (texts.read_grouping_comma)(&shown),
                ReadAs::GroupingDot => (texts.read_grouping_dot)(&shown),
            })
        }
        _ => None,
    };
    let invalid = move || message().is_some();
    let message_id = format!("{id}-message");
    let slider_id = format!("{id}-slider");
    let (slider_min, slider_max, slider_step) = scale.input_attrs();

    let on_text = move |ev| {
        let text = event_target_value(&ev);
        let result = read(&text);
        typed.set(Some(text));
        reading.set(Some(result));
        if let Ok(r) = result {
            on_change.run(r.value);
        }
    };
    let on_slide = move |ev| {
        if let Ok(position) = event_target_value(&ev).parse::<f64>() {
            typed.set(None);
            reading.set(None);
            on_change.run(scale.value(position));
        }
    };
    let reset = on_reset.map(|reset| {
        view! {
            <Show when=move || overridden.get()>
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| {
                        typed.set(None);
                        reading.set(None);
                        reset.run(());
                    }
                >
                    {text(|t| t.use_default)}
                </button>
            </Show>
        }
    });

    view! {
        <div class="field" class:invalid=invalid data-testid=id.clone()>
            <label for=id.clone()>{move || label.get()}</label>
            <div class="field-inputs">
                <input
                    type="range"
                    id=slider_id
                    aria-label=move || label.get()
                    min=slider_min
                    max=slider_max
                    step=slider_step
                    prop:value=move || scale.position(value.get())
                    on:input=on_slide
                    data-testid=format!("{id}-slider")
                />
                <input
                    type="text"
                    inputmode="decimal"
                    id=id.clone()
                    autocomplete="off"
                    prop:value=shown_text
                    on:input=on_text
                    aria-invalid=move || invalid().to_string()
                    aria-describedby=message_id.clone()
                    data-testid=format!("{id}-input")
                />
                <span class="unit">{move || unit.get()} {reset}</span>
            </div>
            <p
                class="field-message"
                class:note=move || note().is_some()
                id=message_id
                data-testid=format!("{id}-message")
            >
                {move || message().or_else(note)}
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_scale_round_trips_and_clamps() {
        let scale = SliderScale::Log { min: 1.0, max: 1e9 };
        assert_eq!(scale.position(0.0), 0.0);
        assert_eq!(scale.position(1e12), LOG_POSITIONS);
        let pos = scale.position(10_000.0);
        assert!((scale.value(pos) - 10_000.0).abs() < 1.0);
        assert_eq!(scale.value(LOG_POSITIONS), 1e9);
    }

    #[test]
    fn linear_scale_is_the_value() {
        let scale = SliderScale::Linear { min: 10.0, max: 4000.0, step: 10.0 };
        assert_eq!(scale.position(5.0), 10.0);
        assert_eq!(scale.value(250.0), 250.0);
    }
}

//! Small form controls shared by the forms: a labelled choice and a labelled text input.

use leptos::prelude::*;

use crate::i18n::Pick;

/// A translated text as a view child or attribute that follows the language:
/// `{text(|t| t.save)}`. Every call returns the same closure type, so the framework's rendering
/// code is compiled once for all of them rather than once per label (a `move || t().save`
/// closure is a type of its own each time).
pub fn text(pick: Pick) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let t = crate::i18n::texts();
    move || pick(t())
}

/// A translated text that follows the language, for a component's `Signal` prop:
/// `tr(|t| t.name)`.
pub fn tr(pick: Pick) -> Signal<&'static str> {
    let t = crate::i18n::texts();
    Signal::derive(move || pick(t()))
}

/// One option of a [`Choice`]: its value and its (translated) label.
#[derive(Clone)]
pub struct ChoiceOption {
    /// The value reported when chosen.
    pub value: String,
    /// What the user reads.
    pub label: Signal<String>,
}

impl ChoiceOption {
    /// An option with a fixed label.
    pub fn fixed(value: impl Into<String>, label: impl Into<String>) -> Self {
        let label: String = label.into();
        Self { value: value.into(), label: Signal::derive(move || label.clone()) }
    }

    /// An option whose label is one of the interface's strings.
    pub fn text(value: impl Into<String>, pick: Pick) -> Self {
        let t = crate::i18n::texts();
        Self { value: value.into(), label: Signal::derive(move || pick(t()).to_owned()) }
    }

    /// An option whose label is computed from the language.
    pub fn translated(
        value: impl Into<String>,
        label: impl Fn() -> String + Send + Sync + 'static,
    ) -> Self {
        Self { value: value.into(), label: Signal::derive(label) }
    }
}

/// A labelled `<select>`. Options may be grouped: `groups` of (group label, options); a group
/// with no label is listed without an `<optgroup>`.
#[component]
pub fn Choice(
    /// Element id and test id.
    #[prop(into)]
    id: String,
    /// The question.
    #[prop(into)]
    label: Signal<&'static str>,
    /// The chosen value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the newly chosen value.
    on_change: Callback<String>,
    /// The options, in groups.
    groups: Vec<(Option<Signal<&'static str>>, Vec<ChoiceOption>)>,
    /// Options that change over time (listed after `groups`).
    #[prop(optional)]
    dynamic: Option<Signal<Vec<ChoiceOption>>>,
) -> impl IntoView {
    // A memo, so each option re-checks its selection only when the value changes.
    let chosen = Memo::new(move |_| value.get());
    let option_view = move |o: ChoiceOption| {
        let v = o.value.clone();
        view! {
            <option value=o.value selected=move || chosen.with(|c| *c == v)>
                {move || o.label.get()}
            </option>
        }
    };
    let groups = groups
        .into_iter()
        .map(|(title, options)| {
            let options = options.into_iter().map(option_view).collect_view();
            match title {
                Some(title) => {
                    view! { <optgroup label=move || title.get()>{options}</optgroup> }.into_any()
                }
                None => options.into_any(),
            }
        })
        .collect_view();
    let dynamic =
        dynamic.map(|options| move || options.get().into_iter().map(option_view).collect_view());
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <select
                id=id.clone()
                data-testid=id
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                {groups}
                {dynamic}
            </select>
        </div>
    }
}

/// A labelled single-line text input, with its problem shown next to it.
#[component]
pub fn TextField(
    /// Element id and test id.
    #[prop(into)]
    id: String,
    /// The question.
    #[prop(into)]
    label: Signal<&'static str>,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with every change.
    on_change: Callback<String>,
    /// The problem with the current text, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let message_id = format!("{id}-message");
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{move || label.get()}</label>
            <input
                type="text"
                id=id.clone()
                data-testid=id.clone()
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=message_id.clone()
            />
            <p class="field-message" id=message_id>
                {move || error.get()}
            </p>
        </div>
    }
}

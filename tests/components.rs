//! Component tests in headless Chromium (wasm-bindgen-test): the app is mounted into a scratch
//! element and driven through real DOM events.
#![cfg(target_arch = "wasm32")]
// A DOM call that fails here is a failed test, so unwrapping is the right report.
#![allow(clippy::unwrap_used)]

use ai_footprint::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element, as on a first visit, and returns that element.
fn mount_app() -> HtmlElement {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let document = document();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), App).forget();
    root
}

fn by_test_id(root: &Element, id: &str) -> Element {
    root.query_selector(&format!("[data-testid='{id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid {id}"))
}

fn input(root: &Element, id: &str) -> HtmlInputElement {
    by_test_id(root, id).unchecked_into()
}

/// Sets an input's value and fires `input`, as typing or sliding does.
fn enter(field: &HtmlInputElement, value: &str) {
    field.set_value(value);
    field.dispatch_event(&Event::new("input").unwrap()).unwrap();
}

fn shown_value(root: &Element, id: &str) -> f64 {
    by_test_id(root, id).get_attribute("data-value").unwrap().parse().unwrap()
}

#[wasm_bindgen_test]
async fn moving_the_answer_length_slider_changes_the_energy() {
    let root = mount_app();
    let before = shown_value(&root, "energy-per-year");
    enter(&input(&root, "output-tokens-slider"), "1000");
    leptos::task::tick().await;
    let after = shown_value(&root, "energy-per-year");
    assert!(after > before, "energy should rise: {before} → {after}");
    assert_eq!(input(&root, "output-tokens-input").value(), "1000");
}

#[wasm_bindgen_test]
async fn typing_a_number_updates_the_slider_and_results() {
    let root = mount_app();
    let before = shown_value(&root, "energy-per-year");
    enter(&input(&root, "requests-per-day-input"), "20,000");
    leptos::task::tick().await;
    let ratio = shown_value(&root, "energy-per-year") / before;
    assert!((ratio - 2.0).abs() < 1e-9, "twice the requests, twice the energy: {ratio}");
    let slider_position: f64 = input(&root, "requests-per-day-slider").value().parse().unwrap();
    assert!(slider_position > 0.0);
}

#[wasm_bindgen_test]
async fn a_bad_typed_value_shows_an_inline_message_instead_of_a_wrong_number() {
    let root = mount_app();
    let good = by_test_id(&root, "energy-per-year").text_content().unwrap();
    let field = input(&root, "requests-per-day-input");

    enter(&field, "ten thousand");
    leptos::task::tick().await;
    let message = by_test_id(&root, "requests-per-day-message").text_content().unwrap();
    assert!(message.contains("Not a number"), "{message}");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(field.value(), "ten thousand", "what the user typed stays for them to fix");
    assert_eq!(by_test_id(&root, "energy-per-year").text_content().unwrap(), good);

    enter(&field, "1e15");
    leptos::task::tick().await;
    let message = by_test_id(&root, "requests-per-day-message").text_content().unwrap();
    assert!(message.contains("at most"), "{message}");
    assert_eq!(by_test_id(&root, "energy-per-year").text_content().unwrap(), good);
    assert!(by_test_id(&root, "stale-notice").text_content().unwrap().contains("last valid"));

    enter(&field, "500");
    leptos::task::tick().await;
    assert_eq!(by_test_id(&root, "requests-per-day-message").text_content().unwrap(), "");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert_ne!(by_test_id(&root, "energy-per-year").text_content().unwrap(), good);
}

#[wasm_bindgen_test]
async fn the_8b_chat_request_shows_the_paper_golden_energy() {
    let root = mount_app();
    let radio = input(&root, "model-8B");
    radio.set_checked(true);
    radio.dispatch_event(&Event::new("change").unwrap()).unwrap();
    leptos::task::tick().await;
    // docs/methodology.md §2: 8B chat, 9.31e-5 kWh per request.
    let per_request = shown_value(&root, "energy-per-request");
    assert_eq!(format!("{per_request:.2e}"), "9.31e-5");
}

fn rows(root: &Element) -> Vec<Element> {
    let list = root.query_selector_all("[data-testid='use-case-row']").unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn row_names(root: &Element) -> Vec<String> {
    rows(root)
        .iter()
        .map(|row| row.query_selector(".row-name").unwrap().unwrap().text_content().unwrap())
        .collect()
}

fn click(element: &Element) {
    element.unchecked_ref::<HtmlElement>().click();
}

fn click_in(row: &Element, id: &str) {
    click(&row.query_selector(&format!("[data-testid='{id}']")).unwrap().unwrap());
}

#[wasm_bindgen_test]
async fn starters_add_use_cases_and_rows_can_be_duplicated_moved_removed_and_restored() {
    let root = mount_app();
    assert_eq!(row_names(&root), ["Customer-support chatbot"]);
    click(&by_test_id(&root, "preset-fraud_detection"));
    click(&by_test_id(&root, "preset-coding_assistant"));
    leptos::task::tick().await;
    assert_eq!(
        row_names(&root),
        ["Customer-support chatbot", "Fraud-detection model", "Coding assistant"]
    );

    click_in(&rows(&root)[1], "duplicate");
    leptos::task::tick().await;
    assert_eq!(row_names(&root)[2], "Fraud-detection model (copy)");

    let before = shown_value(&root, "carbon-per-year");
    click_in(&rows(&root)[0], "remove");
    leptos::task::tick().await;
    assert_eq!(rows(&root).len(), 3);
    assert!(shown_value(&root, "carbon-per-year") < before);
    assert!(by_test_id(&root, "undo-notice").text_content().unwrap().contains("Removed"));
    click(&by_test_id(&root, "undo"));
    leptos::task::tick().await;
    assert_eq!(row_names(&root)[0], "Customer-support chatbot");
    assert_eq!(shown_value(&root, "carbon-per-year"), before);

    let down = rows(&root)[0].query_selector("button[title='Move down']").unwrap().unwrap();
    click(&down);
    leptos::task::tick().await;
    assert_eq!(&row_names(&root)[..2], ["Fraud-detection model", "Customer-support chatbot"]);
}

#[wasm_bindgen_test]
async fn changing_the_kind_of_a_use_case_shows_its_own_fields_and_messages() {
    let root = mount_app();
    let kind: web_sys::HtmlSelectElement = by_test_id(&root, "kind").unchecked_into();
    // The bug this pins: the cost choices were read once, so an open use case switched to
    // an LLM was never offered API prices (and one switched away kept them).
    let api_offered = |root: &HtmlElement| {
        root.query_selector("#cost-basis option[value='api_tokens']").unwrap().is_some()
    };
    assert!(api_offered(&root));
    kind.set_value("task");
    kind.dispatch_event(&Event::new("change").unwrap()).unwrap();
    leptos::task::tick().await;
    assert!(!api_offered(&root), "token prices need an LLM");
    kind.set_value("llm");
    kind.dispatch_event(&Event::new("change").unwrap()).unwrap();
    leptos::task::tick().await;
    assert!(api_offered(&root), "offered again once it is an LLM");
    kind.set_value("training");
    kind.dispatch_event(&Event::new("change").unwrap()).unwrap();
    leptos::task::tick().await;
    assert!(root.query_selector("[data-testid='output-tokens']").unwrap().is_none());
    let tokens = input(&root, "training-tokens-input");
    enter(&tokens, "-1");
    leptos::task::tick().await;
    let message = by_test_id(&root, "training-tokens-message").text_content().unwrap();
    assert_eq!(message, "Must be at least 0.");
    enter(&tokens, "100");
    leptos::task::tick().await;
    assert_eq!(by_test_id(&root, "training-tokens-message").text_content().unwrap(), "");
    assert!(shown_value(&root, "energy-per-year") > 0.0);
}

#[wasm_bindgen_test]
async fn a_link_made_before_ids_existed_opens_with_ids_and_its_lever_on_the_same_use_case() {
    // File format 1, compressed as the app then did: a lever on the second use case by index.
    const V1_LINK: &str = "#p=jY1LCsJAEESvIrUexAQUnJ1ewaWE0CaNCZlMwnwiEvruMhj8bMRVVxW81zN81XBP5cTOt4OFzhQs9QyNU0OO61VrV_km30HBcwitvXroGYYTAX1eYtqqGMoxMnS2zkQhei4r8qlL8dGf1PLkAIXb4DozUJ0cgXz3vgh0iYYcRBSmwcTEzBjZlXcm9523IqJe4uNvsTXjX9K9iBTyAA";
    let portfolio = ai_footprint::share::decode(V1_LINK).await.unwrap().unwrap();
    assert_eq!(portfolio.schema_version, engine::portfolio::SCHEMA_VERSION);
    let ids: Vec<&str> = portfolio.use_cases.iter().map(|uc| uc.id.as_str()).collect();
    assert_eq!(ids, ["1", "2"]);
    let target = portfolio.settings.levers[0].use_case.as_ref().map(|id| id.as_str());
    assert_eq!(target, Some("2"), "the lever stays on the use case it named");
    assert!(engine::resolve(&portfolio).is_ok());
}

#[wasm_bindgen_test]
async fn share_links_round_trip_through_the_browser_compression() {
    let portfolio =
        engine::Portfolio::of(engine::presets::presets().into_iter().map(|p| p.use_case).collect());
    let fragment = ai_footprint::share::encode(&portfolio).await.unwrap();
    // Compact JSON, deflated, then base64: well under half the JSON's length.
    assert!(
        fragment.len() < engine::format::to_json(&portfolio).len() / 2,
        "{} bytes",
        fragment.len()
    );
    assert_eq!(ai_footprint::share::decode(&fragment).await, Some(Ok(portfolio)));
    let damaged = &fragment[..fragment.len() - 10];
    assert!(matches!(ai_footprint::share::decode(damaged).await, Some(Err(_))));
}

#[wasm_bindgen_test]
async fn the_decision_figures_follow_the_portfolio_and_keep_their_last_value_on_bad_input() {
    let root = mount_app();
    let saiq = shown_value(&root, "saiq-portfolio");
    assert!(saiq.is_finite() && saiq > 0.0, "{saiq}");
    // The drivers of the change are in kgCO2e, so they scale with the footprint (the chart is
    // drawn relative to its largest value and would not show it).
    let drivers = || by_test_id(&root, "drivers").text_content().unwrap();
    let before = drivers();

    enter(&input(&root, "requests-per-day-input"), "20000");
    leptos::task::tick().await;
    assert_ne!(drivers(), before, "the projection follows the footprint");
    let doubled = drivers();

    // A refused value leaves every decision figure as it was.
    enter(&input(&root, "requests-per-day-input"), "-5");
    leptos::task::tick().await;
    assert_eq!(drivers(), doubled);
    assert_eq!(shown_value(&root, "saiq-portfolio"), saiq, "SAIQ is per unit: volume-free");
}

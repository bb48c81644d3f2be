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

/// Mounts the app into a fresh element and returns that element.
fn mount_app() -> HtmlElement {
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
    // METHODOLOGY.md §2.1(a): 8B chat, 9.31e-5 kWh per request.
    let per_request = shown_value(&root, "energy-per-request");
    assert_eq!(format!("{per_request:.2e}"), "9.31e-5");
}

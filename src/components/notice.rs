//! The message bar (what just happened), the undo of the last removal or change, and the
//! question asked when a file or link brings a portfolio the library already has.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::controls::text;
use crate::autosave::Autosave;
use crate::i18n::{texts, Pick};
use crate::state::{PortfolioCtx, Settle};

/// What a button of a bar does.
#[derive(Clone, Copy)]
enum Action {
    DismissNotice,
    Undo,
    DismissUndo,
    Settle(Settle),
    Update,
    DismissUpdate,
}

/// One bar: its text, whether it reports a problem, its test id and its buttons (label, test
/// id, action). One view for all three bars keeps the download small.
struct Bar {
    text: String,
    /// Text to copy by hand, in a read-only box.
    to_copy: Option<String>,
    is_error: bool,
    test_id: &'static str,
    buttons: &'static [(Pick, &'static str, Action)],
}

const NOTICE_BUTTONS: &[(Pick, &str, Action)] =
    &[(|t| t.dismiss, "dismiss-notice", Action::DismissNotice)];
const UNDO_BUTTONS: &[(Pick, &str, Action)] =
    &[(|t| t.undo, "undo", Action::Undo), (|t| t.dismiss, "dismiss-undo", Action::DismissUndo)];
const ARRIVAL_BUTTONS: &[(Pick, &str, Action)] = &[
    (|t| t.arrival_open_existing, "arrival-open", Action::Settle(Settle::OpenExisting)),
    (|t| t.arrival_replace, "arrival-replace", Action::Settle(Settle::Replace)),
    (|t| t.arrival_keep_both, "arrival-keep-both", Action::Settle(Settle::KeepBoth)),
];
const UPDATE_BUTTONS: &[(Pick, &str, Action)] = &[
    (|t| t.update_now, "update-now", Action::Update),
    (|t| t.dismiss, "dismiss-update", Action::DismissUpdate),
];

/// Shows the current notice, the undo step and a waiting question, each with its own
/// buttons: a later message leaves the undo in place.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    let act = move |action: Action| match action {
        Action::DismissNotice => ctx.dismiss_notice(),
        Action::Undo => {
            if let Err(full) = ctx.undo() {
                ctx.tell_full(full);
            }
        }
        Action::DismissUndo => ctx.dismiss_undo(),
        Action::Settle(choice) => ctx.settle(choice, t().arrival_replaced),
        Action::Update => {
            // Everything saved first: the page reloads as soon as the new version takes over.
            if let Some(saving) = use_context::<Autosave>() {
                saving.save(ctx);
            }
            crate::browser::take_update();
        }
        Action::DismissUpdate => ctx.set_update_ready(false),
    };
    // Undo from the keyboard in one step, wherever focus is: Ctrl+Z (⌘Z on a Mac), except in
    // a text box, where it undoes typing as everywhere else.
    let undo_keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let undo_key = ev.key().eq_ignore_ascii_case("z") && (ev.ctrl_key() || ev.meta_key());
        if !undo_key || ev.shift_key() || ev.alt_key() || crate::browser::typing_in_a_field() {
            return;
        }
        if ctx.undo_text().is_some() {
            ev.prevent_default();
            act(Action::Undo);
        }
    });
    on_cleanup(move || undo_keys.remove());
    let bars = move || {
        let notice = ctx.notice().map(|n| Bar {
            text: n.text,
            to_copy: n.to_copy,
            is_error: n.is_error,
            test_id: "notice",
            buttons: NOTICE_BUTTONS,
        });
        let undo = ctx.undo_text().map(|text| Bar {
            text,
            to_copy: None,
            is_error: false,
            test_id: "undo-notice",
            buttons: UNDO_BUTTONS,
        });
        let arrival = ctx.arrival_name().map(|name| Bar {
            text: (t().arrival_known)(&name),
            to_copy: None,
            is_error: false,
            test_id: "arrival",
            buttons: ARRIVAL_BUTTONS,
        });
        let update = ctx.update_ready().then(|| Bar {
            text: t().update_ready.to_owned(),
            to_copy: None,
            is_error: false,
            test_id: "update-ready",
            buttons: UPDATE_BUTTONS,
        });
        [update, notice, undo, arrival]
            .into_iter()
            .flatten()
            .map(move |bar| {
                let buttons = bar
                    .buttons
                    .iter()
                    .map(|&(label, test_id, action)| {
                        view! {
                            <button
                                type="button"
                                class:link-button=matches!(
                                    action,
                                    Action::DismissNotice
                                    | Action::DismissUndo
                                    | Action::DismissUpdate
                                )
                                data-testid=test_id
                                aria-keyshortcuts=matches!(action, Action::Undo)
                                    .then_some("Control+Z Meta+Z")
                                on:click=move |_| act(action)
                            >
                                {text(label)}
                            </button>
                        }
                    })
                    .collect_view();
                view! {
                    <div
                        class="notice"
                        class:error=bar.is_error
                        role=if bar.is_error { "alert" } else { "status" }
                        data-testid=bar.test_id
                    >
                        <p>{bar.text}</p>
                        {bar.to_copy.map(|text| view! { <CopyBox text=text /> })}
                        {buttons}
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <div class="notice-region" aria-live="polite">
            {bars}
        </div>
    }
}

/// Text to copy by hand (a link the clipboard refused): read-only, and selected whenever it
/// is focused (the code that shows it focuses it, once), so one copy command takes it.
#[component]
fn CopyBox(text: String) -> impl IntoView {
    view! {
        <input
            type="text"
            class="copy-box"
            readonly
            prop:value=text
            aria-label=move || texts()().share_link
            data-testid="copy-box"
            on:focus=|ev| {
                if let Some(input) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    input.select();
                }
            }
        />
    }
}

//! The message bar: what just happened, with an undo after a removal.

use leptos::prelude::*;

use super::controls::text;
use crate::state::PortfolioCtx;

/// Shows the current notice, if any.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let notice = move || ctx.notice.get();
    view! {
        <div class="notice-region" aria-live="polite">
            {move || {
                notice()
                    .map(|n| {
                        let has_undo = n.undo.is_some();
                        view! {
                            <div
                                class="notice"
                                class:error=n.is_error
                                role=if n.is_error { "alert" } else { "status" }
                                data-testid="notice"
                            >
                                <p>{n.text}</p>
                                <Show when=move || has_undo>
                                    <button type="button" data-testid="undo" on:click=move |_| ctx.undo()>
                                        {text(|t| t.undo)}
                                    </button>
                                </Show>
                                <button type="button" class="link-button" on:click=move |_| ctx.notice.set(None)>
                                    {text(|t| t.dismiss)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

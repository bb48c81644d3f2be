//! What is saved in this browser: the indicator beside the title, and the copies of data
//! that could not be read, with the ways back.

use leptos::prelude::*;

use super::controls::text;
use super::toolbar::export_portfolio;
use crate::autosave::{size_text, Autosave};
use crate::browser;
use crate::i18n::{locale, texts};
use crate::state::{PortfolioCtx, SaveStatus};
use crate::storage::{nearly_full, QUOTA_CHARS};

/// Saved, saving, or not saved and why; with an export when work is at risk.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    let status = move || ctx.save_status();
    // Opened from a file: the work is in this browser, not in the file, which says so and
    // offers a file to keep.
    let file_page = browser::is_file_page();
    let label = move || match status() {
        SaveStatus::Saved { used_chars } if nearly_full(used_chars) => {
            (t().nearly_full)(&size_text(used_chars), &size_text(QUOTA_CHARS))
        }
        SaveStatus::Saved { .. } if file_page => t().save_saved_file.to_owned(),
        SaveStatus::Saved { .. } => t().save_saved.to_owned(),
        SaveStatus::Pending => t().save_pending.to_owned(),
        SaveStatus::Unavailable(_) => t().save_unavailable.to_owned(),
        SaveStatus::Failed { .. } => t().save_failed.to_owned(),
    };
    let warn = move || match status() {
        SaveStatus::Saved { used_chars } => nearly_full(used_chars),
        other => other.is_unsaved(),
    };
    let title = move || match status() {
        SaveStatus::Unavailable(why) | SaveStatus::Failed { why, .. } => why,
        _ => String::new(),
    };
    let unsaved = move || file_page || status().is_unsaved();
    view! {
        <p
            class="save-status"
            class:warn=warn
            role="status"
            data-testid="save-status"
            data-state=move || match status() {
                SaveStatus::Saved { .. } => "saved",
                SaveStatus::Pending => "pending",
                SaveStatus::Unavailable(_) => "unavailable",
                SaveStatus::Failed { .. } => "failed",
            }
            title=title
        >
            {label}
            // Work at risk: the way to keep it, right where it is said.
            <Show when=unsaved>
                " "
                <button
                    type="button"
                    data-testid="save-status-export"
                    on:click=move |_| export_portfolio(ctx)
                >
                    {move || if file_page { t().save_to_file } else { t().export_json }}
                </button>
            </Show>
        </p>
    }
}

/// The kept-aside copies, each with "restore", "download" and "delete"; shown only when
/// there are any.
#[component]
pub fn SavedData() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let saving = Autosave::expect();
    let locale = locale();
    let any = move || saving.with_aside(|a| !a.is_empty());
    let items = move || {
        let tag = locale().tag();
        saving.with_aside(|all| {
            all.iter()
                .map(|a| {
                    let (key, data) = (a.key.clone(), a.text.clone());
                    let when = browser::local_date_time(a.at_ms, tag);
                    let from = a.from.trim_start_matches(crate::storage::PREFIX).to_owned();
                    let label = (texts()().aside_item)(&from, &when);
                    let (restore_key, forget_key) = (key.clone(), key.clone());
                    let download = move |_| {
                        let name = format!("ai-footprint-kept-aside-{}.txt", browser::today_iso());
                        if let Err(e) = browser::download(&name, "text/plain", &data) {
                            ctx.tell((texts()().download_failed)(&e), true);
                        }
                    };
                    view! {
                        <li data-testid="aside-item">
                            <span>{label}</span>
                            <span class="buttons">
                                <button
                                    type="button"
                                    data-testid="aside-restore"
                                    on:click=move |_| {
                                        saving.restore(ctx, &restore_key);
                                    }
                                >
                                    {text(|t| t.restore)}
                                </button>
                                <button
                                    type="button"
                                    data-testid="aside-download"
                                    on:click=download
                                >
                                    {text(|t| t.download)}
                                </button>
                                <button
                                    type="button"
                                    class="danger"
                                    data-testid="aside-delete"
                                    on:click=move |_| saving.forget(&forget_key)
                                >
                                    {text(|t| t.delete)}
                                </button>
                            </span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=any>
            <section
                class="saved-data panel"
                aria-labelledby="saved-data-title"
                data-testid="saved-data"
            >
                <h2 id="saved-data-title">{text(|t| t.saved_data)}</h2>
                <p class="hint">{text(|t| t.saved_data_hint)}</p>
                <ul class="aside-list">{items}</ul>
            </section>
        </Show>
    }
}

//! AI Footprint in the browser: the Leptos app around the engine.
//!
//! Components read the shared [`state::PortfolioCtx`] and call the engine; no footprint
//! arithmetic happens here.

pub mod autosave;
pub mod browser;
pub mod components;
pub mod format;
pub mod i18n;
pub mod share;
pub mod state;
pub mod storage;

pub use components::app::App;

//! AI Footprint in the browser: the Leptos app around the engine.
//!
//! Components read the shared [`state::PortfolioCtx`] and call the engine; no footprint
//! arithmetic happens here.

pub mod components;
pub mod format;
pub mod state;

pub use components::app::App;

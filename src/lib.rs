//! The Japan–NATO chronology explorer.
//!
//! `core` is pure Rust (no web-sys, no Yew) and is tested natively; `ui` is the thin Yew layer
//! that renders from one reducer and calls the core for everything it shows.

pub mod core;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;

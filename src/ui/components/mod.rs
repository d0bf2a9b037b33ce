//! The views: one function component per file, rendering from props and dispatching actions.
//! Components call the core for what they show and the adapters for browser effects; they never
//! change the state themselves.

pub mod chips;
pub mod detail;
pub mod dialogs;
pub mod event_list;
pub mod exports;
pub mod facets;
pub mod footer;
pub mod header;
pub mod import_panel;
pub mod moment;
pub mod notices;
pub mod overview;
pub mod print_list;
pub mod rich;
pub mod rows;
pub mod search;
pub mod story;
pub mod swatch;
pub mod timeline;

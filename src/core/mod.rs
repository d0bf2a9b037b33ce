//! The pure core: no web-sys, no Yew. Every module here is tested with native `cargo test`.

pub mod dataset;
pub mod date;
pub mod import;
pub mod layout;
pub mod notices;
pub mod palette;
pub mod query;
pub mod rich_text;
pub mod saved;
pub mod scale;
pub mod scene;
pub mod synthetic;
pub mod text;
pub mod url_state;
pub mod viewport;

//! The pure core: no web-sys, no Yew. Every module here is tested with native `cargo test`.

pub mod cite;
pub mod dataset;
pub mod date;
pub mod describe;
pub mod edtf;
pub mod gesture;
pub mod grouping;
pub mod import;
pub mod keys;
pub mod layout;
pub mod notices;
pub mod overview;
pub mod palette;
pub mod png;
pub mod priority;
pub mod query;
pub mod rich_text;
pub mod saved;
pub mod scale;
pub mod scene;
pub mod shape;
pub mod story;
pub mod synthetic;
pub mod text;
pub mod url_state;
pub mod viewport;

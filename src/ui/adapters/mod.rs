//! The browser at the edge: storage, the address bar and history, file reading and loading,
//! downloads, the clipboard, measuring text, timing, the keyboard's place (focus), and the page's
//! environment (theme, motion).
//! Adapters depend on the store and the core, never on the components.

pub mod boot;
pub mod clipboard;
pub mod download;
pub mod environment;
pub mod exports;
pub mod files;
pub mod focus;
pub mod history;
pub mod import_worker;
pub mod keys;
pub mod measure;
pub mod paint;
pub mod paint_worker;
pub mod panic;
pub mod snapshot;
pub mod sprites;
pub mod storage;
pub mod style;
pub mod timing;
pub mod worker;

//! Parsing and checking an imported file off the main thread: in a Web Worker that runs this same
//! wasm, so that the page stays responsive while a big file imports, shows how far it has got,
//! and can stop it (*Cancel*, or a newer load, terminates the worker).
//!
//! The worker's script is `scripts/worker.js`, written into `dist/` by `scripts/csp-loader.mjs`
//! with the name of the page's JS glue, and named by the page's `<meta name="worker">` (see
//! `adapters::worker`). The page starts it with the wasm module it runs itself (nothing is
//! fetched or compiled again), and its role; the script instantiates it and calls
//! [`import_worker`], which answers `ready`. The page then transfers the file's bytes; the worker
//! runs [`import::import`] and posts back either the problems, or the chronology as JSON in
//! chunks of events (each a transferred buffer that the page reads in a task of its own), then
//! the envelope that keeps it in the browser, made while the page shows the chronology. Where no
//! worker starts (the single-file build opened from disk, a browser without module workers, a
//! policy that refuses it), the file is parsed on the main thread as before: nothing is lost but
//! the page's responsiveness meanwhile.
//!
//! Messages are plain objects, `{ kind, … }`: from the page, `{ bytes, name, skipBad, keep }`,
//! then perhaps `write`; from the worker, `ready`, `unavailable` (`reason`), `parsing`, `failed`
//! (the failure's fields, and the file's `bytes` back when its good records can be imported),
//! `imported` (the outline, `data`: the chronology without its events), `events` (`data`: a
//! JSON array of the next events), then `kept` (`data`: the envelope as a string, `bytes`: its
//! length in UTF-8) for an envelope small enough for localStorage, or else `keeping` (`bytes`):
//! the worker keeps it until the page says `write`, writes it into IndexedDB, and answers
//! `written` (`ok`, and the `reason` when it could not).
//!
//! At the next visit, the chronology kept in IndexedDB comes back the same way: the page sends
//! `restore`; the worker reads the envelope, checks it, and answers `imported` (with the `name`
//! of the file it came from) and `events` as for a file, or `discarded` (`reason`) when it
//! cannot be read.
//! JSON is read back through `serde_json::Value`, as stored chronologies are, so that the bundle
//! holds no second copy of the schema's deserialisers.

mod page;
mod worker;

pub use page::{parse, restore, Job, Outcome, Restored};
pub use worker::import_worker;

use super::storage::{self, Envelope};
use super::timing::{Ticket, LOADS, SAVES};
use crate::core::dataset::{Chronology, Event};
use crate::core::import::{self, Format, ImportFailure, ImportProblem, Imported};
use crate::store::{Action, Progress, Unit};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// Events per message from the worker: the page reads each chunk in a task of its own, well
/// under the 50 ms of a long task.
const CHUNK_EVENTS: usize = 4_000;

/// How long a worker may take to start before the file is parsed on the main thread instead.
const START_MS: u32 = 15_000;

/// The progress bar follows the events received at most this often (each update renders the
/// page).
const PROGRESS_MS: f64 = 250.0;

// ---------------------------------------------------------------------------------------------
// Messages.

fn message(kind: &str) -> Object {
    let message = Object::new();
    set(&message, "kind", kind);
    message
}

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(object, &key.into(), &value.into());
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or_default()
}

fn get_string(object: &JsValue, key: &str) -> Option<String> {
    get(object, key).as_string()
}

fn get_count(object: &JsValue, key: &str) -> usize {
    get(object, key).as_f64().unwrap_or(0.0) as usize
}

fn problems_to_js(problems: Vec<ImportProblem>) -> Array {
    problems
        .into_iter()
        .map(|p| Array::of2(&p.location.into(), &p.message.into()))
        .collect()
}

fn problems_from_js(problems: &JsValue) -> Vec<ImportProblem> {
    let Some(problems) = problems.dyn_ref::<Array>() else {
        return Vec::new();
    };
    problems
        .iter()
        .map(|p| ImportProblem {
            location: Reflect::get_u32(&p, 0)
                .ok()
                .and_then(|l| l.as_string())
                .unwrap_or_default(),
            message: Reflect::get_u32(&p, 1)
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default(),
        })
        .collect()
}

/// The bytes of `json` in a buffer of their own, to transfer.
fn buffer(json: &[u8]) -> ArrayBuffer {
    Uint8Array::from(json).buffer()
}

/// JSON the worker made, from a transferred buffer.
fn read<T: serde::de::DeserializeOwned>(data: &JsValue) -> Option<T> {
    let bytes = Uint8Array::new(data.dyn_ref::<ArrayBuffer>()?).to_vec();
    let value: serde_json::Value = serde_json::from_str(std::str::from_utf8(&bytes).ok()?).ok()?;
    drop(bytes);
    T::deserialize(&value).ok()
}

// ---------------------------------------------------------------------------------------------
// In the worker.

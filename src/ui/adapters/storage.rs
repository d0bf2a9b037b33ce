//! Keeping an imported chronology and its last view across visits: in localStorage when small,
//! in IndexedDB when large. Whatever is stored is read back with care (see `core::saved`), and
//! a full storage is reported rather than breaking anything.

use super::timing::SAVES;
use crate::core::saved::{self, Saved};
pub use crate::store::boot::Stored;
use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The imported chronology (the envelope itself, or [`IN_INDEXED_DB`]).
const DATASET_KEY: &str = "japan-nato-explorer.dataset";
/// The last view of the imported chronology, as a query string.
const VIEW_KEY: &str = "japan-nato-explorer.view";
/// Set (in this tab's session storage) while the built-in chronology is shown by going Back
/// from the imported one: a reload of the bare address then opens the built-in chronology, not
/// the import (which stays kept, for Forward and for the next visit).
const BUILTIN_KEY: &str = "japan-nato-explorer.builtin-shown";
/// Marks that the envelope is in IndexedDB.
const IN_INDEXED_DB: &str = "indexeddb";
/// Envelopes up to this many characters go to localStorage (whose quota is ~5 M characters).
pub(super) const LOCAL_STORAGE_LIMIT: usize = 1_500_000;
const DB_NAME: &str = "japan-nato-explorer";
const DB_STORE: &str = "datasets";

pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The item `key` of `storage`, if there is one.
pub fn item(storage: Option<web_sys::Storage>, key: &str) -> Option<String> {
    storage?.get_item(key).ok().flatten()
}

/// What localStorage says about an imported chronology.
pub fn stored() -> Stored {
    let Some(storage) = local_storage() else {
        return Stored::Nothing;
    };
    match storage.get_item(DATASET_KEY) {
        Ok(None) => {
            // A copy in IndexedDB that nothing points to (its pointer could not be written) can
            // never be read: it goes.
            delete_database();
            Stored::Nothing
        }
        Err(_) => Stored::Nothing,
        Ok(Some(text)) if text == IN_INDEXED_DB => Stored::InIndexedDb,
        Ok(Some(text)) => match saved::decode(&text) {
            Ok(s) => Stored::Here(Box::new(s)),
            Err(reason) => {
                forget();
                Stored::Discarded(discarded(&reason))
            }
        },
    }
}

fn discarded(reason: &str) -> String {
    format!("The imported chronology kept in this browser was discarded: {reason}. The Japan–NATO chronology is shown instead.")
}

/// The envelope kept in IndexedDB.
pub async fn load_from_indexed_db() -> Result<Saved, String> {
    let value = async {
        let db = open_db().await?;
        let value = async {
            let store = db.transaction_with_str(DB_STORE)?.object_store(DB_STORE)?;
            let request = store.get(&JsValue::from_str(DATASET_KEY))?;
            settle(&request, "success", &["error"]).await
        }
        .await;
        db.close();
        value
    }
    .await
    .map_err(|e| {
        // Unreadable (e.g. a database of a newer version): forgotten, so that the next visit
        // does not try and report it again.
        forget();
        discarded(&format!("it could not be read ({})", describe(&e)))
    })?;
    let text = value;
    match text.as_string() {
        Some(text) => saved::decode(&text).map_err(|reason| {
            forget();
            discarded(&reason)
        }),
        None => {
            forget();
            Err(discarded(if text.is_undefined() || text.is_null() {
                "it is missing"
            } else {
                "it is not what the explorer keeps (not text)"
            }))
        }
    }
}

/// The envelope of a chronology to keep ([`saved::encode`]): made here, or by the import worker
/// (a JS string, so that a big one never passes through the page's wasm memory), or kept by the
/// worker itself, which writes it into IndexedDB when told to (a big one then never passes
/// through the page at all: receiving it and cloning it into IndexedDB took the main thread
/// 50 and 120 ms at 300,000 events).
pub enum Envelope {
    Here(String),
    Js {
        text: js_sys::JsString,
        /// Its length in bytes of UTF-8 (what [`saved::MAX_SAVED_BYTES`] counts).
        bytes: usize,
    },
    /// Over [`LOCAL_STORAGE_LIMIT`]; `write` puts it in IndexedDB; `stop` stops the worker
    /// (a newer save or a Restore does, so that an older envelope never lands after it).
    InWorker {
        bytes: usize,
        write: std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), JsValue>>>>,
        stop: Option<Box<dyn FnOnce()>>,
    },
}

impl Envelope {
    fn bytes(&self) -> usize {
        match self {
            Envelope::Here(text) => text.len(),
            Envelope::Js { bytes, .. } | Envelope::InWorker { bytes, .. } => *bytes,
        }
    }
}

/// Keeps an imported chronology; the error explains why it could not be kept (the page keeps
/// working either way).
pub async fn save(
    name: &str,
    format: &str,
    chronology: &crate::core::dataset::Chronology,
) -> Result<(), String> {
    save_envelope(Envelope::Here(saved::encode(name, format, chronology))).await
}

/// Keeps an imported chronology's envelope (see [`save`]).
pub async fn save_envelope(mut envelope: Envelope) -> Result<(), String> {
    // A save that finishes after a newer one began (or after a Restore) does not write its
    // marker; a worker still writing is stopped.
    let ticket = SAVES.with(|s| s.begin());
    if let Envelope::InWorker { stop, .. } = &mut envelope {
        if let Some(stop) = stop.take() {
            SAVES.with(|s| s.on_abort(ticket, stop));
        }
    }
    let result = save_envelope_now(envelope, ticket).await;
    SAVES.with(|s| s.finish(ticket));
    result
}

async fn save_envelope_now(
    envelope: Envelope,
    ticket: super::timing::Ticket,
) -> Result<(), String> {
    if envelope.bytes() > saved::MAX_SAVED_BYTES {
        forget_now();
        return Err(not_kept("it is too large to keep in the browser"));
    }
    let storage = local_storage().ok_or_else(|| not_kept("this browser offers no storage"))?;
    let _ = storage.remove_item(VIEW_KEY);
    let text = match &envelope {
        Envelope::Here(text) => Some(std::borrow::Cow::Borrowed(text.as_str())),
        Envelope::Js { text, .. } => Some(std::borrow::Cow::Owned(String::from(text))),
        Envelope::InWorker { .. } => None,
    };
    if let Some(text) = text.filter(|_| envelope.bytes() <= LOCAL_STORAGE_LIMIT) {
        match storage.set_item(DATASET_KEY, &text) {
            Ok(()) => return Ok(()),
            Err(e) if !is_quota(&e) => return Err(not_kept(&describe(&e))),
            // Full: try IndexedDB, which has far more room.
            Err(_) => {}
        }
    }
    let result = match envelope {
        Envelope::Here(text) => put_envelope(&JsValue::from_str(&text)).await,
        Envelope::Js { text, .. } => put_envelope(&text.into()).await,
        Envelope::InWorker { write, .. } => write.await,
    };
    if !SAVES.with(|s| s.is_current(ticket)) {
        // A newer import or a Restore came meanwhile: it decides what is kept.
        return Ok(());
    }
    match result {
        Ok(()) => storage.set_item(DATASET_KEY, IN_INDEXED_DB).map_err(|e| {
            // Without its pointer the copy could never be read again: it goes.
            let _ = storage.remove_item(DATASET_KEY);
            delete_database();
            not_kept(&describe(&e))
        }),
        Err(e) => {
            let _ = storage.remove_item(DATASET_KEY);
            Err(not_kept(&describe(&e)))
        }
    }
}

/// Writes an envelope into IndexedDB (from the page, or from the import worker, which has it).
pub async fn put_envelope(text: &JsValue) -> Result<(), JsValue> {
    let db = open_db().await?;
    let done = async {
        let transaction =
            db.transaction_with_str_and_mode(DB_STORE, web_sys::IdbTransactionMode::Readwrite)?;
        transaction
            .object_store(DB_STORE)?
            .put_with_key(text, &JsValue::from_str(DATASET_KEY))?;
        settle(&transaction, "complete", &["error", "abort"]).await
    }
    .await;
    db.close();
    done.map(|_| ())
}

fn not_kept(reason: &str) -> String {
    format!(
        "The imported chronology is shown, but it could not be kept for your next visit: {reason}."
    )
}

/// Forgets any imported chronology (back to the built-in one).
pub fn forget() {
    SAVES.with(|s| s.begin());
    forget_now();
}

fn forget_now() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(DATASET_KEY);
        let _ = storage.remove_item(VIEW_KEY);
    }
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(BUILTIN_KEY);
    }
    delete_database();
}

/// Deletes the IndexedDB copy, if any.
fn delete_database() {
    if let Some(factory) = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()) {
        let _ = factory.delete_database(DB_NAME);
    }
}

/// Remembers the imported chronology's view (a query string).
pub fn save_view(query: &str) {
    if let Some(storage) = local_storage() {
        // Not remembering a view is harmless.
        let _ = storage.set_item(VIEW_KEY, query);
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// Remembers, for this tab, whether the built-in chronology was last shown by going Back from
/// the import.
pub fn set_builtin_shown(shown: bool) {
    if let Some(storage) = session_storage() {
        // Not remembering it only means a bare address opens the import again.
        let _ = if shown {
            storage.set_item(BUILTIN_KEY, "1")
        } else {
            storage.remove_item(BUILTIN_KEY)
        };
    }
}

/// Whether this browser keeps an imported chronology (without reading it).
pub fn has_kept() -> bool {
    item(local_storage(), DATASET_KEY).is_some()
}

/// Whether, in this tab, the built-in chronology was last shown by going Back from the import.
pub fn builtin_shown() -> bool {
    item(session_storage(), BUILTIN_KEY).is_some()
}

/// The remembered view of the imported chronology.
pub fn stored_view() -> Option<String> {
    item(local_storage(), VIEW_KEY)
}

fn is_quota(e: &JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>()
        .is_some_and(|d| d.name() == "QuotaExceededError" || d.code() == 22)
}

/// A short, readable account of a JS error.
pub fn describe(e: &JsValue) -> String {
    if is_quota(e) {
        return "the browser's storage for this site is full".into();
    }
    // Without a closing full stop: the description is part of a sentence.
    let text = if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", d.name(), d.message())
    } else if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        String::from(err.message())
    } else {
        e.as_string().unwrap_or_else(|| "an unknown error".into())
    };
    text.trim_end().trim_end_matches('.').to_string()
}

async fn open_db() -> Result<web_sys::IdbDatabase, JsValue> {
    // The page's or the import worker's.
    let factory: web_sys::IdbFactory =
        js_sys::Reflect::get(&js_sys::global(), &"indexedDB".into())?
            .dyn_into()
            .map_err(|_| JsValue::from_str("IndexedDB is not available"))?;
    let request = factory.open_with_u32(DB_NAME, 1)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let db = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok());
        if let Some(db) = db {
            let _ = db.create_object_store(DB_STORE);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = settle(&request, "success", &["error"]).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    db?.dyn_into()
}

/// Waits for `ok` (resolving with the target's `result`, if it has one) or one of `errors`
/// (rejecting with the target's `error`).
pub async fn settle(
    target: &web_sys::EventTarget,
    ok: &str,
    errors: &[&str],
) -> Result<JsValue, JsValue> {
    let target = target.clone();
    let errors: Vec<String> = errors.iter().map(|s| s.to_string()).collect();
    let ok = ok.to_string();
    let promise = Promise::new(&mut |resolve, reject| {
        // The closures are handed to JS (an event may fire after another settled), and hold no
        // reference to their target, which can then be collected with its data.
        let on_ok = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let result = event
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"result".into()).ok())
                .unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        })
        .into_js_value();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let error = event
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"error".into()).ok())
                .filter(|e| !e.is_null() && !e.is_undefined())
                .unwrap_or_else(|| JsValue::from_str(&format!("{} failed", event.type_())));
            let _ = reject.call1(&JsValue::NULL, &error);
        })
        .into_js_value();
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
            &ok,
            on_ok.unchecked_ref(),
            &options,
        );
        for e in &errors {
            let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
                e,
                on_error.unchecked_ref(),
                &options,
            );
        }
    });
    JsFuture::from(promise).await
}

/// Keeps the imported chronology's view for the next visit, once the motion pauses.
#[yew::hook]
pub fn use_remember_view(imported: bool, query: String) {
    use yew::prelude::*;
    let pending = use_mut_ref(super::timing::Debounce::default);
    use_effect_with(imported, |imported| {
        if *imported {
            // The import shows again: a bare address opens it again.
            set_builtin_shown(false);
        }
    });
    use_effect_with((imported, query), move |(imported, query)| {
        if *imported {
            let query = query.clone();
            pending.borrow_mut().run(400, move || save_view(&query));
        }
    });
}

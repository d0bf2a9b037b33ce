//! The worker's side: a file in, its import (or its problems) out.

use super::*;

/// The worker's entry point (called by its script once the module is instantiated): from now
/// on every message is a file to import.
#[wasm_bindgen]
pub fn import_worker() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
            let data = e.data();
            match get_string(&data, "kind").as_deref() {
                Some("write") => write_kept(),
                Some("restore") => restore(),
                _ => work(&data),
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(message("ready"), None);
}

/// Posts `message` to the page, transferring `buffer`.
fn post(message: Object, buffer: Option<&ArrayBuffer>) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let transfer = Array::new();
    if let Some(buffer) = buffer {
        transfer.push(buffer);
    }
    let _ = scope.post_message_with_transfer(&message, &transfer);
}

fn work(job: &JsValue) {
    let file = get(job, "bytes");
    let Some(file) = file.dyn_ref::<ArrayBuffer>() else {
        let m = message("unavailable");
        set(&m, "reason", "no file was given");
        return post(m, None);
    };
    let name = get_string(job, "name").unwrap_or_default();
    let skip_bad = get(job, "skipBad").is_truthy();
    let keep = get(job, "keep").is_truthy();
    let offer_good = get(job, "offerGood").is_truthy();
    let bytes = Uint8Array::new(file).to_vec();
    post(message("parsing"), None);
    let imported = match import::import(&bytes, &name, skip_bad) {
        Ok(imported) => imported,
        Err(failure) => {
            let m = message("failed");
            if let Some(format) = failure.format {
                set(&m, "format", format.label());
            }
            set(&m, "problems", problems_to_js(failure.problems));
            set(&m, "problemCount", failure.problem_count as f64);
            set(&m, "fileProblems", failure.file_problems as f64);
            set(&m, "records", failure.records as f64);
            set(&m, "badRecords", failure.bad_records as f64);
            set(&m, "goodEvents", failure.good_events as f64);
            set(&m, "goodEras", failure.good_eras as f64);
            set(&m, "canSkip", failure.can_skip);
            // The file goes back for *Import the N good events*.
            let again = offer_good && failure.can_skip && !skip_bad;
            if again {
                set(&m, "bytes", file);
            }
            return post(m, again.then_some(file));
        }
    };
    drop(bytes);
    let Imported {
        mut chronology,
        format,
        skipped,
        skipped_records,
        eras,
        notices,
        view,
    } = imported;
    let m = message("imported");
    set(&m, "format", format.label());
    set(&m, "skipped", problems_to_js(skipped));
    set(&m, "skippedRecords", skipped_records as f64);
    set(&m, "eras", eras as f64);
    set(&m, "notices", problems_to_js(notices));
    if let Some(view) = view {
        set(&m, "view", view);
    }
    send(m, &mut chronology);
    if keep {
        // While the page shows the chronology, the envelope that keeps it is made here.
        let text = crate::core::saved::encode(&name, format.label(), &chronology);
        drop(chronology);
        if text.len() <= storage::LOCAL_STORAGE_LIMIT {
            // For localStorage, which only the page has.
            let m = message("kept");
            set(&m, "bytes", text.len() as f64);
            set(&m, "data", text);
            return post(m, None);
        }
        // For IndexedDB: written from here when the page says so.
        let m = message("keeping");
        set(&m, "bytes", text.len() as f64);
        KEPT.with(|kept| *kept.borrow_mut() = Some(text));
        post(m, None);
    }
}

/// Posts `m` (an `imported` message) with the chronology without its events, then the events
/// in chunks, each in a transferred buffer; `chronology` is left as it was.
fn send(m: Object, chronology: &mut Chronology) {
    // In time order here, so that the page, which puts them in order too, only checks it.
    chronology.sort_events();
    let events = std::mem::take(&mut chronology.events);
    set(&m, "events", events.len() as f64);
    let head = buffer(&serde_json::to_vec(&*chronology).unwrap_or_default());
    set(&m, "data", &head);
    post(m, Some(&head));
    for chunk in events.chunks(CHUNK_EVENTS) {
        let m = message("events");
        let data = buffer(&serde_json::to_vec(chunk).unwrap_or_default());
        set(&m, "data", &data);
        post(m, Some(&data));
    }
    chronology.events = events;
}

/// Reads the chronology kept in IndexedDB, checks it, and sends it as an import: at the next
/// visit after a big import, reading and checking it took the main thread seconds. When it
/// cannot be read, `discarded` says why (the page forgets it: this scope has no localStorage).
fn restore() {
    wasm_bindgen_futures::spawn_local(async {
        match storage::load_from_indexed_db().await {
            Ok(mut saved) => {
                let m = message("imported");
                set(&m, "format", saved.format.as_str());
                set(&m, "name", saved.name.as_str());
                send(m, &mut saved.chronology);
            }
            Err(notice) => {
                let m = message("discarded");
                set(&m, "reason", notice);
                post(m, None);
            }
        }
    });
}

thread_local! {
    /// The envelope the page has not yet said to write.
    static KEPT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Writes the kept envelope into IndexedDB and says how it went.
fn write_kept() {
    let text = KEPT.with(|kept| kept.borrow_mut().take());
    wasm_bindgen_futures::spawn_local(async move {
        let result = match text {
            Some(text) => {
                let value = JsValue::from_str(&text);
                drop(text);
                storage::put_envelope(&value).await
            }
            None => Err("there was nothing to keep".into()),
        };
        let m = message("written");
        set(&m, "ok", result.is_ok());
        if let Err(e) = result {
            set(&m, "reason", storage::describe(&e));
        }
        post(m, None);
    });
}

// ---------------------------------------------------------------------------------------------
// In the page.

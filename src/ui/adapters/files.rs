//! Bringing in a chronology: from the file picker, a file dropped on the page, or `?data=URL`
//! (same site, with progress). Reading, parsing and measuring happen here, at the edge (parsing
//! and checking in a worker, see `import_worker`); the store only ever receives a whole, valid
//! chronology ready to show, or the list of problems.

use super::import_worker;
use super::measure::CanvasMeasure;
use super::storage;
use super::timing::{Ticket, LOADS};
use crate::core::dataset::Chronology;
use crate::core::import::{ImportFailure, ImportProblem, Imported, MAX_IMPORT_BYTES};
use crate::store::{Action, Origin, Prepared, Preparing, Progress, Report, Shared, Unit};
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// A new load begins: earlier ones still running are now stale.
pub fn new_ticket() -> Ticket {
    LOADS.with(|l| l.begin())
}

/// Whether the load with this ticket is still the latest.
pub fn is_current(ticket: Ticket) -> bool {
    LOADS.with(|l| l.is_current(ticket))
}

/// The built-in chronology, ready for the store.
pub fn builtin() -> Box<Prepared> {
    Box::new(Prepared::builtin(&CanvasMeasure::new()))
}

pub fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_048_576.0)
}

fn too_large(name: &str, size: f64) -> Action {
    failed(
        name,
        one_problem(
            "file",
            format!(
                "the file is {}; at most {} can be imported. It was not read.",
                megabytes(size),
                megabytes(MAX_IMPORT_BYTES as f64)
            ),
        ),
        Vec::new(),
    )
}

/// A failure with one problem, not tied to a record (the file or the link as a whole).
fn one_problem(location: &str, message: String) -> ImportFailure {
    ImportFailure::of_file(None, vec![ImportProblem::new(location, message)])
}

fn failed(name: &str, failure: ImportFailure, bytes: Vec<u8>) -> Action {
    failed_link(name, failure, bytes, None)
}

/// [`failed`], for the file of a `?data=` link (`link`: its `data` and view), whose good records
/// then go where the link said.
fn failed_link(
    name: &str,
    failure: ImportFailure,
    bytes: Vec<u8>,
    link: Option<(String, crate::core::url_state::ViewState)>,
) -> Action {
    Action::ImportFailed(Report::Failed {
        name: name.to_string(),
        failure: Shared(std::rc::Rc::new(failure)),
        bytes: Shared(std::rc::Rc::new(bytes)),
        link: link.map(|l| Shared(std::rc::Rc::new(l))),
    })
}

/// Hands the store either the chronology of a file the user chose or its problems.
fn finish(
    dispatch: Callback<Action>,
    ticket: Ticket,
    name: String,
    outcome: import_worker::Outcome,
) {
    match outcome {
        Err((failure, bytes)) => dispatch.emit(failed(&name, failure, bytes)),
        Ok(imported) => {
            // A file exported from the explorer carries the view it was made from.
            let (view, notices) = match imported.view_state() {
                Some((view, notices)) => (Some(view), notices),
                None => (None, Vec::new()),
            };
            show_imported(ticket, dispatch, name, imported, (view, notices), false);
        }
    }
}

/// Prepares an imported chronology (see [`show`]) and hands it to the store as the file `name`,
/// in `view`; `quiet`, without the notice that says it was imported.
fn show_imported(
    ticket: Ticket,
    dispatch: Callback<Action>,
    name: String,
    imported: Imported,
    (view, view_notices): (Option<crate::core::url_state::ViewState>, Vec<String>),
    quiet: bool,
) {
    let Imported {
        chronology,
        format,
        skipped,
        skipped_records,
        eras,
        notices: changed,
        ..
    } = imported;
    show(ticket, chronology, move |prepared| {
        dispatch.emit(Action::Imported {
            prepared,
            origin: Origin::File { name, format },
            format,
            skipped,
            skipped_records,
            eras,
            changed,
            view,
            view_notices,
            quiet,
        })
    });
}

/// Prepares a chronology for the store a step at a time, each in a task of its own (see
/// [`Preparing`]), then gives it to `then` in the next: short tasks rather than one long one for a
/// big chronology, so that the page can paint and take input between them; unless a newer load
/// began meanwhile.
fn show(ticket: Ticket, chronology: Chronology, then: impl FnOnce(Box<Prepared>) + 'static) {
    prepare_steps(
        ticket,
        Box::new(Preparing::new(chronology)),
        Rc::new(CanvasMeasure::new()),
        Box::new(then),
    );
}

fn prepare_steps(
    ticket: Ticket,
    preparing: Box<Preparing>,
    measure: Rc<CanvasMeasure>,
    then: Box<dyn FnOnce(Box<Prepared>)>,
) {
    later(ticket, move || match preparing.step(&*measure) {
        Ok(prepared) => later(ticket, move || then(prepared)),
        Err(next) => prepare_steps(ticket, next, measure, then),
    });
}

/// Runs `f` in a task of its own, if the load with this ticket is still the latest then.
fn later(ticket: Ticket, f: impl FnOnce() + 'static) {
    gloo::timers::callback::Timeout::new(0, move || {
        if is_current(ticket) {
            f();
        }
    })
    .forget();
}

/// Shows the chronology kept in IndexedDB at the last visit (read and checked off the main
/// thread when it can, then prepared a step at a time), in `view`; if it cannot be read, the
/// built-in chronology stays and a notice says why.
pub fn restore_kept(dispatch: Callback<Action>, view: crate::core::url_state::ViewState) {
    let ticket = new_ticket();
    import_worker::restore(ticket, dispatch.clone(), move |restored| {
        if !is_current(ticket) {
            // The user imported or restored something meanwhile.
            return;
        }
        match restored {
            // Nothing was skipped or changed: it was checked when it was imported.
            Ok((name, imported)) => show_imported(
                ticket,
                dispatch,
                name,
                imported,
                (Some(view), Vec::new()),
                true,
            ),
            // Unreadable: the built-in chronology stays, and the link no longer names the
            // import (a reload would look for it again).
            Err(notice) => dispatch.emit(Action::LoadFailed(notice.into())),
        }
    });
}

/// Parses and checks a file the user chose, off the main thread when it can; the imported
/// chronology is kept in the browser for the next visit.
fn parse_file(
    dispatch: Callback<Action>,
    ticket: Ticket,
    name: String,
    file: js_sys::ArrayBuffer,
    skip_bad: bool,
) {
    let job = import_worker::Job {
        ticket,
        name: name.clone(),
        skip_bad,
        keep: true,
        offer_good: true,
        dispatch: dispatch.clone(),
    };
    import_worker::parse(job, file, move |outcome| {
        finish(dispatch, ticket, name, outcome)
    });
}

/// Imports a file's good records, leaving out those with problems (the report's button, with
/// the bytes of the file it refused).
pub fn import_good_records(dispatch: Callback<Action>, name: String, bytes: &[u8]) {
    let ticket = new_ticket();
    dispatch.emit(Action::Loading(Some(Progress {
        what: format!("Importing the good records of {name}…"),
        loaded: 0.0,
        total: None,
        unit: Unit::Bytes,
        cancellable: true,
    })));
    let file = js_sys::Uint8Array::from(bytes).buffer();
    parse_file(dispatch, ticket, name, file, true);
}

/// Reads a file the user chose or dropped. Files over the limit are refused before reading.
pub fn import_file(dispatch: Callback<Action>, file: web_sys::File) {
    let name = file.name();
    let size = file.size();
    if size > MAX_IMPORT_BYTES as f64 {
        dispatch.emit(too_large(&name, size));
        return;
    }
    let ticket = new_ticket();
    dispatch.emit(Action::Loading(Some(Progress {
        what: format!("Reading {name}…"),
        loaded: size,
        total: None,
        unit: Unit::Bytes,
        cancellable: true,
    })));
    wasm_bindgen_futures::spawn_local(async move {
        let read = JsFuture::from(file.array_buffer()).await;
        if !is_current(ticket) {
            return;
        }
        match read {
            Ok(buffer) => parse_file(dispatch, ticket, name, buffer.unchecked_into(), false),
            Err(e) => dispatch.emit(failed(
                &name,
                one_problem(
                    "file",
                    format!("the browser could not read it ({})", storage::describe(&e)),
                ),
                Vec::new(),
            )),
        }
    });
}

/// Where `?data=` may load from: the same site only, resolved against the page.
pub fn resolve_data_url(data: &str) -> Result<String, String> {
    let location = web_sys::window().ok_or("no window")?.location();
    let href = location.href().map_err(|_| "no page address")?;
    let origin = location.origin().map_err(|_| "no page address")?;
    let url = web_sys::Url::new_with_base(data, &href)
        .map_err(|_| format!("'{data}' is not a file address"))?;
    let scheme_ok = matches!(url.protocol().as_str(), "http:" | "https:");
    if !scheme_ok || url.origin() != origin {
        return Err(format!(
            "'{data}' is not on this site; only files of this site can be loaded with ?data="
        ));
    }
    Ok(url.href())
}

/// A load stops when no data has arrived for this long.
const STALL_MS: u32 = 30_000;

/// Loads `?data=URL` with a progress indicator, then applies the link's `view` to it. A newer
/// load (or *Cancel*) aborts it; so does a stall.
pub fn load_url(dispatch: Callback<Action>, data: String, view: crate::core::url_state::ViewState) {
    load_link(dispatch, data, view, None);
}

/// The good records of a `?data=` link's file that had bad ones (its `bytes`, already loaded),
/// shown as the link said: the link's file, in the link's view.
pub fn import_good_records_of_link(
    dispatch: Callback<Action>,
    (data, view): (String, crate::core::url_state::ViewState),
    bytes: &[u8],
) {
    load_link(
        dispatch,
        data,
        view,
        Some(js_sys::Uint8Array::from(bytes).buffer()),
    );
}

/// [`load_url`]; with `loaded`, the file's bytes (read before) and its bad records left out.
fn load_link(
    dispatch: Callback<Action>,
    data: String,
    view: crate::core::url_state::ViewState,
    loaded: Option<js_sys::ArrayBuffer>,
) {
    let name = crate::core::text::link_file_name(&data);
    let url = match resolve_data_url(&data) {
        Ok(url) => url,
        Err(message) => {
            dispatch.emit(failed(&name, one_problem("link", message), Vec::new()));
            return;
        }
    };
    let ticket = new_ticket();
    let skip_bad = loaded.is_some();
    dispatch.emit(Action::Loading(Some(Progress {
        what: if skip_bad {
            format!("Importing the good records of {name}…")
        } else {
            format!("Loading {name}…")
        },
        loaded: 0.0,
        total: None,
        unit: Unit::Bytes,
        cancellable: true,
    })));
    wasm_bindgen_futures::spawn_local(async move {
        let result = match loaded {
            Some(file) => Ok(file),
            None => fetch_with_progress(&url, &name, ticket, dispatch.clone()).await,
        };
        LOADS.with(|l| l.finish(ticket));
        if !is_current(ticket) {
            return;
        }
        let file = match result {
            Ok(file) => file,
            Err(message) => {
                dispatch.emit(failed(&name, one_problem("link", message), Vec::new()));
                return;
            }
        };
        let job = import_worker::Job {
            ticket,
            name: name.clone(),
            skip_bad,
            keep: false,
            offer_good: true,
            dispatch: dispatch.clone(),
        };
        import_worker::parse(job, file, move |outcome| match outcome {
            Ok(imported) => show(ticket, imported.chronology, move |prepared| {
                dispatch.emit(Action::Imported {
                    prepared,
                    origin: Origin::Url(data),
                    format: imported.format,
                    skipped: imported.skipped,
                    skipped_records: imported.skipped_records,
                    eras: imported.eras,
                    changed: imported.notices,
                    view: Some(view),
                    view_notices: Vec::new(),
                    quiet: false,
                })
            }),
            // Its bytes kept, so that its good records can be shown as the link said.
            Err((failure, bytes)) => {
                dispatch.emit(failed_link(&name, failure, bytes, Some((data, view))))
            }
        });
    });
}

/// Stops the load running (its *Cancel* button): the chronology shown stays, and the link no
/// longer names the file.
pub fn cancel_load(dispatch: &Callback<Action>) {
    new_ticket();
    dispatch.emit(Action::LoadCancelled);
}

/// Why a load stopped early, when it did.
#[derive(Clone, Copy, PartialEq)]
enum Stopped {
    TooLarge(f64),
    Stalled,
}

async fn fetch_with_progress(
    url: &str,
    name: &str,
    ticket: Ticket,
    dispatch: Callback<Action>,
) -> Result<js_sys::ArrayBuffer, String> {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    let xhr = web_sys::XmlHttpRequest::new().map_err(|e| storage::describe(&e))?;
    xhr.open_with_async("GET", url, true)
        .map_err(|e| storage::describe(&e))?;
    xhr.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);
    // A newer load (or Cancel) aborts this one: its progress stops with it.
    {
        let xhr = xhr.clone();
        LOADS.with(|l| l.on_abort(ticket, move || drop(xhr.abort())));
    }
    let stopped = Rc::new(Cell::new(None::<Stopped>));
    // No data for a while: the load is stopped with a message.
    let stall = Rc::new(RefCell::new(super::timing::Debounce::default()));
    let watch = {
        let (xhr, stopped, stall) = (xhr.clone(), stopped.clone(), stall.clone());
        move || {
            let (xhr, stopped) = (xhr.clone(), stopped.clone());
            stall.borrow_mut().run(STALL_MS, move || {
                stopped.set(Some(Stopped::Stalled));
                let _ = xhr.abort();
            });
        }
    };
    watch();
    let progress = {
        let xhr = xhr.clone();
        let stopped = stopped.clone();
        let what = format!("Loading {name}…");
        EventListener::new(&xhr.clone(), "progress", move |event| {
            let Some(p) = event.dyn_ref::<web_sys::ProgressEvent>() else {
                return;
            };
            if !is_current(ticket) {
                return;
            }
            watch();
            let total = p.length_computable().then(|| p.total());
            // A file over the limit is dropped as soon as that is known, not read whole.
            let size = total.unwrap_or(0.0).max(p.loaded());
            if size > MAX_IMPORT_BYTES as f64 {
                stopped.set(Some(Stopped::TooLarge(size)));
                let _ = xhr.abort();
                return;
            }
            dispatch.emit(Action::Loading(Some(Progress {
                what: what.clone(),
                loaded: p.loaded(),
                total,
                unit: Unit::Bytes,
                cancellable: true,
            })));
        })
    };
    let settled = storage::settle(&xhr, "load", &["error", "abort", "timeout"]);
    xhr.send().map_err(|e| storage::describe(&e))?;
    let outcome = settled.await;
    drop(progress);
    stall.borrow_mut().cancel();
    match stopped.get() {
        Some(Stopped::TooLarge(size)) => {
            return Err(format!(
                "the file is {} or more; at most {} can be imported. It was not read.",
                megabytes(size),
                megabytes(MAX_IMPORT_BYTES as f64)
            ))
        }
        Some(Stopped::Stalled) => {
            return Err(format!(
                "'{url}' stopped sending data for {} seconds; the load was stopped",
                STALL_MS / 1000
            ))
        }
        None => {}
    }
    outcome.map_err(|_| format!("'{url}' could not be loaded (network error)"))?;
    // Redirects are followed by the browser: the file must still come from this site.
    let final_url = xhr.response_url();
    if !final_url.is_empty() && resolve_data_url(&final_url).is_err() {
        return Err(format!(
            "'{url}' was redirected to another site ('{final_url}'); only files of this site can be loaded with ?data="
        ));
    }
    let status = xhr.status().unwrap_or(0);
    if !(200..300).contains(&status) {
        return Err(format!("'{url}' could not be loaded (HTTP {status})"));
    }
    let response = xhr.response().map_err(|e| storage::describe(&e))?;
    response
        .dyn_into()
        .map_err(|_| format!("'{url}' could not be loaded (no data)"))
}

/// Dropping a file anywhere on the page imports it; while a file is dragged over the page, an
/// overlay says so.
#[hook]
pub fn use_drop_import(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let listeners = web_sys::window().map(|w| {
            let options = EventListenerOptions::enable_prevent_default();
            let has_files = |event: &web_sys::Event| {
                event
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|d| d.data_transfer())
                    .is_some_and(|t| t.types().includes(&"Files".into(), 0))
            };
            let d = dispatch.clone();
            let over = EventListener::new_with_options(&w, "dragover", options, move |event| {
                if has_files(event) {
                    event.prevent_default();
                    d.emit(Action::Dragging(true));
                }
            });
            let d = dispatch.clone();
            let leave = EventListener::new(&w, "dragleave", move |event| {
                let left_page = event
                    .dyn_ref::<web_sys::DragEvent>()
                    .is_some_and(|e| e.related_target().is_none());
                if left_page {
                    d.emit(Action::Dragging(false));
                }
            });
            let d = dispatch.clone();
            let drop = EventListener::new_with_options(&w, "drop", options, move |event| {
                let files = event
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|e| e.data_transfer())
                    .and_then(|t| t.files());
                let more = files.as_ref().map_or(0, |f| f.length().saturating_sub(1));
                let file = files.and_then(|f| f.get(0));
                d.emit(Action::Dragging(false));
                if let Some(file) = file {
                    event.prevent_default();
                    if more > 0 {
                        // One chronology is shown at a time: the others are said to be left.
                        d.emit(Action::Notify(
                            format!(
                                "One file at a time: {} is imported, not the {} dropped with it.",
                                crate::core::text::shown(&file.name(), 80),
                                crate::core::text::plural(more as usize, "other", "others")
                            )
                            .into(),
                        ));
                    }
                    import_file(d.clone(), file);
                }
            });
            [over, leave, drop]
        });
        move || drop(listeners)
    });
}

/// Opens the imported chronology this browser keeps (its link, as a new page).
pub fn open_kept() -> Callback<MouseEvent> {
    Callback::from(|_| {
        if let Some(location) = web_sys::window().map(|w| w.location()) {
            let _ = location.set_search(&format!("?data={}", crate::core::url_state::KEPT_DATA));
        }
    })
}

/// Shows the built-in chronology again; an imported file is forgotten (a `?data=` file was
/// never kept, and whatever was kept before stays).
pub fn restore_builtin(dispatch: &Callback<Action>, origin: &Origin) -> Callback<MouseEvent> {
    let forget = matches!(origin, Origin::File { .. });
    dispatch.reform(move |_| {
        new_ticket();
        if forget {
            storage::forget();
        }
        Action::RestoreBuiltin(builtin())
    })
}

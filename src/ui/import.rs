//! Bringing in a chronology: from the file picker, a file dropped on the page, or `?data=URL`
//! (same site, with progress). Reading and parsing happen here, at the edge; the store only
//! ever receives a whole, valid chronology or the list of problems.

use crate::core::dataset::Chronology;
use crate::core::import::{self, ImportFailure, ImportProblem, MAX_IMPORT_BYTES};
use crate::ui::app::{Action, Origin, Shared};
use crate::ui::storage;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

thread_local! {
    /// Numbers the loads: only the latest one may replace the chronology shown (a slow file or
    /// `?data=` load must not undo a newer import or a Restore).
    static TICKET: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A new load begins: earlier ones still running are now stale.
pub fn new_ticket() -> u64 {
    TICKET.with(|t| {
        t.set(t.get() + 1);
        t.get()
    })
}

/// Whether the load with this ticket is still the latest.
pub fn is_current(ticket: u64) -> bool {
    TICKET.with(|t| t.get() == ticket)
}

/// The `id` of the file input in the import dialog.
pub const FILE_INPUT_ID: &str = "import-file";

/// What the import dialog reports after an attempt.
#[derive(Clone, Debug, PartialEq)]
pub enum Report {
    /// Nothing was changed; every problem found is listed. `bytes` are kept so that the user
    /// may import the good records without choosing the file again.
    Failed {
        name: String,
        failure: Shared<ImportFailure>,
        bytes: Shared<Vec<u8>>,
    },
    /// Imported, with some records left out as the user asked.
    Skipped {
        name: String,
        imported: usize,
        skipped: Shared<Vec<ImportProblem>>,
    },
}

/// Loading in progress (a `?data=` file, or a large file being read).
#[derive(Clone, Debug, PartialEq)]
pub struct Loading {
    pub what: String,
    pub loaded: f64,
    pub total: Option<f64>,
}

fn megabytes(bytes: f64) -> String {
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
    ImportFailure {
        format: None,
        problems: vec![ImportProblem {
            location: location.into(),
            message,
        }],
        records: 0,
        bad_records: 0,
        can_skip: false,
    }
}

fn failed(name: &str, failure: ImportFailure, bytes: Vec<u8>) -> Action {
    Action::ImportFailed(Report::Failed {
        name: name.to_string(),
        failure: Shared(std::rc::Rc::new(failure)),
        bytes: Shared(std::rc::Rc::new(bytes)),
    })
}

/// Parses `bytes` and hands the store either the chronology or the problems. A file-imported
/// chronology is kept in the browser for the next visit.
pub fn finish(
    dispatch: Callback<Action>,
    name: String,
    bytes: Vec<u8>,
    origin: Origin,
    skip_bad: bool,
) {
    match import::import(&bytes, &name, skip_bad) {
        Err(failure) => dispatch.emit(failed(&name, failure, bytes)),
        Ok(imported) => {
            let keep = matches!(origin, Origin::File { .. });
            let chronology = imported.chronology;
            let format = imported.format;
            let skipped = imported.skipped;
            if keep {
                let dispatch = dispatch.clone();
                let (name, chronology) = (name.clone(), chronology.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(message) = storage::save(&name, format.label(), &chronology).await {
                        dispatch.emit(Action::Notify(message));
                    }
                });
            }
            dispatch.emit(Action::Imported {
                chronology: Box::new(chronology),
                origin,
                format: Some(format),
                skipped,
                view: None,
                quiet: false,
            });
        }
    }
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
    dispatch.emit(Action::Loading(Some(Loading {
        what: format!("Reading {name}…"),
        loaded: 0.0,
        total: Some(size),
    })));
    wasm_bindgen_futures::spawn_local(async move {
        let read = JsFuture::from(file.array_buffer()).await;
        if !is_current(ticket) {
            return;
        }
        match read {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                let origin = Origin::File {
                    name: name.clone(),
                    format: String::new(),
                };
                finish(dispatch, name, bytes, origin, false);
            }
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

/// Loads `?data=URL` with a progress indicator, then applies the link's `view` to it.
pub fn load_url(dispatch: Callback<Action>, data: String, view: crate::core::url_state::ViewState) {
    let name = data.rsplit('/').next().unwrap_or(&data).to_string();
    let url = match resolve_data_url(&data) {
        Ok(url) => url,
        Err(message) => {
            dispatch.emit(failed(&name, one_problem("link", message), Vec::new()));
            return;
        }
    };
    let ticket = new_ticket();
    dispatch.emit(Action::Loading(Some(Loading {
        what: format!("Loading {name}…"),
        loaded: 0.0,
        total: None,
    })));
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch_with_progress(&url, &name, dispatch.clone()).await;
        if !is_current(ticket) {
            return;
        }
        match result {
            Ok(bytes) => match import::import(&bytes, &name, false) {
                Ok(imported) => dispatch.emit(Action::Imported {
                    chronology: Box::new(imported.chronology),
                    origin: Origin::Url(data),
                    format: Some(imported.format),
                    skipped: Vec::new(),
                    view: Some(view),
                    quiet: false,
                }),
                Err(failure) => dispatch.emit(failed(&name, failure, Vec::new())),
            },
            Err(message) => dispatch.emit(failed(&name, one_problem("link", message), Vec::new())),
        }
    });
}

async fn fetch_with_progress(
    url: &str,
    name: &str,
    dispatch: Callback<Action>,
) -> Result<Vec<u8>, String> {
    let xhr = web_sys::XmlHttpRequest::new().map_err(|e| storage::describe(&e))?;
    xhr.open_with_async("GET", url, true)
        .map_err(|e| storage::describe(&e))?;
    xhr.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);
    let refused = std::rc::Rc::new(std::cell::Cell::new(None::<f64>));
    let progress = {
        let xhr = xhr.clone();
        let refused = refused.clone();
        let what = format!("Loading {name}…");
        EventListener::new(&xhr.clone(), "progress", move |event| {
            let Some(p) = event.dyn_ref::<web_sys::ProgressEvent>() else {
                return;
            };
            let total = p.length_computable().then(|| p.total());
            // A file over the limit is dropped as soon as that is known, not read whole.
            let size = total.unwrap_or(0.0).max(p.loaded());
            if size > MAX_IMPORT_BYTES as f64 {
                refused.set(Some(size));
                let _ = xhr.abort();
                return;
            }
            dispatch.emit(Action::Loading(Some(Loading {
                what: what.clone(),
                loaded: p.loaded(),
                total,
            })));
        })
    };
    let settled = storage::settle(&xhr, "load", &["error", "abort", "timeout"]);
    xhr.send().map_err(|e| storage::describe(&e))?;
    let outcome = settled.await;
    drop(progress);
    if let Some(size) = refused.get() {
        return Err(format!(
            "the file is {} or more; at most {} can be imported. It was not read.",
            megabytes(size),
            megabytes(MAX_IMPORT_BYTES as f64)
        ));
    }
    outcome.map_err(|_| format!("'{url}' could not be loaded (network error)"))?;
    let status = xhr.status().unwrap_or(0);
    if !(200..300).contains(&status) {
        return Err(format!("'{url}' could not be loaded (HTTP {status})"));
    }
    let response = xhr.response().map_err(|e| storage::describe(&e))?;
    Ok(js_sys::Uint8Array::new(&response).to_vec())
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
                let file = event
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|e| e.data_transfer())
                    .and_then(|t| t.files())
                    .and_then(|f| f.get(0));
                d.emit(Action::Dragging(false));
                if let Some(file) = file {
                    event.prevent_default();
                    import_file(d.clone(), file);
                }
            });
            [over, leave, drop]
        });
        move || drop(listeners)
    });
}

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub data: Shared<Chronology>,
    pub origin: Origin,
    pub report: Option<Report>,
    pub loading: Option<Loading>,
    pub dispatch: Callback<Action>,
}

/// The body of the import dialog.
#[function_component(ImportPanel)]
pub fn import_panel(props: &PanelProps) -> Html {
    let dispatch = props.dispatch.clone();
    // A new report takes the focus (the button that led to it may be gone).
    use_effect_with(props.report.clone(), |report| {
        if report.is_some() {
            if let Some(heading) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("import-report-heading"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = heading.focus();
            }
        }
    });
    let on_file = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                import_file(dispatch.clone(), file);
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let report = match &props.report {
        None => html! {},
        Some(Report::Failed {
            name,
            failure,
            bytes,
        }) => {
            let f = &**failure;
            let good = f.records.saturating_sub(f.bad_records);
            let summary = if f.records > 0 {
                format!(
                    "{} problem{} in {} of {} records{}.",
                    f.problems.len(),
                    if f.problems.len() == 1 { "" } else { "s" },
                    f.bad_records,
                    f.records,
                    f.format
                        .map(|x| format!(" (read as {})", x.label()))
                        .unwrap_or_default()
                )
            } else {
                format!(
                    "{} problem{}.",
                    f.problems.len(),
                    if f.problems.len() == 1 { "" } else { "s" }
                )
            };
            let skip = {
                let (dispatch, name, bytes) = (dispatch.clone(), name.clone(), bytes.clone());
                Callback::from(move |_| {
                    new_ticket();
                    finish(
                        dispatch.clone(),
                        name.clone(),
                        bytes.to_vec(),
                        Origin::File {
                            name: name.clone(),
                            format: String::new(),
                        },
                        true,
                    )
                })
            };
            html! {
                <section class="import-report" role="alert" aria-labelledby="import-report-heading">
                    <h3 id="import-report-heading" tabindex="-1">{ format!("“{name}” was not imported") }</h3>
                    <p>{ summary }{ format!(" Nothing was changed: “{}” is still shown.", props.data.title) }</p>
                    <ol class="problems">
                        { for f.problems.iter().map(|p| html! { <li><strong>{ &p.location }</strong>{ ": " }{ &p.message }</li> }) }
                    </ol>
                    if f.can_skip && good > 0 && !bytes.is_empty() {
                        <button type="button" class="primary" onclick={skip}>
                            { format!(
                                "Import the {good} good record{}, leaving out {}",
                                if good == 1 { "" } else { "s" },
                                f.bad_records
                            ) }
                        </button>
                    }
                </section>
            }
        }
        Some(Report::Skipped {
            name,
            imported,
            skipped,
        }) => html! {
            <section class="import-report" role="status" aria-labelledby="import-report-heading">
                <h3 id="import-report-heading" tabindex="-1">{ format!("Imported {imported} events from “{name}”") }</h3>
                <p>{ format!("{} record{} left out:", skipped.len(), if skipped.len() == 1 { " was" } else { "s were" }) }</p>
                <ol class="problems">
                    { for skipped.iter().map(|p| html! { <li><strong>{ &p.location }</strong>{ ": " }{ &p.message }</li> }) }
                </ol>
            </section>
        },
    };
    html! {
        <>
            <p>
                { "Open a chronology of your own: the JSON of this explorer (as its downloads), a " }
                <strong>{ "TimelineJS" }</strong>{ " JSON file, or a " }<strong>{ "CSV" }</strong>
                { " with this explorer's columns (id, start, end, title, summary …) or TimelineJS's spreadsheet columns (Year, Month, Day, End Year …, Headline, Text, Group), separated by commas, semicolons or tabs. Up to 50 MB. You can also drop a file anywhere on the page." }
            </p>
            <p class="file-choice">
                <label for={FILE_INPUT_ID}>{ "Choose a chronology file" }</label>
                <input type="file" id={FILE_INPUT_ID} accept=".json,.csv,.tsv,.txt,application/json,text/csv,text/tab-separated-values,text/plain" onchange={on_file} />
            </p>
            if let Some(loading) = &props.loading {
                <LoadingBar loading={loading.clone()} />
            }
            { report }
            if props.origin != Origin::Builtin {
                <p>
                    <button type="button" onclick={restore_builtin(&dispatch, &props.origin)}>{ "Restore the Japan–NATO chronology" }</button>
                </p>
            } else if storage::has_kept() {
                <p>
                    // The chronology imported earlier is still kept (e.g. after going Back from it).
                    <button type="button" onclick={open_kept()}>{ "Open the chronology you imported" }</button>
                </p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    pub loading: Loading,
}

/// A progress bar with its text.
#[function_component(LoadingBar)]
pub fn loading_bar(props: &LoadingProps) -> Html {
    let l = &props.loading;
    let text = match l.total {
        Some(total) if total > 0.0 => {
            format!("{} {} of {}", l.what, megabytes(l.loaded), megabytes(total))
        }
        _ if l.loaded > 0.0 => format!("{} {}", l.what, megabytes(l.loaded)),
        _ => l.what.clone(),
    };
    html! {
        <div class="loading" role="status">
            <label>
                { text }
                if let Some(total) = l.total.filter(|t| *t > 0.0) {
                    <progress max={format!("{total}")} value={format!("{}", l.loaded)}></progress>
                } else {
                    <progress></progress>
                }
            </label>
        </div>
    }
}

/// Opens the imported chronology this browser keeps (its link, as a new page).
fn open_kept() -> Callback<MouseEvent> {
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
        Action::RestoreBuiltin
    })
}

//! The page's side: starting the worker, sending it the file, reading back what it makes (or
//! parsing on the main thread where no worker starts).

use super::*;

/// A file to parse and check.
pub struct Job {
    /// The load it belongs to: a newer one terminates the worker, and nothing of this one
    /// arrives any more.
    pub ticket: Ticket,
    pub name: String,
    /// Leave out the records with problems.
    pub skip_bad: bool,
    /// A file the user chose: keep the chronology in the browser for the next visit.
    pub keep: bool,
    /// Give back the file's bytes when its good records can be imported (a file the user
    /// chose, or a `?data=` link's).
    pub offer_good: bool,
    pub dispatch: Callback<Action>,
}

/// What a parse gives: the import, or the problems with the file's bytes (empty unless its good
/// records can be imported).
pub type Outcome = Result<Imported, (ImportFailure, Vec<u8>)>;

/// What reading the kept chronology gives: the name of the file it was imported from and the
/// chronology, or the notice that says why it was discarded (and forgotten).
pub type Restored = Result<(String, Imported), String>;

/// Who is waiting for the job's end.
enum Then {
    Import(Box<dyn FnOnce(Outcome)>),
    Restore(Box<dyn FnOnce(Restored)>),
}

impl Then {
    fn imported(self, name: String, imported: Imported) {
        match self {
            Then::Import(then) => then(Ok(imported)),
            Then::Restore(then) => then(Ok((name, imported))),
        }
    }
}

/// Parses and checks `file` off the main thread (on it where no worker starts), showing how
/// far it has got, and gives the outcome to `then` unless a newer load began meanwhile.
pub fn parse(job: Job, file: ArrayBuffer, then: impl FnOnce(Outcome) + 'static) {
    let then: Box<dyn FnOnce(Outcome)> = Box::new(then);
    match start(&job.name) {
        Some(worker) => Running::begin(job, worker, Some(file), Then::Import(then)),
        None => here(job, file, then),
    }
}

/// Reads back the chronology kept in IndexedDB, off the main thread when it can (on it where
/// no worker starts), showing how far it has got, and gives it to `then` unless a newer load
/// began meanwhile.
pub fn restore(ticket: Ticket, dispatch: Callback<Action>, then: impl FnOnce(Restored) + 'static) {
    let then: Box<dyn FnOnce(Restored)> = Box::new(then);
    let job = Job {
        ticket,
        name: "your imported chronology".into(),
        skip_bad: false,
        keep: false,
        offer_good: false,
        dispatch,
    };
    match start(&job.name) {
        Some(worker) => Running::begin(job, worker, None, Then::Restore(then)),
        None => restore_here(job.ticket, then),
    }
}

/// On the main thread: read, decoded and checked in the page.
fn restore_here(ticket: Ticket, then: Box<dyn FnOnce(Restored)>) {
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = storage::load_from_indexed_db().await;
        LOADS.with(|l| l.finish(ticket));
        if !LOADS.with(|l| l.is_current(ticket)) {
            return;
        }
        then(loaded.map(|saved| {
            let imported = Imported {
                format: Format::from_label(&saved.format).unwrap_or(Format::Json),
                chronology: saved.chronology,
                skipped: Vec::new(),
                skipped_records: 0,
                eras: 0,
                notices: Vec::new(),
                view: None,
            };
            (saved.name, imported)
        }))
    });
}

/// On the main thread: the bytes are copied into the page's memory and parsed there.
fn here(job: Job, file: ArrayBuffer, then: Box<dyn FnOnce(Outcome)>) {
    let bytes = Uint8Array::new(&file).to_vec();
    drop(file);
    LOADS.with(|l| l.finish(job.ticket));
    if !LOADS.with(|l| l.is_current(job.ticket)) {
        return;
    }
    match import::import(&bytes, &job.name, job.skip_bad) {
        Ok(imported) => {
            if job.keep {
                let (name, format, chronology) = (
                    job.name.clone(),
                    imported.format.label(),
                    imported.chronology.clone(),
                );
                let dispatch = job.dispatch.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(message) = storage::save(&name, format, &chronology).await {
                        dispatch.emit(Action::Notify(message.into()));
                    }
                });
            }
            then(Ok(imported))
        }
        Err(failure) => then(Err((
            failure,
            if job.offer_good { bytes } else { Vec::new() },
        ))),
    }
}

/// An import worker for the file called `name`.
fn start(name: &str) -> Option<web_sys::Worker> {
    crate::ui::adapters::worker::start("import", &format!("import {name}"))
}

/// A job in a worker, from its start to its last message.
struct Running {
    job: Job,
    worker: web_sys::Worker,
    /// Until the worker is ready: the file, for it or for the main thread (none to restore the
    /// kept chronology).
    file: Option<ArrayBuffer>,
    /// Until the chronology (or the problems) are given to it.
    then: Option<Then>,
    /// The chronology being received: what `imported` said, and the events so far.
    outline: Option<(Imported, usize)>,
    events: Vec<Event>,
    /// When the progress bar last followed the events received.
    shown_at: f64,
    /// Once the chronology is given to the page: the save its envelope will make, unless a
    /// newer one (or a Restore, which forgets) began meanwhile.
    saving: Option<Ticket>,
    /// While the worker writes the envelope it keeps: what resolves the page's wait for it.
    written: Option<js_sys::Function>,
    listeners: Vec<EventListener>,
    /// Until the worker is ready: when to give up on it.
    timeout: Option<Timeout>,
}

thread_local! {
    /// The job in a worker, if any (only the latest load's).
    static RUNNING: RefCell<Option<Rc<RefCell<Running>>>> = const { RefCell::new(None) };
    /// The last job whose chronology the page has, while its worker makes the envelope that
    /// keeps it: no longer part of a load (going Back or importing again does not stop it).
    static KEEPING: RefCell<Option<Rc<RefCell<Running>>>> = const { RefCell::new(None) };
}

impl Running {
    fn begin(job: Job, worker: web_sys::Worker, file: Option<ArrayBuffer>, then: Then) {
        let ticket = job.ticket;
        let on = |kind: &'static str| {
            EventListener::new(&worker, kind, move |event| {
                let Some(running) = current(ticket).or_else(|| keeping(ticket)) else {
                    return;
                };
                match event.dyn_ref::<web_sys::MessageEvent>() {
                    Some(m) if kind == "message" => Running::heard(&running, &m.data()),
                    _ => {
                        let reason = event
                            .dyn_ref::<web_sys::ErrorEvent>()
                            .map(|e| e.message())
                            .filter(|m| !m.is_empty())
                            .unwrap_or_else(|| format!("a {kind} event"));
                        Running::broke(&running, reason);
                    }
                }
            })
        };
        let listeners = vec![on("message"), on("messageerror"), on("error")];
        let timeout = Timeout::new(START_MS, move || {
            if let Some(running) = current(ticket) {
                Running::broke(&running, "it did not start in time".into());
            }
        });
        let running = Running {
            job,
            worker,
            file,
            then: Some(then),
            outline: None,
            events: Vec::new(),
            shown_at: 0.0,
            saving: None,
            written: None,
            listeners,
            timeout: Some(timeout),
        };
        RUNNING.with(|slot| *slot.borrow_mut() = Some(Rc::new(RefCell::new(running))));
        // A newer load (or Cancel) stops it.
        LOADS.with(|l| l.on_abort(ticket, move || stop(ticket)));
    }

    /// A message from the worker.
    fn heard(running: &Rc<RefCell<Running>>, m: &JsValue) {
        let kind = get_string(m, "kind").unwrap_or_default();
        let data = get(m, "data");
        let mut r = running.borrow_mut();
        let ticket = r.job.ticket;
        match kind.as_str() {
            "ready" => {
                r.timeout = None;
                if matches!(r.then, Some(Then::Restore(_))) {
                    if r.worker.post_message(&message("restore")).is_err() {
                        drop(r);
                        Running::broke(running, "it could not be asked".into());
                    }
                    return;
                }
                let Some(file) = r.file.take() else { return };
                let job = Object::new();
                set(&job, "bytes", &file);
                set(&job, "name", r.job.name.as_str());
                set(&job, "skipBad", r.job.skip_bad);
                set(&job, "keep", r.job.keep);
                set(&job, "offerGood", r.job.offer_good);
                // The bytes move to the worker: the page keeps no copy.
                if r.worker
                    .post_message_with_transfer(&job, &Array::of1(&file))
                    .is_err()
                {
                    r.file = Some(file);
                    drop(r);
                    Running::broke(running, "the file could not be given to it".into());
                }
            }
            "unavailable" => {
                drop(r);
                let reason = get_string(m, "reason").unwrap_or_default();
                Running::broke(running, reason);
            }
            "parsing" => {
                let what = format!("Parsing and checking {}…", r.job.name);
                drop(r);
                progress(running, what, None);
            }
            "failed" => {
                let failure = ImportFailure {
                    format: get_string(m, "format")
                        .as_deref()
                        .and_then(Format::from_label),
                    problems: problems_from_js(&get(m, "problems")),
                    problem_count: get_count(m, "problemCount"),
                    file_problems: get_count(m, "fileProblems"),
                    records: get_count(m, "records"),
                    bad_records: get_count(m, "badRecords"),
                    good_events: get_count(m, "goodEvents"),
                    good_eras: get_count(m, "goodEras"),
                    can_skip: get(m, "canSkip").is_truthy(),
                };
                let bytes = get(m, "bytes")
                    .dyn_ref::<ArrayBuffer>()
                    .map(|b| Uint8Array::new(b).to_vec())
                    .unwrap_or_default();
                let then = r.then.take();
                drop(r);
                stop(ticket);
                match then {
                    Some(Then::Import(then)) => then(Err((failure, bytes))),
                    // Not said while restoring.
                    Some(Then::Restore(then)) => restore_here(ticket, then),
                    None => {}
                }
            }
            "discarded" => {
                let then = r.then.take();
                drop(r);
                stop(ticket);
                // The worker has no localStorage: what points to the copy goes here.
                storage::forget();
                if let Some(Then::Restore(then)) = then {
                    then(Err(get_string(m, "reason").unwrap_or_default()));
                }
            }
            "imported" => {
                let Some(head) = read::<Chronology>(&data) else {
                    drop(r);
                    return Running::broke(running, "the chronology could not be read".into());
                };
                let events = get_count(m, "events");
                if let Some(name) = get_string(m, "name") {
                    r.job.name = name;
                }
                let outline = Imported {
                    chronology: head,
                    format: get_string(m, "format")
                        .as_deref()
                        .and_then(Format::from_label)
                        .unwrap_or(Format::Json),
                    skipped: problems_from_js(&get(m, "skipped")),
                    skipped_records: get_count(m, "skippedRecords"),
                    eras: get_count(m, "eras"),
                    notices: problems_from_js(&get(m, "notices")),
                    view: get_string(m, "view"),
                };
                r.events = Vec::with_capacity(events);
                r.outline = Some((outline, events));
                drop(r);
                Running::received(running);
            }
            "events" => {
                let Some(events) = read::<Vec<Event>>(&data) else {
                    drop(r);
                    return Running::broke(running, "the events could not be read".into());
                };
                r.events.extend(events);
                drop(r);
                Running::received(running);
            }
            "kept" => {
                let (dispatch, saving) = (r.job.dispatch.clone(), r.saving);
                drop(r);
                stop(ticket);
                let current = saving.is_some_and(|t| SAVES.with(|s| s.is_current(t)));
                let (true, Ok(text), bytes) = (
                    current,
                    data.dyn_into::<js_sys::JsString>(),
                    get_count(m, "bytes"),
                ) else {
                    return;
                };
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(message) = storage::save_envelope(Envelope::Js { text, bytes }).await
                    {
                        dispatch.emit(Action::Notify(message.into()));
                    }
                });
            }
            "keeping" => {
                let (dispatch, saving) = (r.job.dispatch.clone(), r.saving);
                let current = saving.is_some_and(|t| SAVES.with(|s| s.is_current(t)));
                let (true, Some(answer)) = (current, Answer::new()) else {
                    drop(r);
                    return stop(ticket);
                };
                let (worker, bytes) = (r.worker.clone(), get_count(m, "bytes"));
                r.written = Some(answer.resolve);
                drop(r);
                let write = Box::pin(async move {
                    worker.post_message(&message("write"))?;
                    let answer = wasm_bindgen_futures::JsFuture::from(answer.promise).await?;
                    if get(&answer, "ok").is_truthy() {
                        Ok(())
                    } else {
                        Err(get(&answer, "reason"))
                    }
                });
                wasm_bindgen_futures::spawn_local(async move {
                    let envelope = Envelope::InWorker {
                        bytes,
                        write,
                        stop: Some(Box::new(move || stop(ticket))),
                    };
                    let result = storage::save_envelope(envelope).await;
                    stop(ticket);
                    if let Err(message) = result {
                        dispatch.emit(Action::Notify(message.into()));
                    }
                });
            }
            "written" => {
                let resolve = r.written.take();
                drop(r);
                if let Some(resolve) = resolve {
                    let _ = resolve.call1(&JsValue::NULL, m);
                }
            }
            _ => {
                drop(r);
                Running::broke(running, format!("it said '{kind}'"));
            }
        }
    }

    /// Some events (or the outline) have arrived: the progress bar follows; with the last, the
    /// chronology is given to the page.
    fn received(running: &Rc<RefCell<Running>>) {
        let mut r = running.borrow_mut();
        let Some((_, total)) = r.outline else { return };
        let received = r.events.len();
        if received < total {
            let now = js_sys::Date::now();
            if now - r.shown_at < PROGRESS_MS {
                return;
            }
            r.shown_at = now;
            let what = format!("Opening {}…", r.job.name);
            drop(r);
            return progress(running, what, Some((received, total)));
        }
        let (mut imported, _) = r.outline.take().expect("checked above");
        imported.chronology.events = std::mem::take(&mut r.events);
        let then = r.then.take();
        let (ticket, keep, name) = (r.job.ticket, r.job.keep, r.job.name.clone());
        if keep {
            // The worker goes on only to make the envelope that keeps the chronology; the load
            // is over. As when the page keeps it itself, a save or a Restore that begins
            // meanwhile decides what is kept.
            r.saving = Some(SAVES.with(|s| s.begin()));
            drop(r);
            LOADS.with(|l| l.finish(ticket));
            let running = RUNNING.with(|slot| slot.borrow_mut().take());
            let older = KEEPING.with(|slot| std::mem::replace(&mut *slot.borrow_mut(), running));
            if let Some(older) = older {
                let ticket = older.borrow().job.ticket;
                stop(ticket);
            }
        } else {
            drop(r);
            stop(ticket);
        }
        if let Some(then) = then {
            then.imported(name, imported);
        }
    }

    /// The worker failed: before it was given the file, the file is parsed on the main thread;
    /// after, the import has failed.
    fn broke(running: &Rc<RefCell<Running>>, reason: String) {
        let mut r = running.borrow_mut();
        let (file, then) = (r.file.take(), r.then.take());
        let job = Job {
            ticket: r.job.ticket,
            name: r.job.name.clone(),
            skip_bad: r.job.skip_bad,
            keep: r.job.keep,
            offer_good: r.job.offer_good,
            dispatch: r.job.dispatch.clone(),
        };
        drop(r);
        stop(job.ticket);
        let then = match then {
            // The chronology is shown already; only its envelope was still to come: it is not
            // kept.
            None => return,
            Some(Then::Restore(then)) => {
                gloo::console::warn!(format!(
                    "The import worker did not restore the kept chronology ({reason}): it is read on the main thread."
                ));
                return restore_here(job.ticket, then);
            }
            Some(Then::Import(then)) => then,
        };
        match file {
            Some(file) => {
                gloo::console::warn!(format!(
                    "The import worker did not start ({reason}): the file is parsed on the main thread."
                ));
                here(job, file, then);
            }
            None => {
                let failure = ImportFailure::of_file(
                    None,
                    vec![ImportProblem::new(
                        "file",
                        format!("the import stopped unexpectedly ({reason})"),
                    )],
                );
                then(Err((failure, Vec::new())));
            }
        }
    }
}

/// The running job, if it is still `ticket`'s.
fn current(ticket: Ticket) -> Option<Rc<RefCell<Running>>> {
    if !LOADS.with(|l| l.is_current(ticket)) {
        return None;
    }
    RUNNING.with(|slot| {
        slot.borrow()
            .as_ref()
            .filter(|r| r.borrow().job.ticket == ticket)
            .cloned()
    })
}

/// The job whose envelope is still to come, if it is `ticket`'s.
fn keeping(ticket: Ticket) -> Option<Rc<RefCell<Running>>> {
    KEEPING.with(|slot| {
        slot.borrow()
            .as_ref()
            .filter(|r| r.borrow().job.ticket == ticket)
            .cloned()
    })
}

/// Terminates `ticket`'s worker, if it still runs, and lets its listeners go.
fn stop(ticket: Ticket) {
    let take = |slot: &RefCell<Option<Rc<RefCell<Running>>>>| {
        let mut slot = slot.borrow_mut();
        let mine = slot
            .as_ref()
            .is_some_and(|r| r.borrow().job.ticket == ticket);
        if mine {
            slot.take()
        } else {
            None
        }
    };
    let Some(running) = RUNNING.with(take).or_else(|| KEEPING.with(take)) else {
        return;
    };
    LOADS.with(|l| l.finish(ticket));
    let (worker, listeners, written) = {
        let mut r = running.borrow_mut();
        r.timeout = None;
        (
            r.worker.clone(),
            std::mem::take(&mut r.listeners),
            r.written.take(),
        )
    };
    worker.terminate();
    if let Some(resolve) = written {
        // Its envelope was being written: it is not kept (unless a newer save decides).
        let answer = message("written");
        set(&answer, "reason", "the import worker stopped");
        let _ = resolve.call1(&JsValue::NULL, &answer);
    }
    // A listener may be running this very call: they go once it has returned.
    wasm_bindgen_futures::spawn_local(async move { drop(listeners) });
}

/// A promise and what resolves it.
struct Answer {
    promise: js_sys::Promise,
    resolve: js_sys::Function,
}

impl Answer {
    fn new() -> Option<Answer> {
        let mut resolve = None;
        let promise = js_sys::Promise::new(&mut |yes, _| resolve = Some(yes));
        Some(Answer {
            promise,
            resolve: resolve?,
        })
    }
}

/// Shows how far the job has got, with *Cancel* (the worker can be stopped); `events` are
/// those received and in all.
fn progress(running: &Rc<RefCell<Running>>, what: String, events: Option<(usize, usize)>) {
    let (loaded, total, unit) = match events {
        Some((done, all)) => (done as f64, Some(all as f64), Unit::Events),
        None => (0.0, None, Unit::Bytes),
    };
    let dispatch = running.borrow().job.dispatch.clone();
    dispatch.emit(Action::Loading(Some(Progress {
        what,
        loaded,
        total,
        unit,
        cancellable: true,
    })));
}

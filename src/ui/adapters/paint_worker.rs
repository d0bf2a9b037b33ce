//! The timeline's canvas painted off the main thread: in a Web Worker that runs this same wasm
//! (see [`super::worker`]), so that a frame of a zoom or a pan costs the page's thread the
//! scene and not its painting (at 10,000 events about half of each frame's work).
//!
//! The page paints its first picture itself and then starts the worker (started with the page,
//! it took a core from the first picture's making), and paints on its own thread until the
//! worker answers `ready`. It then hands the worker the
//! timeline's canvas (`transferControlToOffscreen`: the worker's frames go to the screen without
//! the page's thread) and, for each frame, the scene's paint list in a transferred buffer
//! (`core::scene::wire`), with the rows, the pixel ratio and, when they changed, the theme's
//! colours. The worker paints the latest frame it has (older ones waiting behind it are passed
//! over) and answers `painted` (`seq`, `ms`: how long it took, `events`: whether any event was
//! drawn). A canvas painted on the page's thread cannot be handed over: the timeline makes a new
//! one ([`canvas_key`]), and a copy of the old picture covers it until the worker has painted it.
//!
//! Where no worker starts (the single-file build opened from disk, a browser without module
//! workers or `OffscreenCanvas`, a policy that refuses them), the page paints on its own thread,
//! as it always did. A worker lost after it had the canvas (it stopped on an error) leaves that
//! canvas unusable: the timeline makes a new one and paints it on the page's thread.

use super::paint::{paint as paint_here, Colours};
use super::timing::now;
use crate::core::scene::wire::{decode, encode};
use crate::core::scene::{Rows, Scene};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

/// How long the old picture stays after the worker has painted the new canvas.
const COVER_LEAVES_AFTER_MS: u32 = 100;

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or_default()
}

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(object, &key.into(), &value.into());
}

// ---------------------------------------------------------------------------------------------
// The page's side.

#[derive(Default)]
enum State {
    #[default]
    NotStarted,
    Starting(web_sys::Worker),
    Ready(web_sys::Worker),
    Unavailable,
}

#[derive(Default)]
struct Page {
    state: State,
    /// The canvas handed to the worker.
    transferred: Option<HtmlCanvasElement>,
    /// The canvas last painted here (it cannot be handed over).
    here: Option<HtmlCanvasElement>,
    /// Over the new canvas, the old one's picture, until the worker has painted it: with the
    /// frame that is to replace it.
    cover: Option<(HtmlCanvasElement, u32)>,
    /// The colours the worker has.
    sent: Option<Rc<Colours>>,
    /// The latest frame painted, here or sent to the worker: what the timeline shows (or is
    /// about to, on a canvas the worker is yet to be given).
    shown: Option<Frame>,
    /// Frames sent.
    seq: u32,
    /// Whether the first picture with events has been marked (for the benchmarks).
    marked: bool,
    /// Bumped for a new canvas: the worker became ready after the old one was painted here, or
    /// the worker that had it is lost.
    generation: u32,
    /// What makes the timeline render again (with a new canvas) when it is due.
    on_new_canvas: Option<Rc<dyn Fn()>>,
    listeners: Vec<EventListener>,
    /// The worker's start, due once the first picture is painted.
    start_due: Option<Timeout>,
    /// The box the worker's canvas takes once the frame sent with it is painted (its `seq`).
    placing: Option<(u32, (f64, f64, f64))>,
    /// The old picture's removal, once the worker's is on the screen.
    cover_leaving: Option<Timeout>,
    /// The frame before the one shown, let go of in a task after the frame (see [`paint`]).
    let_go: Option<Timeout>,
    /// The frame (its `seq`) the worker has not yet said it painted, and since when (see
    /// [`WORKER_SILENT_MS`]).
    watchdog: Option<(u32, f64)>,
    /// The timer that looks at the frame waited for, and when it is due (one timer for all the
    /// frames: one set and cleared per frame cost the frame a closure and two calls).
    watch_timer: Option<(Timeout, f64)>,
}

/// A frame the worker has not said it painted this long after it was sent, while the page is
/// in view, means the worker is gone (closed, or crashed without an `error` event, which left
/// the picture frozen): the page paints again.
const WORKER_SILENT_MS: u32 = 3_000;

/// Watches frame `seq`, just sent, unless an earlier one is waited for (see
/// [`WORKER_SILENT_MS`]).
fn watch(p: &mut Page, seq: u32) {
    if p.watchdog.is_none() {
        p.watchdog = Some((seq, now()));
    }
    if p.watch_timer.is_none() {
        p.watch_timer = Some(look_in(WORKER_SILENT_MS));
    }
}

/// The watchdog's timer, due in `ms`.
fn look_in(ms: u32) -> (Timeout, f64) {
    (Timeout::new(ms, look), now() + f64::from(ms))
}

/// Whether the frame waited for (if any) has been waited for too long: then the worker is given
/// up (see [`WORKER_SILENT_MS`]), else the timer looks again when it would be.
fn look() {
    let now = now();
    let hidden = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden());
    let silent = PAGE.with_borrow_mut(|p| {
        let due = p.watch_timer.take().map_or(now, |(_, due)| due);
        let Some((seq, since)) = p.watchdog else {
            // Nothing waited for: the next frame sent sets the timer again.
            return false;
        };
        // A page out of sight may have its timers and its worker held back; a page that was
        // busy (this look came a second late) may not have read the worker's word yet: the
        // frame is watched again from now.
        if hidden || now - due > 1_000.0 {
            p.watchdog = Some((seq, now));
            p.watch_timer = Some(look_in(WORKER_SILENT_MS));
            return false;
        }
        let waited = now - since;
        if waited < f64::from(WORKER_SILENT_MS) {
            let left = (f64::from(WORKER_SILENT_MS) - waited).ceil() as u32;
            p.watch_timer = Some(look_in(left.max(1)));
            return false;
        }
        p.watchdog = None;
        true
    });
    if silent {
        became(false);
    }
}

thread_local! {
    static PAGE: RefCell<Page> = RefCell::new(Page::default());
}

/// Starts the paint worker (once: after the first picture, see [`paint`]).
fn start() {
    let started = PAGE.with_borrow(|p| !matches!(p.state, State::NotStarted));
    if started {
        return;
    }
    let Some(worker) = super::worker::start("paint", "paint the timeline") else {
        PAGE.with_borrow_mut(|p| p.state = State::Unavailable);
        return;
    };
    let on_message = EventListener::new(&worker, "message", |e| {
        let data = e
            .dyn_ref::<web_sys::MessageEvent>()
            .map(|m| m.data())
            .unwrap_or_default();
        match get(&data, "kind").as_string().as_deref() {
            Some("ready") => became(true),
            Some("painted") => painted(&data),
            _ => became(false),
        }
    });
    let on_error = EventListener::new(&worker, "error", |_| became(false));
    PAGE.with_borrow_mut(|p| {
        p.state = State::Starting(worker);
        p.listeners = vec![on_message, on_error];
    });
}

/// The worker is ready (`true`), or is not to be used (`false`). Either way, the timeline may
/// need a new canvas: one the worker can be given, or one the page can paint.
fn became(ready: bool) {
    let rerender = PAGE.with_borrow_mut(|p| {
        let state = std::mem::take(&mut p.state);
        let new_canvas = match (state, ready) {
            (State::Starting(worker), true) => {
                p.state = State::Ready(worker);
                // The picture painted here stays in view over the new canvas. (The old canvas
                // is still painted here until the new one takes its place.)
                let old = p.here.clone();
                p.cover = old
                    .as_ref()
                    .and_then(cover)
                    .map(|c| (c, p.seq.wrapping_add(1)));
                old.is_some()
            }
            (State::Starting(worker) | State::Ready(worker), false) => {
                worker.terminate();
                p.listeners.clear();
                p.watchdog = None;
                p.watch_timer = None;
                p.state = State::Unavailable;
                // The old picture stood in for a canvas the worker will not paint now.
                if let Some((cover, _)) = p.cover.take() {
                    cover.remove();
                }
                // The canvas the worker had cannot be painted here (kept in `transferred`, so
                // that it is not): a new one.
                p.placing = None;
                p.transferred.is_some()
            }
            (other, _) => {
                p.state = other;
                false
            }
        };
        if new_canvas {
            p.generation += 1;
        }
        new_canvas.then(|| p.on_new_canvas.clone()).flatten()
    });
    if let Some(rerender) = rerender {
        rerender();
    }
}

/// A copy of `canvas`'s picture in its box, to stand in for it; none if it cannot be made.
fn cover(canvas: &HtmlCanvasElement) -> Option<HtmlCanvasElement> {
    let document = web_sys::window()?.document()?;
    let copy: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    copy.set_width(canvas.width());
    copy.set_height(canvas.height());
    super::paint::context(&copy)?
        .draw_image_with_html_canvas_element(canvas, 0.0, 0.0)
        .ok()?;
    let _ = copy.set_attribute("class", "cover");
    let _ = copy.set_attribute("aria-hidden", "true");
    let (from, to) = (canvas.style(), copy.style());
    for property in ["width", "height", "top"] {
        if let Ok(value) = from.get_property_value(property) {
            let _ = to.set_property(property, &value);
        }
    }
    // Right after it: the new canvas takes the old one's place, before the drawing's layer, and
    // so stands over the copy (it shows through the new one until the worker has painted it).
    canvas
        .parent_node()?
        .insert_before(&copy, canvas.next_sibling().as_ref())
        .ok()?;
    Some(copy)
}

/// The worker painted a frame: the picture that covered the new canvas goes once it is there,
/// and the first picture with events is marked.
fn painted(data: &JsValue) {
    let seq = get(data, "seq").as_f64().unwrap_or(0.0) as u32;
    let (cover, place) = PAGE.with_borrow_mut(|p| {
        if p.watchdog
            .as_ref()
            .is_some_and(|(watched, _)| seq >= *watched)
        {
            p.watchdog = None;
        }
        let cover = match &p.cover {
            Some((_, first)) if seq >= *first => p.cover.take().map(|(c, _)| c),
            _ => None,
        };
        let place = match (&p.placing, &p.transferred) {
            (Some((due, _)), Some(canvas)) if seq >= *due => {
                p.placing.take().map(|(_, place)| (canvas.clone(), place))
            }
            _ => None,
        };
        (cover, place)
    });
    if let Some((canvas, place)) = place {
        set_place(&canvas, place);
    }
    if let Some(cover) = cover {
        // A little after: the worker's first picture on a new canvas may reach the screen a
        // frame or two after it is painted (the screen showed neither for a moment).
        let leave = Timeout::new(COVER_LEAVES_AFTER_MS, move || cover.remove());
        PAGE.with_borrow_mut(|p| p.cover_leaving = Some(leave));
    }
    if get(data, "events").is_truthy() {
        mark_first_picture();
    }
}

fn mark_first_picture() {
    let first = PAGE.with_borrow_mut(|p| !std::mem::replace(&mut p.marked, true));
    if first {
        crate::ui::mark("explorer:first-paint");
    }
}

/// Sets `canvas`'s box: its width, top and height in CSS px.
fn set_place(canvas: &HtmlCanvasElement, (width, top, height): (f64, f64, f64)) {
    let style = canvas.style();
    let _ = style.set_property("width", &format!("{width}px"));
    let _ = style.set_property("top", &format!("{top}px"));
    let _ = style.set_property("height", &format!("{height}px"));
}

/// The timeline canvas's key: a new one when the worker becomes ready after the canvas was
/// painted here, or is lost after it had the canvas.
pub fn canvas_key() -> u32 {
    PAGE.with_borrow(|p| p.generation)
}

/// What [`paint`] paints.
#[derive(Clone)]
pub struct Frame {
    pub scene: Rc<Scene>,
    pub rows: Rows,
    pub colours: Rc<Colours>,
    pub ratio: f64,
    /// The canvas's new box, if it moves: width, top and height in CSS px.
    pub place: Option<(f64, f64, f64)>,
}

/// Paints `frame` on `canvas`: in the worker when it is ready (it has or is given the canvas),
/// else here. `on_new_canvas` makes the timeline render again when it is to have a new canvas
/// (see [`canvas_key`]).
pub fn paint(canvas: &HtmlCanvasElement, frame: Frame, on_new_canvas: Rc<dyn Fn()>) {
    enum Way {
        Here,
        Worker(web_sys::Worker),
        Nowhere,
    }
    let way = PAGE.with_borrow_mut(|p| {
        p.on_new_canvas = Some(on_new_canvas.clone());
        match &p.state {
            State::Ready(worker) if p.here.as_ref() != Some(canvas) => Way::Worker(worker.clone()),
            // The canvas of a worker lost cannot be painted (a new one is on its way).
            _ if p.transferred.as_ref() == Some(canvas) => Way::Nowhere,
            _ => Way::Here,
        }
    });
    match way {
        Way::Here => {
            PAGE.with_borrow_mut(|p| {
                p.here = Some(canvas.clone());
                // The worker starts in a task after this first picture.
                if matches!(p.state, State::NotStarted) && p.start_due.is_none() {
                    p.start_due = Some(Timeout::new(0, start));
                }
            });
            let events = frame.scene.marks().next().is_some();
            paint_here(
                canvas,
                (&*frame.scene).into(),
                frame.rows,
                &frame.colours,
                frame.ratio,
                false,
            );
            if let Some(place) = frame.place {
                set_place(canvas, place);
            }
            if events {
                mark_first_picture();
            }
            shown(frame);
        }
        Way::Worker(worker) => {
            let Some(new) = hand_over(&worker, canvas) else {
                // A browser whose canvases cannot be handed over (no `OffscreenCanvas`): the
                // page paints, as where no worker starts.
                PAGE.with_borrow_mut(|p| {
                    worker.terminate();
                    p.listeners.clear();
                    p.state = State::Unavailable;
                    if let Some((cover, _)) = p.cover.take() {
                        cover.remove();
                    }
                });
                return paint(canvas, frame, on_new_canvas);
            };
            // A canvas just handed over shows nothing yet: its box is set at once.
            send(&worker, canvas, &frame, new);
            shown(frame);
        }
        Way::Nowhere => {}
    }
}

/// Keeps `frame` as the one the timeline shows. The frame before, often the last holder of its
/// scene, is let go of after this frame is on its way: freeing a crowded scene's thousands of
/// items and badges' members (0.1 ms a frame at 100,000 events) need not hold the picture up.
fn shown(frame: Frame) {
    let old = PAGE.with_borrow_mut(|p| p.shown.replace(frame));
    if let Some(old) = old {
        let let_go = Timeout::new(0, move || drop(old));
        // (One still waiting goes now, with its frame.)
        let waiting = PAGE.with_borrow_mut(|p| p.let_go.replace(let_go));
        drop(waiting);
    }
}

/// The whole drawing the timeline shows, to print, in a canvas this thread can read: the latest
/// frame painted again here, all its rows (mid-gesture the timeline's canvas holds those in view
/// only), in the light theme's colours on an opaque background (the print is black on white: the
/// dark theme's light labels were lost on the paper, and those over the transparent edges
/// with them). Not the timeline's canvas itself: the worker's cannot be read, and the new one
/// made for the worker to take over is blank until it has it (printed then, the timeline was a
/// blank 300 × 150 picture). Where nothing was painted yet, that canvas itself, as the screen
/// has it (the one case in the screen's colours). With the canvas's pixels per CSS pixel.
pub fn printable(canvas: &HtmlCanvasElement) -> Option<(HtmlCanvasElement, f64)> {
    let Some(frame) = PAGE.with_borrow(|p| p.shown.clone()) else {
        let css = canvas.get_bounding_client_rect().width();
        let ratio = if css > 0.0 {
            f64::from(canvas.width()) / css
        } else {
            1.0
        };
        return Some((canvas.clone(), ratio));
    };
    let document = web_sys::window()?.document()?;
    let copy: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    paint_here(
        &copy,
        (&*frame.scene).into(),
        Rows::all(frame.scene.height),
        &frame.colours.on_paper(),
        frame.ratio,
        true,
    );
    Some((copy, frame.ratio))
}

/// Gives `canvas` to the worker unless it has it: whether it was given now (`Some(true)`) or
/// before (`Some(false)`); none if it cannot be given.
fn hand_over(worker: &web_sys::Worker, canvas: &HtmlCanvasElement) -> Option<bool> {
    if PAGE.with_borrow(|p| p.transferred.as_ref() == Some(canvas)) {
        return Some(false);
    }
    // Refused for a canvas painted here before (it has a context of its own).
    let offscreen = canvas.transfer_control_to_offscreen().ok()?;
    let message = Object::new();
    set(&message, "kind", "canvas");
    set(&message, "canvas", &offscreen);
    worker
        .post_message_with_transfer(&message, &Array::of1(&offscreen))
        .ok()?;
    PAGE.with_borrow_mut(|p| {
        p.transferred = Some(canvas.clone());
        // (The canvas painted here before has left the page: not kept.)
        p.here = None;
        p.sent = None;
    });
    Some(true)
}

fn send(worker: &web_sys::Worker, canvas: &HtmlCanvasElement, frame: &Frame, new: bool) {
    if let (true, Some(place)) = (new, frame.place) {
        set_place(canvas, place);
    }
    let buffer = Uint8Array::from(&encode(&frame.scene, frame.rows)[..]).buffer();
    let message = Object::new();
    set(&message, "kind", "frame");
    set(&message, "bytes", &buffer);
    set(&message, "top", frame.rows.top);
    set(&message, "bottom", frame.rows.bottom);
    set(&message, "ratio", frame.ratio);
    set(&message, "events", frame.scene.marks().next().is_some());
    let colours = PAGE.with_borrow_mut(|p| {
        p.seq = p.seq.wrapping_add(1);
        set(&message, "seq", p.seq);
        if let (false, Some(place)) = (new, frame.place) {
            p.placing = Some((p.seq, place));
        }
        // (Not the same value, the same colours read: the system's `Canvas` may stand for
        // another colour now, read again with the theme.)
        let same = p
            .sent
            .as_ref()
            .is_some_and(|c| Rc::ptr_eq(c, &frame.colours));
        p.sent = Some(frame.colours.clone());
        (!same).then(|| frame.colours.resolved(canvas).to_js())
    });
    if let Some(colours) = colours {
        set(&message, "colours", colours);
    }
    if worker
        .post_message_with_transfer(&message, &Array::of1(&buffer))
        .is_err()
    {
        became(false);
        return;
    }
    PAGE.with_borrow_mut(|p| watch(p, p.seq));
}

// ---------------------------------------------------------------------------------------------
// The worker's side.

#[derive(Default)]
struct Painter {
    canvas: Option<HtmlCanvasElement>,
    colours: Option<Colours>,
    /// The latest frame not painted yet.
    frame: Option<JsValue>,
    /// The last frame painted: painted again when the canvas's context comes back after it was
    /// lost (a GPU reset, a long time in the background), which leaves the canvas blank.
    last: Option<JsValue>,
    restored: Option<EventListener>,
    /// The paint of `frame`, due once the messages already waiting are read.
    due: Option<Timeout>,
    /// The frames painted, to be said to the page in the next task.
    reports: Vec<Object>,
    report_due: Option<Timeout>,
}

thread_local! {
    static PAINTER: RefCell<Painter> = RefCell::new(Painter::default());
}

/// The worker's entry point (called by its script once the module is instantiated).
#[wasm_bindgen]
pub fn paint_worker() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
            let data = e.data();
            match get(&data, "kind").as_string().as_deref() {
                // The canvas is an OffscreenCanvas, which has every method painting calls (see
                // `paint::context`).
                Some("canvas") => PAINTER.with_borrow_mut(|p| {
                    let canvas: HtmlCanvasElement = get(&data, "canvas").unchecked_into();
                    p.restored = Some(EventListener::new(&canvas, "contextrestored", |_| {
                        let waiting = PAINTER.with_borrow(|p| p.frame.is_some() || p.due.is_some());
                        if !waiting {
                            if let Some(frame) = PAINTER.with_borrow(|p| p.last.clone()) {
                                paint_frame(frame);
                            }
                        }
                    }));
                    p.canvas = Some(canvas);
                    p.last = None;
                }),
                Some("frame") => PAINTER.with_borrow_mut(|p| {
                    // The colours come with the frame after they change: kept now, though a
                    // newer frame may take this one's place before it is painted.
                    let given = get(&data, "colours");
                    if !given.is_undefined() {
                        p.colours = Colours::from_js(&given);
                    }
                    p.frame = Some(data);
                    if p.due.is_none() {
                        p.due = Some(Timeout::new(0, paint_latest));
                    }
                }),
                _ => {}
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    set(&ready, "kind", "ready");
    let _ = scope.post_message(&ready);
}

fn paint_latest() {
    let Some(frame) = PAINTER.with_borrow_mut(|p| {
        p.due = None;
        p.frame.take()
    }) else {
        return;
    };
    paint_frame(frame);
}

/// Paints `frame` on the canvas, and says so to the page.
fn paint_frame(frame: JsValue) {
    let start = now();
    let Some(canvas) = PAINTER.with_borrow(|p| p.canvas.clone()) else {
        return;
    };
    let Some(colours) = PAINTER.with_borrow(|p| p.colours.clone()) else {
        return;
    };
    let bytes = Uint8Array::new(&get(&frame, "bytes")).to_vec();
    let Some(list) = decode(&bytes) else {
        return;
    };
    let number = |key: &str| get(&frame, key).as_f64().unwrap_or(0.0);
    let rows = Rows {
        top: number("top"),
        bottom: number("bottom"),
    };
    paint_here(
        &canvas,
        (&list).into(),
        rows,
        &colours,
        number("ratio"),
        false,
    );
    let painted = Object::new();
    set(&painted, "kind", "painted");
    set(&painted, "seq", get(&frame, "seq"));
    set(&painted, "events", get(&frame, "events"));
    set(&painted, "ms", now() - start);
    PAINTER.with_borrow_mut(|p| p.last = Some(frame));
    // The worker's memory, for the benchmarks (the page's own is one `WebAssembly.Memory` too).
    let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
    set(
        &painted,
        "memory",
        memory
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length(),
    );
    // Said in a task after this one, at whose end the picture goes to the screen: the page takes
    // away what covered the canvas once it is there.
    PAINTER.with_borrow_mut(|p| {
        p.reports.push(painted);
        if p.report_due.is_none() {
            p.report_due = Some(Timeout::new(0, report));
        }
    });
}

fn report() {
    let reports = PAINTER.with_borrow_mut(|p| {
        p.report_due = None;
        std::mem::take(&mut p.reports)
    });
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    for painted in reports {
        let _ = scope.post_message(&painted);
    }
}

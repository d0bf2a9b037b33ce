//! When work happens: after the next frame, once input pauses (debounce), or not at all because
//! newer work superseded it (cancellation).

use gloo::render::AnimationFrame;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Runs `f` in a task after the browser's next frame (an animation frame, then a zero timeout):
/// for work that must not delay what that frame shows. Dropping the handle cancels it.
pub struct AfterFrame {
    _frame: AnimationFrame,
    timer: Rc<RefCell<Option<Timeout>>>,
}

impl Drop for AfterFrame {
    fn drop(&mut self) {
        self.timer.borrow_mut().take();
    }
}

pub fn after_next_frame(f: impl FnOnce() + 'static) -> AfterFrame {
    let timer = Rc::new(RefCell::new(None));
    let slot = timer.clone();
    let frame = gloo::render::request_animation_frame(move |_| {
        *slot.borrow_mut() = Some(Timeout::new(0, f));
    });
    AfterFrame {
        _frame: frame,
        timer,
    }
}

/// The time in ms on a clock that only goes forward (`performance.now()`, in the page or a
/// worker; the wall clock, which a system's time set back would turn back, where there is none).
pub fn now() -> f64 {
    thread_local! {
        static PERFORMANCE: Option<web_sys::Performance> = {
            use wasm_bindgen::JsCast;
            js_sys::Reflect::get(&js_sys::global(), &"performance".into())
                .ok()
                .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        };
    }
    PERFORMANCE.with(|p| p.as_ref().map_or_else(js_sys::Date::now, |p| p.now()))
}

/// Runs the last work given to it once `ms` have passed without another (zooming, panning and
/// typing come in bursts; links, storage and the accessible layer need only the end of one).
///
/// One timer looks at the work, not one per work given: a drag's moves, 60 a second, each gave
/// the browser a timer to set and the one before to clear (a closure made and dropped each
/// time). The timer, when it fires, finds the work due later and waits again for the rest.
#[derive(Default)]
pub struct Debounce(Rc<RefCell<Waiting>>);

#[derive(Default)]
struct Waiting {
    /// Work given and neither cancelled nor replaced (it may have run).
    given: bool,
    work: Option<Box<dyn FnOnce()>>,
    /// When the work is due (see [`now`]).
    due: f64,
    /// The timer that looks at the work next, set for no later than `due`.
    timer: Option<Timeout>,
}

impl Debounce {
    /// (Re)starts the wait; whatever was waiting is dropped.
    pub fn run(&mut self, ms: u32, f: impl FnOnce() + 'static) {
        let due = now() + f64::from(ms);
        let mut waiting = self.0.borrow_mut();
        waiting.given = true;
        waiting.work = Some(Box::new(f));
        // A timer that would look later than the work is due is set again.
        if waiting.timer.is_none() || waiting.due > due {
            waiting.timer = Some(look_after(&self.0, ms));
        }
        waiting.due = due;
    }

    /// Drops what is waiting.
    pub fn cancel(&mut self) {
        let mut waiting = self.0.borrow_mut();
        waiting.given = false;
        waiting.work = None;
        waiting.timer = None;
    }

    /// Whether work was given and has been neither cancelled nor replaced (it may have run).
    pub fn is_set(&self) -> bool {
        self.0.borrow().given
    }
}

/// A timer that, in `ms`, runs `waiting`'s work if it is due, or waits again until it is.
fn look_after(waiting: &Rc<RefCell<Waiting>>, ms: u32) -> Timeout {
    let waiting = Rc::downgrade(waiting);
    Timeout::new(ms, move || {
        // (Dropped, the debounce took its work with it.)
        let Some(waiting) = waiting.upgrade() else {
            return;
        };
        let left = waiting.borrow().due - now();
        let work = if left >= 1.0 && waiting.borrow().work.is_some() {
            let again = look_after(&waiting, left.ceil() as u32);
            waiting.borrow_mut().timer = Some(again);
            None
        } else {
            let mut w = waiting.borrow_mut();
            w.timer = None;
            w.work.take()
        };
        // (Not borrowed while it runs: it may give the debounce new work.)
        if let Some(work) = work {
            work();
        }
    })
}

/// Numbers the runs of one kind of work (loads of a chronology, saves to storage): beginning a
/// new run supersedes the older ones, which must then not finish (a slow `?data=` load must not
/// undo a newer import, a slow save must not keep what a Restore forgot), and are aborted if
/// they said how.
pub struct Latest {
    count: Cell<u64>,
    abort: RefCell<Option<Box<dyn FnOnce()>>>,
}

/// One run of a [`Latest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ticket(u64);

impl Latest {
    pub const fn new() -> Self {
        Self {
            count: Cell::new(0),
            abort: RefCell::new(None),
        }
    }

    /// A new run begins: the one before, if still running, is aborted.
    pub fn begin(&self) -> Ticket {
        let abort = self.abort.borrow_mut().take();
        if let Some(abort) = abort {
            abort();
        }
        self.count.set(self.count.get() + 1);
        Ticket(self.count.get())
    }

    /// Whether `ticket`'s run is still the latest.
    pub fn is_current(&self, ticket: Ticket) -> bool {
        self.count.get() == ticket.0
    }

    /// How to stop `ticket`'s run if a newer one begins.
    pub fn on_abort(&self, ticket: Ticket, abort: impl FnOnce() + 'static) {
        if self.is_current(ticket) {
            *self.abort.borrow_mut() = Some(Box::new(abort));
        }
    }

    /// `ticket`'s run has ended: nothing to abort any more.
    pub fn finish(&self, ticket: Ticket) {
        if self.is_current(ticket) {
            self.abort.borrow_mut().take();
        }
    }
}

impl Default for Latest {
    fn default() -> Self {
        Self::new()
    }
}

thread_local! {
    /// Loads of a chronology (a file, `?data=`, the import kept in IndexedDB): only the latest
    /// may replace the chronology shown.
    pub static LOADS: Latest = const { Latest::new() };
    /// Saves and forgets of the kept import: only the latest decides what is kept.
    pub static SAVES: Latest = const { Latest::new() };
}

/// While an animation runs, dispatches each animation frame's time. The loop asks for the next
/// frame whenever a render finds an animation running and no frame asked for (not from an
/// effect's dependencies, which a render may skip), so that an animation never stalls.
#[yew::hook]
pub fn use_animation_frames(
    running: bool,
    dispatcher: yew::UseReducerDispatcher<crate::store::State>,
) {
    let frame = yew::use_mut_ref(|| None::<AnimationFrame>);
    if !running {
        // Nothing to animate: a frame still asked for is dropped (cancelled).
        frame.borrow_mut().take();
        return;
    }
    if frame.borrow().is_some() {
        return;
    }
    let slot = frame.clone();
    let requested = gloo::render::request_animation_frame(move |now| {
        // This frame has come: the render it causes asks for the next one.
        slot.borrow_mut().take();
        dispatcher.dispatch(crate::store::Action::Frame(now));
    });
    *frame.borrow_mut() = Some(requested);
}

/// `value` once it has stood still for `ms` (its first value at once): what a live region
/// should say of something that changes at every frame while it moves (a zoom's window).
#[yew::hook]
pub fn use_settled<T: Clone + PartialEq + 'static>(value: T, ms: u32) -> T {
    let settled = yew::use_state(|| value.clone());
    let pending = yew::use_mut_ref(Debounce::default);
    {
        let settled = settled.clone();
        yew::use_effect_with(value, move |value| {
            let value = value.clone();
            // The one before, if still waiting, is dropped.
            pending.borrow_mut().run(ms, move || settled.set(value));
        });
    }
    (*settled).clone()
}

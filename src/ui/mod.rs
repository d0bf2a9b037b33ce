//! The thin Yew layer: one store (`app`), one component per file, effects at the edge.

pub mod app;
pub mod detail;
pub mod dialogs;
pub mod download;
pub mod event_list;
pub mod facets;
pub mod import;
pub mod overview;
pub mod paint;
pub mod palette;
pub mod panic;
pub mod print_list;
pub mod search;
pub mod snapshot;
pub mod storage;
pub mod text;
pub mod timeline;
pub mod url_sync;

/// Installs the panic hook and mounts the app in `#app`.
pub fn start() {
    mark("explorer:start");
    panic::install();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}

/// A `performance.mark` (seen in DevTools' performance panel and read by the benchmarks).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Runs `f` in a task after the browser's next frame (an animation frame, then a zero timeout):
/// for work that must not delay what that frame shows. Dropping the handle cancels it.
pub struct AfterFrame {
    _frame: gloo::render::AnimationFrame,
    timer: std::rc::Rc<std::cell::RefCell<Option<gloo::timers::callback::Timeout>>>,
}

impl Drop for AfterFrame {
    fn drop(&mut self) {
        self.timer.borrow_mut().take();
    }
}

pub fn after_next_frame(f: impl FnOnce() + 'static) -> AfterFrame {
    let timer = std::rc::Rc::new(std::cell::RefCell::new(None));
    let slot = timer.clone();
    let frame = gloo::render::request_animation_frame(move |_| {
        *slot.borrow_mut() = Some(gloo::timers::callback::Timeout::new(0, f));
    });
    AfterFrame {
        _frame: frame,
        timer,
    }
}

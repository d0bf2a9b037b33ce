//! Pointer, wheel and size input on the timeline, turned into actions by the core's gesture
//! arithmetic ([`crate::core::gesture`]).

use super::canvas::Painted;
use super::targets::target_action;
use crate::core::gesture::{self, Wheel, DRAG_THRESHOLD_PX};
use crate::core::scale::TimeScale;
use crate::core::scene::TargetKind;
use crate::core::viewport::{Limits, Viewport};
use crate::store::Action;
use crate::ui::adapters::timing::Debounce;
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long the drawing keeps its height after the last wheel step or drag move.
const HOLD_MS: u32 = 700;

/// Keeps the drawing from shrinking under the pointer while a wheel, drag or pinch gesture goes
/// on: zooming in can leave fewer lanes, and a drawing that shrank away from the pointer would
/// hand the next wheel steps to the page, which would scroll instead of zooming back out. The
/// drawing's box keeps the height it had when the gesture began (it may grow) until the gesture
/// pauses.
///
/// The canvas's bitmap does not shrink meanwhile either ([`HeightHold::active`]): resizing a
/// canvas reallocates and clears it, which cost more than painting the frame.
#[derive(Clone)]
pub struct HeightHold {
    container: NodeRef,
    release: Rc<RefCell<Debounce>>,
    active: Rc<Cell<bool>>,
    /// The drawing's left edge in the window, read once a gesture, with the window's width then
    /// (see [`HeightHold::local_x`]).
    left: Rc<Cell<Option<(f64, f64)>>>,
    /// Asks for a render when the gesture pauses (the canvas then takes the drawing's height).
    rerender: UseForceUpdateHandle,
}

impl HeightHold {
    pub fn hold(&self) {
        let Some(el) = self.container.cast::<web_sys::HtmlElement>() else {
            return;
        };
        // (Once a gesture: reading the style at every move cost a call into the page each.)
        if !self.active.replace(true) {
            let style = el.style();
            if style
                .get_property_value("min-height")
                .unwrap_or_default()
                .is_empty()
            {
                let _ = style.set_property("min-height", &format!("{}px", el.offset_height()));
            }
        }
        let (active, left, rerender) = (
            self.active.clone(),
            self.left.clone(),
            self.rerender.clone(),
        );
        self.release.borrow_mut().run(HOLD_MS, move || {
            let _ = el.style().remove_property("min-height");
            active.set(false);
            left.set(None);
            rerender.force_update();
        });
    }

    /// Where `client_x` is in the drawing `svg`. While a gesture goes on, the drawing's edge is
    /// the one read at its first step: reading it asks the browser to lay the page out first
    /// wherever something changed since the last frame (a task between two moves of a drag:
    /// up to 2 ms at 10,000 events), and the page keeps it in place meanwhile, unless the
    /// window's width changes (a phone turned, the sidebar's breakpoint): it is read again then.
    pub fn local_x(&self, svg: &web_sys::Element, client_x: f64) -> f64 {
        let width = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .unwrap_or(0.0);
        let cached = self
            .left
            .get()
            .filter(|&(_, then)| self.active.get() && then == width);
        let left = match cached {
            Some((left, _)) => left,
            None => {
                let left = svg.get_bounding_client_rect().left();
                if self.active.get() {
                    self.left.set(Some((left, width)));
                }
                left
            }
        };
        client_x - left
    }

    /// Whether a gesture is going on.
    pub fn active(&self) -> bool {
        self.active.get()
    }
}

#[hook]
pub fn use_height_hold(container: NodeRef, rerender: UseForceUpdateHandle) -> HeightHold {
    let release = use_mut_ref(Debounce::default);
    let active = use_memo((), |_| Cell::new(false));
    let left = use_memo((), |_| Cell::new(None));
    HeightHold {
        container,
        release,
        active,
        left,
        rerender,
    }
}

/// Where a mouse event is in the drawing.
fn drawing_point(svg: &web_sys::Element, e: &MouseEvent) -> (f64, f64) {
    let rect = svg.get_bounding_client_rect();
    (
        f64::from(e.client_x()) - rect.left(),
        f64::from(e.client_y()) - rect.top(),
    )
}

/// Follows the container's width (window resizes, a scrollbar coming or going, layout changes).
#[hook]
pub fn use_resize(container: NodeRef, dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let measure = {
            let container = container.clone();
            move || {
                if let Some(el) = container.cast::<web_sys::Element>() {
                    dispatch.emit(Action::Resize(f64::from(el.client_width())));
                }
            }
        };
        measure();
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(measure);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(el)) = (&observer, container.cast::<web_sys::Element>()) {
            observer.observe(&el);
        }
        move || {
            if let Some(observer) = observer {
                observer.disconnect();
            }
            drop(callback);
        }
    });
}

/// Wheel zoom and sideways-scroll pan over the drawing's box (`area`, which holds the drawing
/// `svg`); a non-passive listener, to keep the page from scrolling. `current` is the scale of
/// the last render.
#[hook]
pub fn use_wheel(
    area: NodeRef,
    svg: NodeRef,
    dispatch: Callback<Action>,
    current: Rc<RefCell<TimeScale>>,
    hold: HeightHold,
) {
    use_effect_with((), move |_| {
        let listener = area.cast::<web_sys::Element>().map(|target| {
            EventListener::new_with_options(
                &target,
                "wheel",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(w) = event.dyn_ref::<web_sys::WheelEvent>() else {
                        return;
                    };
                    let Some(svg) = svg.cast::<web_sys::Element>() else {
                        return;
                    };
                    // A list opened over the drawing scrolls as lists do.
                    let over_list = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|t| t.closest(".cluster-list").ok().flatten())
                        .is_some();
                    if over_list {
                        return;
                    }
                    event.prevent_default();
                    hold.hold();
                    let scale = *current.borrow();
                    let x = hold.local_x(&svg, f64::from(w.client_x()));
                    let intent = gesture::wheel(
                        w.delta_mode(),
                        w.delta_x(),
                        w.delta_y(),
                        w.shift_key(),
                        x,
                        &scale,
                    );
                    match intent {
                        Some(Wheel::Pan(v)) => dispatch.emit(Action::SetViewport(v)),
                        Some(Wheel::Zoom { factor, at }) => dispatch.emit(Action::ZoomAbout {
                            factor,
                            at,
                            animate: false,
                        }),
                        None => {}
                    }
                },
            )
        });
        move || drop(listener)
    });
}

/// Pointer state of a drag or a two-finger pinch, kept outside the render cycle.
#[derive(Default)]
pub struct Gesture {
    /// Active pointers: (pointer id, x in the drawing).
    pointers: Vec<(i32, f64)>,
    start_x: f64,
    start_viewport: Option<Viewport>,
    dragging: bool,
    /// The last press became a drag or a pinch: its click is not a click.
    moved: bool,
}

/// The timeline's pointer handlers.
pub struct Pointer {
    pub down: Callback<PointerEvent>,
    pub moves: Callback<PointerEvent>,
    pub up: Callback<PointerEvent>,
    pub double_click: Callback<MouseEvent>,
    pub click: Callback<MouseEvent>,
}

/// What the pointer handlers work with.
pub struct PointerInputs {
    pub svg: NodeRef,
    pub dispatch: Callback<Action>,
    pub viewport: Viewport,
    pub limits: Limits,
    pub width: f64,
    /// The scale of the last render.
    pub current: Rc<RefCell<TimeScale>>,
    /// What is painted: a click finds what was drawn under the pointer.
    pub painted: Rc<RefCell<Painted>>,
    /// The lanes' groups (a click on a header toggles it).
    pub grouping: crate::store::Shared<Option<crate::core::grouping::Grouping>>,
    pub hold: HeightHold,
    /// The scene the accessible layer was made from (a click without a position on one of its
    /// badges opens what the badge stands for there).
    pub layer: super::targets::LayerScene,
}

#[hook]
pub fn use_pointer(inputs: PointerInputs) -> Pointer {
    let gesture = use_mut_ref(Gesture::default);
    let PointerInputs {
        svg,
        dispatch,
        viewport,
        limits,
        width,
        current,
        painted,
        grouping,
        hold,
        layer,
    } = inputs;
    let down = {
        let gesture = gesture.clone();
        let svg = svg.clone();
        let hold = hold.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let Some(svg) = svg.cast::<web_sys::Element>() else {
                return;
            };
            let x = hold.local_x(&svg, f64::from(e.client_x()));
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|(id, _)| *id != e.pointer_id());
            g.pointers.push((e.pointer_id(), x));
            g.start_x = x;
            g.start_viewport = Some(viewport);
            g.dragging = g.pointers.len() > 1;
            g.moved = g.dragging;
        })
    };
    let moves = {
        let gesture = gesture.clone();
        let current = current.clone();
        let dispatch = dispatch.clone();
        let svg = svg.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(svg) = svg.cast::<web_sys::Element>() else {
                return;
            };
            let mut g = gesture.borrow_mut();
            let Some(slot) = g.pointers.iter().position(|(id, _)| *id == e.pointer_id()) else {
                return;
            };
            if e.pointer_type() == "mouse" && e.buttons() == 0 {
                // The button was released outside the drawing before the drag began.
                *g = Gesture::default();
                return;
            }
            if g.pointers.len() >= 2 || g.dragging {
                hold.hold();
            }
            let x = hold.local_x(&svg, f64::from(e.client_x()));
            let scale = *current.borrow();
            if g.pointers.len() >= 2 {
                // Two fingers: zoom about their midpoint by the change of their distance.
                let other = g.pointers[1 - slot.min(1)].1;
                let before = g.pointers[slot].1;
                g.pointers[slot].1 = x;
                if let Some((factor, at)) = gesture::pinch(before, x, other, scale.width) {
                    dispatch.emit(Action::ZoomAbout {
                        factor,
                        at,
                        animate: false,
                    });
                }
                return;
            }
            g.pointers[slot].1 = x;
            let dx = x - g.start_x;
            if !g.dragging && dx.abs() >= DRAG_THRESHOLD_PX {
                g.dragging = true;
                g.moved = true;
                let _ = svg.set_pointer_capture(e.pointer_id());
            }
            if g.dragging {
                if let Some(start) = g.start_viewport {
                    dispatch.emit(Action::SetViewport(gesture::drag(
                        start, dx, width, &limits,
                    )));
                }
            }
        })
    };
    let up = {
        let gesture = gesture.clone();
        let svg = svg.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|(id, _)| *id != e.pointer_id());
            if let Some(svg) = svg.cast::<web_sys::Element>() {
                let _ = svg.release_pointer_capture(e.pointer_id());
            }
            match g.pointers.as_slice() {
                [] => {
                    g.dragging = false;
                    g.start_viewport = None;
                }
                // After a pinch, the finger left down goes on panning from where it is.
                [(_, x)] => {
                    let scale = *current.borrow();
                    g.start_x = *x;
                    g.start_viewport = Some(Viewport::new(scale.start, scale.end));
                }
                _ => {}
            }
        })
    };
    // A double-click zooms in about the pointer, on an event (which its first click selected)
    // or between events; not on a lane's header (its two clicks folded the lane and opened it
    // again: nothing changes) or a badge (its first click opened it already). Its clicks stay
    // clicks: a tap, Escape and a tap again at the same place select twice.
    let double_click = {
        let dispatch = dispatch.clone();
        let svg = svg.clone();
        let painted = painted.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(svg) = svg.cast::<web_sys::Element>() else {
                return;
            };
            let (x, y) = drawing_point(&svg, &e);
            let scene = &painted.borrow().scene;
            // On an event, about the pointer as far as keeps its mark and label in view.
            let at = match scene.hit(x, y) {
                Some(t) if matches!(t.kind, TargetKind::Mark { .. }) => {
                    Some(gesture::zoom_keeping(x, t.x, t.x + t.w, width, 2.0))
                }
                Some(_) => None,
                None => scene.group_at(x, y).is_none().then_some(x),
            };
            if let Some(at) = at {
                dispatch.emit(Action::ZoomAbout {
                    factor: 2.0,
                    at: at / width,
                    animate: true,
                });
            }
        })
    };
    // A click selects the event drawn under the pointer (or opens a badge): found in the scene
    // as painted, so that it is right even while the accessible layer is catching up.
    let click = Callback::from(move |e: MouseEvent| {
        if std::mem::take(&mut gesture.borrow_mut().moved) {
            return;
        }
        let Some(svg) = svg.cast::<web_sys::Element>() else {
            return;
        };
        let (x, y) = drawing_point(&svg, &e);
        let scene = painted.borrow().scene.clone();
        // A group's header collapses or expands it.
        if let (None, Some(strip)) = (scene.hit(x, y), scene.group_at(x, y)) {
            let key = grouping
                .as_ref()
                .as_ref()
                .and_then(|g| g.groups.get(strip.index))
                .map(|g| g.key.clone());
            if let Some(key) = key {
                dispatch.emit(Action::ToggleGroup(key));
            }
            return;
        }
        let action = match scene.hit(x, y) {
            Some(target) => Some(Action::for_target(&target.kind)),
            // Not over anything drawn (e.g. a click from assistive technology without a
            // position): the target element says what it stands for.
            None => e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[data-action]").ok().flatten())
                .and_then(|t| target_action(&t, &layer)),
        };
        if let Some(action) = action {
            dispatch.emit(action);
        }
    });
    Pointer {
        down,
        moves,
        up,
        double_click,
        click,
    }
}

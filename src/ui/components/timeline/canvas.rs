//! The canvas paint as a hook: each render's scene is painted at the next animation frame
//! (several renders in one frame paint once), in the theme's colours: handed to the paint worker
//! then (see `adapters::paint_worker`), whose picture follows a little after, or painted there.

use super::input::HeightHold;
use crate::core::dataset::Chronology;
use crate::core::layout::TimelineIndex;
use crate::core::scale::TimeScale;
use crate::core::scene::Rows;
use crate::core::scene::{BlockLanes, Scene, SceneInput};
use crate::core::viewport::Viewport;
use crate::store::{Action, Shared};
use crate::ui::adapters::paint::{pixel_ratio, ThemeColours};
use crate::ui::adapters::paint_worker::{self, Frame};
use gloo::events::EventListener;
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What a scene is built from, besides the width.
#[derive(Clone)]
pub struct SceneInputs {
    pub data: Shared<Chronology>,
    pub index: Shared<TimelineIndex>,
    pub matches: Shared<Vec<bool>>,
    pub dim: bool,
    pub selected: Option<usize>,
    pub grouping: Shared<Option<crate::core::grouping::Grouping>>,
    pub viewport: Viewport,
    /// The lanes each block keeps at least (see [`Scene::build_keeping`]): while a gesture
    /// goes on, those of the scene drawn as it began; else none.
    pub keep: Rc<[BlockLanes]>,
}

impl SceneInputs {
    /// Whether `other` gives the same scene (its shared parts are the same values: while
    /// `self` holds them, no other value can take their addresses).
    pub fn same_as(&self, other: &SceneInputs) -> bool {
        self.data.id() == other.data.id()
            && self.index.id() == other.index.id()
            && self.matches.id() == other.matches.id()
            && self.dim == other.dim
            && self.selected == other.selected
            && self.grouping.id() == other.grouping.id()
            && self.viewport == other.viewport
            // Kept lanes are those of the scene drawn last, or more: built with them, the same
            // inputs give the same scene (a block that grew does not call for another build).
            && self.keep.is_empty() == other.keep.is_empty()
    }

    pub fn build(&self, width: f64) -> Scene {
        Scene::build_keeping(
            &SceneInput {
                data: &self.data,
                index: &self.index,
                matches: &self.matches,
                dim: self.dim,
                selected: self.selected,
                grouping: (*self.grouping).as_ref(),
            },
            &TimeScale::new(self.viewport.start, self.viewport.end, width.max(100.0)),
            &self.keep,
        )
    }
}

/// The scene to paint at the next frame, and that frame's request.
#[derive(Default)]
pub struct Painted {
    /// The scene of the latest render (also what clicks are tested against).
    pub scene: Rc<Scene>,
    frame: Option<AnimationFrame>,
    /// The theme's colours.
    colours: ThemeColours,
    /// The theme of the latest render: (dark, system colour changes seen).
    theme: (bool, u32),
    /// The drawing's size in CSS pixels (the canvas holds `rows` of it).
    size: (f64, f64),
    /// The rows of the drawing on the canvas.
    rows: Option<Rows>,
    /// The canvas they are on (it is made anew when the paint worker takes over).
    placed_on: Option<web_sys::HtmlCanvasElement>,
    /// The rows in view found for the gesture going on, while the drawing keeps its size.
    held_rows: Option<Rows>,
    /// What the latest render's scene was built from (for the first frame, which may find
    /// another width).
    inputs: Option<SceneInputs>,
    /// What makes the timeline render again with a new canvas (see
    /// `paint_worker::canvas_key`).
    on_new_canvas: Option<Rc<dyn Fn()>>,
    /// The scene on the canvas, and the theme it was painted in.
    on_canvas: Option<(Rc<Scene>, (bool, u32))>,
    /// Whether a wheel, drag or pinch gesture goes on: the canvas keeps its height meanwhile
    /// (see [`HeightHold`]).
    holding: bool,
}

/// Rows of the drawing painted beyond those in view, above and below: a scroll of up to this
/// much (an arrow key's) shows painted rows while the canvas catches up. (160 cost a zoom's
/// step at 10,000 events about 0.5 ms of its 9, for scrolls that a gesture on the timeline
/// rarely meets.)
const ROWS_BEYOND_VIEW: f64 = 48.0;

/// The rows of a drawing `height` px tall, in `canvas`'s container, that are in the window, and
/// `beyond` px more either side, at `ratio` device pixels per CSS pixel.
fn rows_in_view(canvas: &web_sys::HtmlCanvasElement, height: f64, ratio: f64, beyond: f64) -> Rows {
    let window = web_sys::window();
    let view = window
        .as_ref()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64());
    match (canvas.parent_element(), view) {
        (Some(container), Some(view)) => {
            // The container's top border: the canvas starts below it.
            let top =
                container.get_bounding_client_rect().top() + f64::from(container.client_top());
            let from = (-top - beyond).clamp(0.0, height);
            let to = (view - top + beyond).clamp(from, height);
            Rows::new(from, to, ratio)
        }
        _ => Rows::all(height),
    }
}

/// Paints `scene` on the canvas now, at the latest render's theme. While a gesture goes on, the
/// canvas holds only the rows in view (see [`rows_in_view`]: a canvas much taller than the
/// screen cost each frame of a zoom a third more), and it does not shrink (the drawing's box
/// keeps its height then anyway); the gesture's pause paints it whole.
fn paint_scene(canvas: &web_sys::HtmlCanvasElement, painted: &RefCell<Painted>, scene: Rc<Scene>) {
    let mut p = painted.borrow_mut();
    let theme = p.theme;
    let colours = p.colours.of(canvas, theme);
    let height = if p.holding {
        scene.height.max(p.size.1)
    } else {
        scene.height
    };
    let ratio = pixel_ratio();
    // While a gesture goes on, only the rows in view (with some beyond), found once: the
    // page's scroll, the window and the layout around are followed by `follow_view`, and
    // reading where the drawing stands would lay the page out in the middle of each frame.
    // Otherwise all of them (a picture of the whole page shows the whole drawing).
    let rows = match p.held_rows {
        _ if !p.holding => Rows::all(height),
        Some(rows) if p.size == (scene.width, height) => rows,
        _ => rows_in_view(canvas, height, ratio, ROWS_BEYOND_VIEW),
    };
    p.held_rows = p.holding.then_some(rows);
    let placed =
        p.rows != Some(rows) || p.size.0 != scene.width || p.placed_on.as_ref() != Some(canvas);
    p.placed_on = Some(canvas.clone());
    p.size = (scene.width, height);
    p.rows = Some(rows);
    p.on_canvas = Some((scene.clone(), theme));
    let on_new_canvas = p.on_new_canvas.clone().unwrap_or_else(|| Rc::new(|| ()));
    drop(p);
    let frame = Frame {
        scene: scene.clone(),
        rows,
        colours,
        ratio,
        // The canvas's box (the drawing's width, the rows' top and height), where it moves: set
        // with the picture that fills it (a worker's comes a little later; the old picture in
        // the new box would be stretched meanwhile).
        place: placed.then(|| (scene.width, rows.top, rows.height())),
    };
    paint_worker::paint(canvas, frame, on_new_canvas);
}

/// Paints the scene on the canvas again when the rows in view are no longer all on it (during a
/// gesture: the page scrolled, the window changed size, or what stands above the timeline did).
fn follow_view(canvas: &NodeRef, painted: &Rc<RefCell<Painted>>) {
    let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>() else {
        return;
    };
    let p = painted.borrow();
    // At rest the canvas holds the whole drawing (and a frame on its way finds the rows again).
    if !p.holding || p.frame.is_some() {
        return;
    }
    let Some(rows) = p.rows else {
        return;
    };
    if rows.holds(&rows_in_view(&element, p.size.1, pixel_ratio(), 0.0)) {
        return;
    }
    drop(p);
    // Rows to be found again at the frame.
    painted.borrow_mut().held_rows = None;
    paint_at_next_frame(painted, canvas.clone());
}

/// What the paint hook needs from the component.
pub struct CanvasPaint {
    pub canvas: NodeRef,
    pub container: NodeRef,
    pub scene: Rc<Scene>,
    pub inputs: SceneInputs,
    pub dark: bool,
    pub dispatch: Callback<Action>,
    /// Set when the accessible layer is due (after the first frame); with `rerender`, asks the
    /// component to build it.
    pub settle_due: Rc<RefCell<bool>>,
    pub rerender: UseForceUpdateHandle,
    pub hold: HeightHold,
}

/// Paints each render's scene at the next animation frame; returns what is painted.
#[hook]
pub fn use_canvas_paint(args: CanvasPaint) -> Rc<RefCell<Painted>> {
    let painted = use_mut_ref(Painted::default);
    let system_colours = crate::ui::adapters::paint::use_system_colour_changes();
    {
        // A 2D context the browser dropped (a tab long in the background, say) comes back
        // blank: the scene is painted again (renders only paint a scene that is not shown).
        let (painted, canvas) = (painted.clone(), args.canvas.clone());
        use_effect_with((), move |_| {
            let listener = canvas.cast::<web_sys::HtmlCanvasElement>().map(|target| {
                let element = target.clone();
                EventListener::new(&element, "contextrestored", move |_| {
                    let scene = painted.borrow().scene.clone();
                    paint_scene(&target, &painted, scene);
                })
            });
            move || drop(listener)
        });
    }
    {
        // While a gesture goes on, the canvas holds the rows in view: it follows the page's
        // scroll, the window's size and the page's own (what stands above the timeline may grow
        // or shrink).
        let (painted, canvas) = (painted.clone(), args.canvas.clone());
        use_effect_with((), move |_| {
            let follow = Rc::new(move || follow_view(&canvas, &painted));
            let window = web_sys::window();
            let listeners = window.as_ref().map(|window| {
                let on = |name: &'static str| {
                    let follow = follow.clone();
                    EventListener::new(window, name, move |_| follow())
                };
                [on("scroll"), on("resize")]
            });
            let callback = {
                let follow = follow.clone();
                wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || follow())
            };
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            let body = window.and_then(|w| w.document()).and_then(|d| d.body());
            if let (Some(observer), Some(body)) = (&observer, body) {
                observer.observe(&body);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop((listeners, callback));
            }
        });
    }
    {
        // A new canvas (the paint worker took over, or was lost; see `paint_worker::canvas_key`)
        // is blank: once it is in the page, the scene is painted on it, whatever was painted on
        // the old one meanwhile.
        let (painted, canvas) = (painted.clone(), args.canvas.clone());
        use_effect_with(paint_worker::canvas_key(), move |_| {
            let new = canvas.cast::<web_sys::HtmlCanvasElement>();
            if new.is_some() && painted.borrow().placed_on != new {
                paint_at_next_frame(&painted, canvas);
            }
        });
    }
    {
        let mut p = painted.borrow_mut();
        if p.on_new_canvas.is_none() {
            // The new canvas shows nothing yet: whatever the scene, it is painted (the scene
            // on the canvas was on the old one, see `shown`), and placed.
            let rerender = args.rerender.clone();
            p.on_new_canvas = Some(Rc::new(move || rerender.force_update()));
        }
        p.scene = args.scene.clone();
        p.theme = (args.dark, system_colours);
        p.inputs = Some(args.inputs.clone());
        p.holding = args.hold.active();
    }
    // The first picture goes into the browser's first frame: Yew runs effects (which measure the
    // width) only after that frame when the first render is long, so this animation frame, asked
    // for during the render, measures the container itself, paints at its width and hands the
    // width on to the state. The accessible layer is not part of that first frame: it follows in
    // the render that the frame asks for.
    let first = use_mut_ref(|| true);
    if std::mem::take(&mut *first.borrow_mut()) {
        let for_frame = painted.clone();
        let CanvasPaint {
            canvas,
            container,
            dispatch,
            settle_due,
            rerender,
            ..
        } = args;
        let frame = request_animation_frame(move |_| {
            let painted = for_frame;
            painted.borrow_mut().frame = None;
            // The state learns the width, and the accessible layer is built, in a task after
            // this frame, not in this frame's microtasks.
            let measured = container
                .cast::<web_sys::Element>()
                .map(|c| f64::from(c.client_width()))
                .filter(|w| *w > 0.0);
            Timeout::new(0, move || {
                *settle_due.borrow_mut() = true;
                rerender.force_update();
                if let Some(width) = measured {
                    dispatch.emit(Action::Resize(width));
                }
            })
            .forget();
            let (Some(canvas), Some(measured)) =
                (canvas.cast::<web_sys::HtmlCanvasElement>(), measured)
            else {
                return;
            };
            let scene = {
                let p = painted.borrow();
                match &p.inputs {
                    Some(i) if (p.scene.width - measured.max(100.0)).abs() >= 0.5 => {
                        Rc::new(i.build(measured))
                    }
                    _ => p.scene.clone(),
                }
            };
            paint_scene(&canvas, &painted, scene);
        });
        painted.borrow_mut().frame = Some(frame);
        return painted;
    }
    // Later renders paint at the next animation frame, asked for here rather than in an effect:
    // Yew runs effects after a frame when a render is long (a filter change over thousands of
    // events), and the drawing's new scene must go out in the same frame as the rest of the page
    // (painted there, or handed to the paint worker, which paints it right away).
    // (A canvas held taller than its scene, or holding only the rows in view, is painted again
    // once the gesture pauses.)
    let shown = {
        let p = painted.borrow();
        p.on_canvas.as_ref().is_some_and(|(scene, theme)| {
            Rc::ptr_eq(scene, &args.scene) && *theme == (args.dark, system_colours)
        }) && (p.holding || p.rows == Some(Rows::all(args.scene.height)))
    };
    if !shown {
        paint_at_next_frame(&painted, args.canvas);
    }
    painted
}

/// Paints the latest render's scene at the next animation frame (unless one is asked for).
fn paint_at_next_frame(painted: &Rc<RefCell<Painted>>, canvas: NodeRef) {
    if painted.borrow().frame.is_some() {
        return;
    }
    let for_frame = painted.clone();
    let frame = request_animation_frame(move |_| {
        for_frame.borrow_mut().frame = None;
        if let Some(canvas) = canvas.cast::<web_sys::HtmlCanvasElement>() {
            let scene = for_frame.borrow().scene.clone();
            paint_scene(&canvas, &for_frame, scene);
        }
    });
    painted.borrow_mut().frame = Some(frame);
}

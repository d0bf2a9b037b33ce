//! The zoomable timeline: phase bands, a two-tier axis, lanes of points and spans, clusters.
//! Everything it draws comes from the core (scale, ticks, layout); this file only turns that into
//! SVG and turns wheel, pointer and key input into actions.

use crate::core::dataset::Chronology;
use crate::core::layout::TimelineIndex;
use crate::core::scale::TimeScale;
use crate::core::scene::{Scene, SceneInput, TargetKind};
use crate::core::viewport::{Limits, Viewport};
use crate::ui::app::{Action, Shared};
use crate::ui::paint::{paint, Colours};
use crate::ui::{after_next_frame, AfterFrame};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use crate::core::scene::LAYOUT_OPTIONS;

/// One wheel "line" step (deltaY 100 in Chromium) zooms by this factor.
const WHEEL_ZOOM_PER_100: f64 = 1.25;
const DRAG_THRESHOLD_PX: f64 = 4.0;
/// The accessible layer follows the drawing this long after the window stops moving.
const SETTLE_MS: u32 = 120;

thread_local! {
    /// The scene last painted and its colours: what "Save the timeline as drawn" saves.
    static DRAWN: RefCell<Option<(Rc<Scene>, Rc<Colours>)>> = const { RefCell::new(None) };
    /// Whether events have been painted yet (marked once, for the benchmark's first render).
    static FIRST_PAINT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The timeline as last painted, and the colours it was painted in, if it is on the page.
pub fn drawn() -> Option<(Rc<Scene>, Rc<Colours>)> {
    DRAWN.with(|d| d.borrow().clone())
}

/// The scene to paint at the next frame, and that frame's request.
#[derive(Default)]
struct Painted {
    scene: Rc<Scene>,
    frame: Option<AnimationFrame>,
    /// The theme's colours, read again only when the theme changes: (dark, forced-colours
    /// changes seen, colours).
    colours: Option<(bool, u32, Rc<Colours>)>,
    /// The theme of the latest render: (dark, forced-colours changes seen).
    theme: (bool, u32),
    /// The canvas's size in CSS pixels.
    size: (f64, f64),
    /// What the latest render's scene was built from (for the first frame, which may find
    /// another width).
    inputs: Option<SceneProps>,
}

struct SceneProps {
    data: Shared<Chronology>,
    index: Shared<TimelineIndex>,
    matches: Shared<Vec<bool>>,
    dim: bool,
    selected: Option<usize>,
    viewport: Viewport,
}

/// Paints `scene` on the canvas now, at the latest render's theme, and records it as drawn.
fn paint_scene(canvas: &web_sys::HtmlCanvasElement, painted: &RefCell<Painted>, scene: Rc<Scene>) {
    let mut p = painted.borrow_mut();
    let theme = p.theme;
    let colours = match &p.colours {
        Some((dark, forced, colours)) if (*dark, *forced) == theme => colours.clone(),
        _ => Rc::new(Colours::of(canvas, theme.0)),
    };
    p.colours = Some((theme.0, theme.1, colours.clone()));
    let resized = p.size != (scene.width, scene.height);
    p.size = (scene.width, scene.height);
    drop(p);
    let ratio = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0);
    paint(canvas, &scene, &colours, ratio, false);
    if resized {
        let style = canvas.style();
        let _ = style.set_property("width", &format!("{}px", scene.width));
        let _ = style.set_property("height", &format!("{}px", scene.height));
    }
    if scene.marks().next().is_some() && !FIRST_PAINT.with(|f| f.replace(true)) {
        crate::ui::mark("explorer:first-paint");
    }
    DRAWN.with(|d| *d.borrow_mut() = Some((scene, colours)));
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Shared<Chronology>,
    pub index: Shared<TimelineIndex>,
    pub limits: Limits,
    pub viewport: Viewport,
    pub width: f64,
    pub selected: Option<usize>,
    /// Whether each event passes the filters.
    pub matches: Shared<Vec<bool>>,
    /// Filtered-out events are drawn dimmed (true) or not at all (false).
    pub dim: bool,
    /// The dark theme shows (the drawing is repainted in its colours).
    pub dark: bool,
    pub dispatch: Callback<Action>,
}

/// Pointer state of a drag or a two-finger pinch, kept outside the render cycle.
#[derive(Default)]
struct Gesture {
    /// Active pointers: (pointer id, x in the drawing).
    pointers: Vec<(i32, f64)>,
    start_x: f64,
    start_viewport: Option<Viewport>,
    dragging: bool,
    /// The last press became a drag or a pinch: its click is not a click.
    moved: bool,
}

fn local_x(svg: &web_sys::Element, client_x: f64) -> f64 {
    client_x - svg.get_bounding_client_rect().left()
}

#[function_component(Timeline)]
pub fn timeline(props: &Props) -> Html {
    let width = props.width.max(100.0);
    let scale = TimeScale::new(props.viewport.start, props.viewport.end, width);
    let container_ref = use_node_ref();
    let svg_ref = use_node_ref();
    let gesture = use_mut_ref(Gesture::default);
    // The scale of the last render, read by the native wheel listener.
    let current = use_mut_ref(|| scale);
    *current.borrow_mut() = scale;

    // Follow the container's width (window resizes, a scrollbar coming or going, layout changes).
    {
        let container_ref = container_ref.clone();
        let dispatch = props.dispatch.clone();
        use_effect_with((), move |_| {
            let measure = {
                let container_ref = container_ref.clone();
                move || {
                    if let Some(el) = container_ref.cast::<web_sys::Element>() {
                        dispatch.emit(Action::Resize(f64::from(el.client_width())));
                    }
                }
            };
            measure();
            let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(measure);
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(el)) =
                (&observer, container_ref.cast::<web_sys::Element>())
            {
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

    // Wheel zoom needs a non-passive listener to keep the page from scrolling.
    {
        let svg_ref = svg_ref.clone();
        let dispatch = props.dispatch.clone();
        let current = current.clone();
        use_effect_with((), move |_| {
            let listener = svg_ref.cast::<web_sys::Element>().map(|svg| {
                let target = svg.clone();
                EventListener::new_with_options(
                    &target,
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(wheel) = event.dyn_ref::<web_sys::WheelEvent>() else {
                            return;
                        };
                        event.prevent_default();
                        let scale = *current.borrow();
                        let unit = match wheel.delta_mode() {
                            1 => 33.0,  // lines
                            2 => 400.0, // pages
                            _ => 1.0,
                        };
                        let (dx, dy) = (wheel.delta_x() * unit, wheel.delta_y() * unit);
                        if dx.abs() > dy.abs() || wheel.shift_key() {
                            // Horizontal scroll (or shift+wheel) pans; the reducer clamps.
                            let d = if dx.abs() > dy.abs() { dx } else { dy };
                            let days = d / scale.px_per_day();
                            if days.is_finite() {
                                dispatch.emit(Action::SetViewport(Viewport::new(
                                    scale.start + days,
                                    scale.end + days,
                                )));
                            }
                            return;
                        }
                        let x = local_x(&svg, f64::from(wheel.client_x()));
                        let factor = WHEEL_ZOOM_PER_100.powf(-dy / 100.0);
                        dispatch.emit(Action::ZoomAbout {
                            factor,
                            at: x / scale.width,
                            animate: false,
                        });
                    },
                )
            });
            move || drop(listener)
        });
    }

    // The drawing: built from the core's scene, painted at the next animation frame (several
    // renders in one frame paint once).
    let scene = Rc::new(Scene::build(
        &SceneInput {
            data: &props.data,
            index: &props.index,
            matches: &props.matches,
            dim: props.dim,
            selected: props.selected,
            grouping: None,
        },
        &scale,
    ));
    let canvas_ref = use_node_ref();
    let painted = use_mut_ref(Painted::default);
    // Bumped when the system turns forced colours on or off.
    let forced_changes = use_state(|| 0u32);
    {
        let forced_changes = forced_changes.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .and_then(|w| w.match_media("(forced-colors: active)").ok().flatten())
                .map(|query| {
                    EventListener::new(&query, "change", move |_| {
                        forced_changes.set(*forced_changes + 1)
                    })
                });
            move || drop(listener)
        });
    }
    {
        let mut p = painted.borrow_mut();
        p.scene = scene.clone();
        p.theme = (props.dark, *forced_changes);
        p.inputs = Some(SceneProps {
            data: props.data.clone(),
            index: props.index.clone(),
            matches: props.matches.clone(),
            dim: props.dim,
            selected: props.selected,
            viewport: props.viewport,
        });
    }
    // The first picture goes into the browser's first frame: Yew runs effects (which measure the
    // width) only after that frame when the first render is long, so this animation frame, asked
    // for during the render, measures the container itself, paints at its width and hands the
    // width on to the state.
    // The accessible layer is not part of that first frame: it follows in the render that the
    // frame asks for.
    let settle_due = use_mut_ref(|| false);
    let rerender = use_force_update();
    let first = use_mut_ref(|| true);
    if std::mem::take(&mut *first.borrow_mut()) {
        let for_frame = painted.clone();
        let canvas_ref = canvas_ref.clone();
        let container_ref = container_ref.clone();
        let dispatch = props.dispatch.clone();
        let settle_due = settle_due.clone();
        let rerender = rerender.clone();
        let frame = request_animation_frame(move |_| {
            let painted = for_frame;
            painted.borrow_mut().frame = None;
            // The state learns the width, and the accessible layer is built, in a task after
            // this frame, not in this frame's microtasks.
            let measured = container_ref
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
                (canvas_ref.cast::<web_sys::HtmlCanvasElement>(), measured)
            else {
                return;
            };
            let scene = {
                let p = painted.borrow();
                match &p.inputs {
                    Some(i) if (p.scene.width - measured.max(100.0)).abs() >= 0.5 => {
                        Rc::new(Scene::build(
                            &SceneInput {
                                data: &i.data,
                                index: &i.index,
                                matches: &i.matches,
                                dim: i.dim,
                                selected: i.selected,
                                grouping: None,
                            },
                            &TimeScale::new(i.viewport.start, i.viewport.end, measured.max(100.0)),
                        ))
                    }
                    _ => p.scene.clone(),
                }
            };
            paint_scene(&canvas, &painted, scene);
        });
        painted.borrow_mut().frame = Some(frame);
    }
    // Later renders paint at the next animation frame, asked for here rather than in an effect:
    // Yew runs effects after a frame when a render is long (a filter change over thousands of
    // events), and the drawing must change in the same frame as the rest of the page.
    if painted.borrow().frame.is_none() {
        let for_frame = painted.clone();
        let canvas_ref = canvas_ref.clone();
        let frame = request_animation_frame(move |_| {
            for_frame.borrow_mut().frame = None;
            if let Some(canvas) = canvas_ref.cast::<web_sys::HtmlCanvasElement>() {
                let scene = for_frame.borrow().scene.clone();
                paint_scene(&canvas, &for_frame, scene);
            }
        });
        painted.borrow_mut().frame = Some(frame);
    }

    // The accessible layer: at once when anything but the window changes (data, filters,
    // selection, width), else once the window has stopped moving.
    let overlay = use_mut_ref(|| None::<Shared<Scene>>);
    let settle = use_mut_ref(|| None::<Timeout>);
    // The data and the selection are followed at once (a selection made from the keyboard keeps
    // its focused mark); new filters, dimming or a new width just after the frame that shows them.
    let now_inputs = (
        Rc::as_ptr(&props.data.0) as usize,
        Rc::as_ptr(&props.index.0) as usize,
        props.selected,
    );
    let later_inputs = (
        Rc::as_ptr(&props.matches.0) as usize,
        props.dim,
        width.to_bits(),
    );
    let last_inputs = use_mut_ref(|| (now_inputs, later_inputs));
    let (now_same, later_same) = {
        let last = last_inputs.borrow();
        (last.0 == now_inputs, last.1 == later_inputs)
    };
    *last_inputs.borrow_mut() = (now_inputs, later_inputs);
    let refresh = use_mut_ref(|| None::<AfterFrame>);
    let moved = overlay
        .borrow()
        .as_ref()
        .is_some_and(|o| o.start != scene.start || o.end != scene.end);
    let due = std::mem::take(&mut *settle_due.borrow_mut());
    if !now_same || due {
        *overlay.borrow_mut() = Some(Shared(scene.clone()));
        *settle.borrow_mut() = None;
        *refresh.borrow_mut() = None;
    } else if !later_same {
        let (settle_due, rerender) = (settle_due.clone(), rerender.clone());
        *refresh.borrow_mut() = Some(after_next_frame(move || {
            *settle_due.borrow_mut() = true;
            rerender.force_update();
        }));
    } else if moved {
        let settle_due = settle_due.clone();
        *settle.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || {
            *settle_due.borrow_mut() = true;
            rerender.force_update();
        }));
    }
    // The layer says so while it is catching up with the drawing.
    let catching_up =
        overlay.borrow().is_none() || refresh.borrow().is_some() || settle.borrow().is_some();
    let overlay = overlay.borrow().clone();

    let on_pointer_down = {
        let gesture = gesture.clone();
        let viewport = props.viewport;
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
                return;
            };
            let x = local_x(&svg, f64::from(e.client_x()));
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|(id, _)| *id != e.pointer_id());
            g.pointers.push((e.pointer_id(), x));
            g.start_x = x;
            g.start_viewport = Some(viewport);
            g.dragging = g.pointers.len() > 1;
            g.moved = g.dragging;
        })
    };
    let on_pointer_move = {
        let gesture = gesture.clone();
        let current = current.clone();
        let dispatch = props.dispatch.clone();
        let svg_ref = svg_ref.clone();
        let limits = props.limits;
        Callback::from(move |e: PointerEvent| {
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
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
            let x = local_x(&svg, f64::from(e.client_x()));
            let scale = *current.borrow();
            if g.pointers.len() >= 2 {
                // Two fingers: zoom about their midpoint by the change of their distance.
                let other = g.pointers[1 - slot.min(1)].1;
                let before = (g.pointers[slot].1 - other).abs();
                let after = (x - other).abs();
                g.pointers[slot].1 = x;
                if before > 8.0 && after > 8.0 {
                    dispatch.emit(Action::ZoomAbout {
                        factor: after / before,
                        at: (x + other) / 2.0 / scale.width,
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
                    let px_per_day = width / start.span();
                    dispatch.emit(Action::SetViewport(start.pan(-dx / px_per_day, &limits)));
                }
            }
        })
    };
    let on_pointer_up = {
        let gesture = gesture.clone();
        let current_for_up = current.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|(id, _)| *id != e.pointer_id());
            if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                let _ = svg.release_pointer_capture(e.pointer_id());
            }
            match g.pointers.as_slice() {
                [] => {
                    g.dragging = false;
                    g.start_viewport = None;
                }
                // After a pinch, the finger left down goes on panning from where it is.
                [(_, x)] => {
                    let scale = *current_for_up.borrow();
                    g.start_x = *x;
                    g.start_viewport = Some(Viewport::new(scale.start, scale.end));
                }
                _ => {}
            }
        })
    };
    let on_double_click = {
        let dispatch = props.dispatch.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                let x = local_x(&svg, f64::from(e.client_x()));
                dispatch.emit(Action::ZoomAbout {
                    factor: 2.0,
                    at: x / width,
                    animate: true,
                });
            }
        })
    };
    let on_key_down = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let action = match e.key().as_str() {
                "+" | "=" => Action::Zoom(2.0),
                "-" | "_" => Action::Zoom(0.5),
                "ArrowLeft" => Action::PanFraction(-0.2),
                "ArrowRight" => Action::PanFraction(0.2),
                "Home" => Action::SelectFirst,
                "End" => Action::SelectLast,
                "0" => Action::FitAll,
                "[" => Action::Step(-1),
                "]" => Action::Step(1),
                "Escape" => Action::Select(None),
                _ => return,
            };
            e.prevent_default();
            dispatch.emit(action);
        })
    };

    let move_between_marks = Callback::from(|e: KeyboardEvent| {
        let step = match e.key().as_str() {
            "ArrowLeft" | "ArrowUp" => -1,
            "ArrowRight" | "ArrowDown" => 1,
            _ => return,
        };
        let Some(current) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-roving]").ok().flatten())
        else {
            return;
        };
        let Some(group) = current.parent_element() else {
            return;
        };
        let Ok(items) = group.query_selector_all(":scope > [data-roving]") else {
            return;
        };
        let items: Vec<web_sys::Element> = (0..items.length())
            .filter_map(|i| items.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .collect();
        let Some(at) = items.iter().position(|el| *el == current) else {
            return;
        };
        let next = at as i64 + step;
        if let Some(target) = usize::try_from(next).ok().and_then(|n| items.get(n)) {
            e.prevent_default();
            e.stop_propagation();
            for el in &items {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = target.set_attribute("tabindex", "0");
            if let Some(target) = target.dyn_ref::<web_sys::SvgElement>() {
                let _ = target.focus();
            }
        }
    });

    // A click selects the event drawn under the pointer (or opens a badge): found in the scene
    // as painted, so that it is right even while the accessible layer is catching up.
    let on_click = {
        let dispatch = props.dispatch.clone();
        let painted = painted.clone();
        let gesture = gesture.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: MouseEvent| {
            if std::mem::take(&mut gesture.borrow_mut().moved) {
                return;
            }
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
                return;
            };
            let rect = svg.get_bounding_client_rect();
            let (x, y) = (
                f64::from(e.client_x()) - rect.left(),
                f64::from(e.client_y()) - rect.top(),
            );
            let scene = painted.borrow().scene.clone();
            let action = match scene.hit(x, y).map(|t| &t.kind) {
                Some(TargetKind::Mark { index, .. }) => Some(Action::Select(Some(*index))),
                Some(TargetKind::Cluster {
                    first_day, end_day, ..
                }) => Some(Action::FitRange(*first_day, *end_day)),
                // Not over anything drawn (e.g. a click from assistive technology without a
                // position): the target element says what it stands for.
                None => e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.closest("[data-action]").ok().flatten())
                    .and_then(|t| target_action(&t)),
            };
            if let Some(action) = action {
                dispatch.emit(action);
            }
        })
    };

    let legend = props.data.domains.iter().enumerate().map(|(i, d)| {
        html! {
            <li>{ crate::ui::palette::swatch(i, props.dark) }{ &d.label }</li>
        }
    });

    let window_label = window_label(&props.viewport);
    let dispatch = &props.dispatch;
    html! {
        <section class="timeline" aria-labelledby="timeline-heading" id="timeline">
            <div class="timeline-bar">
                <h2 id="timeline-heading">{ "Timeline" }</h2>
                <span class="window" aria-live="polite">{ window_label.clone() }</span>
                <div class="zoom-buttons" role="group" aria-label="Zoom">
                    <button type="button" aria-label="Zoom in" title="Zoom in (+)" onclick={dispatch.reform(|_| Action::Zoom(2.0))}>{ "+" }</button>
                    <button type="button" aria-label="Zoom out" title="Zoom out (−)" onclick={dispatch.reform(|_| Action::Zoom(0.5))}>{ "−" }</button>
                    <button type="button" aria-label="Fit all" title="Fit all (0)" onclick={dispatch.reform(|_| Action::FitAll)}>{ "Fit all" }</button>
                </div>
            </div>
            <p id="timeline-keys" class="visually-hidden">
                { "Keys: plus and minus zoom, left and right arrows pan, Home and End go to the first and last event, 0 fits all, [ and ] step through the events, Escape clears the selection. Tab moves to the events; there, arrow keys move between events and Enter selects one. Drag to pan, wheel or pinch to zoom." }
            </p>
            <div class="timeline-canvas" ref={container_ref}>
                <canvas ref={canvas_ref} class="drawing" aria-hidden="true"></canvas>
                <svg ref={svg_ref} width={fmt(width)} height={fmt(scene.height)}
                     viewBox={format!("0 0 {} {}", fmt(width), fmt(scene.height))}
                     role="group" tabindex="0" aria-roledescription="timeline"
                     aria-label={format!("Timeline of {} events, showing {}", props.data.events.len(), window_label)}
                     aria-describedby="timeline-keys"
                     data-start={props.viewport.start.to_string()} data-end={props.viewport.end.to_string()}
                     onpointerdown={on_pointer_down} onpointermove={on_pointer_move}
                     onpointerup={on_pointer_up.clone()} onpointercancel={on_pointer_up}
                     onclick={on_click} ondblclick={on_double_click} onkeydown={on_key_down}>
                    <g class="marks" onkeydown={move_between_marks} aria-busy={catching_up.then_some("true")}>
                        if let Some(overlay) = overlay {
                            <Targets data={props.data.clone()} scene={overlay} dispatch={props.dispatch.clone()} />
                        }
                    </g>
                </svg>
            </div>
            <ul class="legend" aria-label="Domain colours">{ for legend }</ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TargetsProps {
    data: Shared<Chronology>,
    scene: Shared<Scene>,
    dispatch: Callback<Action>,
}

/// The accessible layer over the painted timeline: one transparent box per mark and badge, which
/// is what keyboards, screen readers and tooltips reach. It follows the drawing once the window
/// stops moving (see `SETTLE_MS`), so zooming and panning never wait on it.
#[function_component(Targets)]
fn targets(props: &TargetsProps) -> Html {
    let data = &props.data;
    let scene = &props.scene;
    // One mark (the selected one, else the first) is in the Tab order; arrow keys move between
    // marks, so that Tab leaves the timeline in one step however many events it shows.
    let roving = scene
        .targets
        .iter()
        .position(|t| matches!(t.kind, TargetKind::Mark { selected: true, .. }))
        .or_else(|| {
            scene
                .targets
                .iter()
                .position(|t| !matches!(t.kind, TargetKind::Mark { dimmed: true, .. }))
        });
    let domain_names = |ids: &[String]| {
        ids.iter()
            .map(|id| {
                data.domain(id)
                    .map(|d| d.label.as_str())
                    .unwrap_or(id.as_str())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let items = scene.targets.iter().enumerate().map(|(n, t)| {
        let tabindex = if Some(n) == roving { "0" } else { "-1" };
        let hit = html! {
            <rect class="hit" x={fmt(t.x)} y={fmt(t.y)} width={fmt(t.w)} height={fmt(t.h)} rx="4" />
        };
        match &t.kind {
            TargetKind::Mark { index, selected, dimmed, .. } => {
                let e = &data.events[*index];
                if *dimmed {
                    // Context only: faint, not focusable, not announced.
                    return html! {
                        <g key={e.id.clone()} class="mark dimmed" aria-hidden="true">{ hit }</g>
                    };
                }
                let index = *index;
                let onkeydown = on_activate(&props.dispatch, move || Action::Select(Some(index)));
                html! {
                    <g key={e.id.clone()} class={classes!("mark", selected.then_some("selected"))}
                       role="button" {tabindex} data-roving="" aria-pressed={selected.to_string()}
                       aria-label={format!("{} — {}", e.date_label(), e.title)}
                       data-index={index.to_string()} data-action="select" {onkeydown}>
                        // The domains in words: a tooltip, and the mark's description for screen
                        // readers.
                        if !e.domains.is_empty() {
                            <title>{ domain_names(&e.domains) }</title>
                        }
                        { hit }
                    </g>
                }
            }
            TargetKind::Cluster { first_day, end_day, members, .. } => {
                let (first, end) = (*first_day, *end_day);
                let onkeydown = on_activate(&props.dispatch, move || Action::FitRange(first, end));
                let date = |i: Option<&usize>| {
                    i.and_then(|&i| data.events.get(i))
                        .map(|e| e.start.format_human())
                        .unwrap_or_default()
                };
                let (from, to) = (date(members.first()), date(members.last()));
                html! {
                    <g key={format!("cluster-{}", members.first().copied().unwrap_or(n))} class="cluster" role="button"
                       {tabindex} data-roving="" data-action="zoom" data-first={first.to_string()} data-end={end.to_string()}
                       aria-label={format!("Show {} more events, {from} to {to}", members.len())}
                       {onkeydown}>
                        { hit }
                    </g>
                }
            }
        }
    });
    // The phases' full names, as tooltips over the strip where they are drawn (perhaps cut
    // short); screen readers have them in the filters.
    let phases = scene.phases.iter().filter_map(|strip| {
        let p = data.phases.get(strip.index)?;
        Some(html! {
            <rect class="phase-strip" x={fmt(strip.x)} y={fmt(strip.y)} width={fmt(strip.w)} height={fmt(strip.h)}>
                <title>{ format!("{} ({} – {})", p.label, p.start.format_human(), p.end.format_human()) }</title>
            </rect>
        })
    });
    html! {
        <>
            <g class="phases" aria-hidden="true">{ for phases }</g>
            { for items }
        </>
    }
}

/// What the accessible box `element` does when activated without a position.
fn target_action(element: &web_sys::Element) -> Option<Action> {
    match element.get_attribute("data-action").as_deref() {
        Some("select") => element
            .get_attribute("data-index")
            .and_then(|i| i.parse().ok())
            .map(|i| Action::Select(Some(i))),
        Some("zoom") => {
            let day = |name: &str| element.get_attribute(name)?.parse::<f64>().ok();
            Some(Action::FitRange(day("data-first")?, day("data-end")?))
        }
        _ => None,
    }
}

/// The visible window for readers, as precise as the zoom: "1977 – 2026", "Mar 2006 – Jan 2007",
/// "29 Oct – 18 Nov 2006".
fn window_label(v: &Viewport) -> String {
    use crate::core::date::{civil_from_days, format_year, MONTH_ABBREVIATIONS};
    let (y1, m1, d1) = civil_from_days(v.start.floor() as i64);
    let (y2, m2, d2) = civil_from_days((v.end.ceil() as i64 - 1).max(v.start.floor() as i64));
    let month = |m: u8| MONTH_ABBREVIATIONS[usize::from(m.clamp(1, 12)) - 1];
    let span = v.span();
    if span > 3.0 * 365.0 {
        format!("{} – {}", format_year(y1), format_year(y2))
    } else if span > 60.0 {
        format!(
            "{} {} – {} {}",
            month(m1),
            format_year(y1),
            month(m2),
            format_year(y2)
        )
    } else if y1 == y2 {
        format!(
            "{d1} {} – {d2} {} {}",
            month(m1),
            month(m2),
            format_year(y2)
        )
    } else {
        format!(
            "{d1} {} {} – {d2} {} {}",
            month(m1),
            format_year(y1),
            month(m2),
            format_year(y2)
        )
    }
}

/// Enter or Space on a mark acts like a click.
fn on_activate(
    dispatch: &Callback<Action>,
    action: impl Fn() -> Action + 'static,
) -> Callback<KeyboardEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |k: KeyboardEvent| {
        if k.key() == "Enter" || k.key() == " " {
            k.prevent_default();
            k.stop_propagation();
            dispatch.emit(action());
        }
    })
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

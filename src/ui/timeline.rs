//! The zoomable timeline: phase bands, a two-tier axis, lanes of points and spans, clusters.
//! Everything it draws comes from the core (scale, ticks, layout); this file only turns that into
//! SVG and turns wheel, pointer and key input into actions.

use crate::core::dataset::Chronology;
use crate::core::date::Precision;
use crate::core::layout::{layout, LayoutOptions, TimelineIndex};
use crate::core::scale::{ticks, TimeScale};
use crate::core::viewport::{Limits, Viewport};
use crate::ui::app::{Action, Shared};
use crate::ui::palette::{domain_colour, NO_DOMAIN};
use crate::ui::text::fit_label;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

const MAJOR_Y: f64 = 15.0;
const MINOR_Y: f64 = 33.0;
const AXIS_HEIGHT: f64 = 40.0;
const PHASE_LABEL_Y: f64 = 56.0;
const FIRST_LANE_Y: f64 = 80.0;
const LANE_HEIGHT: f64 = 26.0;
const MIN_LANES: usize = 6;
const BOTTOM_PAD: f64 = 14.0;
/// One wheel "line" step (deltaY 100 in Chromium) zooms by this factor.
const WHEEL_ZOOM_PER_100: f64 = 1.25;
const DRAG_THRESHOLD_PX: f64 = 4.0;

pub const LAYOUT_OPTIONS: LayoutOptions = LayoutOptions {
    max_lanes: 10,
    label_gap: 10.0,
    point_radius: 5.0,
};

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

    let data = &props.data;
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
    let matches = &props.matches;
    let dim = props.dim;
    let laid = layout(&props.index, &scale, &LAYOUT_OPTIONS, |i| dim || matches[i]);
    let lanes = laid.lanes.max(MIN_LANES);
    let height = FIRST_LANE_Y + (lanes as f64 - 0.5) * LANE_HEIGHT + BOTTOM_PAD;
    let lane_y = |lane: usize| FIRST_LANE_Y + lane as f64 * LANE_HEIGHT;
    let domain_position = |id: &str| data.domains.iter().position(|d| d.id == id);
    let colour_of = |event_domains: &[String]| {
        event_domains
            .first()
            .and_then(|d| domain_position(d))
            .map(domain_colour)
            .unwrap_or(NO_DOMAIN)
    };

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

    let ticks = ticks(&scale);
    let minor_ticks = ticks.minor.iter().map(|t| {
        html! {
            <g class="tick">
                <line x1={fmt(t.x)} x2={fmt(t.x)} y1={fmt(AXIS_HEIGHT - 18.0)} y2={fmt(height)} />
                <text x={fmt(t.x + 3.0)} y={fmt(MINOR_Y)}>{ &t.label }</text>
            </g>
        }
    });
    let major_ticks = ticks.major.iter().map(|t| {
        let x = t.x.max(0.0);
        html! {
            <g class="tick major">
                if t.x >= 0.0 {
                    <line x1={fmt(t.x)} x2={fmt(t.x)} y1="0" y2={fmt(height)} />
                }
                <text x={fmt(x + 3.0)} y={fmt(MAJOR_Y)}>{ &t.label }</text>
            </g>
        }
    });

    let phases = data.phases.iter().enumerate().filter_map(|(i, p)| {
        let x1 = scale.to_px(p.start.first_day() as f64).max(0.0);
        let x2 = scale.to_px(p.end.end_day() as f64).min(width);
        (x2 > x1).then(|| {
            let label_width = x2 - x1 - 8.0;
            let label = fit_label(&p.label, crate::ui::text::estimate(&p.label), label_width);
            html! {
                <g class={classes!("phase", format!("phase-{}", i % 2))}>
                    <title>{ format!("{}: {} – {}", p.label, p.start.format_human(), p.end.format_human()) }</title>
                    <rect x={fmt(x1)} y={fmt(AXIS_HEIGHT)} width={fmt(x2 - x1)} height={fmt(height - AXIS_HEIGHT)} />
                    if !label.is_empty() {
                        <text x={fmt(x1 + 4.0)} y={fmt(PHASE_LABEL_Y)}>{ label }</text>
                    }
                </g>
            }
        })
    });

    // One mark (the selected one, else the first) is in the Tab order; arrow keys move between
    // marks, so that Tab leaves the timeline in one step however many events it shows.
    let roving = props
        .selected
        .filter(|i| laid.placed.iter().any(|p| p.index == *i))
        .or_else(|| laid.placed.iter().map(|p| p.index).find(|&i| matches[i]));
    let tab_index = |i: Option<usize>| {
        if i.is_some() && i == roving {
            "0"
        } else {
            "-1"
        }
    };
    let marks = laid.placed.iter().map(|p| {
        let e = &data.events[p.index];
        let y = lane_y(p.lane);
        let colour = colour_of(&e.domains);
        let selected = props.selected == Some(p.index);
        let index = p.index;
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::Select(Some(index)));
        let onkeydown = on_activate(&props.dispatch, move || Action::Select(Some(index)));
        let start_x = scale.to_px(e.first_day() as f64);
        let end_x = scale.to_px(e.end_day() as f64);
        let imprecise = !e.is_span() && e.start.precision() != Precision::Day && end_x - start_x >= 6.0;
        let shape = if e.is_span() {
            let x1 = start_x.max(-10.0);
            let x2 = end_x.min(width + 10.0).max(x1 + 2.0);
            html! { <rect class="bar" x={fmt(x1)} y={fmt(y + 6.0)} width={fmt(x2 - x1)} height="5" rx="2" fill={colour} /> }
        } else {
            crate::ui::palette::marker(
                e.domains.first().and_then(|d| domain_position(d)),
                p.x,
                y,
                LAYOUT_OPTIONS.point_radius,
                "point",
            )
        };
        // Never past the drawing's right edge.
        let room = p.label_width.min(width - p.label_x - 2.0);
        let label = fit_label(&e.title, props.index.extent(p.index).label_width, room);
        if !matches[index] {
            // Context only: dimmed, not focusable, not announced.
            return html! {
                <g key={e.id.clone()} class="mark dimmed" aria-hidden="true">
                    { shape }
                    <text class="label" x={fmt(p.label_x)} y={fmt(y + 4.0)}>{ label }</text>
                </g>
            };
        }
        html! {
            <g key={e.id.clone()} class={classes!("mark", selected.then_some("selected"))}
               role="button" tabindex={tab_index(Some(index))} data-roving="" aria-pressed={selected.to_string()}
               aria-label={format!("{} — {}", e.date_label(), e.title)}
               data-index={index.to_string()} {onclick} {onkeydown}>
                if imprecise {
                    <path class="imprecision" d={format!("M{:.1},{:.1}v-6h{:.1}v6", start_x, y + 3.0, end_x - start_x)} />
                }
                // The domains in words: a tooltip, and the mark's description for screen readers.
                if !e.domains.is_empty() {
                    <title>{ domain_names(&e.domains) }</title>
                }
                { shape }
                <text class="label" x={fmt(p.label_x)} y={fmt(y + 4.0)}>{ label_text(&label) }</text>
            </g>
        }
    });

    let clusters = laid.clusters.iter().enumerate().map(|(n, c)| {
        let first_cluster = n == 0;
        let y = lane_y(c.lane);
        let (first, end) = (c.first_day, c.end_day);
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::FitRange(first, end));
        let onkeydown = on_activate(&props.dispatch, move || Action::FitRange(first, end));
        let n = c.indices.len();
        let from = data.events.get(c.indices[0]).map(|e| e.start.format_human()).unwrap_or_default();
        let to = c.indices.last().and_then(|&i| data.events.get(i)).map(|e| e.start.format_human()).unwrap_or_default();
        html! {
            <g key={format!("cluster-{}", c.indices[0])} class="cluster" role="button"
               tabindex={if roving.is_none() && first_cluster { "0" } else { "-1" }} data-roving=""
               aria-label={format!("Show {n} more events, {from} to {to}")}
               {onclick} {onkeydown}>
                <rect x={fmt(c.x - 4.0)} y={fmt(y - 9.0)} width={fmt(crate::core::scale::label_width(&format!("+{n}")) + 4.0)} height="18" rx="9" />
                <text x={fmt(c.x + 2.0)} y={fmt(y + 4.0)}>{ format!("+{n}") }</text>
            </g>
        }
    });

    let legend = data.domains.iter().enumerate().map(|(i, d)| {
        html! {
            <li>{ crate::ui::palette::swatch(i) }{ &d.label }</li>
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
                <svg ref={svg_ref} width={fmt(width)} height={fmt(height)}
                     viewBox={format!("0 0 {} {}", fmt(width), fmt(height))}
                     role="group" tabindex="0" aria-roledescription="timeline"
                     aria-label={format!("Timeline of {} events, showing {}", data.events.len(), window_label)}
                     aria-describedby="timeline-keys"
                     data-start={props.viewport.start.to_string()} data-end={props.viewport.end.to_string()}
                     onpointerdown={on_pointer_down} onpointermove={on_pointer_move}
                     onpointerup={on_pointer_up.clone()} onpointercancel={on_pointer_up}
                     ondblclick={on_double_click} onkeydown={on_key_down}>
                    <g class="phases">{ for phases }</g>
                    <g class="axis" aria-hidden="true">
                        <rect class="axis-bg" x="0" y="0" width={fmt(width)} height={fmt(AXIS_HEIGHT)} />
                        { for major_ticks }{ for minor_ticks }
                    </g>
                    <g class="marks" onkeydown={move_between_marks}>{ for marks }{ for clusters }</g>
                </svg>
            </div>
            <ul class="legend" aria-label="Domain colours">{ for legend }</ul>
        </section>
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

/// A (possibly shortened) label: the ellipsis is drawn but not read, so what is visible stays part
/// of the mark's accessible name.
fn label_text(label: &str) -> Html {
    match label.strip_suffix('…') {
        Some(shown) => {
            html! { <>{ shown.to_string() }<tspan aria-hidden="true">{ "…" }</tspan></> }
        }
        None => html! { { label.to_string() } },
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

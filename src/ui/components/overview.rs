//! The overview: events per year across the whole chronology, stacked by domain, drawn with
//! plotters on a canvas (crisp on high-DPI screens), with the phase bands; a brush shows the
//! timeline's window. Drag the brush to pan, drag its edges to zoom, click a year to centre it.

use crate::core::dataset::Chronology;
use crate::core::date::{days_from_civil, format_year};
use crate::core::gesture::{brush_drag, grip, Grip};
use crate::core::keys::{command, Scope};
use crate::core::palette::{domain_colour, parse_hex, NO_DOMAIN};
use crate::core::query::YearHistogram;
use crate::core::scale::TimeScale;
use crate::core::viewport::{Limits, Viewport};
use crate::store::{Action, Shared};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use yew::prelude::*;

const HEIGHT: f64 = 84.0;
const BAR_TOP: f64 = 6.0;
const BAR_BOTTOM: f64 = 66.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Shared<Chronology>,
    pub histogram: Shared<YearHistogram>,
    pub viewport: Viewport,
    pub limits: Limits,
    pub width: f64,
    /// The dark theme is showing (the canvas is redrawn in its colours).
    pub dark: bool,
    pub dispatch: Callback<Action>,
}

fn hex_colour(hex: &str) -> RGBColor {
    let [r, g, b] = parse_hex(hex).unwrap_or([1.0 / 3.0; 3]);
    let byte = |c: f64| (c * 255.0).round() as u8;
    RGBColor(byte(r), byte(g), byte(b))
}

/// A colour of the stylesheet's theme (a `--name` custom property on the root), so that the
/// canvas follows the same palette as the rest of the page.
fn theme_colour(name: &str, fallback: &str) -> RGBColor {
    let value = web_sys::window()
        .zip(
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element()),
        )
        .and_then(|(w, root)| w.get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value(name).ok())
        .filter(|v| v.trim().starts_with('#'));
    hex_colour(value.as_deref().unwrap_or(fallback))
}

/// The overview's scale: everything the timeline can show (the data and its margin), so that
/// the brush is never cut off.
fn overview_scale(limits: &Limits, width: f64) -> TimeScale {
    TimeScale::new(limits.outer_start, limits.outer_end, width)
}

/// Where the year labels go: round years (every 1, 2, 5, 10, 20, 50 … years) at least ~56 px
/// apart, with their x position.
fn year_labels(h: &YearHistogram, scale: &TimeScale) -> Vec<(f64, i32)> {
    let first = i64::from(h.first_year);
    let last = i64::from(h.last_year());
    let px_per_year = scale.width / ((last - first + 1).max(1) as f64);
    let mut step: i64 = 1;
    for k in 0.. {
        let base = 10i64.pow(k);
        if let Some(s) = [base, 2 * base, 5 * base]
            .into_iter()
            .find(|s| *s as f64 * px_per_year >= 56.0)
        {
            step = s;
            break;
        }
        if base > 1_000_000_000 {
            step = 10 * base;
            break;
        }
    }
    // Round as readers count years (no year 0; 1 BC is -1), so that BC labels are round too.
    let readers = |y: i64| if y > 0 { y } else { y - 1 };
    let astronomical = |d: i64| if d > 0 { d } else { d + 1 };
    let start = readers(first).div_euclid(step) * step;
    (0..)
        .map(|i| start + i * step)
        .filter(|d| *d != 0)
        .map(astronomical)
        .take_while(|y| *y <= last)
        .filter(|y| *y >= first)
        .map(|y| {
            let x = scale.to_px(days_from_civil(y as i32, 1, 1) as f64);
            (x, y as i32)
        })
        .filter(|(x, _)| *x >= 0.0 && *x < scale.width - 24.0)
        .collect()
}

fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    data: &Chronology,
    h: &YearHistogram,
    scale: &TimeScale,
    dark: bool,
) -> Option<()> {
    let width = scale.width;
    let ratio = web_sys::window()?.device_pixel_ratio().max(1.0);
    canvas.set_width((width * ratio).round() as u32);
    canvas.set_height((HEIGHT * ratio).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    root.fill(&theme_colour("--bg", "#ffffff")).ok()?;
    let phase_colours = [
        theme_colour("--phase-0", "#eef3f9"),
        theme_colour("--phase-1", "#f8f4ea"),
    ];
    let px = |x: f64| (x * ratio).round() as i32;
    // Phase bands.
    for (i, p) in data.phases.iter().enumerate() {
        let x1 = scale.to_px(p.start.first_day() as f64).max(0.0);
        let x2 = scale.to_px(p.end.end_day() as f64).min(width);
        if x2 > x1 {
            let colour = phase_colours[i % 2];
            root.draw(&Rectangle::new(
                [(px(x1), px(BAR_TOP - 4.0)), (px(x2), px(BAR_BOTTOM))],
                colour.filled(),
            ))
            .ok()?;
        }
    }
    // Stacked bars.
    let max = h.max_total().max(1) as f64;
    let unit = (BAR_BOTTOM - BAR_TOP) / max;
    for (b, stack) in h.counts.iter().enumerate() {
        let year = h.bin_year(b);
        let x1 = scale.to_px(days_from_civil(year, 1, 1) as f64) + 0.5;
        let x2 = scale.to_px(days_from_civil(year + h.years_per_bin, 1, 1) as f64) - 0.5;
        let mut top = BAR_BOTTOM;
        for (slot, &count) in stack.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let colour = if slot < data.domains.len() {
                domain_colour(slot, dark)
            } else {
                NO_DOMAIN
            };
            let bottom = top;
            top -= count as f64 * unit;
            root.draw(&Rectangle::new(
                [(px(x1), px(top)), (px(x2.max(x1 + 1.0)), px(bottom))],
                hex_colour(colour).filled(),
            ))
            .ok()?;
        }
    }
    root.draw(&Rectangle::new(
        [(0, px(BAR_BOTTOM)), (px(width), px(BAR_BOTTOM) + 1)],
        theme_colour("--input-line", "#8a96a3").filled(),
    ))
    .ok()?;
    root.present().ok()
}

#[derive(Default)]
struct Drag {
    grip: Option<(Grip, f64, Viewport)>,
    moved: bool,
}

#[function_component(Overview)]
pub fn overview(props: &Props) -> Html {
    let canvas_ref = use_node_ref();
    let box_ref = use_node_ref();
    let width = props.width.max(100.0);
    {
        let canvas_ref = canvas_ref.clone();
        let data = props.data.clone();
        let histogram = props.histogram.clone();
        let scale = overview_scale(&props.limits, width);
        let dark = props.dark;
        use_effect_with(
            (histogram.clone(), width as i64, props.limits, props.dark),
            move |_| {
                if let Some(canvas) = canvas_ref.cast::<web_sys::HtmlCanvasElement>() {
                    draw(&canvas, &data, &histogram, &scale, dark);
                }
            },
        );
    }
    let h = &props.histogram;
    let scale = overview_scale(&props.limits, width);
    let brush_x1 = scale.to_px(props.viewport.start).clamp(0.0, width);
    let brush_x2 = scale
        .to_px(props.viewport.end)
        .clamp(0.0, width)
        .max(brush_x1 + 2.0);
    // Sizes and positions go through the CSS object model rather than style attributes, which a
    // strict Content-Security-Policy refuses.
    let brush_ref = use_node_ref();
    {
        let (box_ref, canvas_ref, brush_ref) =
            (box_ref.clone(), canvas_ref.clone(), brush_ref.clone());
        use_effect(move || {
            let set = |node: &NodeRef, props: &[(&str, String)]| {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let style = el.style();
                    for (name, value) in props {
                        let _ = style.set_property(name, value);
                    }
                }
            };
            let size = [
                ("width", format!("{width:.0}px")),
                ("height", format!("{HEIGHT}px")),
            ];
            set(&box_ref, &size);
            set(&canvas_ref, &size);
            set(
                &brush_ref,
                &[
                    ("left", format!("{brush_x1:.1}px")),
                    ("width", format!("{:.1}px", brush_x2 - brush_x1)),
                ],
            );
        });
    }

    let drag = use_mut_ref(Drag::default);
    let local = {
        let box_ref = box_ref.clone();
        move |client_x: i32| -> f64 {
            box_ref
                .cast::<web_sys::Element>()
                .map(|b| f64::from(client_x) - b.get_bounding_client_rect().left())
                .unwrap_or_default()
        }
    };
    let on_down = {
        let drag = drag.clone();
        let local = local.clone();
        let viewport = props.viewport;
        Callback::from(move |e: PointerEvent| {
            let x = local(e.client_x());
            let grip = grip(x, brush_x1, brush_x2);
            let mut d = drag.borrow_mut();
            d.moved = false;
            // Outside the brush there is nothing to drag: a click there centres on that year.
            d.grip = grip.map(|g| (g, x, viewport));
            if grip.is_some() {
                if let Some(target) = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = target.set_pointer_capture(e.pointer_id());
                }
            }
        })
    };
    let on_move = {
        let drag = drag.clone();
        let local = local.clone();
        let dispatch = props.dispatch.clone();
        let limits = props.limits;
        Callback::from(move |e: PointerEvent| {
            let mut d = drag.borrow_mut();
            let Some((grip, x0, start)) = d.grip else {
                return;
            };
            let x = local(e.client_x());
            if (x - x0).abs() < 2.0 && !d.moved {
                return;
            }
            d.moved = true;
            let days = (x - x0) / scale.px_per_day();
            dispatch.emit(Action::SetViewport(brush_drag(grip, start, days, &limits)));
        })
    };
    let on_up = {
        let drag = drag.clone();
        let local = local.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: PointerEvent| {
            let mut d = drag.borrow_mut();
            let clicked = !d.moved;
            let on_edge = matches!(d.grip, Some((Grip::Start | Grip::End, _, _)));
            d.grip = None;
            d.moved = false;
            // A click (no drag) anywhere but on an edge centres the timeline on that year.
            if clicked && !on_edge {
                dispatch.emit(Action::CenterOn(scale.to_day(local(e.client_x()))));
            }
        })
    };
    // A cancelled pointer (e.g. the browser took over a touch) is neither a click nor a drag.
    let on_cancel = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = Drag::default())
    };
    let on_key = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(action) =
                command(Scope::Brush, &e.key(), e.shift_key()).and_then(Action::for_command)
            {
                e.prevent_default();
                dispatch.emit(action);
            }
        })
    };

    let labels = year_labels(h, &scale).into_iter().map(|(x, y)| {
        html! { <text x={format!("{:.1}", x + 2.0)} y="12">{ crate::core::date::format_year(y) }</text> }
    });
    let from = crate::core::date::civil_from_days(props.viewport.start as i64).0;
    let to = crate::core::date::civil_from_days(props.viewport.end as i64).0;
    html! {
        <section class="overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading" class="visually-hidden">{ "Overview: events per year" }</h2>
            <div class="overview-box" ref={box_ref}
                 onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up} onpointercancel={on_cancel}>
                <canvas ref={canvas_ref}
                        role="img" aria-label={format!("Events per year from {} to {}, stacked by domain, for the current filters", format_year(h.first_year), format_year(h.last_year()))}></canvas>
                <div class="brush" role="slider" tabindex="0"
                     aria-label="Visible window" aria-valuemin={h.first_year.to_string()} aria-valuemax={h.last_year().to_string()}
                     aria-valuenow={from.to_string()} aria-valuetext={format!("{from} to {to}")}
                     onkeydown={on_key} ref={brush_ref}>
                    <span class="grip start"></span><span class="grip end"></span>
                </div>
                <svg class="years" aria-hidden="true" width={format!("{width:.0}")} height="16">{ for labels }</svg>
            </div>
        </section>
    }
}

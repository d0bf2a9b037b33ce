//! The overview: events per year across the whole chronology, stacked by domain, drawn with
//! plotters on a canvas, with a count axis, the phases named where they lie, and a readout of
//! any year on hover or focus; a brush shows the timeline's window. Drag the brush to pan, drag
//! its edges to zoom, click a year to centre it. A story's scene marks its moments on it.

use crate::core::dataset::Chronology;
use crate::core::date::{days_from_civil, format_year};
use crate::core::gesture::{brush_drag, grip, Grip};
use crate::core::keys::{command, Command, Scope};
use crate::core::overview::{
    axis_ticks, count_ticks, counts_place, phase_bands, PHASE_LABEL_PADDING,
};
use crate::core::palette::{domain_colour, parse_hex, NO_DOMAIN};
use crate::core::query::YearHistogram;
use crate::core::scale::TimeScale;
use crate::core::viewport::{Limits, Viewport};
use crate::store::{Action, Shared};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The bars stand between these heights, under the strip where the phases are named.
const BAR_TOP: f64 = 18.0;
const BAR_BOTTOM: f64 = 78.0;
const HEIGHT: f64 = 96.0;

/// A moment a story's scene marks: its day and what it says.
pub type Mark = (f64, String);

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Shared<Chronology>,
    pub histogram: Shared<YearHistogram>,
    pub viewport: Viewport,
    pub limits: Limits,
    pub width: f64,
    /// The dark theme is showing (the canvas is redrawn in its colours).
    pub dark: bool,
    /// Moments marked by the story's scene being shown.
    #[prop_or_default]
    pub annotations: Vec<Mark>,
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
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty());
    match value {
        Some(hex) if hex.starts_with('#') => hex_colour(&hex),
        // A system colour (forced colours set them: `Canvas`, `CanvasText`, `GrayText`), as the
        // browser resolves it; read as hex, it was the light theme's fallback under a dark one.
        Some(keyword) => resolved_colour(&keyword).unwrap_or_else(|| hex_colour(fallback)),
        None => hex_colour(fallback),
    }
}

/// What a CSS colour (`Canvas`, `rgb(…)`) is, as the browser computes it, on a probe that forced
/// colours leave alone.
fn resolved_colour(colour: &str) -> Option<RGBColor> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let probe: web_sys::HtmlElement = document.create_element("span").ok()?.dyn_into().ok()?;
    let style = probe.style();
    style.set_property("forced-color-adjust", "none").ok()?;
    style.set_property("color", colour).ok()?;
    document.body()?.append_child(&probe).ok()?;
    let computed = window
        .get_computed_style(&probe)
        .ok()
        .flatten()
        .and_then(|s| s.get_property_value("color").ok());
    probe.remove();
    let numbers: Vec<u8> = computed?
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .filter(|n| !n.is_empty())
        .take(3)
        .filter_map(|n| {
            n.parse::<f64>()
                .ok()
                .map(|v| v.round().clamp(0.0, 255.0) as u8)
        })
        .collect();
    match numbers[..] {
        [r, g, b] => Some(RGBColor(r, g, b)),
        _ => None,
    }
}

/// The overview's scale: everything the timeline can show (the data and its margin), so that
/// the brush is never cut off.
fn overview_scale(limits: &Limits, width: f64) -> TimeScale {
    TimeScale::new(limits.outer_start, limits.outer_end, width)
}

/// The x extent of bar `b`.
fn bar_x(h: &YearHistogram, scale: &TimeScale, b: usize) -> (f64, f64) {
    let year = h.bin_year(b);
    let x1 = scale.to_px(days_from_civil(year, 1, 1) as f64) + 0.5;
    let x2 = scale.to_px(days_from_civil(year.saturating_add(h.years_per_bin), 1, 1) as f64) - 0.5;
    (x1, x2.max(x1 + 1.0))
}

/// How many events the full height of the bars stands for: the count axis's last tick.
fn axis_top(h: &YearHistogram) -> usize {
    count_ticks(h.max_total())
        .last()
        .copied()
        .unwrap_or(1)
        .max(1)
}

fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    data: &Chronology,
    h: &YearHistogram,
    scale: &TimeScale,
    dark: bool,
) -> Option<()> {
    let width = scale.width;
    let ratio = crate::ui::adapters::paint::pixel_ratio();
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
    // Phase bands, under their names and the bars.
    for (i, p) in data.phases.iter().enumerate() {
        let x1 = scale.to_px(p.start.first_day() as f64).max(0.0);
        let x2 = scale.to_px(p.end.end_day() as f64).min(width);
        if x2 > x1 {
            root.draw(&Rectangle::new(
                [(px(x1), 0), (px(x2), px(BAR_BOTTOM))],
                phase_colours[i % 2].filled(),
            ))
            .ok()?;
        }
    }
    // What two phases share (2012), in stripes of the earlier one's colour, as the timeline
    // draws it (the later one's band alone put the year's bar in that phase).
    for (i, from, to) in crate::core::scene::backdrop::shared_periods(data) {
        let (x1, x2) = (scale.to_px(from).max(0.0), scale.to_px(to).min(width));
        for stripe in crate::core::scene::backdrop::stripes(x1, x2, 0.0, BAR_BOTTOM) {
            let points: Vec<(i32, i32)> = stripe.iter().map(|&(x, y)| (px(x), px(y))).collect();
            root.draw(&Polygon::new(points, phase_colours[i % 2].filled()))
                .ok()?;
        }
    }
    // The count axis's lines.
    let top = axis_top(h) as f64;
    let unit = (BAR_BOTTOM - BAR_TOP) / top;
    let grid = theme_colour("--line", "#d5dae0");
    for tick in count_ticks(h.max_total()).into_iter().skip(1) {
        let y = px(BAR_BOTTOM - tick as f64 * unit);
        root.draw(&Rectangle::new([(0, y), (px(width), y + 1)], grid.filled()))
            .ok()?;
    }
    // Stacked bars: under forced colours, all in the text's colour (as the timeline draws every
    // domain), each domain's part apart from the next by a line of the background.
    let forced = crate::ui::adapters::paint::forced_colours();
    let forced_ink = forced.then(|| theme_colour("--fg", "#1b1f24"));
    for (b, stack) in h.counts.iter().enumerate() {
        let (x1, x2) = bar_x(h, scale, b);
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
            let (fill, gap) = match forced_ink {
                Some(ink) => (ink, i32::from(bottom < BAR_BOTTOM)),
                None => (hex_colour(colour), 0),
            };
            root.draw(&Rectangle::new(
                [(px(x1), px(top)), (px(x2), px(bottom) - gap)],
                fill.filled(),
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

/// Sets CSS properties through the CSS object model (a strict Content-Security-Policy refuses
/// style attributes).
#[function_component(Overview)]
pub fn overview(props: &Props) -> Html {
    let canvas_ref = use_node_ref();
    let box_ref = use_node_ref();
    let width = props.width.max(100.0);
    let scale = overview_scale(&props.limits, width);
    {
        let canvas_ref = canvas_ref.clone();
        let data = props.data.clone();
        let histogram = props.histogram.clone();
        let dark = props.dark;
        // (Drawn again in the system's new colours when they change: see the hook.)
        let system = crate::ui::adapters::paint::use_system_colour_changes();
        use_effect_with(
            (
                histogram.clone(),
                width as i64,
                props.limits,
                props.dark,
                system,
            ),
            move |_| {
                if let Some(canvas) = canvas_ref.cast::<web_sys::HtmlCanvasElement>() {
                    draw(&canvas, &data, &histogram, &scale, dark);
                }
            },
        );
    }
    let h = &props.histogram;
    // The bar read out on hover or focus.
    let reading = use_state(|| None::<usize>);
    {
        // A year read (a bar's number) is not read in another chronology.
        let reading = reading.clone();
        use_effect_with(props.data.id(), move |_| {
            if reading.is_some() {
                reading.set(None);
            }
        });
    }
    let brush_x1 = scale.to_px(props.viewport.start).clamp(0.0, width);
    let brush_x2 = scale
        .to_px(props.viewport.end)
        .clamp(0.0, width)
        .max(brush_x1 + 2.0);
    let reading_x = reading
        .filter(|b| *b < h.counts.len())
        .map(|b| bar_x(h, &scale, b));
    let brush_ref = use_node_ref();
    let marker_ref = use_node_ref();
    {
        let (box_ref, canvas_ref, brush_ref, marker_ref) = (
            box_ref.clone(),
            canvas_ref.clone(),
            brush_ref.clone(),
            marker_ref.clone(),
        );
        use_effect(move || {
            let size = [
                ("width", format!("{width:.0}px")),
                ("height", format!("{HEIGHT}px")),
            ];
            crate::ui::adapters::style::set(&box_ref, &size);
            crate::ui::adapters::style::set(&canvas_ref, &size);
            crate::ui::adapters::style::set(
                &brush_ref,
                &[
                    ("left", format!("{brush_x1:.1}px")),
                    ("width", format!("{:.1}px", brush_x2 - brush_x1)),
                ],
            );
            if let Some((x1, x2)) = reading_x {
                crate::ui::adapters::style::set(
                    &marker_ref,
                    &[
                        ("left", format!("{:.1}px", x1 - 1.0)),
                        ("width", format!("{:.1}px", x2 - x1 + 2.0)),
                    ],
                );
            }
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
        let reading = reading.clone();
        let histogram = props.histogram.clone();
        Callback::from(move |e: PointerEvent| {
            let x = local(e.client_x());
            let mut d = drag.borrow_mut();
            let Some((grip, x0, start)) = d.grip else {
                // Hovering reads the year under the pointer.
                let bar = histogram.bin_at_day(scale.to_day(x));
                if *reading != bar {
                    reading.set(bar);
                }
                return;
            };
            if (x - x0).abs() < 2.0 && !d.moved {
                return;
            }
            // The year read where the drag began goes: it stayed over the timeline's bar, with
            // the window it no longer said, until the pointer moved again after the drag.
            if !d.moved && reading.is_some() {
                reading.set(None);
            }
            d.moved = true;
            let days = (x - x0) / scale.px_per_day();
            dispatch.emit(Action::SetViewport(brush_drag(grip, start, days, &limits)));
        })
    };
    // A finger leaves as it lifts: the year a tap read stays read (until another tap).
    let on_leave = {
        let reading = reading.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() != "touch" {
                reading.set(None);
            }
        })
    };
    let on_up = {
        let drag = drag.clone();
        let local = local.clone();
        let dispatch = props.dispatch.clone();
        let reading = reading.clone();
        let histogram = props.histogram.clone();
        Callback::from(move |e: PointerEvent| {
            let mut d = drag.borrow_mut();
            let clicked = !d.moved;
            let on_edge = matches!(d.grip, Some((Grip::Start | Grip::End, _, _)));
            d.grip = None;
            d.moved = false;
            // A click (no drag) anywhere but on an edge centres the timeline on that year; a
            // tap (no pointer hovers to read it) reads that year too.
            if clicked && !on_edge {
                let day = scale.to_day(local(e.client_x()));
                if e.pointer_type() != "mouse" {
                    reading.set(histogram.bin_at_day(day));
                }
                dispatch.emit(Action::CenterOn(day));
            }
        })
    };
    // A cancelled pointer (e.g. the browser took over a touch) is neither a click nor a drag.
    let on_cancel = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = Drag::default())
    };
    let on_brush_key = {
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
    // The chart, focused, is read bar by bar with the arrow keys.
    let bars = h.counts.len();
    let on_chart_key = {
        let reading = reading.clone();
        let centre = props.histogram.bin_at_day(props.viewport.center());
        Callback::from(move |e: KeyboardEvent| {
            let from = (*reading).or(centre).unwrap_or(0);
            let to = match command(Scope::Chart, &e.key(), e.shift_key()) {
                Some(Command::EarlierBar) => from.saturating_sub(1),
                Some(Command::LaterBar) => (from + 1).min(bars.saturating_sub(1)),
                Some(Command::FirstBar) => 0,
                Some(Command::LastBar) => bars.saturating_sub(1),
                _ => return,
            };
            e.prevent_default();
            reading.set(Some(to));
        })
    };
    let on_chart_focus = {
        let reading = reading.clone();
        let centre = props.histogram.bin_at_day(props.viewport.center());
        Callback::from(move |_: FocusEvent| {
            if reading.is_none() {
                reading.set(centre.or(Some(0)));
            }
        })
    };
    let on_chart_blur = {
        let reading = reading.clone();
        Callback::from(move |_: FocusEvent| reading.set(None))
    };

    let labels = axis_ticks(&scale).into_iter().map(|t| {
        html! { <text x={format!("{:.1}", t.x + 2.0)} y="12">{ t.label }</text> }
    });
    let top = axis_top(h) as f64;
    let unit = (BAR_BOTTOM - BAR_TOP) / top;
    // An empty chart has no scale to read ("1" over nothing).
    let empty = h.max_total() == 0;
    // The counts stand at the chart's right end, or at its left where the window's right grip
    // would cover them (a window that reaches the last years: filtered to Afghanistan, say), or
    // just inside the right grip where both grips are at the ends; they are drawn over the
    // window, on a halo.
    let (x, counts_left) = counts_place(
        scale.to_px(props.viewport.start),
        scale.to_px(props.viewport.end),
        width,
        h.max_total(),
    );
    let counts = count_ticks(h.max_total()).into_iter().skip(1).filter(|_| !empty).map(|tick| {
        let y = BAR_BOTTOM - tick as f64 * unit;
        let class = if counts_left { "count left" } else { "count" };
        html! { <text class={class} x={format!("{x:.1}")} y={format!("{:.1}", y + 10.0)}>{ crate::core::text::thousands(tick) }</text> }
    });
    let phases = phase_bands(&props.data, &scale)
        .into_iter()
        .filter(|p| p.fits)
        .map(|p| {
            html! { <text class="phase" x={format!("{:.1}", p.x1 + PHASE_LABEL_PADDING)} y="11">{ p.label }</text> }
        });
    let marks = props.annotations.iter().filter_map(|(day, label)| {
        let x = scale.to_px(*day);
        (0.0..=width).contains(&x).then(|| {
            html! {
                <g class="annotation">
                    <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1="0" y2={format!("{BAR_BOTTOM}")} />
                    { super::moment::moment_name(x, BAR_TOP + 9.0, label, width, None, Default::default()) }
                </g>
            }
        })
    });
    // How to read it is said where there is room for it (a phone keeps it for screen readers).
    // What a screen reader hears: a year's reading as it changes, never the instructions again
    // each time the reading goes (they are the chart's description, read on focus).
    let heard = match *reading {
        Some(b) if b < bars => h.readout(&props.data, b),
        _ => String::new(),
    };
    let readout = match *reading {
        Some(b) if b < bars => html! { <span class="reading">{ h.readout(&props.data, b) }</span> },
        _ => html! {
            <>{ "Events per year, stacked by domain" }
            <span class="readout-how">{ ": point at or tap a year, or focus the chart and use the arrow keys, to read its events" }</span>
            { "." }</>
        },
    };
    let from = crate::core::date::civil_from_days(props.viewport.start as i64).0;
    html! {
        <section class="overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading" class="visually-hidden">{ "Overview: events per year" }</h2>
            <div class="overview-box" ref={box_ref}
                 onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up}
                 onpointercancel={on_cancel} onpointerleave={on_leave}>
                <canvas ref={canvas_ref}
                        role="img" aria-label={format!("Events per year from {} to {}, stacked by domain, for the current filters", format_year(h.first_year), crate::core::date::format_year_after(h.first_year, h.last_year()))}></canvas>
                <svg class="overview-labels" aria-hidden="true" width={format!("{width:.0}")} height={format!("{HEIGHT}")}>
                    { for phases }
                </svg>
                if reading_x.is_some() {
                    <div class="readout-marker" ref={marker_ref} aria-hidden="true"></div>
                }
                <div class="chart-focus" tabindex="0" role="group" aria-roledescription="chart"
                     aria-label="Events per year" aria-describedby="overview-readout"
                     onkeydown={on_chart_key} onfocus={on_chart_focus} onblur={on_chart_blur}></div>
                <div class="brush" role="slider" tabindex="0"
                     aria-label="Visible window" aria-valuemin={h.first_year.min(from).to_string()} aria-valuemax={h.last_year().max(from).to_string()}
                     aria-valuenow={from.to_string()} aria-valuetext={crate::core::describe::window_label(&props.viewport)}
                     onkeydown={on_brush_key} ref={brush_ref}>
                    <span class="grip start"></span><span class="grip end"></span>
                </div>
                // Drawn over the window, on a halo: the counts, and a story's moments (a grip
                // stood over the moment's name where the window's edge crossed it).
                <svg class="overview-labels overview-counts" aria-hidden="true" width={format!("{width:.0}")} height={format!("{HEIGHT}")}>
                    { for counts }
                    { for marks }
                </svg>
                <svg class="years" aria-hidden="true" width={format!("{width:.0}")} height="16">{ for labels }</svg>
            </div>
            <p class="overview-readout" id="overview-readout">{ readout }</p>
            <p class="visually-hidden" aria-live="polite">{ heard }</p>
        </section>
    }
}

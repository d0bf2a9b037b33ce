//! The domains' marks in HTML and SVG: their colours (from [`crate::core::palette`], in the
//! theme's variant) and shapes.

pub use crate::core::palette::{domain_colour, NO_DOMAIN};

/// The shapes of point marks, by domain: with the colours, every domain has its own pair, and
/// the shape is a cue that does not rely on colour.
pub const SHAPES: [&str; 4] = ["circle", "square", "diamond", "triangle"];

/// A point mark for an event whose first domain is at `position` (None: no domain), centred on
/// (cx, cy) with radius about `r`.
pub fn marker(
    position: Option<usize>,
    cx: f64,
    cy: f64,
    r: f64,
    class: &'static str,
    dark: bool,
) -> yew::Html {
    let colour = position
        .map(|p| domain_colour(p, dark))
        .unwrap_or(NO_DOMAIN);
    let f = |v: f64| format!("{v:.1}");
    match position.map(|p| p % SHAPES.len()) {
        Some(1) => {
            let a = r * 0.9;
            yew::html! { <rect {class} x={f(cx - a)} y={f(cy - a)} width={f(2.0 * a)} height={f(2.0 * a)} fill={colour} /> }
        }
        Some(2) => {
            let a = r * 1.25;
            let d = format!(
                "M{},{}L{},{}L{},{}L{},{}Z",
                f(cx),
                f(cy - a),
                f(cx + a),
                f(cy),
                f(cx),
                f(cy + a),
                f(cx - a),
                f(cy)
            );
            yew::html! { <path {class} d={d} fill={colour} /> }
        }
        Some(3) => {
            let a = r * 1.25;
            let d = format!(
                "M{},{}L{},{}L{},{}Z",
                f(cx),
                f(cy - a),
                f(cx + a),
                f(cy + a * 0.8),
                f(cx - a),
                f(cy + a * 0.8)
            );
            yew::html! { <path {class} d={d} fill={colour} /> }
        }
        _ => yew::html! { <circle {class} cx={f(cx)} cy={f(cy)} r={f(r)} fill={colour} /> },
    }
}

/// A small chip for the domain at `position`, in its colour and shape (an SVG drawing, not an
/// inline style, so that a strict Content-Security-Policy allows it), in the light or dark theme.
pub fn swatch(position: usize, dark: bool) -> yew::Html {
    yew::html! {
        <svg class="swatch" aria-hidden="true" focusable="false" viewBox="0 0 10 10">
            { marker(Some(position), 5.0, 5.0, 4.0, "chip", dark) }
        </svg>
    }
}

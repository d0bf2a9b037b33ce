//! A domain's chip in HTML (facets, legend, the About dialog): its colour (from
//! [`crate::core::palette`], in the theme's variant) and its shape (from the scene, where the
//! timeline draws the same).

use crate::core::palette::{domain_colour, NO_DOMAIN};
use crate::core::scene::Shape;

/// A point mark for an event whose first domain is at `position` (None: no domain), centred on
/// (cx, cy) with radius about `r`, as SVG.
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
    let d = Shape::of_domain(position).svg_path(cx, cy, r);
    // Under forced colours, where every mark is in the text's colour, drawn as the timeline
    // draws it there (see `core::scene::mark_under`): hollow, or a dot.
    let forced = match position {
        Some(p) if Shape::hollow_when_forced(p) => "hollow",
        Some(_) => "",
        None => "dot",
    };
    yew::html! { <path class={yew::classes!(class, forced)} d={d} fill={colour} /> }
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

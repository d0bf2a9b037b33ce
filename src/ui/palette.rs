//! Colours for domains: Paul Tol's colour-blind-safe "muted" scheme, then his "light" scheme,
//! so that up to 16 domains get distinct colours (the legend and facets name them too).

const COLOURS: [&str; 16] = [
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255",
    "#AA4499", "#EE8866", "#77AADD", "#BBCC33", "#FFAABB", "#99DDFF", "#44BB99", "#555555",
];

/// The colour of the domain at `position` in the dataset's domain list.
pub fn domain_colour(position: usize) -> &'static str {
    COLOURS[position % COLOURS.len()]
}

/// The colour of events with no domain.
pub const NO_DOMAIN: &str = "#A0A0A0";

/// A small colour chip for the domain at `position` (an SVG drawing, not an inline style, so
/// that a strict Content-Security-Policy allows it).
pub fn swatch(position: usize) -> yew::Html {
    yew::html! {
        <svg class="swatch" aria-hidden="true" focusable="false" viewBox="0 0 10 10">
            <circle cx="5" cy="5" r="4.5" fill={domain_colour(position)} />
        </svg>
    }
}

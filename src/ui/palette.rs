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

/// The shapes of point marks, by domain: with the colours, every domain has its own pair, and
/// the shape is a cue that does not rely on colour.
pub const SHAPES: [&str; 4] = ["circle", "square", "diamond", "triangle"];

/// A point mark for an event whose first domain is at `position` (None: no domain), centred on
/// (cx, cy) with radius about `r`.
pub fn marker(position: Option<usize>, cx: f64, cy: f64, r: f64, class: &'static str) -> yew::Html {
    let colour = position.map(domain_colour).unwrap_or(NO_DOMAIN);
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
/// inline style, so that a strict Content-Security-Policy allows it).
pub fn swatch(position: usize) -> yew::Html {
    yew::html! {
        <svg class="swatch" aria-hidden="true" focusable="false" viewBox="0 0 10 10">
            { marker(Some(position), 5.0, 5.0, 4.0, "chip") }
        </svg>
    }
}

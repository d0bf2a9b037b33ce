//! The name of a moment a story's scene marks with a line (on the timeline and the overview).

use crate::core::scale::{beside_line, label_width};
use crate::core::scene::{wrap, Font};
use yew::prelude::*;

/// Bold text: a little wider than the labels' estimate.
const BOLD: f64 = 1.1;

/// The SVG text naming a moment marked by a line at `x` in a drawing `width` px wide, its first
/// line's baseline at `y`: whole, after the line where it fits, else before it, else broken into
/// lines `line_height` apart on the side with more room (on a phone it ran past the edge) or,
/// without `line_height` (the overview, too low for two lines, under the timeline that names
/// it), not at all.
pub fn moment_name(x: f64, y: f64, label: &str, width: f64, line_height: Option<f64>) -> Html {
    const GAP: f64 = 4.0;
    let w = label_width(label) * BOLD;
    let (text_x, on_left) = beside_line(x, w, width, GAP);
    let room = if on_left { x - GAP } else { width - x - GAP };
    let lines = match line_height {
        _ if w <= room => vec![label.to_string()],
        Some(_) => wrap(label, room / BOLD, Font::Label),
        None => return Html::default(),
    };
    let line_height = line_height.unwrap_or_default();
    let text_x = format!("{text_x:.1}");
    let lines = lines.into_iter().enumerate().map(|(k, line)| {
        let dy = if k == 0 {
            "0".to_string()
        } else {
            format!("{line_height}")
        };
        html! { <tspan x={text_x.clone()} {dy}>{ line }</tspan> }
    });
    html! {
        <text x={text_x.clone()} y={format!("{y:.1}")} text-anchor={on_left.then_some("end")}>{ for lines }</text>
    }
}

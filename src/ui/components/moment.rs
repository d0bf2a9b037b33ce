//! The name of a moment a story's scene marks with a line (on the timeline and the overview).

use crate::core::scale::{beside_line, label_width};
use crate::core::scene::{wrap, Font};
use yew::prelude::*;

/// Bold text: a little wider than the labels' estimate.
const BOLD: f64 = 1.1;
/// Room around the name inside its box, and the box's reach above and below a baseline; its
/// width takes the bold text as wider still than [`BOLD`] (the box must hold all of it).
const BOX_PAD: f64 = 3.0;
const BOX_BOLD: f64 = 1.18;
const ASCENT: f64 = 13.0;
const DESCENT: f64 = 8.0;

/// The SVG text naming a moment marked by a line at `x` in a drawing `width` px wide, its first
/// line's baseline at `y`: whole, after the line where it fits, else before it, else broken into
/// lines `line_height` apart on the side with more room (on a phone it ran past the edge) or,
/// without `line_height` (the overview, too low for two lines, under the timeline that names
/// it), not at all. A box behind it (`.backing`, unfilled unless the stylesheet fills it, as it
/// does on the timeline) hides what it stands over.
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
    // A box of the page's colour behind the name: it may stand over a phase's name, which
    // would show through between its letters.
    let box_width = lines
        .iter()
        .map(|line| label_width(line) * BOX_BOLD)
        .fold(0.0, f64::max)
        + 2.0 * BOX_PAD;
    let box_x = if on_left {
        text_x - box_width + BOX_PAD
    } else {
        text_x - BOX_PAD
    };
    let box_height = ASCENT + DESCENT + line_height * (lines.len() as f64 - 1.0);
    let backing = html! {
        <rect class="backing" x={format!("{box_x:.1}")} y={format!("{:.1}", y - ASCENT)}
              width={format!("{box_width:.1}")} height={format!("{box_height:.1}")} rx="3" fill="none" />
    };
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
        <>
            { backing }
            <text x={text_x.clone()} y={format!("{y:.1}")} text-anchor={on_left.then_some("end")}>{ for lines }</text>
        </>
    }
}

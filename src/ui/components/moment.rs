//! The name of a moment a story's scene marks with a line (on the timeline and the overview).

use crate::core::scale::{beside_line, label_width};
use crate::core::scene::backdrop::behind;
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

/// How far before a moment's box on the timeline what it stands over fades out, and the
/// gradient that does it (see [`moment_fade`]).
const FADE: f64 = 18.0;
const FADE_ID: &str = "moment-fade";

/// The gradients a moment's name on the timeline fades what runs in under it with, to the
/// page's colour or a phase's (`moment-fade`, `moment-fade-0`, `moment-fade-1`): once per
/// drawing that names moments, in its `<defs>`.
pub fn moment_fade() -> Html {
    let fade = |id: String, class: &'static str| {
        html! {
            <linearGradient {id} class={classes!("moment-fade", class)}>
                <stop offset="0" stop-opacity="0" />
                <stop offset="1" stop-opacity="1" />
            </linearGradient>
        }
    };
    html! {
        <>
            { fade(FADE_ID.to_string(), "") }
            { fade(format!("{FADE_ID}-0"), "phase-0") }
            { fade(format!("{FADE_ID}-1"), "phase-1") }
        </>
    }
}

/// What a moment's name stands over on the timeline (nothing, in the overview): see
/// [`moment_name`].
#[derive(Clone, Copy, Default)]
pub struct Under<'a> {
    pub reach: Option<f64>,
    pub names: &'a [(f64, f64)],
    pub bands: &'a [(f64, f64, u8)],
}

/// The SVG text naming a moment marked by a line at `x` in a drawing `width` px wide, its first
/// line's baseline at `y`: whole, after the line where it fits, else before it, else broken into
/// lines `line_height` apart on the side with more room (on a phone it ran past the edge) or,
/// without `line_height` (the overview, too low for two lines, under the timeline that names
/// it), not at all. A box behind it (`.backing`, unfilled unless the stylesheet fills it, as it
/// does on the timeline) hides what it stands over, down to `reach` at least (the phases' names'
/// row on the timeline, which may have two lines), and the whole of each phase's name it would
/// cut (`names`: their extents along the row), as a name is shown whole or not at all. It takes
/// the colour of what it stands over (`bands`, see [`behind`](crate::core::scene::backdrop::behind)), so that a phase's name it hides
/// is simply not there (in the page's colour, the box read as a blank bar across the band).
pub fn moment_name(
    x: f64,
    y: f64,
    label: &str,
    width: f64,
    line_height: Option<f64>,
    under: Under,
) -> Html {
    let Under {
        reach,
        names,
        bands,
    } = under;
    const GAP: f64 = 4.0;
    let w = label_width(label) * BOLD;
    let (text_x, on_left) = beside_line(x, w, width, GAP);
    let room = if on_left { x - GAP } else { width - x - GAP };
    let lines = match line_height {
        _ if w <= room => vec![label.to_string()],
        Some(_) => wrap(label, room / BOLD, Font::Label),
        None => return Html::default(),
    };
    let on_timeline = line_height.is_some();
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
    // Widened over every name it would cut, or fade (names never overlap: this ends).
    let (mut left, mut right) = (box_x, box_x + box_width);
    let fade_reach = if on_timeline { FADE } else { 0.0 };
    while let Some(&(a, b)) = names
        .iter()
        .find(|&&(a, b)| a < right && b > left - fade_reach && (a < left || b > right))
    {
        left = left.min(a - 2.0);
        right = right.max(b + 2.0);
    }
    let (box_x, box_width) = (left.max(0.0), right.min(width) - left.max(0.0));
    let box_height = (ASCENT + DESCENT + line_height * (lines.len() as f64 - 1.0))
        .max(reach.map_or(0.0, |reach| reach - (y - ASCENT)));
    let top = format!("{:.1}", y - ASCENT);
    let height = format!("{box_height:.1}");
    // On the timeline, a phase's name that runs in under the box from its left fades out
    // before it (cut short by the box, it read as a whole name: "From September 11").
    let fade = on_timeline.then(|| {
        // To the colour it ends on.
        let id = match behind(box_x - 1.0, box_x, bands).first() {
            Some(&(_, _, Some(tint))) => format!("{FADE_ID}-{tint}"),
            _ => FADE_ID.to_string(),
        };
        html! {
            <rect class="backing-fade" x={format!("{:.1}", box_x - FADE)} y={top.clone()}
                  width={format!("{FADE:.1}")} height={height.clone()} fill={format!("url(#{id})")} />
        }
    });
    let parts = behind(box_x, box_x + box_width, bands)
        .into_iter()
        .map(|(a, b, tint)| {
            html! {
                <rect class={classes!("backing", tint.map(|t| format!("phase-{t}")))}
                      x={format!("{a:.1}")} y={top.clone()} width={format!("{:.1}", b - a)}
                      height={height.clone()} fill="none" />
            }
        });
    let backing = html! {
        <>
            { for fade }
            { for parts }
        </>
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

//! A saved picture of the timeline that stands on its own: the drawing with the chronology's
//! title and what it shows above it, and below it the legend of the domains drawn and where it
//! comes from (*Cite this view*'s words).

use super::{Callout, Fills, Font, Ink, Item, Prim, Scene, Shape, Stroke, TargetKind};
use crate::core::layout::TimelineIndex;
use crate::core::scale::label_width;

/// What a saved picture says around the drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Caption {
    /// The chronology's title.
    pub title: String,
    /// What part of it: the window, and the filters or the story's scene.
    pub shown: String,
    /// The domains drawn, in the chronology's order: each one's position and name.
    pub legend: Vec<(usize, String)>,
    /// Where it comes from, and the link to the view.
    pub credit: String,
}

/// Space around the caption's texts.
const MARGIN: f64 = 12.0;
/// Baselines of the title and of what it shows.
const TITLE_Y: f64 = 22.0;
const SHOWN_Y: f64 = 40.0;
/// Height of the head (with one line of each); the drawing starts below it.
const HEAD_HEIGHT: f64 = 52.0;
const LEGEND_ROW: f64 = 18.0;
const CREDIT_ROW: f64 = 15.0;
/// A legend entry's mark radius, and the space from its mark to its name and after its name.
const SWATCH_R: f64 = 5.0;
const SWATCH_TEXT: f64 = 14.0;
const ENTRY_GAP: f64 = 16.0;

/// How much wider than [`label_width`]'s 12 px text each font runs (bold is wider).
fn scale_of(font: Font) -> f64 {
    match font {
        Font::Title => 15.0 / 12.0 * 1.1,
        Font::Tick => 11.0 / 12.0,
        _ => 1.0,
    }
}

/// `text` in lines no wider than `width` in `font`, broken between words; a word wider than a
/// line (a link) is broken after its `/`, `?`, `&`, `=` or `,`, or where it must.
pub fn wrap(text: &str, width: f64, font: Font) -> Vec<String> {
    let scale = scale_of(font);
    let fits = |s: &str| label_width(s) * scale <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if fits(word) {
            line = word.to_string();
            continue;
        }
        // Too wide for a line of its own: in pieces, each ending after a separator.
        for piece in word.split_inclusive(['/', '?', '&', '=', ',']) {
            if fits(&format!("{line}{piece}")) {
                line.push_str(piece);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in piece.chars() {
                line.push(c);
                if !fits(&line) && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The positions of the domains of the events drawn in `scene` (marks, dimmed or not), in the
/// chronology's order, each once.
pub fn drawn_domains(scene: &Scene, index: &TimelineIndex) -> Vec<usize> {
    crate::core::sort::sorted_unique(
        scene
            .targets
            .iter()
            .filter_map(|t| match t.kind {
                TargetKind::Mark { index: i, .. } if i < index.len() => Some(i),
                _ => None,
            })
            .flat_map(|i| index.extent(i).domains.iter()),
    )
}

impl Item {
    fn text(x: f64, y: f64, text: String, font: Font, ink: Ink) -> Item {
        Item {
            prim: Prim::Text {
                x,
                y,
                text,
                font,
                ink,
            },
            alpha: 1.0,
        }
    }
}

impl Prim {
    /// The primitive moved down by `dy`.
    fn lowered(mut self, dy: f64) -> Prim {
        match &mut self {
            Prim::Rect { y, .. } | Prim::Text { y, .. } => *y += dy,
            Prim::Line { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
            Prim::Marker { cy, .. } => *cy += dy,
            Prim::Polygon { points, .. } | Prim::Polyline { points, .. } => {
                for p in points {
                    p.1 += dy;
                }
            }
        }
        self
    }
}

impl Scene {
    /// The drawing framed by its caption: the title and what is shown above, the legend and the
    /// credit below, all within the drawing's width. Only what is drawn changes: the targets
    /// (a picture has none to click) are left out.
    pub fn captioned(self, caption: &Caption) -> Scene {
        let width = self.width;
        let line = (width - 2.0 * MARGIN).max(1.0);
        let mut items = Vec::with_capacity(self.items.len() + 2 * caption.legend.len() + 8);
        let mut y = TITLE_Y;
        for (n, text) in wrap(&caption.title, line, Font::Title)
            .into_iter()
            .enumerate()
        {
            y = TITLE_Y + n as f64 * 19.0;
            items.push(Item::text(MARGIN, y, text, Font::Title, Ink::Text));
        }
        let mut shown_y = y + (SHOWN_Y - TITLE_Y);
        for text in wrap(&caption.shown, line, Font::Label) {
            items.push(Item::text(MARGIN, shown_y, text, Font::Label, Ink::Muted));
            shown_y += 16.0;
        }
        let top = shown_y - 16.0 + (HEAD_HEIGHT - SHOWN_Y);
        // A picture does not fold: its lanes' headers lose their fold marks (a folded lane
        // says it is folded, after its heading's last line).
        let groups = &self.groups;
        let folded_last = |y: f64| {
            groups
                .iter()
                .any(|g| g.collapsed && (y - super::paint::heading_last_line(g)).abs() < 0.5)
        };
        items.extend(self.items.into_iter().map(|item| {
            Item {
                prim: match item.prim {
                    Prim::Text {
                        x,
                        y,
                        text,
                        font: Font::Group,
                        ink,
                    } => Prim::Text {
                        x,
                        y,
                        text: super::paint::picture_lane_name(&text, folded_last(y)),
                        font: Font::Group,
                        ink,
                    }
                    .lowered(top),
                    prim => prim.lowered(top),
                },
                alpha: item.alpha,
            }
        }));

        // The legend: an entry per domain drawn, its mark and name, in rows.
        let mut y = top + self.height + 8.0 + LEGEND_ROW / 2.0;
        let mut x = MARGIN;
        for (position, name) in &caption.legend {
            // A name longer than a line is wrapped, on rows of its own.
            let names = wrap(name, line - SWATCH_TEXT, Font::Label);
            let widest = names.iter().map(|n| label_width(n)).fold(0.0, f64::max);
            let entry = SWATCH_TEXT + widest;
            if x > MARGIN && (x + entry > width - MARGIN || names.len() > 1) {
                x = MARGIN;
                y += LEGEND_ROW;
            }
            items.push(Item {
                prim: Prim::Marker {
                    shape: Shape::of_domain(Some(*position)),
                    cx: x + SWATCH_R,
                    cy: y,
                    r: SWATCH_R,
                    fills: Fills::one(Ink::Domain(*position)),
                    stroke: Stroke {
                        ink: Ink::Background,
                        width: 1.0,
                    },
                },
                alpha: 1.0,
            });
            for (k, text) in names.iter().enumerate() {
                let row = y + 4.0 + k as f64 * LEGEND_ROW;
                items.push(Item::text(
                    x + SWATCH_TEXT,
                    row,
                    text.clone(),
                    Font::Label,
                    Ink::Text,
                ));
            }
            if names.len() > 1 {
                // The next entry starts a row of its own.
                y += (names.len() - 1) as f64 * LEGEND_ROW;
                x = width;
            } else {
                x += entry + ENTRY_GAP;
            }
        }
        if !caption.legend.is_empty() {
            y += LEGEND_ROW;
        }
        // The credit, in as many lines as it takes.
        let mut baseline = y + 4.0;
        for text in wrap(&caption.credit, line, Font::Tick) {
            items.push(Item::text(MARGIN, baseline, text, Font::Tick, Ink::Muted));
            baseline += CREDIT_ROW;
        }
        let height = (baseline - CREDIT_ROW + MARGIN).max(top + self.height);
        Scene {
            width,
            height: height.ceil(),
            start: self.start,
            end: self.end,
            items,
            backdrop: 0,
            targets: Vec::new(),
            phases: Vec::new(),
            groups: Vec::new(),
            callout: self.callout.map(|c| Callout {
                y: c.y + top,
                items: c
                    .items
                    .into_iter()
                    .map(|item| Item {
                        prim: item.prim.lowered(top),
                        alpha: item.alpha,
                    })
                    .collect(),
                ..c
            }),
            lanes: self.lanes,
            about: self.about,
        }
    }
}

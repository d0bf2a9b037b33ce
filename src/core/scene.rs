//! What the timeline draws: shapes and text in drawing order, plus the targets readers can click
//! and focus. Built from the scale, the ticks and the layout; the UI paints it on a canvas (one
//! paint per frame, however many events) and keeps a small accessible layer of targets; "Save
//! the timeline as drawn" writes the same scene out as SVG.

use crate::core::dataset::Chronology;
use crate::core::date::Precision;
use crate::core::layout::{layout, LayoutOptions, TimelineIndex};
use crate::core::scale::{ticks, TimeScale};
use crate::core::shape::polygon_path;
use std::fmt::Write;

pub const MAJOR_Y: f64 = 15.0;
pub const MINOR_Y: f64 = 33.0;
pub const AXIS_HEIGHT: f64 = 40.0;
pub const PHASE_LABEL_Y: f64 = 56.0;
pub const FIRST_LANE_Y: f64 = 80.0;
pub const LANE_HEIGHT: f64 = 26.0;
pub const MIN_LANES: usize = 6;
pub const BOTTOM_PAD: f64 = 14.0;

pub const LAYOUT_OPTIONS: LayoutOptions = LayoutOptions {
    max_lanes: 10,
    label_gap: 10.0,
    point_radius: 5.0,
};

/// Room around a label's text, in px.
pub const LABEL_PADDING: f64 = 6.0;

/// A conservative width for 12px sans-serif: wide enough for capitals.
pub fn estimate(text: &str) -> f64 {
    text.chars().count() as f64 * 7.5 + LABEL_PADDING
}

/// The text cut to fit `width` px at a word boundary, with an ellipsis, given its full measured
/// width; empty when not even one word fits.
pub fn fit_label(text: &str, full_width: f64, width: f64) -> String {
    if width + 0.5 >= full_width {
        return text.to_string();
    }
    let chars = text.chars().count();
    // Proportional cut, one character of margin for the ellipsis and uneven glyphs.
    let keep = ((chars as f64) * (width - LABEL_PADDING) / (full_width - LABEL_PADDING).max(1.0))
        .floor() as usize;
    let keep = keep.saturating_sub(2);
    if keep == 0 {
        return String::new();
    }
    // Whole words only: what is shown stays a readable part of the mark's accessible name.
    let cut: String = text.chars().take(keep + 1).collect();
    let words = match cut.rfind(char::is_whitespace) {
        Some(end) => cut[..end].trim_end_matches([' ', ',', ';', ':', '–', '—', '-']),
        None => return String::new(),
    };
    if words.is_empty() {
        return String::new();
    }
    format!("{words}…")
}

/// A colour by role; the UI resolves it from the theme (light, dark or forced colours).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ink {
    Background,
    Panel,
    Text,
    Muted,
    Line,
    MajorLine,
    /// Phase bands alternate between two tints.
    Phase(u8),
    /// The selection (and keyboard focus).
    Focus,
    /// The colour of the domain at this position in the dataset's list.
    Domain(usize),
    NoDomain,
    /// The thin edge of a span's bar.
    BarEdge,
    /// The selected event's fill (its domain's colour, or the highlight under forced colours)
    /// and its title.
    SelectedFill(Option<usize>),
    SelectedText,
}

/// The fonts of the drawing (CSS shorthand).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Font {
    Tick,
    MajorTick,
    Phase,
    Label,
    SelectedLabel,
    Cluster,
}

impl Font {
    pub fn css(self) -> &'static str {
        match self {
            Font::Tick => "11px sans-serif",
            Font::MajorTick | Font::Phase | Font::Cluster => "600 11px sans-serif",
            Font::Label => "12px sans-serif",
            Font::SelectedLabel => "700 12px sans-serif",
        }
    }

    fn svg_attributes(self) -> &'static str {
        match self {
            Font::Tick => r#"font-family="sans-serif" font-size="11""#,
            Font::MajorTick | Font::Phase | Font::Cluster => {
                r#"font-family="sans-serif" font-size="11" font-weight="600""#
            }
            Font::Label => r#"font-family="sans-serif" font-size="12""#,
            Font::SelectedLabel => r#"font-family="sans-serif" font-size="12" font-weight="700""#,
        }
    }
}

pub use crate::core::shape::Shape;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    pub ink: Ink,
    pub width: f64,
}

/// One thing drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Prim {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        radius: f64,
        fill: Option<Ink>,
        stroke: Option<Stroke>,
    },
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: Stroke,
    },
    Marker {
        shape: Shape,
        cx: f64,
        cy: f64,
        r: f64,
        fill: Ink,
        stroke: Stroke,
    },
    /// An open line through the points (the bracket over a year- or month-precise date).
    Polyline {
        points: Vec<(f64, f64)>,
        stroke: Stroke,
    },
    /// Text from its left end on the baseline `y`.
    Text {
        x: f64,
        y: f64,
        text: String,
        font: Font,
        ink: Ink,
    },
}

/// A primitive with its opacity (filtered-out events drawn for context are faint).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub prim: Prim,
    pub alpha: f64,
}

/// What a target stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetKind {
    /// An event (its index in the chronology). Dimmed events are drawn for context only: they
    /// cannot be clicked or focused.
    Mark {
        index: usize,
        selected: bool,
        dimmed: bool,
    },
    /// A "+N" badge: clicking it zooms to `[first_day, end_day)`.
    Cluster {
        first_day: f64,
        end_day: f64,
        /// The members' indices in chronological order.
        members: Vec<usize>,
    },
}

/// A box that can be clicked or focused, in drawing coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub kind: TargetKind,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Target {
    fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }
}

/// The strip of a phase band where its name is drawn (perhaps cut short), in drawing
/// coordinates: the place for its full name as a tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseStrip {
    /// The phase's position in the chronology's list.
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// The whole drawing for one window.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    /// The window drawn, in days.
    pub start: f64,
    pub end: f64,
    pub items: Vec<Item>,
    /// Marks and badges in drawing order (the last drawn is on top).
    pub targets: Vec<Target>,
    /// The phases in view, left to right.
    pub phases: Vec<PhaseStrip>,
}

/// What the scene of the timeline depends on besides the scale.
pub struct SceneInput<'a> {
    pub data: &'a Chronology,
    pub index: &'a TimelineIndex,
    /// Whether each event passes the filters.
    pub matches: &'a [bool],
    /// Filtered-out events are drawn faint (true) or not at all (false).
    pub dim: bool,
    pub selected: Option<usize>,
}

fn solid(prim: Prim) -> Item {
    Item { prim, alpha: 1.0 }
}

impl Scene {
    /// The drawing of `input` in the window of `scale` (whose width is the drawing's width).
    pub fn build(input: &SceneInput, scale: &TimeScale) -> Scene {
        let data = input.data;
        let width = scale.width;
        let matches = |i: usize| input.matches.get(i).copied().unwrap_or(false);
        let laid = layout(input.index, scale, &LAYOUT_OPTIONS, |i| {
            input.dim || matches(i)
        });
        let lanes = laid.lanes.max(MIN_LANES);
        let height = FIRST_LANE_Y + (lanes as f64 - 0.5) * LANE_HEIGHT + BOTTOM_PAD;
        let lane_y = |lane: usize| FIRST_LANE_Y + lane as f64 * LANE_HEIGHT;
        let domain_position = |id: &str| data.domains.iter().position(|d| d.id == id);
        let mut items = Vec::with_capacity(64 + 4 * laid.placed.len());
        let mut targets = Vec::with_capacity(laid.placed.len() + laid.clusters.len());
        let mut phases = Vec::with_capacity(data.phases.len());

        // Phase bands, each with its name if there is room.
        for (i, p) in data.phases.iter().enumerate() {
            let x1 = scale.to_px(p.start.first_day() as f64).max(0.0);
            let x2 = scale.to_px(p.end.end_day() as f64).min(width);
            if x2 <= x1 {
                continue;
            }
            items.push(solid(Prim::Rect {
                x: x1,
                y: AXIS_HEIGHT,
                w: x2 - x1,
                h: height - AXIS_HEIGHT,
                radius: 0.0,
                fill: Some(Ink::Phase((i % 2) as u8)),
                stroke: None,
            }));
            phases.push(PhaseStrip {
                index: i,
                x: x1,
                y: AXIS_HEIGHT,
                w: x2 - x1,
                h: FIRST_LANE_Y - LANE_HEIGHT / 2.0 - AXIS_HEIGHT,
            });
            let label = fit_label(&p.label, estimate(&p.label), x2 - x1 - 8.0);
            if !label.is_empty() {
                items.push(solid(Prim::Text {
                    x: x1 + 4.0,
                    y: PHASE_LABEL_Y,
                    text: label,
                    font: Font::Phase,
                    ink: Ink::Muted,
                }));
            }
        }

        // The axis: a band, major ticks (lines through the whole drawing), minor ticks.
        items.push(solid(Prim::Rect {
            x: 0.0,
            y: 0.0,
            w: width,
            h: AXIS_HEIGHT,
            radius: 0.0,
            fill: Some(Ink::Panel),
            stroke: None,
        }));
        let ticks = ticks(scale);
        for t in &ticks.major {
            if t.x >= 0.0 {
                items.push(solid(Prim::Line {
                    x1: t.x,
                    y1: 0.0,
                    x2: t.x,
                    y2: height,
                    stroke: Stroke {
                        ink: Ink::MajorLine,
                        width: 1.0,
                    },
                }));
            }
            if !t.label.is_empty() {
                items.push(solid(Prim::Text {
                    x: t.label_x + 3.0,
                    y: MAJOR_Y,
                    text: t.label.clone(),
                    font: Font::MajorTick,
                    ink: Ink::Text,
                }));
            }
        }
        for t in &ticks.minor {
            items.push(solid(Prim::Line {
                x1: t.x,
                y1: AXIS_HEIGHT - 18.0,
                x2: t.x,
                y2: height,
                stroke: Stroke {
                    ink: Ink::Line,
                    width: 1.0,
                },
            }));
            items.push(solid(Prim::Text {
                x: t.label_x + 3.0,
                y: MINOR_Y,
                text: t.label.clone(),
                font: Font::Tick,
                ink: Ink::Muted,
            }));
        }

        // Events: a bar for a span, a marker for a point (with a bracket over the period a
        // year- or month-precise date covers), and the title as far as there is room.
        for p in &laid.placed {
            let e = &data.events[p.index];
            let y = lane_y(p.lane);
            let dimmed = !matches(p.index);
            let selected = !dimmed && input.selected == Some(p.index);
            let alpha = if dimmed { 0.22 } else { 1.0 };
            let position = e.domains.first().and_then(|d| domain_position(d));
            let fill = if selected {
                Ink::SelectedFill(position)
            } else {
                position.map(Ink::Domain).unwrap_or(Ink::NoDomain)
            };
            let start_x = scale.to_px(e.first_day() as f64);
            let end_x = scale.to_px(e.end_day() as f64);
            let imprecise =
                !e.is_span() && e.start.precision() != Precision::Day && end_x - start_x >= 6.0;
            if imprecise && !dimmed {
                items.push(Item {
                    prim: Prim::Polyline {
                        points: vec![
                            (start_x, y + 3.0),
                            (start_x, y - 3.0),
                            (end_x, y - 3.0),
                            (end_x, y + 3.0),
                        ],
                        stroke: Stroke {
                            ink: Ink::Muted,
                            width: 1.0,
                        },
                    },
                    alpha: 0.55,
                });
            }
            let selection = Stroke {
                ink: Ink::Focus,
                width: 2.5,
            };
            let (left, right) = if e.is_span() {
                let x1 = start_x.max(-10.0);
                let x2 = end_x.min(width + 10.0).max(x1 + 2.0);
                items.push(Item {
                    prim: Prim::Rect {
                        x: x1,
                        y: y + 6.0,
                        w: x2 - x1,
                        h: 5.0,
                        radius: 2.0,
                        fill: Some(fill),
                        stroke: Some(if selected {
                            selection
                        } else {
                            Stroke {
                                ink: Ink::BarEdge,
                                width: 0.5,
                            }
                        }),
                    },
                    alpha,
                });
                (x1, x2)
            } else {
                let r = LAYOUT_OPTIONS.point_radius;
                items.push(Item {
                    prim: Prim::Marker {
                        shape: Shape::of_domain(position),
                        cx: p.x,
                        cy: y,
                        r,
                        fill,
                        stroke: if selected {
                            selection
                        } else {
                            Stroke {
                                ink: Ink::Background,
                                width: 1.5,
                            }
                        },
                    },
                    alpha,
                });
                (p.x - r * 1.3, p.x + r * 1.3)
            };
            // Never past the drawing's right edge.
            let room = p.label_width.min(width - p.label_x - 2.0);
            let label = fit_label(&e.title, input.index.extent(p.index).label_width, room);
            let label_right = if label.is_empty() {
                p.label_x
            } else {
                p.label_x + room.min(input.index.extent(p.index).label_width)
            };
            if !label.is_empty() {
                items.push(Item {
                    prim: Prim::Text {
                        x: p.label_x,
                        y: y + 4.0,
                        text: label,
                        font: if selected {
                            Font::SelectedLabel
                        } else {
                            Font::Label
                        },
                        ink: if selected {
                            Ink::SelectedText
                        } else {
                            Ink::Text
                        },
                    },
                    alpha,
                });
            }
            let x = left.min(p.label_x).max(0.0);
            let x2 = right.max(label_right).min(width);
            targets.push(Target {
                kind: TargetKind::Mark {
                    index: p.index,
                    selected,
                    dimmed,
                },
                x,
                y: y - 9.0,
                w: (x2 - x).max(4.0),
                h: 21.0,
            });
        }

        // "+N" badges in the last lane.
        for c in &laid.clusters {
            let y = lane_y(c.lane);
            let text = format!("+{}", c.indices.len());
            let w = crate::core::scale::label_width(&text) + 4.0;
            items.push(solid(Prim::Rect {
                x: c.x - 4.0,
                y: y - 9.0,
                w,
                h: 18.0,
                radius: 9.0,
                fill: Some(Ink::Background),
                stroke: Some(Stroke {
                    ink: Ink::Muted,
                    width: 1.0,
                }),
            }));
            items.push(solid(Prim::Text {
                x: c.x + 2.0,
                y: y + 4.0,
                text,
                font: Font::Cluster,
                ink: Ink::Text,
            }));
            targets.push(Target {
                kind: TargetKind::Cluster {
                    first_day: c.first_day,
                    end_day: c.end_day,
                    members: c.indices.clone(),
                },
                x: c.x - 4.0,
                y: y - 9.0,
                w,
                h: 18.0,
            });
        }

        Scene {
            width,
            height,
            start: scale.start,
            end: scale.end,
            items,
            targets,
            phases,
        }
    }

    /// The target under (x, y), if any: the topmost one that can be clicked.
    pub fn hit(&self, x: f64, y: f64) -> Option<&Target> {
        self.targets
            .iter()
            .rev()
            .find(|t| !matches!(t.kind, TargetKind::Mark { dimmed: true, .. }) && t.contains(x, y))
    }

    /// The events drawn one by one (not in a badge), in drawing order.
    pub fn marks(&self) -> impl Iterator<Item = (usize, &Target)> {
        self.targets.iter().filter_map(|t| match t.kind {
            TargetKind::Mark { index, .. } => Some((index, t)),
            TargetKind::Cluster { .. } => None,
        })
    }

    /// The scene as a standalone SVG document, with colours from `colour` and the background
    /// `background` behind everything.
    pub fn to_svg(&self, colour: impl Fn(Ink) -> String) -> String {
        let (w, h) = (self.width.round(), self.height.round());
        let mut out = String::with_capacity(256 + 120 * self.items.len());
        let _ = write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
            escape(&colour(Ink::Background))
        );
        for item in &self.items {
            let opacity = if item.alpha < 1.0 {
                format!(" opacity=\"{}\"", item.alpha)
            } else {
                String::new()
            };
            let stroke = |s: &Stroke| {
                format!(
                    " stroke=\"{}\" stroke-width=\"{}\"",
                    escape(&colour(s.ink)),
                    s.width
                )
            };
            match &item.prim {
                Prim::Rect {
                    x,
                    y,
                    w,
                    h,
                    radius,
                    fill,
                    stroke: edge,
                } => {
                    let _ = writeln!(
                        out,
                        "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\"{} fill=\"{}\"{}{opacity}/>",
                        if *radius > 0.0 { format!(" rx=\"{radius}\"") } else { String::new() },
                        fill.map(|f| escape(&colour(f))).unwrap_or_else(|| "none".into()),
                        edge.as_ref().map(stroke).unwrap_or_default(),
                    );
                }
                Prim::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    stroke: s,
                } => {
                    let _ = writeln!(
                        out,
                        "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\"{}{opacity}/>",
                        stroke(s)
                    );
                }
                Prim::Marker {
                    shape,
                    cx,
                    cy,
                    r,
                    fill,
                    stroke: s,
                } => {
                    let fill = escape(&colour(*fill));
                    if *shape == Shape::Circle {
                        let _ = writeln!(
                            out,
                            "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r:.1}\" fill=\"{fill}\"{}{opacity}/>",
                            stroke(s)
                        );
                    } else {
                        let _ = writeln!(
                            out,
                            "<path d=\"{}Z\" fill=\"{fill}\"{}{opacity}/>",
                            polygon_path(&shape.corners(*cx, *cy, *r)),
                            stroke(s)
                        );
                    }
                }
                Prim::Polyline { points, stroke: s } => {
                    let _ = writeln!(
                        out,
                        "<path d=\"{}\" fill=\"none\"{}{opacity}/>",
                        polygon_path(points),
                        stroke(s)
                    );
                }
                Prim::Text {
                    x,
                    y,
                    text,
                    font,
                    ink,
                } => {
                    let _ = writeln!(
                        out,
                        "<text x=\"{x:.1}\" y=\"{y:.1}\" {} fill=\"{}\"{opacity}>{}</text>",
                        font.svg_attributes(),
                        escape(&colour(*ink)),
                        escape(text)
                    );
                }
            }
        }
        out.push_str("</svg>\n");
        out
    }
}

/// Text and attribute values with XML's special characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;

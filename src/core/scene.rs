//! What the timeline draws: shapes and text in drawing order, plus the targets readers can click
//! and focus. Built from the scale, the ticks and the layout; the UI paints it on a canvas (one
//! paint per frame, however many events) and keeps a small accessible layer of targets; "Save
//! the timeline as drawn" writes the same scene out as SVG.
//!
//! From top to bottom: the axis, the phases' names, then one block of lanes (or, grouped, one
//! block per group under its header): the point events' lanes, then the band of spans (states
//! of affairs lasting years, thin bars), each with its "+N" row when crowded. Labels are whole
//! or absent; every mark's target says whether its label is drawn, so that the UI gives the
//! others a tooltip with the date and the whole title.

use crate::core::dataset::{Chronology, OpenSide};
use crate::core::date::Precision;
use crate::core::grouping::Grouping;
use crate::core::layout::{
    layout_blocks, Band, Cluster, LaneLimits, Layout, LayoutOptions, TimelineIndex,
};
use crate::core::scale::{label_width, ticks, TimeScale};
use crate::core::shape::polygon_path;
pub use crate::core::shape::Shape;
use crate::core::viewport::{Viewport, MIN_SPAN_DAYS};
use std::fmt::Write;

pub const MAJOR_Y: f64 = 15.0;
pub const MINOR_Y: f64 = 33.0;
pub const AXIS_HEIGHT: f64 = 40.0;
pub const PHASE_LABEL_Y: f64 = 56.0;
/// Top of the first block of lanes, below the phases' names.
pub const LANES_TOP: f64 = 66.0;
/// A lane of point events.
pub const LANE_HEIGHT: f64 = 22.0;
/// A lane of the spans' band: the label above a thin bar.
pub const SPAN_LANE_HEIGHT: f64 = 20.0;
/// Space between the point lanes and the spans' band.
pub const SPAN_BAND_GAP: f64 = 6.0;
/// A group's header, above its lanes.
pub const GROUP_HEADER_HEIGHT: f64 = 24.0;
/// Space after a group's block.
pub const GROUP_GAP: f64 = 6.0;
/// Ungrouped, the point lanes take at least this many lanes' height (the drawing does not
/// shrink to nothing on an empty stretch).
pub const MIN_LANES: usize = 4;
pub const BOTTOM_PAD: f64 = 12.0;
/// Radius of a point's marker as drawn (shapes reach up to 1.35 times it).
pub const MARK_RADIUS: f64 = 5.0;

/// Lanes ungrouped: up to 16 point lanes to give labels room, 20 for marks before any is
/// folded into a "+N"; the spans' band as many as the chronology's busiest years need.
pub const LAYOUT_OPTIONS: LayoutOptions = LayoutOptions {
    points: LaneLimits {
        labelled: 16,
        max: 20,
    },
    spans: LaneLimits {
        labelled: 18,
        max: 20,
    },
    label_gap: 10.0,
    mark_gap: 2.0,
    // The room a marker takes: the largest shape reaches 1.35 × MARK_RADIUS.
    point_radius: 6.75,
};

/// Lanes per group when grouped: fewer, since the groups stack.
pub const GROUP_LAYOUT_OPTIONS: LayoutOptions = LayoutOptions {
    points: LaneLimits {
        labelled: 4,
        max: 8,
    },
    spans: LaneLimits {
        labelled: 4,
        max: 6,
    },
    ..LAYOUT_OPTIONS
};

/// Room around a label's text, in px.
pub const LABEL_PADDING: f64 = 6.0;

/// A conservative width for 12px sans-serif: wide enough for capitals.
pub fn estimate(text: &str) -> f64 {
    text.chars().count() as f64 * 7.5 + LABEL_PADDING
}

/// The text cut to fit `width` px at a word boundary, with an ellipsis, given its full measured
/// width; empty when not even one word fits. Used for the phases' names (whose whole name is a
/// tooltip away); events' labels are never cut.
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
    // Whole words only: what is shown stays a readable part of the name.
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
    /// A group's name and count.
    Group,
}

impl Font {
    pub fn css(self) -> &'static str {
        match self {
            Font::Tick => "11px sans-serif",
            Font::MajorTick | Font::Phase | Font::Cluster => "600 11px sans-serif",
            Font::Label => "12px sans-serif",
            Font::SelectedLabel | Font::Group => "700 12px sans-serif",
        }
    }

    fn svg_attributes(self) -> &'static str {
        match self {
            Font::Tick => r#"font-family="sans-serif" font-size="11""#,
            Font::MajorTick | Font::Phase | Font::Cluster => {
                r#"font-family="sans-serif" font-size="11" font-weight="600""#
            }
            Font::Label => r#"font-family="sans-serif" font-size="12""#,
            Font::SelectedLabel | Font::Group => {
                r#"font-family="sans-serif" font-size="12" font-weight="700""#
            }
        }
    }
}

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
    /// A closed polygon, filled and/or outlined: the slices of a mark with several domains
    /// (one per domain, in its colour) and their common outline.
    Polygon {
        points: Vec<(f64, f64)>,
        fill: Option<Ink>,
        stroke: Option<Stroke>,
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
    /// cannot be clicked or focused. Grouped, an event has a mark in each of its groups.
    Mark {
        index: usize,
        selected: bool,
        dimmed: bool,
        /// Whether its label is drawn; if not, its date and whole title belong in a tooltip.
        labelled: bool,
        /// The group it is drawn in (its position in [`Grouping::groups`]), if grouped.
        group: Option<usize>,
    },
    /// A "+N" badge. Activating it opens it: [`open_cluster`] gives the window that spreads
    /// its members, or says to list them.
    Cluster {
        /// The members' whole extent.
        first_day: f64,
        end_day: f64,
        /// The members' indices in chronological order.
        members: Vec<usize>,
        /// The group it is drawn in, if grouped.
        group: Option<usize>,
        /// In the spans' band (rather than the point lanes).
        spans: bool,
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

/// A group's header (the place for its collapse button and its accessible group), and its
/// block of lanes.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupStrip {
    /// Its position in [`Grouping::groups`].
    pub index: usize,
    pub label: String,
    /// Events passing the filters in the group.
    pub count: usize,
    pub collapsed: bool,
    /// The header, across the drawing's width.
    pub y: f64,
    pub h: f64,
    /// The bottom of its block (the header's bottom when collapsed).
    pub end_y: f64,
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
    /// The groups, top to bottom (empty when not grouped).
    pub groups: Vec<GroupStrip>,
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
    /// Lanes grouped (with each group's count and collapsed flag), or None for one block.
    pub grouping: Option<&'a Grouping>,
}

impl SceneInput<'_> {
    fn matches(&self, i: usize) -> bool {
        self.matches.get(i).copied().unwrap_or(false)
    }

    /// Whether event `i` is drawn, and its label's rank: matching events by their priority,
    /// above every dimmed one.
    fn rank(&self, i: usize) -> Option<u32> {
        if self.matches(i) {
            Some(1 + u32::from(self.index.extent(i).priority))
        } else if self.dim {
            Some(0)
        } else {
            None
        }
    }

    fn options(&self) -> &'static LayoutOptions {
        if self.grouping.is_some() {
            &GROUP_LAYOUT_OPTIONS
        } else {
            &LAYOUT_OPTIONS
        }
    }

    /// The layout of every block (one per group, empty for collapsed ones), or of group
    /// `only` alone (in block 0).
    fn lay_out(&self, scale: &TimeScale, only: Option<usize>) -> Vec<Layout> {
        let rank = |i: usize| self.rank(i);
        match (self.grouping, only) {
            (None, _) => layout_blocks(self.index, scale, self.options(), 1, rank, |_| [0]),
            (Some(g), None) => {
                let open = |p: &&u16| !g.groups[usize::from(**p)].collapsed;
                layout_blocks(
                    self.index,
                    scale,
                    self.options(),
                    g.groups.len(),
                    rank,
                    |i| g.groups_of(i).iter().filter(open).map(|&p| usize::from(p)),
                )
            }
            (Some(g), Some(only)) => {
                layout_blocks(self.index, scale, self.options(), 1, rank, |i| {
                    g.groups_of(i)
                        .iter()
                        .any(|&p| usize::from(p) == only)
                        .then_some(0)
                })
            }
        }
    }
}

fn solid(prim: Prim) -> Item {
    Item { prim, alpha: 1.0 }
}

/// Where a block's parts are drawn.
struct BlockPlace {
    points_top: f64,
    spans_top: f64,
}

/// The heights of a block's point lanes and span band.
fn band_heights(layout: &Layout, grouped: bool) -> (f64, f64) {
    let point_lanes = if grouped {
        layout.points.lanes.max(1)
    } else {
        layout.points.lanes.max(MIN_LANES)
    };
    let spans = if layout.spans.lanes > 0 {
        SPAN_BAND_GAP + layout.spans.lanes as f64 * SPAN_LANE_HEIGHT
    } else {
        0.0
    };
    (point_lanes as f64 * LANE_HEIGHT, spans)
}

impl Scene {
    /// The drawing of `input` in the window of `scale` (whose width is the drawing's width).
    pub fn build(input: &SceneInput, scale: &TimeScale) -> Scene {
        let width = scale.width;
        let grouped = input.grouping.is_some();
        let blocks = input.lay_out(scale, None);

        // Where each block goes, top to bottom.
        let mut y = LANES_TOP;
        let mut places = Vec::with_capacity(blocks.len());
        let mut groups = Vec::new();
        for (n, laid) in blocks.iter().enumerate() {
            let header = input.grouping.and_then(|g| g.groups.get(n));
            if let Some(group) = header {
                let top = y;
                y += GROUP_HEADER_HEIGHT;
                groups.push(GroupStrip {
                    index: n,
                    label: group.label.clone(),
                    count: group.count,
                    collapsed: group.collapsed,
                    y: top,
                    h: GROUP_HEADER_HEIGHT,
                    end_y: y,
                });
                if group.collapsed {
                    places.push(None);
                    y += GROUP_GAP;
                    continue;
                }
            }
            let (points_h, spans_h) = band_heights(laid, grouped);
            places.push(Some(BlockPlace {
                points_top: y,
                spans_top: y + points_h + SPAN_BAND_GAP,
            }));
            y += points_h + spans_h;
            if let Some(strip) = groups.last_mut().filter(|_| grouped) {
                strip.end_y = y;
                y += GROUP_GAP;
            }
        }
        let height = y + BOTTOM_PAD;

        let visible_events: usize = blocks
            .iter()
            .map(|b| b.points.placed.len() + b.spans.placed.len())
            .sum();
        let mut items = Vec::with_capacity(64 + 4 * visible_events);
        let targets = Vec::with_capacity(visible_events + 16);
        let mut phases = Vec::with_capacity(input.data.phases.len());
        draw_phases(input.data, scale, height, &mut items, &mut phases);
        draw_axis(scale, height, &mut items);

        let mut painter = Painter {
            input,
            scale,
            items,
            targets,
        };
        for (n, (laid, place)) in blocks.into_iter().zip(&places).enumerate() {
            let group = grouped.then_some(n);
            if let Some(strip) = groups.iter().find(|g| g.index == n) {
                painter.header(strip);
            }
            let Some(place) = place else {
                continue;
            };
            if !laid.spans.placed.is_empty() || !laid.spans.clusters.is_empty() {
                painter.items.push(solid(Prim::Line {
                    x1: 0.0,
                    y1: place.spans_top - SPAN_BAND_GAP / 2.0,
                    x2: width,
                    y2: place.spans_top - SPAN_BAND_GAP / 2.0,
                    stroke: Stroke {
                        ink: Ink::Line,
                        width: 1.0,
                    },
                }));
            }
            painter.points(laid.points, place.points_top, group);
            painter.spans(laid.spans, place.spans_top, group);
        }
        let Painter { items, targets, .. } = painter;

        Scene {
            width,
            height,
            start: scale.start,
            end: scale.end,
            items,
            targets,
            phases,
            groups,
        }
    }

    /// The target under (x, y), if any: the topmost one that can be clicked.
    pub fn hit(&self, x: f64, y: f64) -> Option<&Target> {
        self.targets
            .iter()
            .rev()
            .find(|t| !matches!(t.kind, TargetKind::Mark { dimmed: true, .. }) && t.contains(x, y))
    }

    /// The group whose header is under (x, y), if any.
    pub fn group_at(&self, x: f64, y: f64) -> Option<&GroupStrip> {
        (0.0..=self.width)
            .contains(&x)
            .then(|| self.groups.iter().find(|g| y >= g.y && y <= g.y + g.h))
            .flatten()
    }

    /// The events drawn one by one (not in a badge), in drawing order.
    pub fn marks(&self) -> impl Iterator<Item = (usize, &Target)> {
        self.targets.iter().filter_map(|t| match t.kind {
            TargetKind::Mark { index, .. } => Some((index, t)),
            TargetKind::Cluster { .. } => None,
        })
    }
}

/// The phase bands behind everything, each with its name where there is room.
fn draw_phases(
    data: &Chronology,
    scale: &TimeScale,
    height: f64,
    items: &mut Vec<Item>,
    phases: &mut Vec<PhaseStrip>,
) {
    let width = scale.width;
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
            h: LANES_TOP - AXIS_HEIGHT,
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
}

/// The axis: a band, major ticks (lines through the whole drawing), minor ticks; each tier's
/// labels where the tick labeller puts them (never overlapping).
fn draw_axis(scale: &TimeScale, height: f64, items: &mut Vec<Item>) {
    items.push(solid(Prim::Rect {
        x: 0.0,
        y: 0.0,
        w: scale.width,
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
}

/// Draws the blocks' parts into the scene.
struct Painter<'a, 'b> {
    input: &'a SceneInput<'b>,
    scale: &'a TimeScale,
    items: Vec<Item>,
    targets: Vec<Target>,
}

/// The most domains a mark is split between (more would be slivers).
const MAX_SLICES: usize = 6;

/// The positions of event `i`'s domains in the dataset's list, in its order, without repeats or
/// unknown ids, at most [`MAX_SLICES`] (no allocation: this runs for every mark of a frame).
fn domain_positions(data: &Chronology, i: usize) -> ([usize; MAX_SLICES], usize) {
    let mut out = [0; MAX_SLICES];
    let mut n = 0;
    for id in &data.events[i].domains {
        if n == MAX_SLICES {
            break;
        }
        if let Some(p) = data.domains.iter().position(|d| &d.id == id) {
            if !out[..n].contains(&p) {
                out[n] = p;
                n += 1;
            }
        }
    }
    (out, n)
}

impl Painter<'_, '_> {
    fn state(&self, i: usize) -> (bool, bool, f64) {
        let dimmed = !self.input.matches(i);
        let selected = !dimmed && self.input.selected == Some(i);
        (dimmed, selected, if dimmed { 0.22 } else { 1.0 })
    }

    fn header(&mut self, strip: &GroupStrip) {
        let width = self.scale.width;
        self.items.push(solid(Prim::Rect {
            x: 0.0,
            y: strip.y,
            w: width,
            h: strip.h,
            radius: 0.0,
            fill: Some(Ink::Panel),
            stroke: None,
        }));
        self.items.push(solid(Prim::Line {
            x1: 0.0,
            y1: strip.y + strip.h,
            x2: width,
            y2: strip.y + strip.h,
            stroke: Stroke {
                ink: Ink::Line,
                width: 1.0,
            },
        }));
        let mark = if strip.collapsed { "▸" } else { "▾" };
        self.items.push(solid(Prim::Text {
            x: 6.0,
            y: strip.y + 16.0,
            text: format!("{mark} {} ({})", strip.label, strip.count),
            font: Font::Group,
            ink: Ink::Text,
        }));
    }

    /// A band's "+N" badges in its last row (`row_y` is that row's middle).
    fn badges(
        &mut self,
        clusters: Vec<Cluster>,
        row_y: impl Fn(usize) -> f64,
        group: Option<usize>,
        spans: bool,
    ) {
        for c in clusters {
            let y = row_y(c.lane);
            let text = format!("+{}", c.indices.len());
            let w = label_width(&text) + 4.0;
            let h = if spans { 16.0 } else { 18.0 };
            self.items.push(solid(Prim::Rect {
                x: c.x - 4.0,
                y: y - h / 2.0,
                w,
                h,
                radius: h / 2.0,
                fill: Some(Ink::Background),
                stroke: Some(Stroke {
                    ink: Ink::Muted,
                    width: 1.0,
                }),
            }));
            self.items.push(solid(Prim::Text {
                x: c.x + 2.0,
                y: y + 4.0,
                text,
                font: Font::Cluster,
                ink: Ink::Text,
            }));
            self.targets.push(Target {
                kind: TargetKind::Cluster {
                    first_day: c.first_day,
                    end_day: c.end_day,
                    members: c.indices,
                    group,
                    spans,
                },
                x: c.x - 4.0,
                y: y - h / 2.0,
                w,
                h,
            });
        }
    }

    fn label(&mut self, i: usize, x: f64, y: f64, selected: bool, alpha: f64) {
        self.items.push(Item {
            prim: Prim::Text {
                x,
                y,
                text: self.input.data.events[i].title.clone(),
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

    /// A dashed line from `x1` to `x2` at `y`: a range that is possible rather than stated.
    fn dashes(&mut self, x1: f64, x2: f64, y: f64, alpha: f64) {
        let (x1, x2) = (x1.max(-10.0), x2.min(self.scale.width + 10.0));
        let mut x = x1;
        while x < x2 {
            let end = (x + 4.0).min(x2);
            self.items.push(Item {
                prim: Prim::Line {
                    x1: x,
                    y1: y,
                    x2: end,
                    y2: y,
                    stroke: Stroke {
                        ink: Ink::Muted,
                        width: 1.5,
                    },
                },
                alpha,
            });
            x += 7.0;
        }
    }

    /// Point events: a marker in the shape of the first domain, split into the colours of all
    /// of them, a bracket over the period a year- or month-precise date covers, the whole title
    /// where the layout gave it room.
    fn points(&mut self, band: Band, top: f64, group: Option<usize>) {
        let data = self.input.data;
        let width = self.scale.width;
        let lane_y = |lane: usize| top + (lane as f64 + 0.5) * LANE_HEIGHT;
        let r = MARK_RADIUS;
        for p in &band.placed {
            let e = &data.events[p.index];
            let y = lane_y(p.lane);
            let (dimmed, selected, alpha) = self.state(p.index);
            let (positions, count) = domain_positions(data, p.index);
            let domains = &positions[..count];
            let fill_of = |position: Option<usize>| {
                if selected {
                    Ink::SelectedFill(position)
                } else {
                    position.map(Ink::Domain).unwrap_or(Ink::NoDomain)
                }
            };
            if !e.is_exact() {
                // An uncertain or approximate date: its whole possible range, dashed and faint,
                // and the range it states as a bracket.
                self.dashes(p.x_start, p.x_end, y, alpha * 0.7);
                let (a, b) = e.stated_days();
                let (a, b) = (self.scale.to_px(a as f64), self.scale.to_px(b as f64));
                if b - a >= crate::core::layout::BRACKET_MIN_WIDTH && !dimmed {
                    self.items.push(Item {
                        prim: Prim::Polyline {
                            points: vec![(a, y + 3.0), (a, y - 3.0), (b, y - 3.0), (b, y + 3.0)],
                            stroke: Stroke {
                                ink: Ink::Muted,
                                width: 1.0,
                            },
                        },
                        alpha: 0.4,
                    });
                }
            } else if !dimmed
                && e.start.precision() != Precision::Day
                && p.x_end - p.x_start >= crate::core::layout::BRACKET_MIN_WIDTH
            {
                self.items.push(Item {
                    prim: Prim::Polyline {
                        points: vec![
                            (p.x_start, y + 3.0),
                            (p.x_start, y - 3.0),
                            (p.x_end, y - 3.0),
                            (p.x_end, y + 3.0),
                        ],
                        stroke: Stroke {
                            ink: Ink::Muted,
                            width: 1.0,
                        },
                    },
                    alpha: 0.55,
                });
            }
            let stroke = if selected {
                Stroke {
                    ink: Ink::Focus,
                    width: 2.5,
                }
            } else {
                Stroke {
                    ink: Ink::Background,
                    width: 1.5,
                }
            };
            let shape = Shape::of_domain(domains.first().copied());
            if domains.len() > 1 {
                let slices = shape.slices(p.x, y, r, domains.len());
                for (slice, &position) in slices.into_iter().zip(domains) {
                    self.items.push(Item {
                        prim: Prim::Polygon {
                            points: slice,
                            fill: Some(fill_of(Some(position))),
                            stroke: None,
                        },
                        alpha,
                    });
                }
                self.items.push(Item {
                    prim: Prim::Polygon {
                        points: shape.outline(p.x, y, r),
                        fill: None,
                        stroke: Some(stroke),
                    },
                    alpha,
                });
            } else {
                self.items.push(Item {
                    prim: Prim::Marker {
                        shape,
                        cx: p.x,
                        cy: y,
                        r,
                        fill: fill_of(domains.first().copied()),
                        stroke,
                    },
                    alpha,
                });
            }
            if p.labelled {
                self.label(p.index, p.label_x, y + 4.0, selected, alpha);
            }
            let reach = r * 1.35;
            let (mut left, mut right) = (p.x - reach, p.x + reach);
            if p.labelled {
                left = left.min(p.label_x);
                right = right.max(p.label_x + p.label_width);
            }
            let x = left.max(0.0);
            let x2 = right.min(width);
            self.targets.push(Target {
                kind: TargetKind::Mark {
                    index: p.index,
                    selected,
                    dimmed,
                    labelled: p.labelled,
                    group,
                },
                x,
                y: y - LANE_HEIGHT / 2.0 + 1.0,
                w: (x2 - x).max(4.0),
                h: LANE_HEIGHT - 2.0,
            });
        }
        self.badges(band.clusters, lane_y, group, false);
    }

    /// Spans: a thin bar in the colour of the first domain, the whole title above it where the
    /// layout gave it room.
    fn spans(&mut self, band: Band, top: f64, group: Option<usize>) {
        let data = self.input.data;
        let width = self.scale.width;
        let lane_top = |lane: usize| top + lane as f64 * SPAN_LANE_HEIGHT;
        for p in &band.placed {
            let y = lane_top(p.lane);
            let (dimmed, selected, alpha) = self.state(p.index);
            let (positions, count) = domain_positions(data, p.index);
            let position = positions[..count].first().copied();
            let fill = if selected {
                Ink::SelectedFill(position)
            } else {
                position.map(Ink::Domain).unwrap_or(Ink::NoDomain)
            };
            // An uncertain span: the days it may cover but does not state are faded, an open or
            // unknown side dashed beyond its known date.
            let e = &data.events[p.index];
            let (bar_start, bar_end) = if e.is_exact() {
                (p.x_start, p.x_end)
            } else {
                let (a, b) = e.stated_days();
                let a = self.scale.to_px(a as f64).max(p.x_start);
                let b = self.scale.to_px(b as f64).min(p.x_end).max(a + 1.0);
                for (x1, x2) in [(p.x_start, a), (b, p.x_end)] {
                    if x2 - x1 > 0.5 {
                        self.items.push(Item {
                            prim: Prim::Rect {
                                x: x1,
                                y: y + 14.0,
                                w: x2 - x1,
                                h: 2.0,
                                radius: 1.0,
                                fill: Some(fill),
                                stroke: None,
                            },
                            alpha: alpha * 0.35,
                        });
                    }
                }
                match e.open {
                    Some(OpenSide::OpenEnd | OpenSide::UnknownEnd) => {
                        self.dashes(b, (b + 40.0).min(width), y + 15.0, alpha * 0.6)
                    }
                    Some(OpenSide::OpenStart | OpenSide::UnknownStart) => {
                        self.dashes((a - 40.0).max(0.0), a, y + 15.0, alpha * 0.6)
                    }
                    None => {}
                }
                (a, b)
            };
            self.items.push(Item {
                prim: Prim::Rect {
                    x: bar_start,
                    y: y + 13.0,
                    w: bar_end - bar_start,
                    h: 4.0,
                    radius: 2.0,
                    fill: Some(fill),
                    stroke: Some(if selected {
                        Stroke {
                            ink: Ink::Focus,
                            width: 2.5,
                        }
                    } else {
                        Stroke {
                            ink: Ink::BarEdge,
                            width: 0.5,
                        }
                    }),
                },
                alpha,
            });
            if p.labelled {
                self.label(p.index, p.label_x, y + 11.0, selected, alpha);
            }
            let x = p.x_start.max(0.0);
            let right = if p.labelled {
                p.x_end.max(p.label_x + p.label_width)
            } else {
                p.x_end
            };
            let x2 = right.min(width);
            self.targets.push(Target {
                kind: TargetKind::Mark {
                    index: p.index,
                    selected,
                    dimmed,
                    labelled: p.labelled,
                    group,
                },
                x,
                y,
                w: (x2 - x).max(4.0),
                h: SPAN_LANE_HEIGHT,
            });
        }
        self.badges(
            band.clusters,
            |lane| lane_top(lane) + SPAN_LANE_HEIGHT / 2.0,
            group,
            true,
        );
    }
}

/// What activating a "+N" badge does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ClusterOpening {
    /// Zoom in to this window: the smallest (centred on the members, inside the current window)
    /// where none of them is folded any more.
    Zoom(Viewport),
    /// Not even the narrowest window ([`MIN_SPAN_DAYS`]) spreads them (too many on one day):
    /// list them instead, e.g. in a popover.
    List,
}

/// Each window tried while opening a cluster is this much wider than the one before.
const OPENING_STEP: f64 = 1.15;

/// What activating the cluster of `members` (drawn in `group`, in the spans' band or not) in
/// the scene of `input` at `scale` does: the smallest window that spreads its members, which is
/// never wider than the current one (and lies within it), or [`ClusterOpening::List`].
///
/// Windows centred on the members are tried from the narrowest that holds them up to the
/// current one, laying each out as the scene would; cost: a few dozen layouts of narrow
/// windows, for a click, not for a frame.
pub fn open_cluster(
    input: &SceneInput,
    scale: &TimeScale,
    members: &[usize],
    group: Option<usize>,
    spans: bool,
) -> ClusterOpening {
    let current = scale.end - scale.start;
    let anchors: Vec<f64> = members
        .iter()
        .filter(|&&i| i < input.index.len())
        .map(|&i| {
            let e = input.index.extent(i);
            if spans {
                e.first_day
            } else {
                e.mark_day()
            }
        })
        .filter(|d| d.is_finite())
        .collect();
    if anchors.is_empty() || !scale.is_usable() {
        return ClusterOpening::List;
    }
    let lo = anchors.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = anchors.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut sorted = members.to_vec();
    sorted.sort_unstable();
    let spread = |layout: &Layout| {
        let band = if spans { &layout.spans } else { &layout.points };
        band.clusters
            .iter()
            .all(|c| c.indices.iter().all(|i| sorted.binary_search(i).is_err()))
    };
    // The members' marks away from the window's edges: their labels need room to the right.
    let mut span = ((hi - lo) * 1.5).max(MIN_SPAN_DAYS);
    while span < current * (1.0 - 1e-9) {
        let middle = lo + (hi - lo) / 2.0;
        let start = (middle - span / 3.0).min(scale.end - span).max(scale.start);
        let window = Viewport::new(start, start + span);
        let laid = input.lay_out(
            &TimeScale::new(window.start, window.end, scale.width),
            group,
        );
        if laid.first().is_some_and(spread) {
            return ClusterOpening::Zoom(window);
        }
        span *= OPENING_STEP;
    }
    ClusterOpening::List
}

impl Scene {
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
                Prim::Polygon {
                    points,
                    fill,
                    stroke: edge,
                } => {
                    let _ = writeln!(
                        out,
                        "<path d=\"{}Z\" fill=\"{}\"{}{opacity}/>",
                        polygon_path(points),
                        fill.map(|f| escape(&colour(f)))
                            .unwrap_or_else(|| "none".into()),
                        edge.as_ref().map(stroke).unwrap_or_default(),
                    );
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
/// Text as XML may hold it: markup characters escaped, characters XML forbids left out.
fn escape(text: &str) -> String {
    crate::core::text::xml_escape(text)
}

#[cfg(test)]
mod tests;

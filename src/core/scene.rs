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

use crate::core::dataset::Chronology;
use crate::core::grouping::Grouping;
use crate::core::layout::{layout_blocks, LaneLimits, Layout, LayoutOptions, TimelineIndex};
use crate::core::scale::TimeScale;
pub use crate::core::shape::Shape;

pub mod backdrop;
mod build;
mod caption;
mod clusters;
mod paint;
mod rows;
mod svg;
pub mod wire;

pub use build::phase_name;
pub use caption::{drawn_domains, wrap, Caption};
pub use clusters::{open_cluster, ClusterOpening, ListPlace};
pub use rows::Rows;

pub const MAJOR_Y: f64 = 15.0;
pub const MINOR_Y: f64 = 33.0;
pub const AXIS_HEIGHT: f64 = 40.0;
pub const PHASE_LABEL_Y: f64 = 56.0;
/// Top of the first block of lanes, below the phases' names (on one line).
pub const LANES_TOP: f64 = 66.0;
/// A phase's name's second line, below its first where names take two lines: the lanes then
/// start this much lower (see [`phase_name`]).
pub const PHASE_LINE: f64 = 12.0;
/// A lane of point events.
pub const LANE_HEIGHT: f64 = 22.0;
/// A lane of the spans' band: the label above a thin bar.
pub const SPAN_LANE_HEIGHT: f64 = 22.0;
/// A span's label's baseline, from its lane's top: its letters stand just above its bar, and
/// clearly apart from the bar of the lane above (equally far from both, on a phone's crowded
/// band a name read as the bar's above it).
pub const SPAN_LABEL_BASELINE: f64 = 12.0;
/// A span's bar's top, from its lane's top (4 px tall).
pub const SPAN_BAR_TOP: f64 = 16.0;
/// Space between the point lanes and the spans' band.
pub const SPAN_BAND_GAP: f64 = 6.0;
/// A group's header, above its lanes.
pub const GROUP_HEADER_HEIGHT: f64 = 24.0;
/// What a group's header gains when its heading takes two lines.
pub const GROUP_HEADING_LINE: f64 = 14.0;
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

/// Lanes per group when grouped, at least: the groups with events in view share the ungrouped
/// drawing's lanes (see `SceneInput::options`), since the groups stack.
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

/// Headroom the page's measure of a label keeps over the sum of its letters' advances, for
/// kerning and rounding (a label's width is that, rounded up, plus [`LABEL_PADDING`]).
pub const KERNING_MARGIN: f64 = 1.02;

/// A conservative width for 12px sans-serif: wide enough for capitals.
pub fn estimate(text: &str) -> f64 {
    text.chars().count() as f64 * 7.5 + LABEL_PADDING
}

/// The text cut to fit `width` px at a word boundary, with an ellipsis, given its full measured
/// width; empty when not even one word fits. Used for a group's heading (whose count always
/// shows); events' labels and phases' names are never cut.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

/// Whose colours the drawing is in: a theme's own (light or dark), or the system's forced
/// colours (Windows High Contrast and the like), where the grid's lines are in the system's grey
/// text colour, as strong as text (bright green in Windows' black theme): they struck through
/// every name they crossed. There the grid's lines are dotted ([`FORCED_GRID_DASH`]) and every
/// text stands on a halo of the background's colour ([`FORCED_TEXT_HALO`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Contrast {
    #[default]
    Theme,
    Forced,
}

/// Under forced colours, a grid line's dots: px drawn, px left out.
pub const FORCED_GRID_DASH: [f64; 2] = [1.0, 3.0];
/// Under forced colours, the width of the background's colour around each letter (half of it
/// either side of the letter's outline).
pub const FORCED_TEXT_HALO: f64 = 3.0;

impl Stroke {
    /// A line of the grid (the time axis's ticks across the drawing, the lines between a lane's
    /// parts): dotted under forced colours.
    pub fn is_grid(&self) -> bool {
        matches!(self.ink, Ink::Line | Ink::MajorLine)
    }
}

/// The radius of a mark of no domain under forced colours, as a share of a mark's: a dot.
pub const FORCED_DOT: f64 = 0.55;

/// A point's mark as drawn under `contrast` (its radius, colours and outline). Under forced
/// colours every domain is in the text's colour, where the eight shapes alone leave pairs of
/// domains alike: a domain that is the second of its shape ([`Shape::hollow_when_forced`]) is
/// hollow, its part of the mark in the background's colour and the mark outlined in the text's,
/// and a mark of no domain is a dot; so the first sixteen domains and none have marks no two
/// alike. Under a theme, as the scene placed it.
pub fn mark_under(
    contrast: Contrast,
    r: f64,
    fills: Fills,
    stroke: Stroke,
) -> (f64, Fills, Stroke) {
    if contrast == Contrast::Theme {
        return (r, fills, stroke);
    }
    if fills.inks() == [Ink::NoDomain] {
        return (r * FORCED_DOT, fills, stroke);
    }
    let hollow = |ink: &Ink| matches!(ink, Ink::Domain(p) if Shape::hollow_when_forced(*p));
    if !fills.inks().iter().any(hollow) {
        return (r, fills, stroke);
    }
    let fills =
        Fills::new(
            fills
                .inks()
                .iter()
                .map(|ink| if hollow(ink) { Ink::Background } else { *ink }),
        );
    // (A selected mark is filled with the selection's colour, never hollow; an outline in
    // another colour than the background's would be kept.)
    let stroke = match stroke.ink {
        Ink::Background => Stroke {
            ink: Ink::Text,
            ..stroke
        },
        _ => stroke,
    };
    (r, fills, stroke)
}

/// The fonts of the drawing (CSS shorthand).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Font {
    Tick,
    MajorTick,
    Phase,
    /// An event's title (the selected one's too: it is underlined, never wider than laid out).
    Label,
    Cluster,
    /// A group's name and count.
    Group,
    /// The chronology's title, over a saved picture.
    Title,
}

impl Font {
    pub fn css(self) -> &'static str {
        match self {
            Font::Tick => "11px sans-serif",
            Font::MajorTick | Font::Phase | Font::Cluster => "600 11px sans-serif",
            Font::Label => "12px sans-serif",
            Font::Group => "700 12px sans-serif",
            Font::Title => "700 15px sans-serif",
        }
    }

    fn svg_attributes(self) -> &'static str {
        match self {
            Font::Tick => r#"font-family="sans-serif" font-size="11""#,
            Font::MajorTick | Font::Phase | Font::Cluster => {
                r#"font-family="sans-serif" font-size="11" font-weight="600""#
            }
            Font::Label => r#"font-family="sans-serif" font-size="12""#,
            Font::Group => r#"font-family="sans-serif" font-size="12" font-weight="700""#,
            Font::Title => r#"font-family="sans-serif" font-size="15" font-weight="700""#,
        }
    }
}

/// The most domains a mark is split between (more would be slivers).
pub const MAX_SLICES: usize = 6;

/// The colours of a mark, one per domain in the event's order: with several, the mark is cut
/// into as many vertical slices of equal width, left to right ([`Shape::slices`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fills {
    inks: [Ink; MAX_SLICES],
    len: u8,
}

impl Fills {
    /// The first [`MAX_SLICES`] of `inks`; none at all is the colour of no domain.
    pub fn new(inks: impl IntoIterator<Item = Ink>) -> Fills {
        let mut fills = Fills {
            inks: [Ink::NoDomain; MAX_SLICES],
            len: 0,
        };
        for ink in inks.into_iter().take(MAX_SLICES) {
            fills.inks[usize::from(fills.len)] = ink;
            fills.len += 1;
        }
        fills.len = fills.len.max(1);
        fills
    }

    pub fn one(ink: Ink) -> Fills {
        Fills::new([ink])
    }

    pub fn inks(&self) -> &[Ink] {
        &self.inks[..usize::from(self.len)]
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
    /// A point's mark: its shape filled with its colour, or with several domains cut into
    /// slices of their colours (see [`Fills`]), then outlined.
    Marker {
        shape: Shape,
        cx: f64,
        cy: f64,
        r: f64,
        fills: Fills,
        stroke: Stroke,
    },
    /// A closed polygon, filled and/or outlined.
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
        /// Spans that all run through the whole window: no narrower window shows them better,
        /// so activating the badge lists them.
        through: bool,
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

/// Runs of a line shorter than this are left out (between two names a lane apart, a line of a
/// few pixels reads as a stray dot).
const MIN_RUN: f64 = 6.0;

impl Scene {
    /// Whether an event that matches the filters is drawn: its mark or bar, or in a badge
    /// (events dimmed for context do not count). When none is, the matches all lie outside the
    /// window, and the page says so.
    pub fn shows_a_match(&self) -> bool {
        self.targets.iter().any(|t| match &t.kind {
            TargetKind::Mark { dimmed, .. } => !dimmed,
            TargetKind::Cluster { .. } => true,
        })
    }

    /// Where the phases' names are drawn along their row: each line's left and right ends (by
    /// the measure that decided it fits), left to right as drawn.
    pub fn phase_name_extents(&self) -> Vec<(f64, f64)> {
        self.items
            .iter()
            .filter_map(|item| match &item.prim {
                Prim::Text {
                    x,
                    text,
                    font: Font::Phase,
                    ..
                } => Some((*x, x + crate::core::scale::label_width(text))),
                _ => None,
            })
            .collect()
    }

    /// The runs (top, bottom) of a vertical line at `x`, from `top` to `bottom`, that cross no
    /// event's name: a story's moment line stops short of each named event it would strike
    /// through (the name's target, mark and name, over its lanes), and resumes below.
    pub fn line_runs(&self, x: f64, top: f64, bottom: f64) -> Vec<(f64, f64)> {
        let mut cuts: Vec<(f64, f64)> = self
            .targets
            .iter()
            .filter(|t| matches!(t.kind, TargetKind::Mark { labelled: true, .. }))
            .filter(|t| t.x <= x && x <= t.x + t.w)
            .map(|t| (t.y, t.y + t.h))
            .collect();
        cuts.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut runs = Vec::new();
        let mut from = top;
        for (cut_top, cut_bottom) in cuts {
            if cut_top - from >= MIN_RUN {
                runs.push((from, cut_top.min(bottom)));
            }
            from = from.max(cut_bottom);
            if from >= bottom {
                break;
            }
        }
        if bottom - from >= MIN_RUN {
            runs.push((from, bottom));
        }
        runs.retain(|(a, b)| b - a >= MIN_RUN);
        runs
    }
}

/// The strip of a phase band where its name is drawn (whole, or not at all where its band has
/// no room), in drawing coordinates: the place for its full name as a tooltip.
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
    /// Events drawn in it, dimmed ones included (see [`crate::core::grouping::Group::held`]).
    pub held: usize,
    pub collapsed: bool,
    /// Its heading as drawn: fold mark, name and count, on one line or two (see
    /// [`GROUP_HEADING_LINE`]).
    pub heading: (String, Option<String>),
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
    /// How many of the first items are the backdrop: the phases' bands and names, then the axis
    /// (what the axis kept in sight over a tall drawing paints again). None for a saved picture.
    pub backdrop: usize,
    /// Marks and badges in drawing order (the last drawn is on top).
    pub targets: Vec<Target>,
    /// The phases in view, left to right.
    pub phases: Vec<PhaseStrip>,
    /// The groups, top to bottom (empty when not grouped).
    pub groups: Vec<GroupStrip>,
    /// The selected event's name, where its lane gave it no room: drawn over everything.
    pub callout: Option<Callout>,
    /// The lanes of each block as drawn (none for a folded group's).
    pub lanes: Vec<BlockLanes>,
    /// A saved picture's name and description for readers (an SVG's `<title>` and `<desc>`);
    /// none for the page's drawing.
    pub about: Option<About>,
}

/// What a saved picture says of itself to screen readers, slide software and file viewers.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct About {
    /// Its name: the chronology's title and the window ("Japan–NATO relations: a chronology,
    /// 2008 – 2018").
    pub title: String,
    /// What it shows: how many events, the filters or the story's scene, the lanes' grouping
    /// (as the drawing on the page is named: [`crate::core::describe::timeline_name`]).
    pub description: String,
}

/// A block's lanes: of point events, and of the spans' band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct BlockLanes {
    pub points: usize,
    pub spans: usize,
}

/// The selected event's whole title beside its mark on a box of the page's colour outlined in
/// the focus colour, over whatever is there, where the lanes left it a bare mark (at the
/// default view most marks are): the event one has chosen is always named on the timeline. The
/// box hides what it covers but the marks, drawn again over it, faint.
#[derive(Clone, Debug, PartialEq)]
pub struct Callout {
    /// The event's index in the chronology.
    pub index: usize,
    /// The box, in drawing coordinates.
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// What is drawn, in order: the box, the marks it covers (faint), its outline, the title.
    pub items: Vec<Item>,
}

impl Callout {
    fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }
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
    #[inline(always)]
    fn matches(&self, i: usize) -> bool {
        self.matches.get(i).copied().unwrap_or(false)
    }

    /// Whether event `i` is drawn, and its label's rank: matching events by their priority,
    /// above every dimmed one.
    #[inline(always)]
    fn rank(&self, i: usize) -> Option<u32> {
        if self.matches(i) {
            Some(1 + u32::from(self.index.priority(i)))
        } else if self.dim {
            Some(0)
        } else {
            None
        }
    }

    /// How lanes are packed in the window of `scale`. Grouped, each band's lanes are the
    /// ungrouped drawing's shared among the open groups that have events of that band drawn in
    /// the window (matching or faint), never fewer than [`GROUP_LAYOUT_OPTIONS`]'s: where one
    /// group alone has events in view (2014 by phase), its events get the lanes (and so the
    /// labels) they would have ungrouped, rather than bare marks under empty groups.
    fn options(&self, scale: &TimeScale) -> LayoutOptions {
        let Some(g) = self.grouping else {
            return LAYOUT_OPTIONS;
        };
        let open = g.groups.iter().filter(|group| !group.collapsed).count();
        let in_view = |events: &mut dyn Iterator<Item = usize>| {
            let mut seen = vec![false; g.groups.len()];
            let mut found = 0;
            for i in events {
                if found == open {
                    break;
                }
                // Faint context counts too: its lanes are the block's own.
                if self.rank(i).is_none() {
                    continue;
                }
                for &p in g.groups_of(i) {
                    let p = usize::from(p);
                    if g.groups.get(p).is_some_and(|group| !group.collapsed) && !seen[p] {
                        seen[p] = true;
                        found += 1;
                    }
                }
            }
            found.max(1)
        };
        let share = |all: LaneLimits, least: LaneLimits, groups: usize| LaneLimits {
            labelled: (all.labelled / groups).max(least.labelled),
            max: (all.max / groups).max(least.max),
        };
        let points = in_view(&mut self.index.visible_points(scale.start, scale.end));
        let spans = in_view(&mut self.index.visible_spans(scale.start, scale.end));
        LayoutOptions {
            points: share(LAYOUT_OPTIONS.points, GROUP_LAYOUT_OPTIONS.points, points),
            spans: share(LAYOUT_OPTIONS.spans, GROUP_LAYOUT_OPTIONS.spans, spans),
            ..GROUP_LAYOUT_OPTIONS
        }
    }

    /// The layout of every block (one per group, empty for collapsed ones), or of group
    /// `only` alone (in block 0).
    fn lay_out(&self, scale: &TimeScale, only: Option<usize>) -> Vec<Layout> {
        let rank = |i: usize| self.rank(i);
        let options = &self.options(scale);
        // One call for the two grouped cases (a block per open group; the block of one
        // group), so that the layout is compiled twice rather than three times (a copy per
        // closure type); the ungrouped case, the most common, keeps a copy of its own.
        let Some(g) = self.grouping else {
            return layout_blocks(self.index, scale, options, 1, rank, |_| [0]);
        };
        let count = if only.is_some() { 1 } else { g.groups.len() };
        layout_blocks(self.index, scale, options, count, rank, |i| {
            let slots = g.groups_of(i);
            match only {
                Some(only) => BlocksOf {
                    one: slots.iter().any(|&p| usize::from(p) == only).then_some(0),
                    slots: [].iter(),
                    open: None,
                },
                None => BlocksOf {
                    one: None,
                    slots: slots.iter(),
                    open: Some(&g.groups),
                },
            }
        })
    }
}

/// The blocks an event is laid out in (see [`SceneInput::lay_out`]): `one`, then those of
/// `slots` whose group is open in `open`.
struct BlocksOf<'a> {
    one: Option<usize>,
    slots: std::slice::Iter<'a, u16>,
    open: Option<&'a [crate::core::grouping::Group]>,
}

impl Iterator for BlocksOf<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if let Some(block) = self.one.take() {
            return Some(block);
        }
        let groups = self.open?;
        self.slots
            .find(|&&p| !groups[usize::from(p)].collapsed)
            .map(|&p| usize::from(p))
    }
}

fn solid(prim: Prim) -> Item {
    Item { prim, alpha: 1.0 }
}

#[cfg(test)]
mod tests;

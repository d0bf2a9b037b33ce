//! Which events are visible, and where they go: point events in lanes of their own, spans
//! (states of affairs lasting years) in a band of their own, crowded events gathered into "+N"
//! clusters only when no lane has room for their mark, and labels whole or not at all, the
//! events that matter most first (see [`layout_blocks`]).
//!
//! Cost is proportional to what is visible: a binary search finds the candidates (points and
//! spans are indexed apart, so long spans never widen the search for points), each is tried
//! against a handful of lanes, and once every lane is full a crowded event goes straight to a
//! cluster in O(1).

use crate::core::scale::TimeScale;

mod index;
mod packer;

use index::Days;
pub use index::{DomainLookup, DomainSlots, Extent, TimelineIndex, Wrap};
use packer::{BadgeWidths, Packer};

/// Space in px between a point's edge and its label, and a span label's inset from the bar start.
pub const LABEL_OFFSET: f64 = 4.0;

/// How far in px a bar may run past either edge of the drawing (its ends stay out of sight).
pub const BAR_OVERHANG: f64 = 10.0;

/// A point's period is drawn as a bracket (and takes room in its lane) once it is this wide.
pub const BRACKET_MIN_WIDTH: f64 = 6.0;

/// Whether a point's mark is drawn at `x`, the middle of its period `[start, end]` (px): where
/// it stands in the drawing (`radius` its half-width), unless the period its date states
/// (`stated`, where it is narrower than `[start, end]`: `2005~` states 2005) runs past both of
/// the drawing's edges: zoomed inside the year of a date given to the year, the month of one
/// given to the month, its mark would say a day the source does not give, uncertain or
/// approximate as much as plain. Where it is not, the point is drawn as its period's bracket,
/// and named on it where the whole name fits there (see [`layout_blocks`]).
fn mark_shown(
    x: f64,
    (start, end): (f64, f64),
    stated: Option<(f64, f64)>,
    width: f64,
    radius: f64,
) -> bool {
    let (first, last) = stated.unwrap_or((start, end));
    let covers = end - start >= BRACKET_MIN_WIDTH && first < -0.5 && last > width + 0.5;
    (-radius..=width + radius).contains(&x) && !covers
}

/// How many lanes a band may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LaneLimits {
    /// Events may move to another lane to give their labels room, up to this many lanes.
    pub labelled: usize,
    /// Lanes for marks at most; events with no room then go to "+N" clusters, which have a row
    /// of their own below these.
    pub max: usize,
}

/// How lanes are packed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutOptions {
    /// The point events' lanes.
    pub points: LaneLimits,
    /// The spans' band.
    pub spans: LaneLimits,
    /// Horizontal gap in px after a label.
    pub label_gap: f64,
    /// Horizontal gap in px between two marks (or bars) with no label between them.
    pub mark_gap: f64,
    /// Radius in px of a point mark.
    pub point_radius: f64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            points: LaneLimits {
                labelled: 12,
                max: 18,
            },
            spans: LaneLimits {
                labelled: 16,
                max: 20,
            },
            label_gap: 8.0,
            mark_gap: 3.0,
            point_radius: 5.0,
        }
    }
}

/// An event placed in a lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Original index of the event.
    pub index: usize,
    pub lane: usize,
    /// The point mark (the middle of the event's period), or a span's bar start.
    pub x: f64,
    /// Start of the whole period: a span's bar start, or a point's "imprecision bracket"
    /// (a year-only date covers the whole year).
    pub x_start: f64,
    /// End of the span's bar, or of a point's imprecision bracket.
    pub x_end: f64,
    /// Where the label starts: just right of the point (or just left of it, where the right
    /// has no room, e.g. at the drawing's right edge), or at the span's visible start, or a
    /// point's bracket's where its mark is not drawn (see [`Placed::mark_shown`]); never left
    /// of 0.
    pub label_x: f64,
    /// The label's width: the whole title's on one line, or the wider of its two lines where
    /// it is `wrapped`.
    pub label_width: f64,
    /// Whether the label is drawn (whole): labels are never shortened, only left out.
    pub labelled: bool,
    /// Whether the label is drawn in two lines (see [`Wrap`]), the second in the lane below
    /// (`lane + 1`, kept as clear as its own lane over the mark and the label, gap included).
    pub wrapped: bool,
    /// Whether a point's mark is drawn: not where it stands outside the drawing, nor at the
    /// middle of a year or month, as its date states it (uncertain, approximate or plain), that
    /// runs past both its edges (the point is then drawn as its
    /// bracket, named from the bracket's visible start where the whole name fits on it). A
    /// span's is (its bar).
    pub mark_shown: bool,
}

/// Events that did not fit, shown as one "+N" badge.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// The row below the band's lanes (`Band::lanes - 1`): clusters have a row of their own.
    pub lane: usize,
    /// Left edge of the badge: the position of its first member (clamped to the axis), moved
    /// left where the badge would otherwise pass the drawing's right edge.
    pub x: f64,
    /// Width of the badge in px; clusters in the row never overlap.
    pub width: f64,
    /// Original indices of the members, in chronological order.
    pub indices: Vec<usize>,
    pub first_day: f64,
    pub end_day: f64,
}

/// The lanes of one band (point events, or spans).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Band {
    pub placed: Vec<Placed>,
    pub clusters: Vec<Cluster>,
    /// Lanes in use, the clusters' row included.
    pub lanes: usize,
}

/// Everything drawn in one block of lanes: its point events and its spans.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Layout {
    pub points: Band,
    pub spans: Band,
}

/// Lays out the visible events of `index` for `scale` in one block.
///
/// `rank(i)` says whether event `i` is drawn (None: filtered out) and how much its label matters
/// (higher first). See [`layout_blocks`] for the packing rules.
pub fn layout(
    index: &TimelineIndex,
    scale: &TimeScale,
    options: &LayoutOptions,
    rank: impl Fn(usize) -> Option<u32>,
) -> Layout {
    let mut blocks = layout_blocks(index, scale, options, 1, rank, |_| Some(0).into_iter());
    blocks.pop().unwrap_or_default()
}

/// Lays out the visible events of `index` for `scale` in `count` blocks of lanes (the groups of
/// a "group by"); `blocks(i)` lists the blocks event `i` appears in (several, or none).
///
/// Points and spans are packed apart, by the same two steps:
/// 1. Marks, in time order: each (a point with the bracket over its period, or a span's bar)
///    goes in the first lane where it fits, or a new lane while there are fewer than `max`;
///    an event is folded into a "+N" cluster (in a row below the lanes) only when every lane
///    is taken where it stands.
/// 2. Labels, by rank, highest first: each label goes whole to the right of its mark (or, for a
///    point with no room for it there in the drawing, to the left), in the mark's lane if it has
///    the room, else the event moves, mark and label, to the first lane (up to `labelled`) that
///    has it, else up to three bare marks in its way move to other lanes. Then, for a point left
///    bare whose title has two lines (see [`Wrap`]), the same in a lane and the one below, both
///    clear; else it stays a bare mark. Labels are never shortened. (Nothing moves in a band
///    with clusters.) A point whose mark is not drawn (see [`Placed::mark_shown`]) is named on
///    its bracket, from its visible start, where the whole name lies on the bracket in view.
///
/// Rank 0 marks context (filtered-out events drawn faint): it is laid out after the rest, in
/// the lanes left below theirs, and left out (not clustered) where it finds no room, so that it
/// never takes a matching event's place or label; and its titles are drawn only in blocks where
/// every matching event, point or span, is named.
///
/// Crowded events take a short way: once every lane of every block is full and each block has
/// begun a cluster, an event whose mark (or bracket) starts left of the first place with room,
/// its mark left of the last badge's end, goes straight into the clusters, its mark's and
/// bracket's places the only things worked out (at the fit-all window of 100,000 events, most
/// of them; zoomed in twice, where brackets a year wide start left of the first place with room
/// while their marks stand right of it, half of them went the long way before the bracket
/// counted). The result is the same as packing each.
pub fn layout_blocks<I: IntoIterator<Item = usize>>(
    index: &TimelineIndex,
    scale: &TimeScale,
    options: &LayoutOptions,
    count: usize,
    rank: impl Fn(usize) -> Option<u32>,
    blocks: impl Fn(usize) -> I,
) -> Vec<Layout> {
    lay_out_blocks(index, scale, options, count, rank, blocks, Folding::Short)
}

/// Whether crowded events take the short way to their clusters, or are packed one by one (what
/// the short way must equal).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Folding {
    Short,
    #[cfg_attr(not(test), allow(dead_code))]
    OneByOne,
}

fn lay_out_blocks<I: IntoIterator<Item = usize>>(
    index: &TimelineIndex,
    scale: &TimeScale,
    options: &LayoutOptions,
    count: usize,
    rank: impl Fn(usize) -> Option<u32>,
    blocks: impl Fn(usize) -> I,
    folding: Folding,
) -> Vec<Layout> {
    let mut out = vec![Layout::default(); count];
    if !scale.is_usable() || count == 0 {
        return out;
    }
    let radius = non_negative(options.point_radius);
    let width = scale.width;
    let px = Px {
        origin: scale.start,
        per_day: scale.px_per_day(),
        width,
    };
    let (to_px, clamp_x) = (|day: f64| px.of(day), |x: f64| px.clamp(x));
    let sweep = Sweep {
        px,
        folding,
        count,
        width,
        gaps: Gaps {
            label: non_negative(options.label_gap),
            mark: non_negative(options.mark_gap),
        },
        badge: BadgeWidths::new(),
        radius,
    };

    let point = |i: usize, rank: u32| {
        let extent = index.extent(i);
        let x_start = clamp_x(to_px(extent.first_day));
        let x_end = clamp_x(to_px(extent.effective_end()));
        let mark = to_px(extent.mark_day());
        let x = clamp_x(mark);
        let bracket = x_end - x_start >= BRACKET_MIN_WIDTH;
        let stated = extent
            .stated
            .map(|(a, b)| (clamp_x(to_px(a)), clamp_x(to_px(b))));
        let mark_in_view = mark_shown(mark, (x_start, x_end), stated, width, radius);
        let (left, mark_right) = if bracket {
            (x_start.min(x - radius), x_end.max(x + radius))
        } else {
            (x - radius, x + radius)
        };
        let label_width = non_negative(extent.label_width);
        let left_label_x = x - radius - LABEL_OFFSET - label_width;
        let wrap_width = extent
            .wrap
            .map_or(0.0, |w| non_negative(f64::from(w.width)));
        let wrap_left_x = x - radius - LABEL_OFFSET - wrap_width;
        // A point whose mark stands outside the drawing, its bracket alone reaching in, is named
        // on the bracket, from its visible start, where the whole name lies on the bracket in
        // view: a name beside a mark nowhere to be seen would stand for nothing, and a bare
        // bracket across the drawing said nothing (2014's year-only events over its months).
        let (label_x, label_end) = if mark_in_view {
            ((x + radius + LABEL_OFFSET).max(0.0), width)
        } else if bracket {
            (x_start.max(0.0) + LABEL_OFFSET, x_end.min(width))
        } else {
            (0.0, f64::NEG_INFINITY)
        };
        Item {
            index: i,
            rank,
            left,
            mark_right,
            label_x,
            left_label_x: (mark_in_view && left_label_x >= 0.0).then_some(left_label_x),
            label_width,
            wrap_width,
            wrap_left_x: (mark_in_view && wrap_width > 0.0 && wrap_left_x >= 0.0)
                .then_some(wrap_left_x),
            x,
            x_start,
            x_end,
            anchor: x.clamp(0.0, width),
            first_day: extent.first_day,
            end_day: extent.effective_end(),
            through: false,
            label_end,
            mark_shown: mark_in_view,
        }
    };
    let bands = sweep.run(
        || index.visible_point_days(scale.start, scale.end),
        (MarkAt::Middle, options.points, None),
        &rank,
        &blocks,
        point,
    );
    for (layout, band) in out.iter_mut().zip(bands) {
        layout.points = band;
    }

    // Whether it runs through the whole window: in days, as `open_cluster` tells (in pixels, a
    // span that ends on the window's last day could fall a hair short of its edge).
    let through = |d: &Days| d.runs_through(scale.start, scale.end);
    let span = |i: usize, rank: u32| {
        let extent = index.extent(i);
        let x_start = clamp_x(to_px(extent.first_day));
        let x_end = clamp_x(to_px(extent.effective_end())).max(x_start + 2.0);
        let label_x = x_start.max(0.0) + LABEL_OFFSET;
        let label_width = non_negative(extent.label_width);
        // A bar that starts too far right for its label: the label may end at the drawing's
        // right edge instead, over the lane's space before the bar.
        let end_aligned = width - LABEL_OFFSET - label_width;
        Item {
            index: i,
            rank,
            left: x_start,
            mark_right: x_end,
            label_x,
            left_label_x: (end_aligned >= 0.0 && end_aligned < label_x).then_some(end_aligned),
            label_width,
            wrap_width: 0.0,
            wrap_left_x: None,
            x: x_start,
            x_start,
            x_end,
            anchor: x_start.clamp(0.0, width),
            first_day: extent.first_day,
            end_day: extent.effective_end(),
            through: extent.runs_through(scale.start, scale.end),
            label_end: width,
            mark_shown: true,
        }
    };
    let bands = sweep.run(
        || index.visible_span_days(scale.start, scale.end),
        (MarkAt::Start, options.spans, Some(&through)),
        &rank,
        &blocks,
        span,
    );
    for (layout, band) in out.iter_mut().zip(bands) {
        layout.spans = band;
    }
    // A faint title never stands in a block where an event that counts goes unnamed (a bare
    // mark, or folded into a "+N"), in either band: the eye would go to the wrong one.
    let context = |p: &Placed| rank(p.index) == Some(0);
    for layout in &mut out {
        let all_named = [&layout.points, &layout.spans].iter().all(|band| {
            band.clusters.is_empty() && band.placed.iter().all(|p| p.labelled || context(p))
        });
        if !all_named {
            for band in [&mut layout.points, &mut layout.spans] {
                for p in band.placed.iter_mut().filter(|p| context(p)) {
                    p.labelled = false;
                    if std::mem::take(&mut p.wrapped) {
                        p.label_width = non_negative(index.extent(p.index).label_width);
                    }
                }
            }
        }
    }
    out
}

/// How many lanes of a band of `max` may be kept from the spans that run through the window for
/// the others: a quarter, at least one (none of a band of one lane).
fn kept_lanes(max: usize) -> usize {
    match max {
        0 | 1 => 0,
        max => (max / 4).max(1),
    }
}

/// A window's days in px: `scale.to_px` with its division done once rather than three times an
/// event, and the clamp to the drawing (at the fit-all window of 100,000 events, every event is
/// placed or folded every frame, and each of these was a call).
#[derive(Clone, Copy)]
struct Px {
    origin: f64,
    per_day: f64,
    width: f64,
}

impl Px {
    #[inline(always)]
    fn of(self, day: f64) -> f64 {
        (day - self.origin) * self.per_day
    }

    /// `x` within the drawing and the bars' overhang on either side (NaN stays NaN).
    #[inline(always)]
    fn clamp(self, x: f64) -> f64 {
        let (low, high) = (-BAR_OVERHANG, self.width + BAR_OVERHANG);
        if x < low {
            low
        } else if x > high {
            high
        } else {
            x
        }
    }
}

/// Where an event's mark stands: a point's in the middle of its period, a span's at its bar's
/// start.
#[derive(Clone, Copy)]
enum MarkAt {
    Middle,
    Start,
}

/// Whether a span runs through the whole window (see [`Sweep::through_lanes`]).
type Through<'a> = &'a dyn Fn(&Days) -> bool;

/// One band's packing in every block: the events that count first, then the context.
struct Sweep {
    px: Px,
    folding: Folding,
    count: usize,
    width: f64,
    gaps: Gaps,
    badge: BadgeWidths,
    /// A point's mark's radius.
    radius: f64,
}

impl Sweep {
    /// Where the mark of an event with `days` stands (the `x` of its item): all a crowded event
    /// needs.
    #[inline(always)]
    fn mark(&self, days: &Days, at: MarkAt) -> f64 {
        let day = match at {
            MarkAt::Middle => days.mark(),
            MarkAt::Start => days.first,
        };
        self.px.clamp(self.px.of(day))
    }

    /// The left edge of what an event with `days`, its mark at `x` (see [`Sweep::mark`]),
    /// takes in its lane (the `left` of its item): a span's bar start, a point's mark's, or its
    /// bracket's where that is drawn.
    #[inline(always)]
    fn left(&self, days: &Days, at: MarkAt, x: f64) -> f64 {
        match at {
            MarkAt::Start => x,
            MarkAt::Middle => {
                let x_start = self.px.clamp(self.px.of(days.first));
                let x_end = self.px.clamp(self.px.of(days.end));
                if x_end - x_start >= BRACKET_MIN_WIDTH {
                    x_start.min(x - self.radius)
                } else {
                    x - self.radius
                }
            }
        }
    }

    /// Packs `events` in every block, their marks `at` the middle or the start of their days.
    fn run<E: Iterator<Item = Days>, I: IntoIterator<Item = usize>>(
        &self,
        events: impl Fn() -> E,
        (at, limits, through): (MarkAt, LaneLimits, Option<Through>),
        rank: &impl Fn(usize) -> Option<u32>,
        blocks: &impl Fn(usize) -> I,
        item: impl Fn(usize, u32) -> Item,
    ) -> Vec<Band> {
        // The lanes spans through the whole drawing may take, in each block.
        let through_max = match through {
            // Only where more run through the window than could ever be folded.
            Some(through)
                if events()
                    .take_while(|d| self.mark(d, at) <= 0.0)
                    .filter(|d| through(d))
                    .nth(limits.max.max(1) - kept_lanes(limits.max))
                    .is_some() =>
            {
                self.through_lanes(events(), through, limits.max, rank, blocks, &item)
            }
            _ => vec![usize::MAX; self.count],
        };
        let mut packers: Vec<Packer> = through_max
            .into_iter()
            .map(|lanes| {
                let mut packer = Packer::new(limits);
                packer.through_max = lanes;
                packer
            })
            .collect();
        let context = std::cell::Cell::new(false);
        let counted = |i: usize| match rank(i) {
            Some(0) => {
                context.set(true);
                None
            }
            r => r,
        };
        let marks = (at, through);
        self.pass(events(), &mut packers, counted, blocks, &item, marks);
        let mut bands: Vec<Band> = packers
            .iter_mut()
            .map(|p| p.finish(self.gaps.label))
            .collect();
        for band in &mut bands {
            keep_badges_inside(&mut band.clusters, &self.badge, self.width, self.gaps.label);
        }
        if !context.get() {
            for band in &mut bands {
                unfold_singles(band, &item, rank, self.gaps.mark);
            }
            return bands;
        }
        // The context (rank 0) in the lanes left below each block's own, where it has room.
        let mut packers: Vec<Packer> = bands
            .iter()
            .map(|band| {
                let used = band.lanes - usize::from(!band.clusters.is_empty());
                let mut packer = Packer::new(limits);
                let max = limits.max.max(1).saturating_sub(used);
                packer.limits = LaneLimits {
                    labelled: limits.labelled.saturating_sub(used).min(max),
                    max,
                };
                packer.context = true;
                packer
            })
            .collect();
        let faint = |i: usize| rank(i).filter(|&r| r == 0);
        self.pass(events(), &mut packers, faint, blocks, &item, marks);
        for (band, packer) in bands.iter_mut().zip(&mut packers) {
            let extra = packer.finish(self.gaps.label);
            let used = band.lanes - usize::from(!band.clusters.is_empty());
            band.placed.extend(extra.placed.into_iter().map(|p| Placed {
                lane: p.lane + used,
                ..p
            }));
            let lanes = used + extra.lanes;
            for cluster in &mut band.clusters {
                cluster.lane = lanes;
            }
            band.lanes = lanes + usize::from(!band.clusters.is_empty());
            unfold_singles(band, &item, rank, self.gaps.mark);
        }
        bands
    }

    /// How many lanes of a band of `max` the spans that run through the whole drawing may take
    /// in each block: all but those the others (spans that start or end in the window) take,
    /// up to a quarter of the band (at least one lane). A span that runs through the window
    /// says nothing of where in it things happen; one that starts or ends in it does. Without
    /// this, where long spans filled every lane a short one was folded at every zoom. The
    /// others' lanes are found as the packer finds them (the first with room, in time order;
    /// a lane of a span through the drawing never has room), so none of those kept stays empty
    /// while a span through the window is folded.
    fn through_lanes<I: IntoIterator<Item = usize>>(
        &self,
        events: impl Iterator<Item = Days>,
        through: Through,
        max: usize,
        rank: &impl Fn(usize) -> Option<u32>,
        blocks: &impl Fn(usize) -> I,
        item: &impl Fn(usize, u32) -> Item,
    ) -> Vec<usize> {
        let max = max.max(1);
        let keep = kept_lanes(max);
        let mut lanes: Vec<Vec<f64>> = vec![Vec::new(); self.count];
        // Blocks whose others need more lanes than can be kept: they keep that many, whatever
        // follows (in a crowded window, soon all of them).
        let mut full = vec![false; self.count];
        let mut open = self.count;
        for d in events {
            if open == 0 {
                break;
            }
            let i = d.index;
            let Some(rank) = rank(i).filter(|&r| r > 0 && !through(&d)) else {
                continue;
            };
            let it = item(i, rank);
            let right = it.mark_right + self.gaps.mark;
            for block in blocks(i) {
                let (Some(taken), Some(full)) = (lanes.get_mut(block), full.get_mut(block)) else {
                    continue;
                };
                if *full {
                    continue;
                }
                match taken.iter().position(|&r| r <= it.left) {
                    Some(lane) => taken[lane] = right,
                    None if taken.len() < keep => taken.push(right),
                    None => {
                        *full = true;
                        open -= 1;
                    }
                }
            }
        }
        lanes.iter().map(|taken| max - taken.len()).collect()
    }

    /// Adds the events `pick` gives a rank to, in time order, to the packers of their blocks;
    /// while every packer folds whatever stands left of some places, an event that stands there
    /// goes straight to its clusters (see [`Packer::folds`]).
    fn pass<I: IntoIterator<Item = usize>>(
        &self,
        events: impl Iterator<Item = Days>,
        packers: &mut [Packer],
        pick: impl Fn(usize) -> Option<u32>,
        blocks: &impl Fn(usize) -> I,
        item: &impl Fn(usize, u32) -> Item,
        (at, through): (MarkAt, Option<Through>),
    ) {
        let mut folds = None;
        for d in events {
            let i = d.index;
            let Some(rank) = pick(i) else {
                continue;
            };
            let x = self.mark(&d, at);
            let through = x <= 0.0 && through.is_some_and(|t| t(&d));
            // A span through the window where those have taken their lanes joins their badge
            // (at 100,000 spans through a window, each made and packed cost 30 ms a frame).
            let short = folds
                .is_some_and(|(lanes, badge)| x < badge && self.left(&d, at, x) < lanes)
                || (through
                    && self.folding == Folding::Short
                    && blocks(i)
                        .into_iter()
                        .all(|b| packers.get(b).is_none_or(Packer::through_capped)));
            let item = (!short).then(|| item(i, rank));
            for block in blocks(i) {
                let Some(packer) = packers.get_mut(block) else {
                    continue;
                };
                match &item {
                    Some(item) => packer.add(item, self.width, self.gaps, &self.badge),
                    None => packer.fold(i, d.first, d.end, &self.badge),
                }
            }
            if !short {
                folds = self.folds(packers);
            }
        }
    }

    /// Where (px) every packer folds whatever stands, if it does: what takes room in the lanes
    /// left of the first place, its mark left of the second (see [`Packer::folds`]).
    fn folds(&self, packers: &[Packer]) -> Option<(f64, f64)> {
        if self.folding == Folding::OneByOne {
            return None;
        }
        packers
            .iter()
            .try_fold((f64::INFINITY, f64::INFINITY), |(lanes, badge), p| {
                p.folds(self.gaps.label)
                    .map(|(l, b)| (lanes.min(l), badge.min(b)))
            })
    }
}

/// Moves the badges at the left end of a row right until each box starts inside the drawing
/// (it reaches [`BADGE_BOX_REACH`] left of its `x`), and those at the right end left until each
/// ends inside it (its text runs [`BADGE_TEXT_INSET`] past the badge's width), keeping the gap
/// between badges: a member at the axis's left or right edge would put its badge half outside.
/// A badge with no room left joins the one before it (a drawing a few badges wide).
fn keep_badges_inside(clusters: &mut Vec<Cluster>, badge: &BadgeWidths, width: f64, gap: f64) {
    let mut floor = BADGE_BOX_REACH;
    for c in clusters.iter_mut() {
        if c.x >= floor {
            break;
        }
        c.x = floor;
        floor = c.x + c.width + gap;
    }
    let mut limit = width - BADGE_TEXT_INSET;
    let mut k = clusters.len();
    while k > 0 {
        let i = k - 1;
        if clusters[i].x + clusters[i].width <= limit {
            break;
        }
        let x = limit - clusters[i].width;
        let floor = match i.checked_sub(1) {
            Some(left) => clusters[left].x + clusters[left].width + gap,
            None => BADGE_BOX_REACH,
        };
        if x >= floor || i == 0 {
            clusters[i].x = x.max(BADGE_BOX_REACH);
            limit = clusters[i].x - gap;
        } else {
            let c = clusters.remove(i);
            let left = &mut clusters[i - 1];
            left.indices.extend(c.indices);
            left.first_day = left.first_day.min(c.first_day);
            left.end_day = left.end_day.max(c.end_day);
            left.width = badge.for_count(left.indices.len());
        }
        k = i;
    }
}

/// A badge that would hold one event shows that event's mark instead, in the badges' row,
/// where the mark (or bar, or bracket) clears the badges and marks beside it by `gap`: "+1" took
/// as much room as the mark and hid which event it was (its label stays out: the row is the
/// badges'). The row stays, badges or not.
fn unfold_singles(
    band: &mut Band,
    item: &impl Fn(usize, u32) -> Item,
    rank: &impl Fn(usize) -> Option<u32>,
    gap: f64,
) {
    if !band.clusters.iter().any(|c| c.indices.len() == 1) {
        return;
    }
    let clusters = std::mem::take(&mut band.clusters);
    // What each badge's box covers, and each mark's once unfolded, left to right.
    let reach = |c: &Cluster| (c.x - BADGE_BOX_REACH, c.x + c.width + BADGE_TEXT_INSET);
    let mut right_of_last = f64::NEG_INFINITY;
    for (k, c) in clusters.iter().enumerate() {
        let single = match c.indices[..] {
            [index] => Some(item(index, rank(index).unwrap_or(0))).filter(|it| it.mark_shown),
            _ => None,
        };
        let next_left = clusters.get(k + 1).map_or(f64::INFINITY, |n| reach(n).0);
        match single {
            Some(it) if it.left >= right_of_last + gap && it.mark_right + gap <= next_left => {
                right_of_last = it.mark_right;
                band.placed.push(Placed {
                    index: it.index,
                    lane: c.lane,
                    x: it.x,
                    x_start: it.x_start,
                    x_end: it.x_end,
                    label_x: it.label_x,
                    label_width: it.label_width,
                    labelled: false,
                    wrapped: false,
                    mark_shown: true,
                });
            }
            _ => {
                right_of_last = reach(c).1;
                band.clusters.push(c.clone());
            }
        }
    }
}

/// How far a badge's text (drawn 2 px in from its left edge) may reach past its width.
pub const BADGE_TEXT_INSET: f64 = 2.0;

/// How far a badge's box reaches left of its `x` (its text starts 2 px right of it).
pub const BADGE_BOX_REACH: f64 = 4.0;

fn non_negative(value: f64) -> f64 {
    if value.is_finite() && value > 0.0 {
        value
    } else {
        0.0
    }
}

#[derive(Clone, Copy)]
struct Gaps {
    label: f64,
    mark: f64,
}

/// One event on its way into a band.
struct Item {
    index: usize,
    rank: u32,
    /// Left edge of its mark (or bar, or bracket), and of everything drawn for it unless its
    /// label goes to the left.
    left: f64,
    /// Right edge of its mark (or bar, or bracket).
    mark_right: f64,
    /// Where its label starts if it goes on the right (the usual side).
    label_x: f64,
    /// Where its label starts if it goes further left: a point's, left of its mark, when that
    /// stays in view; a span's, ending at the drawing's right edge.
    left_label_x: Option<f64>,
    label_width: f64,
    /// A point's label in two lines (see [`Wrap`]): their width (0 for none), and where they
    /// start if they go left of the mark and stay in view.
    wrap_width: f64,
    wrap_left_x: Option<f64>,
    x: f64,
    x_start: f64,
    x_end: f64,
    /// Where its cluster badge would start.
    anchor: f64,
    first_day: f64,
    end_day: f64,
    /// A span that runs through the whole window (see `Sweep::through_lanes`).
    through: bool,
    /// How far right its label may end: the drawing's right edge, or for a point whose mark
    /// is not drawn, the end of its bracket in view (-∞ where it has none).
    label_end: f64,
    /// See [`Placed::mark_shown`].
    mark_shown: bool,
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

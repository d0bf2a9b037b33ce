//! Which events are visible, and where they go: point events in lanes of their own, spans
//! (states of affairs lasting years) in a band of their own, crowded events gathered into "+N"
//! clusters only when no lane has room for their mark, and labels whole or not at all, the
//! events that matter most first (see [`layout_blocks`]).
//!
//! Cost is proportional to what is visible: a binary search finds the candidates (points and
//! spans are indexed apart, so long spans never widen the search for points), each is tried
//! against a handful of lanes, and once every lane is full a crowded event goes straight to a
//! cluster in O(1).

use crate::core::scale::{label_width, TimeScale};

/// Space in px between a point's edge and its label, and a span label's inset from the bar start.
pub const LABEL_OFFSET: f64 = 4.0;

/// How far in px a bar may run past either edge of the drawing (its ends stay out of sight).
pub const BAR_OVERHANG: f64 = 10.0;

/// A point's period is drawn as a bracket (and takes room in its lane) once it is this wide.
pub const BRACKET_MIN_WIDTH: f64 = 6.0;

/// What layout needs to know of one event, precomputed once per dataset.
///
/// `[first_day, end_day)` is the event's range (for a point, the whole period of its date's
/// precision: a year-only date covers the year).
#[derive(Clone, Debug, PartialEq)]
pub struct Extent {
    pub first_day: f64,
    pub end_day: f64,
    pub is_span: bool,
    /// Full width in px of the event's label, e.g. from [`label_width`].
    pub label_width: f64,
    /// Whose label shows first where not all fit (higher first); see
    /// [`label_priority`](crate::core::priority::label_priority).
    pub priority: u16,
}

impl Extent {
    /// The end, repaired so that an empty or garbled range counts as its first day.
    fn effective_end(&self) -> f64 {
        if self.end_day > self.first_day {
            self.end_day
        } else {
            self.first_day
        }
    }

    /// Whether the event shows in the window `[start, end)`.
    fn intersects(&self, start: f64, end: f64) -> bool {
        self.first_day < end && (self.effective_end() > start || self.first_day >= start)
    }

    /// The day a point's mark stands on: the middle of its period.
    pub fn mark_day(&self) -> f64 {
        self.first_day + (self.effective_end() - self.first_day) / 2.0
    }
}

/// Events of one kind (points, or spans) sorted by `first_day`, with their longest duration:
/// anything visible must start after `window start - longest duration`.
#[derive(Clone, Debug, Default)]
struct Run {
    /// Original indices in chronological order.
    order: Vec<usize>,
    /// `first_day` of `order[i]` (NaN as +∞, so it is never visible and never breaks the search).
    sorted_first: Vec<f64>,
    longest: f64,
}

impl Run {
    fn new(extents: &[Extent], spans: bool) -> Run {
        let key = |e: &Extent| {
            if e.first_day.is_nan() {
                f64::INFINITY
            } else {
                e.first_day
            }
        };
        let mut order: Vec<usize> = (0..extents.len())
            .filter(|&i| extents[i].is_span == spans)
            .collect();
        order.sort_by(|&a, &b| key(&extents[a]).total_cmp(&key(&extents[b])));
        let sorted_first = order.iter().map(|&i| key(&extents[i])).collect();
        let longest = order
            .iter()
            .map(|&i| &extents[i])
            .filter(|e| e.first_day.is_finite())
            .map(|e| e.effective_end() - e.first_day)
            .fold(0.0, f64::max);
        Run {
            order,
            sorted_first,
            longest,
        }
    }

    fn visible<'a>(
        &'a self,
        extents: &'a [Extent],
        start: f64,
        end: f64,
    ) -> impl Iterator<Item = usize> + 'a {
        let reach = if self.longest.is_finite() {
            start - self.longest
        } else {
            f64::NEG_INFINITY
        };
        let lo = self.sorted_first.partition_point(|&f| f < reach);
        let hi = self.sorted_first.partition_point(|&f| f < end).max(lo);
        self.order[lo..hi]
            .iter()
            .copied()
            .filter(move |&i| extents[i].intersects(start, end))
    }
}

/// The events indexed for a logarithmic visible-range search, points and spans apart.
#[derive(Clone, Debug, Default)]
pub struct TimelineIndex {
    /// In the caller's (original) order.
    extents: Vec<Extent>,
    points: Run,
    spans: Run,
    first_day: Option<f64>,
    end_day: Option<f64>,
}

impl TimelineIndex {
    /// Indexes the events, keeping their original indices for the caller.
    pub fn new(extents: Vec<Extent>) -> Self {
        let points = Run::new(&extents, false);
        let spans = Run::new(&extents, true);
        let finite = || extents.iter().filter(|e| e.first_day.is_finite());
        let first_day = finite().map(|e| e.first_day).reduce(f64::min);
        let end_day = finite().map(Extent::effective_end).reduce(f64::max);
        Self {
            extents,
            points,
            spans,
            first_day,
            end_day,
        }
    }

    pub fn len(&self) -> usize {
        self.extents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.extents.is_empty()
    }

    /// Original indices of events intersecting `[start, end)`, in chronological order, found by
    /// binary search (cost O(log n + candidates within the longest duration before `start`)).
    pub fn visible(&self, start: f64, end: f64) -> impl Iterator<Item = usize> + '_ {
        let key = |i: usize| self.extents[i].first_day;
        let mut points = self.visible_points(start, end).peekable();
        let mut spans = self.visible_spans(start, end).peekable();
        std::iter::from_fn(move || match (points.peek(), spans.peek()) {
            (Some(&p), Some(&s)) => {
                if key(s).total_cmp(&key(p)).is_lt() {
                    spans.next()
                } else {
                    points.next()
                }
            }
            (Some(_), None) => points.next(),
            (None, _) => spans.next(),
        })
    }

    /// The point events intersecting `[start, end)`, in chronological order.
    pub fn visible_points(&self, start: f64, end: f64) -> impl Iterator<Item = usize> + '_ {
        self.points.visible(&self.extents, start, end)
    }

    /// The spans intersecting `[start, end)`, by first day.
    pub fn visible_spans(&self, start: f64, end: f64) -> impl Iterator<Item = usize> + '_ {
        self.spans.visible(&self.extents, start, end)
    }

    /// The event's extent, by its original index.
    pub fn extent(&self, original_index: usize) -> &Extent {
        &self.extents[original_index]
    }

    /// The first day of the data (finite events only).
    pub fn first_day(&self) -> Option<f64> {
        self.first_day
    }

    /// The (exclusive) last day of the data, spans' ends included.
    pub fn end_day(&self) -> Option<f64> {
        self.end_day
    }

    /// The days a view of the events passing `include` should frame: from the first to the end
    /// of the included point events; spans (states of affairs, which often run on for years
    /// before or after the dated events) count only when no point event is included. A span
    /// that runs beyond the frame still shows, cut at the window's edge.
    ///
    /// This is why the built-in chronology fits 1978–2020 rather than 1977–2026: its last dated
    /// events are of 2018, while one span (the "Transformation Decade" of 2015–2024) ends in
    /// 2024. Cost O(n): for filter changes, not for frames.
    pub fn frame(&self, include: impl Fn(usize) -> bool) -> Option<(f64, f64)> {
        let extent_of = |run: &Run| {
            run.order
                .iter()
                .copied()
                .filter(|&i| self.extents[i].first_day.is_finite() && include(i))
                .map(|i| {
                    let e = &self.extents[i];
                    (e.first_day, e.effective_end())
                })
                .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
        };
        extent_of(&self.points).or_else(|| extent_of(&self.spans))
    }
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
    /// has no room, e.g. at the drawing's right edge), or at the span's visible start; never
    /// left of 0.
    pub label_x: f64,
    /// The label's full width.
    pub label_width: f64,
    /// Whether the label is drawn (whole): labels are never shortened, only left out.
    pub labelled: bool,
}

/// Events that did not fit, shown as one "+N" badge.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// The row below the band's lanes (`Band::lanes - 1`): clusters have a row of their own.
    pub lane: usize,
    /// Left edge of the badge: the position of its first member (clamped to the axis).
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
///    has it, else up to three bare marks in its way move to other lanes; else it stays a bare
///    mark. Labels are never shortened. (Nothing moves in a band with clusters.)
///
/// Rank 0 marks context (filtered-out events drawn faint): it is laid out after the rest, in
/// the lanes left below theirs, and left out (not clustered) where it finds no room, so that it
/// never takes a matching event's place or label.
pub fn layout_blocks<I: IntoIterator<Item = usize>>(
    index: &TimelineIndex,
    scale: &TimeScale,
    options: &LayoutOptions,
    count: usize,
    rank: impl Fn(usize) -> Option<u32>,
    blocks: impl Fn(usize) -> I,
) -> Vec<Layout> {
    let mut out = vec![Layout::default(); count];
    if !scale.is_usable() || count == 0 {
        return out;
    }
    let radius = non_negative(options.point_radius);
    let width = scale.width;
    let clamp_x = |x: f64| x.clamp(-BAR_OVERHANG, width + BAR_OVERHANG);
    let sweep = Sweep {
        count,
        width,
        gaps: Gaps {
            label: non_negative(options.label_gap),
            mark: non_negative(options.mark_gap),
        },
        badge: BadgeWidths::new(),
    };

    let point = |i: usize, rank: u32| {
        let extent = index.extent(i);
        let x_start = clamp_x(scale.to_px(extent.first_day));
        let x_end = clamp_x(scale.to_px(extent.effective_end()));
        let x = clamp_x(scale.to_px(extent.mark_day()));
        let bracket = x_end - x_start >= BRACKET_MIN_WIDTH;
        let (left, mark_right) = if bracket {
            (x_start.min(x - radius), x_end.max(x + radius))
        } else {
            (x - radius, x + radius)
        };
        let label_width = non_negative(extent.label_width);
        let left_label_x = x - radius - LABEL_OFFSET - label_width;
        Item {
            index: i,
            rank,
            left,
            mark_right,
            label_x: (x + radius + LABEL_OFFSET).max(0.0),
            left_label_x: (left_label_x >= 0.0).then_some(left_label_x),
            label_width,
            x,
            x_start,
            x_end,
            anchor: x.clamp(0.0, width),
            first_day: extent.first_day,
            end_day: extent.effective_end(),
        }
    };
    let bands = sweep.run(
        || index.visible_points(scale.start, scale.end),
        options.points,
        &rank,
        &blocks,
        point,
    );
    for (layout, band) in out.iter_mut().zip(bands) {
        layout.points = band;
    }

    let span = |i: usize, rank: u32| {
        let extent = index.extent(i);
        let x_start = clamp_x(scale.to_px(extent.first_day));
        let x_end = clamp_x(scale.to_px(extent.effective_end())).max(x_start + 2.0);
        Item {
            index: i,
            rank,
            left: x_start,
            mark_right: x_end,
            label_x: x_start.max(0.0) + LABEL_OFFSET,
            left_label_x: None,
            label_width: non_negative(extent.label_width),
            x: x_start,
            x_start,
            x_end,
            anchor: x_start.clamp(0.0, width),
            first_day: extent.first_day,
            end_day: extent.effective_end(),
        }
    };
    let bands = sweep.run(
        || index.visible_spans(scale.start, scale.end),
        options.spans,
        &rank,
        &blocks,
        span,
    );
    for (layout, band) in out.iter_mut().zip(bands) {
        layout.spans = band;
    }
    out
}

/// One band's packing in every block: the events that count first, then the context.
struct Sweep {
    count: usize,
    width: f64,
    gaps: Gaps,
    badge: BadgeWidths,
}

impl Sweep {
    fn run<E: Iterator<Item = usize>, I: IntoIterator<Item = usize>>(
        &self,
        events: impl Fn() -> E,
        limits: LaneLimits,
        rank: &impl Fn(usize) -> Option<u32>,
        blocks: &impl Fn(usize) -> I,
        item: impl Fn(usize, u32) -> Item,
    ) -> Vec<Band> {
        let mut packers: Vec<Packer> = (0..self.count).map(|_| Packer::new(limits)).collect();
        let mut context = false;
        for i in events() {
            match rank(i) {
                Some(0) => context = true,
                Some(rank) => {
                    let item = item(i, rank);
                    for block in blocks(i) {
                        if let Some(packer) = packers.get_mut(block) {
                            packer.add(&item, self.width, self.gaps, &self.badge);
                        }
                    }
                }
                None => {}
            }
        }
        let mut bands: Vec<Band> = packers
            .iter_mut()
            .map(|p| p.finish(self.gaps.label))
            .collect();
        if !context {
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
        for i in events() {
            if rank(i) == Some(0) {
                let item = item(i, 0);
                for block in blocks(i) {
                    if let Some(packer) = packers.get_mut(block) {
                        packer.add(&item, self.width, self.gaps, &self.badge);
                    }
                }
            }
        }
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
        }
        bands
    }
}

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
    /// Where its label starts if it goes on the left (a point's, when that stays in view).
    left_label_x: Option<f64>,
    label_width: f64,
    x: f64,
    x_start: f64,
    x_end: f64,
    /// Where its cluster badge would start.
    anchor: f64,
    first_day: f64,
    end_day: f64,
}

/// Lane packing for one band (see [`layout_blocks`]): marks first, then labels.
struct Packer {
    limits: LaneLimits,
    /// Right edge (gap included) of each lane's last mark.
    lanes: Vec<f64>,
    /// Once all `max` lanes exist: nothing whose left edge is before this has any room, so
    /// crowded events go straight to the clusters in O(1), which keeps 100,000 events cheap.
    blocked_until: f64,
    band: Band,
    /// For each placed item, what the label step needs.
    room: Vec<Room>,
    /// Context (events drawn faint): what finds no lane is left out rather than clustered.
    context: bool,
}

/// A placed item's extent and label options, for the label step.
#[derive(Clone, Copy, Debug)]
struct Room {
    /// Left edge of its mark, and right edge with the gap after a mark.
    left: f64,
    mark_right: f64,
    rank: u32,
    /// Where its label starts on the right of the mark, if it fits the drawing there.
    right_label: Option<f64>,
    /// Where its label starts on the left of the mark, if it fits the drawing there.
    left_label: Option<f64>,
}

impl Packer {
    fn new(limits: LaneLimits) -> Packer {
        let max = limits.max.max(1);
        Packer {
            limits: LaneLimits {
                labelled: limits.labelled.min(max),
                max,
            },
            lanes: Vec::new(),
            blocked_until: f64::INFINITY,
            band: Band::default(),
            room: Vec::new(),
            context: false,
        }
    }

    /// Places the item's mark in the first lane where it fits (a new lane while there are
    /// fewer than `max`), else folds it into a cluster.
    fn add(&mut self, item: &Item, width: f64, gaps: Gaps, badge: &BadgeWidths) {
        let full = self.lanes.len() == self.limits.max;
        if full && item.left < self.blocked_until {
            self.overflow(item, badge, gaps.label);
            return;
        }
        let lane = match self.lanes.iter().position(|&right| right <= item.left) {
            Some(lane) => lane,
            None if !full => {
                self.lanes.push(f64::NEG_INFINITY);
                self.lanes.len() - 1
            }
            None => {
                self.overflow(item, badge, gaps.label);
                return;
            }
        };
        let mark_right = item.mark_right + gaps.mark;
        self.lanes[lane] = mark_right;
        if self.lanes.len() == self.limits.max {
            self.blocked_until = self.lanes.iter().copied().fold(f64::INFINITY, f64::min);
        }
        let has_label = item.label_width > 0.0;
        let fits = |x: f64| has_label && x >= 0.0 && x + item.label_width <= width;
        self.room.push(Room {
            left: item.left,
            mark_right,
            rank: item.rank,
            right_label: Some(item.label_x).filter(|&x| fits(x)),
            left_label: item.left_label_x.filter(|&x| fits(x)),
        });
        self.band.placed.push(Placed {
            index: item.index,
            lane,
            x: item.x,
            x_start: item.x_start,
            x_end: item.x_end,
            label_x: item.label_x,
            label_width: item.label_width,
            labelled: false,
        });
    }

    /// An item with no room: into a "+N" cluster, unless it is context.
    fn overflow(&mut self, item: &Item, badge: &BadgeWidths, gap: f64) {
        if !self.context {
            add_to_clusters(&mut self.band.clusters, badge, item, gap);
        }
    }

    fn finish(&mut self, gap: f64) -> Band {
        // Items move to other lanes for their labels only where nothing is folded: a folded
        // event's place must stay taken in every lane.
        let lanes = if self.band.clusters.is_empty() {
            self.limits.labelled.max(self.lanes.len())
        } else {
            self.lanes.len()
        };
        let movable = self.band.clusters.is_empty();
        let used = place_labels(&mut self.band.placed, &self.room, lanes, gap, movable);
        let mut band = std::mem::take(&mut self.band);
        let row = used.max(self.lanes.len());
        for cluster in &mut band.clusters {
            cluster.lane = row;
        }
        band.lanes = row + usize::from(!band.clusters.is_empty());
        band
    }
}

/// What is taken in one lane: disjoint `[start, end)` intervals sorted by start, each with the
/// item it belongs to.
#[derive(Default)]
struct Taken(Vec<(f64, f64, usize)>);

impl Taken {
    /// Where `[start, end)` would go, if it is free.
    fn free(&self, start: f64, end: f64) -> Option<usize> {
        let at = self.0.partition_point(|&(_, e, _)| e <= start);
        match self.0.get(at) {
            Some(&(s, _, _)) if s < end => None,
            _ => Some(at),
        }
    }

    fn insert(&mut self, at: usize, start: f64, end: f64, item: usize) {
        self.0.insert(at, (start, end, item));
    }

    /// The items whose intervals overlap `[start, end)`.
    fn overlapping(&self, start: f64, end: f64) -> impl Iterator<Item = usize> + '_ {
        let at = self.0.partition_point(|&(_, e, _)| e <= start);
        self.0[at..]
            .iter()
            .take_while(move |&&(s, _, _)| s < end)
            .map(|&(_, _, i)| i)
    }

    fn remove(&mut self, start: f64, item: usize) {
        let from = self.0.partition_point(|&(s, _, _)| s < start);
        if let Some(k) = self.0[from..].iter().position(|&(_, _, i)| i == item) {
            self.0.remove(from + k);
        }
    }
}

/// The most bare marks moved out of the way of one label.
const MAX_MOVES: usize = 3;

/// The moves (item, lane, position) that would clear `[start, end)` in `lane`: each item in the
/// way a bare mark that fits another lane (the first with room); None if that cannot be done.
fn make_way(
    taken: &[Taken],
    placed: &[Placed],
    room: &[Room],
    lane: usize,
    start: f64,
    end: f64,
) -> Option<Vec<(usize, usize, usize)>> {
    let in_way: Vec<usize> = taken[lane]
        .overlapping(start, end)
        .take(MAX_MOVES + 1)
        .collect();
    if in_way.is_empty() || in_way.len() > MAX_MOVES {
        return None;
    }
    let mut moves = Vec::with_capacity(in_way.len());
    for k in in_way {
        if placed[k].labelled {
            return None;
        }
        let r = &room[k];
        // The marks in the way are disjoint: moved to the same lane, they stay so.
        let (to, at) = (0..taken.len())
            .filter(|&l| l != lane)
            .find_map(|l| taken[l].free(r.left, r.mark_right).map(|at| (l, at)))?;
        if moves.iter().any(|&(_, l, _)| l == to) {
            // Positions computed before either insertion: keep it simple, one move per lane.
            return None;
        }
        moves.push((k, to, at));
    }
    Some(moves)
}

/// The label step: by rank, highest first (in time order among equals), each label goes whole
/// on the right of its mark (or on the left, where the right has no room in the drawing): in
/// the mark's own lane if it has the room, else (if `movable`) the item moves, mark and label,
/// to the first of `lanes` lanes that has it, else a few bare marks in its way move to other
/// lanes; else it stays a bare mark. Returns the lanes in use.
fn place_labels(
    placed: &mut [Placed],
    room: &[Room],
    lanes: usize,
    gap: f64,
    movable: bool,
) -> usize {
    let mut taken: Vec<Taken> = (0..lanes).map(|_| Taken::default()).collect();
    for (n, p) in placed.iter().enumerate() {
        // The marks' own lanes are ordered and their marks disjoint: appending keeps order.
        if let Some(lane) = taken.get_mut(p.lane) {
            lane.0.push((room[n].left, room[n].mark_right, n));
        }
    }
    let mut order: Vec<usize> = (0..placed.len())
        .filter(|&n| room[n].right_label.is_some() || room[n].left_label.is_some())
        .collect();
    order.sort_by_key(|&n| std::cmp::Reverse(room[n].rank));
    for n in order {
        let r = room[n];
        let width = placed[n].label_width;
        // The whole drawing with the label on each side it may take, right first.
        let boxes = [
            r.right_label
                .map(|x| (x, r.left, (x + width + gap).max(r.mark_right))),
            r.left_label
                .map(|x| (x, (x - gap).min(r.left), r.mark_right)),
        ];
        let own = placed[n].lane;
        taken[own].remove(r.left, n);
        let others = (0..lanes).filter(move |&l| movable && l != own);
        let lanes_to_try = std::iter::once(own).chain(others);
        let found = lanes_to_try
            .flat_map(|lane| boxes.iter().flatten().map(move |b| (lane, *b)))
            .find_map(|(lane, (x, start, end))| {
                taken[lane]
                    .free(start, end)
                    .map(|at| (lane, at, x, start, end))
            });
        // Else, where at most a few bare marks are in the way and each can move to another
        // lane, they do.
        let found = found.or_else(|| {
            if !movable {
                return None;
            }
            let lanes_to_try = std::iter::once(own).chain((0..lanes).filter(|&l| l != own));
            for lane in lanes_to_try {
                for &(x, start, end) in boxes.iter().flatten() {
                    if let Some(moves) = make_way(&taken, placed, room, lane, start, end) {
                        for (k, to, at) in moves {
                            taken[lane].remove(room[k].left, k);
                            taken[to].insert(at, room[k].left, room[k].mark_right, k);
                            placed[k].lane = to;
                        }
                        let at = taken[lane].free(start, end)?;
                        return Some((lane, at, x, start, end));
                    }
                }
            }
            None
        });
        match found {
            Some((lane, at, x, start, end)) => {
                taken[lane].insert(at, start, end, n);
                let p = &mut placed[n];
                p.lane = lane;
                p.label_x = x;
                p.labelled = true;
            }
            None => {
                let at = taken[own].free(r.left, r.mark_right).unwrap_or(0);
                taken[own].insert(at, r.left, r.mark_right, n);
            }
        }
    }
    taken
        .iter()
        .rposition(|t| !t.0.is_empty())
        .map_or(0, |l| l + 1)
}

/// Badge widths: room for "+NNN" at least, more for larger counts.
struct BadgeWidths {
    minimum: f64,
    plus: f64,
    digit: f64,
}

impl BadgeWidths {
    fn new() -> Self {
        Self {
            minimum: label_width("+NNN"),
            plus: label_width("+"),
            digit: label_width("0"),
        }
    }

    fn for_count(&self, count: usize) -> f64 {
        let digits = count.max(1).ilog10() + 1;
        self.minimum.max(self.plus + self.digit * f64::from(digits))
    }
}

/// Adds an unplaced item to the last cluster if it is within reach of its badge, else starts a
/// new cluster clear of it.
fn add_to_clusters(clusters: &mut Vec<Cluster>, badge: &BadgeWidths, item: &Item, gap: f64) {
    if let Some(last) = clusters.last_mut() {
        if item.anchor < last.x + last.width + gap {
            last.indices.push(item.index);
            last.first_day = last.first_day.min(item.first_day);
            last.end_day = last.end_day.max(item.end_day);
            last.width = badge.for_count(last.indices.len());
            return;
        }
    }
    clusters.push(Cluster {
        lane: 0,
        x: item.anchor,
        width: badge.for_count(1),
        indices: vec![item.index],
        first_day: item.first_day,
        end_day: item.end_day,
    });
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

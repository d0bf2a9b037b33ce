//! Packing one band into lanes: marks first, then whole labels, then "+N" clusters.

use super::{Band, Cluster, Gaps, Item, LaneLimits, Placed};
use crate::core::scale::label_width;

/// Lane packing for one band (see [`layout_blocks`](super::layout_blocks)): marks first, then labels.
pub(super) struct Packer {
    pub(super) limits: LaneLimits,
    /// Right edge (gap included) of each lane's last mark.
    lanes: Vec<f64>,
    /// Once all `max` lanes exist: nothing whose left edge is before this has any room, so
    /// crowded events go straight to the clusters in O(1), which keeps 100,000 events cheap.
    blocked_until: f64,
    band: Band,
    /// For each placed item, what the label step needs.
    room: Vec<Room>,
    /// Context (events drawn faint): what finds no lane is left out rather than clustered.
    pub(super) context: bool,
    /// Lanes that items running through the whole drawing may take at most (the rest are kept
    /// for items that start or end in it: see `Sweep::through_lanes`).
    pub(super) through_max: usize,
    /// Lanes such items took.
    through_used: usize,
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
    /// The same for its label in two lines (see `Wrap`), and their width.
    right_wrap: Option<f64>,
    left_wrap: Option<f64>,
    wrap_width: f64,
}

impl Room {
    /// The whole drawing with a label `width` px wide on each side it may take, right first
    /// (from `right` or `left`): (label x, start, end).
    fn boxes(
        &self,
        (right, left): (Option<f64>, Option<f64>),
        width: f64,
        gap: f64,
    ) -> [Option<(f64, f64, f64)>; 2] {
        let end = |x: f64| (x + width + gap).max(self.mark_right);
        [
            right.map(|x| (x, self.left, end(x))),
            left.map(|x| (x, (x - gap).min(self.left), end(x))),
        ]
    }
}

impl Packer {
    pub(super) fn new(limits: LaneLimits) -> Packer {
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
            through_max: usize::MAX,
            through_used: 0,
        }
    }

    /// Places the item's mark in the first lane where it fits (a new lane while there are
    /// fewer than `max`), else folds it into a cluster.
    pub(super) fn add(&mut self, item: &Item, width: f64, gaps: Gaps, badge: &BadgeWidths) {
        let full = self.lanes.len() == self.limits.max;
        if full && item.left < self.blocked_until {
            self.overflow(item, badge, gaps.label);
            return;
        }
        // An item through the whole drawing finds no lane free (each ends inside it): it opens one.
        let through = item.through;
        let may_open = !full && (!through || self.through_used < self.through_max);
        let lane = match self.lanes.iter().position(|&right| right <= item.left) {
            Some(lane) => lane,
            None if may_open => {
                self.lanes.push(f64::NEG_INFINITY);
                self.through_used += usize::from(through);
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
        let end = item.label_end.min(width);
        let fits = |x: f64, w: f64| item.label_width > 0.0 && x >= 0.0 && x + w <= end;
        let wrap = item.wrap_width;
        self.room.push(Room {
            left: item.left,
            mark_right,
            rank: item.rank,
            right_label: Some(item.label_x).filter(|&x| fits(x, item.label_width)),
            left_label: item.left_label_x.filter(|&x| fits(x, item.label_width)),
            right_wrap: Some(item.label_x).filter(|&x| wrap > 0.0 && fits(x, wrap)),
            left_wrap: item.wrap_left_x.filter(|&x| wrap > 0.0 && fits(x, wrap)),
            wrap_width: wrap,
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
            wrapped: false,
            mark_shown: item.mark_shown,
        });
    }

    /// Where (px) this packer folds whatever stands, if it does: once every lane is full, an
    /// item whose left edge is left of the first lane end (it finds no lane: see
    /// [`Packer::add`]) and whose mark is left of the end of the last badge, gap included (it
    /// joins that badge), joins the last cluster, or is left out if it is context (wherever its
    /// mark stands). Returns (first lane end, end of the last badge and gap).
    #[inline(always)]
    pub(super) fn folds(&self, gap: f64) -> Option<(f64, f64)> {
        if self.lanes.len() != self.limits.max {
            return None;
        }
        if self.context {
            return Some((self.blocked_until, f64::INFINITY));
        }
        let last = self.band.clusters.last()?;
        Some((self.blocked_until, last.x + last.width + gap))
    }

    /// Folds an event that stands where [`Packer::folds`] says, as [`Packer::add`] would.
    #[inline(always)]
    pub(super) fn fold(&mut self, index: usize, first_day: f64, end_day: f64, badge: &BadgeWidths) {
        if self.context {
            return;
        }
        if let Some(last) = self.band.clusters.last_mut() {
            join(last, index, first_day, end_day, badge);
        }
    }

    /// An item with no room: into a "+N" cluster, unless it is context.
    pub(super) fn overflow(&mut self, item: &Item, badge: &BadgeWidths, gap: f64) {
        if !self.context {
            add_to_clusters(&mut self.band.clusters, badge, item, gap);
        }
    }

    /// Whether a span through the window now joins the badge of those before it (they have
    /// taken the lanes they may, and one has gone to that badge, at the band's left edge).
    #[inline(always)]
    pub(super) fn through_capped(&self) -> bool {
        self.through_used >= self.through_max && !self.band.clusters.is_empty()
    }

    pub(super) fn finish(&mut self, gap: f64) -> Band {
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

    /// Whether `[start, end)` is free but for `item`'s own interval in it, and if so, where
    /// `item`'s interval is (the box can take its place: nothing else is in the way).
    fn free_but(&self, start: f64, end: f64, item: usize) -> Option<usize> {
        let at = self.0.partition_point(|&(_, e, _)| e <= start);
        let mut own = None;
        for (k, &(s, _, i)) in self.0[at..].iter().enumerate() {
            if s >= end {
                break;
            }
            if i != item {
                return None;
            }
            own = Some(at + k);
        }
        own
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
/// lanes; else, once every label has been tried on one line, in two lines where a lane and the
/// one below have the room (see `Wrap`); else it stays a bare mark. Returns the lanes in use.
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
        .filter(|&n| {
            let r = &room[n];
            r.right_label.is_some()
                || r.left_label.is_some()
                || r.right_wrap.is_some()
                || r.left_wrap.is_some()
        })
        .collect();
    order.sort_by_key(|&n| std::cmp::Reverse(room[n].rank));
    let mut unnamed = Vec::new();
    for n in order {
        let r = room[n];
        let boxes = r.boxes((r.right_label, r.left_label), placed[n].label_width, gap);
        let own = placed[n].lane;
        // Where its own lane has room for the label but for its mark, the label takes the
        // mark's place there (what follows would find the same, through a removal and an
        // insertion in the lane each; at a crowded window, a third of the layout). A mark that
        // takes no room is not found in the way: it goes the long way.
        let marked = r.left < r.mark_right;
        let in_own = taken.get(own).filter(|_| marked).and_then(|lane| {
            boxes.iter().flatten().find_map(|&(x, start, end)| {
                lane.free_but(start, end, n).map(|at| (at, x, start, end))
            })
        });
        if let Some((at, x, start, end)) = in_own {
            taken[own].0[at] = (start, end, n);
            let p = &mut placed[n];
            p.label_x = x;
            p.labelled = true;
            continue;
        }
        if !movable && marked {
            // Its own lane was the only one it could take: it stays a bare mark there.
            if r.right_wrap.is_some() || r.left_wrap.is_some() {
                unnamed.push(n);
            }
            continue;
        }
        taken[own].remove(r.left, n);
        let found = first_clear(&taken, &boxes, own, 1, lanes, movable).and_then(
            |(lane, x, start, end)| {
                taken[lane]
                    .free(start, end)
                    .map(|at| (lane, at, x, start, end))
            },
        );
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
                keep_bare(&mut taken[own], &r, n);
                if r.right_wrap.is_some() || r.left_wrap.is_some() {
                    unnamed.push(n);
                }
            }
        }
    }
    // Then, by rank, the titles that found no room on one line, in two lines: in a lane and the
    // one below, both clear from the mark's left to the label's end (in its own lane first).
    // After every one-line label, so that no event named on one line loses its name to them.
    for n in unnamed {
        let r = room[n];
        let own = placed[n].lane;
        let boxes = r.boxes((r.right_wrap, r.left_wrap), r.wrap_width, gap);
        if !movable && r.left < r.mark_right {
            // Only its own lane and the one below it can take it: where they have the room but
            // for its mark, the box takes the mark's place (as below, without a removal and an
            // insertion); else it stays a bare mark.
            let found = (own + 2 <= lanes)
                .then(|| {
                    boxes.iter().flatten().find_map(|&(x, start, end)| {
                        let at = taken[own].free_but(start, end, n)?;
                        let below = taken[own + 1].free(start, end)?;
                        Some((at, below, x, start, end))
                    })
                })
                .flatten();
            if let Some((at, below, x, start, end)) = found {
                taken[own].0[at] = (start, end, n);
                taken[own + 1].insert(below, start, end, n);
                let p = &mut placed[n];
                p.label_x = x;
                p.label_width = r.wrap_width;
                p.labelled = true;
                p.wrapped = true;
            }
            continue;
        }
        taken[own].remove(r.left, n);
        match first_clear(&taken, &boxes, own, 2, lanes, movable) {
            Some((lane, x, start, end)) => {
                for row in [lane, lane + 1] {
                    if let Some(at) = taken[row].free(start, end) {
                        taken[row].insert(at, start, end, n);
                    }
                }
                let p = &mut placed[n];
                p.lane = lane;
                p.label_x = x;
                p.label_width = r.wrap_width;
                p.labelled = true;
                p.wrapped = true;
            }
            None => keep_bare(&mut taken[own], &r, n),
        }
    }
    taken
        .iter()
        .rposition(|t| !t.0.is_empty())
        .map_or(0, |l| l + 1)
}

/// The first lane (its own, then the others if `movable`) that, with the `rows - 1` below it,
/// is clear over one of a label's `boxes` (see [`Room::boxes`], right first): one row for a
/// label on one line, two for one in two. Returns (lane, label x, box start, box end).
fn first_clear(
    taken: &[Taken],
    boxes: &[Option<(f64, f64, f64)>; 2],
    own: usize,
    rows: usize,
    lanes: usize,
    movable: bool,
) -> Option<(usize, f64, f64, f64)> {
    let others = (0..lanes).filter(move |&l| movable && l != own);
    std::iter::once(own)
        .chain(others)
        .filter(|&lane| lane + rows <= lanes)
        .flat_map(|lane| boxes.iter().flatten().map(move |b| (lane, *b)))
        .find(|&(lane, (_, start, end))| {
            (lane..lane + rows).all(|row| taken[row].free(start, end).is_some())
        })
        .map(|(lane, (x, start, end))| (lane, x, start, end))
}

/// Item `n` left a bare mark in its lane: its mark's place taken there again.
fn keep_bare(lane: &mut Taken, r: &Room, n: usize) {
    let at = lane.free(r.left, r.mark_right).unwrap_or(0);
    lane.insert(at, r.left, r.mark_right, n);
}

/// Badge widths: room for "+NNN" at least, more for larger counts.
pub(super) struct BadgeWidths {
    minimum: f64,
    plus: f64,
    digit: f64,
}

impl BadgeWidths {
    pub(super) fn new() -> Self {
        Self {
            minimum: label_width("+NNN"),
            plus: label_width("+"),
            digit: label_width("0"),
        }
    }

    pub(super) fn for_count(&self, count: usize) -> f64 {
        let digits = count.max(1).ilog10() + 1;
        self.minimum.max(self.plus + self.digit * f64::from(digits))
    }
}

#[inline(always)]
fn is_power_of_ten(mut n: usize) -> bool {
    while n >= 10 && n.is_multiple_of(10) {
        n /= 10;
    }
    n == 1
}

/// Adds an unplaced item to the last cluster if it is within reach of its badge, else starts a
/// new cluster clear of it.
fn add_to_clusters(clusters: &mut Vec<Cluster>, badge: &BadgeWidths, item: &Item, gap: f64) {
    if let Some(last) = clusters.last_mut() {
        if item.anchor < last.x + last.width + gap {
            join(last, item.index, item.first_day, item.end_day, badge);
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

#[inline(always)]
fn join(cluster: &mut Cluster, index: usize, first_day: f64, end_day: f64, badge: &BadgeWidths) {
    cluster.indices.push(index);
    // As `f64::min` and `max` (a call each, a frame's every folded event) with days that are
    // never NaN: an event's are, or it would not be visible.
    if first_day < cluster.first_day {
        cluster.first_day = first_day;
    }
    if end_day > cluster.end_day {
        cluster.end_day = end_day;
    }
    // The badge widens only when its count gains a digit.
    let count = cluster.indices.len();
    if is_power_of_ten(count) {
        cluster.width = badge.for_count(count);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_but_an_item_finds_its_own_place_only_where_nothing_else_is_in_the_way() {
        let lane = Taken(vec![(0.0, 10.0, 1), (20.0, 30.0, 2), (40.0, 50.0, 3)]);
        // Over item 2's mark alone: free but for it, at its place.
        assert_eq!(lane.free_but(15.0, 35.0, 2), Some(1));
        // Reaching item 3's: not free.
        assert_eq!(lane.free_but(15.0, 45.0, 2), None);
        // Over item 1's, for item 2: not free.
        assert_eq!(lane.free_but(5.0, 25.0, 2), None);
        // Where the item has no mark in the box, it is not its place (the caller looks on).
        assert_eq!(lane.free_but(32.0, 38.0, 2), None);
        // Touching ends are not in the way (the intervals are half-open).
        assert_eq!(lane.free_but(10.0, 40.0, 2), Some(1));
    }
}

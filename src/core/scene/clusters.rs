//! Opening a "+N" badge: the window that spreads its members, or a list.

use super::{Scene, SceneInput, Target, TargetKind};
use crate::core::layout::Layout;
use crate::core::scale::TimeScale;
use crate::core::viewport::{Viewport, MIN_SPAN_DAYS};

/// What activating a "+N" badge does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ClusterOpening {
    /// Zoom in to this window (inside the current one, narrower): the smallest where none of the
    /// members is folded any more, or, where no window that holds them all spreads them, the
    /// narrowest that holds them (or half the current one): its smaller badges open next.
    Zoom(Viewport),
    /// The window is already the narrowest ([`MIN_SPAN_DAYS`]) and they are still folded (too
    /// many on one day), or they are spans that all run through the whole window (every
    /// narrower window is run through by them too): list them instead, e.g. in a popover.
    List,
}

/// Each window tried while opening a cluster is this much wider than the one before.
const OPENING_STEP: f64 = 1.15;

/// What activating the cluster of `members` (drawn in `group`, in the spans' band or not) in
/// the scene of `input` at `scale` does: zoom in, to the smallest window that spreads its members
/// or at least closer to them (never wider than the current window, and within it), or
/// [`ClusterOpening::List`] at the narrowest zoom.
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
    if anchors.is_empty() || !scale.is_usable() || (spans && all_run_through(input, scale, members))
    {
        return ClusterOpening::List;
    }
    let lo = anchors.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = anchors.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut sorted = members.to_vec();
    crate::core::sort::sort(&mut sorted);
    let spread = |layout: &Layout| {
        let band = if spans { &layout.spans } else { &layout.points };
        band.clusters
            .iter()
            .all(|c| c.indices.iter().all(|i| sorted.binary_search(i).is_err()))
    };
    // One event (a span, or a point whose month or year is too wide for the badges' row): the
    // window of its whole period, with a margin, inside the current one, where that shows it;
    // a span that its own period does not show is listed (three weeks about its start showed a
    // span of fourteen years as a line across the drawing, which said nothing of it).
    if let [only] = members {
        let e = input.index.extent(*only);
        let (first, end) = (e.first_day, e.effective_end());
        let margin = ((end - first) * 0.1).max(MIN_SPAN_DAYS / 2.0);
        let (start, stop) = (
            (first - margin).max(scale.start),
            (end + margin).min(scale.end),
        );
        if first.is_finite()
            && end.is_finite()
            && stop - start >= MIN_SPAN_DAYS
            && stop - start < current * (1.0 - 1e-9)
        {
            let window = Viewport::new(start, stop);
            let laid = input.lay_out(&TimeScale::new(start, stop, scale.width), group);
            if laid.first().is_some_and(spread) {
                return ClusterOpening::Zoom(window);
            }
        }
        if spans {
            return ClusterOpening::List;
        }
    }
    // The members' marks away from the window's edges: a third of the room they leave on
    // their left, two on their right, where their labels go (from their middle less a third of
    // the window, the first of them stood on the window's left edge, its mark cut in half).
    let mut span = ((hi - lo) * 1.5).max(MIN_SPAN_DAYS);
    while span < current * (1.0 - 1e-9) {
        let start = (lo - (span - (hi - lo)) / 3.0)
            .min(scale.end - span)
            .max(scale.start);
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
    // No window that holds them all spreads them: closer anyway, if the zoom allows (at most
    // half the current window, about their middle), where the badge splits into smaller ones.
    if current <= MIN_SPAN_DAYS * (1.0 + 1e-9) {
        return ClusterOpening::List;
    }
    let holding = ((hi - lo) * 1.5).max(MIN_SPAN_DAYS);
    let span = holding.min(current / 2.0).max(MIN_SPAN_DAYS);
    let middle = lo + (hi - lo) / 2.0;
    let start = (middle - span / 2.0).min(scale.end - span).max(scale.start);
    ClusterOpening::Zoom(Viewport::new(start, start + span))
}

/// Whether `members` are all spans that run through the whole window of `scale` (their badge
/// stands at its left edge, the spans' band having kept lanes for the others).
pub fn all_run_through(input: &SceneInput, scale: &TimeScale, members: &[usize]) -> bool {
    members.iter().all(|&i| {
        i < input.index.len() && input.index.extent(i).runs_through(scale.start, scale.end)
    })
}

/// Where the list of a badge's events stands in the drawing (px from its edges): beside the
/// badge, on the side of the drawing it is on (moved in from the badge as far as its width needs
/// to stay in the drawing), under or over it where the drawing has more room (the drawing cuts
/// off what runs past its edges), no taller than that room.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ListPlace {
    /// From the drawing's left edge, or else from its right edge.
    pub left: Option<f64>,
    pub right: Option<f64>,
    /// From the drawing's top, or else from its bottom.
    pub top: Option<f64>,
    pub bottom: Option<f64>,
    pub max_height: f64,
}

/// Room kept between the list and the drawing's edges, and between the list and its badge.
const LIST_MARGIN: f64 = 8.0;
const LIST_GAP: f64 = 4.0;

impl Scene {
    /// The badge drawn for `members`, if the scene has it.
    pub fn badge_of(&self, members: &[usize]) -> Option<&Target> {
        self.targets.iter().find(
            |t| matches!(&t.kind, TargetKind::Cluster { members: m, .. } if m.as_slice() == members),
        )
    }

    /// Where the list of `badge`'s events, `list_width` px wide, stands (see [`ListPlace`]).
    /// (On a phone the list is most of the drawing's width: from a badge in the middle, it ran
    /// a hundred px past the screen's left edge.)
    pub fn list_beside(&self, badge: &Target, list_width: f64) -> ListPlace {
        // The farthest from its edge the list's side can be, the list still in the drawing.
        let most = (self.width - LIST_MARGIN - list_width).max(LIST_MARGIN);
        let (left, right) = if badge.x + badge.w / 2.0 < self.width / 2.0 {
            (Some(badge.x.clamp(LIST_MARGIN, most)), None)
        } else {
            (
                None,
                Some((self.width - badge.x - badge.w).clamp(LIST_MARGIN, most)),
            )
        };
        let above = badge.y - LIST_MARGIN;
        let below = self.height - badge.y - badge.h - LIST_MARGIN;
        let (top, bottom) = if below >= above {
            (Some(badge.y + badge.h + LIST_GAP), None)
        } else {
            (None, Some(self.height - badge.y + LIST_GAP))
        };
        ListPlace {
            left,
            right,
            top,
            bottom,
            max_height: above.max(below).max(120.0),
        }
    }
}

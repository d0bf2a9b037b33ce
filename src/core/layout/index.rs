//! The index of a dataset's extents: points and spans apart, each sorted, so that what is
//! visible is found by binary search.

use crate::core::dataset::Chronology;
use crate::core::scene::MAX_SLICES;
use crate::core::text::LabelMeasure;

/// What layout needs to know of one event, precomputed once per dataset.
///
/// `[first_day, end_day)` is the event's range (for a point, the whole period of its date's
/// precision: a year-only date covers the year).
#[derive(Clone, Debug, PartialEq)]
pub struct Extent {
    pub first_day: f64,
    pub end_day: f64,
    pub is_span: bool,
    /// Full width in px of the event's label, e.g. from [`label_width`](crate::core::scale::label_width).
    pub label_width: f64,
    /// The label in two lines, for a point whose one line finds no room (see [`Wrap`]).
    pub wrap: Option<Wrap>,
    /// Whose label shows first where not all fit (higher first); see
    /// [`label_priority`](crate::core::priority::label_priority).
    pub priority: u16,
    /// Where the event's domains stand in the chronology's list (their colours and shape).
    pub domains: DomainSlots,
    /// A date that is not exact (uncertain, approximate, or with unspecified digits): the days
    /// `[first, end)` it states, inside its range, which is all it may stand for (`2005~`
    /// states 2005 and may mean 2004 to 2006). None for an exact date, which states its range.
    pub stated: Option<(f64, f64)>,
}

/// A point's title in two lines, broken at one of the spaces nearest its middle: where its one
/// line finds no room (on a phone, a title is often wider than the room either side of its
/// mark), the two lines may, in its lane and the one below. Only for titles that two lines make
/// markedly narrower, in chronologies whose labels are measured (see `MEASURED_LABELS`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wrap {
    /// Where (a byte offset into the title) the second line starts, after the space.
    pub at: std::num::NonZeroU32,
    /// The wider line's width in px, padding included.
    pub width: f32,
}

/// Titles narrower than this stay on one line (two lines would save little room).
const WRAP_FROM: f64 = 120.0;
/// Two lines are kept only if they are at most this part of the one line's width.
const WRAP_GAIN: f64 = 0.8;

impl Wrap {
    /// `title` (`full` px wide on one line) in two lines as `measure` measures them, if that is
    /// markedly narrower: broken at the space nearest the middle on either side, whichever
    /// gives the narrower pair.
    pub fn of(title: &str, full: f64, measure: &dyn LabelMeasure) -> Option<Wrap> {
        if full < WRAP_FROM {
            return None;
        }
        // The middle byte, moved back to the start of its character (a dash, an accent).
        let middle = (0..=title.len() / 2)
            .rev()
            .find(|&at| title.is_char_boundary(at))
            .unwrap_or(0);
        let before = title[..middle].rfind(' ');
        let after = title[middle..].find(' ').map(|k| middle + k);
        [before, after]
            .into_iter()
            .flatten()
            .filter_map(|space| {
                let (first, second) = (title[..space].trim_end(), title[space..].trim_start());
                if first.is_empty() || second.is_empty() {
                    return None;
                }
                let at = u32::try_from(title.len() - second.len()).ok()?;
                let width = measure.width(first).max(measure.width(second));
                Some((std::num::NonZeroU32::new(at)?, width))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|&(_, width)| width <= full * WRAP_GAIN)
            .map(|(at, width)| Wrap {
                at,
                width: width as f32,
            })
    }

    /// The two lines of `title`.
    pub fn lines<'a>(&self, title: &'a str) -> (&'a str, &'a str) {
        let at = (self.at.get() as usize).min(title.len());
        match title.get(..at) {
            Some(first) => (first.trim_end(), &title[at..]),
            None => (title, ""),
        }
    }
}

impl Extent {
    /// Event `i` of `data`, its label measured by `measure`.
    pub fn of(data: &Chronology, i: usize, measure: &dyn LabelMeasure) -> Extent {
        Extent::with(&DomainLookup::new(data), data, i, measure)
    }

    /// Event `i` of `data`, its label's width the conservative [`estimate`], on one line (for
    /// chronologies too big to measure: see `MEASURED_LABELS`).
    ///
    /// [`estimate`]: crate::core::text::estimate
    pub fn estimated(domains: &DomainLookup, data: &Chronology, i: usize) -> Extent {
        let title = &data.events[i].title;
        Extent::made(domains, data, i, crate::core::text::estimate(title), None)
    }

    /// [`Extent::of`], with the chronology's domains looked up in `domains` (made once for all
    /// its events).
    pub fn with(
        domains: &DomainLookup,
        data: &Chronology,
        i: usize,
        measure: &dyn LabelMeasure,
    ) -> Extent {
        let e = &data.events[i];
        let label_width = measure.width(&e.title);
        let wrap = if e.is_span() {
            None
        } else {
            Wrap::of(&e.title, label_width, measure)
        };
        Extent::made(domains, data, i, label_width, wrap)
    }

    fn made(
        domains: &DomainLookup,
        data: &Chronology,
        i: usize,
        label_width: f64,
        wrap: Option<Wrap>,
    ) -> Extent {
        let e = &data.events[i];
        Extent {
            first_day: e.first_day() as f64,
            end_day: e.end_day() as f64,
            is_span: e.is_span(),
            label_width,
            wrap,
            priority: crate::core::priority::label_priority(e),
            domains: DomainSlots::of(domains, &e.domains),
            stated: (!e.is_exact()).then(|| {
                let (first, end) = e.stated_days();
                (first as f64, end as f64)
            }),
        }
    }

    /// Whether it runs through the whole of the window `[start, end]`.
    pub fn runs_through(&self, start: f64, end: f64) -> bool {
        self.days(usize::MAX).runs_through(start, end)
    }

    /// The end, repaired so that an empty or garbled range counts as its first day.
    pub(crate) fn effective_end(&self) -> f64 {
        if self.end_day > self.first_day {
            self.end_day
        } else {
            self.first_day
        }
    }

    /// Whether the event shows in the window `[start, end)`.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(super) fn intersects(&self, start: f64, end: f64) -> bool {
        self.days(usize::MAX).intersects(start, end)
    }

    /// The day a point's mark stands on: the middle of its period.
    pub fn mark_day(&self) -> f64 {
        self.days(usize::MAX).mark()
    }

    /// Its days, for event `index`.
    fn days(&self, index: usize) -> Days {
        Days {
            index,
            first: self.first_day,
            end: self.effective_end(),
        }
    }
}

/// The positions of an event's domains in its chronology's list, in the event's order, without
/// repeats or unknown ids, at most [`MAX_SLICES`]: worked out once, as a frame draws every mark
/// in its domains' colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DomainSlots {
    at: [u16; MAX_SLICES],
    len: u8,
}

/// Where each domain id of a chronology stands in its list (the first, should one repeat).
pub struct DomainLookup<'a>(rustc_hash::FxHashMap<&'a str, u16>);

impl<'a> DomainLookup<'a> {
    pub fn new(data: &'a Chronology) -> Self {
        let mut at = rustc_hash::FxHashMap::default();
        for (p, d) in data.domains.iter().enumerate() {
            if let Ok(p) = u16::try_from(p) {
                at.entry(d.id.as_str()).or_insert(p);
            }
        }
        DomainLookup(at)
    }
}

impl DomainSlots {
    /// The slots of an event whose domains are `ids`.
    pub fn of(domains: &DomainLookup, ids: &[String]) -> DomainSlots {
        let mut slots = DomainSlots::default();
        for id in ids {
            if usize::from(slots.len) == MAX_SLICES {
                break;
            }
            let Some(&p) = domains.0.get(id.as_str()) else {
                continue;
            };
            if !slots.at[..usize::from(slots.len)].contains(&p) {
                slots.at[usize::from(slots.len)] = p;
                slots.len += 1;
            }
        }
        slots
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.at[..usize::from(self.len)]
            .iter()
            .map(|&p| usize::from(p))
    }

    pub fn first(&self) -> Option<usize> {
        self.iter().next()
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
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
    /// [`Extent::effective_end`] of `order[i]`: with `sorted_first`, all the sweep reads of an
    /// event it folds, side by side (at the fit-all window of 100,000 events, reading each
    /// event's whole extent to fold it was most of a frame's layout).
    sorted_end: Vec<f64>,
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
        crate::core::sort::sort_by(&mut order, |&a, &b| {
            key(&extents[a]).total_cmp(&key(&extents[b]))
        });
        let sorted_first = order.iter().map(|&i| key(&extents[i])).collect();
        let sorted_end = order.iter().map(|&i| extents[i].effective_end()).collect();
        let longest = order
            .iter()
            .map(|&i| &extents[i])
            .filter(|e| e.first_day.is_finite())
            .map(|e| e.effective_end() - e.first_day)
            .fold(0.0, f64::max);
        Run {
            order,
            sorted_first,
            sorted_end,
            longest,
        }
    }

    /// The events that intersect `[start, end)`, in time order, each with its first day and
    /// its [`Extent::effective_end`].
    fn visible(&self, start: f64, end: f64) -> Visible<'_> {
        let reach = if self.longest.is_finite() {
            start - self.longest
        } else {
            f64::NEG_INFINITY
        };
        let lo = self.sorted_first.partition_point(|&f| f < reach);
        let hi = self.sorted_first.partition_point(|&f| f < end).max(lo);
        Visible {
            order: &self.order[lo..hi],
            first: &self.sorted_first[lo..hi],
            end: &self.sorted_end[lo..hi],
            at: 0,
            window: (start, end),
        }
    }
}

/// The events of a [`Run`] that intersect a window, in time order, with their days: an iterator
/// of its own, whose every step is inlined where the sweep reads it (through iterator adapters
/// left as calls, a crowded frame's layout spent half its time handing each event over).
pub struct Visible<'a> {
    order: &'a [usize],
    first: &'a [f64],
    end: &'a [f64],
    at: usize,
    window: (f64, f64),
}

impl Iterator for Visible<'_> {
    type Item = Days;

    #[inline(always)]
    fn next(&mut self) -> Option<Days> {
        let (start, end) = self.window;
        while self.at < self.order.len() {
            let at = self.at;
            self.at += 1;
            let days = Days {
                index: self.order[at],
                first: self.first[at],
                end: self.end[at],
            };
            // A NaN first day, stored as +∞, never is.
            if days.intersects(start, end) {
                return Some(days);
            }
        }
        None
    }
}

/// A visible event and its days, as the index keeps them side by side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Days {
    /// Original index.
    pub index: usize,
    /// Its first day.
    pub first: f64,
    /// Its [`Extent::effective_end`].
    pub end: f64,
}

impl Days {
    /// [`Extent::mark_day`], from the days alone.
    #[inline(always)]
    pub fn mark(&self) -> f64 {
        self.first + (self.end - self.first) / 2.0
    }

    /// Whether the event shows in the window `[start, end)`.
    #[inline(always)]
    pub fn intersects(&self, start: f64, end: f64) -> bool {
        self.first < end && (self.end > start || self.first >= start)
    }

    /// [`Extent::runs_through`], from the days alone.
    #[inline(always)]
    pub fn runs_through(&self, start: f64, end: f64) -> bool {
        self.first <= start && self.end >= end
    }
}

/// The events indexed for a logarithmic visible-range search, points and spans apart.
#[derive(Clone, Debug, Default)]
pub struct TimelineIndex {
    /// In the caller's (original) order.
    extents: Vec<Extent>,
    /// Each extent's `priority`, side by side: a crowded frame asks every visible event's
    /// (see [`Run::sorted_end`]).
    priorities: Vec<u16>,
    points: Run,
    spans: Run,
    first_day: Option<f64>,
    end_day: Option<f64>,
    /// What [`TimelineIndex::frame`] gives with every event included.
    framed: Option<(f64, f64)>,
}

impl TimelineIndex {
    /// Indexes the events, keeping their original indices for the caller.
    pub fn new(extents: Vec<Extent>) -> Self {
        let points = Run::new(&extents, false);
        let spans = Run::new(&extents, true);
        let finite = || extents.iter().filter(|e| e.first_day.is_finite());
        let first_day = finite().map(|e| e.first_day).reduce(f64::min);
        let end_day = finite().map(Extent::effective_end).reduce(f64::max);
        let priorities = extents.iter().map(|e| e.priority).collect();
        let mut index = Self {
            extents,
            priorities,
            points,
            spans,
            first_day,
            end_day,
            framed: None,
        };
        index.framed = index.frame(|_| true);
        index
    }

    /// The days every event frames (see [`TimelineIndex::frame`]), worked out once: what "Fit
    /// all" shows with no filter on, less the window's margins (see `Viewport::default_for`).
    pub fn framed(&self) -> Option<(f64, f64)> {
        self.framed
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
        self.points.visible(start, end).map(|d| d.index)
    }

    /// The spans intersecting `[start, end)`, by first day.
    pub fn visible_spans(&self, start: f64, end: f64) -> impl Iterator<Item = usize> + '_ {
        self.spans.visible(start, end).map(|d| d.index)
    }

    /// [`TimelineIndex::visible_points`], each with its days.
    pub(super) fn visible_point_days(&self, start: f64, end: f64) -> Visible<'_> {
        self.points.visible(start, end)
    }

    /// [`TimelineIndex::visible_spans`], each with its days.
    pub(super) fn visible_span_days(&self, start: f64, end: f64) -> Visible<'_> {
        self.spans.visible(start, end)
    }

    /// The event's label priority ([`Extent::priority`]), by its original index.
    #[inline(always)]
    pub fn priority(&self, original_index: usize) -> u16 {
        self.priorities[original_index]
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
    /// of the included point events, and every included span that lies wholly before or after
    /// them (an imported file's only span, years after its dated events, say). A span that
    /// overlaps the point events (a state of affairs, which often runs on for years before or
    /// after the dated events) does not widen the frame: it shows, cut at the window's edge.
    /// With no point event included, the spans are framed.
    ///
    /// This is why the built-in chronology fits 1978–2020 rather than 1977–2026: its last dated
    /// events are of 2018, while one span (the "Transformation Decade" of 2015–2024) ends in
    /// 2024. Cost O(n): for filter changes, not for frames.
    pub fn frame<'a>(&'a self, include: impl Fn(usize) -> bool) -> Option<(f64, f64)> {
        // (Folded as they come: at 1,000,000 events, lists of them took 16 MB.)
        let extents = |run: &'a Run| {
            run.order
                .iter()
                .copied()
                .filter(|&i| self.extents[i].first_day.is_finite() && include(i))
                .map(|i| {
                    let e = &self.extents[i];
                    (e.first_day, e.effective_end())
                })
        };
        let union = |a: (f64, f64), b: (f64, f64)| (a.0.min(b.0), a.1.max(b.1));
        let Some(points) = extents(&self.points).reduce(union) else {
            return extents(&self.spans).reduce(union);
        };
        Some(
            extents(&self.spans)
                .filter(|&(first, end)| end <= points.0 || first >= points.1)
                .fold(points, union),
        )
    }
}

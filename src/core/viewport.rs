//! The visible window of time: zoom about an anchor, pan, clamp, fit, and animate between
//! windows (after d3-zoom's transform and d3-interpolate's `interpolateZoom`).
//!
//! Every operation returns a new window that respects the [`Limits`]; nothing here ever
//! produces a NaN, whatever the input, so a stray wheel event cannot blank the timeline.

use crate::core::layout::TimelineIndex;

/// Days in an average Gregorian year.
const DAYS_PER_YEAR: f64 = 365.2425;

/// The narrowest window: about three weeks, where single days are comfortably apart.
pub const MIN_SPAN_DAYS: f64 = 21.0;

/// The room [`Viewport::fit`] leaves either side of what it fits, as a share of its extent, so
/// that the outermost marks are not on the drawing's edges ("Fit all", an import's first view,
/// an imported story's title slide).
pub const FIT_MARGIN: f64 = 0.03;

/// A window of days `[start, end)` since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub start: f64,
    pub end: f64,
}

/// How far the window may zoom and wander.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    pub min_span: f64,
    pub max_span: f64,
    pub outer_start: f64,
    pub outer_end: f64,
}

impl Limits {
    /// Limits for data covering `[first_day, end_day)`: at least three weeks visible, and the
    /// window may go a small margin beyond the data (3% of its extent each side, at least a
    /// year) so the first and last events are never stuck at the very edge. The data's extent
    /// is what it holds (spans' ends included), never the present day.
    pub fn for_extent(first_day: f64, end_day: f64) -> Limits {
        let (a, b) = match (first_day.is_finite(), end_day.is_finite()) {
            (true, true) => (first_day.min(end_day), first_day.max(end_day)),
            (true, false) => (first_day, first_day),
            (false, true) => (end_day, end_day),
            (false, false) => (0.0, 0.0),
        };
        let margin = ((b - a) * 0.03).max(DAYS_PER_YEAR);
        let outer_start = a - margin;
        let outer_end = b + margin;
        Limits {
            min_span: MIN_SPAN_DAYS,
            max_span: outer_end - outer_start,
            outer_start,
            outer_end,
        }
    }

    /// Self-consistent limits even if hand-built ones are not: ordered finite outer bounds,
    /// `0 < min_span <= max_span <= outer span`.
    fn normalized(&self) -> Limits {
        let (mut outer_start, mut outer_end) =
            if self.outer_start.is_finite() && self.outer_end.is_finite() {
                (
                    self.outer_start.min(self.outer_end),
                    self.outer_start.max(self.outer_end),
                )
            } else {
                let fallback = Limits::for_extent(0.0, 0.0);
                (fallback.outer_start, fallback.outer_end)
            };
        if outer_end - outer_start < 1.0 {
            let middle = outer_start + (outer_end - outer_start) / 2.0;
            outer_start = middle - 0.5;
            outer_end = middle + 0.5;
        }
        let outer_span = outer_end - outer_start;
        let max_span = if self.max_span > 0.0 {
            self.max_span.min(outer_span)
        } else {
            outer_span
        };
        let min_span = if self.min_span > 0.0 && self.min_span.is_finite() {
            self.min_span.min(max_span)
        } else {
            MIN_SPAN_DAYS.min(max_span)
        };
        Limits {
            min_span,
            max_span,
            outer_start,
            outer_end,
        }
    }

    /// Whether a window already satisfies these (normalized) limits.
    fn admits(&self, v: &Viewport) -> bool {
        let span = v.end - v.start;
        v.start >= self.outer_start
            && v.end <= self.outer_end
            && span >= self.min_span
            && span <= self.max_span
    }

    /// The window of `span` days starting at `start`, shifted (not resized) into the outer
    /// bounds; the edge it is pushed against is hit exactly.
    fn place(&self, start: f64, span: f64) -> Viewport {
        if span >= self.outer_end - self.outer_start {
            return Viewport::new(self.outer_start, self.outer_end);
        }
        if start.is_nan() || start <= self.outer_start {
            return Viewport::new(
                self.outer_start,
                (self.outer_start + span).min(self.outer_end),
            );
        }
        let end = start + span;
        if end >= self.outer_end {
            return Viewport::new(
                (self.outer_end - span).max(self.outer_start),
                self.outer_end,
            );
        }
        Viewport::new(start, end)
    }
}

impl Viewport {
    pub fn new(start: f64, end: f64) -> Self {
        Self { start, end }
    }

    /// Length of the window in days.
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    pub fn center(&self) -> f64 {
        self.start + (self.end - self.start) / 2.0
    }

    /// Whether `day` is in the half-open window `[start, end)`.
    pub fn contains(&self, day: f64) -> bool {
        self.start <= day && day < self.end
    }

    /// Zooms by `factor` (> 1 zooms in: span / factor) keeping `anchor` — usually the day under
    /// the pointer — at the same fraction of the window, unless the span or outer limits force
    /// otherwise. A non-finite or non-positive factor changes nothing; a non-finite anchor
    /// means the centre.
    pub fn zoom_about(&self, factor: f64, anchor: f64, limits: &Limits) -> Viewport {
        let limits = limits.normalized();
        let current = self.clamp_normalized(&limits);
        if !factor.is_finite() || factor <= 0.0 || factor == 1.0 {
            return current;
        }
        let anchor = if anchor.is_finite() {
            anchor
        } else {
            current.center()
        };
        let span = current.span();
        let new_span = (span / factor).clamp(limits.min_span, limits.max_span);
        let fraction = (anchor - current.start) / span;
        limits.place(anchor - fraction * new_span, new_span)
    }

    /// Whether zooming by `factor` would change the window's span: not at the closest zoom for a
    /// factor over 1, nor at the widest for one under 1 (the zoom buttons say so).
    pub fn can_zoom(&self, factor: f64, limits: &Limits) -> bool {
        let now = self.clamp(limits).span();
        let next = self.zoom_about(factor, f64::NAN, limits).span();
        (next - now).abs() > now * 1e-9
    }

    /// Moves the window by `delta_days` (positive: later), keeping its span; it stops at the
    /// outer bounds. A non-finite delta changes nothing.
    pub fn pan(&self, delta_days: f64, limits: &Limits) -> Viewport {
        let limits = limits.normalized();
        let current = self.clamp_normalized(&limits);
        if !delta_days.is_finite() || delta_days == 0.0 {
            return current;
        }
        limits.place(current.start + delta_days, current.span())
    }

    /// The window showing `[first_day, end_day)` with a small margin ([`FIT_MARGIN`], 3% each
    /// side), so the outermost events are not glued to the edges; clamped to the limits.
    pub fn fit(first_day: f64, end_day: f64, limits: &Limits) -> Viewport {
        let limits = limits.normalized();
        if !(first_day.is_finite() && end_day.is_finite()) {
            let whole = Viewport::new(limits.outer_start, limits.outer_end);
            return whole.clamp_normalized(&limits);
        }
        let (a, b) = (first_day.min(end_day), first_day.max(end_day));
        let span = ((b - a) * (1.0 + 2.0 * FIT_MARGIN)).clamp(limits.min_span, limits.max_span);
        let center = a + (b - a) / 2.0;
        limits.place(center - span / 2.0, span)
    }

    /// The window a chronology opens at, and what "Fit all" shows with no filter on, with the
    /// limits of its extent: what its events frame (the point events; the spans when there are
    /// none; see [`TimelineIndex::framed`]). An empty chronology still gets a sensible window:
    /// the last few decades.
    pub fn default_for(index: &TimelineIndex) -> (Limits, Viewport) {
        let (first, end) = match (index.first_day(), index.end_day()) {
            (Some(f), Some(e)) => (f, e),
            _ => (3_650.0, 20_000.0),
        };
        let limits = Limits::for_extent(first, end);
        let (from, to) = index.framed().unwrap_or((first, end));
        (limits, Viewport::fit(from, to, &limits))
    }

    /// The window that fits the events passing `include` (see [`TimelineIndex::frame`]: the
    /// point events, or the spans when there are none), with [`Viewport::fit`]'s margin; None
    /// when no event passes. "Fit all" and a window that follows the filters use it. O(n).
    pub fn fit_events(
        index: &TimelineIndex,
        include: impl Fn(usize) -> bool,
        limits: &Limits,
    ) -> Option<Viewport> {
        let (first_day, end_day) = index.frame(include)?;
        Some(Viewport::fit(first_day, end_day, limits))
    }

    /// The same span centred on `day` (as far as the bounds allow): "go to this event".
    pub fn center_on(&self, day: f64, limits: &Limits) -> Viewport {
        let limits = limits.normalized();
        let current = self.clamp_normalized(&limits);
        if !day.is_finite() {
            return current;
        }
        let span = current.span();
        limits.place(day - span / 2.0, span)
    }

    /// The nearest window that respects the limits: span clamped about the centre, then shifted
    /// inside the outer bounds. A window that already respects them is returned unchanged.
    pub fn clamp(&self, limits: &Limits) -> Viewport {
        self.clamp_normalized(&limits.normalized())
    }

    fn clamp_normalized(&self, limits: &Limits) -> Viewport {
        if !(self.start.is_finite() && self.end.is_finite()) {
            let center = limits.outer_start + (limits.outer_end - limits.outer_start) / 2.0;
            return limits.place(center - limits.max_span / 2.0, limits.max_span);
        }
        let v = Viewport::new(self.start.min(self.end), self.start.max(self.end));
        if limits.admits(&v) {
            return v;
        }
        let span = v.span().clamp(limits.min_span, limits.max_span);
        limits.place(v.center() - span / 2.0, span)
    }

    /// The window a fraction `t` (0..=1) of the way to `target`, for animated zooms.
    ///
    /// The span changes geometrically (constant zoom speed, as the eye perceives it) and the
    /// window moves about the one point that sits at the same fraction of both windows, so
    /// animating a wheel zoom keeps the day under the pointer still. Equal spans give a plain
    /// pan. `t` outside 0..=1 (or NaN) gives the nearer end; invalid windows jump to the end.
    pub fn lerp(&self, target: &Viewport, t: f64) -> Viewport {
        if t.is_nan() || t <= 0.0 {
            return *self;
        }
        if t >= 1.0 {
            return *target;
        }
        let (s0, s1) = (self.span(), target.span());
        let valid = |v: &Viewport| v.start.is_finite() && v.end.is_finite() && v.span() > 0.0;
        if !valid(self) || !valid(target) || !s0.is_finite() || !s1.is_finite() {
            return if t < 0.5 { *self } else { *target };
        }
        let log_ratio = (s1 / s0).ln();
        // Weight of the start's travel: expm1 keeps it exact as the spans become equal.
        let weight = if log_ratio.abs() < 1e-12 {
            t
        } else {
            (log_ratio * t).exp_m1() / log_ratio.exp_m1()
        };
        let span = s0 * (log_ratio * t).exp();
        let start = self.start + (target.start - self.start) * weight;
        Viewport::new(start, start + span)
    }
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

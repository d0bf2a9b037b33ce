//! Events per year, stacked by domain: what the overview chart draws.

use crate::core::dataset::{Chronology, Event};
use crate::core::date::{civil_from_days, format_year, format_year_after};

/// Events per year (or per run of years, for chronologies spanning millennia), stacked by
/// domain: what the overview chart draws.
///
/// A state of affairs that lasts years (an event with an end) counts in every year it spans,
/// not only in its first: a bar says how many events happened or were going on that year, so
/// that a plateau reads as a plateau rather than as a spike in the year it began.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearHistogram {
    pub first_year: i32,
    /// How many years each bar counts (1 unless the chronology spans more than
    /// [`MAX_HISTOGRAM_BINS`] years).
    pub years_per_bin: i32,
    /// `counts[b][d]`: events happening or going on in the years `first_year + b ×
    /// years_per_bin` onwards whose first domain is the dataset's domain `d`; the last slot
    /// counts events with no (known) domain. An event counts once in each bar it touches.
    pub counts: Vec<Vec<usize>>,
}

/// The most bars the overview draws, whatever the span of the chronology.
pub const MAX_HISTOGRAM_BINS: i64 = 1_000;

impl YearHistogram {
    pub fn last_year(&self) -> i32 {
        self.first_year + self.counts.len() as i32 * self.years_per_bin - 1
    }

    /// The first year of bin `b`.
    pub fn bin_year(&self, b: usize) -> i32 {
        self.first_year + b as i32 * self.years_per_bin
    }

    /// The tallest stack.
    pub fn max_total(&self) -> usize {
        self.counts
            .iter()
            .map(|c| c.iter().sum())
            .max()
            .unwrap_or(0)
    }

    /// The bar that counts a year (astronomical numbering, as [`crate::core::date`]).
    pub fn bin_of_year(&self, year: i32) -> Option<usize> {
        let offset = i64::from(year) - i64::from(self.first_year);
        if offset < 0 {
            return None;
        }
        let b = usize::try_from(offset / i64::from(self.years_per_bin.max(1))).ok()?;
        (b < self.counts.len()).then_some(b)
    }

    /// The bar under a day (days from 1970-01-01), e.g. the one under the pointer.
    pub fn bin_at_day(&self, day: f64) -> Option<usize> {
        if !day.is_finite() || day.abs() > 1e12 {
            return None;
        }
        self.bin_of_year(civil_from_days(day.floor() as i64).0)
    }

    /// The years a bar counts: "2014", or "1990–1999" when bars count runs of years.
    pub fn bin_label(&self, b: usize) -> String {
        let first = self.bin_year(b);
        if self.years_per_bin <= 1 {
            format_year(first)
        } else {
            let last = first.saturating_add(self.years_per_bin - 1);
            format!("{}–{}", format_year(first), format_year_after(first, last))
        }
    }

    /// What the overview says of a bar on hover or focus: "2014: 14 events — Agreements and
    /// Institutions 4, Exercises 3, …", the domains by count (most first, ties in the
    /// chronology's order), events without a domain last among equals; "1985: no events".
    pub fn readout(&self, data: &Chronology, b: usize) -> String {
        let label = self.bin_label(b);
        let Some(stack) = self.counts.get(b) else {
            return format!("{label}: no events");
        };
        let total: usize = stack.iter().sum();
        if total == 0 {
            return format!("{label}: no events");
        }
        let mut slots: Vec<(usize, usize)> = stack
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, n)| *n > 0)
            .collect();
        // Stable: equal counts keep the chronology's order of domains.
        crate::core::sort::sort_by_key(&mut slots, |&(_, n)| std::cmp::Reverse(n));
        let parts: Vec<String> = slots
            .iter()
            .map(|&(slot, n)| {
                let name = data.domains.get(slot).map_or("No domain", |d| &d.label);
                format!("{name} {n}")
            })
            .collect();
        format!(
            "{label}: {total} event{} — {}",
            if total == 1 { "" } else { "s" },
            parts.join(", ")
        )
    }
}

/// Counts the events passing the filter in every year they happen or go on, stacked by first
/// domain, over the years of the whole chronology (so that the axis does not jump as filters
/// change). An uncertain date counts in every year it may stand for ("circa 2005" in 2004, 2005
/// and 2006; "the 1990s" in each year of the decade). Spans are added with a difference array,
/// so the cost is O(events + bars × domains) however long they are.
pub fn year_histogram(data: &Chronology, matches: &[bool]) -> YearHistogram {
    HistogramIndex::new(data).count(matches)
}

/// Each event's bars and stack in the overview, worked out once per chronology, so that a
/// filter change only adds up the events that pass ([`HistogramIndex::count`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistogramIndex {
    first_year: i32,
    years_per_bin: i32,
    bins: usize,
    slots: usize,
    /// Per event: its first bar, the bar after its last, and its slot in the stack.
    events: Vec<(u16, u16, u32)>,
}

impl HistogramIndex {
    pub fn new(data: &Chronology) -> Self {
        let first = data.events.iter().map(first_year).min();
        let last = data.events.iter().map(last_year).max();
        let (Some(first), Some(last)) = (first, last) else {
            return Self {
                first_year: 0,
                years_per_bin: 1,
                bins: 0,
                slots: 1,
                events: Vec::new(),
            };
        };
        let span = i64::from(last) - i64::from(first) + 1;
        let per = ((span + MAX_HISTOGRAM_BINS - 1) / MAX_HISTOGRAM_BINS).max(1);
        let bins = ((span + per - 1) / per) as usize;
        let slots = data.domains.len() + 1;
        // A handful of domains: a scan is cheaper than hashing each event's domain.
        let position = |id: &str| data.domains.iter().position(|d| d.id == id);
        // At most MAX_HISTOGRAM_BINS + 1: fits in 16 bits.
        let bin = |year: i32| ((i64::from(year) - i64::from(first)) / per) as u16;
        let events = data
            .events
            .iter()
            .map(|e| {
                let slot = e
                    .domains
                    .first()
                    .and_then(|d| position(d))
                    .unwrap_or(slots - 1);
                (bin(first_year(e)), bin(last_year(e)) + 1, slot as u32)
            })
            .collect();
        Self {
            first_year: first,
            years_per_bin: per as i32,
            bins,
            slots,
            events,
        }
    }

    /// The histogram of the events whose flag is set.
    pub fn count(&self, matches: &[bool]) -> YearHistogram {
        let slots = self.slots;
        // +1 where an event's first bar is, -1 after its last; running sums give the counts.
        let mut changes = vec![0isize; (self.bins + 1) * slots];
        for (&(first, after, slot), _) in self.events.iter().zip(matches).filter(|(_, m)| **m) {
            changes[usize::from(first) * slots + slot as usize] += 1;
            changes[usize::from(after) * slots + slot as usize] -= 1;
        }
        let mut running = vec![0isize; slots];
        let counts = changes
            .chunks_exact(slots)
            .take(self.bins)
            .map(|change| {
                running
                    .iter_mut()
                    .zip(change)
                    .map(|(r, c)| {
                        *r += c;
                        (*r).max(0) as usize
                    })
                    .collect()
            })
            .collect();
        YearHistogram {
            first_year: self.first_year,
            years_per_bin: self.years_per_bin,
            counts,
        }
    }
}

/// The first year an event may happen in.
pub(super) fn first_year(e: &Event) -> i32 {
    if e.is_exact() {
        return e.start.year_number();
    }
    civil_from_days(e.first_day()).0
}

/// The last year an event happens in or goes on in (never before its first).
pub(super) fn last_year(e: &Event) -> i32 {
    if !e.is_exact() {
        return civil_from_days(e.end_day() - 1).0.max(first_year(e));
    }
    e.end
        .map_or(e.start.year_number(), |end| end.year_number())
        .max(e.start.year_number())
}

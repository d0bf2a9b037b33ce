//! Events per year, stacked by domain: what the overview chart draws.

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

use crate::core::dataset::{Chronology, Event};
use crate::core::date::{civil_from_days, format_year, format_year_after};

/// Events per year (or per run of years, for chronologies spanning millennia), stacked by
/// domain: what the overview chart draws.
///
/// A state of affairs that lasts years (an event with an end) counts in every year it spans,
/// not only in its first: a bar says how many events happened or were going on that year, so
/// that a plateau reads as a plateau rather than as a spike in the year it began.
///
/// A bar is one segment per event, so that its height is its number of events: each event is
/// stacked under one domain, the first of its domains that the domain filter selects (when it
/// selects any), else its first. The readout says more: how many of the bar's events have each
/// domain, an event with several counting under each ([`YearHistogram::with_domain`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearHistogram {
    pub first_year: i32,
    /// How many years each bar counts (1 unless the chronology spans more than
    /// [`MAX_HISTOGRAM_BINS`] years).
    pub years_per_bin: i32,
    /// `counts[b][d]`: events happening or going on in the years `first_year + b ×
    /// years_per_bin` onwards that are stacked under the dataset's domain `d` (see above); the
    /// last slot counts events with no (known) domain. An event counts once in each bar it
    /// touches, in one slot.
    pub counts: Vec<Vec<usize>>,
    /// `with_domain[b][d]`: the events of bar `b` that have domain `d` among theirs (the last
    /// slot: no known domain). An event with several domains counts in each of their slots, so
    /// a bar's slots may add up to more than its events.
    pub with_domain: Vec<Vec<usize>>,
    /// `several[b]`: the events of bar `b` that have more than one (known) domain.
    pub several: Vec<usize>,
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

    /// What the overview says of a bar on hover or focus: "2014: 17 events, 9 in several
    /// domains — Maritime Security 5, Piracy 4, …", every domain with how many of the bar's
    /// events have it (an event with several counts under each, hence the count of those that
    /// have several, said only where there are some), most first, ties by how much of the bar
    /// is drawn in the domain's colour, then in the chronology's order, events without a domain
    /// last among equals; "1991: 1 event — High-Level Diplomacy 1", "2003: 1 event, in 2
    /// domains — …", "5 events, all in several domains", "2 events, both …"; "1985: no
    /// events".
    pub fn readout(&self, data: &Chronology, b: usize) -> String {
        let label = self.bin_label(b);
        let (Some(stack), Some(with)) = (self.counts.get(b), self.with_domain.get(b)) else {
            return format!("{label}: no events");
        };
        let total: usize = stack.iter().sum();
        if total == 0 {
            return format!("{label}: no events");
        }
        let mut slots: Vec<(usize, usize, usize)> = with
            .iter()
            .zip(stack)
            .enumerate()
            .filter(|(_, (n, _))| **n > 0)
            .map(|(slot, (&n, &drawn))| (slot, n, drawn))
            .collect();
        // Stable: equal counts keep the chronology's order of domains.
        let none = data.domains.len();
        crate::core::sort::sort_by_key(&mut slots, |&(slot, n, drawn)| {
            (std::cmp::Reverse(n), slot >= none, std::cmp::Reverse(drawn))
        });
        let parts: Vec<String> = slots
            .iter()
            .map(|&(slot, n, _)| {
                let name = data.domains.get(slot).map_or("No domain", |d| &d.label);
                format!("{name} {n}")
            })
            .collect();
        let several = self.several.get(b).copied().unwrap_or(0);
        let events = match (total, several) {
            (1, 0) => "1 event".to_string(),
            (1, _) => format!("1 event, in {} domains", slots.len()),
            (_, 0) => format!("{total} events"),
            (2, 2) => "2 events, both in several domains".to_string(),
            _ if several == total => format!("{total} events, all in several domains"),
            _ => format!("{total} events, {several} in several domains"),
        };
        format!("{label}: {events} — {}", parts.join(", "))
    }
}

/// Counts the events passing the filter in every year they happen or go on, over the years of
/// the whole chronology (so that the axis does not jump as filters change), each stacked under
/// the first of its domains in `domains` (the domain filter's selection), else its first. An
/// uncertain date counts in every year it may stand for ("circa 2005" in 2004, 2005 and 2006;
/// "the 1990s" in each year of the decade). Spans are added with a difference array, so the
/// cost is O(events × their domains + bars × domains) however long they are.
pub fn year_histogram(
    data: &Chronology,
    matches: &[bool],
    domains: &BTreeSet<String>,
) -> YearHistogram {
    HistogramIndex::new(data).count(matches, domains)
}

/// Each event's bars and domains in the overview, worked out once per chronology, so that a
/// filter change only adds up the events that pass ([`HistogramIndex::count`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistogramIndex {
    first_year: i32,
    years_per_bin: i32,
    bins: usize,
    /// The chronology's domains' ids, in its order: slot `d` is domain `d`; one more slot
    /// (the last) for events with no known domain.
    domain_ids: Vec<String>,
    /// Per event: its first bar, the bar after its last, and its slot (its only known domain's,
    /// or the no-domain slot), or [`SEVERAL`] with the index of its domains in `combinations`.
    events: Vec<(u16, u16, u32)>,
    /// The slots of events with several known domains, in the event's order, each once: one
    /// entry per distinct list (usually a few dozen, however many events), so that a filter change
    /// works out where each list is stacked once, not once per event.
    combinations: Vec<Vec<u32>>,
}

/// The flag on an event's slot that says it is the index of its domains in
/// [`HistogramIndex::combinations`].
const SEVERAL: u32 = 1 << 31;

impl HistogramIndex {
    pub fn new(data: &Chronology) -> Self {
        let domain_ids: Vec<String> = data.domains.iter().map(|d| d.id.clone()).collect();
        let first = data.events.iter().map(first_year).min();
        let last = data.events.iter().map(last_year).max();
        let (Some(first), Some(last)) = (first, last) else {
            return Self {
                first_year: 0,
                years_per_bin: 1,
                bins: 0,
                domain_ids,
                events: Vec::new(),
                combinations: Vec::new(),
            };
        };
        let span = i64::from(last) - i64::from(first) + 1;
        let per = ((span + MAX_HISTOGRAM_BINS - 1) / MAX_HISTOGRAM_BINS).max(1);
        let bins = ((span + per - 1) / per) as usize;
        let none = domain_ids.len() as u32;
        // A handful of domains: a scan is cheaper than hashing each event's domain.
        let position = |id: &str| domain_ids.iter().position(|d| d == id);
        // At most MAX_HISTOGRAM_BINS + 1: fits in 16 bits.
        let bin = |year: i32| ((i64::from(year) - i64::from(first)) / per) as u16;
        let mut combinations: Vec<Vec<u32>> = Vec::new();
        let mut known: HashMap<Vec<u32>, u32> = HashMap::default();
        let mut own: Vec<u32> = Vec::new();
        let events = data
            .events
            .iter()
            .map(|e| {
                own.clear();
                for slot in e.domains.iter().filter_map(|d| position(d)) {
                    if !own.contains(&(slot as u32)) {
                        own.push(slot as u32);
                    }
                }
                let slot = match own.as_slice() {
                    [] => none,
                    [one] => *one,
                    several => match known.get(several) {
                        Some(&c) => SEVERAL | c,
                        None => {
                            let c = combinations.len() as u32;
                            combinations.push(several.to_vec());
                            known.insert(several.to_vec(), c);
                            SEVERAL | c
                        }
                    },
                };
                (bin(first_year(e)), bin(last_year(e)) + 1, slot)
            })
            .collect();
        Self {
            first_year: first,
            years_per_bin: per as i32,
            bins,
            domain_ids,
            events,
            combinations,
        }
    }

    /// The histogram of the events whose flag is set, each stacked under the first of its
    /// domains in `domains` (the domain filter's selection), else its first.
    pub fn count(&self, matches: &[bool], domains: &BTreeSet<String>) -> YearHistogram {
        let width = self.domain_ids.len() + 1;
        let chosen: Vec<bool> = self
            .domain_ids
            .iter()
            .map(|id| domains.contains(id))
            .collect();
        let stacked: Vec<usize> = self
            .combinations
            .iter()
            .map(|slots| {
                let first = slots.iter().find(|s| chosen[**s as usize]);
                *first.unwrap_or(&slots[0]) as usize
            })
            .collect();
        // +1 where an event's first bar is, -1 after its last; running sums give the counts.
        // A row per bar: the events with one slot (stacked and counted there); those with
        // several, by the slot they are stacked in, then under each of their domains; then
        // how many have several.
        let row = 3 * width + 1;
        let mut changes = vec![0isize; (self.bins + 1) * row];
        for (&(first, after, slot), _) in self.events.iter().zip(matches).filter(|(_, m)| **m) {
            let (first, after) = (usize::from(first) * row, usize::from(after) * row);
            if slot & SEVERAL == 0 {
                changes[first + slot as usize] += 1;
                changes[after + slot as usize] -= 1;
                continue;
            }
            let c = (slot & !SEVERAL) as usize;
            for column in [width + stacked[c], 3 * width] {
                changes[first + column] += 1;
                changes[after + column] -= 1;
            }
            for s in &self.combinations[c] {
                changes[first + 2 * width + *s as usize] += 1;
                changes[after + 2 * width + *s as usize] -= 1;
            }
        }
        let mut running = vec![0isize; row];
        let mut counts = Vec::with_capacity(self.bins);
        let mut with_domain = Vec::with_capacity(self.bins);
        let mut several = Vec::with_capacity(self.bins);
        for change in changes.chunks_exact(row).take(self.bins) {
            for (r, c) in running.iter_mut().zip(change) {
                *r += c;
            }
            let (one, rest) = running.split_at(width);
            let (stack, rest) = rest.split_at(width);
            let (with, rest) = rest.split_at(width);
            let add = |more: &[isize]| -> Vec<usize> {
                one.iter()
                    .zip(more)
                    .map(|(a, b)| (a + b).max(0) as usize)
                    .collect()
            };
            counts.push(add(stack));
            with_domain.push(add(with));
            several.push(rest[0].max(0) as usize);
        }
        YearHistogram {
            first_year: self.first_year,
            years_per_bin: self.years_per_bin,
            counts,
            with_domain,
            several,
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

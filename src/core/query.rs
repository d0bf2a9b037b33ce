//! Filtering by facets (phase, domain, third party) and text, and facet counts.
//!
//! Within a facet the selected values combine with OR, across facets with AND, as in every
//! faceted search. Text search is case- and diacritic-insensitive ("worner" finds Wörner).

use crate::core::dataset::{Chronology, Event};
use crate::core::date::{civil_from_days, format_year};
use std::collections::BTreeSet;

/// The three facets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Phase,
    Domain,
    ThirdParty,
}

impl Facet {
    pub const ALL: [Facet; 3] = [Facet::Phase, Facet::Domain, Facet::ThirdParty];

    pub fn label(self) -> &'static str {
        match self {
            Facet::Phase => "Phase",
            Facet::Domain => "Domain",
            Facet::ThirdParty => "Third party",
        }
    }

    /// The key used in URLs.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Phase => "phase",
            Facet::Domain => "domain",
            Facet::ThirdParty => "party",
        }
    }

    /// The values an event has for this facet.
    pub fn values(self, event: &Event) -> &[String] {
        match self {
            Facet::Phase => std::slice::from_ref(&event.phase),
            Facet::Domain => &event.domains,
            Facet::ThirdParty => &event.third_parties,
        }
    }

    /// (id, label) of every value the dataset defines for this facet, in the dataset's order.
    pub fn options(self, data: &Chronology) -> Vec<(String, String)> {
        match self {
            Facet::Phase => data
                .phases
                .iter()
                .map(|p| (p.id.clone(), p.label.clone()))
                .collect(),
            Facet::Domain => data
                .domains
                .iter()
                .map(|d| (d.id.clone(), d.label.clone()))
                .collect(),
            Facet::ThirdParty => data
                .third_parties
                .iter()
                .map(|t| (t.id.clone(), t.label.clone()))
                .collect(),
        }
    }
}

/// What the user has asked to see.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub phases: BTreeSet<String>,
    pub domains: BTreeSet<String>,
    pub third_parties: BTreeSet<String>,
    pub text: String,
    /// Only these events (by id), when not empty: the events a story's scene is about.
    pub events: BTreeSet<String>,
}

impl Filter {
    pub fn selected(&self, facet: Facet) -> &BTreeSet<String> {
        match facet {
            Facet::Phase => &self.phases,
            Facet::Domain => &self.domains,
            Facet::ThirdParty => &self.third_parties,
        }
    }

    pub fn selected_mut(&mut self, facet: Facet) -> &mut BTreeSet<String> {
        match facet {
            Facet::Phase => &mut self.phases,
            Facet::Domain => &mut self.domains,
            Facet::ThirdParty => &mut self.third_parties,
        }
    }

    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.phases.is_empty()
            && self.domains.is_empty()
            && self.third_parties.is_empty()
            && self.text.trim().is_empty()
            && self.events.is_empty()
    }

    fn facet_matches(&self, facet: Facet, event: &Event) -> bool {
        let selected = self.selected(facet);
        selected.is_empty() || facet.values(event).iter().any(|v| selected.contains(v))
    }

    /// Whether the event passes every facet and the text (given the event's folded search text).
    pub fn matches(&self, event: &Event, haystack: &str) -> bool {
        self.matches_except(event, haystack, None)
    }

    /// As [`Filter::matches`], ignoring one facet: what a facet's counts are computed against.
    pub fn matches_except(&self, event: &Event, haystack: &str, skip: Option<Facet>) -> bool {
        Facet::ALL
            .iter()
            .filter(|f| Some(**f) != skip)
            .all(|f| self.facet_matches(*f, event))
            && text_matches(haystack, &self.text)
            && (self.events.is_empty() || self.events.contains(&event.id))
    }
}

/// The folded text of each event that search looks in: title, summary, actors, evidence, date.
pub fn search_haystacks(data: &Chronology) -> Vec<String> {
    data.events
        .iter()
        .map(|e| {
            let mut s =
                String::with_capacity(e.title.len() + e.summary.len() + e.evidence.len() + 32);
            s.push_str(&e.title);
            s.push('\n');
            // Markup (a TimelineJS slide's HTML) is searched as the text it shows.
            if e.summary.contains('<') {
                s.push_str(&crate::core::rich_text::plain_text(&e.summary));
            } else {
                s.push_str(&e.summary);
            }
            s.push('\n');
            for a in &e.actors {
                s.push_str(a);
                s.push('\n');
            }
            s.push_str(&e.evidence);
            s.push('\n');
            s.push_str(&e.date_label());
            fold(&s)
        })
        .collect()
}

/// Every word of the query occurs in the haystack (both folded).
pub fn text_matches(haystack: &str, query: &str) -> bool {
    let q = fold(query);
    q.split_whitespace().all(|word| haystack.contains(word))
}

/// Lower case without diacritics: "Wörner" → "worner", "Œuvre" → "oeuvre".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

fn fold_char(c: char, out: &mut String) {
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' => 'c',
        'Ď' | 'ď' | 'Đ' | 'đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => 'e',
        'Ğ' | 'ğ' => 'g',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'İ' | 'ı' => 'i',
        'Ł' | 'ł' => 'l',
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => 'o',
        'Ř' | 'ř' => 'r',
        'Ś' | 'ś' | 'Ş' | 'ş' | 'Š' | 'š' => 's',
        'Ţ' | 'ţ' | 'Ť' | 'ť' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' => 'u',
        'Ý' | 'ý' | 'ÿ' => 'y',
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => 'z',
        'ß' => return out.push_str("ss"),
        'Æ' | 'æ' => return out.push_str("ae"),
        'Œ' | 'œ' => return out.push_str("oe"),
        '‘' | '’' => '\'',
        '“' | '”' => '"',
        '–' | '—' => '-',
        c => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(base);
}

/// Byte ranges of `text` where the query's words occur (case- and diacritic-insensitive), merged
/// and in order: what the list highlights.
pub fn highlight_ranges(text: &str, query: &str) -> Vec<(usize, usize)> {
    let words: Vec<String> = fold(query).split_whitespace().map(String::from).collect();
    if words.is_empty() {
        return vec![];
    }
    // Fold char by char, remembering where each folded byte came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let before = folded.len();
        fold_char(c, &mut folded);
        origin.extend(std::iter::repeat_n(i, folded.len() - before));
    }
    origin.push(text.len());
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for w in &words {
        let mut from = 0;
        while let Some(at) = folded[from..].find(w.as_str()) {
            let start = from + at;
            let end = start + w.len();
            let original_end = text[origin[end - 1]..]
                .chars()
                .next()
                .map_or(text.len(), |c| origin[end - 1] + c.len_utf8());
            ranges.push((origin[start], original_end));
            from = end;
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Count of events per value of one facet, given the other facets' selections and the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount {
    pub id: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

/// The counts of every facet value. Each facet is counted against the filter without its own
/// selection, so that a value's count says what selecting it would add.
pub fn facet_counts(
    data: &Chronology,
    haystacks: &[String],
    filter: &Filter,
    facet: Facet,
) -> Vec<FacetCount> {
    let options = facet.options(data);
    let mut counts = vec![0usize; options.len()];
    let position: std::collections::HashMap<&str, usize> = options
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.as_str(), i))
        .collect();
    for (i, e) in data.events.iter().enumerate() {
        if filter.matches_except(e, haystack(haystacks, i), Some(facet)) {
            for v in facet.values(e) {
                if let Some(&i) = position.get(v.as_str()) {
                    counts[i] += 1;
                }
            }
        }
    }
    let selected = filter.selected(facet);
    options
        .into_iter()
        .zip(counts)
        .map(|((id, label), count)| FacetCount {
            selected: selected.contains(&id),
            id,
            label,
            count,
        })
        .collect()
}

/// Which events pass the filter, by index. `haystacks` (from [`search_haystacks`]) may be left
/// empty while the filter has no search text.
pub fn matching(data: &Chronology, haystacks: &[String], filter: &Filter) -> Vec<bool> {
    data.events
        .iter()
        .enumerate()
        .map(|(i, e)| filter.matches(e, haystack(haystacks, i)))
        .collect()
}

/// The search text of event `i`; empty if the haystacks were not built.
fn haystack(haystacks: &[String], i: usize) -> &str {
    haystacks.get(i).map_or("", String::as_str)
}

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
            format!("{}–{}", format_year(first), format_year(last))
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
        slots.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
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
    let first = data.events.iter().map(first_year).min();
    let last = data.events.iter().map(last_year).max();
    let (Some(first), Some(last)) = (first, last) else {
        return YearHistogram {
            first_year: 0,
            years_per_bin: 1,
            counts: vec![],
        };
    };
    let span = i64::from(last) - i64::from(first) + 1;
    let per = ((span + MAX_HISTOGRAM_BINS - 1) / MAX_HISTOGRAM_BINS).max(1);
    let bins = ((span + per - 1) / per) as usize;
    let per = per as i32;
    let slots = data.domains.len() + 1;
    // A handful of domains: a scan is cheaper than hashing each event's domain.
    let position = |id: &str| data.domains.iter().position(|d| d.id == id);
    // +1 where an event's first bar is, -1 after its last; running sums give the counts.
    let mut changes = vec![0isize; (bins + 1) * slots];
    let bin = |year: i32| ((i64::from(year) - i64::from(first)) / i64::from(per)) as usize;
    for (e, _) in data.events.iter().zip(matches).filter(|(_, m)| **m) {
        let slot = e
            .domains
            .first()
            .and_then(|d| position(d))
            .unwrap_or(slots - 1);
        changes[bin(first_year(e)) * slots + slot] += 1;
        changes[(bin(last_year(e)) + 1) * slots + slot] -= 1;
    }
    let mut running = vec![0isize; slots];
    let counts = changes
        .chunks_exact(slots)
        .take(bins)
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
        first_year: first,
        years_per_bin: per,
        counts,
    }
}

/// The first year an event may happen in.
fn first_year(e: &Event) -> i32 {
    if e.is_exact() {
        return e.start.year_number();
    }
    civil_from_days(e.first_day()).0
}

/// The last year an event happens in or goes on in (never before its first).
fn last_year(e: &Event) -> i32 {
    if !e.is_exact() {
        return civil_from_days(e.end_day() - 1).0.max(first_year(e));
    }
    e.end
        .map_or(e.start.year_number(), |end| end.year_number())
        .max(e.start.year_number())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::PartialDate;
    use crate::core::synthetic;

    fn sample() -> (Chronology, Vec<String>) {
        let mut d = synthetic::generate(500, 3);
        d.events[0].title = "Secretary General Manfred Wörner visits Japan".into();
        let h = search_haystacks(&d);
        (d, h)
    }

    /// The histogram counted the slow way: each matching event in each bar it touches.
    fn naive_histogram(d: &Chronology, matches: &[bool], h: &YearHistogram) -> Vec<Vec<usize>> {
        let mut counts = vec![vec![0usize; d.domains.len() + 1]; h.counts.len()];
        for (e, _) in d.events.iter().zip(matches).filter(|(_, m)| **m) {
            let slot = e
                .domains
                .first()
                .and_then(|id| d.domains.iter().position(|x| &x.id == id))
                .unwrap_or(d.domains.len());
            let first = h.bin_of_year(first_year(e)).unwrap();
            let last = h.bin_of_year(last_year(e)).unwrap();
            for stack in &mut counts[first..=last] {
                stack[slot] += 1;
            }
        }
        counts
    }

    #[test]
    fn the_histogram_counts_what_passes_the_filter_by_year_and_domain() {
        let (d, h) = sample();
        let all = year_histogram(&d, &vec![true; d.events.len()]);
        assert_eq!(all.first_year, 1979);
        assert_eq!(all.last_year(), 2019);
        assert_eq!(
            all.counts,
            naive_histogram(&d, &vec![true; d.events.len()], &all)
        );
        let mut f = Filter::default();
        f.domains.insert("cyber".into());
        let m = matching(&d, &h, &f);
        let cyber = year_histogram(&d, &m);
        assert_eq!(cyber.first_year, all.first_year, "the axis stays put");
        assert_eq!(cyber.counts, naive_histogram(&d, &m, &cyber));
        // Points count once; spans once in each year they go on.
        let expected: usize = d
            .events
            .iter()
            .zip(&m)
            .filter(|(_, m)| **m)
            .map(|(e, _)| (last_year(e) - first_year(e) + 1) as usize)
            .sum();
        assert_eq!(cyber.counts.iter().flatten().sum::<usize>(), expected);
    }

    #[test]
    fn a_state_of_affairs_counts_in_every_year_it_spans() {
        let d = crate::core::dataset::embedded().unwrap();
        let h = year_histogram(&d, &vec![true; d.events.len()]);
        let total = |year: i32| -> usize { h.counts[h.bin_of_year(year).unwrap()].iter().sum() };
        let ongoing = |year: i32| {
            d.events
                .iter()
                .filter(|e| first_year(e) <= year && year <= last_year(e))
                .count()
        };
        for year in [1990, 1995, 2001, 2007, 2014] {
            assert_eq!(total(year), ongoing(year), "{year}");
        }
        // Circa 2005 counts in 2004, 2005 and 2006.
        let circa = d
            .events
            .iter()
            .find(|e| e.id == "2004-common-values-first-invoked")
            .unwrap();
        assert_eq!((first_year(circa), last_year(circa)), (2004, 2006));
        // The 1990s plateau is a plateau: 1995 counts the states of affairs begun in 1990.
        assert!(total(1995) >= 5, "{}", total(1995));
        assert!(total(1990) <= 2 * total(1995), "1990 is no longer a spike");
    }

    #[test]
    fn the_readout_names_the_year_its_count_and_its_domains_by_count() {
        let d = crate::core::dataset::embedded().unwrap();
        let h = year_histogram(&d, &vec![true; d.events.len()]);
        let b = h.bin_of_year(2014).unwrap();
        let text = h.readout(&d, b);
        let total: usize = h.counts[b].iter().sum();
        assert!(
            text.starts_with(&format!("2014: {total} events — ")),
            "{text}"
        );
        // Most first; every count is there and they add up.
        let counts: Vec<usize> = text
            .split(" — ")
            .nth(1)
            .unwrap()
            .split(", ")
            .map(|part| part.rsplit(' ').next().unwrap().parse().unwrap())
            .collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{text}");
        assert_eq!(counts.iter().sum::<usize>(), total);

        let mut small = d.clone();
        small.events.retain(|e| e.id == "1991-worner-visits-japan");
        let h = year_histogram(&small, &[true]);
        assert_eq!(
            h.readout(&small, 0),
            "1991: 1 event — High-Level Diplomacy 1"
        );
        assert_eq!(
            h.bin_at_day(crate::core::date::days_from_civil(1991, 7, 1) as f64),
            Some(0)
        );
        assert_eq!(h.bin_at_day(f64::NAN), None);
        assert_eq!(h.bin_of_year(1990), None);
        let none = year_histogram(&small, &[false]);
        assert_eq!(none.readout(&small, 0), "1991: no events");
        // Ties keep the chronology's order of domains; no domain comes last.
        let mut tied = small.clone();
        let mut other = tied.events[0].clone();
        other.id = "x".into();
        other.domains = vec!["afghanistan".into()];
        let mut bare = other.clone();
        bare.id = "y".into();
        bare.domains.clear();
        tied.events.extend([other, bare]);
        let h = year_histogram(&tied, &[true; 3]);
        assert_eq!(
            h.readout(&tied, 0),
            "1991: 3 events — Afghanistan 1, High-Level Diplomacy 1, No domain 1"
        );
    }

    #[test]
    fn a_chronology_spanning_two_million_years_gets_at_most_a_thousand_bars() {
        let (mut d, _) = sample();
        d.events[0].start = PartialDate::year(-1_000_000).unwrap();
        d.events[1].start = PartialDate::year(1_000_000).unwrap();
        let h = year_histogram(&d, &vec![true; d.events.len()]);
        assert!(
            h.counts.len() as i64 <= MAX_HISTOGRAM_BINS,
            "{}",
            h.counts.len()
        );
        assert_eq!(h.years_per_bin, 2_001);
        assert_eq!(h.first_year, -1_000_000);
        assert!(h.last_year() >= 1_000_000);
        assert_eq!(
            h.counts,
            naive_histogram(&d, &vec![true; d.events.len()], &h)
        );
        assert_eq!(h.bin_label(0), "1000001 BC–998001 BC");
    }

    #[test]
    fn a_span_of_two_million_years_counts_in_every_bar() {
        let (mut d, _) = sample();
        d.events[0].start = PartialDate::year(-1_000_000).unwrap();
        d.events[0].end = Some(PartialDate::year(1_000_000).unwrap());
        let matches: Vec<bool> = (0..d.events.len()).map(|i| i == 0).collect();
        let h = year_histogram(&d, &matches);
        assert!(h
            .counts
            .iter()
            .all(|stack| stack.iter().sum::<usize>() == 1));
    }

    #[test]
    fn search_ignores_case_and_diacritics() {
        let (d, h) = sample();
        let f = Filter {
            events: Default::default(),
            text: "worner".into(),
            ..Filter::default()
        };
        let hits: Vec<usize> = (0..d.events.len())
            .filter(|&i| f.matches(&d.events[i], &h[i]))
            .collect();
        assert_eq!(hits, vec![0]);
        assert!(text_matches(&fold("Œuvre STRASSE"), "oeuvre straße"));
    }

    #[test]
    fn highlights_the_original_text() {
        let t = "Manfred Wörner visits; WÖRNER again";
        let r = highlight_ranges(t, "worner");
        let parts: Vec<&str> = r.iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(parts, ["Wörner", "WÖRNER"]);
        assert!(highlight_ranges(t, "  ").is_empty());
    }

    #[test]
    fn or_within_a_facet_and_across_facets() {
        let (d, h) = sample();
        let count = |f: &Filter| matching(&d, &h, f).iter().filter(|m| **m).count();
        let mut afghanistan = Filter::default();
        afghanistan.domains.insert("afghanistan".into());
        let mut piracy = Filter::default();
        piracy.domains.insert("piracy".into());
        let mut both = afghanistan.clone();
        both.domains.insert("piracy".into());
        let a = count(&afghanistan);
        let p = count(&piracy);
        let union = count(&both);
        assert!(a > 0 && p > 0);
        assert!(union >= a.max(p) && union <= a + p);
        let mut with_china = both.clone();
        with_china.third_parties.insert("china".into());
        assert!(count(&with_china) < union);
    }

    #[test]
    fn an_event_without_a_phase_matches_no_phase_value() {
        let (mut data, _) = sample();
        data.events[0].phase = String::new();
        let haystacks = search_haystacks(&data);
        let mut filter = Filter::default();
        let phase = data.phases[0].id.clone();
        filter.phases.insert(phase);
        assert!(!filter.matches(&data.events[0], &haystacks[0]));
        let counts = facet_counts(&data, &haystacks, &Filter::default(), Facet::Phase);
        let total: usize = counts.iter().map(|c| c.count).sum();
        assert_eq!(total, data.events.len() - 1);
    }

    #[test]
    fn facet_counts_ignore_their_own_selection() {
        let (d, h) = sample();
        let mut f = Filter::default();
        f.domains.insert("afghanistan".into());
        let domains = facet_counts(&d, &h, &f, Facet::Domain);
        let unfiltered = facet_counts(&d, &h, &Filter::default(), Facet::Domain);
        assert_eq!(
            domains.iter().map(|c| c.count).collect::<Vec<_>>(),
            unfiltered.iter().map(|c| c.count).collect::<Vec<_>>()
        );
        assert!(domains.iter().any(|c| c.id == "afghanistan" && c.selected));
        let parties = facet_counts(&d, &h, &f, Facet::ThirdParty);
        let matching_afghanistan = matching(&d, &h, &f);
        for c in parties {
            let expected = d
                .events
                .iter()
                .zip(&matching_afghanistan)
                .filter(|(e, m)| **m && e.third_parties.contains(&c.id))
                .count();
            assert_eq!(c.count, expected, "{}", c.id);
        }
    }
}

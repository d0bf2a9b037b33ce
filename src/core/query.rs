//! Filtering by facets (phase, domain, third party) and text, and facet counts.
//!
//! Within a facet the selected values combine with OR, across facets with AND, as in every
//! faceted search. Text search is case- and diacritic-insensitive ("worner" finds Wörner).

use crate::core::dataset::{Chronology, Event};
use std::collections::BTreeSet;

mod histogram;
mod index;
mod search;

pub use histogram::{year_histogram, HistogramIndex, YearHistogram, MAX_HISTOGRAM_BINS};
pub use index::{EventSet, FacetIndex, SearchText, SEARCH_CHUNK};
pub use search::{
    fold, found_in, highlight_ranges, search_haystacks, terms, text_matches, Field, FoundIn,
    MAX_FOUND_IN,
};

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

#[cfg(test)]
mod tests;

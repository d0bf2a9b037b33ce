//! The filter (facets, search, dimming) and which events pass it, with what follows from that:
//! the count and the overview's histogram.

use super::{Notice, Shared};
use crate::core::dataset::Chronology;
use crate::core::query::{
    EventSet, Facet, FacetCount, FacetIndex, Filter, HistogramIndex, SearchText, YearHistogram,
};
use crate::core::url_state::ViewState;

#[derive(Clone, Debug, PartialEq)]
pub struct Filtering {
    pub filter: Filter,
    /// Filtered-out events are dimmed (true) or hidden (false).
    pub dim: bool,
    /// Built once per chronology: the events of each facet value, each event's bars in the
    /// overview.
    pub index: Shared<Indexes>,
    /// The folded search text of every event: built a chunk at a time in idle time after the
    /// chronology shows, or all at once by a search that comes first (folding every text costs
    /// tens of ms at 10,000 events, seconds at 1,000,000).
    pub search: SearchText,
    /// Whether each event passes the filter: always `query::matching` of the filter.
    pub matches: Shared<Vec<bool>>,
    pub match_count: usize,
    /// Events per year for the overview chart, following the filter.
    pub histogram: Shared<YearHistogram>,
    /// Each facet's values (in [`Facet::ALL`]'s order) with how many events each would show,
    /// given the other facets' selections and the search: what the facet panel lists.
    pub counts: Shared<Vec<Vec<FacetCount>>>,
}

/// What the filter is worked out from, built once per chronology.
#[derive(Clone, Debug, PartialEq)]
pub struct Indexes {
    pub facets: FacetIndex,
    pub histogram: HistogramIndex,
}

impl Filtering {
    /// No filter: every event passes. `index` is the chronology's.
    pub fn everything(data: &Chronology, index: Indexes) -> Self {
        let mut everything = Self {
            filter: Filter::default(),
            dim: false,
            index: Shared::new(index),
            search: SearchText::default(),
            histogram: Shared::new(YearHistogram {
                first_year: 0,
                years_per_bin: 1,
                counts: Vec::new(),
                with_domain: Vec::new(),
                several: Vec::new(),
            }),
            matches: Shared::new(Vec::new()),
            match_count: 0,
            counts: Shared::new(Vec::new()),
        };
        everything.refilter(data);
        everything
    }

    /// Whether event `i` passes the filter.
    pub fn passes(&self, i: usize) -> bool {
        self.matches.get(i).copied().unwrap_or(false)
    }

    /// Recomputes the matches, their count, the histogram and the facets' counts, from the
    /// indexes (a few milliseconds at 100,000 events, where scanning the events took hundreds).
    pub fn refilter(&mut self, data: &Chronology) {
        if !self.filter.text.trim().is_empty() {
            while !self.search.extend(data) {}
        }
        let text = if self.filter.text.trim().is_empty() && self.filter.events.is_empty() {
            EventSet::full(data.events.len())
        } else {
            self.search.passing(data, &self.filter)
        };
        let facets = &self.index.facets;
        let matches = facets.matching(&self.filter, &text);
        self.match_count = matches.count();
        let matches = matches.to_flags();
        self.histogram = Shared::new(self.index.histogram.count(&matches, &self.filter.domains));
        self.matches = Shared::new(matches);
        self.counts = Shared::new(
            Facet::ALL
                .iter()
                .map(|f| facets.counts(data, &self.filter, *f, &text))
                .collect(),
        );
    }

    /// Takes a link's filter and dimming; values the chronology does not know are dropped, with
    /// one notice per facet however many there are.
    pub fn set_filter_from_link(&mut self, data: &Chronology, view: &ViewState) -> Vec<Notice> {
        let mut filter = view.filter.clone();
        let unknown = crate::core::notices::retain_known(&mut filter, data);
        self.filter = filter;
        self.dim = view.dim;
        self.refilter(data);
        crate::core::notices::unknown_in_link(&unknown, None)
            .into_iter()
            .map(Notice::View)
            .collect()
    }
}

//! The filter (facets, search, dimming) and which events pass it, with what follows from that:
//! the count and the overview's histogram.

use super::{Notice, Shared};
use crate::core::dataset::Chronology;
use crate::core::query::{self, Filter, YearHistogram};
use crate::core::url_state::ViewState;

#[derive(Clone, Debug, PartialEq)]
pub struct Filtering {
    pub filter: Filter,
    /// Filtered-out events are dimmed (true) or hidden (false).
    pub dim: bool,
    /// The folded search text of each event: built by the first search, empty until then
    /// (folding every text costs tens of ms at 10,000 events).
    pub haystacks: Shared<Vec<String>>,
    /// Whether each event passes the filter: always `query::matching` of the filter.
    pub matches: Shared<Vec<bool>>,
    pub match_count: usize,
    /// Events per year for the overview chart, following the filter.
    pub histogram: Shared<YearHistogram>,
}

impl Filtering {
    /// No filter: every event passes.
    pub fn everything(data: &Chronology) -> Self {
        let n = data.events.len();
        let all = vec![true; n];
        Self {
            filter: Filter::default(),
            dim: false,
            haystacks: Shared::new(Vec::new()),
            histogram: Shared::new(query::year_histogram(data, &all)),
            matches: Shared::new(all),
            match_count: n,
        }
    }

    /// Whether event `i` passes the filter.
    pub fn passes(&self, i: usize) -> bool {
        self.matches.get(i).copied().unwrap_or(false)
    }

    /// Recomputes the matches, their count and the histogram.
    pub fn refilter(&mut self, data: &Chronology) {
        if !self.filter.text.trim().is_empty() && self.haystacks.len() != data.events.len() {
            self.haystacks = Shared::new(query::search_haystacks(data));
        }
        let matches = query::matching(data, &self.haystacks, &self.filter);
        self.match_count = matches.iter().filter(|m| **m).count();
        self.histogram = Shared::new(query::year_histogram(data, &matches));
        self.matches = Shared::new(matches);
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
            .map(Notice::Message)
            .collect()
    }
}

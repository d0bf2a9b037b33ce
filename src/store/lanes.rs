//! Lanes to compare: the timeline grouped by phase, domain or third party, each group a
//! labelled block that can be collapsed.

use super::{Filtering, Shared};
use crate::core::dataset::Chronology;
use crate::core::grouping::{GroupBy, Grouping};
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lanes {
    pub by: GroupBy,
    /// The groups drawn as their header alone, by key.
    pub collapsed: BTreeSet<String>,
    /// Each event's groups for the filter (None: one block of lanes). Always
    /// `Grouping::new` of the chronology, the choice, the matches and the collapsed groups.
    pub grouping: Shared<Option<Grouping>>,
}

impl Lanes {
    /// The folded lanes of the grouping chosen, by key (for the link: one folded under another
    /// grouping is kept for when it comes back, but not written).
    pub fn folded(&self, data: &Chronology) -> BTreeSet<String> {
        let Some(facet) = self.by.facet() else {
            return BTreeSet::new();
        };
        let options = facet.options(data);
        self.collapsed
            .iter()
            .filter(|key| {
                key.as_str() == crate::core::grouping::NO_VALUE_KEY
                    || options.iter().any(|(id, _)| id == *key)
            })
            .cloned()
            .collect()
    }

    /// Works the groups out again (the filter, the choice or a collapsed group changed).
    pub fn regroup(&mut self, data: &Chronology, filtering: &Filtering) {
        let grouping = Grouping::new(
            data,
            self.by,
            &filtering.matches,
            &filtering.filter,
            &self.collapsed,
        );
        // Ungrouped before and after: the same value, kept so that what follows the grouping
        // (the timeline's accessible layer) does not take a filter change for a new grouping.
        if grouping.is_some() || self.grouping.is_some() {
            self.grouping = Shared::new(grouping);
        }
    }
}

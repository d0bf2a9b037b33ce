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

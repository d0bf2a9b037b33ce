//! Lanes to compare: the timeline grouped by phase, domain or third party, each group a
//! labelled block that can be collapsed.

use super::{Filtering, Shared};
use crate::core::dataset::Chronology;
use crate::core::grouping::{GroupBy, Grouping, NO_VALUE_KEY};
use std::collections::{BTreeMap, BTreeSet};

/// No lane folded.
static NONE_FOLDED: BTreeSet<String> = BTreeSet::new();

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lanes {
    pub by: GroupBy,
    /// The groups drawn as their header alone, by key, for each grouping (by its key): a lane
    /// folded by domain stays folded when one comes back to domains, and "No domain" is not
    /// "No phase".
    folds: BTreeMap<&'static str, BTreeSet<String>>,
    /// Each event's groups for the filter (None: one block of lanes). Always
    /// `Grouping::drawing` of the chronology, the choice, the matches, the collapsed groups and
    /// dimming, with a story's quiet lanes folded.
    pub grouping: Shared<Option<Grouping>>,
    /// In a story, the lanes none of whose events the scene is about are drawn folded, their
    /// header alone (their dimmed events took the screen, the scene's own below it, zoomed in
    /// or on a small screen); here, those of them the reader opened, by key (none again at each
    /// scene). None outside a story.
    pub story_opened: Option<BTreeSet<String>>,
}

impl Lanes {
    /// The folded lanes of the grouping chosen, by key.
    pub fn collapsed(&self) -> &BTreeSet<String> {
        self.folds.get(self.by.key()).unwrap_or(&NONE_FOLDED)
    }

    /// Whether the lane `key` is one of a story's quiet lanes: none of its events is the scene's.
    fn quiet(&self, key: &str) -> bool {
        self.story_opened.is_some()
            && (*self.grouping).as_ref().is_some_and(|g| {
                g.groups
                    .iter()
                    .any(|lane| lane.key == key && lane.only_dimmed())
            })
    }

    /// Folds the lane `key` of the grouping chosen, or opens it again (a story's quiet lane,
    /// for the scene).
    pub fn toggle(&mut self, key: String) {
        if self.quiet(&key) {
            if let Some(opened) = &mut self.story_opened {
                if !opened.remove(&key) {
                    opened.insert(key);
                }
            }
            return;
        }
        let folds = self.folds.entry(self.by.key()).or_default();
        if !folds.remove(&key) {
            folds.insert(key);
        }
    }

    /// Opens every folded lane of the grouping chosen; false where none is folded.
    pub fn unfold_all(&mut self) -> bool {
        self.folds
            .get_mut(self.by.key())
            .is_some_and(|folds| !std::mem::take(folds).is_empty())
    }

    /// Sets the folded lanes of the grouping chosen to those of `keys` that are lanes of it in
    /// `data` (those of the other groupings are kept); returns the keys that are not.
    pub fn set_folded(&mut self, data: &Chronology, keys: &BTreeSet<String>) -> Vec<String> {
        let Some(facet) = self.by.facet() else {
            return keys.iter().cloned().collect();
        };
        let options = facet.options(data);
        let (known, unknown): (BTreeSet<String>, BTreeSet<String>) = keys
            .iter()
            .cloned()
            .partition(|key| key == NO_VALUE_KEY || options.iter().any(|(id, _)| id == key));
        self.folds.insert(self.by.key(), known);
        unknown.into_iter().collect()
    }

    /// Works the groups out again (the filter, dimming, the choice or a collapsed group
    /// changed).
    pub fn regroup(&mut self, data: &Chronology, filtering: &Filtering) {
        let mut grouping = Grouping::drawing(
            data,
            self.by,
            &filtering.matches,
            &filtering.filter,
            self.collapsed(),
            filtering.dim,
        );
        if let (Some(opened), Some(g)) = (&self.story_opened, &mut grouping) {
            for lane in g.groups.iter_mut().filter(|l| l.only_dimmed()) {
                lane.collapsed = !opened.contains(&lane.key);
            }
        }
        // Ungrouped before and after: the same value, kept so that what follows the grouping
        // (the timeline's accessible layer) does not take a filter change for a new grouping.
        if grouping.is_some() || self.grouping.is_some() {
            self.grouping = Shared::new(grouping);
        }
    }
}

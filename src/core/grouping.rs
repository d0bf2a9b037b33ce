//! "Group by": lanes to compare. The timeline can be drawn as one block of lanes per phase,
//! domain or third party, each labelled with its count; an event with several domains or
//! parties appears in each of its groups (and is still one event for selection: the same
//! index). Events with none go to a group named "No domain" (or "No phase", "No third party").
//!
//! The grouping is worked out once per chronology, filter and choice (O(events × values)), so
//! that drawing a frame only looks up the groups of the events in view.

use crate::core::dataset::Chronology;
use crate::core::query::{Facet, Filter};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// What the timeline's lanes are grouped by (in a story's scene: `none`, `phase`, `domain`,
/// `third_party`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// One block of lanes for all events.
    #[default]
    None,
    Phase,
    Domain,
    /// Third parties.
    #[serde(rename = "third_party")]
    Party,
}

impl GroupBy {
    pub const ALL: [GroupBy; 4] = [
        GroupBy::None,
        GroupBy::Phase,
        GroupBy::Domain,
        GroupBy::Party,
    ];

    /// The value in links: `none`, `phase`, `domain`, `party`.
    pub fn key(self) -> &'static str {
        match self {
            GroupBy::None => "none",
            GroupBy::Phase => "phase",
            GroupBy::Domain => "domain",
            GroupBy::Party => "party",
        }
    }

    /// The choice a link's value names.
    pub fn parse(key: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.key() == key)
    }

    /// The choice as a control names it: "None", "Phase", "Domain", "Third party".
    pub fn label(self) -> &'static str {
        match self {
            GroupBy::None => "None",
            GroupBy::Phase => "Phase",
            GroupBy::Domain => "Domain",
            GroupBy::Party => "Third party",
        }
    }

    /// The facet whose values are the groups.
    pub fn facet(self) -> Option<Facet> {
        match self {
            GroupBy::None => None,
            GroupBy::Phase => Some(Facet::Phase),
            GroupBy::Domain => Some(Facet::Domain),
            GroupBy::Party => Some(Facet::ThirdParty),
        }
    }
}

/// The key of the group of events with no value for the facet (ids never contain brackets).
pub const NO_VALUE_KEY: &str = "(none)";

/// One group: a labelled block of lanes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The phase's, domain's or party's id, or [`NO_VALUE_KEY`].
    pub key: String,
    /// Its label, or "No phase" / "No domain" / "No third party".
    pub label: String,
    /// Events passing the filters in the group (all time, not just the window).
    pub count: usize,
    /// Events drawn in it: `count`, and with dimming those left out too.
    pub held: usize,
    /// Drawn as its header alone.
    pub collapsed: bool,
}

impl Group {
    /// Whether it holds only events that do not pass the filters, drawn dimmed (in a story, a
    /// lane none of whose events the scene is about).
    pub fn only_dimmed(&self) -> bool {
        self.count == 0 && self.held > 0
    }

    /// What its heading counts: "10", or with dimmed events beside them "0 of 3".
    pub fn tally(&self) -> String {
        if self.held > self.count {
            format!("{} of {}", self.count, self.held)
        } else {
            self.count.to_string()
        }
    }
}

/// The groups shown and the groups of each event.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Grouping {
    pub by: GroupBy,
    /// The groups shown, in the chronology's order of its phases, domains or parties, the
    /// group of events with none last.
    pub groups: Vec<Group>,
    /// `slots[offsets[i]..offsets[i + 1]]`: positions in `groups` of event `i`'s groups.
    offsets: Vec<u32>,
    slots: Vec<u16>,
}

impl Grouping {
    /// The groups of `data`'s events by `by` (None for [`GroupBy::None`]).
    ///
    /// A group is shown if some event passing the filters (`matches`) is in it; when the filter
    /// restricts the grouping facet, only its selected values are groups (grouping by domain
    /// with Afghanistan and Piracy selected gives those two, though their events have other
    /// domains too). Groups whose key is in `collapsed` are drawn as their header alone.
    pub fn new(
        data: &Chronology,
        by: GroupBy,
        matches: &[bool],
        filter: &Filter,
        collapsed: &BTreeSet<String>,
    ) -> Option<Grouping> {
        Grouping::drawing(data, by, matches, filter, collapsed, false)
    }

    /// As [`Grouping::new`], and with `dim` (the events left out are drawn faint, for context)
    /// every group that holds an event is shown, though none of its events pass the filters:
    /// grouped by the facet the filter restricts, the others' lanes held the dimmed events,
    /// which had none (a domain's lanes with Afghanistan selected and Dim on showed Afghanistan
    /// alone, Dim still ticked).
    pub fn drawing(
        data: &Chronology,
        by: GroupBy,
        matches: &[bool],
        filter: &Filter,
        collapsed: &BTreeSet<String>,
        dim: bool,
    ) -> Option<Grouping> {
        let facet = by.facet()?;
        let options = facet.options(data);
        let none_label = match by {
            GroupBy::Phase => "No phase",
            GroupBy::Domain => "No domain",
            _ => "No third party",
        };
        let selected = if dim {
            &BTreeSet::new()
        } else {
            filter.selected(facet)
        };
        let position: HashMap<&str, usize> = options
            .iter()
            .enumerate()
            .map(|(n, (id, _))| (id.as_str(), n))
            .collect();
        let none = options.len();
        // Positions in `options` (plus `none`) of each event's groups, restricted to the
        // selected values when the facet is filtered.
        let mut all_offsets = Vec::with_capacity(data.events.len() + 1);
        let mut all_slots: Vec<usize> = Vec::with_capacity(data.events.len() * 2);
        let mut counts = vec![0usize; options.len() + 1];
        // Events drawn in each (all of them, dimmed or not, with `dim`).
        let mut held = vec![0usize; options.len() + 1];
        all_offsets.push(0);
        for (i, event) in data.events.iter().enumerate() {
            let begin = all_slots.len();
            for value in facet.values(event).iter().filter(|v| !v.is_empty()) {
                if let Some(&p) = position.get(value.as_str()) {
                    if (selected.is_empty() || selected.contains(value))
                        && !all_slots[begin..].contains(&p)
                    {
                        all_slots.push(p);
                    }
                }
            }
            let known = facet
                .values(event)
                .iter()
                .any(|v| position.contains_key(v.as_str()));
            if !known && selected.is_empty() {
                all_slots.push(none);
            }
            if matches.get(i).copied().unwrap_or(false) {
                for &p in &all_slots[begin..] {
                    counts[p] += 1;
                }
            }
            if dim {
                for &p in &all_slots[begin..] {
                    held[p] += 1;
                }
            }
            all_offsets.push(all_slots.len());
        }
        // The groups shown, and each one's position among them.
        let mut shown = vec![None; options.len() + 1];
        let mut groups = Vec::new();
        for (p, count) in counts.iter().enumerate() {
            if (*count == 0 && held[p] == 0) || groups.len() >= usize::from(u16::MAX) {
                continue;
            }
            let (key, label) = match options.get(p) {
                Some((id, label)) => (id.clone(), label.clone()),
                None => (NO_VALUE_KEY.to_string(), none_label.to_string()),
            };
            shown[p] = Some(groups.len() as u16);
            groups.push(Group {
                collapsed: collapsed.contains(&key),
                key,
                label,
                count: *count,
                held: held[p].max(*count),
            });
        }
        let mut offsets = Vec::with_capacity(all_offsets.len());
        let mut slots = Vec::with_capacity(all_slots.len());
        offsets.push(0);
        for w in all_offsets.windows(2) {
            slots.extend(all_slots[w[0]..w[1]].iter().filter_map(|&p| shown[p]));
            offsets.push(slots.len() as u32);
        }
        Some(Grouping {
            by,
            groups,
            offsets,
            slots,
        })
    }

    /// Whether every lane that holds events passing the filters is folded (and there is one):
    /// then nothing shows, and unfolding is the way to them.
    pub fn every_lane_with_events_folded(&self) -> bool {
        let mut held = self.groups.iter().filter(|lane| lane.count > 0).peekable();
        held.peek().is_some() && held.all(|lane| lane.collapsed)
    }

    /// Positions in [`Grouping::groups`] of the groups event `event` appears in (none for an
    /// event outside every group shown).
    pub fn groups_of(&self, event: usize) -> &[u16] {
        match (
            self.offsets.get(event),
            event.checked_add(1).and_then(|next| self.offsets.get(next)),
        ) {
            (Some(&a), Some(&b)) => &self.slots[a as usize..b as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::embedded;
    use crate::core::query::{matching, search_haystacks};

    fn matches(data: &Chronology, filter: &Filter) -> Vec<bool> {
        matching(data, &search_haystacks(data), filter)
    }

    #[test]
    fn group_by_keys_round_trip() {
        for g in GroupBy::ALL {
            assert_eq!(GroupBy::parse(g.key()), Some(g));
        }
        assert_eq!(GroupBy::parse("year"), None);
        assert_eq!(GroupBy::default(), GroupBy::None);
        assert_eq!(GroupBy::Party.label(), "Third party");
    }

    #[test]
    fn no_grouping_is_none() {
        let data = embedded().unwrap();
        let all = vec![true; data.events.len()];
        let none = Grouping::new(
            &data,
            GroupBy::None,
            &all,
            &Filter::default(),
            &BTreeSet::new(),
        );
        assert!(none.is_none());
    }

    #[test]
    fn by_domain_every_event_is_in_each_of_its_domains_or_in_no_domain() {
        let data = embedded().unwrap();
        let all = vec![true; data.events.len()];
        let g = Grouping::new(
            &data,
            GroupBy::Domain,
            &all,
            &Filter::default(),
            &BTreeSet::new(),
        )
        .unwrap();
        let labels: Vec<&str> = g.groups.iter().map(|g| g.label.as_str()).collect();
        let mut expected: Vec<&str> = data.domains.iter().map(|d| d.label.as_str()).collect();
        expected.push("No domain");
        assert_eq!(labels, expected);
        for (i, e) in data.events.iter().enumerate() {
            let keys: Vec<&str> = g
                .groups_of(i)
                .iter()
                .map(|&p| g.groups[usize::from(p)].key.as_str())
                .collect();
            if e.domains.is_empty() {
                assert_eq!(keys, [NO_VALUE_KEY]);
            } else {
                assert_eq!(
                    keys,
                    e.domains.iter().map(String::as_str).collect::<Vec<_>>()
                );
            }
        }
        let total: usize = g.groups.iter().map(|g| g.count).sum();
        let memberships: usize = data.events.iter().map(|e| e.domains.len().max(1)).sum();
        assert_eq!(total, memberships);
    }

    #[test]
    fn with_dimming_the_events_left_out_have_the_lanes_of_their_own_values() {
        let data = embedded().unwrap();
        let mut filter = Filter::default();
        filter.domains.insert("afghanistan".into());
        let m = matches(&data, &filter);
        let none = BTreeSet::new();
        let plain = Grouping::drawing(&data, GroupBy::Domain, &m, &filter, &none, false).unwrap();
        let dimmed = Grouping::drawing(&data, GroupBy::Domain, &m, &filter, &none, true).unwrap();
        assert_eq!(
            plain.groups.len(),
            1,
            "without dimming, the filter's one domain"
        );
        // With it, every domain an event has, and the events of none.
        let mut held: Vec<&str> = data
            .domains
            .iter()
            .map(|d| d.id.as_str())
            .filter(|id| {
                data.events
                    .iter()
                    .any(|e| e.domains.iter().any(|d| d == id))
            })
            .collect();
        if data.events.iter().any(|e| e.domains.is_empty()) {
            held.push(NO_VALUE_KEY);
        }
        let keys: Vec<&str> = dimmed.groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, held);
        // A piracy event that is not Afghanistan's is in the Piracy lane (dimmed), which counts
        // only the events that pass the filters.
        let piracy = dimmed
            .groups
            .iter()
            .position(|g| g.key == "piracy")
            .unwrap();
        let only_piracy = data
            .events
            .iter()
            .position(|e| {
                e.domains.iter().any(|d| d == "piracy")
                    && !e.domains.iter().any(|d| d == "afghanistan")
            })
            .unwrap();
        assert!(dimmed.groups_of(only_piracy).contains(&(piracy as u16)));
        assert!(plain.groups_of(only_piracy).is_empty());
        let both = data
            .events
            .iter()
            .filter(|e| {
                e.domains.iter().any(|d| d == "piracy")
                    && e.domains.iter().any(|d| d == "afghanistan")
            })
            .count();
        assert_eq!(dimmed.groups[piracy].count, both);
        // Its heading counts both: those that pass, of those drawn.
        let all_piracy = data
            .events
            .iter()
            .filter(|e| e.domains.iter().any(|d| d == "piracy"))
            .count();
        assert_eq!(dimmed.groups[piracy].held, all_piracy);
        assert_eq!(
            dimmed.groups[piracy].tally(),
            format!("{both} of {all_piracy}")
        );
        assert_eq!(plain.groups[0].tally(), plain.groups[0].count.to_string());
    }

    #[test]
    fn a_filtered_facet_gives_only_its_selected_groups_and_collapsed_ones_say_so() {
        let data = embedded().unwrap();
        let mut filter = Filter::default();
        filter.domains.insert("piracy".into());
        filter.domains.insert("afghanistan".into());
        let m = matches(&data, &filter);
        let collapsed: BTreeSet<String> = ["piracy".to_string()].into();
        let g = Grouping::new(&data, GroupBy::Domain, &m, &filter, &collapsed).unwrap();
        let labels: Vec<(&str, bool)> = g
            .groups
            .iter()
            .map(|g| (g.label.as_str(), g.collapsed))
            .collect();
        assert_eq!(labels, [("Afghanistan", false), ("Piracy", true)]);
        let count = |id: &str| {
            data.events
                .iter()
                .filter(|e| e.domains.iter().any(|d| d == id))
                .count()
        };
        assert_eq!(g.groups[0].count, count("afghanistan"));
        assert_eq!(g.groups[1].count, count("piracy"));
        // An event of both is in both; one of neither (filtered out) is in none.
        let both = data.events.iter().position(|e| {
            e.domains.contains(&"piracy".into()) && e.domains.contains(&"afghanistan".into())
        });
        if let Some(both) = both {
            assert_eq!(g.groups_of(both), [0, 1]);
        }
        let neither = data
            .events
            .iter()
            .position(|e| e.domains.is_empty())
            .unwrap();
        assert!(g.groups_of(neither).is_empty());
        assert!(g.groups_of(usize::MAX).is_empty());
    }

    #[test]
    fn groups_with_no_matching_events_are_left_out() {
        let data = embedded().unwrap();
        let mut filter = Filter::default();
        filter.phases.insert("second-abe".into());
        let m = matches(&data, &filter);
        let g = Grouping::new(&data, GroupBy::Party, &m, &filter, &BTreeSet::new()).unwrap();
        assert!(g.groups.iter().all(|g| g.count > 0));
        let by_phase = Grouping::new(&data, GroupBy::Phase, &m, &filter, &BTreeSet::new()).unwrap();
        assert_eq!(by_phase.groups.len(), 1);
        assert_eq!(by_phase.groups[0].key, "second-abe");
    }
}

//! The schema of a chronology file (`assets/data/japan-nato.json` and imported files).
//!
//! `assets/data/chronology.schema.json` is generated from these types; a native test fails when
//! the committed schema is out of date (`UPDATE_SCHEMA=1 cargo test --test dataset` rewrites it).

use super::story::Story;
use crate::core::date::PartialDate;
use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// A whole chronology: its source, its facets, its footnotes, its events and its stories.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Chronology {
    /// The chronology's title, shown in the page header.
    pub title: String,
    /// The bibliographic record of the document the chronology is drawn from.
    pub source: Source,
    /// The periods the source draws, in time order.
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// Subject areas (a facet).
    #[serde(default)]
    pub domains: Vec<Domain>,
    /// Outside actors that shaped the story (a facet).
    #[serde(default)]
    pub third_parties: Vec<ThirdParty>,
    /// The source's footnotes, numbered from 1.
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// The dated events and dated states of affairs.
    pub events: Vec<Event>,
    /// Guided tours through the events, scene by scene.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<Story>,
}

/// The source document's bibliographic record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    pub author: String,
    /// The author's affiliations as the document gives them.
    #[serde(default)]
    pub affiliations: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A period of the story, as the source draws it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    pub label: String,
    pub start: PartialDate,
    pub end: PartialDate,
    pub summary: String,
    /// A verbatim phrase of the source that draws this period.
    pub evidence: String,
}

/// A subject area, e.g. Afghanistan, piracy, cyber.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
}

/// An outside actor, e.g. the United States, China.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ThirdParty {
    pub id: String,
    pub label: String,
}

/// One of the source's footnotes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub number: u32,
    /// The citation as the source gives it, as plain text.
    pub citation: String,
    /// The first URL the footnote gives, or null where it gives none.
    pub url: Option<String>,
    /// Further URLs the footnote gives, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_urls: Vec<String>,
}

impl Footnote {
    /// Every URL of the footnote, in order.
    pub fn urls(&self) -> impl Iterator<Item = &str> {
        self.url
            .iter()
            .map(String::as_str)
            .chain(self.other_urls.iter().map(String::as_str))
    }
}

/// A dated event, or a dated state of affairs (a span with an end).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    /// When it happened or began, exactly as precise as the source.
    pub start: PartialDate,
    /// When a span ended (inclusive, at its own precision).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    pub title: String,
    pub summary: String,
    /// The id of the phase it belongs to.
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub third_parties: Vec<String>,
    /// Named people and organisations involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    /// Numbers of the source's footnotes that support it.
    #[serde(default)]
    pub footnotes: Vec<u32>,
    /// The shortest verbatim phrase of the source that states the date and the event.
    #[serde(default)]
    pub evidence: String,
    /// Where the source contradicts itself or is imprecise, what it says elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Event {
    /// The first day the event covers (days from 1970-01-01).
    pub fn first_day(&self) -> i64 {
        self.start.first_day()
    }

    /// The day after the last day the event covers.
    pub fn end_day(&self) -> i64 {
        self.end.unwrap_or(self.start).end_day()
    }

    /// Whether it is drawn as a span rather than a point.
    pub fn is_span(&self) -> bool {
        self.end.is_some()
    }

    /// Its date for readers, at its precision: "6 May 2014", "2001 – 2010".
    pub fn date_label(&self) -> String {
        match self.end {
            Some(end) => format!("{} – {}", self.start.format_human(), end.format_human()),
            None => self.start.format_human(),
        }
    }
}

impl Chronology {
    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    pub fn third_party(&self, id: &str) -> Option<&ThirdParty> {
        self.third_parties.iter().find(|t| t.id == id)
    }

    pub fn footnote(&self, number: u32) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.number == number)
    }

    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id)
    }

    /// The events in chronological order (start, then end, then id), as the views show them.
    pub fn sort_events(&mut self) {
        // Each key is worked out once (an end day is a calendar computation), and a chronology
        // that is already in order (the usual case) is only checked.
        // Ties are broken by id, compared in place rather than copied into every key.
        let keys: Vec<_> = self.events.iter().map(|e| (e.start, e.end_day())).collect();
        let before = |a: usize, b: usize| {
            keys[a]
                .cmp(&keys[b])
                .then_with(|| self.events[a].id.cmp(&self.events[b].id))
        };
        if (1..keys.len()).all(|i| before(i - 1, i).is_le()) {
            return;
        }
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_unstable_by(|&a, &b| before(a, b));
        // Put each event in its place by following the permutation's cycles with swaps: no
        // second copy of the events (which would double the peak memory at scale).
        for start in 0..order.len() {
            let mut at = start;
            while order[at] != usize::MAX {
                let from = std::mem::replace(&mut order[at], usize::MAX);
                if from == start {
                    break;
                }
                self.events.swap(at, from);
                at = from;
            }
        }
    }
}

//! The schema of a chronology file (`assets/data/japan-nato.json` and imported files).
//!
//! `assets/data/chronology.schema.json` is generated from these types; a native test fails when
//! the committed schema is out of date (`UPDATE_SCHEMA=1 cargo test --test dataset` rewrites it).

use super::story::Story;
use crate::core::date::PartialDate;
use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

mod event;
mod reference;

pub use event::{split_interval, Event, OpenSide};
pub use reference::{Person, Reference, ReferenceType};

/// A whole chronology: its source, its facets, its footnotes, its events and its stories.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Chronology {
    /// The chronology's title, shown in the page header.
    pub title: String,
    /// The view of the explorer the file was exported with, as the query string of its link
    /// (`?domain=piracy&q=gulf&from=2008&to=2011`); an import opens that view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<String>,
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
    /// The works the footnotes cite, for reference managers (BibTeX, RIS, CSL-JSON).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Reference>,
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
    /// The ids of the works it cites (in `sources`), in the order it cites them; empty for a
    /// footnote that only comments.
    #[serde(default)]
    pub sources: Vec<String>,
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

    /// The links a footnote leads to, as the details show them: its own, in order; for a
    /// note that gives none ("Stokes.", "Bridges, p. 236."), those of the works it cites,
    /// each with the work's title. Only http(s) links.
    pub fn footnote_links<'a>(&'a self, f: &'a Footnote) -> Vec<(&'a str, Option<&'a str>)> {
        let own: Vec<(&str, Option<&str>)> = f
            .urls()
            .filter(|u| super::validate::is_web_url(u))
            .map(|u| (u, None))
            .collect();
        if !own.is_empty() {
            return own;
        }
        f.sources
            .iter()
            .filter_map(|id| self.reference(id))
            .filter_map(|r| Some((r.url.as_deref()?, Some(r.title.as_str()))))
            .filter(|(u, _)| super::validate::is_web_url(u))
            .collect()
    }

    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id)
    }

    /// The events in chronological order (start, then end), as the views show them. Events with
    /// the same dates keep the order they have: a file's order, which its author chose ("Event
    /// 2" before "Event 10" on the same day), not their ids' order as text.
    pub fn sort_events(&mut self) {
        // Each key is worked out once (an end day is a calendar computation), and a chronology
        // that is already in order (the usual case) is only checked.
        let keys: Vec<_> = self.events.iter().map(|e| (e.start, e.end_day())).collect();
        if keys.windows(2).all(|pair| pair[0] <= pair[1]) {
            return;
        }
        // Stable: ties stay in their places' order.
        let order = crate::core::sort::order_by(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        // Put each event in its place with swaps: no second copy of the events (which would
        // double the peak memory at scale).
        crate::core::sort::permute(&mut self.events, order);
    }
}

//! The schema of a chronology's stories: guided tours through the timeline, scene by scene.
//!
//! A story is data, kept in the chronology file beside the events. Each scene is a view of the
//! timeline (a window, optional filters and grouping, the events it is about) with a text in the
//! chronology's own words and, where there is a source, quotations copied verbatim from it.

use crate::core::date::PartialDate;
use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// A guided tour: scenes shown one after the other.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// Unique among the chronology's stories; what a link names (`?story=…`).
    pub id: String,
    pub title: String,
    /// What the story tells, in a sentence or two.
    #[serde(default)]
    pub summary: String,
    /// In the order they are shown.
    pub scenes: Vec<StoryScene>,
}

/// One step of a story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StoryScene {
    /// Unique within its story; what a link names (`?scene=…`).
    pub id: String,
    pub title: String,
    /// What the scene shows, in the chronology's own words (quotations go in `quotes`).
    #[serde(default)]
    pub text: String,
    /// Sentences of the source, copied verbatim, with the footnotes it attaches to them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// How the timeline shows the scene.
    pub view: SceneView,
    /// Moments marked on the time axis while the scene is shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Annotation>,
}

/// A verbatim quotation of the source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Exactly as the source writes it (footnote markers left out).
    pub text: String,
    /// The numbers of the footnotes the source attaches to the quoted sentence.
    #[serde(default)]
    pub footnotes: Vec<u32>,
}

/// The timeline's view for a scene.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SceneView {
    /// The visible window.
    pub window: SceneWindow,
    /// Facet filters (phase, domain and third-party ids) applied while the scene is shown.
    #[serde(default, skip_serializing_if = "SceneFilters::is_empty")]
    pub filters: SceneFilters,
    /// How the timeline's lanes are grouped; the reader's own choice when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_by: Option<GroupBy>,
    /// The ids of the events the scene is about: drawn highlighted, the others dimmed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlight: Vec<String>,
}

/// A window of time from the start of `from` to the end of `to`, each at its own precision.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SceneWindow {
    pub from: PartialDate,
    pub to: PartialDate,
}

impl SceneWindow {
    /// The window in days from 1970-01-01: `[first day of from, day after the last of to)`.
    pub fn days(&self) -> (f64, f64) {
        (self.from.first_day() as f64, self.to.end_day() as f64)
    }

    /// Whether the window ends after it begins (the rule for events' ends: `to` may not end
    /// before `from` does).
    pub fn is_well_formed(&self) -> bool {
        self.to.end_day() > self.from.first_day() && self.to.end_day() >= self.from.end_day()
    }

    /// Whether a date range `[first, end)` (days) shares at least one day with the window.
    pub fn overlaps(&self, first_day: i64, end_day: i64) -> bool {
        first_day < self.to.end_day() && self.from.first_day() < end_day
    }
}

/// Facet filters of a scene, by id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SceneFilters {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub third_parties: Vec<String>,
}

impl SceneFilters {
    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.phases.is_empty() && self.domains.is_empty() && self.third_parties.is_empty()
    }
}

pub use crate::core::grouping::GroupBy;

/// A moment marked on the time axis while a scene is shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// When, at its own precision ("2007" marks the year).
    pub date: PartialDate,
    /// What the marker says: "Take-off of practical cooperation, 2007".
    pub label: String,
}

impl Annotation {
    /// Where its marker goes, in days from 1970-01-01: the middle of its date, where a point
    /// event of the same date is drawn.
    pub fn day(&self) -> f64 {
        self.date.mid_day()
    }
}

impl Story {
    /// The position of the scene with this id.
    pub fn scene_index(&self, id: &str) -> Option<usize> {
        self.scenes.iter().position(|s| s.id == id)
    }
}

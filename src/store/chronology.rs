//! The chronology shown, with what is built from it once (the layout index, the limits of the
//! window) and where it comes from.

use super::filtering::Indexes;
use super::Shared;
use crate::core::dataset::{self, Chronology};
use crate::core::import::Format;
use crate::core::layout::{DomainLookup, Extent, TimelineIndex};
use crate::core::query::{FacetIndex, HistogramIndex};
use crate::core::synthetic;
use crate::core::text::LabelMeasure;
use crate::core::viewport::{Limits, Viewport};

/// Up to this many events, label widths are measured exactly, and long titles also in two lines
/// (see [`Wrap`](crate::core::layout::Wrap)); beyond, a conservative estimate keeps the first
/// render quick (measuring costs ~3 µs a title; labels may then end early, and stay on one line:
/// breaking every title added ~0.3 µs a title natively, +50 % to this step at 1,000,000 events).
pub const MEASURED_LABELS: usize = 5_000;

/// The seed of `?synthetic=N` chronologies (shared with the benchmark's data files).
pub const SYNTHETIC_SEED: u64 = synthetic::APP_SEED;

/// Where the chronology shown comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// The Japan–NATO chronology built into the app.
    Builtin,
    /// A synthetic chronology of this many events (`?synthetic=N`).
    Synthetic(usize),
    /// A file the user imported (kept in the browser for the next visit).
    File { name: String, format: Format },
    /// A file of the same site named by the link (`?data=URL`).
    Url(String),
}

impl Origin {
    /// "Imported from x.csv (TimelineJS CSV)", "Loaded from data/x.json"; None for the built-in
    /// and synthetic chronologies.
    pub fn describe(&self) -> Option<String> {
        match self {
            Origin::File { name, format } => {
                Some(format!("Imported from {name} ({})", format.label()))
            }
            Origin::Url(url) => Some(format!("Loaded from {url}")),
            _ => None,
        }
    }
}

/// A chronology ready to be shown: events in time order, and the layout index built from their
/// label widths (measured by the adapter that prepares it).
#[derive(Clone, Debug)]
pub struct Prepared {
    pub data: Chronology,
    pub index: TimelineIndex,
    /// The filter's indexes (built here, step by step for a big chronology, rather than by the
    /// store as it takes the chronology).
    pub filter_indexes: Indexes,
    /// Why the chronology meant to be shown could not be (the built-in one unreadable).
    pub error: Option<String>,
}

impl Prepared {
    /// Sorts the events and indexes them with label widths from `measure` (an estimate beyond
    /// [`MEASURED_LABELS`] events), all at once (see [`Preparing`] for a step at a time).
    pub fn new(data: Chronology, measure: &dyn LabelMeasure) -> Self {
        let mut preparing = Box::new(Preparing::new(data));
        loop {
            match preparing.step(measure) {
                Ok(prepared) => return *prepared,
                Err(next) => preparing = next,
            }
        }
    }

    /// The built-in chronology, or an empty one with the reason when it cannot be read.
    pub fn builtin(measure: &dyn LabelMeasure) -> Self {
        match dataset::embedded() {
            Ok(data) => Self::new(data, measure),
            Err(e) => {
                let mut p = Self::new(dataset::empty_chronology(), measure);
                p.error = Some(format!("The built-in chronology could not be read ({e})."));
                p
            }
        }
    }

    /// A synthetic chronology of `n` events (deterministic).
    pub fn synthetic(n: usize, measure: &dyn LabelMeasure) -> Self {
        Self::new(synthetic::generate(n, SYNTHETIC_SEED), measure)
    }
}

/// Events measured in one step of [`Preparing`] (a few tens of ms in the browser).
pub const MEASURE_STEP: usize = 100_000;

/// A chronology being prepared a step at a time, so that a big one is handed over in short
/// tasks (at 1,000,000 events the whole took ~400 ms): its events put in time order (only
/// checked when they are, as an import worker sends them); what the layout needs of each,
/// [`MEASURE_STEP`] events a step; the layout index; the facets' index; the overview's index.
pub struct Preparing {
    data: Chronology,
    extents: Vec<Extent>,
    stage: Stage,
}

/// What [`Preparing::step`] does next.
enum Stage {
    Sort,
    Measure,
    Index,
    Facets(TimelineIndex),
    Overview(TimelineIndex, FacetIndex),
}

impl Preparing {
    pub fn new(data: Chronology) -> Self {
        Self {
            data,
            extents: Vec::new(),
            stage: Stage::Sort,
        }
    }

    /// Does the next step: the prepared chronology after the last, else what is left to do.
    pub fn step(
        mut self: Box<Self>,
        measure: &dyn LabelMeasure,
    ) -> Result<Box<Prepared>, Box<Self>> {
        let len = self.data.events.len();
        self.stage = match std::mem::replace(&mut self.stage, Stage::Sort) {
            Stage::Sort => {
                self.data.sort_events();
                self.extents.reserve_exact(len);
                Stage::Measure
            }
            Stage::Measure => {
                let exact = len <= MEASURED_LABELS;
                let domains = DomainLookup::new(&self.data);
                let from = self.extents.len();
                for i in from..len.min(from + MEASURE_STEP) {
                    self.extents.push(if exact {
                        Extent::with(&domains, &self.data, i, measure)
                    } else {
                        Extent::estimated(&domains, &self.data, i)
                    });
                }
                if self.extents.len() < len {
                    Stage::Measure
                } else {
                    Stage::Index
                }
            }
            Stage::Index => Stage::Facets(TimelineIndex::new(std::mem::take(&mut self.extents))),
            Stage::Facets(index) => Stage::Overview(index, FacetIndex::new(&self.data)),
            Stage::Overview(index, facets) => {
                let histogram = HistogramIndex::new(&self.data);
                return Ok(Box::new(Prepared {
                    data: self.data,
                    index,
                    filter_indexes: Indexes { facets, histogram },
                    error: None,
                }));
            }
        };
        Err(self)
    }
}

/// The chronology shown and what is built from it once.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub origin: Origin,
    /// Events in time order; event indices everywhere refer to this order.
    pub data: Shared<Chronology>,
    pub index: Shared<TimelineIndex>,
    /// How far the window may zoom and wander.
    pub limits: Limits,
    /// The window that shows everything (what "Fit all" goes to).
    pub fitted: Viewport,
}

impl Shown {
    pub fn new(data: Chronology, index: TimelineIndex, origin: Origin) -> Self {
        let (limits, fitted) = Viewport::default_for(&index);
        Self {
            origin,
            data: Shared::new(data),
            index: Shared::new(index),
            limits,
            fitted,
        }
    }

    /// The index of the event with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.data.events.iter().position(|e| e.id == id)
    }

    pub fn is_builtin(&self) -> bool {
        self.origin == Origin::Builtin
    }
}

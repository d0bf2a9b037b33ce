//! Events: dated events and states of affairs, as read from and written to a file.

use crate::core::date::PartialDate;
use crate::core::edtf::{interval_human, Bound, Edtf};
use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// A side of an interval that a file leaves open (EDTF `..`: it goes on beyond what is stated)
/// or unknown (an empty side: it has an end, but it is not known).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OpenSide {
    /// `../2003`: it had gone on before `start`.
    OpenStart,
    /// `/2003`: it began at some unknown time before `start`.
    UnknownStart,
    /// `2016/..`: it goes on after `start`.
    OpenEnd,
    /// `2016/`: it ended at some unknown time after `start`.
    UnknownEnd,
}

/// A dated event, or a dated state of affairs (a span with an end). In a file, `start` may hold
/// an EDTF interval (see [`OpenSide`]); read, it is split into `start`, `end` and `open`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "EventRecord", into = "EventRecord")]
pub struct Event {
    pub id: String,
    /// When it happened or began, exactly as precise as the source. With an open or unknown
    /// start ([`OpenSide::OpenStart`], [`OpenSide::UnknownStart`]), the date it is known to
    /// have ended by.
    pub start: PartialDate,
    /// When a span ended (inclusive, at its own precision).
    pub end: Option<PartialDate>,
    /// A side the file leaves open or unknown (then `end` is `None`).
    pub open: Option<OpenSide>,
    pub title: String,
    pub summary: String,
    /// The id of the phase it belongs to.
    pub phase: String,
    pub domains: Vec<String>,
    pub third_parties: Vec<String>,
    /// Named people and organisations involved.
    pub actors: Vec<String>,
    /// Numbers of the source's footnotes that support it.
    pub footnotes: Vec<u32>,
    /// The shortest verbatim phrase of the source that states the date and the event.
    pub evidence: String,
    /// Where the source contradicts itself or is imprecise, what it says elsewhere.
    pub note: Option<String>,
}

/// An event's `start`, `end` and `open` from a date or an interval and an end date: an
/// interval with a separate end is refused, and so is an interval without a date.
pub fn split_interval(
    start: Edtf,
    end: Option<PartialDate>,
) -> Result<(PartialDate, Option<PartialDate>, Option<OpenSide>), String> {
    let side = |bound: Bound, open: OpenSide, unknown: OpenSide| {
        Some(if bound == Bound::Open { open } else { unknown })
    };
    Ok(match (start, end) {
        (Edtf::Date(start), end) => (start, end, None),
        (Edtf::Interval(..), Some(_)) => {
            return Err(format!(
                "the start '{}' is an interval, so there can be no separate end",
                start.to_edtf()
            ))
        }
        (Edtf::Interval(Bound::Date(a), Bound::Date(b)), None) => (a, Some(b), None),
        (Edtf::Interval(Bound::Date(a), b), None) => {
            (a, None, side(b, OpenSide::OpenEnd, OpenSide::UnknownEnd))
        }
        (Edtf::Interval(a, Bound::Date(b)), None) => (
            b,
            None,
            side(a, OpenSide::OpenStart, OpenSide::UnknownStart),
        ),
        (Edtf::Interval(..), None) => {
            return Err(format!("the interval '{}' has no date", start.to_edtf()))
        }
    })
}

#[cfg(not(target_arch = "wasm32"))]
impl JsonSchema for Event {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Event".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        EventRecord::json_schema(generator)
    }
}

impl TryFrom<EventRecord> for Event {
    type Error = String;

    fn try_from(r: EventRecord) -> Result<Self, String> {
        let (start, end, open) = split_interval(r.start, r.end)?;
        Ok(Event {
            id: r.id,
            start,
            end,
            open,
            title: r.title,
            summary: r.summary,
            phase: r.phase,
            domains: r.domains,
            third_parties: r.third_parties,
            actors: r.actors,
            footnotes: r.footnotes,
            evidence: r.evidence,
            note: r.note,
        })
    }
}

impl From<Event> for EventRecord {
    fn from(e: Event) -> Self {
        let (start, end) = match e.open {
            None => (Edtf::Date(e.start), e.end),
            Some(_) => (e.interval(), None),
        };
        EventRecord {
            id: e.id,
            start,
            end,
            title: e.title,
            summary: e.summary,
            phase: e.phase,
            domains: e.domains,
            third_parties: e.third_parties,
            actors: e.actors,
            footnotes: e.footnotes,
            evidence: e.evidence,
            note: e.note,
        }
    }
}

/// An event as the file writes it: its `start` may be an EDTF interval (a span).
#[derive(Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
struct EventRecord {
    id: String,
    /// When it happened or began, exactly as precise as the source (an EDTF date: `2004`,
    /// `2005~`, `199X`). An EDTF interval here, with no `end`, makes a span: `1990/2003`, or
    /// with an open or unknown side `2016/..`, `../2003`, `2016/`, `/2003`.
    start: Edtf,
    /// When a span ended (inclusive, at its own precision).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<PartialDate>,
    title: String,
    summary: String,
    /// The id of the phase it belongs to.
    #[serde(default)]
    phase: String,
    #[serde(default)]
    domains: Vec<String>,
    #[serde(default)]
    third_parties: Vec<String>,
    /// Named people and organisations involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    actors: Vec<String>,
    /// Numbers of the source's footnotes that support it.
    #[serde(default)]
    footnotes: Vec<u32>,
    /// The shortest verbatim phrase of the source that states the date and the event.
    #[serde(default)]
    evidence: String,
    /// Where the source contradicts itself or is imprecise, what it says elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
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

    /// Whether it is drawn as a span rather than a point (it has an end, or an open or unknown
    /// side).
    pub fn is_span(&self) -> bool {
        self.end.is_some() || self.open.is_some()
    }

    /// Stated as it is: its dates have no qualifier or unspecified digit, and no side is open
    /// or unknown. The timeline draws the others faded over their possible range.
    pub fn is_exact(&self) -> bool {
        self.start.is_exact() && self.end.is_none_or(|e| e.is_exact()) && self.open.is_none()
    }

    /// The days `[first, end)` it is stated to cover, before approximate dates widen:
    /// [`first_day`](Self::first_day)..[`end_day`](Self::end_day) is the possible range around
    /// it. The timeline draws the stated range as usual and the rest (or the whole, for a date
    /// that is not exact) faded.
    pub fn stated_days(&self) -> (i64, i64) {
        let first = self.start.stated_days().0;
        let end = self.end.unwrap_or(self.start).stated_days().1;
        (first, end.max(first + 1))
    }

    /// Its date as EDTF: a date (`2005~`) or, for a span, an interval (`1990/2001~`, `2016/..`).
    pub fn interval(&self) -> Edtf {
        let date = Bound::Date(self.start);
        match (self.open, self.end) {
            (Some(OpenSide::OpenStart), _) => Edtf::Interval(Bound::Open, date),
            (Some(OpenSide::UnknownStart), _) => Edtf::Interval(Bound::Unknown, date),
            (Some(OpenSide::OpenEnd), _) => Edtf::Interval(date, Bound::Open),
            (Some(OpenSide::UnknownEnd), _) => Edtf::Interval(date, Bound::Unknown),
            (None, Some(end)) => Edtf::Interval(date, Bound::Date(end)),
            (None, None) => Edtf::Date(self.start),
        }
    }

    /// Its date for readers, at its precision: "6 May 2014", "2001 – 2010", "circa 2005",
    /// "the 1990s", "2016 onwards".
    pub fn date_label(&self) -> String {
        match self.interval() {
            Edtf::Date(d) => d.format_human(),
            Edtf::Interval(a, b) => interval_human(a, b),
        }
    }
}

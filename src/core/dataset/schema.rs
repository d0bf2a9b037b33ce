//! The schema of a chronology file (`assets/data/japan-nato.json` and imported files).
//!
//! `assets/data/chronology.schema.json` is generated from these types; a native test fails when
//! the committed schema is out of date (`UPDATE_SCHEMA=1 cargo test --test dataset` rewrites it).

use super::story::Story;
use crate::core::date::PartialDate;
use crate::core::edtf::{interval_human, Bound, Edtf};
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
    /// The view of the explorer the file was exported with, as the query string of its link
    /// (`?domain=piracy&q=gulf&from=2008-01-01&to=2012-01-01`); an import opens that view.
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

/// A work the footnotes cite, with the fields a reference manager needs. Types and field names
/// follow CSL (the model behind Zotero and CSL-JSON); the exports map them to BibTeX and RIS.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// A short id, also the BibTeX key: letters, digits and '-'.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: ReferenceType,
    /// The persons who wrote (or spoke) it, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Person>,
    /// An institution as its author, where the footnote names no person
    /// ("North Atlantic Treaty Organization").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editors: Vec<Person>,
    pub title: String,
    /// The journal, newspaper, website or book it appears in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    /// The series it belongs to ("Riga Papers", "NDC Research Paper").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection: Option<String>,
    /// Its number in the series, or a report's number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// The pages of the whole work where a footnote gives them; the pages a footnote points to
    /// stay in its citation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// What kind of speech, statement or document it is ("Press briefing", "Author interview").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// The meeting or occasion it was given at ("Japan National Press Club").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// The publisher or issuing institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The place of publication or of the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// When it was issued, at the precision the footnote gives (an EDTF date or interval:
    /// `2005-24` is Winter 2005, `2000-01/2000-02` January/February 2000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Edtf>,
    /// Its http(s) address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the brief's author accessed `url`, where a footnote says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<PartialDate>,
    /// Anything a reader should know about the record itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A person's name as reference managers keep it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub family: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub given: String,
}

impl Person {
    /// "Henry Scott Stokes".
    pub fn display_name(&self) -> String {
        if self.given.is_empty() {
            self.family.clone()
        } else {
            format!("{} {}", self.given, self.family)
        }
    }
}

/// The kind of a work, by its CSL name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceType {
    /// An article in a scholarly journal or review.
    ArticleJournal,
    ArticleMagazine,
    ArticleNewspaper,
    Book,
    /// A chapter or section of a book.
    Chapter,
    /// A paper in conference proceedings.
    PaperConference,
    /// A report or research paper of an institution.
    Report,
    /// A speech, address, press conference or briefing.
    Speech,
    /// An interview (the brief's author's own interviews are unpublished).
    Interview,
    /// A web page: a news item or a page of a site.
    Webpage,
    /// An official document: a declaration, statement, communiqué, strategy or fact sheet.
    Document,
    /// A law.
    Legislation,
    /// An agreement between governments or organisations.
    Treaty,
}

impl ReferenceType {
    /// The CSL type.
    pub fn csl(self) -> &'static str {
        match self {
            ReferenceType::ArticleJournal => "article-journal",
            ReferenceType::ArticleMagazine => "article-magazine",
            ReferenceType::ArticleNewspaper => "article-newspaper",
            ReferenceType::Book => "book",
            ReferenceType::Chapter => "chapter",
            ReferenceType::PaperConference => "paper-conference",
            ReferenceType::Report => "report",
            ReferenceType::Speech => "speech",
            ReferenceType::Interview => "interview",
            ReferenceType::Webpage => "webpage",
            ReferenceType::Document => "document",
            ReferenceType::Legislation => "legislation",
            ReferenceType::Treaty => "treaty",
        }
    }
}

impl Chronology {
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.sources.iter().find(|r| r.id == id)
    }
}

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

//! Citations of the works behind the events shown: BibTeX (biblatex dialect), RIS and
//! CSL-JSON for reference managers, a Chicago bibliography, *Copy citation* for one event in the
//! brief's own style (Chicago notes) and *Cite this view*.
//!
//! Pure: the page passes the events it shows (after filters, search or a story scene), the link
//! and the day; the text comes back.

use crate::core::dataset::{Chronology, Event, Reference};
use crate::core::edtf::Edtf;
use crate::core::sort;

mod bibtex;
mod chicago;
mod csl;
mod ris;

pub use bibtex::to_bibtex;
pub use chicago::{
    bibliography, brief_note, chicago_date, chicago_note, cite_view, copy_citation,
    short_form_in_full, short_form_in_full_after,
};
pub use csl::to_csl_json;
pub use ris::{ris_type, to_ris};

/// A note for a date that RIS and CSL-JSON cannot mark as uncertain, approximate or partly
/// unknown (`2005?`, `2005~`, `199X`, `2004-XX`): their numbers give a year all the same (the
/// first it may be, for `199X`), and RIS's DA words are dropped by many readers (CSL's `raw`,
/// which Zotero reads before the numbers, would give it "199X", no year at all); a note is kept
/// by all; so is a range with an open or unknown end ("2016 onwards") or of seasons, which the
/// numbers give as years alone. `None` for a date the numbers say in full (a day, a month, a
/// season, a closed range).
fn date_note(value: &Edtf) -> Option<String> {
    let dated = value.start().or_else(|| value.end())?;
    let bounds = || [value.start(), value.end()].into_iter().flatten();
    // A range with an open or unknown side, or of seasons: the numbers give years alone.
    let range = matches!(value, Edtf::Interval(..));
    let open = range && (value.start().is_none() || value.end().is_none());
    let seasons = range && bounds().any(|d| d.season_of_year().is_some());
    if !open && !seasons && bounds().all(|d| d.is_exact()) {
        return None;
    }
    let earliest = if dated.unspecified().year_digits() > 0 {
        " (the year given is the earliest it may be)"
    } else {
        ""
    };
    Some(format!("Date: {}{earliest}.", value.format_human()))
}

/// The name of the explorer, as *Cite this view* gives it.
pub const EXPLORER: &str = "Japan–NATO Chronology Explorer";

/// The works that the events' footnotes cite, each once however many events cite it, in a
/// stable order: a bibliography's (author or institution, then year, title and id).
pub fn cited_sources<'a>(
    data: &'a Chronology,
    events: impl IntoIterator<Item = &'a Event>,
) -> Vec<&'a Reference> {
    let numbers: Vec<u32> =
        sort::sorted_unique(events.into_iter().flat_map(|e| e.footnotes.iter().copied()));
    let ids: Vec<&str> = sort::sorted_unique(
        numbers
            .iter()
            .filter_map(|n| data.footnote(*n))
            .flat_map(|f| f.sources.iter().map(String::as_str)),
    );
    let mut out: Vec<&Reference> = ids
        .into_iter()
        .filter_map(|id| data.reference(id))
        .collect();
    sort::sort_by_cached_key(&mut out, |r| {
        (
            sort_name(r).to_lowercase(),
            r.issued.and_then(|d| d.first_day()),
            r.title.to_lowercase(),
            r.id.clone(),
        )
    });
    out
}

/// The works the whole chronology's events cite.
pub fn all_cited_sources(data: &Chronology) -> Vec<&Reference> {
    cited_sources(data, &data.events)
}

fn sort_name(r: &Reference) -> String {
    match (r.authors.first(), &r.institution) {
        (Some(p), _) => format!("{} {}", p.family, p.given),
        (None, Some(i)) => i.clone(),
        (None, None) => r.title.clone(),
    }
}

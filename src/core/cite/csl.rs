//! CSL-JSON.

use crate::core::dataset::{Person, Reference, ReferenceType};
use crate::core::date::{civil_from_days, PartialDate, Qualifier, Season};
use crate::core::edtf::Edtf;

fn csl_names(people: &[Person]) -> serde_json::Value {
    serde_json::Value::Array(
        people
            .iter()
            .map(|p| {
                let mut m = serde_json::Map::new();
                m.insert("family".into(), p.family.clone().into());
                if !p.given.is_empty() {
                    m.insert("given".into(), p.given.clone().into());
                }
                serde_json::Value::Object(m)
            })
            .collect(),
    )
}

/// A CSL date, in the keys the CSL data schema (1.0.2) allows: `date-parts` (one, or two for a
/// range), `season` and `circa`; and where those cannot say it all (an uncertain date, a year
/// with unspecified digits, an open or unknown end, an interval of seasons) also `raw`, the EDTF
/// text, for a reader that wants it (a processor goes by the parts).
fn csl_date(value: &Edtf) -> serde_json::Value {
    // Its parts; with unspecified digits, the first (last) year they may stand for.
    let parts = |d: PartialDate, last: bool| -> serde_json::Value {
        if d.unspecified().year_digits() > 0 {
            let (first, end) = d.stated_days();
            let day = if last { end - 1 } else { first };
            return serde_json::json!([civil_from_days(day).0]);
        }
        let mut p: Vec<serde_json::Value> = vec![d.year_number().into()];
        if let Some(m) = d.month_number() {
            p.push(m.into());
            if let Some(day) = d.day_number() {
                p.push(day.into());
            }
        }
        serde_json::Value::Array(p)
    };
    let mut ranges: Vec<serde_json::Value> = Vec::new();
    let mut qualifier = Qualifier::None;
    let mut season = None;
    match value {
        Edtf::Date(d) => {
            ranges.push(parts(*d, false));
            if d.unspecified().year_digits() > 0 {
                // 199X: the first and the last year it may be.
                ranges.push(parts(*d, true));
            }
            season = d.season_of_year();
            qualifier = d.qualifier();
        }
        Edtf::Interval(a, b) => {
            for (bound, last) in [(a, false), (b, true)] {
                if let Some(d) = bound.date() {
                    ranges.push(parts(d, last));
                    qualifier = qualifier.and(d.qualifier());
                }
            }
        }
    }
    let mut m = serde_json::Map::new();
    m.insert("date-parts".into(), serde_json::Value::Array(ranges));
    if let Some(s) = season {
        m.insert("season".into(), (Season::code(s) - 20).into());
    }
    if qualifier.is_approximate() {
        m.insert("circa".into(), true.into());
    }
    // (No `raw`: Zotero reads it before the numbers, and "199X" is no year to it; what the
    // numbers cannot say goes in the item's note, see `date_note`.)
    serde_json::Value::Object(m)
}

/// The works as CSL-JSON (the input of citeproc, Zotero, Pandoc): an array of items.
pub fn to_csl_json(sources: &[&Reference]) -> String {
    let items: Vec<serde_json::Value> = sources
        .iter()
        .map(|r| {
            let mut m = serde_json::Map::new();
            m.insert("id".into(), r.id.clone().into());
            m.insert("type".into(), r.kind.csl().into());
            if !r.authors.is_empty() {
                let role = if r.kind == ReferenceType::Interview {
                    "interviewer"
                } else {
                    "author"
                };
                m.insert(role.into(), csl_names(&r.authors));
            } else if let Some(i) = &r.institution {
                m.insert("author".into(), serde_json::json!([{ "literal": i }]));
            }
            if !r.editors.is_empty() {
                m.insert("editor".into(), csl_names(&r.editors));
            }
            m.insert("title".into(), r.title.clone().into());
            let strings = [
                ("container-title", &r.container),
                ("collection-title", &r.collection),
                ("collection-number", &r.number),
                ("volume", &r.volume),
                ("issue", &r.issue),
                ("page", &r.pages),
                ("genre", &r.genre),
                // CSL 1.0.2's name for the event, and the legacy one that processors before it
                // (and Zotero's older importers) read.
                ("event-title", &r.event),
                ("event", &r.event),
                ("publisher", &r.publisher),
                ("publisher-place", &r.place),
                ("URL", &r.url),
            ];
            for (name, value) in strings {
                if let Some(v) = value {
                    m.insert(name.into(), v.clone().into());
                }
            }
            if let Some(d) = &r.issued {
                m.insert("issued".into(), csl_date(d));
            }
            // The work's note, and what the date's numbers cannot say ("Date: the 1990s …").
            let notes: Vec<String> = r
                .note
                .iter()
                .cloned()
                .chain(r.issued.as_ref().and_then(super::date_note))
                .collect();
            if !notes.is_empty() {
                m.insert("note".into(), notes.join("\n").into());
            }
            if let Some(a) = &r.accessed {
                m.insert("accessed".into(), csl_date(&Edtf::Date(*a)));
            }
            serde_json::Value::Object(m)
        })
        .collect();
    crate::core::dataset::export::pretty(&serde_json::to_string(&items).unwrap_or_default()) + "\n"
}

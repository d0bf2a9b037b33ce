//! Text and ids cleaned on the way in: control characters removed, ids checked, each change
//! noted with its place.

use super::{quoted, Draft, Format, ImportProblem, Item};
use crate::core::text::{capped_title, id_problem, without_controls, Removed};
use std::borrow::Cow;

/// Where a field of a record is, in the words of its format: "field title" (JSON), "column
/// title" (CSV), "field text.headline" (TimelineJS JSON), "field headline" (TimelineJS 2 JSON),
/// "column Headline" (TimelineJS CSV).
fn field_place(format: Format, field: &str) -> String {
    match (format, field) {
        (Format::Json, _) => format!("field {field}"),
        (Format::Csv, _) => format!("column {field}"),
        (Format::TimelineJson, "id") => "field unique_id".into(),
        (Format::TimelineJson, "title" | "label") => "field text.headline".into(),
        (Format::TimelineJson, "summary") => "field text.text".into(),
        (Format::TimelineJson, "note") => "field display_date".into(),
        (Format::TimelineJson, "domains") => "field group".into(),
        (Format::TimelineJson, _) => format!("field {field}"),
        (Format::TimelineJson2, "title" | "label") => "field headline".into(),
        (Format::TimelineJson2, "summary") => "field text".into(),
        (Format::TimelineJson2, "note") => "field startDate".into(),
        (Format::TimelineJson2, "domains") => "field tag".into(),
        (Format::TimelineJson2, _) => format!("field {field}"),
        (Format::TimelineCsv, "title" | "label") => "column Headline".into(),
        (Format::TimelineCsv, "summary") => "column Text".into(),
        (Format::TimelineCsv, "note") => "column Display Date".into(),
        (Format::TimelineCsv, "domains") => "column Group".into(),
        (Format::TimelineCsv, _) => format!("column {field}"),
    }
}

/// Removes control characters ([`without_controls`]) from a text, noting what was removed at
/// `place` (made only when something was).
fn clean_text(text: &mut String, place: impl FnOnce() -> String, notices: &mut Vec<ImportProblem>) {
    let (clean, removed) = without_controls(text);
    if let Cow::Owned(clean) = clean {
        *text = clean;
    }
    if removed.count > 0 {
        notices.push(ImportProblem::new(place(), removed.message()));
    }
}

/// Cuts a chronology's title to the length an event's title may have ([`capped_title`]), noting
/// it at `place`: a title of 100,000 characters without a space held the page for seconds at
/// each load, drawn in the header.
pub(super) fn cap_title(title: &mut String, place: &str, notices: &mut Vec<ImportProblem>) {
    if let Some((cut, message)) = capped_title(title) {
        *title = cut;
        notices.push(ImportProblem::new(place, message));
    }
}

/// Removes control characters from a list of texts (dropping those left empty), noting them
/// once for the list.
fn clean_list(
    list: &mut Vec<String>,
    place: impl FnOnce() -> String,
    notices: &mut Vec<ImportProblem>,
) {
    let mut removed = Removed::default();
    let mut changed = false;
    for item in list.iter_mut() {
        let (clean, r) = without_controls(item);
        if let Cow::Owned(clean) = clean {
            *item = clean;
            changed = true;
        }
        removed.add(&r);
    }
    if changed {
        list.retain(|item| !item.is_empty());
    }
    if removed.count > 0 {
        notices.push(ImportProblem::new(place(), removed.message()));
    }
}

/// The problem of an id that an event refers to: "the id 'x' contains …".
fn reference_problem(id: &str) -> Option<String> {
    id_problem(id).map(|p| match p.strip_prefix("the id ") {
        Some(rest) => format!("the id {} {rest}", quoted(id)),
        None => p,
    })
}

/// Ids a link cannot carry ([`id_problem`]) are refused: an event's own id and the ids it refers
/// to are problems of its record; the ids of the file's phases, domains and third parties are
/// problems of the file.
pub(super) fn check_ids(draft: &mut Draft, fatal: &mut Vec<ImportProblem>) {
    let format = draft.format;
    for r in &mut draft.records {
        let Item::Event(e) = &r.item else { continue };
        let mut found = Vec::new();
        // An empty id is already reported by the importers, in their own words.
        if let Some(p) = id_problem(&e.id).filter(|_| !e.id.trim().is_empty()) {
            found.push(("id", p));
        }
        if !e.phase.is_empty() {
            found.extend(reference_problem(&e.phase).map(|p| ("phase", p)));
        }
        for d in &e.domains {
            found.extend(reference_problem(d).map(|p| ("domains", p)));
        }
        for t in &e.third_parties {
            found.extend(reference_problem(t).map(|p| ("third_parties", p)));
        }
        for (field, message) in found {
            r.problem(&field_place(format, field), message);
        }
    }
    let c = &draft.base;
    let facets = [
        (
            "phase",
            c.phases.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ),
        ("domain", c.domains.iter().map(|d| d.id.as_str()).collect()),
        (
            "third party",
            c.third_parties.iter().map(|t| t.id.as_str()).collect(),
        ),
    ];
    for (kind, ids) in facets {
        for (i, id) in ids.into_iter().enumerate() {
            if let Some(p) = id_problem(id).filter(|_| !id.trim().is_empty()) {
                fatal.push(ImportProblem::new(
                    format!("{kind} {} (id {}), field id", i + 1, quoted(id)),
                    p,
                ));
            }
        }
    }
}

/// Control characters (other than tab and line end) are removed from every text of the file,
/// and reported: they draw nothing, and XML (the SVG export) forbids them. Ids are not changed
/// here: an id with one is refused instead ([`id_problem`]).
pub(super) fn clean_texts(draft: &mut Draft) {
    let format = draft.format;
    let at = |record: &str, field: &str| format!("{record}, {field}");
    for r in &mut draft.records {
        let location = r.location.clone();
        let notices = &mut r.notices;
        let place = |field: &str| format!("{location}, {}", field_place(format, field));
        match &mut r.item {
            Item::Event(e) => {
                clean_text(&mut e.title, || place("title"), notices);
                clean_text(&mut e.summary, || place("summary"), notices);
                clean_text(&mut e.evidence, || place("evidence"), notices);
                if let Some(note) = &mut e.note {
                    clean_text(note, || place("note"), notices);
                    if note.is_empty() {
                        e.note = None;
                    }
                }
                clean_list(&mut e.actors, || place("actors"), notices);
            }
            Item::Era(p) => {
                clean_text(&mut p.label, || place("label"), notices);
                clean_text(&mut p.summary, || place("summary"), notices);
                clean_text(&mut p.evidence, || place("evidence"), notices);
            }
            Item::Nothing => {}
        }
    }
    let notices = &mut draft.notices;
    let c = &mut draft.base;
    clean_text(&mut c.title, || "title".into(), notices);
    cap_title(&mut c.title, "title", notices);
    let s = &mut c.source;
    clean_text(&mut s.title, || at("source", "field title"), notices);
    // The source's title is the chronology's in a file without a source of its own.
    cap_title(&mut s.title, &at("source", "field title"), notices);
    clean_text(&mut s.author, || at("source", "field author"), notices);
    for (field, text) in [
        ("subtitle", &mut s.subtitle),
        ("series", &mut s.series),
        ("note", &mut s.note),
    ] {
        if let Some(text) = text {
            clean_text(text, || at("source", &format!("field {field}")), notices);
        }
    }
    clean_list(
        &mut s.affiliations,
        || at("source", "field affiliations"),
        notices,
    );
    for (i, p) in c.phases.iter_mut().enumerate() {
        let record = format!("phase {} (id {})", i + 1, quoted(&p.id));
        clean_text(&mut p.label, || at(&record, "field label"), notices);
        clean_text(&mut p.summary, || at(&record, "field summary"), notices);
        clean_text(&mut p.evidence, || at(&record, "field evidence"), notices);
    }
    for (i, d) in c.domains.iter_mut().enumerate() {
        let record = format!("domain {} (id {})", i + 1, quoted(&d.id));
        clean_text(&mut d.label, || at(&record, "field label"), notices);
        clean_text(
            &mut d.description,
            || at(&record, "field description"),
            notices,
        );
    }
    for (i, t) in c.third_parties.iter_mut().enumerate() {
        let record = format!("third party {} (id {})", i + 1, quoted(&t.id));
        clean_text(&mut t.label, || at(&record, "field label"), notices);
    }
    for f in &mut c.footnotes {
        let record = format!("footnote {}", f.number);
        clean_text(&mut f.citation, || at(&record, "field citation"), notices);
    }
}

//! Citations of the works behind the events shown: BibTeX (biblatex dialect), RIS and
//! CSL-JSON for reference managers, a Chicago bibliography, *Copy citation* for one event in the
//! brief's own style (Chicago notes) and *Cite this view*.
//!
//! Pure: the page passes the events it shows (after filters, search or a story scene), the link
//! and the day; the text comes back.

use crate::core::dataset::{Chronology, Event, Person, Reference, ReferenceType};
use crate::core::date::{civil_from_days, month_name, PartialDate, Qualifier, Season};
use crate::core::edtf::{Bound, Edtf};
use std::collections::BTreeSet;
use std::fmt::Write;

/// The name of the explorer, as *Cite this view* gives it.
pub const EXPLORER: &str = "Japan–NATO Chronology Explorer";

/// The works that the events' footnotes cite, each once however many events cite it, in a
/// stable order: a bibliography's (author or institution, then year, title and id).
pub fn cited_sources<'a>(
    data: &'a Chronology,
    events: impl IntoIterator<Item = &'a Event>,
) -> Vec<&'a Reference> {
    let numbers: BTreeSet<u32> = events
        .into_iter()
        .flat_map(|e| e.footnotes.iter().copied())
        .collect();
    let ids: BTreeSet<&str> = numbers
        .iter()
        .filter_map(|n| data.footnote(*n))
        .flat_map(|f| f.sources.iter().map(String::as_str))
        .collect();
    let mut out: Vec<&Reference> = ids
        .into_iter()
        .filter_map(|id| data.reference(id))
        .collect();
    out.sort_by_cached_key(|r| {
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

// ---- BibTeX ------------------------------------------------------------------------------------

/// The biblatex entry type of a work, and its `entrysubtype` or `type` where it needs one.
fn bibtex_type(kind: ReferenceType) -> &'static str {
    match kind {
        ReferenceType::ArticleJournal
        | ReferenceType::ArticleMagazine
        | ReferenceType::ArticleNewspaper => "article",
        ReferenceType::Book => "book",
        ReferenceType::Chapter => "incollection",
        ReferenceType::PaperConference => "inproceedings",
        ReferenceType::Report => "report",
        ReferenceType::Webpage => "online",
        ReferenceType::Speech
        | ReferenceType::Interview
        | ReferenceType::Document
        | ReferenceType::Legislation
        | ReferenceType::Treaty => "misc",
    }
}

/// A value for a braced BibTeX field: braces balanced, `%` `&` `#` `$` `_` escaped, words
/// in capitals (NATO, ISAF) kept as they are by a style that changes case.
fn bib_text(value: &str, protect_capitals: bool) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for word in value.split_inclusive(' ') {
        let bare = word.trim_end();
        let letters: Vec<char> = bare.chars().filter(|c| c.is_alphabetic()).collect();
        let capitals = protect_capitals
            && letters.len() >= 2
            && letters.iter().skip(1).any(|c| c.is_uppercase());
        if capitals {
            out.push('{');
        }
        for c in bare.chars() {
            match c {
                '{' | '}' => out.push_str(if c == '{' { "\\{" } else { "\\}" }),
                '\\' => out.push_str("\\textbackslash{}"),
                '%' | '&' | '#' | '$' | '_' => {
                    out.push('\\');
                    out.push(c);
                }
                c => out.push(c),
            }
        }
        if capitals {
            out.push('}');
        }
        out.push_str(&word[bare.len()..]);
    }
    out
}

fn bib_names(people: &[Person]) -> String {
    people
        .iter()
        .map(|p| {
            if p.given.is_empty() {
                format!("{{{}}}", bib_text(&p.family, false))
            } else {
                format!(
                    "{}, {}",
                    bib_text(&p.family, false),
                    bib_text(&p.given, false)
                )
            }
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

/// A date as biblatex reads it (EDTF level 1): a season becomes the range of its months, and
/// an interval carries one qualifier for the whole.
fn bib_date(value: &Edtf) -> String {
    // A season as its months: both ends alone, its first (last) month as an interval's start (end).
    let months = |d: PartialDate| {
        let (first, end) = d.stated_days();
        let ((y1, m1, _), (y2, m2, _)) = (civil_from_days(first), civil_from_days(end - 1));
        (format!("{y1:04}-{m1:02}"), format!("{y2:04}-{m2:02}"))
    };
    let side = |b: &Bound, start: bool| match b {
        Bound::Date(d) if d.season_of_year().is_some() => {
            let (first, last) = months(*d);
            if start {
                first
            } else {
                last
            }
        }
        Bound::Date(d) => d.unqualified().to_iso(),
        Bound::Open => "..".to_string(),
        Bound::Unknown => String::new(),
    };
    let (text, qualifier) = match value {
        Edtf::Date(d) if d.season_of_year().is_some() => {
            let (first, last) = months(*d);
            (format!("{first}/{last}"), d.qualifier())
        }
        Edtf::Date(d) => (d.unqualified().to_iso(), d.qualifier()),
        Edtf::Interval(a, b) => {
            let q = [a, b]
                .iter()
                .filter_map(|b| b.date())
                .fold(Qualifier::None, |q, d| q.and(d.qualifier()));
            (format!("{}/{}", side(a, true), side(b, false)), q)
        }
    };
    text + qualifier.symbol()
}

/// The works as a biblatex file (`.bib`): one entry per work, its id as the key.
pub fn to_bibtex(sources: &[&Reference]) -> String {
    let mut out = String::new();
    for r in sources {
        let mut fields: Vec<(&str, String)> = Vec::new();
        if !r.authors.is_empty() {
            fields.push(("author", bib_names(&r.authors)));
        } else if let Some(i) = &r.institution {
            fields.push(("author", format!("{{{}}}", bib_text(i, false))));
        }
        if !r.editors.is_empty() {
            fields.push(("editor", bib_names(&r.editors)));
        }
        fields.push(("title", bib_text(&r.title, true)));
        if let Some(c) = &r.container {
            let name = match r.kind {
                ReferenceType::ArticleJournal
                | ReferenceType::ArticleMagazine
                | ReferenceType::ArticleNewspaper => "journaltitle",
                ReferenceType::Chapter | ReferenceType::PaperConference => "booktitle",
                _ => "organization",
            };
            fields.push((name, bib_text(c, true)));
        }
        if r.kind == ReferenceType::ArticleNewspaper {
            fields.push(("entrysubtype", "newspaper".into()));
        }
        if let Some(c) = &r.collection {
            fields.push(("series", bib_text(c, true)));
        }
        for (name, value) in [
            ("number", &r.number),
            ("volume", &r.volume),
            ("number", &r.issue),
            ("pages", &r.pages),
        ] {
            if let Some(v) = value {
                // biblatex calls an article's issue its number.
                fields.push((name, bib_text(v, false)));
            }
        }
        let genre = r.genre.clone().or_else(|| match r.kind {
            ReferenceType::Speech => Some("Speech".into()),
            ReferenceType::Interview => Some("Interview".into()),
            ReferenceType::Treaty => Some("Agreement".into()),
            ReferenceType::Legislation => Some("Law".into()),
            _ => None,
        });
        if let Some(g) = genre {
            fields.push(("type", bib_text(&g, false)));
        }
        if let Some(e) = &r.event {
            fields.push(("eventtitle", bib_text(e, true)));
        }
        if let Some(p) = &r.publisher {
            let name = if r.kind == ReferenceType::Report {
                "institution"
            } else {
                "publisher"
            };
            fields.push((name, bib_text(p, false)));
        }
        if let Some(p) = &r.place {
            fields.push(("location", bib_text(p, false)));
        }
        if let Some(d) = &r.issued {
            fields.push(("date", bib_date(d)));
        }
        if let Some(u) = &r.url {
            fields.push(("url", u.clone()));
        }
        if let Some(a) = &r.accessed {
            fields.push(("urldate", a.unqualified().to_iso()));
        }
        if let Some(n) = &r.note {
            fields.push(("note", bib_text(n, false)));
        }
        // A second `number` (a series number and an issue both) would be a duplicate field.
        let mut seen = BTreeSet::new();
        let _ = writeln!(out, "@{}{{{},", bibtex_type(r.kind), r.id);
        for (name, value) in fields {
            if seen.insert(name) {
                let _ = writeln!(out, "  {name} = {{{value}}},");
            }
        }
        out.push_str("}\n\n");
    }
    out
}

// ---- RIS ---------------------------------------------------------------------------------------

/// The RIS type of a work (as Zotero reads and writes them).
pub fn ris_type(kind: ReferenceType) -> &'static str {
    match kind {
        ReferenceType::ArticleJournal => "JOUR",
        ReferenceType::ArticleMagazine => "MGZN",
        ReferenceType::ArticleNewspaper => "NEWS",
        ReferenceType::Book => "BOOK",
        ReferenceType::Chapter => "CHAP",
        ReferenceType::PaperConference => "CPAPER",
        ReferenceType::Report => "RPRT",
        ReferenceType::Speech => "SLIDE",
        ReferenceType::Interview => "PCOMM",
        ReferenceType::Webpage => "ELEC",
        ReferenceType::Document | ReferenceType::Treaty => "GEN",
        ReferenceType::Legislation => "STAT",
    }
}

/// A RIS date `YYYY/MM/DD/other`: the first day stated, and in words what it cannot say.
fn ris_date(value: &Edtf) -> Option<String> {
    let d = value.start().or_else(|| value.end())?;
    let part = |n: Option<u8>| n.map(|n| format!("{n:02}")).unwrap_or_default();
    let exact = matches!(value, Edtf::Date(d) if d.is_exact() && d.season_of_year().is_none());
    let other = if exact {
        String::new()
    } else {
        value.format_human()
    };
    Some(format!(
        "{:04}/{}/{}/{}",
        d.year_number(),
        part(d.month_number()),
        part(d.day_number()),
        other
    ))
}

fn ris_line(out: &mut String, tag: &str, value: &str) {
    // One line per tag: line breaks inside a value would start a new tag.
    let value = value.replace(['\r', '\n'], " ");
    let _ = write!(out, "{tag}  - {value}\r\n");
}

/// The works as RIS (`.ris`): one record per work, CRLF line ends.
pub fn to_ris(sources: &[&Reference]) -> String {
    let mut out = String::new();
    for r in sources {
        ris_line(&mut out, "TY", ris_type(r.kind));
        ris_line(&mut out, "ID", &r.id);
        for p in &r.authors {
            let name = if p.given.is_empty() {
                p.family.clone()
            } else {
                format!("{}, {}", p.family, p.given)
            };
            ris_line(&mut out, "AU", &name);
        }
        if r.authors.is_empty() {
            if let Some(i) = &r.institution {
                ris_line(&mut out, "AU", i);
            }
        }
        for p in &r.editors {
            ris_line(&mut out, "A2", &format!("{}, {}", p.family, p.given));
        }
        ris_line(&mut out, "TI", &r.title);
        if let Some(c) = &r.container {
            ris_line(&mut out, "T2", c);
        }
        if let Some(c) = &r.collection {
            ris_line(&mut out, "T3", c);
        }
        if let Some(e) = &r.event {
            ris_line(&mut out, "C1", e);
        }
        if let Some(v) = &r.volume {
            ris_line(&mut out, "VL", v);
        }
        if let Some(v) = &r.issue {
            ris_line(&mut out, "IS", v);
        }
        if let Some(v) = &r.number {
            ris_line(&mut out, "SN", v);
        }
        if let Some(pages) = &r.pages {
            match pages.split_once(['-', '–']) {
                Some((a, b)) => {
                    ris_line(&mut out, "SP", a.trim());
                    ris_line(&mut out, "EP", b.trim());
                }
                None => ris_line(&mut out, "SP", pages),
            }
        }
        if let Some(g) = &r.genre {
            ris_line(&mut out, "M3", g);
        }
        if let Some(p) = &r.publisher {
            ris_line(&mut out, "PB", p);
        }
        if let Some(p) = &r.place {
            ris_line(&mut out, "CY", p);
        }
        if let Some(d) = &r.issued {
            if let Some(year) = d.year() {
                ris_line(&mut out, "PY", &format!("{year:04}"));
            }
            if let Some(da) = ris_date(d) {
                ris_line(&mut out, "DA", &da);
            }
        }
        if let Some(u) = &r.url {
            ris_line(&mut out, "UR", u);
        }
        if let Some(a) = &r.accessed {
            ris_line(
                &mut out,
                "Y2",
                &ris_date(&Edtf::Date(*a)).unwrap_or_default(),
            );
        }
        if let Some(n) = &r.note {
            ris_line(&mut out, "N1", n);
        }
        out.push_str("ER  - \r\n\r\n");
    }
    out
}

// ---- CSL-JSON ----------------------------------------------------------------------------------

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

/// A CSL date: `date-parts` (one, or two for a range), `season`, `circa`, and the `edtf` text
/// where the parts cannot say it all.
fn csl_date(value: &Edtf) -> serde_json::Value {
    let parts = |d: PartialDate| -> Vec<serde_json::Value> {
        let mut p = vec![d.year_number().into()];
        if let Some(m) = d.month_number() {
            p.push(m.into());
            if let Some(day) = d.day_number() {
                p.push(day.into());
            }
        }
        p.into_iter().collect()
    };
    let mut m = serde_json::Map::new();
    let mut ranges: Vec<serde_json::Value> = Vec::new();
    let mut qualifier = Qualifier::None;
    let mut season = None;
    let mut push = |d: PartialDate, ranges: &mut Vec<serde_json::Value>| {
        qualifier = qualifier.and(d.qualifier());
        if d.unspecified().year_digits() > 0 {
            // 199X: the first and the last year it may be.
            let (_, end) = d.stated_days();
            ranges.push(serde_json::json!([d.year_number()]));
            ranges.push(serde_json::json!([civil_from_days(end - 1).0]));
        } else {
            if let Some(s) = d.season_of_year() {
                season = Some(s);
            }
            ranges.push(serde_json::Value::Array(parts(d)));
        }
    };
    match value {
        Edtf::Date(d) => push(*d, &mut ranges),
        Edtf::Interval(a, b) => {
            if let Some(d) = a.date() {
                push(d, &mut ranges);
            }
            if let Some(d) = b.date() {
                push(d, &mut ranges);
            }
        }
    }
    ranges.truncate(2);
    m.insert("date-parts".into(), serde_json::Value::Array(ranges));
    if let Some(s) = season {
        m.insert("season".into(), (Season::code(s) - 20).into());
    }
    if qualifier.is_approximate() {
        m.insert("circa".into(), true.into());
    }
    let plain = matches!(value, Edtf::Date(d) if d.is_exact() && d.season_of_year().is_none());
    if !plain {
        m.insert("edtf".into(), value.to_edtf().into());
    }
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
                ("event", &r.event),
                ("publisher", &r.publisher),
                ("publisher-place", &r.place),
                ("URL", &r.url),
                ("note", &r.note),
            ];
            for (name, value) in strings {
                if let Some(v) = value {
                    m.insert(name.into(), v.clone().into());
                }
            }
            if let Some(d) = &r.issued {
                m.insert("issued".into(), csl_date(d));
            }
            if let Some(a) = &r.accessed {
                m.insert("accessed".into(), csl_date(&Edtf::Date(*a)));
            }
            serde_json::Value::Object(m)
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_default() + "\n"
}

// ---- Chicago -----------------------------------------------------------------------------------

/// A date as Chicago (and the brief) writes it: "April 2, 1983", "March 1992", "Winter 2005".
pub fn chicago_date(d: &PartialDate) -> String {
    if !d.is_exact() || d.season_of_year().is_some() {
        return match d.season_of_year() {
            Some(s) if d.is_exact() => format!("{} {}", s.name(), d.year_number()),
            _ => d.format_human(),
        };
    }
    let year = crate::core::date::format_year(d.year_number());
    match (d.month_number(), d.day_number()) {
        (Some(m), Some(day)) => format!("{} {day}, {year}", month_name(m)),
        (Some(m), None) => format!("{} {year}", month_name(m)),
        _ => year,
    }
}

fn chicago_issued(value: &Edtf) -> String {
    match value {
        Edtf::Date(d) => chicago_date(d),
        Edtf::Interval(a, b) => {
            let side = |b: &Bound| b.date().map(|d| chicago_date(&d)).unwrap_or_default();
            format!("{}–{}", side(a), side(b))
        }
    }
}

fn person_list(people: &[Person]) -> String {
    let names: Vec<String> = people.iter().map(Person::display_name).collect();
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// A work as a Chicago note: "Henry Scott Stokes, “France Blocks …,” New York Times, April 2,
/// 1983, https://…."
pub fn chicago_note(r: &Reference) -> String {
    let mut parts: Vec<String> = Vec::new();
    let author = if r.authors.is_empty() {
        r.institution.clone().unwrap_or_default()
    } else {
        person_list(&r.authors)
    };
    if !author.is_empty() {
        parts.push(author);
    }
    let title = match r.kind {
        ReferenceType::Book | ReferenceType::Report => r.title.clone(),
        ReferenceType::Interview => r.title.clone(),
        _ => format!("“{},”", r.title.trim_end_matches([',', '.'])),
    };
    let mut title_and_rest = title;
    let mut rest: Vec<String> = Vec::new();
    if let Some(c) = &r.container {
        let mut c = c.clone();
        if r.kind == ReferenceType::ArticleJournal {
            if let Some(v) = &r.volume {
                let _ = write!(c, " {v}");
            }
            if let Some(i) = &r.issue {
                let _ = write!(c, ", no. {i}");
            }
            if let Some(d) = &r.issued {
                let _ = write!(c, " ({})", chicago_issued(d));
            }
            if let Some(p) = &r.pages {
                let _ = write!(c, ": {p}");
            }
        }
        rest.push(c);
    }
    if !r.editors.is_empty() {
        rest.push(format!("ed. {}", person_list(&r.editors)));
    }
    match (&r.collection, &r.number) {
        (Some(c), Some(n)) => rest.push(format!("{c} {n}")),
        (Some(v), None) | (None, Some(v)) => rest.push(v.clone()),
        (None, None) => {}
    }
    for v in [&r.event, &r.publisher, &r.place].into_iter().flatten() {
        rest.push(v.clone());
    }
    if r.kind != ReferenceType::ArticleJournal || r.container.is_none() {
        if let Some(d) = &r.issued {
            rest.push(chicago_issued(d));
        }
        if let Some(p) = &r.pages {
            rest.push(format!("pp. {p}"));
        }
    }
    if let Some(u) = &r.url {
        rest.push(u.clone());
    }
    if let Some(a) = &r.accessed {
        rest.push(format!("accessed {}", chicago_date(a)));
    }
    if !rest.is_empty() {
        if !title_and_rest.ends_with(',') && !title_and_rest.ends_with(",”") {
            title_and_rest.push(',');
        }
        title_and_rest.push(' ');
        title_and_rest.push_str(&rest.join(", "));
    }
    parts.push(title_and_rest.trim_end_matches(',').to_string());
    let mut note = parts.join(", ");
    if !note.ends_with('.') {
        note.push('.');
    }
    note
}

/// The brief as a Chicago note: "Mirna Galic, “Navigating by Sun and Compass,” Policy Brief
/// One: Learning from the History of Japan-NATO Relations (2019)".
pub fn brief_note(data: &Chronology) -> String {
    let s = &data.source;
    let mut out = String::new();
    if !s.author.trim().is_empty() {
        let _ = write!(out, "{}, ", s.author.trim());
    }
    let _ = write!(out, "“{}", s.title.trim());
    match &s.subtitle {
        Some(sub) => {
            let _ = write!(out, ",” {}", sub.trim());
        }
        None => out.push('”'),
    }
    if let Some(year) = s.year {
        let _ = write!(out, " ({year})");
    }
    out
}

/// Whether a footnote's text gives a work in full (its title), rather than a short form
/// ("Stokes.", "Bridges, p. 236").
fn names_title(citation: &str, r: &Reference) -> bool {
    let key = |s: &str| {
        crate::core::dataset::validate::normalise_for_evidence(s)
            .to_lowercase()
            .replace(['"', '\'', ',', '.', '’', '‘'], "")
    };
    key(citation).contains(&key(&r.title))
}

/// *Copy citation* for one event: the brief in a Chicago note, with the event and the notes that
/// carry it, then each of those footnotes as the brief gives it (a short form followed, in
/// brackets, by the full note of the work it names).
pub fn copy_citation(data: &Chronology, event: &Event) -> String {
    let mut out = format!(
        "{}, {}",
        brief_note(data),
        match event.footnotes.len() {
            0 => String::new(),
            1 => format!("n. {}", event.footnotes[0]),
            _ => format!(
                "nn. {}",
                event
                    .footnotes
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    );
    let out_trimmed = out.trim_end_matches([',', ' ']).to_string();
    out = out_trimmed;
    let _ = write!(out, ", on “{}” ({}).", event.title, event.date_label());
    for n in &event.footnotes {
        let Some(f) = data.footnote(*n) else { continue };
        let _ = write!(out, "\n\n{n}. {}", f.citation);
        let short: Vec<String> = f
            .sources
            .iter()
            .filter_map(|id| data.reference(id))
            .filter(|r| !names_title(&f.citation, r))
            .map(chicago_note)
            .collect();
        if !short.is_empty() {
            let _ = write!(out, " [{}]", short.join(" "));
        }
    }
    out.push('\n');
    out
}

/// *Cite this view*: the explorer, the brief it draws, the link to the view and the day it was
/// accessed (today, as the page knows it).
pub fn cite_view(data: &Chronology, link: &str, accessed: &PartialDate) -> String {
    format!(
        "{EXPLORER}, “{},” interactive chronology based on {}, {}, accessed {}.\n",
        data.title.trim(),
        brief_note(data),
        link.trim(),
        chicago_date(accessed)
    )
}

/// A plain-text bibliography of the events' sources: the works cited, numbered, each with the
/// footnotes that cite it; then the footnotes of the brief that cite no work (its commentary).
pub fn bibliography(data: &Chronology) -> String {
    let sources = all_cited_sources(data);
    let cited: BTreeSet<u32> = data
        .events
        .iter()
        .flat_map(|e| e.footnotes.iter().copied())
        .collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Works cited by {} events of “{}”",
        data.events.len(),
        data.title
    );
    let _ = writeln!(out, "From: {}.", brief_note(data));
    out.push('\n');
    for (i, r) in sources.iter().enumerate() {
        let notes: Vec<String> = cited
            .iter()
            .filter(|n| {
                data.footnote(**n)
                    .is_some_and(|f| f.sources.contains(&r.id))
            })
            .map(u32::to_string)
            .collect();
        let _ = writeln!(
            out,
            "{}. {} (Footnote{} {}.)",
            i + 1,
            chicago_note(r),
            if notes.len() == 1 { "" } else { "s" },
            notes.join(", ")
        );
    }
    let commentary: Vec<_> = cited
        .iter()
        .filter_map(|n| data.footnote(*n))
        .filter(|f| f.sources.is_empty())
        .collect();
    if !commentary.is_empty() {
        out.push_str("\nThe brief's notes that cite no work\n\n");
        for f in commentary {
            let _ = writeln!(out, "Footnote {}: {}", f.number, f.citation);
        }
    }
    out
}

//! Chicago: the bibliography, notes in the brief's own style, *Copy citation* and *Cite this
//! view*.

use super::{all_cited_sources, EXPLORER};
use crate::core::dataset::{Chronology, Event, Footnote, Person, Reference, ReferenceType};
use crate::core::date::{month_name, PartialDate};
use crate::core::edtf::{Bound, Edtf};
use std::collections::BTreeSet;
use std::fmt::Write;

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
            // Days of one month as "November 27–29, 2006", of one year as "May 30–June 1,
            // 2014", as the brief writes them.
            if let (Some(x), Some(y)) = (a.date(), b.date()) {
                let (ym, yd) = (y.month_number(), y.day_number());
                if let (Some(xm), Some(xd), Some(ym), Some(yd), true, true) = (
                    x.month_number(),
                    x.day_number(),
                    ym,
                    yd,
                    x.year_number() == y.year_number(),
                    x.is_exact() && y.is_exact(),
                ) {
                    let year = crate::core::date::format_year(y.year_number());
                    return if xm == ym {
                        format!("{} {xd}–{yd}, {year}", month_name(xm))
                    } else {
                        format!("{} {xd}–{} {yd}, {year}", month_name(xm), month_name(ym))
                    };
                }
            }
            // Months of one year as a journal's issue is dated: two in a row as a double issue,
            // "January/February 2000" (as the brief writes it), more as "June–August 2016".
            if let Some((x, y)) = a.date().zip(b.date()) {
                if let (Some(xm), Some(ym), None, None, true, true) = (
                    x.month_number(),
                    y.month_number(),
                    x.day_number(),
                    y.day_number(),
                    x.year_number() == y.year_number(),
                    x.is_exact() && y.is_exact(),
                ) {
                    let year = crate::core::date::format_year(y.year_number());
                    if ym == xm + 1 {
                        return format!("{}/{} {year}", month_name(xm), month_name(ym));
                    }
                    if ym > xm {
                        return format!("{}–{} {year}", month_name(xm), month_name(ym));
                    }
                }
            }
            let side = |b: &Bound| b.date().map(|d| chicago_date(&d)).unwrap_or_default();
            format!("{}–{}", side(a), side(b))
        }
    }
}

/// [`chicago_issued`] for a date in parentheses: where it says more than the date in
/// parentheses of its own ("2001 (uncertain)"), with commas instead: "(2001, uncertain)".
fn chicago_issued_inline(value: &Edtf) -> String {
    let said = chicago_issued(value);
    if said.contains('(') {
        value.format_inline()
    } else {
        said
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
                let _ = write!(c, " ({})", chicago_issued_inline(d));
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

/// Whether a footnote's text gives a work in full (its address, or most of its title's words
/// and its year: the brief writes "Program" where the work's title has "Programme", "Andres" for
/// "Anders"), rather than only a short form of it ("Stokes.", "Bridges, p. 236", or the author
/// and title without where and when: "Tsuruoka, “NATO and Japan: a View from Tokyo,” p. 64").
/// The title and the year are looked for in one reference of the note (between its `;`), the
/// year from the title on where the note quotes it: note 58 says "Abe asserts in 2014 that …"
/// before it ends "See Abe, “Japan and NATO as ‘Natural Partners.’”", a short form whose year
/// is the note's, not the reference's.
fn names_work(citation: &str, r: &Reference) -> bool {
    fn words(s: &str) -> impl Iterator<Item = String> + '_ {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
    }
    if r.url.as_deref().is_some_and(|u| citation.contains(u)) {
        return true;
    }
    let title: Vec<String> = words(&r.title).collect();
    let names_title = |text: &str| {
        let said: BTreeSet<String> = crate::core::sort::set_of(words(text));
        let named = title.iter().filter(|w| said.contains(*w)).count();
        named * 5 >= title.len() * 3
    };
    let year = r.issued.as_ref().and_then(|issued| match issued {
        Edtf::Date(d) => Some(d.year_number()),
        Edtf::Interval(a, _) => a.date().map(|d| d.year_number()),
    });
    citation.split(';').any(|reference| {
        if !names_title(reference) {
            return false;
        }
        // From the quoted title on, where the reference quotes it.
        let quoted = reference.match_indices('“').map(|(at, _)| at).find(|&at| {
            let rest = &reference[at + '“'.len_utf8()..];
            let inside = rest.find('”').map_or(rest, |end| &rest[..end]);
            names_title(inside)
        });
        let from_title = quoted.map_or(reference, |at| &reference[at..]);
        year.is_none_or(|y| from_title.contains(&y.to_string()))
    })
}

/// The full note of each work a footnote names only in a short form ("Stokes.", "Bridges,
/// p. 236." give the author and the page of a work cited in full in an earlier note); empty for
/// a footnote that gives its works in full, or cites none.
pub fn short_form_in_full(data: &Chronology, f: &Footnote) -> Vec<String> {
    short_form_in_full_after(data, f, &[])
}

/// [`short_form_in_full`] for a note read after others, as in a printed list of notes: only the
/// works that none of the `earlier` notes gives in full (a print of the Balkans gives note 15,
/// Solana's speech in full, then note 16, "Solana, “NATO’s Role…”", as the brief does; but
/// note 18, "Ueta, p. 134", is followed by Ueta's work in full, as note 12 is not printed). An
/// earlier note that cites the work gave it in full, in its own words or in the work in full
/// printed after it (a print of Russia gave "3. Stokes." and "5. Stokes." each followed by
/// Stokes's article in full).
pub fn short_form_in_full_after(data: &Chronology, f: &Footnote, earlier: &[u32]) -> Vec<String> {
    let given = |r: &Reference| {
        earlier
            .iter()
            .filter_map(|n| data.footnote(*n))
            .any(|e| e.sources.contains(&r.id))
    };
    f.sources
        .iter()
        .filter_map(|id| data.reference(id))
        .filter(|r| !names_work(&f.citation, r) && !given(r))
        .map(chicago_note)
        .collect()
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
    // The date's own remarks after commas: "(1980, uncertain)", not "(1980 (uncertain))".
    let _ = write!(
        out,
        ", on “{}” ({}).",
        event.title,
        event.interval().format_inline()
    );
    for n in &event.footnotes {
        let Some(f) = data.footnote(*n) else { continue };
        let _ = write!(out, "\n\n{n}. {}", f.citation);
        let short = short_form_in_full(data, f);
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
    let cited: Vec<u32> = crate::core::sort::sorted_unique(
        data.events.iter().flat_map(|e| e.footnotes.iter().copied()),
    );
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Works cited by {} of “{}”",
        crate::core::text::plural(data.events.len(), "event", "events"),
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

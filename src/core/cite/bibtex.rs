//! BibTeX, in the biblatex dialect.

use crate::core::dataset::{Person, Reference, ReferenceType};
use crate::core::date::{civil_from_days, PartialDate, Qualifier};
use crate::core::edtf::{Bound, Edtf};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Whether a character may stand in an entry key as BibTeX, biber and LaTeX's `\cite` all read
/// it: ASCII letters and digits, `-`, `_` and `.` (a space, `,` or a brace ends the key, `%`
/// starts a comment, `#` and `"` are BibTeX's own, and 8-bit BibTeX misreads UTF-8).
fn key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// A Latin letter with a diacritic as its base letter ("Müller" → "Muller"), for a key.
fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' => "A",
        'Æ' => "AE",
        'Ç' => "C",
        'È'..='Ë' => "E",
        'Ì'..='Ï' => "I",
        'Ð' => "D",
        'Ñ' => "N",
        'Ò'..='Ö' | 'Ø' => "O",
        'Ù'..='Ü' => "U",
        'Ý' => "Y",
        'Þ' => "Th",
        'ß' => "ss",
        'à'..='å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è'..='ë' => "e",
        'ì'..='ï' => "i",
        'ð' => "d",
        'ñ' => "n",
        'ò'..='ö' | 'ø' => "o",
        'ù'..='ü' => "u",
        'ý' | 'ÿ' => "y",
        'þ' => "th",
        'Ł' => "L",
        'ł' => "l",
        'Œ' => "OE",
        'œ' => "oe",
        _ => return None,
    })
}

/// An id as a key: a Latin letter's diacritic dropped, every run of other characters a key
/// cannot hold written as one `-`, none at either end; `ref` where nothing is left.
fn key_of(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if key_char(c) {
            out.push(c);
        } else if let Some(s) = fold_latin(c) {
            out.push_str(s);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let key = out.trim_matches('-');
    if key.is_empty() {
        "ref".into()
    } else {
        key.into()
    }
}

/// The entry key of each work, in the order given: its id where that is already a key (as the
/// brief's are), otherwise [`key_of`] it, with `-2`, `-3`… where two works would share a key,
/// which BibTeX compares regardless of case (given in the order of their ids, so that the keys
/// do not depend on the order of the works).
fn bib_keys(sources: &[&Reference]) -> Vec<String> {
    let ids: BTreeSet<&str> = sources.iter().map(|r| r.id.as_str()).collect();
    let mut keys: BTreeMap<&str, String> = BTreeMap::new();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for id in &ids {
        if !id.is_empty() && id.chars().all(key_char) && taken.insert(id.to_lowercase()) {
            keys.insert(id, (*id).to_string());
        }
    }
    for id in ids {
        if keys.contains_key(id) {
            continue;
        }
        let base = key_of(id);
        let mut key = base.clone();
        let mut n = 2;
        while !taken.insert(key.to_lowercase()) {
            key = format!("{base}-{n}");
            n += 1;
        }
        keys.insert(id, key);
    }
    sources
        .iter()
        .map(|r| keys[r.id.as_str()].clone())
        .collect()
}

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

/// A value for a braced BibTeX field: braces balanced, `%` `&` `#` `$` `_` `~` `^` escaped, words
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
                // LaTeX reads a bare `~` as a space and a bare `^` as an error.
                '~' => out.push_str("\\textasciitilde{}"),
                '^' => out.push_str("\\textasciicircum{}"),
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

/// A link for a `url` field, which is read verbatim but within braces: its braces
/// percent-encoded (an unmatched `}` ended the field, and the entry with it), and a backslash
/// written as the `/` a browser reads it as in an http(s) link.
fn bib_url(url: &str) -> String {
    url.replace('\\', "/")
        .replace('{', "%7B")
        .replace('}', "%7D")
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

/// The works as a biblatex file (`.bib`): one entry per work, its id as the key (made safe
/// and unique where it is not one: see [`bib_keys`]).
pub fn to_bibtex(sources: &[&Reference]) -> String {
    let mut out = String::new();
    for (r, key) in sources.iter().zip(bib_keys(sources)) {
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
            fields.push(("url", bib_url(u)));
        }
        if let Some(a) = &r.accessed {
            fields.push(("urldate", a.unqualified().to_iso()));
        }
        if let Some(n) = &r.note {
            fields.push(("note", bib_text(n, false)));
        }
        // A second `number` (a series number and an issue both) would be a duplicate field.
        let mut seen = BTreeSet::new();
        let _ = writeln!(out, "@{}{{{key},", bibtex_type(r.kind));
        for (name, value) in fields {
            if seen.insert(name) {
                let _ = writeln!(out, "  {name} = {{{value}}},");
            }
        }
        out.push_str("}\n\n");
    }
    out
}

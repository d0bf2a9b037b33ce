//! BibTeX, in the biblatex dialect.

use crate::core::dataset::{Person, Reference, ReferenceType};
use crate::core::date::{civil_from_days, PartialDate, Qualifier};
use crate::core::edtf::{Bound, Edtf};
use std::collections::BTreeSet;
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
    let ids: Vec<&str> = crate::core::sort::sorted_unique(sources.iter().map(|r| r.id.as_str()));
    // The key of `ids[k]` at `k`.
    let mut keys: Vec<Option<String>> = vec![None; ids.len()];
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for (key, id) in keys.iter_mut().zip(&ids) {
        if !id.is_empty() && id.chars().all(key_char) && taken.insert(id.to_lowercase()) {
            *key = Some((*id).to_string());
        }
    }
    for (slot, id) in keys.iter_mut().zip(&ids) {
        if slot.is_some() {
            continue;
        }
        let base = key_of(id);
        let mut key = base.clone();
        let mut n = 2;
        while !taken.insert(key.to_lowercase()) {
            key = format!("{base}-{n}");
            n += 1;
        }
        *slot = Some(key);
    }
    // Every work's id is one of `ids`, with its key.
    sources
        .iter()
        .map(|r| {
            ids.binary_search(&r.id.as_str())
                .ok()
                .and_then(|k| keys[k].clone())
                .unwrap_or_default()
        })
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
            // A name in Chinese characters, kana or hangul as one, family name first ("岸田文雄"):
            // biblatex would print its given name first, and a space between.
            if p.given.is_empty() || p.is_east_asian() {
                format!("{{{}}}", bib_text(&p.display_name(), false))
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

/// Whether biblatex's data model (as biber validates it) keeps `field` in an entry of type
/// `entry_type`: biber drops any other field, and the reader never sees it. Of each type's
/// fields, those the export writes; the dates, links and `entrysubtype` every type has.
fn biblatex_keeps(entry_type: &str, field: &str) -> bool {
    let every = [
        "author",
        "title",
        "titleaddon",
        "note",
        "addendum",
        "date",
        "url",
        "urldate",
        "entrysubtype",
    ];
    let own: &[&str] = match entry_type {
        "article" => &[
            "editor",
            "journaltitle",
            "series",
            "number",
            "volume",
            "pages",
        ],
        "book" => &[
            "editor",
            "series",
            "number",
            "volume",
            "pages",
            "publisher",
            "location",
        ],
        "incollection" => &[
            "editor",
            "booktitle",
            "series",
            "number",
            "volume",
            "pages",
            "publisher",
            "location",
        ],
        "inproceedings" => &[
            "editor",
            "booktitle",
            "eventtitle",
            "organization",
            "series",
            "number",
            "volume",
            "pages",
            "publisher",
            "location",
        ],
        "report" => &["institution", "type", "number", "pages", "location"],
        "online" => &["editor", "organization"],
        "misc" => &["editor", "howpublished", "organization", "type", "location"],
        _ => &[],
    };
    every.contains(&field) || own.contains(&field)
}

/// An entry's fields as they are written: each in a field its type keeps.
struct Fields {
    entry_type: &'static str,
    fields: Vec<(&'static str, String)>,
}

impl Fields {
    /// `value` (already BibTeX text) in the field `name` where the entry type keeps it and it is
    /// free; otherwise where biblatex prints the same thing for this type (a report's series is
    /// its `type`, a publisher a report's `institution`, a misc's `howpublished` or a web page's
    /// `organization`), or after the title (`titleaddon`: a kind, an occasion, a container) or
    /// at the end (`addendum`: "vol. 3", "pp. 1–9"), so that nothing a reader should see is
    /// dropped. `titleaddon`, `addendum`, `howpublished` and `organization` gather their values.
    fn put(&mut self, name: &'static str, value: String) {
        let present = self.fields.iter().position(|(n, _)| *n == name);
        let gathers = matches!(
            name,
            "titleaddon" | "addendum" | "howpublished" | "organization"
        );
        if biblatex_keeps(self.entry_type, name) {
            match present {
                None => return self.fields.push((name, value)),
                Some(i) if gathers => {
                    if self.fields[i].1 != value {
                        self.fields[i].1 = format!("{}, {value}", self.fields[i].1);
                    }
                    return;
                }
                Some(_) => {}
            }
        }
        let free = |n: &str| {
            biblatex_keeps(self.entry_type, n) && !self.fields.iter().any(|(f, _)| *f == n)
        };
        match name {
            "series" if free("type") => self.put("type", value),
            "publisher" if free("institution") => self.put("institution", value),
            "publisher" if biblatex_keeps(self.entry_type, "howpublished") => {
                self.put("howpublished", value)
            }
            "publisher" if biblatex_keeps(self.entry_type, "organization") => {
                self.put("organization", value)
            }
            "type" | "eventtitle" | "series" | "organization" | "howpublished" => {
                self.put("titleaddon", value)
            }
            "number" => self.put("addendum", format!("no. {value}")),
            "volume" => self.put("addendum", format!("vol. {value}")),
            "pages" => self.put("addendum", format!("pp. {value}")),
            "editor" => self.put("addendum", format!("ed. {value}")),
            _ => self.put("addendum", value),
        }
    }

    fn has(&self, name: &str) -> bool {
        self.fields.iter().any(|(n, _)| *n == name)
    }
}

/// A list of names as a reader reads them ("Ronald D. Asmus and Jan Smith"), for a field that
/// is not a list of names.
fn bib_names_read(people: &[Person]) -> String {
    people
        .iter()
        .map(|p| bib_text(&p.display_name(), false))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// The works as a biblatex file (`.bib`): one entry per work, its id as the key (made safe
/// and unique where it is not one: see [`bib_keys`]), each field in one biblatex keeps for the
/// entry's type (see [`Fields::put`]).
pub fn to_bibtex(sources: &[&Reference]) -> String {
    let mut out = String::new();
    for (r, key) in sources.iter().zip(bib_keys(sources)) {
        let entry_type = bibtex_type(r.kind);
        let mut f = Fields {
            entry_type,
            fields: Vec::new(),
        };
        if !r.authors.is_empty() {
            f.put("author", bib_names(&r.authors));
        } else if let Some(i) = &r.institution {
            f.put("author", format!("{{{}}}", bib_text(i, false)));
        }
        if !r.editors.is_empty() {
            if biblatex_keeps(entry_type, "editor") {
                f.put("editor", bib_names(&r.editors));
            } else {
                f.put("editor", bib_names_read(&r.editors));
            }
        }
        f.put("title", bib_text(&r.title, true));
        if let Some(c) = &r.container {
            let name = match r.kind {
                ReferenceType::ArticleJournal
                | ReferenceType::ArticleMagazine
                | ReferenceType::ArticleNewspaper => "journaltitle",
                ReferenceType::Chapter | ReferenceType::PaperConference => "booktitle",
                _ => "organization",
            };
            f.put(name, bib_text(c, true));
        }
        if r.kind == ReferenceType::ArticleNewspaper {
            f.put("entrysubtype", "newspaper".into());
        }
        if let Some(c) = &r.collection {
            f.put("series", bib_text(c, true));
        }
        // biblatex calls an article's issue its number, and an article's issue comes before
        // a series number (which then goes to the addendum).
        let (first, second) = match f.entry_type {
            "article" => (&r.issue, &r.number),
            _ => (&r.number, &r.issue),
        };
        for (name, value) in [
            ("number", first),
            ("volume", &r.volume),
            ("number", second),
            ("pages", &r.pages),
        ] {
            if let Some(v) = value {
                f.put(name, bib_text(v, false));
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
            f.put("type", bib_text(&g, false));
        }
        if let Some(e) = &r.event {
            f.put("eventtitle", bib_text(e, true));
        }
        if let Some(p) = &r.publisher {
            f.put("publisher", bib_text(p, false));
        }
        if let Some(p) = &r.place {
            f.put("location", bib_text(p, false));
        }
        if entry_type == "report" {
            // biblatex requires a report's issuer and kind: an institution as its author issued
            // it; "Report" where the work names no kind.
            if !f.has("institution") {
                if let Some(i) = &r.institution {
                    f.put("institution", bib_text(i, false));
                }
            }
            if !f.has("type") {
                f.put("type", "Report".into());
            }
        }
        if let Some(d) = &r.issued {
            f.put("date", bib_date(d));
        }
        if let Some(u) = &r.url {
            f.put("url", bib_url(u));
        }
        if let Some(a) = &r.accessed {
            f.put("urldate", a.unqualified().to_iso());
        }
        if let Some(n) = &r.note {
            f.put("note", bib_text(n, false));
        }
        let _ = writeln!(out, "@{entry_type}{{{key},");
        for (name, value) in f.fields {
            let _ = writeln!(out, "  {name} = {{{value}}},");
        }
        out.push_str("}\n\n");
    }
    out
}

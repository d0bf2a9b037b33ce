//! RIS, as Zotero reads and writes it.

use crate::core::dataset::{Reference, ReferenceType};
use crate::core::edtf::Edtf;
use std::fmt::Write;

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
            // Four digits, as RIS readers require: the first year it may be (1990 for `199X`);
            // what else the date says is in DA's words and, where it is uncertain, a note.
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
        if let Some(n) = r.issued.as_ref().and_then(super::date_note) {
            ris_line(&mut out, "N1", &n);
        }
        out.push_str("ER  - \r\n\r\n");
    }
    out
}

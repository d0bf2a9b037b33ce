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

//! Notices about what a link asked for and could not have, collapsed so that a link with 5,000
//! unknown domains gives one line ("5,000 unknown domains in the link ignored: 'a', 'b', 'c' …")
//! rather than 5,000.

use crate::core::dataset::Chronology;
use crate::core::query::{Facet, Filter};
use crate::core::text::{plural, shown};
use std::collections::HashSet;

/// At most this many values are named in a collapsed notice.
pub const NAMED: usize = 3;

/// Values are cut to this many characters in a notice.
const VALUE_CHARS: usize = 40;

/// One line for `count` ignored values of one kind, naming the first few different ones:
/// "5,000 unknown domains in the link ignored: 'a', 'b', 'c' …" (`where_` is "in the link").
pub fn collapsed(
    count: usize,
    (one, many): (&str, &str),
    where_: &str,
    names: &[String],
) -> String {
    let mut distinct: Vec<&str> = Vec::new();
    for name in names {
        if distinct.len() < NAMED && !distinct.contains(&name.as_str()) {
            distinct.push(name);
        }
    }
    let listed: Vec<String> = distinct
        .iter()
        .map(|n| format!("'{}'", shown(n, VALUE_CHARS)))
        .collect();
    let more = if count > distinct.len() { " …" } else { "" };
    let where_ = if where_.is_empty() {
        String::new()
    } else {
        format!(" {where_}")
    };
    format!(
        "{}{where_} ignored: {}{more}",
        plural(count, one, many),
        listed.join(", ")
    )
}

/// Ignored values gathered by kind, in the order the kinds first appear, so that each kind
/// gives one notice however many values it has.
#[derive(Debug, Default)]
pub struct Ignored {
    groups: Vec<Group>,
}

#[derive(Debug)]
struct Group {
    kind: String,
    nouns: (String, String),
    /// The notice when the value is the only one of its kind.
    alone: String,
    /// The first few values.
    names: Vec<String>,
    count: usize,
    /// What is said right after it (what went with it).
    then: Vec<String>,
}

impl Ignored {
    /// Notes one ignored `value` of `kind`, named by `nouns` (singular, plural) when collapsed,
    /// and by `alone` (called for the first value only) when it stays the only one.
    pub fn add(
        &mut self,
        kind: &str,
        nouns: (&str, &str),
        value: &str,
        alone: impl FnOnce() -> String,
    ) {
        let group = match self.groups.iter().position(|g| g.kind == kind) {
            Some(i) => &mut self.groups[i],
            None => {
                self.groups.push(Group {
                    kind: kind.to_string(),
                    nouns: (nouns.0.to_string(), nouns.1.to_string()),
                    alone: alone(),
                    names: Vec::new(),
                    count: 0,
                    then: Vec::new(),
                });
                let last = self.groups.len() - 1;
                &mut self.groups[last]
            }
        };
        group.count += 1;
        if group.names.len() < NAMED && !group.names.iter().any(|n| n == value) {
            group
                .names
                .push(value.chars().take(VALUE_CHARS + 1).collect());
        }
    }

    /// Says `note` right after the notice of `kind` (what was dropped with its values), if
    /// any of them was ignored.
    pub fn then(&mut self, kind: &str, note: String) {
        if let Some(group) = self.groups.iter_mut().find(|g| g.kind == kind) {
            group.then.push(note);
        }
    }

    /// Whether nothing was ignored.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// One notice per kind: its own message for a lone value, else [`collapsed`].
    pub fn notices(&self, where_: &str) -> Vec<String> {
        self.groups
            .iter()
            .flat_map(|g| {
                let notice = if g.count == 1 {
                    g.alone.clone()
                } else {
                    collapsed(g.count, (&g.nouns.0, &g.nouns.1), where_, &g.names)
                };
                std::iter::once(notice).chain(g.then.iter().cloned())
            })
            .collect()
    }
}

/// A facet's value names, singular and plural: ("domain", "domains").
pub fn facet_nouns(facet: Facet) -> (&'static str, &'static str) {
    match facet {
        Facet::Phase => ("phase", "phases"),
        Facet::Domain => ("domain", "domains"),
        Facet::ThirdParty => ("third party", "third parties"),
    }
}

/// Removes from the filter the values the chronology does not have, and returns them by facet
/// (facets with none left out), in the filter's order.
pub fn retain_known(filter: &mut Filter, data: &Chronology) -> Vec<(Facet, Vec<String>)> {
    let mut unknown = Vec::new();
    for facet in Facet::ALL {
        let options = facet.options(data);
        let known: HashSet<&str> = options.iter().map(|(id, _)| id.as_str()).collect();
        let selected = filter.selected_mut(facet);
        let missing: Vec<String> = selected
            .iter()
            .filter(|id| !known.contains(id.as_str()))
            .cloned()
            .collect();
        if !missing.is_empty() {
            selected.retain(|id| known.contains(id.as_str()));
            unknown.push((facet, missing));
        }
    }
    unknown
}

/// The notices for what a link asks for and the chronology does not have: one per facet
/// ("The link's domain 'x' is not in this chronology; ignored." for one value, "5,000 unknown
/// domains in the link ignored: 'a', 'b', 'c' …" for more), then one for the selected event.
/// The store calls it with [`retain_known`]'s result when it applies a link's view.
pub fn unknown_in_link(
    unknown: &[(Facet, Vec<String>)],
    unknown_event: Option<&str>,
) -> Vec<String> {
    let mut notices = Vec::new();
    for (facet, values) in unknown {
        let (one, many) = facet_nouns(*facet);
        match values.as_slice() {
            [] => {}
            [value] => notices.push(format!(
                "The link's {one} '{}' is not in this chronology; ignored.",
                shown(value, VALUE_CHARS)
            )),
            _ => notices.push(collapsed(
                values.len(),
                (&format!("unknown {one}"), &format!("unknown {many}")),
                "in the link",
                values.get(..NAMED).unwrap_or(values),
            )),
        }
    }
    if let Some(id) = unknown_event {
        notices.push(format!(
            "The link's event '{}' is not in this chronology; ignored.",
            shown(id, VALUE_CHARS)
        ));
    }
    notices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::embedded;

    #[test]
    fn five_thousand_unknown_domains_give_one_notice() {
        let data = embedded().unwrap();
        let mut filter = Filter::default();
        for i in 0..5_000 {
            filter.domains.insert(format!("nowhere-{i:04}"));
        }
        filter.domains.insert("cyber".into());
        filter.third_parties.insert("atlantis".into());
        filter.phases.insert(data.phases[0].id.clone());
        let unknown = retain_known(&mut filter, &data);
        assert_eq!(filter.domains.len(), 1);
        assert!(filter.domains.contains("cyber"));
        assert!(filter.third_parties.is_empty());
        assert_eq!(filter.phases.len(), 1);
        assert_eq!(
            unknown_in_link(&unknown, Some("no-such-event")),
            [
                "5,000 unknown domains in the link ignored: 'nowhere-0000', 'nowhere-0001', 'nowhere-0002' …",
                "The link's third party 'atlantis' is not in this chronology; ignored.",
                "The link's event 'no-such-event' is not in this chronology; ignored.",
            ]
        );
        assert_eq!(
            unknown_in_link(&[(Facet::ThirdParty, vec!["a".into(), "b".into()])], None),
            ["2 unknown third parties in the link ignored: 'a', 'b'"]
        );
        assert!(unknown_in_link(&[], None).is_empty());
    }

    #[test]
    fn long_and_hostile_values_are_shortened_and_shown() {
        let long = "y".repeat(100);
        let line = collapsed(2, ("thing", "things"), "", &[long.clone(), "a\u{1}".into()]);
        assert_eq!(
            line,
            format!("2 things ignored: '{}…', 'a␁'", "y".repeat(40))
        );
        let mut ignored = Ignored::default();
        assert!(ignored.is_empty());
        ignored.add("k", ("thing", "things"), "x", || "Only x.".into());
        assert_eq!(ignored.notices("here"), ["Only x."]);
        ignored.add("k", ("thing", "things"), "x", || unreachable!());
        assert_eq!(ignored.notices("here"), ["2 things here ignored: 'x' …"]);
    }
}

//! The rules a chronology must keep. Each broken rule names the record and the rule, so that a
//! person editing the JSON by hand knows exactly what to fix.

use super::schema::Chronology;
use std::collections::{HashMap, HashSet};
use std::fmt;

mod evidence;
mod stories;

pub use evidence::{evidence_occurs, normalise_for_evidence, sources_match_citations};
use stories::validate_stories;

/// One broken rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong: `event 1991-worner-visit`, `phase plateau`, `footnote 12`, `dataset`.
    pub subject: String,
    /// The rule's short name, e.g. `unique-id`, `end-after-start`.
    pub rule: &'static str,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]: {}", self.subject, self.rule, self.message)
    }
}

fn problem(subject: impl Into<String>, rule: &'static str, message: impl Into<String>) -> Problem {
    Problem {
        subject: subject.into(),
        rule,
        message: message.into(),
    }
}

/// Whether a link may be made clickable: only absolute http(s) URLs with a host.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    matches!(rest, Some(host) if !host.is_empty() && !host.starts_with('/'))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Checks every structural rule of a chronology and returns all the problems found, not just the
/// first. (Whether evidence phrases occur in the source is checked where the source text is at
/// hand: see [`evidence_occurs`].)
pub fn validate(c: &Chronology) -> Vec<Problem> {
    let mut problems = Vec::new();

    let mut duplicates = |kind: &str, ids: Vec<&str>| {
        let mut seen = HashSet::new();
        for id in ids {
            if id.trim().is_empty() {
                problems.push(problem(
                    kind,
                    "non-empty-id",
                    format!("a {kind} has an empty id"),
                ));
            } else if !seen.insert(id) {
                problems.push(problem(
                    format!("{kind} {id}"),
                    "unique-id",
                    format!("the id '{id}' is used by more than one {kind}"),
                ));
            }
        }
    };
    duplicates("event", c.events.iter().map(|e| e.id.as_str()).collect());
    duplicates("phase", c.phases.iter().map(|p| p.id.as_str()).collect());
    duplicates("domain", c.domains.iter().map(|d| d.id.as_str()).collect());
    duplicates(
        "third party",
        c.third_parties.iter().map(|t| t.id.as_str()).collect(),
    );
    duplicates("source", c.sources.iter().map(|r| r.id.as_str()).collect());

    let source_ids: HashSet<&str> = c.sources.iter().map(|r| r.id.as_str()).collect();
    let cited: HashSet<&str> = c
        .footnotes
        .iter()
        .flat_map(|f| f.sources.iter().map(String::as_str))
        .collect();
    for r in &c.sources {
        let subject = format!("source {}", r.id);
        if r.title.trim().is_empty() {
            problems.push(problem(&subject, "non-empty", "the title is empty"));
        }
        if let Some(url) = &r.url {
            if !is_web_url(url) {
                problems.push(problem(
                    &subject,
                    "web-url",
                    format!("'{url}' is not an http(s) URL"),
                ));
            }
        }
        if !cited.contains(r.id.as_str()) {
            problems.push(problem(&subject, "cited-source", "no footnote cites it"));
        }
    }

    let mut numbers = HashSet::new();
    for f in &c.footnotes {
        if f.number == 0 {
            problems.push(problem(
                "footnote 0",
                "footnotes-numbered",
                "footnotes are numbered from 1",
            ));
        } else if !numbers.insert(f.number) {
            problems.push(problem(
                format!("footnote {}", f.number),
                "unique-id",
                format!("the number {} is used by more than one footnote", f.number),
            ));
        }
        for url in f.urls() {
            if !is_web_url(url) {
                problems.push(problem(
                    format!("footnote {}", f.number),
                    "web-url",
                    format!("'{url}' is not an http(s) URL"),
                ));
            }
        }
        for id in &f.sources {
            if !source_ids.contains(id.as_str()) {
                problems.push(problem(
                    format!("footnote {}", f.number),
                    "known-source",
                    format!("the source '{id}' is not defined"),
                ));
            }
        }
        if f.citation.trim().is_empty() {
            problems.push(problem(
                format!("footnote {}", f.number),
                "non-empty",
                "the citation is empty",
            ));
        }
    }

    for p in &c.phases {
        // By the days the dates state, as an event's end is checked (not by their order: a
        // phase from 1990 to the 1990s, or from March to the spring, ends after it starts).
        if !crate::core::edtf::ends_after(&p.start, &p.end) && !p.start.contains(&p.end) {
            problems.push(problem(
                format!("phase {}", p.id),
                "end-after-start",
                format!(
                    "ends ({}) before it starts ({})",
                    p.end.to_iso(),
                    p.start.to_iso()
                ),
            ));
        }
    }

    let phases: HashMap<&str, _> = c.phases.iter().map(|p| (p.id.as_str(), p)).collect();
    let domains: HashSet<&str> = c.domains.iter().map(|d| d.id.as_str()).collect();
    let parties: HashSet<&str> = c.third_parties.iter().map(|t| t.id.as_str()).collect();
    let footnotes: HashSet<u32> = c.footnotes.iter().map(|f| f.number).collect();

    for e in &c.events {
        let subject = format!("event {}", e.id);
        if e.title.trim().is_empty() {
            problems.push(problem(&subject, "non-empty", "the title is empty"));
        }
        if let Some(message) = crate::core::text::title_length_problem(&e.title) {
            problems.push(problem(&subject, "title-length", message));
        }
        if e.open.is_some() && e.end.is_some() {
            problems.push(problem(
                &subject,
                "open-side",
                "a span with an open or unknown side has no end date",
            ));
        }
        if let Some(end) = e.end {
            if !crate::core::edtf::ends_after(&e.start, &end) {
                problems.push(problem(
                    &subject,
                    "end-after-start",
                    format!(
                        "ends ({}) before it starts ({})",
                        end.to_iso(),
                        e.start.to_iso()
                    ),
                ));
            }
        }
        // An event without a phase ("") is fine even where phases exist.
        if !c.phases.is_empty() && !e.phase.is_empty() {
            match phases.get(e.phase.as_str()) {
                None => problems.push(problem(
                    &subject,
                    "known-phase",
                    format!("the phase '{}' is not defined", e.phase),
                )),
                Some(p) => {
                    // At the coarser precision: a year-only "2001" may lie in a phase that
                    // starts in September 2001.
                    let within = e.start.end_day() > p.start.first_day()
                        && e.start.first_day() < p.end.end_day();
                    if !within && e.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                        problems.push(problem(
                            &subject,
                            "within-phase",
                            format!(
                                "starts {} outside its phase '{}' ({} – {}) and has no note saying why",
                                e.start.to_iso(),
                                p.id,
                                p.start.to_iso(),
                                p.end.to_iso()
                            ),
                        ));
                    }
                }
            }
        }
        for d in &e.domains {
            if !domains.contains(d.as_str()) {
                problems.push(problem(
                    &subject,
                    "known-domain",
                    format!("the domain '{d}' is not defined"),
                ));
            }
        }
        for t in &e.third_parties {
            if !parties.contains(t.as_str()) {
                problems.push(problem(
                    &subject,
                    "known-third-party",
                    format!("the third party '{t}' is not defined"),
                ));
            }
        }
        for n in &e.footnotes {
            if !footnotes.contains(n) {
                problems.push(problem(
                    &subject,
                    "known-footnote",
                    format!("footnote {n} does not exist"),
                ));
            }
        }
    }
    let known = Known {
        events: c.events.iter().map(|e| e.id.as_str()).collect(),
        phases: phases.keys().copied().collect(),
        domains,
        parties,
        footnotes,
    };
    validate_stories(c, &known, &mut problems);
    problems
}

/// The ids and numbers a story may refer to.
struct Known<'a> {
    events: HashSet<&'a str>,
    phases: HashSet<&'a str>,
    domains: HashSet<&'a str>,
    parties: HashSet<&'a str>,
    footnotes: HashSet<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_are_web_urls() {
        assert!(is_web_url(
            "https://www.nato.int/cps/en/natohq/news_27092.htm"
        ));
        assert!(is_web_url("http://www.mod.go.jp/e/d_act/"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("JAVASCRIPT://x"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("ftp://example.org"));
        assert!(!is_web_url("https://exa mple.org"));
    }

    #[test]
    fn footnotes_need_unique_numbers_from_1_and_events_may_have_no_phase() {
        let mut c = crate::core::dataset::embedded().unwrap();
        c.footnotes.retain(|f| f.number % 2 == 0 || f.number == 1);
        c.footnotes.iter_mut().for_each(|f| f.sources.clear());
        c.sources.clear();
        c.events.iter_mut().for_each(|e| e.footnotes.clear());
        // The story's quotes cite footnotes too.
        c.stories.clear();
        c.events[0].phase = String::new();
        assert!(validate(&c).is_empty(), "{:?}", validate(&c));
        let mut dup = c.footnotes[1].clone();
        c.footnotes.push(dup.clone());
        dup.number = 0;
        c.footnotes.push(dup);
        let problems: Vec<String> = validate(&c).iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            [
                "footnote 2 [unique-id]: the number 2 is used by more than one footnote",
                "footnote 0 [footnotes-numbered]: footnotes are numbered from 1"
            ]
        );
    }

    #[test]
    fn normalisation_ignores_markup_quotes_and_layout() {
        let brief = "the *NATO Review*.<sup>9</sup> The common \\$4.5 billion\n\n “only   natural,” [https://a.b/c\\_d](https://a.b/c\\_d) <https://x.y/z>";
        let n = normalise_for_evidence(brief);
        assert_eq!(
            n,
            "the NATO Review. The common $4.5 billion \"only natural,\" https://a.b/c_d https://x.y/z"
        );
        assert!(evidence_occurs("NATO Review. The common", &n));
        assert!(evidence_occurs("\u{201c}only natural,\u{201d}", &n));
        assert!(!evidence_occurs("only Natural", &n));
        assert!(!evidence_occurs("   ", &n));
    }
}

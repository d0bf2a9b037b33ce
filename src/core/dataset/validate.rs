//! The rules a chronology must keep. Each broken rule names the record and the rule, so that a
//! person editing the JSON by hand knows exactly what to fix.

use super::schema::Chronology;
use std::collections::{HashMap, HashSet};
use std::fmt;

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
        if p.end < p.start && !p.start.contains(&p.end) {
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

/// The rules of stories: ids unique (stories in the chronology, scenes in their story), every
/// event, footnote and filter value they name exists, windows end after they begin, and nothing
/// that is shown is empty. Each problem names the story, the scene and the rule.
fn validate_stories(c: &Chronology, known: &Known, problems: &mut Vec<Problem>) {
    let mut story_ids = HashSet::new();
    for (i, story) in c.stories.iter().enumerate() {
        let subject = if story.id.trim().is_empty() {
            format!("story {}", i + 1)
        } else {
            format!("story {}", story.id)
        };
        if story.id.trim().is_empty() {
            problems.push(problem(
                &subject,
                "non-empty-id",
                "the story has an empty id",
            ));
        } else if !story_ids.insert(story.id.as_str()) {
            problems.push(problem(
                &subject,
                "unique-id",
                format!("the id '{}' is used by more than one story", story.id),
            ));
        }
        if story.title.trim().is_empty() {
            problems.push(problem(&subject, "non-empty", "the title is empty"));
        }
        if story.scenes.is_empty() {
            problems.push(problem(&subject, "non-empty", "the story has no scenes"));
        }
        let mut scene_ids = HashSet::new();
        for (j, scene) in story.scenes.iter().enumerate() {
            let subject = if scene.id.trim().is_empty() {
                format!("{subject}, scene {}", j + 1)
            } else {
                format!("{subject}, scene {}", scene.id)
            };
            if scene.id.trim().is_empty() {
                problems.push(problem(
                    &subject,
                    "non-empty-id",
                    "the scene has an empty id",
                ));
            } else if !scene_ids.insert(scene.id.as_str()) {
                problems.push(problem(
                    &subject,
                    "unique-id",
                    format!(
                        "the id '{}' is used by more than one scene of the story",
                        scene.id
                    ),
                ));
            }
            if scene.title.trim().is_empty() {
                problems.push(problem(&subject, "non-empty", "the title is empty"));
            }
            let window = &scene.view.window;
            if !window.is_well_formed() {
                problems.push(problem(
                    &subject,
                    "window-order",
                    format!(
                        "the window ends ({}) before it begins ({})",
                        window.to.to_iso(),
                        window.from.to_iso()
                    ),
                ));
            }
            for id in &scene.view.highlight {
                if !known.events.contains(id.as_str()) {
                    problems.push(problem(
                        &subject,
                        "known-event",
                        format!("the highlighted event '{id}' does not exist"),
                    ));
                }
            }
            let filters = &scene.view.filters;
            for (values, set, rule, kind) in [
                (&filters.phases, &known.phases, "known-phase", "phase"),
                (&filters.domains, &known.domains, "known-domain", "domain"),
                (
                    &filters.third_parties,
                    &known.parties,
                    "known-third-party",
                    "third party",
                ),
            ] {
                for v in values {
                    if !set.contains(v.as_str()) {
                        problems.push(problem(
                            &subject,
                            rule,
                            format!("the filter's {kind} '{v}' is not defined"),
                        ));
                    }
                }
            }
            for (k, quote) in scene.quotes.iter().enumerate() {
                if quote.text.trim().is_empty() {
                    problems.push(problem(
                        &subject,
                        "non-empty",
                        format!("quote {} is empty", k + 1),
                    ));
                }
                for n in &quote.footnotes {
                    if !known.footnotes.contains(n) {
                        problems.push(problem(
                            &subject,
                            "known-footnote",
                            format!("quote {} cites footnote {n}, which does not exist", k + 1),
                        ));
                    }
                }
            }
            for (k, a) in scene.annotations.iter().enumerate() {
                if a.label.trim().is_empty() {
                    problems.push(problem(
                        &subject,
                        "non-empty",
                        format!("annotation {} ({}) has no label", k + 1, a.date.to_iso()),
                    ));
                }
            }
        }
    }
}

/// Normalises text for the verbatim-evidence rule: footnote markers (`<sup>…</sup>`) and
/// Markdown emphasis, escapes and link syntax removed, curly quotes made straight, and
/// whitespace runs collapsed, so that a phrase copied from the brief matches whatever the
/// layout of the brief's text file.
pub fn normalise_for_evidence(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    let mut rest = text;
    // Footnote markers go with their content.
    while let Some(i) = rest.find("<sup>") {
        s.push_str(&rest[..i]);
        match rest[i..].find("</sup>") {
            Some(j) => rest = &rest[i + j + "</sup>".len()..],
            None => {
                rest = &rest[i + "<sup>".len()..];
            }
        }
    }
    s.push_str(rest);
    // Markdown links [x](y) → x; autolinks <url> → url.
    let s = strip_markdown_links(&s);
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut last_space = true;
    while let Some(c) = chars.next() {
        let c = match c {
            '*' => continue,
            '\\' => match chars.peek() {
                Some(&n) if n.is_ascii_punctuation() => {
                    chars.next();
                    if n == '\\' {
                        // `\\_` is an escaped backslash before an escaped char in the brief's text.
                        if matches!(chars.peek(), Some(&m) if m.is_ascii_punctuation()) {
                            chars.next().unwrap_or(n)
                        } else {
                            n
                        }
                    } else {
                        n
                    }
                }
                _ => c,
            },
            '‘' | '’' | '‛' | '′' => '\'',
            '“' | '”' | '„' | '″' => '"',
            c => c,
        };
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
    out.trim_end().to_string()
}

fn strip_markdown_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let bracket = rest.find('[');
        let angle = rest.find("<http");
        match (bracket, angle) {
            (None, None) => break,
            (Some(b), a) if a.is_none_or(|a| b < a) => {
                if let Some(close) = rest[b..].find("](") {
                    let after = b + close + 2;
                    if let Some(paren) = rest[after..].find(')') {
                        out.push_str(&rest[..b]);
                        out.push_str(&rest[b + 1..b + close]);
                        rest = &rest[after + paren + 1..];
                        continue;
                    }
                }
                out.push_str(&rest[..=b]);
                rest = &rest[b + 1..];
            }
            (_, Some(a)) => {
                if let Some(close) = rest[a..].find('>') {
                    out.push_str(&rest[..a]);
                    out.push_str(&rest[a + 1..a + close]);
                    rest = &rest[a + close + 1..];
                } else {
                    out.push_str(&rest[..=a]);
                    rest = &rest[a + 1..];
                }
            }
            (Some(_), None) => unreachable!("covered by the guard above"),
        }
    }
    out.push_str(rest);
    out
}

/// The text of a title or citation as the source rule compares them: normalised as evidence
/// is, in lower case, without quotes, commas, full stops or spaces (the brief's "counter-
/// piracy" is the source's "counter-piracy").
fn citation_key(text: &str) -> String {
    normalise_for_evidence(text)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | ',' | '.' | '’' | '‘'))
        .collect()
}

/// Each source's title, and the year it was issued, occur in the text of a footnote citing it
/// (up to case, quotes and layout): the structured record says what the brief says.
pub fn sources_match_citations(c: &Chronology) -> Vec<Problem> {
    let mut problems = Vec::new();
    for r in &c.sources {
        let citing: Vec<String> = c
            .footnotes
            .iter()
            .filter(|f| f.sources.contains(&r.id))
            .map(|f| citation_key(&f.citation))
            .collect();
        let subject = format!("source {}", r.id);
        let title = citation_key(&r.title);
        if !citing.iter().any(|text| text.contains(&title)) {
            problems.push(problem(
                &subject,
                "title-in-citation",
                format!("the title '{}' is in no footnote citing it", r.title),
            ));
        }
        if let Some(year) = r.issued.and_then(|d| d.year()) {
            if !citing.iter().any(|text| text.contains(&year.to_string())) {
                problems.push(problem(
                    &subject,
                    "year-in-citation",
                    format!("the year {year} is in no footnote citing it"),
                ));
            }
        }
    }
    problems
}

/// Whether `phrase` occurs verbatim in the source, up to whitespace and quote style.
pub fn evidence_occurs(phrase: &str, normalised_source: &str) -> bool {
    let p = normalise_for_evidence(phrase);
    !p.is_empty() && normalised_source.contains(&p)
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

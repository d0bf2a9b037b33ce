//! The rules of evidence: every quoted phrase occurs verbatim in its source, and the sources
//! match the footnotes' citations.

use super::{problem, Problem};
use crate::core::dataset::schema::Chronology;

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

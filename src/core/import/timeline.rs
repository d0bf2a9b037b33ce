//! What TimelineJS files (JSON and CSV alike) turn into: media footnotes, events, notes, titles.

use super::clean::cap_title;
use super::{file_stem, quoted, Change, ImportProblem, Slugs, When};
use crate::core::dataset::validate::is_web_url;
use crate::core::dataset::{Event, Footnote};
use crate::core::rich_text::{is_markup, one_line};

/// A TimelineJS media link as a footnote (numbered when the chronology is built), or the
/// problem with it. `Ok(None)` when there is no link.
pub(crate) fn media_footnote(
    url: &str,
    caption: &str,
    credit: &str,
) -> Result<Option<Footnote>, String> {
    let url = url.trim();
    if url.is_empty() {
        return Ok(None);
    }
    if !crate::core::dataset::validate::is_web_url(url) {
        return Err(format!("{} is not an http(s) link", quoted(url)));
    }
    // Read as HTML, as TimelineJS shows them ("<a href='…'>The Recording Academy</a>"): a
    // footnote is plain text (see [`plain_media_text`]).
    let (credit, caption) = (plain_title(credit).0, plain_title(caption).0);
    let words: Vec<&str> = [credit.as_str(), caption.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let citation = if words.is_empty() {
        url.to_string()
    } else {
        words.join(" — ")
    };
    Ok(Some(Footnote {
        number: 0,
        citation,
        url: Some(url.to_string()),
        other_urls: vec![],
        sources: vec![],
    }))
}

/// What a TimelineJS media link (`media.url`, the sheet's Media column) becomes: the event's
/// source (a footnote) when it is an http(s) link, one starting with `//` made https; nothing
/// otherwise (embed code, a path into the site the file was made for, `javascript:`, `data:` …),
/// which never makes the event a bad record. With the change made, for the report.
pub(crate) fn timeline_media(
    url: &str,
    caption: &str,
    credit: &str,
) -> (Option<Footnote>, Option<Change>) {
    let url = url.trim();
    if url.is_empty() {
        return (None, None);
    }
    let footnote = |url: &str| media_footnote(url, caption, credit).ok().flatten();
    if let Some(rest) = url.strip_prefix("//") {
        let https = format!("https://{rest}");
        if is_web_url(&https) {
            return (footnote(&https), Some(Change::MediaHttps));
        }
    }
    if is_web_url(url) {
        return (footnote(url), None);
    }
    // "javascript:", "data:", "mailto:": a scheme is a letter, then letters, digits, + - or .
    let scheme = url.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let change = if scheme || url.starts_with("//") {
        Change::MediaOther
    } else if url.contains('<') {
        Change::MediaMarkup
    } else {
        Change::MediaRelative
    };
    (None, Some(change))
}

/// TimelineJS text (HTML) as a summary that reads as markup ([`is_markup`]): text with other
/// tags or character references but none of the allow-list's ("<span>Sumer</span> &amp;
/// Akkad") in a paragraph, so that it is shown as HTML shows it, not as written.
pub(crate) fn as_markup(text: String) -> String {
    if !is_markup(&text) && (text.contains('<') || text.contains('&')) {
        format!("<p>{text}</p>")
    } else {
        text
    }
}

/// A TimelineJS slide or spreadsheet row as an event: its group (if any) becomes its domain; the
/// facets it cannot have stay empty, and its phase comes from the eras once all are read.
pub(crate) fn timeline_event(
    id: String,
    (start, end, open): When,
    title: String,
    summary: String,
    group: &str,
    groups: &mut Slugs,
) -> Event {
    let group = group.trim();
    Event {
        id,
        start,
        end,
        open,
        title,
        // TimelineJS text is HTML: kept as written, and shown through rich_text's allow-list.
        summary: as_markup(summary),
        phase: String::new(),
        domains: if group.is_empty() {
            vec![]
        } else {
            vec![groups.id(group, "group")]
        },
        third_parties: vec![],
        actors: vec![],
        footnotes: vec![],
        evidence: String::new(),
        note: None,
    }
}

/// What a TimelineJS file says of an event's date beyond its day, kept as the event's note so
/// that nothing is lost: the times of day (the timeline places events by day) and the date as
/// the file displays it ("Spring 1991"). `None` when the file says nothing more.
pub(crate) fn timeline_note(
    start_time: Option<&str>,
    end_time: Option<&str>,
    display: Option<&str>,
) -> Option<String> {
    fn clean(s: Option<&str>) -> Option<&str> {
        s.map(str::trim).filter(|s| !s.is_empty())
    }
    let mut parts = Vec::new();
    match (clean(start_time), clean(end_time)) {
        (Some(s), Some(e)) => parts.push(format!("Times of day in the imported file: {s} to {e}.")),
        (Some(s), None) => parts.push(format!("Time of day in the imported file: {s}.")),
        (None, Some(e)) => parts.push(format!("Time of day in the imported file: ends {e}.")),
        (None, None) => {}
    }
    if let Some(d) = clean(display) {
        parts.push(format!("The file displays the date as “{d}”."));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A TimelineJS headline as a title: TimelineJS shows it as HTML ("Whitney Houston<br/> 1963 -
/// 2012", "Euclid's <i>Optica</i>"), and a title is plain text, so it is its plain text on one
/// line ([`one_line`]: tags removed, a line break a space, character references decoded, white
/// space collapsed). With whether that changed more than the spaces at its ends.
pub(crate) fn plain_title(headline: &str) -> (String, bool) {
    let trimmed = headline.trim();
    if !trimmed.contains(['<', '&', '\n', '\r', '\t', '\u{c}'])
        && !trimmed.contains("  ")
        && trimmed.chars().all(|c| c == ' ' || !c.is_whitespace())
        && trimmed.chars().any(visible)
    {
        // Nothing HTML would show otherwise (the common case, and a quick one).
        return (trimmed.to_string(), false);
    }
    // Every kind of space collapsed (HTML's `&nbsp;` decodes to one that `one_line` keeps), and
    // a headline with nothing visible in it ("&nbsp;", "&#8203;") none: the title is then the
    // text's, or the row's problem, never a blank title that refuses the whole file.
    let plain = one_line(trimmed)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let plain = if plain.chars().any(visible) {
        plain
    } else {
        String::new()
    };
    let changed = plain != trimmed;
    (plain, changed)
}

/// Whether a character shows: not a space, nor a zero-width or invisible format character.
fn visible(c: char) -> bool {
    !c.is_whitespace()
        && !matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Whether a media credit or caption changes when read as HTML, as TimelineJS shows it (a link
/// in a credit): the footnote made of it holds its plain text ([`plain_title`]).
pub(crate) fn plain_media_text(text: &str) -> bool {
    plain_title(text).1
}

/// The most characters of a slide's text made its title where it has no headline.
const TITLE_FROM_TEXT: usize = 80;

/// An event title from a TimelineJS headline ([`plain_title`]), or the start of the text when
/// the headline has no text: the text is HTML, and a title is its plain text on one line, cut
/// after a whole word with "…" where it runs on ("Samuel Langhorne Clemens (November 30, 1835 –
/// April 21, 1910), better known by h" was cut in a word). With whether the headline was
/// changed by reading it as HTML, and whether the title is the text's.
pub(crate) fn title_from(headline: &str, text: &str) -> (Option<String>, bool, bool) {
    let (h, changed) = plain_title(headline);
    if !h.is_empty() {
        return (Some(h), changed, false);
    }
    let title = cut_title(text);
    let from_text = !title.is_empty();
    (from_text.then_some(title), changed, from_text)
}

/// The plain text of HTML `text` on one line, as a title: cut after a whole word with "…"
/// where it runs past [`TITLE_FROM_TEXT`] characters.
fn cut_title(text: &str) -> String {
    let whole = one_line(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let title = if whole.chars().count() <= TITLE_FROM_TEXT {
        whole
    } else {
        let cut: String = whole.chars().take(TITLE_FROM_TEXT).collect();
        // Back to the last whole word (unless that leaves less than half).
        let at = cut
            .rfind(' ')
            .filter(|&i| cut[..i].chars().count() >= TITLE_FROM_TEXT / 2)
            .unwrap_or(cut.len());
        let kept = cut[..at].trim_end_matches([',', ';', ':', ' ', '(', '–', '-']);
        format!("{kept}…")
    };
    title.trim().to_string()
}

/// A title for a slide of media alone (a video, a tweet; TimelineJS shows such slides): its
/// media's caption, else its credit, as plain text ([`cut_title`]), where it has a media link.
pub(crate) fn title_from_media(url: &str, caption: &str, credit: &str) -> Option<String> {
    if url.trim().is_empty() {
        return None;
    }
    [caption, credit]
        .into_iter()
        .map(cut_title)
        .find(|t| t.chars().any(visible))
}

/// The chronology's title from a TimelineJS title slide's headline (or, without one, the file's
/// name): its plain text ([`plain_title`]), cut to the length a title may have, each change noted
/// at `place`.
pub(crate) fn chronology_title(
    headline: &str,
    place: &str,
    file_name: &str,
    notices: &mut Vec<ImportProblem>,
) -> String {
    let (plain, read_as_html) = plain_title(headline);
    if read_as_html {
        notices.push(ImportProblem::new(
            place,
            format!(
                "the headline {} was read as HTML, as TimelineJS shows it: a title is plain text, \
                 so tags were removed (a line break is a space), character references decoded \
                 and spaces collapsed",
                quoted(headline.trim())
            ),
        ));
    }
    let mut title = if plain.is_empty() {
        file_stem(file_name)
    } else {
        plain
    };
    cap_title(&mut title, place, notices);
    title
}

/// Why a slide or a row has no title: its headline and text are empty, or only markup.
pub(crate) fn no_title(headline: &str, text: &str) -> &'static str {
    if headline.trim().is_empty() && text.trim().is_empty() {
        "the headline and the text are both empty"
    } else {
        "the headline and the text have no text to show, only markup"
    }
}

/// "North korea" for "north-korea": a label for an id the file gives without one.
pub(crate) fn label_for_id(id: &str) -> String {
    let spaced = id.replace('-', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

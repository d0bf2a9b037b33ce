//! Text search: the folded text of each event, matching, and the ranges to highlight.

use crate::core::dataset::{Chronology, Event, Footnote, Person};
use std::borrow::Cow;

/// The folded text of each event that search looks in: title, summary, actors, evidence, date,
/// and the authors of the works its footnotes cite.
pub fn search_haystacks(data: &Chronology) -> Vec<String> {
    let authors = cited_authors(data);
    data.events
        .iter()
        .map(|e| {
            let mut s =
                String::with_capacity(e.title.len() + e.summary.len() + e.evidence.len() + 32);
            fold_event_into(e, &authors, &mut s);
            s
        })
        .collect()
}

/// The folded names of the persons who wrote the works each footnote cites, by footnote number
/// ("Stokes." and the note giving the article in full both name Henry Scott Stokes): searching
/// an author finds the events resting on their work. (Not the works' titles or institutions: a
/// search for "2014" or "NATO" would find every event citing a work of 2014 or of NATO.)
pub(super) fn cited_authors(data: &Chronology) -> Vec<String> {
    let last = data.footnotes.iter().map(|f| f.number).max().unwrap_or(0);
    let mut by_note = vec![String::new(); last as usize + 1];
    for f in &data.footnotes {
        let names = &mut by_note[f.number as usize];
        for person in authors_of(data, f) {
            fold_into(&person.display_name(), names);
            names.push('\n');
        }
    }
    by_note
}

/// The persons who wrote the works footnote `f` cites.
fn authors_of<'a>(data: &'a Chronology, f: &'a Footnote) -> impl Iterator<Item = &'a Person> {
    f.sources
        .iter()
        .filter_map(|id| data.reference(id))
        .flat_map(|r| &r.authors)
}

/// An event's summary as search reads it: markup (a TimelineJS slide's HTML) as the text it
/// shows.
fn summary_text(e: &Event) -> Cow<'_, str> {
    if crate::core::rich_text::is_markup(&e.summary) {
        Cow::Owned(crate::core::rich_text::plain_text(&e.summary))
    } else {
        Cow::Borrowed(&e.summary)
    }
}

/// Appends the folded text of one event that search looks in: its title, summary (markup as the
/// text it shows), actors, evidence and date, a line each, then the authors its footnotes cite
/// (`authors`, from [`cited_authors`]).
pub(super) fn fold_event_into(e: &Event, authors: &[String], out: &mut String) {
    fold_into(&e.title, out);
    out.push('\n');
    fold_into(&summary_text(e), out);
    out.push('\n');
    for a in &e.actors {
        fold_into(a, out);
        out.push('\n');
    }
    fold_into(&e.evidence, out);
    out.push('\n');
    fold_into(&e.date_label(), out);
    for n in &e.footnotes {
        if let Some(names) = authors.get(*n as usize).filter(|names| !names.is_empty()) {
            out.push('\n');
            out.push_str(names.trim_end());
        }
    }
}

/// Every term of the query (see [`terms`]) occurs in the haystack (both folded).
pub fn text_matches(haystack: &str, query: &str) -> bool {
    terms(query)
        .iter()
        .all(|term| haystack.contains(term.as_str()))
}

/// What a query looks for, folded: its words, and the phrases it puts in quotation marks
/// (`"Tokyo Conference"`, “…”, «…») whole, their words one space apart. Readers type quotation
/// marks to mean a phrase; taken as letters, they matched nothing. An unclosed quotation mark
/// opens a phrase to the end (a phrase being typed). Apostrophes are letters (`Abe's`).
pub fn terms(query: &str) -> Vec<String> {
    let folded = fold(query);
    let mut out = Vec::new();
    for (n, part) in folded.split(['"', '“', '”', '„', '«', '»']).enumerate() {
        if n % 2 == 1 {
            let phrase = part.split_whitespace().collect::<Vec<_>>().join(" ");
            if !phrase.is_empty() {
                out.push(phrase);
            }
        } else {
            out.extend(part.split_whitespace().map(String::from));
        }
    }
    out
}

/// Lower case without diacritics: "Wörner" → "worner", "Œuvre" → "oeuvre".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends `text` folded as [`fold`] does.
pub fn fold_into(text: &str, out: &mut String) {
    // Most text is ASCII: whole runs of it are lowered at once.
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            fold_char(c, out);
            rest = chars.as_str();
        }
    }
}

pub(super) fn fold_char(c: char, out: &mut String) {
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' => 'c',
        'Ď' | 'ď' | 'Đ' | 'đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => 'e',
        'Ğ' | 'ğ' => 'g',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'İ' | 'ı' => 'i',
        'Ł' | 'ł' => 'l',
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => 'o',
        'Ř' | 'ř' => 'r',
        'Ś' | 'ś' | 'Ş' | 'ş' | 'Š' | 'š' => 's',
        'Ţ' | 'ţ' | 'Ť' | 'ť' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' => 'u',
        'Ý' | 'ý' | 'ÿ' => 'y',
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => 'z',
        'ß' => return out.push_str("ss"),
        'Æ' | 'æ' => return out.push_str("ae"),
        'Œ' | 'œ' => return out.push_str("oe"),
        '‘' | '’' => '\'',
        '“' | '”' => '"',
        '–' | '—' => '-',
        c => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(base);
}

/// Words too common to highlight on their own ("of" in "gulf of aden" marked every "of").
const COMMON_WORDS: [&str; 16] = [
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to",
    "with",
];

/// Byte ranges of `text` where the query's words occur (case- and diacritic-insensitive), merged
/// and in order: what the list highlights. The whole query is highlighted where it occurs; a
/// common word ("of", "the") of a query with other words only there.
pub fn highlight_ranges(text: &str, query: &str) -> Vec<(usize, usize)> {
    let all: Vec<String> = terms(query);
    if all.is_empty() {
        return vec![];
    }
    let mut words: Vec<String> = all
        .iter()
        .filter(|w| !COMMON_WORDS.contains(&w.as_str()))
        .cloned()
        .collect();
    if words.is_empty() {
        words = all.clone();
    }
    if all.len() > 1 {
        words.push(all.join(" "));
    }
    // Fold char by char, remembering where each folded byte came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let before = folded.len();
        fold_char(c, &mut folded);
        origin.extend(std::iter::repeat_n(i, folded.len() - before));
    }
    origin.push(text.len());
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for w in &words {
        let mut from = 0;
        while let Some(at) = folded[from..].find(w.as_str()) {
            let start = from + at;
            let end = start + w.len();
            let original_end = text[origin[end - 1]..]
                .chars()
                .next()
                .map_or(text.len(), |c| origin[end - 1] + c.len_utf8());
            ranges.push((origin[start], original_end));
            from = end;
        }
    }
    crate::core::sort::sort(&mut ranges);
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Where a search found an event outside its title, for the list to say under the title (the
/// reader sees why an event whose title does not show the words is there).
#[derive(Clone, Debug, PartialEq)]
pub struct FoundIn {
    pub field: Field,
    /// The field's text, or a few words of it about the first match, "…" where it is cut.
    pub excerpt: String,
}

/// A part of an event that search looks in, besides its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Summary,
    Actor,
    /// The source's words that state it.
    Evidence,
    /// An author of a work that one of its footnotes cites (the footnote's number).
    Author {
        note: u32,
    },
}

impl Field {
    /// How the list names it, before the excerpt.
    pub fn label(self) -> String {
        match self {
            Field::Summary => "Summary".into(),
            Field::Actor => "Actor".into(),
            Field::Evidence => "In the brief".into(),
            Field::Author { note } => format!("Cited author, note {note}"),
        }
    }
}

/// The most places [`found_in`] gives for one event.
pub const MAX_FOUND_IN: usize = 2;
/// About how many characters an excerpt keeps before and after its match.
const EXCERPT_BEFORE: usize = 30;
const EXCERPT_AFTER: usize = 50;

/// Where the query's words that event `e`'s title and date (what the list shows of it) do not
/// hold were found: the first part of the event (summary, actors, the brief's words, then the
/// authors its footnotes cite) that holds each, a few words about it, at most [`MAX_FOUND_IN`]
/// places (a word an earlier excerpt already shows gets none). Empty when the title and date
/// hold every word (or the event does not match).
pub fn found_in(data: &Chronology, e: &Event, query: &str) -> Vec<FoundIn> {
    let shown = format!("{}\n{}", fold(&e.title), fold(&e.date_label()));
    let missing: Vec<String> = terms(query)
        .into_iter()
        .filter(|w| !shown.contains(w.as_str()))
        .collect();
    if missing.is_empty() {
        return vec![];
    }
    let mut parts: Vec<(Field, Cow<str>)> = vec![(Field::Summary, summary_text(e))];
    parts.extend(
        e.actors
            .iter()
            .map(|a| (Field::Actor, Cow::Borrowed(a.as_str()))),
    );
    parts.push((Field::Evidence, Cow::Borrowed(&e.evidence)));
    for f in e.footnotes.iter().filter_map(|&n| data.footnote(n)) {
        let field = Field::Author { note: f.number };
        parts.extend(authors_of(data, f).map(|p| (field, Cow::Owned(p.display_name()))));
    }
    let folded: Vec<String> = parts.iter().map(|(_, text)| fold(text)).collect();
    let mut found: Vec<FoundIn> = Vec::new();
    for word in &missing {
        if found.len() == MAX_FOUND_IN {
            break;
        }
        let Some((field, text)) = folded
            .iter()
            .position(|f| f.contains(word.as_str()))
            .map(|k| &parts[k])
        else {
            continue;
        };
        if found
            .iter()
            .any(|f| fold(&f.excerpt).contains(word.as_str()))
        {
            continue;
        }
        found.push(FoundIn {
            field: *field,
            excerpt: excerpt(text, word),
        });
    }
    found
}

/// A few words of `text` about the first place `word` (folded) occurs in it, cut at spaces,
/// with "…" where it is cut.
pub(super) fn excerpt(text: &str, word: &str) -> String {
    // The term whole (a phrase's words side by side, not the first of them alone).
    let Some(&(start, end)) = highlight_ranges(text, &format!("\"{word}\"")).first() else {
        return text.to_string();
    };
    let before = &text[..start];
    let from = before
        .char_indices()
        .rev()
        .nth(EXCERPT_BEFORE)
        .and_then(|(i, _)| before[i..].find(' ').map(|s| i + s + 1))
        .unwrap_or(0);
    let after = &text[end..];
    let to = after
        .char_indices()
        .nth(EXCERPT_AFTER)
        .map(|(i, _)| after[..i].rfind(' ').map_or(end + i, |s| end + s))
        .unwrap_or(text.len());
    let piece = text[from..to].trim();
    // A cut through a quotation leaves one of its marks alone: the other goes at the cut.
    let quotes = piece.matches(['"', '“', '”']).count();
    let lone_quote = quotes % 2 == 1;
    let mut out = String::new();
    if from > 0 {
        if lone_quote {
            out.push('“');
        }
        out.push('…');
    }
    out.push_str(piece);
    if to < text.len() {
        out.push('…');
        if lone_quote && from == 0 {
            out.push('”');
        }
    }
    out
}

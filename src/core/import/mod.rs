//! Importing a chronology from a file the user picks: our own JSON and CSV (what the exports
//! write), and TimelineJS JSON and CSV (the Knight Lab formats many timelines are kept in).
//!
//! Pure and total: any bytes give either a chronology that keeps every rule of
//! [`validate`](crate::core::dataset::validate::validate) or the list of every problem found, each
//! with a place a person can find in the file ("row 14, column Year", "line 3, column 17",
//! "event 5 (id 'x'), field start"). Nothing here panics, whatever the input.

mod build;
mod clean;
mod csv;
mod dates;
mod json;
mod tally;
mod timeline;

pub use csv::{head_line_marker, HEAD_LINE, VIEW_LINE};

pub(crate) use crate::core::text::slug;
use build::finish;
pub(crate) use build::{too_many_records, Derive, Draft, Item, Record};
pub(crate) use dates::{when, when_from_parts, DatePart, When};
pub(crate) use tally::Change;
pub(crate) use timeline::{
    as_markup, media_footnote, plain_media_text, plain_title, timeline_event, timeline_media,
    timeline_note, title_from, title_from_media,
};

use crate::core::dataset::{Chronology, Source};
use crate::core::text::{plural, shown, thousands};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Files larger than this are refused before reading.
pub const MAX_IMPORT_BYTES: u64 = 50 * 1024 * 1024;

/// JSON nested deeper than this is refused (with the place where it gets too deep).
pub const MAX_NESTING: usize = 64;

/// At most this many problems are listed; a last entry says how many more there are.
pub const MAX_PROBLEMS: usize = 1000;

/// The formats an import understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Our own schema (`assets/data/japan-nato.json`, the JSON export).
    Json,
    /// TimelineJS3 JSON.
    TimelineJson,
    /// TimelineJS 2 JSON (`{"timeline": {"date": […], "era": […]}}`), read as TimelineJS3 JSON.
    TimelineJson2,
    /// Our CSV export.
    Csv,
    /// The TimelineJS Google-sheet template, saved as CSV.
    TimelineCsv,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "chronology JSON",
            Format::TimelineJson => "TimelineJS JSON",
            Format::TimelineJson2 => "TimelineJS 2 JSON",
            Format::Csv => "chronology CSV",
            Format::TimelineCsv => "TimelineJS CSV",
        }
    }

    /// The format whose [`label`](Format::label) this is.
    pub fn from_label(label: &str) -> Option<Format> {
        [
            Format::Json,
            Format::TimelineJson,
            Format::TimelineJson2,
            Format::Csv,
            Format::TimelineCsv,
        ]
        .into_iter()
        .find(|f| f.label() == label)
    }
}

/// One problem found in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    /// Where: "row 14, column Year", "line 3, column 17", "event 5 (id 'x'), field start",
    /// "footnote 3", "file". Empty only for the closing "… and N more problems".
    pub location: String,
    /// What: "'19x4' is not a year (-500 for 501 BC)".
    pub message: String,
}

impl ImportProblem {
    pub fn new(location: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            location: location.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.location, self.message)
        }
    }
}

/// A successful import.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// Events sorted ([`Chronology::sort_events`]); `validate()` finds no problem in it.
    pub chronology: Chronology,
    pub format: Format,
    /// The problems of the records left out (non-empty only when skipping bad records).
    pub skipped: Vec<ImportProblem>,
    pub skipped_records: usize,
    /// The file's eras imported (as phases): TimelineJS's eras are records of the file, as its
    /// events are, and the import says how many arrived (see [`arrived`]). 0 for our formats,
    /// whose phases are not records.
    pub eras: usize,
    /// What the import changed or left out in the records it kept, for the user to know:
    /// "event 3 (id 'x'), field title: 2 control characters removed (U+0001)", "row 1: 3 columns
    /// ignored: …". At most [`MAX_PROBLEMS`], then "… and N more notices".
    pub notices: Vec<ImportProblem>,
    /// The view the file was exported with (a link's query string: filters, search, window),
    /// from our JSON's `view` or our CSV's first line `# view: ?…`; not kept in `chronology`.
    pub view: Option<String>,
}

impl Imported {
    /// The view the file was exported with, read as a link is, with a notice for each part
    /// that was ignored.
    pub fn view_state(&self) -> Option<(crate::core::url_state::ViewState, Vec<String>)> {
        self.view.as_deref().map(crate::core::url_state::parse)
    }
}

/// A refused import.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportFailure {
    pub format: Option<Format>,
    /// Every problem found (at most [`MAX_PROBLEMS`], then "… and N more problems").
    pub problems: Vec<ImportProblem>,
    /// How many problems were found, listed or not.
    pub problem_count: usize,
    /// Of them, the problems of the file as a whole rather than of one of its records.
    pub file_problems: usize,
    /// Records (events, eras, rows) seen.
    pub records: usize,
    /// Records with at least one problem.
    pub bad_records: usize,
    /// The events and eras that leaving out the bad records would import (see
    /// [`ImportFailure::skip_offer`]): the good records, by what they become.
    pub good_events: usize,
    pub good_eras: usize,
    /// Whether skipping the bad records would give a usable import: some records are good and
    /// every problem belongs to a record that can be left out.
    pub can_skip: bool,
}

impl ImportFailure {
    /// A refusal for problems of the file as a whole (none of them a record's), listed up to
    /// [`MAX_PROBLEMS`].
    pub fn of_file(format: Option<Format>, problems: Vec<ImportProblem>) -> Self {
        Self {
            format,
            problem_count: problems.len(),
            file_problems: problems.len(),
            problems: capped(problems),
            records: 0,
            bad_records: 0,
            good_events: 0,
            good_eras: 0,
            can_skip: false,
        }
    }

    fn fatal(format: Option<Format>, location: &str, message: impl Into<String>) -> Self {
        Self::of_file(format, vec![ImportProblem::new(location, message)])
    }

    /// What the refusal found, in a sentence: "2,500 problems in 2,500 of 5,000 records (read
    /// as chronology CSV)." Counted in full, not as far as the list goes; a problem of the file
    /// as a whole is said to be one ("1 problem with the file as a whole"), not one "in 0 of 3
    /// records".
    pub fn summary(&self) -> String {
        let read_as = self
            .format
            .map(|f| format!(" (read as {})", f.label()))
            .unwrap_or_default();
        let all = plural(self.problem_count, "problem", "problems");
        let in_records = self.problem_count.saturating_sub(self.file_problems);
        if self.records == 0 {
            format!("{all}{read_as}.")
        } else if self.bad_records == 0 || in_records == 0 {
            format!("{all} with the file as a whole{read_as}.")
        } else if self.file_problems == 0 {
            format!(
                "{all} in {} of {}{read_as}.",
                thousands(self.bad_records),
                plural(self.records, "record", "records")
            )
        } else {
            format!(
                "{all}: {} in {} of {}, {} with the file as a whole{read_as}.",
                thousands(in_records),
                thousands(self.bad_records),
                plural(self.records, "record", "records"),
                thousands(self.file_problems)
            )
        }
    }

    /// The button that imports the good records, naming what arrives ("Import the 2 good
    /// events and 1 era, leaving out 1 bad record"): a TimelineJS era becomes a phase, not an
    /// event, and "3 good records" promised three events where two arrived. None when leaving
    /// out the bad records would not give a chronology.
    pub fn skip_offer(&self) -> Option<String> {
        (self.can_skip && self.good_events > 0).then(|| {
            format!(
                "Import the {}, leaving out {}",
                events_and_eras(self.good_events, self.good_eras, "good "),
                plural(self.bad_records, "bad record", "bad records")
            )
        })
    }
}

/// What an import brings in, in words: "2 events", "2 events and 1 era" (a TimelineJS file's
/// eras are records of it, which become phases). The offer to leave out bad records and the
/// report once they are left out both say it, so that they name the same things.
pub fn arrived(events: usize, eras: usize) -> String {
    events_and_eras(events, eras, "")
}

/// "2 events and 1 era", the events said to be `kind` ("good "): the eras are not counted
/// where there are none.
fn events_and_eras(events: usize, eras: usize, kind: &str) -> String {
    let events = plural(events, &format!("{kind}event"), &format!("{kind}events"));
    if eras == 0 {
        events
    } else {
        format!("{events} and {}", plural(eras, "era", "eras"))
    }
}

/// Imports a chronology from a file's bytes. `file_name` only helps detection (".csv" /
/// ".json") and gives the title when the file has none. With `skip_bad_records`, records with
/// problems are left out (and listed in [`Imported::skipped`]) rather than refusing the file.
pub fn import(
    bytes: &[u8],
    file_name: &str,
    skip_bad_records: bool,
) -> Result<Imported, ImportFailure> {
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        let mb = bytes.len() as f64 / (1024.0 * 1024.0);
        return Err(ImportFailure::fatal(
            None,
            "file",
            format!(
                "the file is {mb:.1} MB; at most {} MB can be imported",
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
        ));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(ImportFailure::fatal(
            None,
            "file",
            format!("this is {kind}, not a chronology (import a JSON or CSV file: the explorer's own export, a TimelineJS JSON file, or a sheet saved as CSV)"),
        ));
    }
    let text = decode(bytes).map_err(|p| ImportFailure::of_file(None, vec![p]))?;
    if is_html_page(text) {
        return Err(ImportFailure::fatal(
            None,
            "file",
            "this is an HTML page, not a chronology (a web page was read where a JSON or CSV file was expected: check the file or its address)",
        ));
    }
    let draft = match text.trim_start().as_bytes().first() {
        Some(b'{') | Some(b'[') => json::parse(text, file_name),
        Some(_) => csv::parse(text, file_name).map_err(|(format, problems)| {
            // A ".json" file that is not JSON: say so rather than speak of CSV columns.
            if format.is_none() && file_name.to_ascii_lowercase().ends_with(".json") {
                let offset = text.len() - text.trim_start().len();
                (
                    None,
                    vec![ImportProblem::new(
                        line_column(text, offset),
                        "this is not a chronology: a chronology's JSON file starts with '{'",
                    )],
                )
            } else {
                (format, problems)
            }
        }),
        None => Err((None, vec![ImportProblem::new("file", "the file is empty")])),
    };
    match draft {
        Ok(draft) => finish(draft, skip_bad_records),
        Err((format, problems)) => Err(ImportFailure::of_file(format, problems)),
    }
}

/// Whether the text is a web page (a "not found" page served for a missing file, say): it
/// starts, after white space, with `<!doctype html`, `<html`, `<head` or `<body`.
fn is_html_page(text: &str) -> bool {
    let start = text.trim_start();
    let head: String = start
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    let tag = |name: &str| {
        head.strip_prefix(name).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with(|c: char| c == '>' || c.is_ascii_whitespace())
        })
    };
    tag("<!doctype html") || tag("<html") || tag("<head") || tag("<body")
}

/// What a file that is not text is, by its first bytes ("a PNG image", "a ZIP archive (an
/// Excel or Word file is one)"), or "a binary file" for one with NUL bytes; None for a file
/// whose first kilobyte is UTF-8 (a text with a stray NUL is text: the import removes control
/// characters and says so) or UTF-16, and for other text (a Latin-1 file is told where its first
/// byte that is not UTF-8 stands).
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const KINDS: [(&[u8], &str); 9] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (
            b"PK\x03\x04",
            "a ZIP archive (an Excel, Numbers or Word file is one; save the sheet as CSV)",
        ),
        (b"\x1F\x8B", "a gzip-compressed file"),
        (
            b"\xD0\xCF\x11\xE0",
            "an old Office file (save the sheet as CSV)",
        ),
        (b"RIFF", "a RIFF file (a WebP image, a WAV sound)"),
        (b"\0asm", "a WebAssembly module"),
    ];
    let head = bytes.get(..1024).unwrap_or(bytes);
    let text = match std::str::from_utf8(head) {
        Ok(_) => true,
        // Cut in the middle of a character at the kilobyte's end.
        Err(e) => e.error_len().is_none(),
    };
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || utf16_unmarked(bytes);
    if text || utf16 {
        return None;
    }
    match KINDS.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        Some((_, kind)) => Some(kind),
        None => head.contains(&0).then_some("a binary file"),
    }
}

/// Whether the file is UTF-16 with no byte-order mark: its first characters ASCII, each with a
/// zero byte beside it (`{\0"\0` or `\0Y\0e`), which UTF-8 text never has there (a stray NUL
/// in a text is one, not every other byte).
fn utf16_unmarked(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(16) & !1];
    head.len() >= 4
        && [0, 1].into_iter().any(|zero| {
            head.chunks(2)
                .all(|pair| pair[zero] == 0 && pair[1 - zero] != 0 && pair[1 - zero].is_ascii())
        })
}

/// The text of the file: UTF-8 without its byte-order mark.
fn decode(bytes: &[u8]) -> Result<&str, ImportProblem> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || utf16_unmarked(bytes)
    {
        return Err(ImportProblem::new(
            "file",
            "the file is UTF-16; save it as UTF-8",
        ));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let valid = e.valid_up_to();
            let prefix =
                std::str::from_utf8(bytes.get(..valid).unwrap_or_default()).unwrap_or_default();
            let byte = bytes.get(valid).copied().unwrap_or_default();
            Err(ImportProblem::new(
                line_column(prefix, prefix.len()),
                format!(
                    "invalid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8 (in Excel: CSV UTF-8)"
                ),
            ))
        }
    }
}

/// "line L, column C" (both from 1, columns in characters) of a byte offset into `text`.
pub(crate) fn line_column(text: &str, offset: usize) -> String {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
    format!("line {line}, column {column}")
}

/// The list of problems, cut at [`MAX_PROBLEMS`] with a last entry counting the rest.
fn capped(mut problems: Vec<ImportProblem>) -> Vec<ImportProblem> {
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(ImportProblem::new(
            "",
            format!("… and {}", plural(more, "more problem", "more problems")),
        ));
    }
    problems
}

/// A value quoted for a message, cut short when long.
pub(crate) fn quoted(value: &str) -> String {
    // Control characters are shown as their symbols (␁), never written into a message.
    format!("'{}'", shown(value, 40))
}

/// The file name without folders and extension, for a title; never empty.
pub(crate) fn file_stem(file_name: &str) -> String {
    let base = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .trim();
    let stem = match base.rfind('.') {
        Some(i) if i > 0 => base.get(..i).unwrap_or(base),
        _ => base,
    };
    if stem.trim().is_empty() {
        "Imported chronology".to_string()
    } else {
        stem.trim().to_string()
    }
}

/// The source record of an imported file that has none of its own.
pub(crate) fn imported_source(title: &str, file_name: &str, format: Format) -> Source {
    let name = file_name.trim();
    Source {
        title: title.to_string(),
        subtitle: None,
        series: None,
        author: String::new(),
        affiliations: vec![],
        year: None,
        note: Some(format!(
            "Imported from {} ({})",
            if name.is_empty() { "a file" } else { name },
            format.label()
        )),
    }
}

/// The chronology an imported file without one of its own starts from: its title and where it
/// came from, nothing else yet.
pub(crate) fn imported_base(title: String, file_name: &str, format: Format) -> Chronology {
    Chronology {
        source: imported_source(&title, file_name, format),
        title,
        ..crate::core::dataset::empty_chronology()
    }
}

/// Gives each name an id (its slug, made unique), the same id for the same name.
#[derive(Default)]
pub(crate) struct Slugs {
    by_name: HashMap<String, String>,
    used: HashSet<String>,
    /// (id, name) in order of first appearance.
    pub order: Vec<(String, String)>,
}

impl Slugs {
    pub fn id(&mut self, name: &str, fallback: &str) -> String {
        if let Some(id) = self.by_name.get(name) {
            return id.clone();
        }
        let id = self.fresh(name, fallback);
        self.by_name.insert(name.to_string(), id.clone());
        self.order.push((id.clone(), name.to_string()));
        id
    }

    /// A new unique id for something that has no name shared with others (an era).
    pub fn fresh(&mut self, name: &str, fallback: &str) -> String {
        let base = slug(name, fallback);
        let mut id = base.clone();
        let mut n = 2usize;
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod hardening_tests;

//! Importing a chronology from a file the user picks: our own JSON and CSV (what the exports
//! write), and TimelineJS JSON and CSV (the Knight Lab formats many timelines are kept in).
//!
//! Pure and total: any bytes give either a chronology that keeps every rule of
//! [`validate`](crate::core::dataset::validate::validate) or the list of every problem found, each
//! with a place a person can find in the file ("row 14, column Year", "line 3, column 17",
//! "event 5 (id 'x'), field start"). Nothing here panics, whatever the input.

mod csv;
mod json;

pub use csv::VIEW_LINE;

use crate::core::dataset::validate::validate;
use crate::core::dataset::{
    split_interval, Chronology, Domain, Event, Footnote, OpenSide, Phase, Source, ThirdParty,
};
use crate::core::date::{
    days_in_month, format_year, month_name, PartialDate, Qualifier, MAX_ABS_YEAR,
};
use crate::core::edtf::Edtf;
use crate::core::rich_text::one_line;
use crate::core::synthetic::MAX_EVENTS;
use crate::core::text::{id_problem, plural, shown, thousands, without_controls, Removed};
use std::borrow::Cow;
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
            Format::Csv => "chronology CSV",
            Format::TimelineCsv => "TimelineJS CSV",
        }
    }

    /// The format whose [`label`](Format::label) this is.
    pub fn from_label(label: &str) -> Option<Format> {
        [
            Format::Json,
            Format::TimelineJson,
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
    /// What: "'19x4' is not a year".
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
    /// Records (events, eras, rows) seen.
    pub records: usize,
    /// Records with at least one problem.
    pub bad_records: usize,
    /// Whether skipping the bad records would give a usable import: some records are good and
    /// every problem belongs to a record that can be left out.
    pub can_skip: bool,
}

impl ImportFailure {
    fn fatal(format: Option<Format>, location: &str, message: impl Into<String>) -> Self {
        Self {
            format,
            problems: vec![ImportProblem::new(location, message)],
            records: 0,
            bad_records: 0,
            can_skip: false,
        }
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
    let text = decode(bytes).map_err(|p| ImportFailure {
        format: None,
        problems: vec![p],
        records: 0,
        bad_records: 0,
        can_skip: false,
    })?;
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
                        "this is not JSON: a JSON file starts with '{'",
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
        Err((format, problems)) => Err(ImportFailure {
            format,
            problems: capped(problems),
            records: 0,
            bad_records: 0,
            can_skip: false,
        }),
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

/// The text of the file: UTF-8 without its byte-order mark.
fn decode(bytes: &[u8]) -> Result<&str, ImportProblem> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
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
                format!("invalid UTF-8 (byte 0x{byte:02x})"),
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

/// An id made of lower-case letters, digits and '-', never empty.
pub(crate) fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
        if out.len() > 80 {
            break;
        }
    }
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
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

/// Which part of a date a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DatePart {
    Year,
    Month,
    Day,
}

/// A year: digits with an optional sign, within ±[`MAX_ABS_YEAR`].
pub(crate) fn parse_year(text: &str) -> Result<i32, String> {
    let s = text.trim();
    let digits = s
        .strip_prefix('-')
        .or_else(|| s.strip_prefix('+'))
        .unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{} is not a year", quoted(text)));
    }
    let out_of_range = || format!("{} is out of range (±{MAX_ABS_YEAR} at most)", quoted(text));
    let significant = digits.trim_start_matches('0');
    if significant.len() > 12 {
        return Err(out_of_range());
    }
    let magnitude: i64 = if significant.is_empty() {
        0
    } else {
        significant.parse().map_err(|_| out_of_range())?
    };
    let year = if s.starts_with('-') {
        -magnitude
    } else {
        magnitude
    };
    if year.abs() > i64::from(MAX_ABS_YEAR) {
        return Err(out_of_range());
    }
    i32::try_from(year).map_err(|_| out_of_range())
}

/// A month: 1–12 or an English month name or abbreviation ("Sept.", "march").
pub(crate) fn parse_month(text: &str) -> Result<u8, String> {
    let s = text.trim();
    let bad = || format!("{} is not a month (1–12)", quoted(text));
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        let significant = s.trim_start_matches('0');
        if significant.len() > 2 {
            return Err(bad());
        }
        let n: u8 = significant.parse().unwrap_or(0);
        return if (1..=12).contains(&n) {
            Ok(n)
        } else {
            Err(bad())
        };
    }
    let word = s.trim_end_matches('.').to_lowercase();
    if word.len() >= 3 {
        for m in 1..=12u8 {
            let name = month_name(m).to_lowercase();
            if name == word || (word.len() >= 3 && name.starts_with(&word)) {
                return Ok(m);
            }
        }
    }
    Err(bad())
}

/// A cell without its EDTF qualifier (`1905~`, `6?`), and the qualifier.
fn strip_qualifier(text: &str) -> (&str, Qualifier) {
    let t = text.trim();
    match t.chars().last().and_then(Qualifier::from_symbol) {
        Some(q) => (t[..t.len() - 1].trim_end(), q),
        None => (t, Qualifier::None),
    }
}

/// A date from its parts as a spreadsheet or a TimelineJS slide gives them (empty parts are
/// `None`). `Ok(None)` when there is no date at all. A qualifier at the end of any part
/// (`1905~`, month `6?`) qualifies the whole date, as EDTF level 1 does; the year may end in
/// unspecified digits (`19XX`) when there is no month.
pub(crate) fn date_from_parts(
    year: Option<&str>,
    month: Option<&str>,
    day: Option<&str>,
) -> Result<Option<PartialDate>, (DatePart, String)> {
    let [year, month, day] = [year, month, day].map(|p| p.map(strip_qualifier));
    let qualifier = [year, month, day]
        .iter()
        .flatten()
        .fold(Qualifier::None, |q, (_, part)| q.and(*part));
    let date = plain_date_from_parts(
        year.map(|(p, _)| p),
        month.map(|(p, _)| p),
        day.map(|(p, _)| p),
    )?;
    Ok(date.map(|d| d.qualified(qualifier)))
}

fn plain_date_from_parts(
    year: Option<&str>,
    month: Option<&str>,
    day: Option<&str>,
) -> Result<Option<PartialDate>, (DatePart, String)> {
    if let Some(year_text) = year.filter(|y| y.contains('X')) {
        if month.is_some() || day.is_some() {
            return Err((
                DatePart::Month,
                format!(
                    "a year with unspecified digits ({}) cannot have a month or a day",
                    quoted(year_text)
                ),
            ));
        }
        return PartialDate::parse(year_text).map(Some).map_err(|_| {
            (
                DatePart::Year,
                format!(
                    "{} is not a year: unspecified digits are written X, at the end of a four-digit year (199X, 19XX)",
                    quoted(year_text)
                ),
            )
        });
    }
    let Some(year_text) = year else {
        return match (month, day) {
            (None, None) => Ok(None),
            _ => Err((DatePart::Year, "a month or a day needs a year".into())),
        };
    };
    let year = parse_year(year_text).map_err(|m| (DatePart::Year, m))?;
    let Some(month_text) = month else {
        return match day {
            None => PartialDate::year(year)
                .map(Some)
                .map_err(|e| (DatePart::Year, e.to_string())),
            Some(_) => Err((DatePart::Day, "a day needs a month".into())),
        };
    };
    let month = parse_month(month_text).map_err(|m| (DatePart::Month, m))?;
    let Some(day_text) = day else {
        return PartialDate::month(year, month)
            .map(Some)
            .map_err(|e| (DatePart::Month, e.to_string()));
    };
    let s = day_text.trim();
    let significant = s.trim_start_matches('0');
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || significant.len() > 4 {
        return Err((DatePart::Day, format!("{} is not a day", quoted(day_text))));
    }
    let d: u32 = significant.parse().unwrap_or(0);
    let not_a_day = || {
        (
            DatePart::Day,
            format!(
                "{d} is not a day of {} {}",
                month_name(month),
                format_year(year)
            ),
        )
    };
    if d == 0 || d > u32::from(days_in_month(year, month)) {
        return Err(not_a_day());
    }
    let d = u8::try_from(d).map_err(|_| not_a_day())?;
    PartialDate::day(year, month, d)
        .map(Some)
        .map_err(|e| (DatePart::Day, e.to_string()))
}

/// A date or an interval from the parts: an EDTF interval (`1990/2003`, `2016/..`) may stand in
/// the year cell, alone.
pub(crate) fn when_from_parts(
    year: Option<&str>,
    month: Option<&str>,
    day: Option<&str>,
) -> Result<Option<Edtf>, (DatePart, String)> {
    if let Some(interval) = year.filter(|y| y.contains('/')) {
        if month.is_some() || day.is_some() {
            return Err((
                DatePart::Year,
                format!(
                    "{} is an interval: its month and day go inside it (1990-04/2003), not in their own cells",
                    quoted(interval)
                ),
            ));
        }
        return Edtf::parse(interval)
            .map(Some)
            .map_err(|e| (DatePart::Year, e.to_string()));
    }
    date_from_parts(year, month, day).map(|d| d.map(Edtf::Date))
}

/// An event's dates: start, end and open side.
pub(crate) type When = (PartialDate, Option<PartialDate>, Option<OpenSide>);

/// The dates of a record from its start (a date or an interval) and its end (a date), or the
/// message of what is wrong with them.
pub(crate) fn when(start: Edtf, end: Option<Edtf>) -> Result<When, String> {
    let end = match end {
        None => None,
        Some(Edtf::Date(d)) => Some(d),
        Some(interval) => {
            return Err(format!(
                "the end '{}' is an interval: give the whole interval as the start",
                interval.to_edtf()
            ))
        }
    };
    let (start, end, open) = split_interval(start, end)?;
    if let Some(end) = end {
        if !ends_after(&start, &end) {
            return Err(end_before_start(&start, &end));
        }
    }
    Ok((start, end, open))
}

pub(crate) use crate::core::edtf::ends_after;

/// "the end (1990) is before the start (1994)"
pub(crate) fn end_before_start(start: &PartialDate, end: &PartialDate) -> String {
    format!(
        "the end ({}) is before the start ({})",
        end.format_human(),
        start.format_human()
    )
}

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
    let words: Vec<&str> = [credit.trim(), caption.trim()]
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
        summary,
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

/// An event title from a TimelineJS headline, or the start of the text when it has none: the
/// text is HTML, and a title is its plain text on one line. (A headline is kept as written, its
/// markup shown as text.)
pub(crate) fn title_from(headline: &str, text: &str) -> Option<String> {
    let h = headline.trim();
    if !h.is_empty() {
        return Some(h.to_string());
    }
    let t: String = one_line(text).chars().take(80).collect();
    let t = t.trim();
    (!t.is_empty()).then(|| t.to_string())
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

/// What a record of the file turned into.
#[derive(Clone, Debug)]
pub(crate) enum Item {
    Event(Box<Event>),
    Era(Phase),
    /// Too broken to build.
    Nothing,
}

/// One record (an event, an era, a CSV row) with its problems.
#[derive(Clone, Debug)]
pub(crate) struct Record {
    /// "event 5 (id 'x')", "row 14": where problems found later are reported.
    pub location: String,
    pub item: Item,
    pub problems: Vec<ImportProblem>,
    /// A TimelineJS media link, cited by the event.
    pub media: Option<Footnote>,
    /// Our CSV: the links of the footnotes the row cites.
    pub footnote_urls: Vec<(u32, String)>,
    /// What the import changed in the record (reported if the record is kept).
    pub notices: Vec<ImportProblem>,
}

impl Record {
    pub fn new(location: String) -> Self {
        Self {
            location,
            item: Item::Nothing,
            problems: vec![],
            media: None,
            footnote_urls: vec![],
            notices: vec![],
        }
    }

    /// A problem at `place` within the record ("column Year", "field start").
    pub fn problem(&mut self, place: &str, message: impl Into<String>) {
        let location = if place.is_empty() {
            self.location.clone()
        } else {
            format!("{}, {place}", self.location)
        };
        self.problems.push(ImportProblem::new(location, message));
    }
}

/// How the chronology's facets come from the records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Derive {
    /// As the file gives them (our JSON).
    Nothing,
    /// Phases from eras, each event in the first era its start lies in (TimelineJS).
    Eras,
    /// Phases, domains, third parties and footnotes from the ids the events use (our CSV).
    FromEvents,
}

/// A parsed file, before its records are checked together.
pub(crate) struct Draft {
    pub format: Format,
    /// The chronology without events (and, for derived facets, without those).
    pub base: Chronology,
    pub records: Vec<Record>,
    /// Problems not tied to a record.
    pub fatal: Vec<ImportProblem>,
    pub derive: Derive,
    /// The view the file carries (our JSON's `view`, our CSV's `# view:` line).
    pub view: Option<String>,
    /// What the import changed or left out outside the records (ignored columns, cleaned texts).
    pub notices: Vec<ImportProblem>,
}

/// The refusal for a file with more records than the explorer can show.
pub(crate) fn too_many_records(count: usize) -> ImportProblem {
    ImportProblem::new(
        "file",
        format!(
            "the file has {}; at most {} can be imported",
            plural(count, "record", "records"),
            thousands(MAX_EVENTS)
        ),
    )
}

/// The chronology of the included records.
fn build(draft: &Draft, include: &[bool]) -> Chronology {
    let mut c = draft.base.clone();
    let included = || {
        draft
            .records
            .iter()
            .zip(include)
            .filter(|(_, inc)| **inc)
            .map(|(r, _)| r)
    };
    if draft.derive == Derive::Eras {
        c.phases = included()
            .filter_map(|r| match &r.item {
                Item::Era(p) => Some(p.clone()),
                _ => None,
            })
            .collect();
    }
    let mut next_note = c
        .footnotes
        .iter()
        .map(|f| f.number)
        .max()
        .unwrap_or(0)
        .saturating_add(1);
    for r in included() {
        let Item::Event(e) = &r.item else { continue };
        let mut e = (**e).clone();
        if draft.derive == Derive::Eras {
            e.phase = c
                .phases
                .iter()
                .find(|p| {
                    e.start.end_day() > p.start.first_day() && e.start.first_day() < p.end.end_day()
                })
                .map(|p| p.id.clone())
                .unwrap_or_default();
        }
        if let Some(f) = &r.media {
            let mut f = f.clone();
            f.number = next_note;
            next_note = next_note.saturating_add(1);
            e.footnotes.push(f.number);
            c.footnotes.push(f);
        }
        c.events.push(e);
    }
    // A story's scenes lose the events left out (an imported TimelineJS story has a scene per
    // slide; a skipped slide takes its scene with it).
    let left_out: HashSet<&str> = draft
        .records
        .iter()
        .zip(include)
        .filter_map(|(r, inc)| match &r.item {
            Item::Event(e) if !*inc => Some(e.id.as_str()),
            _ => None,
        })
        .collect();
    crate::core::story::leave_out_events(&mut c.stories, &left_out);
    match draft.derive {
        Derive::Nothing => {}
        Derive::Eras => {
            let used: HashSet<&str> = c
                .events
                .iter()
                .flat_map(|e| e.domains.iter().map(String::as_str))
                .collect();
            let domains = c
                .domains
                .iter()
                .filter(|d| used.contains(d.id.as_str()))
                .cloned()
                .collect();
            c.domains = domains;
        }
        Derive::FromEvents => derive_from_events(&mut c, included()),
    }
    c
}

/// Our CSV: facets and footnotes from the ids and numbers the events use.
fn derive_from_events<'a>(c: &mut Chronology, records: impl Iterator<Item = &'a Record>) {
    let mut urls: HashMap<u32, String> = HashMap::new();
    for r in records {
        for (n, url) in &r.footnote_urls {
            urls.entry(*n).or_insert_with(|| url.clone());
        }
    }
    let mut seen_domains = HashSet::new();
    let mut seen_parties = HashSet::new();
    let mut phases: Vec<Phase> = Vec::new();
    let mut phase_index: HashMap<String, usize> = HashMap::new();
    let mut numbers = Vec::new();
    for e in &c.events {
        for d in &e.domains {
            if seen_domains.insert(d.clone()) {
                c.domains.push(Domain {
                    id: d.clone(),
                    label: label_for_id(d),
                    description: String::new(),
                });
            }
        }
        for t in &e.third_parties {
            if seen_parties.insert(t.clone()) {
                c.third_parties.push(ThirdParty {
                    id: t.clone(),
                    label: label_for_id(t),
                });
            }
        }
        numbers.extend(e.footnotes.iter().copied());
        if !e.phase.is_empty() {
            let last = e.end.unwrap_or(e.start);
            match phase_index.get(&e.phase) {
                Some(&i) => {
                    if let Some(p) = phases.get_mut(i) {
                        if e.start < p.start {
                            p.start = e.start;
                        }
                        if last.end_day() > p.end.end_day() {
                            p.end = last;
                        }
                    }
                }
                None => {
                    phase_index.insert(e.phase.clone(), phases.len());
                    phases.push(Phase {
                        id: e.phase.clone(),
                        label: label_for_id(&e.phase),
                        start: e.start,
                        end: last,
                        summary: String::new(),
                        evidence: String::new(),
                    });
                }
            }
        }
    }
    phases.sort_by_key(|p| p.start);
    c.phases = phases;
    numbers.sort_unstable();
    numbers.dedup();
    c.footnotes = numbers
        .into_iter()
        .map(|n| Footnote {
            number: n,
            citation: format!("Footnote {n} of the source"),
            url: urls.get(&n).cloned(),
            other_urls: vec![],
            sources: vec![],
        })
        .collect();
}

/// Checks the records together, and gives the chronology or every problem.
fn finish(draft: Draft, skip: bool) -> Result<Imported, ImportFailure> {
    let format = draft.format;
    let mut draft = draft;
    clean_texts(&mut draft);
    let mut fatal = std::mem::take(&mut draft.fatal);
    check_ids(&mut draft, &mut fatal);
    let count = draft.records.len();
    if count > MAX_EVENTS {
        return Err(ImportFailure {
            format: Some(format),
            problems: vec![too_many_records(count)],
            records: count,
            bad_records: 0,
            can_skip: false,
        });
    }
    let mut include: Vec<bool> = draft
        .records
        .iter()
        .map(|r| r.problems.is_empty() && !matches!(r.item, Item::Nothing))
        .collect();
    let mut chronology;
    loop {
        chronology = build(&draft, &include);
        let problems = validate(&chronology);
        if problems.is_empty() {
            break;
        }
        // Which included record each event (and era) id belongs to.
        let mut events: HashMap<&str, usize> = HashMap::new();
        let mut eras: HashMap<&str, usize> = HashMap::new();
        for (i, r) in draft.records.iter().enumerate() {
            if include.get(i).copied().unwrap_or(false) {
                match &r.item {
                    Item::Event(e) => {
                        events.entry(e.id.as_str()).or_insert(i);
                    }
                    Item::Era(p) => {
                        eras.entry(p.id.as_str()).or_insert(i);
                    }
                    Item::Nothing => {}
                }
            }
        }
        let mut attributed: Vec<(usize, String)> = Vec::new();
        let mut unattributed = false;
        for p in problems {
            let record = if let Some(id) = p.subject.strip_prefix("event ") {
                events.get(id).copied()
            } else if let Some(id) = p.subject.strip_prefix("phase ") {
                eras.get(id).copied()
            } else {
                None
            };
            match record {
                Some(i) => attributed.push((i, p.message)),
                None => {
                    unattributed = true;
                    fatal.push(ImportProblem::new(p.subject, p.message));
                }
            }
        }
        for (i, message) in attributed {
            if let Some(r) = draft.records.get_mut(i) {
                r.problem("", message);
            }
            if let Some(inc) = include.get_mut(i) {
                *inc = false;
            }
        }
        if unattributed {
            break;
        }
    }

    let bad_records = draft
        .records
        .iter()
        .filter(|r| !r.problems.is_empty())
        .count();
    let has_events = draft
        .records
        .iter()
        .any(|r| matches!(r.item, Item::Event(_)) || !r.problems.is_empty());
    if !has_events && fatal.is_empty() {
        fatal.push(ImportProblem::new("file", "the file has no events"));
    }
    let good_events = chronology.events.len();
    let record_problems = || {
        draft
            .records
            .iter()
            .flat_map(|r| r.problems.iter().cloned())
            .collect::<Vec<_>>()
    };
    if !fatal.is_empty() || (bad_records > 0 && !skip) || good_events == 0 {
        let mut problems = fatal.clone();
        problems.extend(record_problems());
        if problems.is_empty() {
            problems.push(ImportProblem::new(
                "file",
                "no event is left once the records with problems are left out",
            ));
        }
        return Err(ImportFailure {
            format: Some(format),
            problems: capped(problems),
            records: count,
            bad_records,
            can_skip: fatal.is_empty() && good_events > 0,
        });
    }
    chronology.sort_events();
    let mut notices = std::mem::take(&mut draft.notices);
    for (record, included) in draft.records.iter().zip(&include) {
        if *included {
            notices.extend(record.notices.iter().cloned());
        }
    }
    Ok(Imported {
        chronology,
        format,
        skipped: capped(record_problems()),
        skipped_records: bad_records,
        view: draft.view.take(),
        notices: capped_notices(notices),
    })
}

/// The list of notices, cut at [`MAX_PROBLEMS`] with a last entry counting the rest.
fn capped_notices(mut notices: Vec<ImportProblem>) -> Vec<ImportProblem> {
    if notices.len() > MAX_PROBLEMS {
        let more = notices.len() - MAX_PROBLEMS;
        notices.truncate(MAX_PROBLEMS);
        notices.push(ImportProblem::new(
            "",
            format!("… and {}", plural(more, "more notice", "more notices")),
        ));
    }
    notices
}

/// Where a field of a record is, in the words of its format: "field title" (JSON), "column
/// title" (CSV), "field text.headline" (TimelineJS JSON), "column Headline" (TimelineJS CSV).
fn field_place(format: Format, field: &str) -> String {
    match (format, field) {
        (Format::Json, _) => format!("field {field}"),
        (Format::Csv, _) => format!("column {field}"),
        (Format::TimelineJson, "id") => "field unique_id".into(),
        (Format::TimelineJson, "title" | "label") => "field text.headline".into(),
        (Format::TimelineJson, "summary") => "field text.text".into(),
        (Format::TimelineJson, "note") => "field display_date".into(),
        (Format::TimelineJson, "domains") => "field group".into(),
        (Format::TimelineJson, _) => format!("field {field}"),
        (Format::TimelineCsv, "title" | "label") => "column Headline".into(),
        (Format::TimelineCsv, "summary") => "column Text".into(),
        (Format::TimelineCsv, "note") => "column Display Date".into(),
        (Format::TimelineCsv, "domains") => "column Group".into(),
        (Format::TimelineCsv, _) => format!("column {field}"),
    }
}

/// Removes control characters ([`without_controls`]) from a text, noting what was removed at
/// `place` (made only when something was).
fn clean_text(text: &mut String, place: impl FnOnce() -> String, notices: &mut Vec<ImportProblem>) {
    let (clean, removed) = without_controls(text);
    if let Cow::Owned(clean) = clean {
        *text = clean;
    }
    if removed.count > 0 {
        notices.push(ImportProblem::new(place(), removed.message()));
    }
}

/// Removes control characters from a list of texts (dropping those left empty), noting them
/// once for the list.
fn clean_list(
    list: &mut Vec<String>,
    place: impl FnOnce() -> String,
    notices: &mut Vec<ImportProblem>,
) {
    let mut removed = Removed::default();
    let mut changed = false;
    for item in list.iter_mut() {
        let (clean, r) = without_controls(item);
        if let Cow::Owned(clean) = clean {
            *item = clean;
            changed = true;
        }
        removed.add(&r);
    }
    if changed {
        list.retain(|item| !item.is_empty());
    }
    if removed.count > 0 {
        notices.push(ImportProblem::new(place(), removed.message()));
    }
}

/// The problem of an id that an event refers to: "the id 'x' contains …".
fn reference_problem(id: &str) -> Option<String> {
    id_problem(id).map(|p| match p.strip_prefix("the id ") {
        Some(rest) => format!("the id {} {rest}", quoted(id)),
        None => p,
    })
}

/// Ids a link cannot carry ([`id_problem`]) are refused: an event's own id and the ids it refers
/// to are problems of its record; the ids of the file's phases, domains and third parties are
/// problems of the file.
fn check_ids(draft: &mut Draft, fatal: &mut Vec<ImportProblem>) {
    let format = draft.format;
    for r in &mut draft.records {
        let Item::Event(e) = &r.item else { continue };
        let mut found = Vec::new();
        // An empty id is already reported by the importers, in their own words.
        if let Some(p) = id_problem(&e.id).filter(|_| !e.id.trim().is_empty()) {
            found.push(("id", p));
        }
        if !e.phase.is_empty() {
            found.extend(reference_problem(&e.phase).map(|p| ("phase", p)));
        }
        for d in &e.domains {
            found.extend(reference_problem(d).map(|p| ("domains", p)));
        }
        for t in &e.third_parties {
            found.extend(reference_problem(t).map(|p| ("third_parties", p)));
        }
        for (field, message) in found {
            r.problem(&field_place(format, field), message);
        }
    }
    let c = &draft.base;
    let facets = [
        (
            "phase",
            c.phases.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ),
        ("domain", c.domains.iter().map(|d| d.id.as_str()).collect()),
        (
            "third party",
            c.third_parties.iter().map(|t| t.id.as_str()).collect(),
        ),
    ];
    for (kind, ids) in facets {
        for (i, id) in ids.into_iter().enumerate() {
            if let Some(p) = id_problem(id).filter(|_| !id.trim().is_empty()) {
                fatal.push(ImportProblem::new(
                    format!("{kind} {} (id {}), field id", i + 1, quoted(id)),
                    p,
                ));
            }
        }
    }
}

/// Control characters (other than tab and line end) are removed from every text of the file,
/// and reported: they draw nothing, and XML (the SVG export) forbids them. Ids are not changed
/// here: an id with one is refused instead ([`id_problem`]).
fn clean_texts(draft: &mut Draft) {
    let format = draft.format;
    let at = |record: &str, field: &str| format!("{record}, {field}");
    for r in &mut draft.records {
        let location = r.location.clone();
        let notices = &mut r.notices;
        let place = |field: &str| format!("{location}, {}", field_place(format, field));
        match &mut r.item {
            Item::Event(e) => {
                clean_text(&mut e.title, || place("title"), notices);
                clean_text(&mut e.summary, || place("summary"), notices);
                clean_text(&mut e.evidence, || place("evidence"), notices);
                if let Some(note) = &mut e.note {
                    clean_text(note, || place("note"), notices);
                    if note.is_empty() {
                        e.note = None;
                    }
                }
                clean_list(&mut e.actors, || place("actors"), notices);
            }
            Item::Era(p) => {
                clean_text(&mut p.label, || place("label"), notices);
                clean_text(&mut p.summary, || place("summary"), notices);
                clean_text(&mut p.evidence, || place("evidence"), notices);
            }
            Item::Nothing => {}
        }
    }
    let notices = &mut draft.notices;
    let c = &mut draft.base;
    clean_text(&mut c.title, || "title".into(), notices);
    let s = &mut c.source;
    clean_text(&mut s.title, || at("source", "field title"), notices);
    clean_text(&mut s.author, || at("source", "field author"), notices);
    for (field, text) in [
        ("subtitle", &mut s.subtitle),
        ("series", &mut s.series),
        ("note", &mut s.note),
    ] {
        if let Some(text) = text {
            clean_text(text, || at("source", &format!("field {field}")), notices);
        }
    }
    clean_list(
        &mut s.affiliations,
        || at("source", "field affiliations"),
        notices,
    );
    for (i, p) in c.phases.iter_mut().enumerate() {
        let record = format!("phase {} (id {})", i + 1, quoted(&p.id));
        clean_text(&mut p.label, || at(&record, "field label"), notices);
        clean_text(&mut p.summary, || at(&record, "field summary"), notices);
        clean_text(&mut p.evidence, || at(&record, "field evidence"), notices);
    }
    for (i, d) in c.domains.iter_mut().enumerate() {
        let record = format!("domain {} (id {})", i + 1, quoted(&d.id));
        clean_text(&mut d.label, || at(&record, "field label"), notices);
        clean_text(
            &mut d.description,
            || at(&record, "field description"),
            notices,
        );
    }
    for (i, t) in c.third_parties.iter_mut().enumerate() {
        let record = format!("third party {} (id {})", i + 1, quoted(&t.id));
        clean_text(&mut t.label, || at(&record, "field label"), notices);
    }
    for f in &mut c.footnotes {
        let record = format!("footnote {}", f.number);
        clean_text(&mut f.citation, || at(&record, "field citation"), notices);
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod hardening_tests;

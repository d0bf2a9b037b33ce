//! CSV (RFC 4180): our own export's columns, and the TimelineJS sheet template.

use super::json::era_dates;
use super::{
    file_stem, imported_source, media_footnote, quoted, timeline_event, timeline_note, title_from,
    too_many_records, when, when_from_parts, DatePart, Derive, Draft, Format, ImportProblem, Item,
    Record, Slugs,
};
use crate::core::dataset::export::restore_formula;
use crate::core::dataset::export::CSV_COLUMNS;
use crate::core::dataset::validate::is_web_url;
use crate::core::dataset::{Chronology, Domain, Event, Phase};
use crate::core::edtf::Edtf;
use crate::core::notices::{collapsed, NAMED};
use crate::core::story::{slides_story, Slide};
use crate::core::synthetic::MAX_EVENTS;
use crate::core::text::{plural, thousands};
use std::collections::{HashMap, HashSet};

type Refusal = (Option<Format>, Vec<ImportProblem>);

/// One row of the file: its number as a spreadsheet shows it (the header is row 1).
#[derive(Debug)]
pub(crate) struct Row {
    pub number: usize,
    pub fields: Vec<String>,
    /// A quoted field runs to the end of the file.
    pub unterminated: bool,
}

impl Row {
    fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

/// The field separators a file may use: commas, then semicolons (what spreadsheets write where
/// the comma is the decimal mark) and tabs (text copied from a spreadsheet).
const SEPARATORS: [u8; 3] = [b',', b';', b'\t'];

/// Splits CSV text into rows: quoted fields with `""` escapes, separators and line breaks inside
/// quotes, CRLF, LF or CR line ends. Text after a closing quote is kept as it is.
#[cfg(test)]
pub(crate) fn rows(text: &str, separator: u8) -> Vec<Row> {
    rows_up_to(text, separator, usize::MAX, 1)
}

/// The first `limit` rows of the text, split as [`rows`] does, numbered from `first`.
fn rows_up_to(text: &str, separator: u8, limit: usize, first: usize) -> Vec<Row> {
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut i = 0;
    let mut number = first;
    let mut row_has_content = false;
    // The text between ASCII delimiters is copied by slices, which always fall on char
    // boundaries because the delimiters are ASCII.
    let slice = |from: usize, to: usize| text.get(from..to).unwrap_or_default();
    while i < bytes.len() && rows.len() < limit {
        row_has_content = true;
        let mut unterminated = false;
        if bytes.get(i) == Some(&b'"') {
            i += 1;
            loop {
                let from = i;
                while i < bytes.len() && bytes.get(i) != Some(&b'"') {
                    i += 1;
                }
                field.push_str(slice(from, i));
                if i >= bytes.len() {
                    unterminated = true;
                    break;
                }
                // At a quote: an escaped one, or the end of the quoted part.
                if bytes.get(i + 1) == Some(&b'"') {
                    field.push('"');
                    i += 2;
                } else {
                    i += 1;
                    break;
                }
            }
        }
        let from = i;
        while i < bytes.len()
            && !matches!(bytes.get(i), Some(&b) if b == separator || b == b'\n' || b == b'\r')
        {
            i += 1;
        }
        field.push_str(slice(from, i));
        fields.push(std::mem::take(&mut field));
        if unterminated {
            rows.push(Row {
                number,
                fields: std::mem::take(&mut fields),
                unterminated: true,
            });
            return rows;
        }
        match bytes.get(i) {
            Some(&b) if b == separator => {
                i += 1;
                if i >= bytes.len() {
                    fields.push(String::new());
                }
            }
            Some(b'\r') | Some(b'\n') => {
                if bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                i += 1;
                rows.push(Row {
                    number,
                    fields: std::mem::take(&mut fields),
                    unterminated: false,
                });
                number += 1;
                row_has_content = false;
            }
            _ => {}
        }
    }
    if row_has_content && !fields.is_empty() {
        rows.push(Row {
            number,
            fields,
            unterminated: false,
        });
    }
    rows
}

/// The columns of a header row, by lower-case trimmed name (the first of a repeated name).
fn columns(header: &Row) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (i, name) in header.fields.iter().enumerate() {
        out.entry(name.trim().to_lowercase()).or_insert(i);
    }
    out
}

/// What a header row names: TimelineJS's sheet, our own export, or neither.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Timeline,
    Ours,
}

fn kind(cols: &HashMap<String, usize>) -> Option<Kind> {
    let has = |name: &str| cols.contains_key(name);
    if has("year") && has("headline") {
        Some(Kind::Timeline)
    } else if has("id") && has("start") && has("title") {
        Some(Kind::Ours)
    } else {
        None
    }
}

/// Parses a CSV file of either kind, told apart by its header, with its fields separated by
/// commas, semicolons or tabs: the first separator whose header names the columns of a kind.
pub(crate) fn parse(text: &str, file_name: &str) -> Result<Draft, Refusal> {
    let (view, text, first) = match view_line(text) {
        Some((view, rest)) => (view, rest, 2),
        None => (None, text, 1),
    };
    // The header alone tells the separator; the file is then read once, with it.
    let found = SEPARATORS.iter().find_map(|&separator| {
        let header = rows_up_to(text, separator, 1, first);
        let cols = columns(header.first()?);
        kind(&cols).map(|kind| (separator, kind))
    });
    let Some((separator, kind)) = found else {
        return Err(if text.trim().is_empty() {
            (None, vec![ImportProblem::new("file", "the file is empty")])
        } else {
            (
                None,
                vec![ImportProblem::new(
                    "row 1",
                    "the first row must name the columns: either id, start, title… or Year, Month, Day, Headline…",
                )],
            )
        });
    };
    let rows = rows_up_to(text, separator, usize::MAX, first);
    // Its first row is the header found above.
    let header = &rows[0];
    let cols = columns(header);
    let data: Vec<&Row> = rows.iter().skip(1).filter(|r| !r.is_blank()).collect();
    let mut draft = if kind == Kind::Timeline {
        if data.len() > MAX_EVENTS {
            return Err((
                Some(Format::TimelineCsv),
                vec![too_many_records(data.len())],
            ));
        }
        timeline(header, &cols, &data, file_name)
    } else {
        if data.len() > MAX_EVENTS {
            return Err((Some(Format::Csv), vec![too_many_records(data.len())]));
        }
        ours(header, &cols, &data, file_name)
    };
    draft.notices.extend(ignored_columns(header, kind));
    draft.view = view;
    Ok(draft)
}

/// The columns of the TimelineJS template, by lower-case name (some are not used here).
const TIMELINE_COLUMNS: [&str; 18] = [
    "year",
    "month",
    "day",
    "time",
    "end year",
    "end month",
    "end day",
    "end time",
    "display date",
    "headline",
    "text",
    "media",
    "media credit",
    "media caption",
    "media thumbnail",
    "type",
    "group",
    "background",
];

/// The notices for the header's columns that the format does not have, and for those repeated
/// (only the first of a name is read): one line each, however many ("3 columns ignored: 'Foo',
/// 'Bar', 'Baz'"). Header cells left empty are not columns.
fn ignored_columns(header: &Row, kind: Kind) -> Vec<ImportProblem> {
    let known = |name: &str| match kind {
        Kind::Ours => CSV_COLUMNS.contains(&name),
        Kind::Timeline => TIMELINE_COLUMNS.contains(&name),
    };
    let mut seen = HashSet::new();
    let mut unknown = (0usize, Vec::new());
    let mut repeated = (0usize, Vec::new());
    for cell in &header.fields {
        let name = cell.trim();
        if name.is_empty() {
            continue;
        }
        let (count, names) = if !known(&name.to_lowercase()) {
            &mut unknown
        } else if !seen.insert(name.to_lowercase()) {
            &mut repeated
        } else {
            continue;
        };
        *count += 1;
        if names.len() < NAMED {
            names.push(name.to_string());
        }
    }
    let mut out = Vec::new();
    if unknown.0 > 0 {
        let line = collapsed(unknown.0, ("column", "columns"), "", &unknown.1);
        out.push(ImportProblem::new("row 1", line));
    }
    if repeated.0 > 0 {
        let nouns = ("repeated column", "repeated columns");
        let line = collapsed(repeated.0, nouns, "", &repeated.1);
        out.push(ImportProblem::new("row 1", line));
    }
    out
}

/// The marker of the line our CSV export starts with: `# view: ?domain=piracy&from=…`.
pub const VIEW_LINE: &str = "# view:";

/// A first line that is a comment (it starts with `#`, quoted or not, as a spreadsheet saves a
/// one-cell row): the view it names (`# view: ?…`, if any) and the text after it.
fn view_line(text: &str) -> Option<(Option<String>, &str)> {
    let (line, rest) = match text.find('\n') {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    };
    let line = line.trim_end_matches('\r').trim();
    let cell = match line.strip_prefix('"') {
        // A quoted cell, perhaps followed by empty cells.
        Some(quoted) => quoted
            .trim_end_matches([',', ';', '\t'])
            .strip_suffix('"')?
            .replace("\"\"", "\""),
        None => line.trim_end_matches([',', ';', '\t']).to_string(),
    };
    if !cell.starts_with('#') {
        return None;
    }
    let view = cell
        .strip_prefix(VIEW_LINE)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty());
    Some((view, rest))
}

/// A row's cells by column name, with the header's spelling for messages.
struct Cells<'a> {
    header: &'a Row,
    cols: &'a HashMap<String, usize>,
    row: &'a Row,
    /// Our own format: cells neutralised against formulas by the export are restored.
    restore: bool,
}

impl<'a> Cells<'a> {
    /// The cell of a column ("" when the file has no such column).
    fn get(&self, name: &str) -> &'a str {
        let cell = self
            .cols
            .get(name)
            .and_then(|&i| self.row.fields.get(i))
            .map(String::as_str)
            .unwrap_or_default();
        if self.restore {
            restore_formula(cell)
        } else {
            cell
        }
    }

    /// The cell, `None` when empty.
    fn some(&self, name: &str) -> Option<&'a str> {
        let v = self.get(name);
        (!v.trim().is_empty()).then_some(v)
    }

    /// "column Year", spelt as in the file's header.
    fn column(&self, name: &str) -> String {
        let spelt = self
            .cols
            .get(name)
            .and_then(|&i| self.header.fields.get(i))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .unwrap_or(name);
        format!("column {spelt}")
    }
}

/// The record of a row, with the row-shape problems (field count, open quote) already noted.
fn row_record(header: &Row, row: &Row) -> Record {
    let mut record = Record::new(format!("row {}", row.number));
    if row.unterminated {
        record.problem(
            "",
            "a quoted field is not closed (a closing \" is missing before the end of the file)",
        );
    } else if row.fields.len() != header.fields.len() {
        record.problem(
            "",
            format!(
                "has {}, the header has {}",
                plural(row.fields.len(), "field", "fields"),
                thousands(header.fields.len())
            ),
        );
    }
    record
}

/// A list cell: split on ';', trimmed, empty items dropped.
fn list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Our own CSV export.
fn ours(header: &Row, cols: &HashMap<String, usize>, data: &[&Row], file_name: &str) -> Draft {
    let title = file_stem(file_name);
    let mut records = Vec::with_capacity(data.len());
    let mut first_with_id: HashMap<String, usize> = HashMap::new();
    let mut footnote_urls: HashMap<u32, (String, usize)> = HashMap::new();
    for row in data {
        let mut record = row_record(header, row);
        // Our own format (told by its header: id, start, title…): the export's apostrophes
        // against formulas are undone. Other sheets keep their apostrophes.
        let cells = Cells {
            header,
            cols,
            row,
            restore: true,
        };
        let id = cells.get("id").trim().to_string();
        if id.is_empty() {
            record.problem(&cells.column("id"), "the id is empty");
        } else if let Some(first) = first_with_id.get(&id) {
            record.problem(
                &cells.column("id"),
                format!("the id {} is already used by row {first}", quoted(&id)),
            );
        } else {
            first_with_id.insert(id.clone(), row.number);
        }
        let start = match cells.some("start") {
            None => {
                record.problem(&cells.column("start"), "the start date is missing");
                None
            }
            Some(s) => match Edtf::parse(s) {
                Ok(d) => Some(d),
                Err(e) => {
                    record.problem(&cells.column("start"), e.to_string());
                    None
                }
            },
        };
        let end = match cells.some("end") {
            None => Ok(None),
            Some(s) => match Edtf::parse(s) {
                Ok(d) => Ok(Some(d)),
                Err(e) => {
                    record.problem(&cells.column("end"), e.to_string());
                    Err(())
                }
            },
        };
        let dates = match (start, end) {
            (Some(start), Ok(end)) => match when(start, end) {
                Ok(w) => Some(w),
                Err(message) => {
                    record.problem(&cells.column("end"), message);
                    None
                }
            },
            _ => None,
        };
        let title = cells.get("title");
        if title.trim().is_empty() {
            record.problem(&cells.column("title"), "the title is empty");
        }
        let mut footnotes = Vec::new();
        for n in list(cells.get("footnotes")) {
            match n.parse::<u32>() {
                Ok(n) if n >= 1 => footnotes.push(n),
                _ => record.problem(
                    &cells.column("footnotes"),
                    format!("{} is not a footnote number", quoted(&n)),
                ),
            }
        }
        let urls_cell = cells.get("source_urls");
        if !urls_cell.trim().is_empty() {
            let urls: Vec<&str> = urls_cell.split(" ; ").map(str::trim).collect();
            if urls.len() != footnotes.len() {
                record.problem(
                    &cells.column("source_urls"),
                    format!(
                        "has {} for {}",
                        plural(urls.len(), "link", "links"),
                        plural(footnotes.len(), "footnote", "footnotes")
                    ),
                );
            } else {
                for (n, url) in footnotes.iter().zip(urls) {
                    if url.is_empty() {
                        continue;
                    }
                    if !is_web_url(url) {
                        record.problem(
                            &cells.column("source_urls"),
                            format!("{} is not an http(s) link", quoted(url)),
                        );
                        continue;
                    }
                    match footnote_urls.get(n) {
                        Some((other, first)) if other != url => record.problem(
                            &cells.column("source_urls"),
                            format!(
                                "footnote {n} links to {} here but to {} in row {first}",
                                quoted(url),
                                quoted(other)
                            ),
                        ),
                        Some(_) => {}
                        None => {
                            footnote_urls.insert(*n, (url.to_string(), row.number));
                        }
                    }
                    record.footnote_urls.push((*n, url.to_string()));
                }
            }
        }
        if let (Some((start, end, open)), true) = (dates, record.problems.is_empty()) {
            let note = cells.get("note");
            record.item = Item::Event(Box::new(Event {
                id,
                start,
                end,
                open,
                title: title.to_string(),
                summary: cells.get("summary").to_string(),
                phase: cells.get("phase").trim().to_string(),
                domains: list(cells.get("domains")),
                third_parties: list(cells.get("third_parties")),
                actors: list(cells.get("actors")),
                footnotes,
                evidence: cells.get("evidence").to_string(),
                note: (!note.is_empty()).then(|| note.to_string()),
            }));
        }
        records.push(record);
    }
    Draft {
        format: Format::Csv,
        base: Chronology {
            source: imported_source(&title, file_name, Format::Csv),
            title,
            view: None,
            phases: vec![],
            domains: vec![],
            third_parties: vec![],
            footnotes: vec![],
            sources: vec![],
            events: vec![],
            stories: vec![],
        },
        records,
        fatal: vec![],
        derive: Derive::FromEvents,
        view: None,
        notices: vec![],
    }
}

/// A date from the Year/Month/Day columns (with a prefix: "" or "end "), or an EDTF interval
/// in the Year column.
fn row_date(cells: &Cells, prefix: &str, record: &mut Record) -> Result<Option<Edtf>, ()> {
    let name = |part: &str| format!("{prefix}{part}");
    match when_from_parts(
        cells.some(&name("year")),
        cells.some(&name("month")),
        cells.some(&name("day")),
    ) {
        Ok(d) => Ok(d),
        Err((part, message)) => {
            let column = match part {
                DatePart::Year => name("year"),
                DatePart::Month => name("month"),
                DatePart::Day => name("day"),
            };
            record.problem(&cells.column(&column), message);
            Err(())
        }
    }
}

/// The TimelineJS Google-sheet template.
fn timeline(header: &Row, cols: &HashMap<String, usize>, data: &[&Row], file_name: &str) -> Draft {
    let mut title: Option<String> = None;
    let mut records = Vec::with_capacity(data.len());
    let mut groups = Slugs::default();
    let mut era_ids = Slugs::default();
    // The sheet's story: its (first) title row, then a scene for each row that makes an event.
    let mut title_slide: Option<(&str, &str)> = None;
    let mut story_slides = Vec::new();
    for row in data {
        let cells = Cells {
            header,
            cols,
            row,
            restore: false,
        };
        let kind = cells.get("type").trim().to_lowercase();
        if kind == "title" {
            if title.is_none() {
                let headline = cells.get("headline").trim();
                if !headline.is_empty() {
                    title = Some(headline.to_string());
                }
            }
            title_slide.get_or_insert((cells.get("headline"), cells.get("text")));
            continue;
        }
        let mut record = row_record(header, row);
        let start = row_date(&cells, "", &mut record);
        let end = row_date(&cells, "end ", &mut record);
        let span = match (start, end) {
            (Ok(None), _) => {
                record.problem(&cells.column("year"), "the year is missing");
                None
            }
            (Ok(Some(start)), Ok(end)) => match when(start, end) {
                Ok(w) => Some(w),
                Err(message) => {
                    record.problem(&cells.column("end year"), message);
                    None
                }
            },
            _ => None,
        };
        let headline = cells.get("headline");
        let text = cells.get("text");
        if kind == "era" {
            let label = headline.trim();
            if label.is_empty() {
                record.problem(&cells.column("headline"), "an era needs a headline");
            }
            let column = cells.column("year");
            let dates = span.and_then(|w| era_dates(w, &mut record, &column));
            if let (Some((start, end)), true) = (dates, record.problems.is_empty()) {
                record.item = Item::Era(Phase {
                    id: era_ids.fresh(label, "era"),
                    label: label.to_string(),
                    start,
                    end,
                    summary: String::new(),
                    evidence: String::new(),
                });
            }
            records.push(record);
            continue;
        }
        let event_title = title_from(headline, text);
        if event_title.is_none() {
            record.problem(
                &cells.column("headline"),
                "the headline and the text are both empty",
            );
        }
        match media_footnote(
            cells.get("media"),
            cells.get("media caption"),
            cells.get("media credit"),
        ) {
            Ok(f) => record.media = f,
            Err(message) => record.problem(&cells.column("media"), message),
        }
        if let (Some(w), Some(event_title), true) = (span, event_title, record.problems.is_empty())
        {
            let id = format!("row-{}", row.number);
            story_slides.push(Slide {
                event_id: id.clone(),
                start: w.0,
                end: w.1,
                title: event_title.clone(),
                text: text.to_string(),
            });
            let mut event = timeline_event(
                id,
                w,
                event_title,
                text.to_string(),
                cells.get("group"),
                &mut groups,
            );
            event.note = timeline_note(
                cells.some("time"),
                cells.some("end time"),
                cells.some("display date"),
            );
            record.item = Item::Event(Box::new(event));
        }
        records.push(record);
    }
    let title = title.unwrap_or_else(|| file_stem(file_name));
    let stories = slides_story(&title, title_slide, story_slides)
        .into_iter()
        .collect();
    Draft {
        format: Format::TimelineCsv,
        base: Chronology {
            source: imported_source(&title, file_name, Format::TimelineCsv),
            title,
            view: None,
            phases: vec![],
            domains: groups
                .order
                .into_iter()
                .map(|(id, label)| Domain {
                    id,
                    label,
                    description: String::new(),
                })
                .collect(),
            third_parties: vec![],
            footnotes: vec![],
            sources: vec![],
            events: vec![],
            stories,
        },
        records,
        fatal: vec![],
        derive: Derive::Eras,
        view: None,
        notices: vec![],
    }
}

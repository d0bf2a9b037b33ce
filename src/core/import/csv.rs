//! CSV (RFC 4180): our own export's columns, and the TimelineJS sheet template.

use super::{too_many_records, Draft, Format, ImportProblem, Record};
use crate::core::dataset::export::restore_formula;
use crate::core::dataset::export::CSV_COLUMNS;
use crate::core::notices::{collapsed, NAMED};
use crate::core::synthetic::MAX_EVENTS;
use crate::core::text::{plural, thousands};
use std::collections::{HashMap, HashSet};

mod ours;
mod timeline;

use ours::ours;
use timeline::timeline;

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

/// What a header that names neither kind's columns lacks: the columns of the kind it comes
/// closest to that it does not name ("the header names id and title but not start …"), read
/// with the separator that finds the most of them.
fn missing_columns(text: &str, first: usize) -> String {
    const OURS: [&str; 3] = ["id", "start", "title"];
    const TIMELINE: [&str; 2] = ["year", "headline"];
    let named = |cols: &HashMap<String, usize>, names: &[&'static str]| -> Vec<&'static str> {
        names
            .iter()
            .copied()
            .filter(|n| cols.contains_key(*n))
            .collect()
    };
    let best = SEPARATORS
        .iter()
        .filter_map(|&separator| rows_up_to(text, separator, 1, first).first().map(columns))
        .map(|cols| (named(&cols, &OURS), named(&cols, &TIMELINE)))
        .max_by_key(|(ours, timeline)| ours.len().max(timeline.len()));
    let list = |names: &[&str]| match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    let title = |names: Vec<&str>| -> Vec<String> {
        names
            .iter()
            .map(|n| {
                let mut c = n.chars();
                c.next()
                    .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
            })
            .collect()
    };
    match best {
        Some((ours, timeline)) if !timeline.is_empty() && timeline.len() >= ours.len() => {
            let missing: Vec<&str> = TIMELINE.iter().copied().filter(|n| !timeline.contains(n)).collect();
            let (named, missing) = (title(timeline), title(missing));
            format!(
                "the header names {} but not {}: a TimelineJS sheet needs Year and Headline (Month, Day, Text… may follow)",
                list(&named.iter().map(String::as_str).collect::<Vec<_>>()),
                list(&missing.iter().map(String::as_str).collect::<Vec<_>>())
            )
        }
        Some((ours, _)) if !ours.is_empty() => {
            let missing: Vec<&str> = OURS.iter().copied().filter(|n| !ours.contains(n)).collect();
            format!(
                "the header names {} but not {}: the explorer's CSV needs id, start and title (a TimelineJS sheet: Year, Month, Day, Headline…)",
                list(&ours),
                list(&missing)
            )
        }
        _ => "the first row must name the columns: either id, start, title… or Year, Month, Day, Headline…".to_string(),
    }
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
    let Comments {
        view,
        head,
        rest: text,
        lines,
    } = comments(text);
    let mut first = lines + 1;
    // Blank lines before the header are passed over (a sheet saved with empty rows on top).
    let mut text = text;
    let blank = |line: &str| {
        line.trim_matches(|c: char| {
            c.is_whitespace() || (c.is_ascii() && SEPARATORS.contains(&(c as u8)))
        })
        .is_empty()
    };
    while let Some((line, rest)) = text.split_once('\n') {
        if !blank(line) {
            break;
        }
        text = rest;
        first += 1;
    }
    if blank(text) {
        // Nothing but blank rows (",,," with or without a line end after it).
        text = "";
    }
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
                    format!("row {first}"),
                    missing_columns(text, first),
                )],
            )
        });
    };
    let mut rows = rows_up_to(text, separator, usize::MAX, first);
    // Our export's head lines come after the events.
    let head = match head {
        Some(head) => Some(head),
        None if kind == Kind::Ours => trailing_head(&mut rows),
        None => None,
    };
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
        ours(header, &cols, &data, file_name, head)
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

/// The marker of the lines that carry the chronology's head in our CSV export (see
/// [`crate::core::dataset::export::to_csv`]).
pub const HEAD_LINE: &str = "# chronology:";

/// The comment lines a file starts with (each a cell starting with `#`, quoted or not, as a
/// spreadsheet saves a one-cell row): the view the first names, if any, and the chronology's
/// head, put together again from its lines.
struct Comments<'a> {
    view: Option<String>,
    /// The head's JSON, and where it is ("row 2", "rows 2–4").
    head: Option<(String, String)>,
    /// The text after the comment lines.
    rest: &'a str,
    lines: usize,
}

fn comments(text: &str) -> Comments<'_> {
    let mut out = Comments {
        view: None,
        head: None,
        rest: text,
        lines: 0,
    };
    let mut head_lines = Vec::new();
    while let Some((cell, rest)) = comment_line(out.rest) {
        out.lines += 1;
        out.rest = rest;
        if let Some(view) = cell.strip_prefix(VIEW_LINE) {
            // Our export writes the query's list commas as `%2C` (see `to_csv`).
            let view = view.trim().replace("%2C", ",");
            out.view = Some(view).filter(|v| !v.is_empty());
        } else if cell.starts_with(HEAD_LINE) {
            head_lines.push((out.lines, cell));
        }
    }
    out.head = head_of(head_lines.iter().map(|(n, cell)| (*n, cell.as_str())));
    out
}

/// The head's JSON put together from its lines (row number, the whole `# chronology: …` cell),
/// and where they are ("row 2", "rows 113–115").
fn head_of<'a>(lines: impl Iterator<Item = (usize, &'a str)>) -> Option<(String, String)> {
    let mut json = String::new();
    let mut rows: Option<(usize, usize)> = None;
    for (number, cell) in lines {
        let chunk = &cell[HEAD_LINE.len()..];
        json.push_str(chunk.strip_prefix(' ').unwrap_or(chunk));
        rows = Some((rows.map_or(number, |r| r.0), number));
    }
    let (first, last) = rows?;
    // Percent-escaped where CSV would need quotes (see `to_csv`); the files of the first
    // version of the export hold the JSON as it is, in quoted cells: JSON has quotes.
    if !json.contains('"') {
        json = crate::core::url_state::decode_component(&json);
    }
    let place = if first == last {
        format!("row {first}")
    } else {
        format!("rows {first}–{last}")
    };
    Some((json, place))
}

/// Takes the head lines (rows of one `# chronology: …` cell, blank rows between them) off the
/// end of the rows: their JSON put together, and where they are ("rows 113–115").
fn trailing_head(rows: &mut Vec<Row>) -> Option<(String, String)> {
    let is_head = |r: &Row| {
        r.fields.first().is_some_and(|f| f.starts_with(HEAD_LINE))
            && r.fields.iter().skip(1).all(|f| f.trim().is_empty())
    };
    let tail = rows
        .iter()
        .skip(1)
        .rev()
        .take_while(|r| r.is_blank() || is_head(r))
        .count();
    let lines: Vec<Row> = rows.split_off(rows.len() - tail);
    head_of(
        lines
            .iter()
            .filter(|r| is_head(r))
            .filter_map(|r| Some((r.number, r.fields.first()?.as_str()))),
    )
}

/// The first line's one cell, when it is a comment, and the text after the line.
fn comment_line(text: &str) -> Option<(String, &str)> {
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
    cell.starts_with('#').then_some((cell, rest))
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

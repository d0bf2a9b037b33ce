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
        head_lines,
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
    // Our export's comment lines come before the header (the view) and after the events (the
    // head), but a spreadsheet's sort moves them among the rows: taken out wherever they are.
    let mut view = view;
    let head = if kind == Kind::Ours {
        let mut lines = head_lines;
        lines.extend(comment_rows(&mut rows, &mut view));
        head_of(lines)
    } else {
        None
    };
    // Written by the explorer: its head lines are there (a view line may be written by hand).
    let exported = head.is_some();
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
    draft
        .notices
        .extend(ignored_columns(header, kind, exported, first));
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
/// 'Bar', 'Baz'"). Header cells left empty are not columns. In a file the explorer `exported`,
/// also its columns that the file lacks. Said at the header's `row` of the file.
fn ignored_columns(header: &Row, kind: Kind, exported: bool, row: usize) -> Vec<ImportProblem> {
    let at = format!("row {row}");
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
        out.push(ImportProblem::new(&at, line));
    }
    if repeated.0 > 0 {
        let nouns = ("repeated column", "repeated columns");
        let line = collapsed(repeated.0, nouns, "", &repeated.1);
        out.push(ImportProblem::new(&at, line));
    }
    // In a file the explorer wrote (its head lines are there), its columns that the
    // file lacks: their fields are empty in every event, which the report says (an export with
    // its domains column deleted came in without a word, every event without its domains). A
    // file made by hand names only the columns it uses.
    if kind == Kind::Ours && exported {
        let absent: Vec<&str> = CSV_COLUMNS
            .iter()
            .copied()
            .filter(|c| !seen.contains(*c))
            .collect();
        if !absent.is_empty() {
            let (noun, these) = if absent.len() == 1 {
                ("column", "its field")
            } else {
                ("columns", "their fields")
            };
            out.push(ImportProblem::new(
                &at,
                format!(
                    "no {noun} {}: {these} left empty in every event",
                    absent.join(", ")
                ),
            ));
        }
    }
    out
}

/// The marker of the line our CSV export starts with: `# view: ?domain=piracy&from=…`.
pub const VIEW_LINE: &str = "# view:";

/// The marker of the lines that carry the chronology's head in our CSV export (see
/// [`crate::core::dataset::export::to_csv`]).
pub const HEAD_LINE: &str = "# chronology:";

/// The head lines of a chronology whose head takes more than one line are numbered, so that
/// a spreadsheet's sort that reorders them does not break it: `# chronology 2/3: …`, the
/// second of three. (A head of one line, and the lines of earlier versions, have no number.)
pub fn head_line_marker(part: usize, parts: usize) -> String {
    if parts == 1 {
        HEAD_LINE.to_string()
    } else {
        format!("{} {part}/{parts}:", &HEAD_LINE[..HEAD_LINE.len() - 1])
    }
}

/// One of the head's lines: its row, its number and the number of lines (`None` in a head of
/// one line, and in the files of earlier versions), and its piece of the JSON.
struct HeadLine {
    row: usize,
    part: Option<(usize, usize)>,
    chunk: String,
}

/// A cell's head line (`# chronology: …` or `# chronology 2/3: …`) without its row.
fn head_line(cell: &str) -> Option<(Option<(usize, usize)>, &str)> {
    let rest = cell.strip_prefix(&HEAD_LINE[..HEAD_LINE.len() - 1])?;
    let (part, chunk) = match rest.strip_prefix(':') {
        Some(chunk) => (None, chunk),
        None => {
            let (numbers, chunk) = rest.strip_prefix(' ')?.split_once(':')?;
            let (part, parts) = numbers.split_once('/')?;
            let digits = |s: &str| {
                s.bytes()
                    .all(|b| b.is_ascii_digit())
                    .then(|| s.parse::<usize>().ok())
                    .flatten()
            };
            (Some((digits(part)?, digits(parts)?)), chunk)
        }
    };
    Some((part, chunk.strip_prefix(' ').unwrap_or(chunk)))
}

/// The comment lines a file starts with (each a cell starting with `#`, quoted or not, as a
/// spreadsheet saves a one-cell row): the view the first names, if any, and the chronology's
/// head lines.
struct Comments<'a> {
    view: Option<String>,
    head_lines: Vec<HeadLine>,
    /// The text after the comment lines.
    rest: &'a str,
    lines: usize,
}

/// The view of a `# view: …` cell.
fn view_of(cell: &str) -> Option<Option<String>> {
    let view = cell.strip_prefix(VIEW_LINE)?;
    // Our export writes the query's list commas as `%2C` (see `to_csv`).
    let view = view.trim().replace("%2C", ",");
    Some(Some(view).filter(|v| !v.is_empty()))
}

fn comments(text: &str) -> Comments<'_> {
    let mut out = Comments {
        view: None,
        head_lines: Vec::new(),
        rest: text,
        lines: 0,
    };
    while let Some((cell, rest)) = comment_line(out.rest) {
        out.lines += 1;
        out.rest = rest;
        if let Some(view) = view_of(&cell) {
            out.view = view;
        } else if let Some((part, chunk)) = head_line(&cell) {
            out.head_lines.push(HeadLine {
                row: out.lines,
                part,
                chunk: chunk.to_string(),
            });
        }
    }
    out
}

/// Takes our comment rows (one `# chronology…` or `# view:` cell, the others empty) out of the
/// rows after the header, wherever a spreadsheet's sort left them: the head's lines, and the
/// view into `view` unless the file starts with one.
fn comment_rows(rows: &mut Vec<Row>, view: &mut Option<String>) -> Vec<HeadLine> {
    let mut lines = Vec::new();
    let mut i = 1;
    while i < rows.len() {
        let row = &rows[i];
        let one_cell = !row.unterminated && row.fields.iter().skip(1).all(|f| f.trim().is_empty());
        let cell = row.fields.first().map(String::as_str).unwrap_or_default();
        if one_cell {
            if let Some((part, chunk)) = head_line(cell) {
                lines.push(HeadLine {
                    row: row.number,
                    part,
                    chunk: chunk.to_string(),
                });
                rows.remove(i);
                continue;
            }
            if let Some(found) = view_of(cell) {
                if view.is_none() {
                    *view = found;
                }
                rows.remove(i);
                continue;
            }
        }
        i += 1;
    }
    lines
}

/// The head's JSON put together from its lines (or why it cannot be), and where they are
/// ("row 2", "rows 113–115", "rows 2–3, 90"). Numbered lines are put in their numbers' order;
/// the unnumbered lines of earlier versions in the file's order, or, when that does not read
/// as JSON, in the orders a sort may have left them in that do.
fn head_of(mut lines: Vec<HeadLine>) -> Option<(Result<String, String>, String)> {
    if lines.is_empty() {
        return None;
    }
    let mut numbers: Vec<usize> = lines.iter().map(|l| l.row).collect();
    crate::core::sort::sort(&mut numbers);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for n in numbers {
        match runs.last_mut() {
            Some(run) if run.1 + 1 == n => run.1 = n,
            _ => runs.push((n, n)),
        }
    }
    let runs: Vec<String> = runs
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect();
    let place = if lines.len() == 1 {
        format!("row {}", runs[0])
    } else {
        format!("rows {}", runs.join(", "))
    };
    // Percent-escaped where CSV would need quotes (see `to_csv`); the files of the first
    // version of the export hold the JSON as it is, in quoted cells: JSON has quotes.
    let joined = |order: &mut dyn Iterator<Item = &HeadLine>| {
        let json: String = order.map(|l| l.chunk.as_str()).collect();
        if json.contains('"') {
            json
        } else {
            crate::core::url_state::decode_component(&json)
        }
    };
    let numbered = lines.iter().filter(|l| l.part.is_some()).count();
    let json = if numbered == 0 {
        unnumbered(&lines, joined)
    } else if numbered < lines.len() {
        Err(
            "the chronology's head has lines with a number (\"# chronology 1/2:\") and lines \
             without, so they cannot be put together"
                .to_string(),
        )
    } else {
        // Sorted by their numbers; a line copied whole counts once.
        crate::core::sort::sort_by_key(&mut lines, |l| l.part);
        lines.dedup_by(|a, b| a.part == b.part && a.chunk == b.chunk);
        let parts = lines[0].part.map_or(0, |p| p.1);
        if lines.iter().any(|l| l.part.is_none_or(|p| p.1 != parts)) {
            Err("the chronology's head lines do not agree on how many they are".to_string())
        } else if let Some(w) = lines.windows(2).find(|w| w[0].part == w[1].part) {
            Err(format!(
                "the chronology's head has two different lines {}/{parts}",
                w[0].part.map_or(0, |p| p.0)
            ))
        } else if lines.len() != parts
            || !lines
                .iter()
                .zip(1..=parts)
                .all(|(l, n)| l.part.map(|p| p.0) == Some(n))
        {
            let have: Vec<usize> = lines.iter().filter_map(|l| l.part.map(|p| p.0)).collect();
            // The first few (a file may claim any number of lines).
            let missing: Vec<String> = (1..=parts)
                .filter(|n| !have.contains(n))
                .take(NAMED)
                .map(|n| n.to_string())
                .collect();
            Err(if missing.is_empty() {
                format!("the chronology's head lines are not numbered 1 to {parts}")
            } else {
                format!(
                    "the chronology's head lacks its {} {} of {parts} (deleted?)",
                    if missing.len() == 1 { "line" } else { "lines" },
                    missing.join(", ")
                )
            })
        } else {
            Ok(joined(&mut lines.iter()))
        }
    };
    Some((json, place))
}

/// The JSON of a head whose lines carry no number (a head of one line, or the files of earlier
/// versions): in the file's order when it reads, or, of two lines, in the other order. Else
/// the file's order if the lines are as the export cut them (the first opens the JSON, all but
/// the last are full: a line edited by hand, and the import says where the JSON breaks), or
/// the lines were reordered, by a spreadsheet's sort most likely. (Which of the orders that
/// read is the head's cannot be told from their JSON alone: lists of alike objects cut in
/// their strings read in more than one.)
fn unnumbered(
    lines: &[HeadLine],
    joined: impl Fn(&mut dyn Iterator<Item = &HeadLine>) -> String,
) -> Result<String, String> {
    let reads = |json: &str| serde_json::from_str::<serde_json::Value>(json).is_ok();
    let opens = |l: &HeadLine| l.chunk.starts_with('{');
    let in_order = joined(&mut lines.iter());
    if lines.len() == 1 || reads(&in_order) {
        return Ok(in_order);
    }
    if let [first, second] = lines {
        let swapped = joined(&mut [second, first].into_iter());
        if opens(second) && reads(&swapped) {
            return Ok(swapped);
        }
    }
    let full = crate::core::dataset::export::HEAD_CHUNK_CHARS;
    let as_cut = lines.first().is_some_and(opens)
        && lines.iter().enumerate().all(|(i, l)| {
            let chars = l.chunk.chars().count();
            // A piece's last space is written `%20`: two characters more.
            (chars >= full || i + 1 == lines.len()) && chars <= full + 2
        });
    // As cut, but the full lines between the first and the last perhaps sorted: out of their
    // order if another order of those reads (a few of them; many are not tried).
    let middle: Vec<&HeadLine> = lines
        .iter()
        .skip(1)
        .take(lines.len().saturating_sub(2))
        .collect();
    let reordered = || {
        let mut order: Vec<usize> = (0..middle.len()).collect();
        while next_permutation(&mut order) {
            let mut all = std::iter::once(&lines[0])
                .chain(order.iter().map(|&i| middle[i]))
                .chain(lines.last());
            if reads(&joined(&mut all)) {
                return true;
            }
        }
        false
    };
    if as_cut && (middle.len() < 2 || middle.len() > 5 || !reordered()) {
        Ok(in_order)
    } else {
        Err(
            "the chronology's head lines are out of their order (as a spreadsheet's sort \
             leaves them) and, written by an earlier version of the explorer, carry no \
             numbers to put them back: the title, the phases' names and the footnotes' \
             citations could not be read"
                .to_string(),
        )
    }
}

/// Steps `order` to the next permutation in lexical order; false after the last.
fn next_permutation(order: &mut [usize]) -> bool {
    let Some(i) = (1..order.len()).rev().find(|&i| order[i - 1] < order[i]) else {
        return false;
    };
    let Some(j) = (i..order.len()).rev().find(|&j| order[j] > order[i - 1]) else {
        return false;
    };
    order.swap(i - 1, j);
    order[i..].reverse();
    true
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

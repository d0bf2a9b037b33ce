//! Our own CSV export read back.

use super::{list, row_record, Cells, Row};
use crate::core::dataset::validate::is_web_url;
use crate::core::dataset::Chronology;
use crate::core::dataset::Event;
use crate::core::edtf::Edtf;
use crate::core::import::json::head;
use crate::core::import::tally::Change;
use crate::core::import::{
    file_stem, imported_base, quoted, when, Derive, Draft, Format, ImportProblem, Item, Record,
};
use crate::core::story::missing_events;
use crate::core::text::plural;
use serde_json::Value;
use std::collections::HashMap;

/// Our own CSV export; `head`, the chronology's head lines put together (their JSON, or why it
/// cannot be had, and where they are).
pub(super) fn ours(
    header: &Row,
    cols: &HashMap<String, usize>,
    data: &[&Row],
    file_name: &str,
    head: Option<(Result<String, String>, String)>,
) -> Draft {
    let title = file_stem(file_name);
    let mut records = Vec::with_capacity(data.len());
    let mut first_with_id: HashMap<String, usize> = HashMap::new();
    let mut footnote_urls: HashMap<u32, (String, usize)> = HashMap::new();
    // Dates a spreadsheet wrote day or month first, where the file's own dates say which.
    let order = {
        let cells = |row| Cells {
            header,
            cols,
            row,
            restore: true,
        };
        crate::core::date::spreadsheet_order(data.iter().flat_map(|row| {
            let cells = cells(row);
            [cells.get("start"), cells.get("end")]
        }))
    };
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
        let raw_id = cells.get("id");
        let id = raw_id.trim().to_string();
        if !id.is_empty() && id != raw_id {
            // A spreadsheet's spaces around a cell are dropped, but the id is what links name:
            // said, as the other changes on the way in are.
            record.notices.push(ImportProblem::new(
                format!("{}, {}", record.location, cells.column("id")),
                format!("the spaces around the id {} were dropped", quoted(&id)),
            ));
        }
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
        let date = |record: &mut Record, column: &str, s: &str| {
            let read = order.and_then(|o| Some((o, crate::core::date::spreadsheet_iso(s, o)?)));
            if let Some((o, _)) = read {
                record.tally(&cells.column(column), Change::Spreadsheet(o), s);
            }
            Edtf::parse(read.as_ref().map_or(s, |(_, iso)| iso.as_str()))
                .map_err(|e| record.problem(&cells.column(column), e.to_string()))
        };
        let start = match cells.some("start") {
            None => {
                record.problem(&cells.column("start"), "the start date is missing");
                None
            }
            Some(s) => date(&mut record, "start", s).ok(),
        };
        let end = match cells.some("end") {
            None => Ok(None),
            Some(s) => date(&mut record, "end", s).map(Some),
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
            // Links are written between " ; " (a link may hold a ";"), or, as the other lists
            // of a row are, between bare ";" where that gives one link per footnote.
            let spaced: Vec<&str> = urls_cell.split(" ; ").map(str::trim).collect();
            let bare: Vec<&str> = urls_cell.split(';').map(str::trim).collect();
            let urls = if spaced.len() != footnotes.len() && bare.len() == footnotes.len() {
                bare.clone()
            } else {
                spaced.clone()
            };
            // (A bare ";" between two links is two links, not one.)
            if footnotes.is_empty() && urls.len() == 1 && !urls[0].contains(';') {
                // A row added in a spreadsheet with a link and no footnote: the link is its
                // source, in a footnote of its own (as a TimelineJS media link is).
                match crate::core::import::media_footnote(urls[0], "", "") {
                    Ok(footnote) => record.media = footnote,
                    Err(message) => record.problem(&cells.column("source_urls"), message),
                }
            } else if urls.len() != footnotes.len() {
                let links = if spaced.len() > 1 {
                    spaced.len()
                } else {
                    bare.len()
                };
                record.problem(
                    &cells.column("source_urls"),
                    format!(
                        "has {} for {}: give one link per footnote of the footnotes column, in \
                         its order (a place left empty between \" ; \" for a footnote without \
                         one), or a single link and no footnote",
                        plural(links, "link", "links"),
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
    let mut fatal = Vec::new();
    let mut notices = Vec::new();
    let base = match head.map(|(json, rows)| read_head(&json, &rows, file_name, &mut fatal)) {
        Some(Ok(base)) => base,
        Some(Err(problem)) => {
            notices.push(problem);
            imported_base(title, file_name, Format::Csv)
        }
        None => imported_base(title, file_name, Format::Csv),
    };
    // A story is told over the file's events: scenes lose those the file does not have (rows
    // deleted in a spreadsheet), as in a JSON file; the import says which.
    let missing_events = missing_events(&base.stories, |id| first_with_id.contains_key(id))
        .into_iter()
        .collect();
    Draft {
        format: Format::Csv,
        base,
        missing_events,
        records,
        fatal,
        // Phases, domains, third parties and footnotes that the head does not have (all of
        // them without a head) are made from the ids and numbers the events use.
        derive: Derive::FromEvents,
        view: None,
        notices,
    }
}

/// The chronology's head from its lines' JSON: its parts' problems go to `fatal`, placed in
/// those lines (as a JSON file's are); JSON that cannot be read at all (a head broken in a
/// spreadsheet), or lines that cannot be put together, give the notice that the events are
/// imported without it.
fn read_head(
    json: &Result<String, String>,
    rows: &str,
    file_name: &str,
    fatal: &mut Vec<ImportProblem>,
) -> Result<Chronology, ImportProblem> {
    let without =
        "its phases, domains, third parties and footnotes are made from the ids the events use";
    let json = match json {
        Ok(json) => json,
        Err(why) => return Err(ImportProblem::new(rows, format!("{why}: {without}"))),
    };
    let root = match serde_json::from_str::<Value>(json) {
        Ok(Value::Object(root)) => root,
        Ok(_) => {
            return Err(ImportProblem::new(
                rows,
                format!("the chronology's head is not a JSON object: {without}"),
            ))
        }
        Err(e) => {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or_default();
            return Err(ImportProblem::new(
                rows,
                format!(
                    "the chronology's head cannot be read ({message}, at character {}): {without}",
                    e.column()
                ),
            ));
        }
    };
    let mut problems = Vec::new();
    let (base, _) = head(&root, file_name, &mut problems);
    fatal.extend(problems.into_iter().map(|p| {
        ImportProblem::new(
            format!("{rows} (the chronology's head), {}", p.location),
            p.message,
        )
    }));
    Ok(base)
}

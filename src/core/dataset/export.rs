//! Exports of the filtered chronology: JSON in our own schema (it re-imports to the same data),
//! CSV (one row per event, lists joined with "; "), and the bibliography of the footnotes the
//! events cite.

use super::schema::Chronology;
use std::borrow::Cow;
use std::fmt::Write;

/// The chronology with only the events for which `keep(index)` holds. Phases, facets and
/// footnotes stay whole, so that footnote numbers and ids keep their meaning.
pub fn filtered(data: &Chronology, keep: impl Fn(usize) -> bool) -> Chronology {
    let mut out = data.clone();
    out.events = data
        .events
        .iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .map(|(_, e)| e.clone())
        .collect();
    out
}

/// Pretty JSON in the schema of `assets/data/japan-nato.json`.
pub fn to_json(data: &Chronology) -> String {
    // Serialising plain data structures cannot fail.
    serde_json::to_string_pretty(data).unwrap_or_default() + "\n"
}

/// The CSV header, in column order.
pub const CSV_COLUMNS: [&str; 13] = [
    "id",
    "start",
    "end",
    "title",
    "summary",
    "phase",
    "domains",
    "third_parties",
    "actors",
    "footnotes",
    "evidence",
    "note",
    "source_urls",
];

/// What a spreadsheet takes for the start of a formula (OWASP "CSV Injection"): a cell starting
/// with one of these is run, e.g. `=HYPERLINK(…)` or `=cmd|' /C calc'!A0`.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell, once its leading apostrophes and spaces are set aside, starts like a formula.
/// (Spaces are set aside too because some spreadsheets trim them before reading a cell.)
fn starts_like_a_formula(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .trim_start_matches(' ')
        .starts_with(FORMULA_STARTS)
}

/// A CSV cell that no spreadsheet runs as a formula: with one more leading apostrophe (as OWASP
/// recommends) when it starts like a formula after its own leading apostrophes, so that
/// [`restore_formula`] can always tell the added apostrophe from the cell's own. Dates get the
/// same treatment: `-0500` would otherwise be computed (as -500, or -504 for `-0500-03-01`).
pub fn neutralise_formula(cell: &str) -> Cow<'_, str> {
    if starts_like_a_formula(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell [`neutralise_formula`] was given: its added apostrophe removed, and nothing else
/// (a cell it left alone comes back unchanged).
pub fn restore_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if starts_like_a_formula(rest) => rest,
        _ => cell,
    }
}

/// A CSV field, quoted when it must be (RFC 4180). Semicolons and tabs are quoted too: a
/// spreadsheet that splits on them would otherwise start a new cell, perhaps with a formula.
fn field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r', ';', '\t'])
        || value.starts_with(' ')
        || value.ends_with(' ')
    {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// One row per event, in the order of [`CSV_COLUMNS`]; CRLF line ends as RFC 4180 asks. Cells
/// that a spreadsheet would run as formulas are neutralised ([`neutralise_formula`]); our CSV
/// import undoes it.
/// `source_urls` gives the link of each footnote the event cites, in the order of `footnotes`,
/// joined by " ; " (an empty entry for a footnote without a link; empty when none has one).
pub fn to_csv(data: &Chronology) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for e in &data.events {
        let footnotes: Vec<String> = e.footnotes.iter().map(u32::to_string).collect();
        let urls: Vec<&str> = e
            .footnotes
            .iter()
            .map(|n| {
                data.footnote(*n)
                    .and_then(|f| f.url.as_deref())
                    .unwrap_or_default()
            })
            .collect();
        let source_urls = if urls.iter().all(|u| u.is_empty()) {
            String::new()
        } else {
            urls.join(" ; ")
        };
        let cells = [
            e.id.clone(),
            e.start.to_iso(),
            e.end.map(|d| d.to_iso()).unwrap_or_default(),
            e.title.clone(),
            e.summary.clone(),
            e.phase.clone(),
            e.domains.join("; "),
            e.third_parties.join("; "),
            e.actors.join("; "),
            footnotes.join("; "),
            e.evidence.clone(),
            e.note.clone().unwrap_or_default(),
            source_urls,
        ];
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(&mut out, &neutralise_formula(cell));
        }
        out.push_str("\r\n");
    }
    out
}

/// The footnotes cited by the events, in number order, as plain text.
pub fn bibliography(data: &Chronology) -> String {
    let mut cited: Vec<u32> = data
        .events
        .iter()
        .flat_map(|e| e.footnotes.iter().copied())
        .collect();
    cited.sort_unstable();
    cited.dedup();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Sources cited by {} events of “{}”",
        data.events.len(),
        data.title
    );
    let s = &data.source;
    let _ = write!(out, "From: {}", s.title);
    if let Some(sub) = &s.subtitle {
        let _ = write!(out, ": {sub}");
    }
    let _ = write!(out, ", by {}", s.author);
    if let Some(year) = s.year {
        let _ = write!(out, ", {year}");
    }
    out.push_str(".\n\n");
    for n in cited {
        if let Some(f) = data.footnote(n) {
            let _ = writeln!(out, "{n}. {}", f.citation);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::{embedded, parse_json};

    #[test]
    fn json_export_of_a_filtered_set_re_imports_to_the_same_events() {
        let data = embedded().unwrap();
        let cyber = filtered(&data, |i| {
            data.events[i].domains.iter().any(|d| d == "cyber")
        });
        assert!(!cyber.events.is_empty() && cyber.events.len() < data.events.len());
        let back = parse_json(&to_json(&cyber)).unwrap();
        assert_eq!(back, cyber);
        assert_eq!(back.footnotes.len(), data.footnotes.len());
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_has_a_row_per_event() {
        let mut data = embedded().unwrap();
        data.events.truncate(3);
        data.events[0].title = "A \"quoted\", comma title".into();
        data.events[1].summary = "two\nlines".into();
        let csv = to_csv(&data);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], CSV_COLUMNS.join(","));
        assert!(csv.contains("\"A \"\"quoted\"\", comma title\""));
        assert!(csv.contains("\"two\nlines\""));
        assert_eq!(csv.matches("\r\n").count(), 4);
    }

    #[test]
    fn formula_cells_get_one_apostrophe_that_restore_removes() {
        for (cell, written) in [
            ("=1+1", "'=1+1"),
            ("-0500", "'-0500"),
            ("@x", "'@x"),
            ("+x", "'+x"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("  =x", "'  =x"),
            ("'=x", "''=x"),
            ("'", "'"),
            ("'x", "'x"),
            ("''x", "''x"),
            ("x=1", "x=1"),
            ("", ""),
        ] {
            assert_eq!(neutralise_formula(cell), written, "{cell:?}");
            assert_eq!(restore_formula(written), cell, "{written:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn restore_undoes_neutralise(cell in "['= +@\t\r-]{0,4}\\PC{0,6}") {
                let written = neutralise_formula(&cell);
                prop_assert!(!written.trim_start_matches(' ').starts_with(FORMULA_STARTS));
                prop_assert_eq!(restore_formula(&written), cell.as_str());
            }
        }
    }

    #[test]
    fn the_bibliography_lists_each_cited_footnote_once_in_order() {
        let data = embedded().unwrap();
        let afghanistan = filtered(&data, |i| {
            data.events[i].domains.iter().any(|d| d == "afghanistan")
        });
        let text = bibliography(&afghanistan);
        let numbers: Vec<u32> = text
            .lines()
            .filter_map(|l| l.split_once(". ").and_then(|(n, _)| n.parse().ok()))
            .collect();
        let mut expected: Vec<u32> = afghanistan
            .events
            .iter()
            .flat_map(|e| e.footnotes.clone())
            .collect();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(numbers, expected);
        assert!(text.contains("Mirna Galic"));
    }
}

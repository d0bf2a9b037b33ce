//! Exports of the filtered chronology: JSON in our own schema (it re-imports to the same data),
//! CSV (one row per event, lists joined with "; "), and the bibliography of the works the
//! events cite. Both JSON and CSV carry the view they were made from ([`with_view`]), which an
//! import gives back.

use super::schema::Chronology;
use crate::core::url_state::{to_query, ViewState};
use std::borrow::Cow;
use std::collections::HashSet;

/// The chronology with only the events for which `keep(index)` holds. Phases and facets stay
/// whole, so that a view's ids keep their meaning; stories lose the events left out (and the
/// scenes that were about those only), so that the file stays valid; the footnotes are those
/// the events and the stories left cite (by their own numbers), and the works those cite: the
/// file carries the notes of its events, not the whole brief's.
pub fn filtered(data: &Chronology, keep: impl Fn(usize) -> bool) -> Chronology {
    let mut out = data.clone();
    let mut left_out = HashSet::new();
    out.events = data
        .events
        .iter()
        .enumerate()
        .filter(|(i, e)| {
            let kept = keep(*i);
            if !kept {
                left_out.insert(e.id.as_str());
            }
            kept
        })
        .map(|(_, e)| e.clone())
        .collect();
    crate::core::story::leave_out_events(&mut out.stories, &left_out);
    if !left_out.is_empty() {
        keep_cited_notes(&mut out);
    }
    out
}

/// Leaves out the footnotes that no event or story quote of `data` cites, and the works that no
/// footnote left cites.
fn keep_cited_notes(data: &mut Chronology) {
    let quotes = data
        .stories
        .iter()
        .flat_map(|s| &s.scenes)
        .flat_map(|scene| &scene.quotes);
    let cited: HashSet<u32> = data
        .events
        .iter()
        .flat_map(|e| &e.footnotes)
        .chain(quotes.flat_map(|q| &q.footnotes))
        .copied()
        .collect();
    data.footnotes.retain(|f| cited.contains(&f.number));
    let works: HashSet<&str> = data
        .footnotes
        .iter()
        .flat_map(|f| f.sources.iter().map(String::as_str))
        .collect();
    let works: HashSet<String> = works.into_iter().map(str::to_string).collect();
    data.sources.retain(|r| works.contains(&r.id));
}

/// The view as an export carries it: the link's query string without what names the data
/// (`data`, `synthetic`), since the file is the data; `None` for the default view.
pub fn view_query(view: &ViewState) -> Option<String> {
    let mut view = view.clone();
    view.data = None;
    view.synthetic = None;
    Some(to_query(&view)).filter(|q| !q.is_empty())
}

/// The chronology stamped with the view it is exported from (JSON's `view`, CSV's first line).
pub fn with_view(mut data: Chronology, view: &ViewState) -> Chronology {
    data.view = view_query(view);
    data
}

/// Pretty JSON in the schema of `assets/data/japan-nato.json`.
pub fn to_json(data: &Chronology) -> String {
    // Serialising plain data structures cannot fail.
    pretty(&serde_json::to_string(data).unwrap_or_default()) + "\n"
}

/// Compact JSON (as `serde_json::to_string` writes it: no whitespace outside strings) laid out
/// as `serde_json::to_string_pretty` would have written it, to the byte: two spaces of indent,
/// `": "` after keys, `[]` and `{}` when empty. So that the bundle compiles the schema's
/// serialisers for one formatter, not two.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if chars
                    .next_if(|&n| n == '}' || n == ']')
                    .map(|n| out.push(n))
                    .is_none()
                {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// The most characters of the head's JSON in one CSV cell: spreadsheets keep at most 32,767
/// characters in a cell (Excel, LibreOffice), and cut the rest.
pub const HEAD_CHUNK_CHARS: usize = 30_000;

/// The chronology without its events (nor its view, which has a line of its own), as compact
/// JSON in pieces of at most [`HEAD_CHUNK_CHARS`] characters.
fn head_chunks(data: &Chronology) -> Vec<String> {
    // Borrowed parts, written by the serialisers the bundle has already (the import worker
    // writes whole chronologies compactly): a `serde_json::Value` would add a second set.
    #[derive(serde::Serialize)]
    struct Head<'a> {
        title: &'a str,
        source: &'a super::Source,
        phases: &'a [super::Phase],
        domains: &'a [super::Domain],
        third_parties: &'a [super::ThirdParty],
        footnotes: &'a [super::Footnote],
        sources: &'a [super::Reference],
        stories: &'a [super::Story],
    }
    let text = serde_json::to_string(&Head {
        title: &data.title,
        source: &data.source,
        phases: &data.phases,
        domains: &data.domains,
        third_parties: &data.third_parties,
        footnotes: &data.footnotes,
        sources: &data.sources,
        stories: &data.stories,
    })
    .unwrap_or_default();
    let text = comment_safe(&text);
    let mut chunks = Vec::new();
    let (mut chunk, mut chars) = (String::new(), 0);
    for c in text.chars() {
        if chars == HEAD_CHUNK_CHARS {
            chunks.push(std::mem::take(&mut chunk));
            chars = 0;
        }
        chunk.push(c);
        chars += 1;
    }
    chunks.push(chunk);
    // A cell's last space would be trimmed away by a spreadsheet.
    for chunk in &mut chunks {
        if chunk.ends_with(' ') {
            chunk.pop();
            chunk.push_str("%20");
        }
    }
    chunks
}

/// `text` with the characters that would make a CSV cell quoted (or break its line) written as
/// percent escapes, and `%` and `+` too, so that a comment line stays one unquoted cell starting
/// with `#`: what pandas' `comment='#'` and R's `comment.char = "#"` skip.
fn comment_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '"' => out.push_str("%22"),
            ',' => out.push_str("%2C"),
            ';' => out.push_str("%3B"),
            '+' => out.push_str("%2B"),
            '\t' => out.push_str("%09"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
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
    // `#` too: read with `comment='#'` (pandas, R), an unquoted cell would end there.
    if value.contains([',', '"', '\n', '\r', ';', '\t', '#'])
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
/// joined by " ; " (an empty entry for a footnote without a link; empty when none has one): the
/// first the details show for it ([`Chronology::footnote_links`]), the footnote's own or, for a
/// short note that gives none ("Stokes."), that of the work it cites. A file with the head lines
/// re-imports to the same chronology all the same: the head's footnotes are taken as they are,
/// and the links of the rows only make the footnotes the head lacks.
/// `start` holds the whole EDTF interval when a side is open (`2016/..`). With a view, the
/// file starts with a comment line `# view: ?…` that the import reads back.
/// After the events come the chronology's head lines, `# chronology: {…}` (numbered when there
/// are several: `# chronology 1/2: {…`, `# chronology 2/2: …`): everything but the
/// events (title, source, phases, domains, third parties, footnotes, works cited, stories) as
/// compact JSON, percent-escaped where CSV would need quotes ([`comment_safe`]) and cut into
/// cells a spreadsheet keeps whole ([`HEAD_CHUNK_CHARS`]), so that the
/// import gets back the labels, the phases' dates and the footnotes' citations rather than making
/// them up from ids. (At the end, so that a spreadsheet or a script finds the column names on
/// the first line.)
pub fn to_csv(data: &Chronology) -> String {
    let mut out = String::new();
    if let Some(view) = &data.view {
        // The query's list commas as `%2C`, so that the line is one unquoted comment cell
        // (the query has no quote, semicolon, `#` or line end: they are percent-escaped).
        out.push_str(crate::core::import::VIEW_LINE);
        out.push(' ');
        out.push_str(&view.replace(',', "%2C"));
        out.push_str("\r\n");
    }
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for e in &data.events {
        let footnotes: Vec<String> = e.footnotes.iter().map(u32::to_string).collect();
        // The link the details show first: the footnote's own, or that of the work it cites.
        let urls: Vec<&str> = e
            .footnotes
            .iter()
            .map(|n| {
                data.footnote(*n)
                    .and_then(|f| data.footnote_links(f).first().map(|(u, _)| *u))
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
            if e.open.is_some() {
                e.interval().to_edtf()
            } else {
                e.start.to_iso()
            },
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
    let chunks = head_chunks(data);
    for (i, chunk) in chunks.iter().enumerate() {
        // Never quoted: the chunk has no comma, quote, semicolon, tab or line end. Numbered
        // when there are several, so that the import puts them back in order after a sort.
        out.push_str(&crate::core::import::head_line_marker(i + 1, chunks.len()));
        out.push(' ');
        out.push_str(chunk);
        out.push_str("\r\n");
    }
    out
}

/// The byte-order mark a downloaded CSV starts with (U+FEFF, the bytes EF BB BF in UTF-8).
pub const CSV_BOM: char = '\u{feff}';

/// [`to_csv`] as the page downloads it: after a byte-order mark, without which Excel on
/// Windows reads a double-clicked CSV in the system's code page ("Japanâ€“NATO" for
/// "Japan–NATO"). Our import, like other CSV readers, skips it.
pub fn to_csv_file(data: &Chronology) -> String {
    let csv = to_csv(data);
    let mut out = String::with_capacity(CSV_BOM.len_utf8() + csv.len());
    out.push(CSV_BOM);
    out.push_str(&csv);
    out
}

/// The works the events cite, numbered, each with the footnotes citing it, then the brief's
/// notes that cite no work (see [`crate::core::cite::bibliography`]).
pub fn bibliography(data: &Chronology) -> String {
    crate::core::cite::bibliography(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::{embedded, parse_json};

    #[test]
    fn pretty_lays_out_compact_json_as_serde_json_does() {
        let tricky = serde_json::json!({
            "a \"q\" {[,:]}\\": [[], {}, [[]], [{}], [1, -2.5e-7, null, true, false]],
            "": {"b": {"c": ["x\\", "\\\"", "日本, NATO: {ok}", "\u{1}\n\t"]}, "e": {}},
            "z": "\\",
        });
        for value in [
            tricky,
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!(1),
        ] {
            let compact = serde_json::to_string(&value).unwrap();
            assert_eq!(
                pretty(&compact),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
        let data = embedded().unwrap();
        assert_eq!(
            to_json(&data),
            serde_json::to_string_pretty(&data).unwrap() + "\n"
        );
    }

    #[test]
    fn json_export_of_a_filtered_set_re_imports_to_the_same_events() {
        let data = embedded().unwrap();
        let cyber = filtered(&data, |i| {
            data.events[i].domains.iter().any(|d| d == "cyber")
        });
        assert!(!cyber.events.is_empty() && cyber.events.len() < data.events.len());
        let back = parse_json(&to_json(&cyber)).unwrap();
        assert_eq!(back, cyber);
        // The file carries its events' notes, by their numbers in the brief, and the works
        // those cite; no other.
        let mut wanted: Vec<u32> = cyber
            .events
            .iter()
            .flat_map(|e| e.footnotes.iter().copied())
            .chain(
                cyber
                    .stories
                    .iter()
                    .flat_map(|s| &s.scenes)
                    .flat_map(|c| &c.quotes)
                    .flat_map(|q| q.footnotes.iter().copied()),
            )
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let numbers: Vec<u32> = back.footnotes.iter().map(|f| f.number).collect();
        assert_eq!(numbers, wanted);
        assert!(numbers.len() < data.footnotes.len());
        for f in &back.footnotes {
            let whole = data.footnotes.iter().find(|g| g.number == f.number);
            assert_eq!(Some(f), whole, "footnote {} as in the brief", f.number);
        }
        let works: HashSet<&str> = back
            .footnotes
            .iter()
            .flat_map(|f| f.sources.iter().map(String::as_str))
            .collect();
        let ids: HashSet<&str> = back.sources.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, works);
        assert!(crate::core::dataset::validate::validate(&back).is_empty());
        // All the events: all the notes, cited or not.
        assert_eq!(filtered(&data, |_| true).footnotes, data.footnotes);
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
        // The header, three events (one with a line break in a cell), then the head's lines:
        // one unquoted cell each, with nothing CSV would quote (what `comment='#'` skips).
        // Several are numbered ("# chronology 1/2: {…"), so that a sort cannot mix them up.
        let head = lines
            .iter()
            .filter(|l| l.starts_with("# chronology"))
            .count();
        assert!(head >= 1);
        for (i, l) in lines[4..4 + head].iter().enumerate() {
            let marker = crate::core::import::head_line_marker(i + 1, head);
            assert!(l.starts_with(&format!("{marker} ")), "{marker}");
            assert!(!l.contains([',', '"', ';', '\t', '\n']) && !l.ends_with(' '));
        }
        let marker = crate::core::import::head_line_marker(1, head);
        assert!(lines[4].starts_with(&format!("{marker} {{%22title%22:%22")));
        assert_eq!(csv.matches("\r\n").count(), 4 + head);
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
    fn the_bibliography_numbers_each_work_once_and_keeps_commentary_apart() {
        let data = embedded().unwrap();
        let strategy = filtered(&data, |i| {
            data.events[i]
                .domains
                .iter()
                .any(|d| d == "strategy-doctrine")
        });
        let text = bibliography(&strategy);
        let works = crate::core::cite::cited_sources(&strategy, &strategy.events);
        let numbered: Vec<u32> = text
            .lines()
            .filter_map(|l| l.split_once(". ").and_then(|(n, _)| n.parse().ok()))
            .collect();
        assert_eq!(numbered, (1..=works.len() as u32).collect::<Vec<_>>());
        assert!(text.contains("Mirna Galic"));
        // Footnote 75 (on Japan's strategic orientation) cites no work: it is commentary.
        let (cited, commentary) = text
            .split_once("The brief's notes that cite no work")
            .unwrap();
        assert!(commentary.contains("Footnote 75: It is important to note that Japan’s strategic"));
        assert!(!cited.contains("It is important to note that Japan’s strategic"));
        assert!(cited.contains("https://www.nato.int/"));
    }

    #[test]
    fn exports_carry_their_view_and_imports_give_it_back() {
        use crate::core::import::import;
        use crate::core::url_state::{parse, year_start};
        let data = embedded().unwrap();
        let (mut view, _) = parse("?domain=piracy&q=gulf");
        view.window = Some((year_start(2008), year_start(2012)));
        view.data = Some("other.json".into());
        let shown = with_view(
            filtered(&data, |i| {
                data.events[i].domains.iter().any(|d| d == "piracy")
            }),
            &view,
        );
        let query = shown.view.clone().unwrap();
        assert_eq!(query, "?domain=piracy&q=gulf&from=2008&to=2011");
        // The CSV as downloaded (after a BOM) too: its first line is still the view's.
        for (text, name) in [
            (to_json(&shown), "x.json"),
            (to_csv(&shown), "x.csv"),
            (to_csv_file(&shown), "bom.csv"),
        ] {
            let back = import(text.as_bytes(), name, false).unwrap();
            assert_eq!(back.view.as_deref(), Some(query.as_str()), "{name}");
            let ids = |c: &Chronology| c.events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(&back.chronology), ids(&shown), "{name}");
            assert_eq!(back.chronology.view, None);
            let (restored, notices) = back.view_state().unwrap();
            assert!(notices.is_empty(), "{notices:?}");
            assert_eq!(restored.filter, view.filter);
            assert_eq!(restored.window, view.window);
            assert_eq!(restored.data, None);
        }
        // A list of facets: its commas as %2C, so that the line is one unquoted comment cell,
        // and read back as the list.
        let (two, _) = parse("?domain=piracy,cyber");
        let csv = to_csv(&with_view(filtered(&data, |_| true), &two));
        assert!(
            csv.starts_with("# view: ?domain=cyber%2Cpiracy\r\nid,start,"),
            "{}",
            &csv[..200]
        );
        let back = import(csv.as_bytes(), "two.csv", false).unwrap();
        assert_eq!(back.view.as_deref(), Some("?domain=cyber,piracy"));
        // The default view adds nothing.
        let plain = with_view(data.clone(), &Default::default());
        assert_eq!(to_csv(&plain), to_csv(&data));
    }
}

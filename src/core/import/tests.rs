use super::*;
use crate::core::dataset::export::{filtered, to_csv, to_json};
use crate::core::dataset::{embedded, validate::validate};
use crate::core::date::Precision;

fn ok(text: &str, name: &str) -> Imported {
    match import(text.as_bytes(), name, false) {
        Ok(i) => {
            assert!(validate(&i.chronology).is_empty());
            i
        }
        Err(f) => panic!("{name} refused: {:#?}", f.problems),
    }
}

fn fail(text: &str, name: &str) -> ImportFailure {
    match import(text.as_bytes(), name, false) {
        Ok(i) => panic!("{name} accepted: {:#?}", i.chronology.events),
        Err(f) => f,
    }
}

/// The problems as "location: message" lines.
fn lines(f: &ImportFailure) -> Vec<String> {
    f.problems.iter().map(ToString::to_string).collect()
}

fn has(f: &ImportFailure, needle: &str) {
    let all = lines(f);
    assert!(
        all.iter().any(|l| l == needle),
        "no problem {needle:?} among {all:#?}"
    );
}

const TL_HEADER: &str = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background";

/// A TimelineJS CSV row from the cells that matter.
fn tl_row(
    year: &str,
    month: &str,
    day: &str,
    end: (&str, &str, &str),
    headline: &str,
    kind: &str,
    group: &str,
) -> String {
    format!(
        "{year},{month},{day},,{},{},{},,,{headline},Some text,,,,,{kind},{group},",
        end.0, end.1, end.2
    )
}

fn tl_csv(rows: &[String]) -> String {
    let mut s = TL_HEADER.to_string();
    for r in rows {
        s.push_str("\r\n");
        s.push_str(r);
    }
    s.push_str("\r\n");
    s
}

// ---- our JSON -------------------------------------------------------------------------------

#[test]
fn our_json_export_round_trips_exactly() {
    let data = embedded().unwrap();
    let mut sorted = data.clone();
    sorted.sort_events();
    let back = ok(&to_json(&data), "japan-nato.json");
    assert_eq!(back.format, Format::Json);
    assert_eq!(back.chronology, sorted);
    assert_eq!(back.skipped_records, 0);

    let cyber = filtered(&data, |i| {
        data.events[i].domains.iter().any(|d| d == "cyber")
    });
    let back = ok(&to_json(&cyber), "cyber.json");
    let mut expected = cyber.clone();
    expected.sort_events();
    assert_eq!(back.chronology, expected);
}

#[test]
fn the_embedded_dataset_re_imports_to_itself() {
    // The committed file is already in view order, so nothing moves.
    let data = embedded().unwrap();
    assert_eq!(
        import(to_json(&data).as_bytes(), "x.json", false).map(|i| i.chronology),
        Ok(data)
    );
}

fn small_json(events: &str) -> String {
    format!(
        r#"{{"title":"T","source":{{"title":"S","author":"A"}},
"phases":[{{"id":"p","label":"P","start":"1990","end":"2000","summary":"","evidence":""}}],
"domains":[{{"id":"d","label":"D"}}],
"footnotes":[{{"number":1,"citation":"C","url":null}}],
"events":[{events}]}}"#
    )
}

#[test]
fn every_bad_event_of_our_json_is_reported() {
    let text = small_json(
        r#"{"id":"a","start":"1994","title":"A","summary":""},
{"id":"b","start":"19x4","title":"B","summary":""},
{"id":"c","start":"1995","summary":"","foo":1},
{"id":"a","start":"1996","title":"A again","summary":""},
{"id":"e","start":"1997","title":"E","summary":"","phase":"nope","domains":["zz"],"footnotes":[9]},
{"id":"f","start":"1998","end":"1990","title":"F","summary":""},
{"id":"g","start":"1999-02-30","title":"G","summary":""}"#,
    );
    let f = fail(&text, "x.json");
    assert_eq!(f.format, Some(Format::Json));
    has(
        &f,
        "event 2 (id 'b'), field start: '19x4' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD, or EDTF such as 2004~, 2004?, 199X or 1990/2003",
    );
    has(&f, "event 3 (id 'c'): unknown field `foo`");
    has(&f, "event 3 (id 'c'): missing field `title`");
    has(
        &f,
        "event 4 (id 'a'): the id 'a' is already used by event 1",
    );
    has(&f, "event 5 (id 'e'): the phase 'nope' is not defined");
    has(&f, "event 5 (id 'e'): the domain 'zz' is not defined");
    has(&f, "event 5 (id 'e'): footnote 9 does not exist");
    has(&f, "event 6 (id 'f'): ends (1990) before it starts (1998)");
    has(
        &f,
        "event 7 (id 'g'), field start: '1999-02-30' has no such day in its month",
    );
    assert_eq!(f.records, 7);
    assert_eq!(f.bad_records, 6);
    assert!(f.can_skip);

    let skipped = import(text.as_bytes(), "x.json", true).unwrap();
    assert_eq!(skipped.chronology.events.len(), 1);
    assert_eq!(skipped.chronology.events[0].id, "a");
    assert_eq!(skipped.skipped_records, 6);
    assert_eq!(skipped.skipped.len(), f.problems.len());
    assert!(validate(&skipped.chronology).is_empty());
}

#[test]
fn problems_outside_events_cannot_be_skipped() {
    let text = small_json(r#"{"id":"a","start":"1994","title":"A","summary":""}"#)
        .replace(r#""citation":"C""#, r#""citation":"C","bar":2"#);
    let f = import(text.as_bytes(), "x.json", true).unwrap_err();
    assert!(!f.can_skip);
    has(&f, "footnote 1: unknown field `bar`, expected one of `number`, `citation`, `url`, `other_urls`, `sources`");
}

#[test]
fn events_without_a_phase_are_fine_and_footnotes_may_have_gaps() {
    let text = small_json(r#"{"id":"a","start":"1994","title":"A","summary":"","phase":""},{"id":"b","start":"1991","title":"B","summary":"","phase":"p"}"#)
        .replace(r#""number":1"#, r#""number":7"#);
    let i = ok(&text, "x.json");
    assert_eq!(i.chronology.events[0].id, "b");
    assert_eq!(i.chronology.events[1].phase, "");
}

#[test]
fn json_errors_have_a_place() {
    let f = fail("{\n  \"title\": \"x\",\n  \"events\": [", "x.json");
    assert_eq!(lines(&f), ["line 3, column 13: EOF while parsing a list"]);
    let f = fail("{\"a\": tru}", "x.json");
    assert!(
        lines(&f)[0].starts_with("line 1, column 10: expected ident"),
        "{:?}",
        lines(&f)
    );
    let truncated = to_json(&embedded().unwrap());
    let f = fail(&truncated[..truncated.len() / 2], "x.json");
    assert!(
        f.problems[0].location.starts_with("line "),
        "{:?}",
        f.problems
    );
    assert!(!f.problems[0].message.contains(" at line "));
    assert!(!f.can_skip);
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let deep = "[".repeat(100_000);
    let f = fail(&deep, "x.json");
    assert_eq!(
        lines(&f),
        ["line 1, column 65: the JSON is nested more than 64 levels deep"]
    );
    // Brackets inside strings do not count.
    let nested_in_text = format!("{{\"title\":\"{}\",\"events\":[]}}", "[{".repeat(200));
    let f = fail(&nested_in_text, "x.json");
    assert_eq!(lines(&f), ["file: the file has no events"]);
    let ok_depth = format!("{}{}", "[".repeat(64), "]".repeat(64));
    let f = fail(&ok_depth, "x.json");
    assert!(lines(&f)[0].starts_with("file: the JSON must be an object"));
}

// ---- bytes ----------------------------------------------------------------------------------

#[test]
fn bytes_that_are_not_utf8_text_are_refused_with_a_place() {
    let mut bytes = b"{\n\"title\": 1,\n\"a\":\n\n  \"xyz".to_vec();
    bytes.push(0xFF);
    let f = import(&bytes, "x.json", true).unwrap_err();
    assert_eq!(lines(&f), ["line 5, column 7: invalid UTF-8 (byte 0xff)"]);
    let f = import(&[0xFF, 0xFE, b'{', 0], "x.json", false).unwrap_err();
    assert_eq!(lines(&f), ["file: the file is UTF-16; save it as UTF-8"]);
    for empty in ["", "  \n\t ", "\u{feff}"] {
        let f = fail(empty, "x.csv");
        assert_eq!(lines(&f), ["file: the file is empty"]);
        assert_eq!(f.format, None);
    }
}

#[test]
fn a_bom_is_ignored() {
    let text = format!("\u{feff}{}", to_json(&embedded().unwrap()));
    assert_eq!(ok(&text, "x.json").format, Format::Json);
}

#[test]
fn files_over_50_mb_are_refused_unread() {
    let big = vec![b' '; 60 * 1024 * 1024];
    let f = import(&big, "big.json", true).unwrap_err();
    assert_eq!(
        lines(&f),
        ["file: the file is 60.0 MB; at most 50 MB can be imported"]
    );
    assert!(!f.can_skip);
}

#[test]
fn the_problem_list_is_capped() {
    let mut rows = vec![TL_HEADER.to_string()];
    for _ in 0..1500 {
        rows.push(tl_row("19x4", "", "", ("", "", ""), "H", "", ""));
    }
    let f = fail(&rows.join("\n"), "x.csv");
    assert_eq!(f.problems.len(), 1001);
    assert_eq!(f.problems[1000].to_string(), "… and 500 more problems");
    assert_eq!(f.records, 1500);
    assert_eq!(f.bad_records, 1500);
    assert!(!f.can_skip);
    let f = import(rows.join("\n").as_bytes(), "x.csv", true).unwrap_err();
    assert!(!f.can_skip);
}

// ---- TimelineJS JSON ------------------------------------------------------------------------

const TIMELINE: &str = r##"{
  "title": {"text": {"headline": "Cold War <i>and after</i>", "text": "intro"}},
  "events": [
    {"start_date": {"year": "1983"}, "text": {"headline": "Year only", "text": "<p>Williamsburg</p>"}, "group": "Summits"},
    {"start_date": {"year": 1991, "month": 4}, "end_date": {"year": 1992}, "text": {"headline": "Month", "text": ""}, "group": "Visits", "unique_id": "worner"},
    {"start_date": {"year": 2014, "month": "5", "day": "6", "hour": 10}, "text": {"headline": "", "text": "Abe speaks at the North Atlantic Council in Brussels, the first Japanese prime minister to do so there"},
     "media": {"url": "https://www.nato.int/x", "caption": "NAC", "credit": "NATO"}, "group": "Summits", "background": {"color": "#fff"}},
    {"start_date": {"year": -44, "month": 3, "day": 15}, "text": {"headline": "<script>alert(1)</script>"}, "group": "Summits"},
    {"start_date": {"year": 123456}, "text": {"headline": "Far future"}, "group": "Ünïcode & Co"}
  ],
  "eras": [
    {"start_date": {"year": 1980}, "end_date": {"year": 1999}, "text": {"headline": "Cold War & after"}},
    {"start_date": {"year": 2000}, "end_date": {"year": 2019}, "text": {"headline": "Cold War & after"}}
  ]
}"##;

#[test]
fn timeline_times_of_day_and_display_dates_are_kept_as_the_events_note() {
    let json = r#"{"events": [
      {"start_date": {"year": 2014, "month": 5, "day": 6, "hour": 10}, "text": {"headline": "Hour only"}},
      {"start_date": {"year": 2001, "month": 9, "day": 11, "hour": "8", "minute": "46", "second": 5},
       "end_date": {"year": 2001, "month": 9, "day": 11, "hour": 10, "minute": 28}, "text": {"headline": "Hour to hour"}},
      {"start_date": {"year": 1991, "display_date": "Spring 1991"}, "text": {"headline": "Its own display"}},
      {"start_date": {"year": 1991}, "display_date": "Early 1990s", "text": {"headline": "Slide display"}},
      {"start_date": {"year": 1991}, "text": {"headline": "Nothing more"}},
      {"start_date": {"year": 1991, "hour": 10.5}, "text": {"headline": "Half an hour"}},
      {"start_date": {"year": 1991, "hour": "noon"}, "text": {"headline": "Noon"}},
      {"start_date": {"year": 1991, "hour": 25, "minute": 3}, "text": {"headline": "Hour 25"}},
      {"start_date": {"year": 1991, "hour": 7, "minute": 75}, "text": {"headline": "Minute 75"}}
    ]}"#;
    let i = ok(json, "t.json");
    let note = |title: &str| {
        i.chronology
            .events
            .iter()
            .find(|e| e.title == title)
            .unwrap()
            .note
            .clone()
    };
    assert_eq!(
        note("Hour only").as_deref(),
        Some("Time of day in the imported file: 10:00.")
    );
    assert_eq!(
        note("Hour to hour").as_deref(),
        Some("Times of day in the imported file: 08:46:05 to 10:28.")
    );
    assert_eq!(
        note("Its own display").as_deref(),
        Some("The file displays the date as “Spring 1991”.")
    );
    assert_eq!(
        note("Slide display").as_deref(),
        Some("The file displays the date as “Early 1990s”.")
    );
    assert_eq!(note("Nothing more"), None);
    // Times that are not whole hours, minutes and seconds in range are left out.
    for title in ["Half an hour", "Noon", "Hour 25", "Minute 75"] {
        assert_eq!(note(title), None, "{title}");
    }
    // The sheet's Time, End Time and Display Date columns.
    let mut row = tl_row("2001", "9", "11", ("", "", ""), "Attacks", "", "");
    row = row.replacen("2001,9,11,,", "2001,9,11,8:46 AM,", 1);
    row = row.replacen(",,,Attacks,", ",,Tuesday morning,Attacks,", 1);
    let i = ok(&tl_csv(&[row]), "sheet.csv");
    assert_eq!(
        i.chronology.events[0].note.as_deref(),
        Some("Time of day in the imported file: 8:46 AM. The file displays the date as “Tuesday morning”.")
    );
    // Kept through our own export and import.
    let back = ok(&to_json(&i.chronology), "back.json");
    assert_eq!(back.chronology.events[0].note, i.chronology.events[0].note);
}

#[test]
fn timeline_json_keeps_precision_groups_eras_and_links() {
    let i = ok(TIMELINE, "nato.json");
    assert_eq!(i.format, Format::TimelineJson);
    let c = &i.chronology;
    assert_eq!(c.title, "Cold War <i>and after</i>");
    assert_eq!(c.source.title, c.title);
    assert_eq!(c.source.author, "");
    assert_eq!(
        c.source.note.as_deref(),
        Some("Imported from nato.json (TimelineJS JSON)")
    );
    let by_title = |t: &str| c.events.iter().find(|e| e.title == t).unwrap();
    let year = by_title("Year only");
    assert_eq!(year.start.precision(), Precision::Year);
    assert_eq!(year.summary, "<p>Williamsburg</p>");
    assert_eq!(year.id, "event-1");
    assert_eq!(year.phase, "cold-war-after");
    let month = by_title("Month");
    assert_eq!(month.id, "worner");
    assert_eq!(month.start.to_iso(), "1991-04");
    assert_eq!(month.end.unwrap().to_iso(), "1992");
    let text_title = c
        .events
        .iter()
        .find(|e| e.start.to_iso() == "2014-05-06")
        .unwrap();
    assert_eq!(text_title.title.chars().count(), 80);
    assert!(text_title.title.starts_with("Abe speaks"));
    assert_eq!(text_title.phase, "cold-war-after-2");
    assert_eq!(text_title.footnotes, [1]);
    let note = c.footnote(1).unwrap();
    assert_eq!(note.url.as_deref(), Some("https://www.nato.int/x"));
    assert_eq!(note.citation, "NATO — NAC");
    let script = by_title("<script>alert(1)</script>");
    assert_eq!(script.start.to_iso(), "-0044-03-15");
    assert_eq!(script.phase, "");
    let far = by_title("Far future");
    assert_eq!(far.start.year_number(), 123_456);
    let domains: Vec<(&str, &str)> = c
        .domains
        .iter()
        .map(|d| (d.id.as_str(), d.label.as_str()))
        .collect();
    assert_eq!(
        domains,
        [
            ("summits", "Summits"),
            ("visits", "Visits"),
            ("ünïcode-co", "Ünïcode & Co")
        ]
    );
    assert_eq!(year.domains, ["summits"]);
    let phases: Vec<(&str, &str)> = c
        .phases
        .iter()
        .map(|p| (p.id.as_str(), p.label.as_str()))
        .collect();
    assert_eq!(
        phases,
        [
            ("cold-war-after", "Cold War & after"),
            ("cold-war-after-2", "Cold War & after")
        ]
    );
    assert_eq!(c.events.first().unwrap().title, "<script>alert(1)</script>");
}

#[test]
fn timeline_json_problems_are_precise() {
    let text = r#"{"events": [
      {"start_date": {"year": "19x4"}, "text": {"headline": "a"}},
      {"start_date": {"year": 2001, "month": 13}, "text": {"headline": "b"}},
      {"start_date": {"year": 2001, "month": 4, "day": 31}, "text": {"headline": "c"}, "unique_id": "c"},
      {"start_date": {"year": 1994}, "end_date": {"year": 1990}, "text": {"headline": "d"}},
      {"start_date": {"year": 1994, "day": 3}, "text": {"headline": "e"}},
      {"start_date": {"year": 99999999}, "text": {"headline": "f"}},
      {"start_date": {"year": 2000}, "text": {"headline": "g"}, "media": {"url": "javascript:alert(1)"}, "unique_id": "x"},
      {"start_date": {"year": 2000}, "text": {"headline": " ", "text": ""}},
      {"start_date": {"year": 2000}, "text": {"headline": "i"}, "unique_id": "x"},
      {"text": {"headline": "j"}},
      {"start_date": {"year": 2000, "month": 2}, "text": {"headline": "ok"}}
    ]}"#;
    let f = fail(text, "t.json");
    assert_eq!(f.format, Some(Format::TimelineJson));
    has(&f, "event 1, field start_date.year: '19x4' is not a year");
    has(
        &f,
        "event 2, field start_date.month: '13' is not a month (1–12)",
    );
    has(
        &f,
        "event 3 (id 'c'), field start_date.day: 31 is not a day of April 2001",
    );
    has(
        &f,
        "event 4, field end_date: the end (1990) is before the start (1994)",
    );
    has(&f, "event 5, field start_date.day: a day needs a month");
    has(
        &f,
        "event 6, field start_date.year: '99999999' is out of range (±1000000 at most)",
    );
    has(
        &f,
        "event 7 (id 'x'), field media.url: 'javascript:alert(1)' is not an http(s) link",
    );
    has(
        &f,
        "event 8, field text.headline: the headline and the text are both empty",
    );
    has(
        &f,
        "event 9 (id 'x'), field unique_id: the id 'x' is already used by event 7",
    );
    has(&f, "event 10, field start_date: the start date is missing");
    assert_eq!((f.records, f.bad_records), (11, 10));
    assert!(f.can_skip);
    let i = import(text.as_bytes(), "t.json", true).unwrap();
    assert_eq!(i.chronology.events.len(), 1);
    assert_eq!(i.chronology.events[0].start.to_iso(), "2000-02");
    assert_eq!(i.chronology.title, "t");
    assert_eq!(i.skipped_records, 10);
}

#[test]
fn a_timeline_with_only_a_title_has_no_events() {
    let f = fail(r#"{"title": {"text": {"headline": "x"}}}"#, "t.json");
    assert_eq!(lines(&f), ["file: the file has no events"]);
    let f = fail(r#"{"title": "x", "events": []}"#, "t.json");
    assert_eq!(lines(&f), ["file: the file has no events"]);
}

// ---- TimelineJS CSV -------------------------------------------------------------------------

#[test]
fn timeline_csv_imports_titles_eras_groups_and_precision() {
    let mut rows = vec![
        tl_row("", "", "", ("", "", ""), "Japan and NATO", "title", ""),
        tl_row("1983", "", "", ("", "", ""), "Williamsburg", "", "Summits"),
        tl_row(
            "1991",
            "April",
            "",
            ("1992", "", ""),
            "Wörner",
            "",
            "Visits",
        ),
        tl_row(
            "2014",
            "5",
            "6",
            ("", "", ""),
            "Abe at the NAC",
            "",
            "Summits",
        ),
        tl_row("-500", "", "", ("", "", ""), "Long ago", "", ""),
        tl_row("20000", "Sept", "", ("", "", ""), "Far away", "", ""),
        tl_row("1980", "", "", ("1999", "", ""), "Cold War", "era", ""),
    ];
    rows.push(
        "2000,,,,,,,,,\"Quoted, with \"\"comma\"\"\",\"two\nlines\",https://example.org/a,Credit,Caption,,,,"
            .to_string(),
    );
    let i = ok(&tl_csv(&rows), "sheet.csv");
    assert_eq!(i.format, Format::TimelineCsv);
    let c = &i.chronology;
    assert_eq!(c.title, "Japan and NATO");
    assert_eq!(
        c.source.note.as_deref(),
        Some("Imported from sheet.csv (TimelineJS CSV)")
    );
    let ids: Vec<(&str, String)> = c
        .events
        .iter()
        .map(|e| (e.id.as_str(), e.start.to_iso()))
        .collect();
    assert_eq!(
        ids,
        [
            ("row-6", "-0500".to_string()),
            ("row-3", "1983".into()),
            ("row-4", "1991-04".into()),
            ("row-9", "2000".into()),
            ("row-5", "2014-05-06".into()),
            ("row-7", "20000-09".into()),
        ]
    );
    let quoted_row = c.events.iter().find(|e| e.id == "row-9").unwrap();
    assert_eq!(quoted_row.title, "Quoted, with \"comma\"");
    assert_eq!(quoted_row.summary, "two\nlines");
    assert_eq!(quoted_row.footnotes, [1]);
    assert_eq!(c.footnotes[0].citation, "Credit — Caption");
    assert_eq!(c.phases.len(), 1);
    assert_eq!(c.phases[0].id, "cold-war");
    let worner = c.events.iter().find(|e| e.id == "row-4").unwrap();
    assert_eq!(worner.phase, "cold-war");
    assert_eq!(worner.domains, ["visits"]);
    assert_eq!(c.events[0].phase, "");
}

#[test]
fn timeline_csv_problems_are_precise() {
    let rows = vec![
        tl_row("1994", "", "", ("", "", ""), "fine", "", ""),
        tl_row("1994", "", "", ("1990", "", ""), "r3", "", ""),
        tl_row("1994", "", "3", ("", "", ""), "r4", "", ""),
        tl_row("2001", "13", "", ("", "", ""), "r5", "", ""),
        tl_row("2001", "April", "31", ("", "", ""), "r6", "", ""),
        tl_row("19x4", "", "", ("", "", ""), "r7", "", ""),
        tl_row("99999999", "", "", ("", "", ""), "r8", "", ""),
        "1999,1,2".to_string(),
        tl_row("", "3", "", ("", "", ""), "r10", "", ""),
        tl_row("2000", "", "", ("", "", ""), "", "", "").replace("Some text", ""),
        tl_row("2000", "", "", ("", "", ""), "", "era", ""),
        "2001,,,,,,,,,javascript link,,javascript:alert(1),,,,,,".to_string(),
        tl_row("", "", "", ("", "", ""), "no year", "", ""),
    ];
    let f = fail(&tl_csv(&rows), "x.csv");
    has(
        &f,
        "row 3, column End Year: the end (1990) is before the start (1994)",
    );
    has(&f, "row 4, column Day: a day needs a month");
    has(&f, "row 5, column Month: '13' is not a month (1–12)");
    has(&f, "row 6, column Day: 31 is not a day of April 2001");
    has(&f, "row 7, column Year: '19x4' is not a year");
    has(
        &f,
        "row 8, column Year: '99999999' is out of range (±1000000 at most)",
    );
    has(&f, "row 9: has 3 fields, the header has 18");
    has(&f, "row 10, column Year: a month or a day needs a year");
    has(
        &f,
        "row 11, column Headline: the headline and the text are both empty",
    );
    has(&f, "row 12, column Headline: an era needs a headline");
    has(
        &f,
        "row 13, column Media: 'javascript:alert(1)' is not an http(s) link",
    );
    has(&f, "row 14, column Year: the year is missing");
    assert_eq!((f.records, f.bad_records), (13, 12));
    let i = import(tl_csv(&rows).as_bytes(), "x.csv", true).unwrap();
    assert_eq!(i.chronology.events.len(), 1);
    assert_eq!(i.skipped_records, 12);
}

#[test]
fn timeline_csv_columns_may_come_in_any_order_and_case() {
    let text = " headline ,YEAR,month\nA,1990,feb\r\nB,-12,\n\n";
    let i = ok(text, "x.txt");
    assert_eq!(i.chronology.events.len(), 2);
    assert_eq!(i.chronology.events[0].start.to_iso(), "-0012");
    assert_eq!(i.chronology.events[1].start.to_iso(), "1990-02");
    assert_eq!(i.chronology.title, "x");
}

#[test]
fn an_unclosed_quote_is_a_problem_of_its_row() {
    let text = "Year,Headline\n1990,a\n1991,\"b\n1992,c\n";
    let f = fail(text, "x.csv");
    assert_eq!(
        lines(&f),
        ["row 3: a quoted field is not closed (a closing \" is missing before the end of the file)"]
    );
    assert!(f.can_skip);
    assert_eq!(
        import(text.as_bytes(), "x.csv", true)
            .unwrap()
            .chronology
            .events
            .len(),
        1
    );
}

#[test]
fn a_csv_without_known_columns_is_refused() {
    let f = fail("a,b,c\n1,2,3\n", "x.csv");
    assert_eq!(
        lines(&f),
        ["row 1: the first row must name the columns: either id, start, title… or Year, Month, Day, Headline…"]
    );
    assert!(!import(b"a,b\n1,2", "x.csv", true).unwrap_err().can_skip);
    let f = fail("\n  <?xml version=\"1.0\"?>", "x.JSON");
    assert_eq!(
        lines(&f),
        ["line 2, column 3: this is not JSON: a JSON file starts with '{'"]
    );
    // The content decides: a sheet named .json is still read as a sheet.
    assert_eq!(
        ok("Year,Headline\n1990,a\n", "x.json").format,
        Format::TimelineCsv
    );
}

// ---- our CSV --------------------------------------------------------------------------------

fn assert_same_events(original: &Chronology, back: &Chronology) {
    assert_eq!(back.events.len(), original.events.len());
    for (a, b) in original.events.iter().zip(&back.events) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.start, b.start);
        assert_eq!(a.end, b.end);
        assert_eq!(a.title, b.title);
        assert_eq!(a.summary, b.summary);
        assert_eq!(a.phase, b.phase);
        assert_eq!(a.domains, b.domains);
        assert_eq!(a.third_parties, b.third_parties);
        assert_eq!(a.actors, b.actors);
        assert_eq!(a.footnotes, b.footnotes);
        assert_eq!(a.evidence, b.evidence);
        assert_eq!(a.note, b.note);
        for n in &a.footnotes {
            assert_eq!(
                original.footnote(*n).unwrap().url,
                back.footnote(*n).unwrap().url,
                "footnote {n}"
            );
        }
    }
}

#[test]
fn our_csv_export_round_trips_the_events() {
    let mut data = embedded().unwrap();
    data.sort_events();
    let back = ok(&to_csv(&data), "japan-nato.csv");
    assert_eq!(back.format, Format::Csv);
    assert_same_events(&data, &back.chronology);
    assert_eq!(back.chronology.title, "japan-nato");
    let piracy = filtered(&data, |i| {
        data.events[i].domains.iter().any(|d| d == "piracy")
    });
    let back = ok(&to_csv(&piracy), "piracy.csv");
    assert_same_events(&piracy, &back.chronology);
    assert_eq!(
        back.chronology.domain("piracy").map(|d| d.label.as_str()),
        Some("Piracy")
    );
}

/// `text`'s rows written again with `separator` between fields, every field quoted.
fn reseparated(text: &str, separator: &str) -> String {
    csv::rows(text, b',')
        .iter()
        .map(|row| {
            let fields: Vec<String> = row
                .fields
                .iter()
                .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
                .collect();
            fields.join(separator)
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

#[test]
fn csv_separated_by_semicolons_or_tabs_imports_the_same_events() {
    let mut data = embedded().unwrap();
    data.sort_events();
    let text = to_csv(&data);
    for separator in [";", "\t"] {
        let back = ok(&reseparated(&text, separator), "japan-nato.csv");
        assert_eq!(back.format, Format::Csv);
        assert_same_events(&data, &back.chronology);
    }
    // TimelineJS's sheet saved by a spreadsheet where the comma is the decimal mark: unquoted
    // commas are text.
    let sheet = "Year;Month;Day;Headline;Text\n1991;;;Wörner visits Tokyo;A visit, the first\n2001;9;12;Article 5, invoked;Text\n";
    let i = ok(sheet, "x.csv");
    assert_eq!(i.format, Format::TimelineCsv);
    let titles: Vec<_> = i
        .chronology
        .events
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles, ["Wörner visits Tokyo", "Article 5, invoked"]);
    assert_eq!(i.chronology.events[0].summary, "A visit, the first");
    // A comma-separated file is read with commas even when semicolons appear in its first row.
    let commas = "id,start,title,domains\na,1990,\"A; B\",x;y\n";
    let i = ok(commas, "x.csv");
    assert_eq!(i.chronology.events[0].title, "A; B");
    assert_eq!(i.chronology.events[0].domains, ["x", "y"]);
    // Bad rows are still reported by row and column, whatever the separator.
    let f = fail("id;start;title\na;19x0;A\n", "x.csv");
    has(
        &f,
        "row 2, column start: '19x0' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD, or EDTF such as 2004~, 2004?, 199X or 1990/2003",
    );
}

#[test]
fn our_csv_columns_may_be_reordered_or_missing() {
    let text = "title,start,id,domains,footnotes,source_urls,phase\nA,1990,a,north-korea; cyber,2;3, ; https://x.org/3,p\nB,2001-05,b,,,,p\n";
    let i = ok(text, "x.csv");
    let c = &i.chronology;
    assert_eq!(c.domain("north-korea").unwrap().label, "North korea");
    assert_eq!(c.footnote(2).unwrap().url, None);
    assert_eq!(
        c.footnote(3).unwrap().url.as_deref(),
        Some("https://x.org/3")
    );
    assert_eq!(c.footnote(3).unwrap().citation, "Footnote 3 of the source");
    let p = c.phase("p").unwrap();
    assert_eq!(
        (p.start.to_iso(), p.end.to_iso()),
        ("1990".into(), "2001-05".into())
    );
}

#[test]
fn our_csv_problems_are_precise() {
    let text = "id,start,end,title,footnotes,source_urls\n\
a,1990,,A,,\n\
a,1991,,A2,,\n\
,1992,,C,,\n\
d,19x4,,D,,\n\
e,1994,1990,E,,\n\
f,1995,,,,\n\
g,1996,,G,0;x,\n\
h,1997,,H,1,javascript:alert(1)\n\
i,1998,,I,1;2,https://a.org\n";
    let f = fail(text, "x.csv");
    assert_eq!(f.format, Some(Format::Csv));
    has(&f, "row 3, column id: the id 'a' is already used by row 2");
    has(&f, "row 4, column id: the id is empty");
    has(
        &f,
        "row 5, column start: '19x4' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD, or EDTF such as 2004~, 2004?, 199X or 1990/2003",
    );
    has(
        &f,
        "row 6, column end: the end (1990) is before the start (1994)",
    );
    has(&f, "row 7, column title: the title is empty");
    has(&f, "row 8, column footnotes: '0' is not a footnote number");
    has(&f, "row 8, column footnotes: 'x' is not a footnote number");
    has(
        &f,
        "row 9, column source_urls: 'javascript:alert(1)' is not an http(s) link",
    );
    has(&f, "row 10, column source_urls: has 1 link for 2 footnotes");
    assert_eq!((f.records, f.bad_records), (9, 8));
}

#[test]
fn too_many_records_are_refused() {
    let mut text = String::from("Year,Headline\n");
    for _ in 0..=MAX_EVENTS {
        text.push_str("1,x\n");
    }
    let f = import(text.as_bytes(), "x.csv", true).unwrap_err();
    assert_eq!(
        lines(&f),
        ["file: the file has 1,000,001 records; at most 1,000,000 can be imported"]
    );
}

#[test]
fn dates_parts_are_checked() {
    assert_eq!(parse_year("-44"), Ok(-44));
    assert_eq!(parse_year("+1000000"), Ok(1_000_000));
    assert!(parse_year("1000001").is_err());
    assert!(parse_year("99999999999999999999999").is_err());
    assert!(parse_year("-").is_err());
    assert_eq!(parse_month("Sept."), Ok(9));
    assert_eq!(parse_month("DEC"), Ok(12));
    assert!(parse_month("0").is_err());
    assert!(parse_month("ju").is_err());
    assert_eq!(
        date_from_parts(Some("2019"), Some("2"), Some("29")),
        Err((DatePart::Day, "29 is not a day of February 2019".into()))
    );
    assert_eq!(
        date_from_parts(Some("-44"), Some("2"), Some("29")),
        Ok(PartialDate::day(-44, 2, 29).ok())
    );
}

#[test]
fn slugs_are_unique_and_never_empty() {
    let mut s = Slugs::default();
    assert_eq!(s.id("Cyber defence", "g"), "cyber-defence");
    assert_eq!(s.id("cyber  DEFENCE!", "g"), "cyber-defence-2");
    assert_eq!(s.id("Cyber defence", "g"), "cyber-defence");
    assert_eq!(s.id("!!!", "group"), "group");
    assert_eq!(s.id("日本", "group"), "日本");
}

// ---- EDTF dates -------------------------------------------------------------------------------

/// The dates of the imported events by title, as EDTF and in words.
fn dates_by_title(i: &Imported) -> HashMap<String, (String, String)> {
    i.chronology
        .events
        .iter()
        .map(|e| (e.title.clone(), (e.interval().to_edtf(), e.date_label())))
        .collect()
}

#[test]
fn a_timeline_sheet_with_uncertain_dates_shows_them_honestly() {
    let csv = tl_csv(&[
        tl_row("1905~", "", "", ("", "", ""), "Circa", "", ""),
        tl_row("19XX", "", "", ("", "", ""), "Century", "", ""),
        tl_row("1990/2003", "", "", ("", "", ""), "Interval", "", ""),
        tl_row("2016/..", "", "", ("", "", ""), "Open", "", ""),
        tl_row("2004", "6?", "", ("", "", ""), "Month uncertain", "", ""),
        tl_row("199X", "", "", ("2001~", "", ""), "Decade to circa", "", ""),
    ]);
    let i = ok(&csv, "t.csv");
    let dates = dates_by_title(&i);
    let date = |t: &str| dates[t].clone();
    assert_eq!(date("Circa"), ("1905~".into(), "circa 1905".into()));
    assert_eq!(date("Century"), ("19XX".into(), "the 20th century".into()));
    assert_eq!(date("Interval"), ("1990/2003".into(), "1990 – 2003".into()));
    assert_eq!(date("Open"), ("2016/..".into(), "2016 onwards".into()));
    assert_eq!(
        date("Month uncertain"),
        ("2004-06?".into(), "June 2004 (uncertain)".into())
    );
    assert_eq!(date("Decade to circa").0, "199X/2001~");
    let interval = i
        .chronology
        .events
        .iter()
        .find(|e| e.title == "Interval")
        .unwrap();
    assert!(interval.is_span());
    let circa = i
        .chronology
        .events
        .iter()
        .find(|e| e.title == "Circa")
        .unwrap();
    assert!(circa.start.is_approximate() && !circa.is_exact());
    assert_eq!(
        circa.first_day(),
        crate::core::date::days_from_civil(1904, 1, 1)
    );
}

#[test]
fn timeline_json_takes_edtf_in_its_year_and_says_what_it_cannot_take() {
    let json = r#"{"events": [
      {"start_date": {"year": "1905~"}, "text": {"headline": "Circa"}},
      {"start_date": {"year": "19XX"}, "text": {"headline": "Century"}},
      {"start_date": {"year": "1990/2003"}, "text": {"headline": "Interval"}},
      {"start_date": {"year": 1991, "month": "4~"}, "end_date": {"year": "1992?"}, "text": {"headline": "Qualified parts"}}
    ]}"#;
    let i = ok(json, "t.json");
    let dates = dates_by_title(&i);
    assert_eq!(dates["Circa"].0, "1905~");
    assert_eq!(dates["Century"].1, "the 20th century");
    assert_eq!(dates["Interval"].0, "1990/2003");
    assert_eq!(dates["Qualified parts"].0, "1991-04~/1992?");

    let bad = r#"{"events": [
      {"start_date": {"year": "19XX", "month": 4}, "text": {"headline": "a"}},
      {"start_date": {"year": "1X9X"}, "text": {"headline": "b"}},
      {"start_date": {"year": "1990/2003", "month": 2}, "text": {"headline": "c"}},
      {"start_date": {"year": "2003/1990"}, "text": {"headline": "d"}},
      {"start_date": {"year": "1990/2003"}, "end_date": {"year": 2005}, "text": {"headline": "e"}},
      {"start_date": {"year": 1990}, "end_date": {"year": "1995/1999"}, "text": {"headline": "f"}}
    ], "eras": [
      {"start_date": {"year": "2016/.."}, "text": {"headline": "Open era"}}
    ]}"#;
    let f = fail(bad, "t.json");
    has(&f, "event 1, field start_date.month: a year with unspecified digits ('19XX') cannot have a month or a day");
    has(&f, "event 2, field start_date.year: '1X9X' is not a year: unspecified digits are written X, at the end of a four-digit year (199X, 19XX)");
    has(&f, "event 3, field start_date.year: '1990/2003' is an interval: its month and day go inside it (1990-04/2003), not in their own cells");
    has(
        &f,
        "event 4, field start_date.year: '2003/1990' is not an interval: it ends before it starts",
    );
    has(&f, "event 5, field end_date: the start '1990/2003' is an interval, so there can be no separate end");
    has(&f, "event 6, field end_date: the end '1995/1999' is an interval: give the whole interval as the start");
    has(
        &f,
        "era 1, field start_date: an era needs a date at both ends, not an open or unknown one",
    );
}

#[test]
fn our_files_keep_edtf_dates_and_open_sides_through_export_and_import() {
    let csv = "id,start,end,title\r\n\
               a,2005~,,Mid-2000s\r\n\
               b,199X,,Nineties\r\n\
               c,1990/2003,,Span\r\n\
               d,../2003,,Until\r\n\
               e,2016/,,Unknown end\r\n\
               f,1995~,1998~,Mid to late\r\n";
    let i = ok(csv, "x.csv");
    let dates = dates_by_title(&i);
    assert_eq!(dates["Mid-2000s"], ("2005~".into(), "circa 2005".into()));
    assert_eq!(dates["Nineties"], ("199X".into(), "the 1990s".into()));
    assert_eq!(dates["Span"].0, "1990/2003");
    assert_eq!(dates["Until"], ("../2003".into(), "until 2003".into()));
    assert_eq!(
        dates["Unknown end"],
        ("2016/".into(), "2016 – end unknown".into())
    );
    assert_eq!(dates["Mid to late"].0, "1995~/1998~");
    let until = i.chronology.events.iter().find(|e| e.id == "d").unwrap();
    assert_eq!(until.open, Some(OpenSide::OpenStart));
    assert!(until.is_span());
    // Both of our formats give the same dates back.
    for (text, name) in [
        (to_csv(&i.chronology), "y.csv"),
        (to_json(&i.chronology), "y.json"),
    ] {
        let back = ok(&text, name);
        assert_eq!(dates_by_title(&back), dates, "{name}");
    }
    assert!(to_json(&i.chronology).contains("\"start\": \"../2003\""));
    let f = fail("id,start,end,title\r\na,1990/2003,2005,x\r\n", "x.csv");
    has(
        &f,
        "row 2, column end: the start '1990/2003' is an interval, so there can be no separate end",
    );
}

//! TimelineJS CSV (the sheet template).

use super::*;

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

/// Slides of the same day keep the sheet's order, not their ids' (their headlines') order as
/// text.
#[test]
fn timeline_csv_slides_of_one_day_keep_the_sheet_s_order() {
    let rows: Vec<String> = (1..=20)
        .map(|n| {
            tl_row(
                "2020",
                "5",
                "5",
                ("", "", ""),
                &format!("Event {n}"),
                "",
                "",
            )
        })
        .collect();
    let c = ok(&tl_csv(&rows), "sheet.csv").chronology;
    let titles: Vec<_> = c.events.iter().map(|e| e.title.clone()).collect();
    let expected: Vec<_> = (1..=20).map(|n| format!("Event {n}")).collect();
    assert_eq!(titles, expected);
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
    has(
        &f,
        "row 7, column Year: '19x4' is not a year (-500 for 501 BC)",
    );
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
    has(&f, "row 14, column Year: the year is missing");
    // A Media cell that is not an http(s) link is left out of its event, not a problem of it.
    assert!(
        lines(&f).iter().all(|l| !l.contains("row 13")),
        "{:#?}",
        lines(&f)
    );
    assert_eq!((f.records, f.bad_records), (13, 11));
    let i = import(tl_csv(&rows).as_bytes(), "x.csv", true).unwrap();
    let titles: Vec<&str> = i
        .chronology
        .events
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles, ["fine", "javascript link"]);
    assert_eq!(i.skipped_records, 11);
    // The javascript: link is nowhere a link: not the event's source, not in any export.
    assert!(i.chronology.footnotes.is_empty());
    assert!(!to_json(&i.chronology).contains("javascript:"));
    assert!(!to_csv(&i.chronology).contains("javascript:"));
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        ["column Media: 1 link that is not http(s) was left out ('javascript:alert(1)', in row 13): only http(s) links are kept, as the event's source"]
    );
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

/// Blank rows above the header (a sheet saved with empty rows on top) are passed over; the
/// rows keep their numbers in the file.
#[test]
fn blank_rows_before_the_header_are_passed_over() {
    let imported = ok("\n ,,\r\nYear,Headline\n2001,First\n2002,Second\n", "x.csv");
    assert_eq!(imported.chronology.events.len(), 2);
    for blank in [",,,\n,,,\n", ",,,", " ;\n\t"] {
        assert_eq!(
            lines(&fail(blank, "x.csv")),
            ["file: the file is empty"],
            "{blank:?}"
        );
    }
    let f = fail("\n\nid,start,title\na,20x1,A\n", "x.csv");
    assert!(lines(&f)[0].starts_with("row 4"), "{:?}", lines(&f));
}

#[test]
fn a_csv_without_known_columns_is_refused() {
    let f = fail("a,b,c\n1,2,3\n", "x.csv");
    assert_eq!(
        lines(&f),
        ["row 1: the first row must name the columns: either id, start, title… or Year, Month, Day, Headline…"]
    );
    assert!(!import(b"a,b\n1,2", "x.csv", true).unwrap_err().can_skip);
    // A header that names some of a kind's columns is told which it lacks, on its own row.
    assert_eq!(
        lines(&fail("id,title\na,A\n", "x.csv")),
        ["row 1: the header names id and title but not start: the explorer's CSV needs id, start and title (a TimelineJS sheet: Year, Month, Day, Headline…)"]
    );
    assert_eq!(
        lines(&fail("\n\nYear;Month;Text\n2001;2;x\n", "x.csv")),
        ["row 3: the header names Year but not Headline: a TimelineJS sheet needs Year and Headline (Month, Day, Text… may follow)"]
    );
    let f = fail("\n  <?xml version=\"1.0\"?>", "x.JSON");
    assert_eq!(
        lines(&f),
        ["line 2, column 3: this is not a chronology: a chronology's JSON file starts with '{'"]
    );
    // The content decides: a sheet named .json is still read as a sheet.
    assert_eq!(
        ok("Year,Headline\n1990,a\n", "x.json").format,
        Format::TimelineCsv
    );
}

/// The sheet of TimelineJS's "Women in Computing" example: its Media cell for Edith Clarke is a
/// quotation written as HTML. The row is an event without it (said once in the report); a link
/// starting with `//` becomes https; a `javascript:` or `data:` cell never becomes a link.
#[test]
fn a_sheet_s_media_that_is_not_a_web_link_is_left_out_of_an_event_that_stays() {
    let text = "Year,Month,Day,Headline,Text,Media,Media Credit,Type\n\
        ,,,Women in Computing,<p>Intro</p>,,,title\n\
        1815,12,10,Ada Lovelace,<p>First programmer</p>,https://en.wikipedia.org/wiki/Ada_Lovelace,Wikipedia,\n\
        1948,3,14,Edith Clarke: Bucking the Trend,,\"<blockquote>There is no demand for women engineers, as such <cite>Edith Clarke</cite></blockquote>\",,\n\
        1952,,,Grace Hopper,,//upload.wikimedia.org/hopper.jpg,Wikimedia,\n\
        1956,,,Script,,javascript:alert(1),,\n\
        1958,,,Data,,\"data:text/html,<script>alert(1)</script>\",,\n\
        1972,,,Relative,,/static/img/x.jpg,,\n";
    let i = ok(text, "women_in_computing.csv");
    let c = &i.chronology;
    let titles: Vec<&str> = c.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Ada Lovelace",
            "Edith Clarke: Bucking the Trend",
            "Grace Hopper",
            "Script",
            "Data",
            "Relative"
        ]
    );
    let urls: Vec<Option<&str>> = c.footnotes.iter().map(|f| f.url.as_deref()).collect();
    assert_eq!(
        urls,
        [
            Some("https://en.wikipedia.org/wiki/Ada_Lovelace"),
            Some("https://upload.wikimedia.org/hopper.jpg")
        ]
    );
    assert!(c.events[1].footnotes.is_empty());
    no_script_links(c);
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        [
            "column Media: 1 media item written as HTML (an embedded tweet, frame or quotation) was left out ('<blockquote>There is no demand for women…', in row 4): only http(s) links are kept, as the event's source",
            "column Media: 1 link starting with '//' was given https: ('//upload.wikimedia.org/hopper.jpg', in row 5)",
            "column Media: 2 links that are not http(s) were left out ('javascript:alert(1)', in row 6 and row 7): only http(s) links are kept, as the event's source",
            "column Media: 1 relative link was left out ('/static/img/x.jpg', in row 8): it points into the site the file was made for; only http(s) links are kept, as the event's source",
        ]
    );
}

/// A sheet's headlines are HTML too: the title row's and the events' are read into plain titles,
/// and the report counts them.
#[test]
fn a_sheet_s_headlines_are_read_as_html_into_plain_titles() {
    let text = "Year,End Year,Headline,Text,Type\n\
        ,,Women in <b>Computing</b>,<p>Intro</p>,title\n\
        1015,,Euclid's <i>Optica</i>,,\n\
        1000,1100,<b>High</b> Middle Ages,,era\n\
        1016,,Plain & simple,,\n";
    let i = ok(text, "x.csv");
    let c = &i.chronology;
    assert_eq!(c.title, "Women in Computing");
    assert_eq!(c.stories[0].title, "Women in Computing");
    assert_eq!(c.stories[0].scenes[0].title, "Women in Computing");
    let titles: Vec<&str> = c.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["Euclid's Optica", "Plain & simple"]);
    assert_eq!(c.phases[0].label, "High Middle Ages");
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(notices.len(), 2, "{notices:#?}");
    assert!(
        notices[0].starts_with(
            "row 2, column Headline: the headline 'Women in <b>Computing</b>' was read as HTML"
        ),
        "{notices:#?}"
    );
    assert!(
        notices[1].starts_with("column Headline: 2 headlines were read as HTML, as TimelineJS shows them ('Euclid's <i>Optica</i>', in row 3 and row 4)"),
        "{notices:#?}"
    );
}

/// The title row's headline is capped as an event's title is, and the report says so.
#[test]
fn a_sheet_s_title_is_cut_to_the_length_an_event_title_may_have() {
    let text = format!(
        "Year,Headline,Type\n,{},title\n2000,A,\n",
        "W".repeat(100_000)
    );
    let i = ok(&text, "x.csv");
    assert_eq!(
        i.chronology.title.chars().count(),
        crate::core::text::MAX_TITLE_CHARS
    );
    assert_eq!(i.chronology.stories[0].title, i.chronology.title);
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        ["row 2, column Headline: the title is 100,000 characters long; cut to 1,000, ending in '…' (a title has at most 1,000, as an event's)"]
    );
}

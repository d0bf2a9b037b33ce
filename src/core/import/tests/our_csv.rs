//! Our own CSV: round trips, separators, columns, problems, limits.

use super::*;

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
        // The link the details show for each footnote: the footnote's own or, for a short
        // note, that of the work it cites; without the head lines the work is not there, and
        // the footnote made from the row has the link itself.
        for n in &a.footnotes {
            assert_eq!(
                first_link(original, *n),
                first_link(back, *n),
                "footnote {n}"
            );
        }
    }
}

fn first_link(c: &Chronology, n: u32) -> Option<&str> {
    let f = c.footnote(n)?;
    c.footnote_links(f).first().map(|(u, _)| *u)
}

/// The CSV's `source_urls` carry the link the details show for each footnote, also where it
/// is the cited work's ("Stokes.", notes 3 and 5, link to his article in the New York Times).
/// With the head lines the file still re-imports to the same chronology (the head's footnotes
/// are taken as they are, without the work's link); without them, the link is the footnote's.
#[test]
fn the_csv_links_each_footnote_as_the_details_do_and_still_round_trips() {
    const STOKES: &str =
        "https://www.nytimes.com/1983/04/02/world/france-blocks-japanese-bid-for-informal-ties-to-nato.html";
    let mut data = embedded().unwrap();
    data.sort_events();
    let informal = filtered(&data, |i| data.events[i].phase == "informal-contacts");
    let text = to_csv(&informal);
    let rows = csv::rows(&text, b',');
    let header = &rows[0].fields;
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id, notes, links) = (column("id"), column("footnotes"), column("source_urls"));
    let mut stokes = 0;
    for row in rows
        .iter()
        .skip(1)
        .filter(|r| !r.fields[0].starts_with('#'))
    {
        let event = informal
            .events
            .iter()
            .find(|e| e.id == row.fields[id])
            .unwrap();
        let said: Vec<&str> = row.fields[links].split(" ; ").collect();
        let expected: Vec<&str> = event
            .footnotes
            .iter()
            .map(|n| first_link(&informal, *n).unwrap_or_default())
            .collect();
        if expected.iter().all(|u| u.is_empty()) {
            assert_eq!(row.fields[links], "", "{}", row.fields[id]);
        } else {
            assert_eq!(said, expected, "{}", row.fields[id]);
        }
        for (n, link) in row.fields[notes].split("; ").zip(&said) {
            if n == "3" || n == "5" {
                assert_eq!(*link, STOKES, "{}, note {n}", row.fields[id]);
                stokes += 1;
            }
        }
    }
    assert!(stokes >= 2, "the events resting on notes 3 and 5");
    // With the head: the same chronology, footnote 5 without a link of its own.
    let back = ok(&text, "informal.csv");
    assert_eq!(back.chronology, informal);
    assert_eq!(back.chronology.footnote(5).unwrap().url, None);
    // Without it: the link is the footnote's.
    let rows_only: String = text
        .split("\r\n")
        .filter(|l| !l.starts_with("# chronology"))
        .collect::<Vec<_>>()
        .join("\r\n");
    let back = ok(&rows_only, "informal.csv");
    assert_eq!(
        back.chronology.footnote(5).unwrap().url.as_deref(),
        Some(STOKES)
    );
    assert_eq!(
        back.chronology.footnote(3).unwrap().url.as_deref(),
        Some(STOKES)
    );
    assert_same_events(&informal, &back.chronology);
    // And the whole chronology: every footnote the details link, the CSV links.
    let back = ok(&to_csv(&data), "japan-nato.csv");
    assert_eq!(back.chronology, data);
}

#[test]
fn our_csv_export_round_trips_the_whole_chronology() {
    // The head lines bring back what the rows do not carry: the title and source, the phases'
    // names and dates, the domains' and parties' names, the footnotes' citations, the works
    // cited and the stories.
    let mut data = embedded().unwrap();
    data.sort_events();
    let text = to_csv(&data);
    let back = ok(&text, "japan-nato.csv");
    assert_eq!(back.format, Format::Csv);
    assert_same_events(&data, &back.chronology);
    assert_eq!(back.chronology, data);
    // Each head line is one cell that a spreadsheet keeps whole (at most 32,767 characters).
    let head: Vec<_> = csv::rows(&text, b',')
        .into_iter()
        .rev()
        .take_while(|r| r.fields[0].starts_with('#'))
        .collect();
    assert!(
        head.len() >= 2,
        "the brief's head takes {} lines",
        head.len()
    );
    for row in &head {
        assert_eq!(row.fields.len(), 1);
        assert!(row.fields[0].chars().count() <= 32_767);
    }
    let piracy = filtered(&data, |i| {
        data.events[i].domains.iter().any(|d| d == "piracy")
    });
    let back = ok(&to_csv(&piracy), "piracy.csv");
    assert_same_events(&piracy, &back.chronology);
    assert_eq!(back.chronology, piracy);
}

#[test]
fn the_downloaded_csv_starts_with_a_bom_and_reads_back_exactly() {
    // Excel on Windows reads a double-clicked CSV as UTF-8 only after a BOM: without it the
    // title's en dash shows as "Japanâ€“NATO".
    let mut data = embedded().unwrap();
    data.sort_events();
    assert!(data.title.contains('–'), "{}", data.title);
    let file = to_csv_file(&data);
    assert_eq!(&file.as_bytes()[..6], b"\xEF\xBB\xBFid,");
    assert_eq!(file.strip_prefix('\u{feff}'), Some(to_csv(&data).as_str()));
    let back = ok(&file, "japan-nato.csv");
    assert_eq!(back.format, Format::Csv);
    assert!(back.notices.is_empty(), "{:?}", back.notices);
    assert_eq!(back.chronology, data);
    assert_eq!(back.chronology.title, data.title);
}

#[test]
fn rows_edited_in_a_spreadsheet_keep_the_head_and_add_what_it_lacks() {
    let mut data = embedded().unwrap();
    data.sort_events();
    let text = to_csv(&data);
    // A row added by hand with a domain, a party, a phase and a footnote the head lacks, and
    // the rows of the 2014 IPCP signing deleted (a story scene highlights it).
    let mut lines: Vec<&str> = text
        .split("\r\n")
        .filter(|l| !l.starts_with("2014-05-06-ipcp-signed,"))
        .collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("# chronology"))
        .unwrap();
    lines.insert(
        at,
        "mine,2020,,My event,,my-phase,my-domain,my-party,,99,,,https://example.org/99",
    );
    let back = ok(&lines.join("\r\n"), "edited.csv");
    let c = &back.chronology;
    assert_eq!(c.title, data.title);
    assert_eq!(
        c.domain("piracy").unwrap().description,
        data.domain("piracy").unwrap().description
    );
    assert_eq!(c.domain("my-domain").unwrap().label, "My domain");
    assert_eq!(
        c.phase("second-abe").unwrap().label,
        "Engagement under the second Abe administration"
    );
    assert_eq!(c.phase("my-phase").unwrap().start.to_iso(), "2020");
    assert_eq!(c.footnote(5).unwrap().citation, "Stokes.");
    assert_eq!(
        c.footnote(99).unwrap().url.as_deref(),
        Some("https://example.org/99")
    );
    assert!(c.events.iter().all(|e| e.id != "2014-05-06-ipcp-signed"));
    assert!(c.stories.iter().flat_map(|s| &s.scenes).all(|scene| scene
        .view
        .highlight
        .iter()
        .all(|id| id != "2014-05-06-ipcp-signed")));
    assert_eq!(c.stories.len(), data.stories.len());
}

#[test]
fn a_head_broken_in_a_spreadsheet_is_said_and_the_events_still_come_in() {
    let mut data = embedded().unwrap();
    data.sort_events();
    let text = to_csv(&data);
    // A head line broken by hand in a spreadsheet (a colon taken out).
    let broken = text.replacen("{%22title%22:", "{%22title%22", 1);
    assert_ne!(broken, text);
    let back = ok(&broken, "japan-nato.csv");
    assert_same_events(&data, &back.chronology);
    assert_eq!(back.chronology.domain("piracy").unwrap().label, "Piracy");
    let notices: Vec<String> = back.notices.iter().map(|n| n.to_string()).collect();
    assert!(
        notices.iter().any(|n| n.starts_with("rows ")
            && n.contains("the chronology's head cannot be read")
            && n.ends_with("its phases, domains, third parties and footnotes are made from the ids the events use")),
        "{notices:?}"
    );
    // A part of the head that breaks the schema is a problem placed in the head's lines.
    let bad = text.replacen("%22start%22:%221979%22", "%22start%22:%2219x9%22", 1);
    assert_ne!(bad, text);
    let f = fail(&bad, "japan-nato.csv");
    assert!(
        f.problems.iter().any(|p| p.location.starts_with("rows ")
            && p.location.contains("(the chronology's head), phase 1")),
        "{:?}",
        f.problems
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
        "row 2, column start: '19x0' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD (-500 for 501 BC), or EDTF such as 2004~, 2004?, 199X or 1990/2003",
    );
}

/// Events of the same day keep the file's order, not their ids' order as text (which would put
/// "Event 10" before "Event 2").
#[test]
fn our_csv_events_of_one_day_keep_the_file_s_order() {
    let mut text = String::from("id,start,title\n");
    for n in 1..=20 {
        text.push_str(&format!("event-{n},2020-05-05,Event {n}\n"));
    }
    text.push_str("earlier,2020-05-04,Earlier\n");
    let c = ok(&text, "x.csv").chronology;
    let titles: Vec<_> = c.events.iter().map(|e| e.title.clone()).collect();
    let expected: Vec<_> = std::iter::once("Earlier".to_string())
        .chain((1..=20).map(|n| format!("Event {n}")))
        .collect();
    assert_eq!(titles, expected);
}

/// A CSV's spaces around an id are dropped, as spreadsheets do, and the import says so (the id
/// is what links name); an id without them is said nothing of.
#[test]
fn our_csv_says_it_dropped_the_spaces_around_an_id() {
    let text = "id,start,title\n  spaced ,2002,Spaced id\nplain,2003,Plain id\n";
    let back = ok(text, "ids.csv");
    let ids: Vec<&str> = back
        .chronology
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["spaced", "plain"]);
    let notices: Vec<String> = back.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].contains("column id")
            && notices[0].contains("the spaces around the id 'spaced' were dropped"),
        "{notices:?}"
    );
}

/// As the README says of imported dates: `-500` is 501 BC, as `-0500` is.
#[test]
fn our_csv_takes_years_bc_without_leading_zeros() {
    let text = "id,start,end,title\nhanno,-500,,Hanno sails\nides,-44-03-15,,Ides of March\nwar,-431,-404,Peloponnesian War\n";
    let c = ok(text, "x.csv").chronology;
    let when: Vec<_> = c
        .events
        .iter()
        .map(|e| (e.id.as_str(), e.start.to_iso(), e.end.map(|d| d.to_iso())))
        .collect();
    assert_eq!(
        when,
        [
            ("hanno", "-0500".into(), None),
            ("war", "-0431".into(), Some("-0404".into())),
            ("ides", "-0044-03-15".into(), None),
        ]
    );
    assert_eq!(c.events[0].start.format_human(), "501 BC");
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
        "row 5, column start: '19x4' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD (-500 for 501 BC), or EDTF such as 2004~, 2004?, 199X or 1990/2003",
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
    has(
        &f,
        "row 10, column source_urls: has 1 link for 2 footnotes: give one link per footnote of the footnotes column, in its order (a place left empty between \" ; \" for a footnote without one), or a single link and no footnote",
    );
    assert_eq!((f.records, f.bad_records), (9, 8));
}

/// Links between bare ";", as a row's other lists are written, where that gives one per
/// footnote (such a row was refused with "has 2 links for 2 footnotes"); " ; " still lets a
/// link hold a ";", and an empty place leaves a footnote without a link.
#[test]
fn links_between_bare_semicolons_are_one_per_footnote() {
    let text = "id,start,title,footnotes,source_urls\n\
a,1990,A,3;4,https://a.example/1;https://a.example/2\n\
b,1991,B,5;6,https://b.example/x;y ; https://b.example/z\n\
c,1992,C,7;8;9,https://c.example/1;;https://c.example/3\n";
    let i = ok(text, "x.csv");
    let url = |n: u32| {
        i.chronology
            .footnotes
            .iter()
            .find(|f| f.number == n)
            .and_then(|f| f.url.clone())
    };
    assert_eq!(url(3).as_deref(), Some("https://a.example/1"));
    assert_eq!(url(4).as_deref(), Some("https://a.example/2"));
    assert_eq!(url(5).as_deref(), Some("https://b.example/x;y"));
    assert_eq!(url(6).as_deref(), Some("https://b.example/z"));
    assert_eq!(url(7).as_deref(), Some("https://c.example/1"));
    assert_eq!(url(8), None);
    assert_eq!(url(9).as_deref(), Some("https://c.example/3"));
    // Neither way gives one link per footnote: the count said is the row's.
    let f = fail(
        "id,start,title,footnotes,source_urls\na,1990,A,1;2,https://a.example/1;https://a.example/2;https://a.example/3\n",
        "x.csv",
    );
    has(
        &f,
        "row 2, column source_urls: has 3 links for 2 footnotes: give one link per footnote of the footnotes column, in its order (a place left empty between \" ; \" for a footnote without one), or a single link and no footnote",
    );
}

/// A row added in a spreadsheet with a link and no footnote (it was refused, "has 1 link for
/// 0 footnotes"): the link is its source, in a footnote of its own, after the chronology's.
#[test]
fn a_row_with_a_link_and_no_footnote_cites_the_link() {
    let text = "id,start,title,footnotes,source_urls\n\
a,1990,A,,https://example.org/a\n\
b,1991,B,,\n";
    let i = ok(text, "x.csv");
    let a = i.chronology.events.iter().find(|e| e.id == "a").unwrap();
    assert_eq!(a.footnotes.len(), 1);
    let note = i
        .chronology
        .footnotes
        .iter()
        .find(|f| f.number == a.footnotes[0])
        .unwrap();
    assert_eq!(note.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(note.citation, "https://example.org/a");
    // Another row citing footnote 1, which the file does not define: the link takes 2, and 1
    // is the source's own footnote 1.
    let i = ok(
        "id,start,title,footnotes,source_urls\na,1990,A,,https://example.org/a\nb,1991,B,1,\n",
        "x.csv",
    );
    let note_of = |id: &str| {
        let e = i.chronology.events.iter().find(|e| e.id == id).unwrap();
        let n = e.footnotes[0];
        i.chronology
            .footnotes
            .iter()
            .find(|f| f.number == n)
            .unwrap()
            .clone()
    };
    assert_eq!(note_of("b").number, 1);
    assert_eq!(note_of("b").url, None, "{:?}", note_of("b"));
    assert_eq!(note_of("a").number, 2);
    assert_eq!(note_of("a").url.as_deref(), Some("https://example.org/a"));
    // Two links written with a bare ";": two links, not one.
    let f = fail(
        "id,start,title,footnotes,source_urls\na,1990,A,,https://a.org;https://b.org\n",
        "x.csv",
    );
    has(
        &f,
        "row 2, column source_urls: has 2 links for 0 footnotes: give one link per footnote of the footnotes column, in its order (a place left empty between \" ; \" for a footnote without one), or a single link and no footnote",
    );
    // Two links and no footnote: which footnote each is cannot be told.
    let f = fail(
        "id,start,title,footnotes,source_urls\na,1990,A,,https://a.org ; https://b.org\n",
        "x.csv",
    );
    has(
        &f,
        "row 2, column source_urls: has 2 links for 0 footnotes: give one link per footnote of the footnotes column, in its order (a place left empty between \" ; \" for a footnote without one), or a single link and no footnote",
    );
    // Not a web link: said so.
    let f = fail(
        "id,start,title,footnotes,source_urls\na,1990,A,,javascript:alert(1)\n",
        "x.csv",
    );
    has(
        &f,
        "row 2, column source_urls: 'javascript:alert(1)' is not an http(s) link",
    );
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

/// The first version of the export wrote the head as JSON in quoted cells; such files still
/// import whole.
#[test]
fn a_csv_with_the_head_in_quoted_cells_still_imports_whole() {
    let mut data = embedded().unwrap();
    data.sort_events();
    let text = to_csv(&data);
    // The head was one cell then: its pieces (cut anywhere, even inside a `%2C`) joined, decoded
    // once and quoted, where the first piece stood.
    let head: String = text.split("\r\n").filter_map(old_chunk).collect();
    let json = crate::core::url_state::decode_component(&head);
    let mut written = false;
    let old: Vec<String> = text
        .split("\r\n")
        .filter_map(|l| match old_chunk(l) {
            Some(_) if std::mem::replace(&mut written, true) => None,
            Some(_) => Some(format!("\"# chronology: {}\"", json.replace('"', "\"\""))),
            None => Some(l.to_string()),
        })
        .collect();
    let back = ok(&old.join("\r\n"), "old.csv");
    assert_eq!(back.chronology, data);
}

/// A title of more than 1,000 characters (one without a space held the page for seconds) is a
/// problem of its row, which can be left out; 1,000 are allowed.
#[test]
fn a_title_over_a_thousand_characters_is_refused_with_its_row() {
    let long = "T".repeat(2_000);
    let most = "T".repeat(1_000);
    let text = format!("id,start,title\na,1990,{long}\nb,1991,{most}\nc,1992,C\n");
    let f = fail(&text, "x.csv");
    assert!(
        lines(&f).iter().any(|l| l.starts_with("row 2")
            && l.ends_with("the title is 2,000 characters long; at most 1,000 are allowed")),
        "{:#?}",
        lines(&f)
    );
    assert_eq!((f.records, f.bad_records), (3, 1));
    assert!(f.can_skip);
    let skipped = import(text.as_bytes(), "x.csv", true).expect("the good rows import");
    let ids: Vec<&str> = skipped
        .chronology
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["b", "c"]);
}

/// Our CSV's head line carries the title: capped as an event's title is, and said.
#[test]
fn our_csv_title_is_cut_to_the_length_an_event_title_may_have() {
    let mut data = embedded().unwrap();
    data.title = "W".repeat(100_000);
    let i = ok(&to_csv_file(&data), "x.csv");
    assert_eq!(
        i.chronology.title.chars().count(),
        crate::core::text::MAX_TITLE_CHARS
    );
    assert_eq!(i.chronology.events.len(), data.events.len());
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        ["title: the title is 100,000 characters long; cut to 1,000, ending in '…' (a title has at most 1,000, as an event's)"]
    );
}

/// A head line's piece of the JSON, numbered (`# chronology 1/2: …`) or not.
fn old_chunk(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("# chronology")?;
    Some(rest.split_once(": ")?.1)
}

/// `text` as a spreadsheet saves it after sorting its rows under the header by the first column
/// (ascending, or descending): every row as wide as the header, the `#` lines sorted with the
/// events.
fn sheet_sorted(text: &str, descending: bool) -> String {
    let mut rows = csv::rows(text, b',');
    let width = rows[0].fields.len();
    rows[1..].sort_by(|a, b| {
        let order = a.fields[0].cmp(&b.fields[0]);
        if descending {
            order.reverse()
        } else {
            order
        }
    });
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = (0..width)
            .map(|i| {
                let cell = row.fields.get(i).map(String::as_str).unwrap_or_default();
                if cell.contains([',', '"', '\r', '\n']) {
                    format!("\"{}\"", cell.replace('"', "\"\""))
                } else {
                    cell.to_string()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The chronology with its events in the order of their ids (a sort moves the rows of a day).
fn by_id(mut c: Chronology) -> Chronology {
    c.events.sort_by(|a, b| a.id.cmp(&b.id));
    c
}

#[test]
fn a_sheet_sorted_either_way_keeps_its_head_lines() {
    let mut data = embedded().unwrap();
    data.sort_events();
    let text = to_csv(&data);
    let head: Vec<&str> = text
        .split("\r\n")
        .filter(|l| l.starts_with("# chronology"))
        .collect();
    assert!(head.len() >= 2, "{}", head.len());
    assert!(head[0].starts_with(&format!("# chronology 1/{}: {{", head.len())));
    for descending in [false, true] {
        let sorted = sheet_sorted(&text, descending);
        let rows: Vec<&str> = sorted.split("\r\n").collect();
        if descending {
            // The head's lines last, their order reversed.
            assert!(rows[rows.len() - 2].starts_with("# chronology 1/"));
        } else {
            // The head's lines right after the header.
            assert!(rows[1].starts_with("# chronology 1/"), "{}", &rows[1][..40]);
        }
        let back = ok(&sorted, "sorted.csv");
        assert!(back.notices.is_empty(), "{:?}", back.notices);
        assert_eq!(by_id(back.chronology), by_id(data.clone()));
    }
    // The head's lines between the events, in a shuffled order.
    let mut lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    let head_rows: Vec<&str> = lines.split_off(lines.len() - head.len());
    let events = lines.clone();
    for (i, line) in head_rows.iter().rev().enumerate() {
        lines.insert(2 + 7 * i, line);
    }
    let back = ok(&lines.join("\r\n"), "between.csv");
    assert!(back.notices.is_empty(), "{:?}", back.notices);
    assert_eq!(back.chronology, data);
    // Before the header (where comments are skipped), reversed.
    let mut before: Vec<&str> = head_rows.iter().rev().copied().collect();
    before.extend(&events);
    let back = ok(&before.join("\r\n"), "before.csv");
    assert!(back.notices.is_empty(), "{:?}", back.notices);
    assert_eq!(back.chronology, data);
}

#[test]
fn a_numbered_head_line_deleted_is_said_not_a_json_error() {
    let mut data = embedded().unwrap();
    data.sort_events();
    let text = to_csv(&data);
    let without: Vec<&str> = text
        .split("\r\n")
        .filter(|l| !l.starts_with("# chronology 2/"))
        .collect();
    let back = ok(&without.join("\r\n"), "x.csv");
    assert_same_events(&data, &back.chronology);
    let notices: Vec<String> = back.notices.iter().map(|n| n.to_string()).collect();
    assert!(
        notices
            .iter()
            .any(|n| n.contains("the chronology's head lacks its line 2 of ")
                && !n.contains("cannot be read")),
        "{notices:?}"
    );
    // A number of lines claimed past reason is said at once.
    let claimed = "id,start,title\r\na,1990,A\r\n# chronology 1/99999999999999: {}\r\n";
    let back = ok(claimed, "x.csv");
    assert_eq!(
        back.notices
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>(),
        [
            "row 3: the chronology's head lacks its lines 2, 3, 4 of 99999999999999 (deleted?): \
          its phases, domains, third parties and footnotes are made from the ids the events use",
            // (A file with the explorer's head lines lacks the export's other columns.)
            "row 1: no columns end, summary, phase, domains, third_parties, actors, footnotes, \
             evidence, note, source_urls: their fields left empty in every event"
        ]
    );
}

/// An export with a column deleted in a spreadsheet says so: every event lacks that field (its
/// domains came in empty without a word, the colours and the Domain filter gone).
#[test]
fn an_export_with_a_column_deleted_says_its_fields_are_empty() {
    let mut data = embedded().unwrap();
    data.sort_events();
    let text = to_csv(&data);
    // The domains column taken out of every row (the events' rows: those not `#` lines).
    let at = crate::core::dataset::export::CSV_COLUMNS
        .iter()
        .position(|c| *c == "domains")
        .unwrap();
    let rows = crate::core::import::csv::rows(&text, b',');
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .fields
            .iter()
            .enumerate()
            .filter(|(n, cell)| *n != at || cell.starts_with('#'))
            .map(|(_, cell)| {
                if cell.contains([',', '"', '\n', '\r']) && !cell.starts_with('#') {
                    format!("\"{}\"", cell.replace('"', "\"\""))
                } else {
                    cell.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    let back = ok(&out, "no-domains.csv");
    assert_eq!(back.chronology.events.len(), data.events.len());
    assert!(back.chronology.events.iter().all(|e| e.domains.is_empty()));
    let notices: Vec<String> = back.notices.iter().map(|n| n.to_string()).collect();
    assert!(
        notices
            .iter()
            .any(|n| n == "row 1: no column domains: its field left empty in every event"),
        "{notices:?}"
    );
    // The export as it is: no word of columns.
    let whole = ok(&text, "whole.csv");
    assert!(whole.notices.is_empty(), "{:?}", whole.notices);
}

/// The head lines of earlier versions have no numbers: in the file's order they import as
/// before; two lines swapped are put back (one order opens the JSON); more lines sorted are
/// said to be out of their order, not a JSON error.
#[test]
fn unnumbered_head_lines_of_earlier_versions_are_put_back_in_order_or_said() {
    let mut data = embedded().unwrap();
    data.sort_events();
    let text = to_csv(&data);
    let old: String = text
        .split_inclusive("\r\n")
        .map(|l| match old_chunk(l) {
            Some(chunk) => format!("# chronology: {chunk}"),
            None => l.to_string(),
        })
        .collect();
    assert!(old.matches("# chronology: ").count() >= 3);
    assert_eq!(ok(&old, "old.csv").chronology, data);
    for descending in [false, true] {
        let back = ok(&sheet_sorted(&old, descending), "old-sorted.csv");
        assert_same_events(&by_id(data.clone()), &by_id(back.chronology.clone()));
        let notices: Vec<String> = back.notices.iter().map(|n| n.to_string()).collect();
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(
            notices[0].starts_with("rows ")
                && notices[0].contains("the chronology's head lines are out of their order")
                && !notices[0].contains("cannot be read ("),
            "{notices:?}"
        );
    }
    // The same head in two lines, swapped (as either sort leaves them).
    let json: String = text.split("\r\n").filter_map(old_chunk).collect();
    let chars: Vec<char> = json.chars().collect();
    let half: [String; 2] = [
        chars[..chars.len() / 2].iter().collect(),
        chars[chars.len() / 2..].iter().collect(),
    ];
    let events = text.split("# chronology").next().unwrap();
    let two = format!(
        "{events}# chronology: {}\r\n# chronology: {}\r\n",
        half[1], half[0]
    );
    let back = ok(&two, "two.csv");
    assert!(back.notices.is_empty(), "{:?}", back.notices);
    assert_eq!(back.chronology, data);
}

/// A spreadsheet that saved the dates of a column in its own way (`15.10.1997`, day first, in
/// much of Europe; `10/15/1997` in the United States) refused every row, each said with how to
/// write it. Where the file's dates themselves show the order (a number past 12 in one place,
/// none in the other), they are read so and the report says it once; where none shows it, or
/// they disagree, each is refused with both readings as before.
#[test]
fn dates_a_spreadsheet_wrote_day_or_month_first_are_read_as_the_file_shows() {
    let csv = "id,start,end,title\na,15.10.1997,,A\nb,05.04.1998,06.04.1998,B\nc,2001-02-03,,C\n";
    let i = ok(csv, "europe.csv");
    let starts: Vec<String> = i
        .chronology
        .events
        .iter()
        .map(|e| e.start.to_string())
        .collect();
    assert_eq!(
        starts,
        ["15 October 1997", "5 April 1998", "3 February 2001"]
    );
    assert_eq!(
        i.chronology.events[1].end.as_ref().map(ToString::to_string),
        Some("6 April 1998".to_string())
    );
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert!(
        notices.iter().any(|n| n.starts_with(
            "column start: 2 dates were written day first, as a spreadsheet writes them ('15.10.1997', in row 2 and row 3): read so"
        )),
        "{notices:#?}"
    );
    assert!(
        notices
            .iter()
            .any(|n| n.starts_with("column end: 1 date was written day first")),
        "{notices:#?}"
    );
    // Month first, as the United States writes them.
    let us = ok("id,start,title\na,10/15/1997,A\nb,05/04/1998,B\n", "us.csv");
    assert_eq!(us.chronology.events[1].start.to_string(), "4 May 1998");
    assert!(us
        .notices
        .iter()
        .any(|n| n.message.contains("written month first")));
    // Nothing in the file says which: refused, each with both readings.
    let f = fail("id,start,title\na,05.04.1998,A\nb,2001,B\n", "unsure.csv");
    has(&f, "row 2, column start: '05.04.1998' is not a date: write it YYYY-MM-DD: 1998-04-05 if 5 is the day, 1998-05-04 if it is the month");
    // The file's dates disagree (a day past 12 first in one row, second in another): refused.
    let f = fail(
        "id,start,title\na,15.10.1997,A\nb,10.15.1998,B\n",
        "mixed.csv",
    );
    has(
        &f,
        "row 2, column start: '15.10.1997' is not a date: write it 1997-10-15 (YYYY-MM-DD)",
    );
    // A day its month lacks, read in the file's order, is refused as such.
    let f = fail(
        "id,start,title\na,15.10.1997,A\nb,31.02.1998,B\n",
        "feb.csv",
    );
    assert_eq!(f.bad_records, 1);
}

//! TimelineJS JSON.

use super::*;

const TIMELINE: &str = r##"{
  "title": {"text": {"headline": "Cold War <i>and after</i>", "text": "intro"}},
  "events": [
    {"start_date": {"year": "1983"}, "text": {"headline": "Year only", "text": "<p>Williamsburg</p>"}, "group": "Summits"},
    {"start_date": {"year": 1991, "month": 4}, "end_date": {"year": 1992}, "text": {"headline": "Month", "text": ""}, "group": "Visits", "unique_id": "worner"},
    {"start_date": {"year": 2014, "month": "5", "day": "6", "hour": 10}, "text": {"headline": "", "text": "Abe speaks at the North Atlantic Council in Brussels, the first Japanese prime minister to do so there"},
     "media": {"url": "https://www.nato.int/x", "caption": "NAC", "credit": "NATO"}, "group": "Summits", "background": {"color": "#fff"}},
    {"start_date": {"year": -44, "month": 3, "day": 15}, "text": {"headline": "<script>alert(1)</script>Ides of <i>March</i>"}, "group": "Summits"},
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
    // Headlines are HTML in TimelineJS: titles are their plain text.
    assert_eq!(c.title, "Cold War and after");
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
    // The text's start, cut after a whole word with "…" (it was cut at 80 characters, in a
    // word).
    assert!(text_title.title.chars().count() <= 81);
    assert!(text_title.title.starts_with("Abe speaks"));
    assert!(text_title.title.ends_with('…'), "{}", text_title.title);
    let before = text_title.title.trim_end_matches('…');
    assert!(
        text_title.summary.contains(&format!("{before} ")),
        "cut after a whole word: {}",
        text_title.title
    );
    assert_eq!(text_title.phase, "cold-war-after-2");
    assert_eq!(text_title.footnotes, [1]);
    let note = c.footnote(1).unwrap();
    assert_eq!(note.url.as_deref(), Some("https://www.nato.int/x"));
    assert_eq!(note.citation, "NATO — NAC");
    let script = by_title("Ides of March");
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
    assert_eq!(c.events.first().unwrap().title, "Ides of March");
    assert!(c.events.iter().all(|e| !e.title.contains('<')));
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
    has(
        &f,
        "event 1, field start_date.year: '19x4' is not a year (-500 for 501 BC)",
    );
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
    // A media link that is not http(s) is left out of its event, not a problem of it.
    assert!(
        lines(&f).iter().all(|l| !l.contains("media.url")),
        "{:#?}",
        lines(&f)
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
    assert_eq!((f.records, f.bad_records), (11, 9));
    assert!(f.can_skip);
    let i = import(text.as_bytes(), "t.json", true).unwrap();
    let kept: Vec<(&str, String)> = i
        .chronology
        .events
        .iter()
        .map(|e| (e.title.as_str(), e.start.to_iso()))
        .collect();
    assert_eq!(kept, [("g", "2000".into()), ("ok", "2000-02".into())]);
    assert_eq!(i.chronology.title, "t");
    assert_eq!(i.skipped_records, 9);
    // The javascript: link is nowhere a link: not the event's source, not in any export.
    assert!(i.chronology.footnotes.is_empty());
    assert!(!to_json(&i.chronology).contains("javascript:"));
    assert!(!to_csv(&i.chronology).contains("javascript:"));
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        ["field media.url: 1 link that is not http(s) was left out ('javascript:alert(1)', in event 7 (id 'x')): only http(s) links are kept, as the event's source"]
    );
}

#[test]
fn a_timeline_with_only_a_title_has_no_events() {
    let f = fail(r#"{"title": {"text": {"headline": "x"}}}"#, "t.json");
    assert_eq!(lines(&f), ["file: the file has no events"]);
    let f = fail(r#"{"title": "x", "events": []}"#, "t.json");
    assert_eq!(lines(&f), ["file: the file has no events"]);
}

/// An end within the start's year that ends before the year does (2005 to June 2005) is not
/// "before the start": the message says what it is, and how to mend it.
#[test]
fn an_end_inside_the_start_s_year_is_said_to_end_too_soon() {
    let text = r#"{"events": [
      {"start_date": {"year": 2005}, "end_date": {"year": 2005, "month": 6}, "text": {"headline": "a"}},
      {"start_date": {"year": 2006}, "text": {"headline": "b"}}
    ]}"#;
    let f = fail(text, "t.json");
    has(
        &f,
        "event 1, field end_date: the end (June 2005) comes before the end of the start (2005): give the end as 2005 or later, or the start more precisely",
    );
}

/// An empty end date (`{}`, or an empty year, as a spreadsheet exports a blank end) is no end; an
/// end with a month but no year is still a problem.
#[test]
fn an_empty_end_date_is_no_end() {
    let text = r#"{"events": [
      {"start_date": {"year": 2005}, "end_date": {}, "text": {"headline": "a"}},
      {"start_date": {"year": 2006}, "end_date": {"year": "", "month": ""}, "text": {"headline": "b"}}
    ]}"#;
    let i = ok(text, "t.json");
    assert!(i.chronology.events.iter().all(|e| e.end.is_none()));
    let f = fail(
        r#"{"events": [{"start_date": {"year": 2005}, "end_date": {"month": 6}, "text": {"headline": "a"}}]}"#,
        "t.json",
    );
    has(
        &f,
        "event 1, field end_date.year: a month or a day needs a year",
    );
}

/// TimelineJS's own examples put media in `media.url` that is not an http(s) link: a path into
/// their site (Houston's 1963 slide), a link starting with `//`, a tweet or a quotation as HTML
/// ("Edith Clarke"). The slide is still an event: a `//` link becomes https, the rest is left out
/// of the event and said in the report, once per kind; `javascript:` and `data:` are never links.
#[test]
fn timeline_media_that_is_not_a_web_link_is_left_out_of_an_event_that_stays() {
    let json = r#"{"events": [
      {"start_date": {"year": 1963, "month": 8, "day": 9}, "text": {"headline": "Born in Newark"},
       "media": {"url": "/static/img/examples/houston/family.jpg", "caption": "Family"}},
      {"start_date": {"year": 1948}, "text": {"headline": "Edith Clarke: Bucking the Trend"},
       "media": {"url": "<blockquote>There is no demand for women engineers <cite>Edith Clarke</cite></blockquote>"}},
      {"start_date": {"year": 1985}, "text": {"headline": "Wikimedia"},
       "media": {"url": " //upload.wikimedia.org/wikipedia/commons/a/a1/Whitney.jpg ", "credit": "Wikimedia"}},
      {"start_date": {"year": 1986}, "text": {"headline": "Tweet"},
       "media": {"url": "<blockquote class=\"twitter-tweet\"><a href=\"https://twitter.com/x\">x</a></blockquote>"}},
      {"start_date": {"year": 1987}, "text": {"headline": "Script"}, "media": {"url": "javascript:alert(1)"}},
      {"start_date": {"year": 1988}, "text": {"headline": "Data"}, "media": {"url": "data:text/html,<script>alert(1)</script>"}},
      {"start_date": {"year": 1989}, "text": {"headline": "Upper case"}, "media": {"url": "JavaScript:alert(1)"}},
      {"start_date": {"year": 1990}, "text": {"headline": "Web"}, "media": {"url": "https://www.nato.int/x"}},
      {"start_date": {"year": 1991}, "text": {"headline": "Relative 2"}, "media": {"url": "img/2.jpg"}},
      {"start_date": {"year": 1992}, "text": {"headline": "Relative 3"}, "media": {"url": "../3.jpg"}},
      {"start_date": {"year": 1993}, "text": {"headline": "Relative 4"}, "media": {"url": "/4.jpg"}}
    ]}"#;
    // Not refused: every slide is an event.
    let i = ok(json, "houston.json");
    let c = &i.chronology;
    assert_eq!(c.events.len(), 11);
    let links = |title: &str| -> Vec<Option<String>> {
        let e = c.events.iter().find(|e| e.title == title).unwrap();
        e.footnotes
            .iter()
            .map(|n| c.footnote(*n).unwrap().url.clone())
            .collect()
    };
    for title in [
        "Born in Newark",
        "Edith Clarke: Bucking the Trend",
        "Tweet",
        "Script",
        "Data",
        "Upper case",
        "Relative 4",
    ] {
        assert_eq!(links(title), [], "{title}");
    }
    assert_eq!(
        links("Wikimedia"),
        [Some(
            "https://upload.wikimedia.org/wikipedia/commons/a/a1/Whitney.jpg".to_string()
        )]
    );
    assert_eq!(
        c.footnotes
            .iter()
            .find(|f| f.url.as_deref().is_some_and(|u| u.contains("wikimedia")))
            .unwrap()
            .citation,
        "Wikimedia"
    );
    assert_eq!(links("Web"), [Some("https://www.nato.int/x".to_string())]);
    no_script_links(c);
    // Said once per kind, with a count and the first few places.
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        [
            "field media.url: 4 relative links were left out ('/static/img/examples/houston/family.jpg', in event 1, event 9, event 10 and 1 more): it points into the site the file was made for; only http(s) links are kept, as the event's source",
            "field media.url: 2 media items written as HTML (embedded tweets, frames or quotations) were left out ('<blockquote>There is no demand for women…', in event 2 and event 4): only http(s) links are kept, as the event's source",
            "field media.url: 1 link starting with '//' was given https: ('//upload.wikimedia.org/wikipedia/commons…', in event 3)",
            "field media.url: 3 links that are not http(s) were left out ('javascript:alert(1)', in event 5, event 6 and event 7): only http(s) links are kept, as the event's source",
        ]
    );
    // A record left out for another reason is not counted.
    let broken = json.replace(
        r#"{"start_date": {"year": 1987}, "text": {"headline": "Script"}"#,
        r#"{"start_date": {"year": "19x7"}, "text": {"headline": "Script"}"#,
    );
    let i = import(broken.as_bytes(), "houston.json", true).unwrap();
    assert_eq!(i.skipped_records, 1);
    assert!(i
        .notices
        .iter()
        .any(|n| n.message.starts_with("2 links that are not http(s)")
            && n.message.contains("in event 6 and event 7)")));
}

/// TimelineJS shows headlines as HTML; a title is plain text: the title slide's "Whitney
/// Houston<br/> 1963 - 2012" is the chronology's title (the page's heading, the story's title)
/// as "Whitney Houston 1963 - 2012", and "Euclid's <i>Optica</i>" an event's as "Euclid's Optica".
#[test]
fn timeline_headlines_are_read_as_html_into_plain_titles() {
    let json = r#"{
      "title": {"text": {"headline": "Whitney Houston<br/> 1963 - 2012", "text": "<p>A life</p>"}},
      "events": [
        {"start_date": {"year": 1015}, "text": {"headline": "Euclid's <i>Optica</i>", "text": "<p>On sight</p>"}},
        {"start_date": {"year": 1016}, "text": {"headline": "Caf&eacute; &amp; <b>bar</b>"}},
        {"start_date": {"year": 1017}, "text": {"headline": "Two\n  lines"}},
        {"start_date": {"year": 1018}, "text": {"headline": "AT&T, x < y, plain"}},
        {"start_date": {"year": 1019}, "text": {"headline": "<img src=\"https://x.org/a.png\">", "text": "<p>Taken from the text</p>"}}
      ],
      "eras": [{"start_date": {"year": 1000}, "end_date": {"year": 1100}, "text": {"headline": "<b>High</b> Middle Ages"}}]
    }"#;
    let i = ok(json, "houston.json");
    let c = &i.chronology;
    assert_eq!(c.title, "Whitney Houston 1963 - 2012");
    assert_eq!(c.source.title, c.title);
    let story = &c.stories[0];
    assert_eq!(story.title, "Whitney Houston 1963 - 2012");
    assert_eq!(story.scenes[0].title, "Whitney Houston 1963 - 2012");
    let titles: Vec<&str> = c.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Euclid's Optica",
            "Café & bar",
            "Two lines",
            "AT&T, x < y, plain",
            "Taken from the text"
        ]
    );
    assert_eq!(story.scenes[1].title, "Euclid's Optica");
    assert_eq!(c.phases[0].label, "High Middle Ages");
    assert_eq!(c.phases[0].id, "high-middle-ages");
    // The text keeps its markup (shown through the allow-list).
    assert_eq!(c.events[0].summary, "<p>On sight</p>");
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(notices.len(), 3, "{notices:#?}");
    // The title taken from a slide's text is said.
    assert!(
        notices[2].starts_with("field text.text: 1 slide has no headline: its title is the start of its text ('Taken from the text', in event"),
        "{notices:#?}"
    );
    assert!(
        notices[0].starts_with("title, field text.headline: the headline 'Whitney Houston<br/> 1963 - 2012' was read as HTML"),
        "{notices:#?}"
    );
    // The events' and the era's headlines, counted (the plain one is not).
    assert!(
        notices[1].starts_with("field text.headline: 5 headlines were read as HTML, as TimelineJS shows them ('Euclid's <i>Optica</i>', in event 1, event 2, event 3 and 2 more)"),
        "{notices:#?}"
    );
    // A headline of spaces HTML does not collapse (`&nbsp;`) or of invisible characters is no
    // headline: the title slide's gives the file's name, an event's the text's start, and
    // `a&nbsp;&nbsp;b` is "a b". (A title of "\u{a0}" refused the whole file, its title empty.)
    let i = ok(
        r#"{"title": {"text": {"headline": "&nbsp;"}}, "events": [
          {"start_date": {"year": 1}, "text": {"headline": "<p>&nbsp;</p>", "text": "<p>From the text</p>"}},
          {"start_date": {"year": 2}, "text": {"headline": "&#8203;", "text": "Zero width"}},
          {"start_date": {"year": 3}, "text": {"headline": "a&nbsp;&nbsp;b"}}
        ]}"#,
        "spaces.json",
    );
    assert_eq!(i.chronology.title, "spaces");
    let titles: Vec<&str> = i
        .chronology
        .events
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles, ["From the text", "Zero width", "a b"]);
    // A headline that is only markup, with no text, is said as such.
    let f = fail(
        r#"{"events": [{"start_date": {"year": 1}, "text": {"headline": "<img src=x>"}}]}"#,
        "t.json",
    );
    assert_eq!(
        lines(&f),
        ["event 1, field text.headline: the headline and the text have no text to show, only markup"]
    );
}

/// The chronology's title is capped as an event's is (1,000 characters), and said: a title of
/// 100,000 letters without a space made an enormous heading that held the page for seconds.
#[test]
fn a_timeline_title_is_cut_to_the_length_an_event_title_may_have() {
    let long = "W".repeat(100_000);
    let json = format!(
        r#"{{"title": {{"text": {{"headline": "{long}"}}}}, "events": [{{"start_date": {{"year": 2000}}, "text": {{"headline": "A"}}}}]}}"#
    );
    let i = ok(&json, "t.json");
    let c = &i.chronology;
    assert_eq!(c.title.chars().count(), crate::core::text::MAX_TITLE_CHARS);
    assert!(c.title.starts_with("WWW") && c.title.ends_with('…'));
    assert_eq!(c.source.title, c.title);
    assert_eq!(c.stories[0].title, c.title);
    assert_eq!(c.stories[0].scenes[0].title, c.title);
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        ["title, field text.headline: the title is 100,000 characters long; cut to 1,000, ending in '…' (a title has at most 1,000, as an event's)"]
    );
    // A headline that holds only a picture written into it (a data: URI) has no text: the
    // title is the file's name.
    let picture = format!(
        r#"{{"title": {{"text": {{"headline": "<img src=\"data:image/png;base64,{}\">"}}}}, "events": [{{"start_date": {{"year": 2000}}, "text": {{"headline": "A"}}}}]}}"#,
        "A".repeat(200_000)
    );
    let i = ok(&picture, "portrait.json");
    assert_eq!(i.chronology.title, "portrait");
    assert!(i.notices.iter().all(|n| n.message.len() < 400));
}

/// A slide of media alone (a video, a tweet: TimelineJS shows it, as the Mark Twain example's)
/// is titled by its media's caption, or credit, and said; one with no words at all is still a
/// bad record (it was refused with its caption there to use).
#[test]
fn a_slide_of_media_alone_is_titled_by_its_caption() {
    let json = r#"{"events": [
      {"start_date": {"year": 1908}, "text": {"headline": "Words"}},
      {"start_date": {"year": 1909}, "media": {"url": "https://youtu.be/x", "caption": "a <b>Youtube</b> video"}},
      {"start_date": {"year": 1910}, "media": {"url": "https://twitter.com/x", "credit": "Twain's tweet"}},
      {"start_date": {"year": 1911}, "media": {"url": "https://example.org/only"}}
    ]}"#;
    let f = fail(json, "twain.json");
    has(
        &f,
        "event 4, field text.headline: the headline and the text are both empty",
    );
    assert_eq!(f.bad_records, 1);
    let i = crate::core::import::import(json.as_bytes(), "twain.json", true).unwrap();
    let titles: Vec<&str> = i
        .chronology
        .events
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles, ["Words", "a Youtube video", "Twain's tweet"]);
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert!(
        notices.iter().any(|n| n.starts_with(
            "field media.caption: 2 slides have no headline and no text, only media: their titles are their media's caption (or credit) ('a Youtube video', in event 2 and event 3)"
        )),
        "{notices:#?}"
    );
}

/// What an event has no place for is said, not dropped silently: the title slide's picture, a
/// slide's background or location, a media's link (TimelineJS's own examples have them all).
#[test]
fn a_timelinejs_slide_s_fields_without_a_place_are_said_to_be_left_out() {
    let json = r#"{"title": {"text": {"headline": "T"}, "media": {"url": "http://example.org/cover.jpg"}},
    "events": [
      {"start_date": {"year": 1908}, "text": {"headline": "A"}, "background": {"url": "http://example.org/bg.jpg"}, "autolink": true},
      {"start_date": {"year": 1909}, "text": {"headline": "B"}, "location": {"lat": 1, "lon": 2},
       "media": {"url": "https://youtu.be/x", "link": "https://example.org", "thumbnail": "", "caption": "c"}}
    ]}"#;
    let i = ok(json, "t.json");
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    let keeps = "an event keeps a slide's start_date, end_date, display_date, text, media (its url, credit and caption), group and unique_id";
    assert_eq!(
        notices,
        [
            "title, field media.url: the title slide's media ('http://example.org/cover.jpg') was left out: a chronology has no picture of its own".to_string(),
            format!("field background: left out (in event 1): {keeps}"),
            format!("field location: left out (in event 2): {keeps}"),
            format!("field media.link: left out (in event 2): {keeps}"),
        ]
    );
}

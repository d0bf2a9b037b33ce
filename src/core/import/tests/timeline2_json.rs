//! TimelineJS 2 JSON: read as TimelineJS3 JSON, its places said in its own words.

use super::*;

/// TimelineJS3's Houston example in the TimelineJS 2 format (website/examples/houston/
/// timeline2.json in NUKnightLab/TimelineJS3): its title slide and five of its eighteen dates,
/// as the file gives them.
const HOUSTON: &str = r##"
{
 "timeline": {
  "headline": "Whitney Houston<br/> 1963 - 2012",
  "startDate": "1963",
  "text": "<p>Houston's voice caught the imagination of the world propelling her to superstardom at an early age becoming one of the most awarded performers of our time. This is a look into the amazing heights she achieved and her personal struggles with substance abuse and a tumultuous marriage.</p>",
  "type": "default",
  "asset": {
   "media": "//www.flickr.com/photos/tm_10001/2310475988/",
   "credit": "flickr/<a href='http://www.flickr.com/photos/tm_10001/'>tm_10001</a>",
   "caption": "Whitney Houston performing on her My Love is Your Love Tour in Hamburg."
  },
  "date": [
   {
    "startDate": "1963,8,9",
    "headline": "A Musical Heritage",
    "text": "<p>Born in New Jersey on August 9th, 1963, Houston grew up surrounded by the music business. Her mother is gospel singer Cissy Houston and her cousins are Dee Dee and Dionne Warwick.</p>",
    "asset": {
     "media": "/static/img/examples/houston/family.jpg",
     "credit": "Cissy Houston photo:<a href='http://www.flickr.com/photos/11447043@N00/418180903/'>Tom Marcello</a><br/><a href='http://commons.wikimedia.org/wiki/File%3ADionne_Warwick_television_special_1969.JPG'>Dionne Warwick: CBS Television via Wikimedia Commons</a>",
     "caption": "Houston's mother and Gospel singer, Cissy Houston (left) and cousin Dionne Warwick."
    }
   },
   {
    "startDate": "1978",
    "headline": "First Recording",
    "text": "At the age of 15 Houston was featured on Michael Zager's song, Life's a Party.",
    "asset": {
     "media": "https://youtu.be/fSrO91XO1Ck",
     "credit": "<a href=\"http://unidiscmusic.com\">Unidisc Music</a>",
     "caption": ""
    }
   },
   {
    "startDate": "1986",
    "headline": "'The Grammys'",
    "text": "In 1986 Houston won her first Grammy for the song Saving All My Love. In total she has won six Grammys, the last of which she won in 1999 for It's Not Right But It's Okay.",
    "asset": {
     "media": "https://youtu.be/v0XuiMX1XHg",
     "credit": "<a href='http://grammy.org'>The Recording Academy</a>",
     "caption": "Dionne Warwick gleefully announces cousin, Whitney Houston, the winner of the Best Female Pop Vocal Performance for the song Saving All My Love."
    }
   },
   {
    "startDate": "1992",
    "headline": "\"The Bodyguard\"",
    "text": "Houston starred opposite Kevin Costner in the box office hit, The Bodyguard. The soundtrack to the movie sold over 44 million copies worldwide  garnering 3 Grammy's for the artist.",
    "asset": {
     "media": "https://youtu.be/h9rCobRl-ng",
     "credit": "Arista Records",
     "caption": "\"Run To You\" from the 1992 \"Bodyguard\" soundtrack.."
    }
   },
   {
    "startDate": "2012,2,11",
    "headline": "Whitney Houston<br/> 1963-2012",
    "text": "<p>Houston, 48, was discovered dead at the Beverly Hilton Hotel on  on Feb. 11, 2012. She is survived by her daughter, Bobbi Kristina Brown, and mother, Cissy Houston.</p>",
    "asset": {
     "media": "//twitter.com/Blavity/status/851872780949889024",
     "credit": "<a href='http://commons.wikimedia.org/wiki/File%3AFlickr_Whitney_Houston_performing_on_GMA_2009_4.jpg'>Asterio Tecson</a> via Wikimedia",
     "caption": "Houston, performing on Good Morning America in 2009."
    }
   }
  ]
 }
}
"##;

#[test]
fn a_timelinejs2_file_imports_as_timelinejs3_json_does() {
    let i = ok(HOUSTON, "timeline2.json");
    assert_eq!(i.format, Format::TimelineJson2);
    assert_eq!(i.format.label(), "TimelineJS 2 JSON");
    assert_eq!(
        Format::from_label("TimelineJS 2 JSON"),
        Some(Format::TimelineJson2)
    );
    let c = &i.chronology;
    assert_eq!(c.title, "Whitney Houston 1963 - 2012");
    assert_eq!(
        c.source.note.as_deref(),
        Some("Imported from timeline2.json (TimelineJS 2 JSON)")
    );
    let events: Vec<(&str, String, Precision)> = c
        .events
        .iter()
        .map(|e| (e.title.as_str(), e.start.to_iso(), e.start.precision()))
        .collect();
    assert_eq!(
        events,
        [
            ("A Musical Heritage", "1963-08-09".into(), Precision::Day),
            ("First Recording", "1978".into(), Precision::Year),
            ("'The Grammys'", "1986".into(), Precision::Year),
            ("\"The Bodyguard\"", "1992".into(), Precision::Year),
            (
                "Whitney Houston 1963-2012",
                "2012-02-11".into(),
                Precision::Day
            ),
        ]
    );
    assert!(c.events.iter().all(|e| e.end.is_none()));
    // The text is kept as HTML, the media link as the event's source.
    assert!(c.events[0].summary.starts_with("<p>Born in New Jersey"));
    let grammys = &c.events[2];
    let note = c.footnote(grammys.footnotes[0]).unwrap();
    assert_eq!(note.url.as_deref(), Some("https://youtu.be/v0XuiMX1XHg"));
    // Its credit read as HTML, as TimelineJS shows it: plain text, not the link's markup.
    assert!(
        note.citation.starts_with("The Recording Academy"),
        "{}",
        note.citation
    );
    assert!(!note.citation.contains('<'));
    // The title slide and the dates are the file's story.
    let story = &c.stories[0];
    assert_eq!(story.scenes.len(), 6);
    assert_eq!(story.scenes[0].title, c.title);
    // What was changed or left out is said in TimelineJS 2's words.
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        [
            "timeline, field headline: the headline 'Whitney Houston<br/> 1963 - 2012' was read as HTML, as TimelineJS shows it: a title is plain text, so tags were removed (a line break is a space), character references decoded and spaces collapsed",
            "timeline, field asset.media: the title slide's media ('//www.flickr.com/photos/tm_10001/2310475…') was left out: a chronology has no picture of its own",
            "field asset.media: 1 relative link was left out ('/static/img/examples/houston/family.jpg', in date 1): it points into the site the file was made for; only http(s) links are kept, as the event's source",
            "field asset.credit: 3 media credits or captions were read as HTML, as TimelineJS shows them ('<a href=\"http://unidiscmusic.com\">Unidis…', in date 2, date 3 and date 5): the source's note is plain text, so tags were removed and character references decoded",
            "field headline: 1 headline was read as HTML, as TimelineJS shows it ('Whitney Houston<br/> 1963-2012', in date 5): a title is plain text, so tags were removed (a line break is a space), character references decoded and spaces collapsed",
            "field asset.media: 1 link starting with '//' was given https: ('//twitter.com/Blavity/status/85187278094…', in date 5)",
        ]
    );
}

#[test]
fn timelinejs2_dates_tags_eras_and_what_is_left_out() {
    let json = r#"{"timeline": {"headline": "Japan and NATO", "type": "default", "date": [
      {"startDate": " 2011 , 12 , 10 ", "endDate": "2011,12,11", "headline": "Days", "tag": "Summits"},
      {"startDate": "-500", "headline": "BC", "tag": "Ancient", "classname": "x"},
      {"startDate": "1991,4", "endDate": "1992", "headline": "Month"},
      {"startDate": 1994, "headline": "Number"},
      {"startDate": "2001,9,11,8,46", "headline": "Time", "asset": {"media": "", "thumbnail": "t.jpg"}},
      {"startDate": "12/10/2011", "headline": "Sheet"},
      {"startDate": "2011-12-10", "endDate": "2012-01", "headline": "ISO"},
      {"startDate": "2001-09-11T08:46:40.5Z", "headline": "ISO time"},
      {"startDate": "-0500-03", "headline": "ISO BC"}
    ], "era": [
      {"startDate": "1990", "endDate": "1999,12,31", "headline": "Nineties", "tag": "x"}
    ]}}"#;
    let i = ok(json, "t.json");
    let c = &i.chronology;
    let by = |t: &str| c.events.iter().find(|e| e.title == t).unwrap();
    let days = by("Days");
    assert_eq!(
        (days.start.to_iso(), days.end.unwrap().to_iso()),
        ("2011-12-10".into(), "2011-12-11".into())
    );
    assert_eq!(days.domains, ["summits"]);
    assert_eq!(by("BC").start.to_iso(), "-0500");
    assert_eq!(by("BC").start.precision(), Precision::Year);
    assert_eq!(by("Month").start.to_iso(), "1991-04");
    assert_eq!(by("Month").end.unwrap().to_iso(), "1992");
    assert_eq!(by("Number").start.to_iso(), "1994");
    assert_eq!(by("Time").start.to_iso(), "2001-09-11");
    assert_eq!(
        by("Time").note.as_deref(),
        Some("Time of day in the imported file: 08:46.")
    );
    assert_eq!(by("Sheet").start.to_iso(), "2011-12-10");
    // ISO dates, as other tools write them (they were refused: "not a year").
    assert_eq!(by("ISO").start.to_iso(), "2011-12-10");
    assert_eq!(by("ISO").end.unwrap().to_iso(), "2012-01");
    assert_eq!(by("ISO time").start.to_iso(), "2001-09-11");
    assert_eq!(
        by("ISO time").note.as_deref(),
        Some("Time of day in the imported file: 08:46:40.")
    );
    assert_eq!(by("ISO BC").start.to_iso(), "-0500-03");
    assert_eq!(c.title, "Japan and NATO");
    assert_eq!(c.phases.len(), 1);
    assert_eq!(c.phases[0].label, "Nineties");
    assert_eq!(by("Month").phase, c.phases[0].id);
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        [
            "field classname: left out (in date 2): an event keeps a date's startDate, endDate, headline, text, tag and media (asset.media, with its credit and caption)",
            "field asset.thumbnail: left out (in date 5): an event keeps a date's startDate, endDate, headline, text, tag and media (asset.media, with its credit and caption)",
            "field tag: left out (in era 1): an era keeps its startDate, endDate and headline",
        ]
    );
}

#[test]
fn timelinejs2_problems_name_its_own_fields_and_the_good_dates_can_be_imported() {
    let json = r#"{"timeline": {"headline": "T", "date": [
      {"startDate": "2011,12,10", "headline": "Good"},
      {"startDate": "2011,12,11", "endDate": "2011,12,1", "headline": "Ends before"},
      {"startDate": "2011,13,1", "headline": "Month 13"},
      {"startDate": "2011-13-10T10:00", "headline": "ISO"},
      {"startDate": "2011,2,30", "headline": "February"},
      {"headline": "No date"},
      {"startDate": "1,2,3,4,5,6,7", "headline": "Too many"},
      {"startDate": ["2011"], "headline": "List"},
      {"startDate": "1990", "headline": {"x": 1}},
      "not an object",
      {"startDate": "2012", "headline": "Also good"}
    ], "era": [{"startDate": "2000", "headline": ""}]}}"#;
    let f = fail(json, "t.json");
    assert_eq!(f.format, Some(Format::TimelineJson2));
    assert!(
        f.summary().ends_with("(read as TimelineJS 2 JSON)."),
        "{}",
        f.summary()
    );
    has(
        &f,
        "date 2, field endDate: the end (1 December 2011) is before the start (11 December 2011)",
    );
    has(
        &f,
        "date 3, field startDate: '2011,13,1' is not a date: '13' is not a month (1–12)",
    );
    has(
        &f,
        "date 4, field startDate: '2011-13-10T10:00' is not a date: '13' is not a month (1–12)",
    );
    has(
        &f,
        "date 5, field startDate: '2011,2,30' is not a date: 30 is not a day of February 2011",
    );
    has(&f, "date 6, field startDate: the start date is missing");
    has(
        &f,
        "date 7, field startDate: '1,2,3,4,5,6,7' is not a TimelineJS 2 date: give it as year,month,day (2011,12,10), year,month (2011,12), a year (2011, -500) or as 2011-12-10",
    );
    has(
        &f,
        "date 8, field startDate: expected a date as text (2011,12,10), found a list",
    );
    has(&f, "date 9, field headline: expected text, found an object");
    has(&f, "date 10: expected an object, found text");
    has(&f, "era 1, field headline: an era needs a headline");
    assert!(
        lines(&f)
            .iter()
            .all(|l| !l.contains("event") && !l.contains("_date") && !l.contains("text.")),
        "{:#?}",
        lines(&f)
    );
    assert_eq!((f.records, f.bad_records), (12, 10));
    assert!(f.can_skip);
    let i = import(json.as_bytes(), "t.json", true).unwrap();
    let kept: Vec<&str> = i
        .chronology
        .events
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(kept, ["Good", "Also good"]);
    assert_eq!(i.skipped_records, 10);
    assert_eq!(i.format, Format::TimelineJson2);
}

#[test]
fn a_timelinejs2_file_without_dates_is_refused_with_why() {
    let why = "timeline, field date: the file has no events: a TimelineJS 2 file lists them in timeline.date, and this one has none";
    for json in [
        r#"{"timeline": {"headline": "Only a title", "type": "default"}}"#,
        r#"{"timeline": {"headline": "Empty", "date": []}}"#,
        r#"{"timeline": {"headline": "Eras only", "date": null, "era": [{"startDate": "1990", "endDate": "1999", "headline": "E"}]}}"#,
    ] {
        let f = fail(json, "t.json");
        assert_eq!(f.format, Some(Format::TimelineJson2));
        assert_eq!(lines(&f), [why], "{json}");
    }
    let f = fail(r#"{"timeline": {"date": {"startDate": "1990"}}}"#, "t.json");
    assert_eq!(
        lines(&f),
        ["timeline, field date: expected a list, found an object"]
    );
    let f = fail(r#"{"timeline": "x"}"#, "t.json");
    assert_eq!(
        lines(&f),
        ["field timeline: expected an object (a TimelineJS 2 timeline, with its events in \"date\"), found text"]
    );
}

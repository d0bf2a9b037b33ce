//! EDTF dates through imports and exports.

use super::*;

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

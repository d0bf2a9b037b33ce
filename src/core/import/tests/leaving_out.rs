//! Leaving out the bad records: the offer names what arrives (events, and a TimelineJS file's
//! eras, which become phases), and the import then gives exactly that, in every format.

use super::*;

/// A TimelineJS3 file: a title slide, two good events, one with month 13, and an era.
const WITH_ERA: &str = r#"{"title":{"text":{"headline":"My <b>TL</b> story","text":"<p>Intro text</p>"}},"events":[{"start_date":{"year":"1999","month":"5","day":"1"},"text":{"headline":"Alpha event","text":"<p>Alpha</p>"},"group":"Group A"},{"start_date":{"year":"2002"},"end_date":{"year":"2004"},"text":{"headline":"Beta span","text":"Beta"},"group":"Group B"},{"start_date":{"year":"2010","month":"13"},"text":{"headline":"Bad month"}}],"eras":[{"start_date":{"year":"1998"},"end_date":{"year":"2005"},"text":{"headline":"Era one"}}]}"#;

/// Three good records, of which one is an era: the offer promised three events ("Import the 3
/// good records") and two came.
#[test]
fn the_offer_names_the_good_events_and_eras_and_the_import_brings_them() {
    let f = fail(WITH_ERA, "tl.json");
    assert_eq!(
        f.summary(),
        "1 problem in 1 of 4 records (read as TimelineJS JSON)."
    );
    assert_eq!(
        f.skip_offer().as_deref(),
        Some("Import the 2 good events and 1 era, leaving out 1 bad record")
    );
    let i = import(WITH_ERA.as_bytes(), "tl.json", true).unwrap();
    assert_eq!(
        arrived(i.chronology.events.len(), i.eras),
        "2 events and 1 era"
    );
    assert_eq!(i.skipped_records, 1);
    let phases: Vec<&str> = i
        .chronology
        .phases
        .iter()
        .map(|p| p.label.as_str())
        .collect();
    assert_eq!(phases, ["Era one"]);
}

#[test]
fn what_arrives_is_said_in_words() {
    assert_eq!(arrived(1, 0), "1 event");
    assert_eq!(arrived(2_500, 0), "2,500 events");
    assert_eq!(arrived(1, 2), "1 event and 2 eras");
}

/// Whatever the format, the offer counts the events and eras that the import then gives, and
/// the records it leaves out. Our own formats' phases are not records (our JSON lists them
/// apart, our CSV names them in its rows): their offers speak of events alone.
#[test]
fn in_every_format_the_offer_counts_what_the_import_gives() {
    let our_json = r#"{"title": "Ours", "phases": [{"id": "p", "label": "P", "start": "1990", "end": "2000", "summary": "", "evidence": ""}],
        "events": [{"id": "a", "start": "1991", "title": "A", "summary": "", "phase": "p"},
                   {"id": "b", "start": "19x2", "title": "B", "summary": ""},
                   {"id": "c", "start": "1993", "title": "C", "summary": ""}]}"#;
    let our_csv = "id,start,title,phase\na,1991,A,p\nb,19x2,B,p\nc,1993,C,q\n";
    let timeline_csv = tl_csv(&[
        tl_row("1990", "", "", ("1995", "", ""), "An era", "era", ""),
        tl_row("1996", "", "", ("1999", "", ""), "", "era", ""),
        tl_row("1991", "", "", ("", "", ""), "A", "", ""),
        tl_row("1992", "14", "", ("", "", ""), "B", "", ""),
        tl_row("1993", "", "", ("", "", ""), "C", "", ""),
    ]);
    let timeline2 = r#"{"timeline": {"headline": "Two", "type": "default",
        "date": [{"startDate": "1991", "headline": "A"}, {"startDate": "1992,14", "headline": "B"},
                 {"startDate": "1993", "headline": "C"}, {"startDate": "1994", "headline": "D"}],
        "era": [{"startDate": "1990", "endDate": "1995", "headline": "An era"},
                {"startDate": "1996", "endDate": "1999", "headline": "Another era"}]}}"#;
    let cases: [(&str, &str, Format, &str); 5] = [
        (
            WITH_ERA,
            "tl.json",
            Format::TimelineJson,
            "Import the 2 good events and 1 era, leaving out 1 bad record",
        ),
        (
            timeline2,
            "t2.json",
            Format::TimelineJson2,
            "Import the 3 good events and 2 eras, leaving out 1 bad record",
        ),
        (
            &timeline_csv,
            "tl.csv",
            Format::TimelineCsv,
            "Import the 2 good events and 1 era, leaving out 2 bad records",
        ),
        (
            our_json,
            "ours.json",
            Format::Json,
            "Import the 2 good events, leaving out 1 bad record",
        ),
        (
            our_csv,
            "ours.csv",
            Format::Csv,
            "Import the 2 good events, leaving out 1 bad record",
        ),
    ];
    for (text, name, format, offer) in cases {
        let f = fail(text, name);
        assert_eq!(f.format, Some(format), "{name}");
        assert_eq!(
            f.skip_offer().as_deref(),
            Some(offer),
            "{name}: {:#?}",
            f.problems
        );
        let i = import(text.as_bytes(), name, true).unwrap();
        assert_eq!(
            (i.chronology.events.len(), i.eras, i.skipped_records),
            (f.good_events, f.good_eras, f.bad_records),
            "{name}"
        );
        assert_eq!(
            f.good_events + f.good_eras + f.bad_records,
            f.records,
            "{name}"
        );
        if matches!(format, Format::Json | Format::Csv) {
            assert_eq!(i.eras, 0, "{name}");
        } else {
            assert_eq!(
                i.eras,
                i.chronology.phases.len(),
                "{name}: the eras are its phases"
            );
        }
    }
}

/// A refusal that leaving out records cannot mend offers nothing.
#[test]
fn no_offer_when_no_event_would_be_left() {
    let only_era_good = r#"{"events":[{"start_date":{"year":"x"},"text":{"headline":"Bad"}}],
        "eras":[{"start_date":{"year":"1998"},"end_date":{"year":"2005"},"text":{"headline":"Era one"}}]}"#;
    let f = fail(only_era_good, "tl.json");
    assert_eq!((f.good_events, f.good_eras), (0, 1));
    assert_eq!(f.skip_offer(), None);
}

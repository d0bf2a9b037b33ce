//! Our own JSON: round trips and every problem reported with its place.

use super::*;

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

#[test]
fn our_json_takes_years_bc_without_leading_zeros() {
    let text = small_json(
        r#"{"id":"a","start":"-500","title":"A","summary":""},
{"id":"b","start":"-431/-404","title":"B","summary":""}"#,
    );
    let c = ok(&text, "x.json").chronology;
    assert_eq!(c.events[0].start, PartialDate::year(-500).unwrap());
    assert_eq!(
        (
            c.events[1].start.to_iso(),
            c.events[1].end.map(|d| d.to_iso())
        ),
        ("-0431".into(), Some("-0404".into()))
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
        "event 2 (id 'b'), field start: '19x4' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD (-500 for 501 BC), or EDTF such as 2004~, 2004?, 199X or 1990/2003",
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
    assert_eq!(lines(&f), ["line 3, column 13: the file ends in the middle of the JSON (in a list): was it cut short?"]);
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

/// Our JSON's title (and its source's) is capped as an event's title is, and the report says so:
/// a title of 100,000 letters without a space held the page 4 s, drawn as its heading.
#[test]
fn our_json_title_is_cut_to_the_length_an_event_title_may_have() {
    let long = "W".repeat(100_000);
    let text = small_json(r#"{"id":"a","start":"1994","title":"A","summary":""}"#)
        .replacen(r#""title":"T""#, &format!(r#""title":"{long}""#), 1)
        .replacen(r#""title":"S""#, &format!(r#""title":"{long}""#), 1);
    let i = ok(&text, "x.json");
    let c = &i.chronology;
    assert_eq!(c.title.chars().count(), crate::core::text::MAX_TITLE_CHARS);
    assert!(c.title.ends_with("WW…"));
    assert_eq!(c.source.title, c.title);
    let notices: Vec<String> = i.notices.iter().map(ToString::to_string).collect();
    let said = "the title is 100,000 characters long; cut to 1,000, ending in '…' (a title has at most 1,000, as an event's)";
    assert_eq!(
        notices,
        [
            format!("title: {said}"),
            format!("source, field title: {said}")
        ]
    );
    // A title of 1,000 characters is kept whole, and nothing is said.
    let text = small_json(r#"{"id":"a","start":"1994","title":"A","summary":""}"#).replacen(
        r#""title":"T""#,
        &format!(r#""title":"{}""#, "é".repeat(1_000)),
        1,
    );
    let i = ok(&text, "x.json");
    assert_eq!(i.chronology.title, "é".repeat(1_000));
    assert!(i.notices.is_empty(), "{:?}", i.notices);
}

/// A chronology JSON with two events and one story, whose scenes are given as JSON.
fn with_scenes(scenes: &str) -> String {
    format!(
        r#"{{"title":"S","events":[{{"id":"a","start":"2001","title":"A","summary":""}},{{"id":"b","start":"2008","title":"B","summary":""}}],"stories":[{{"id":"t","title":"T","summary":"","scenes":[{scenes}]}}]}}"#
    )
}

fn scene(id: &str, window: (&str, &str), highlight: &[&str]) -> String {
    let highlight: Vec<String> = highlight.iter().map(|h| format!("\"{h}\"")).collect();
    format!(
        r#"{{"id":"{id}","title":"Scene {id}","text":"","view":{{"window":{{"from":"{}","to":"{}"}},"highlight":[{}]}}}}"#,
        window.0,
        window.1,
        highlight.join(",")
    )
}

fn notices(i: &Imported) -> Vec<String> {
    i.notices.iter().map(ToString::to_string).collect()
}

/// The reviewer's file: scenes that name events the file does not have lose them, and a scene
/// about none of its events is left out, as before; now the import says so, with the story's
/// and the scene's place and id.
#[test]
fn scenes_that_name_events_the_file_lacks_are_changed_with_a_word() {
    let text = with_scenes(
        &[
            scene("x", ("2000", "2003"), &["a", "typo-id"]),
            scene("y", ("2000", "2010"), &["nope"]),
        ]
        .join(","),
    );
    let i = ok(&text, "s.json");
    let story = &i.chronology.stories[0];
    let kept: Vec<(&str, &[String])> = story
        .scenes
        .iter()
        .map(|c| (c.id.as_str(), c.view.highlight.as_slice()))
        .collect();
    assert_eq!(kept, [("x", ["a".to_string()].as_slice())]);
    assert_eq!(
        notices(&i),
        [
            "story 1 (id 't'), scene 1 (id 'x'): the highlighted event 'typo-id' is not in the file: no longer highlighted",
            "story 1 (id 't'), scene 2 (id 'y'): the scene is left out: the only event it highlights, 'nope', is not in the file",
        ]
    );
}

/// A story whose every scene goes goes too, and that is said after its scenes.
#[test]
fn a_story_about_none_of_the_file_s_events_is_left_out_with_a_word() {
    let text = with_scenes(
        &[
            scene("x", ("2000", "2003"), &["nope", "typo"]),
            scene("y", ("2000", "2010"), &["nope"]),
        ]
        .join(","),
    );
    let i = ok(&text, "s.json");
    assert!(i.chronology.stories.is_empty());
    assert_eq!(
        notices(&i),
        [
            "story 1 (id 't'), scene 1 (id 'x'): the scene is left out: none of the events it highlights ('nope', 'typo') is in the file",
            "story 1 (id 't'), scene 2 (id 'y'): the scene is left out: the only event it highlights, 'nope', is not in the file",
            "story 1 (id 't'): the story is left out: none of its scenes is left",
        ]
    );
}

/// A scene left out for naming only events the file lacks is still checked: a window that ends
/// before it begins is a problem of the file, with its place (it was dropped unchecked).
#[test]
fn a_scene_left_out_is_still_checked() {
    let text = with_scenes(
        &[
            scene("x", ("2000", "2003"), &["a"]),
            scene("y", ("2010", "2000"), &["nope"]),
        ]
        .join(","),
    );
    let f = fail(&text, "s.json");
    has(
        &f,
        "story t, scene y: the window ends (2000) before it begins (2010)",
    );
    assert!(!f.can_skip);
}

/// A scene about a record left out goes with it without a word (the record is listed as left
/// out), whether or not the record could be read as an event at all; it did not stop the good
/// records from being imported.
#[test]
fn a_scene_about_a_record_left_out_goes_with_it() {
    for bad in [
        r#"{"id":"b","start":"20x8","title":"B","summary":""}"#,
        r#"{"id":"b","start":"2008","end":"2001","title":"B","summary":""}"#,
    ] {
        let text = format!(
            r#"{{"title":"S","events":[{{"id":"a","start":"2001","title":"A","summary":""}},{bad}],"stories":[{{"id":"t","title":"T","summary":"","scenes":[{},{}]}}]}}"#,
            scene("x", ("2000", "2003"), &["a", "b"]),
            scene("y", ("2000", "2010"), &["b"])
        );
        let f = fail(&text, "s.json");
        assert!(f.can_skip, "{bad}: {:#?}", f.problems);
        let i = import(text.as_bytes(), "s.json", true).unwrap();
        assert!(validate(&i.chronology).is_empty());
        assert_eq!(i.skipped_records, 1);
        let scenes: Vec<(&str, usize)> = i.chronology.stories[0]
            .scenes
            .iter()
            .map(|c| (c.id.as_str(), c.view.highlight.len()))
            .collect();
        assert_eq!(scenes, [("x", 1)], "{bad}");
        assert!(i.notices.is_empty(), "{bad}: {:?}", notices(&i));
    }
}

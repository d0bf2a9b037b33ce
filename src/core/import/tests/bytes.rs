//! Bytes before any format: encoding, BOM, size, the cap on problems.

use super::*;

#[test]
fn bytes_that_are_not_utf8_text_are_refused_with_a_place() {
    let mut bytes = b"{\n\"title\": 1,\n\"a\":\n\n  \"xyz".to_vec();
    bytes.push(0xFF);
    let f = import(&bytes, "x.json", true).unwrap_err();
    assert_eq!(
        lines(&f),
        ["line 5, column 7: invalid UTF-8 (byte 0xff); save the file as UTF-8 (in Excel: CSV UTF-8)"]
    );
    let f = import(&[0xFF, 0xFE, b'{', 0], "x.json", false).unwrap_err();
    assert_eq!(lines(&f), ["file: the file is UTF-16; save it as UTF-8"]);
    // Without its byte-order mark too, little- or big-endian (it read as JSON's "key must be a
    // string" at column 2).
    let le: Vec<u8> = "{\"title\": \"x\"}".bytes().flat_map(|b| [b, 0]).collect();
    let be: Vec<u8> = "Year,Headline\n".bytes().flat_map(|b| [0, b]).collect();
    // With text past the ASCII letters (日本, Ça) in its first kilobyte: not "a binary file".
    let japanese: Vec<u8> = "Year,Headline\n2014,日本とNATO\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let french: Vec<u8> = "Year,Headline\n2014,Ça\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    for bytes in [le, be, japanese, french] {
        let f = import(&bytes, "x.json", false).unwrap_err();
        assert_eq!(lines(&f), ["file: the file is UTF-16; save it as UTF-8"]);
    }
    for empty in ["", "  \n\t ", "\u{feff}"] {
        let f = fail(empty, "x.csv");
        assert_eq!(lines(&f), ["file: the file is empty"]);
        assert_eq!(f.format, None);
    }
}

#[test]
fn files_that_are_not_text_are_named_for_what_they_are() {
    let png = [
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
    ];
    let f = import(&png, "timeline.png", false).unwrap_err();
    assert_eq!(
        lines(&f),
        ["file: this is a PNG image, not a chronology (import a JSON or CSV file: the explorer's own export, a TimelineJS JSON file, or a sheet saved as CSV)"]
    );
    assert!(!f.can_skip);
    let xlsx = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0\xa1\xb2";
    let f = import(xlsx, "sheet.csv", true).unwrap_err();
    assert!(
        lines(&f)[0].starts_with("file: this is a ZIP archive (an Excel, Numbers or Word file is one; save the sheet as CSV), not a chronology"),
        "{:?}",
        lines(&f)
    );
    let f = import(b"\x7fELF\x02\x01\x01\0\0\0\xb0\x12", "x.csv", true).unwrap_err();
    assert!(lines(&f)[0].starts_with("file: this is a binary file, not a chronology"));
    // A text with a stray NUL is text (the import removes it and says so), and a Latin-1 file
    // is told where its first byte that is not UTF-8 stands.
    assert!(import(b"Year,Headline\n1983,A\0b\n", "x.csv", true).is_ok());
    let f = import(b"Year,Headline\n1983,Caf\xe9\n", "x.csv", true).unwrap_err();
    assert_eq!(
        lines(&f),
        ["line 2, column 9: invalid UTF-8 (byte 0xe9); save the file as UTF-8 (in Excel: CSV UTF-8)"]
    );
    // Text that only happens to start like one is text: "GIF" is a word.
    if let Err(f) = import(b"GIF,Headline\n", "x.csv", false) {
        assert!(!lines(&f).iter().any(|l| l.contains("GIF image")), "{f:?}");
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

/// Past the list's end (1,000 problems and a line for the rest), the counts are still of every
/// problem and every record: the reviewer's 5,000 rows, every other one with a bad year.
#[test]
fn a_refusal_counts_every_problem_not_only_those_listed() {
    let mut text = String::from("id,start,title\n");
    for i in 0..5_000 {
        let year = if i % 2 == 0 { "2000" } else { "20x1" };
        text.push_str(&format!("e{i},{year},Event {i}\n"));
    }
    let f = import(text.as_bytes(), "big.csv", false).unwrap_err();
    assert_eq!(f.problems.len(), 1001, "the list is cut");
    assert_eq!((f.problem_count, f.file_problems), (2_500, 0));
    assert_eq!(
        f.summary(),
        "2,500 problems in 2,500 of 5,000 records (read as chronology CSV)."
    );
    let i = import(text.as_bytes(), "big.csv", true).unwrap();
    assert_eq!(i.chronology.events.len(), 2_500);
    assert_eq!(i.skipped.len(), 1001, "the list is cut");
    assert_eq!(i.skipped_records, 2_500);
}

/// A problem of the file as a whole is not counted "in 0 of 1 records".
#[test]
fn a_problem_of_the_whole_file_is_said_to_be_one() {
    let event = r#"{"id":"a","start":"2001","title":"A","summary":""}"#;
    let f = fail(
        &format!(r#"{{"events":[{event}],"colour":"red"}}"#),
        "x.json",
    );
    assert_eq!((f.records, f.bad_records), (1, 0));
    assert_eq!(
        f.summary(),
        "1 problem with the file as a whole (read as chronology JSON)."
    );
    // With records that have problems too, both are counted.
    let bad = r#"{"id":"b","start":"20x1","title":"B","summary":""}"#;
    let f = fail(
        &format!(r#"{{"events":[{event},{bad}],"colour":"red"}}"#),
        "x.json",
    );
    assert_eq!(
        f.summary(),
        "2 problems: 1 in 1 of 2 records, 1 with the file as a whole (read as chronology JSON)."
    );
    // Nothing could be read as records: the problems alone.
    assert_eq!(fail("{", "x.json").summary(), "1 problem.");
}

//! Bytes before any format: encoding, BOM, size, the cap on problems.

use super::*;

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

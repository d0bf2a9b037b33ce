//! Tests of importing, by format, with the helpers they share.

use super::dates::{date_from_parts, parse_month, parse_year};
use super::*;
use crate::core::dataset::export::{filtered, to_csv, to_csv_file, to_json};
use crate::core::dataset::{embedded, validate::validate, OpenSide};
use crate::core::date::{PartialDate, Precision};
use crate::core::synthetic::MAX_EVENTS;

mod bytes;
mod edtf;
mod leaving_out;
mod our_csv;
mod our_json;
mod timeline2_json;
mod timeline_csv;
mod timeline_json;

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

/// No `javascript:` or `data:` link anywhere in `c`, in either export.
fn no_script_links(c: &Chronology) {
    for out in [to_json(c), to_csv(c)] {
        let lower = out.to_lowercase();
        assert!(!lower.contains("javascript:") && !lower.contains("data:"));
    }
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

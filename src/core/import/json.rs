//! JSON: our own schema, TimelineJS3 JSON and TimelineJS 2 JSON.

use super::{line_column, quoted, Draft, Format, ImportProblem, Record, When, MAX_NESTING};
use crate::core::date::PartialDate;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

mod ours;
mod timeline;
mod timeline2;

pub(crate) use ours::head;
use ours::ours;
use timeline::timeline;
use timeline2::{is_timeline2, timeline2};

type Refusal = (Option<Format>, Vec<ImportProblem>);

/// Parses a JSON file in either flavour.
pub(crate) fn parse(text: &str, file_name: &str) -> Result<Draft, Refusal> {
    if let Some(offset) = too_deep(text) {
        return Err((
            None,
            vec![ImportProblem::new(
                line_column(text, offset),
                format!("the JSON is nested more than {MAX_NESTING} levels deep"),
            )],
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or_default();
        // "EOF while parsing a list" says it in a parser's words.
        let message = if e.is_eof() {
            format!(
                "the file ends in the middle of the JSON ({}): was it cut short?",
                message.replace("EOF while parsing", "in")
            )
        } else {
            message.to_string()
        };
        (
            None,
            vec![ImportProblem::new(
                format!("line {}, column {}", e.line(), e.column()),
                message,
            )],
        )
    })?;
    let Value::Object(root) = value else {
        return Err((
            None,
            vec![ImportProblem::new(
                "file",
                "the JSON must be an object with \"events\" (a chronology or a TimelineJS timeline)",
            )],
        ));
    };
    if is_timeline2(&root) {
        timeline2(&root, file_name)
    } else if is_timeline(&root) {
        timeline(root, file_name, Format::TimelineJson)
    } else {
        ours(root, file_name)
    }
}

/// The byte offset where the nesting first gets deeper than [`MAX_NESTING`], if it does.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// TimelineJS: slides with `start_date` objects, or a title slide with `text`.
fn is_timeline(root: &Map<String, Value>) -> bool {
    let slides = root
        .get("events")
        .and_then(Value::as_array)
        .is_some_and(|events| {
            events
                .iter()
                .any(|e| e.get("start_date").is_some_and(Value::is_object))
        });
    let title_slide = root
        .get("title")
        .is_some_and(|t| t.is_object() && t.get("text").is_some());
    slides || title_slide
}

/// "event 5 (id 'x')", or "event 5" when it has no usable id.
fn record_location(kind: &str, position: usize, id: Option<&str>) -> String {
    match id {
        Some(id) if !id.trim().is_empty() => format!("{kind} {position} (id {})", quoted(id)),
        _ => format!("{kind} {position}"),
    }
}

/// Every item of a list of `T` ("phase 2 (id 'x'): missing field `label`").
fn items<T: DeserializeOwned>(
    value: Option<&Value>,
    kind: &str,
    field: &str,
    fatal: &mut Vec<ImportProblem>,
) -> Vec<T> {
    let Some(value) = value else { return vec![] };
    let Some(list) = value.as_array() else {
        fatal.push(ImportProblem::new(
            format!("field {field}"),
            "expected a list",
        ));
        return vec![];
    };
    let mut out = Vec::with_capacity(list.len());
    for (i, v) in list.iter().enumerate() {
        match T::deserialize(v) {
            Ok(t) => out.push(t),
            Err(e) => fatal.push(ImportProblem::new(
                record_location(kind, i + 1, v.get("id").and_then(Value::as_str)),
                e.to_string(),
            )),
        }
    }
    out
}

/// An era's start and end: both must be dates.
pub(super) fn era_dates(
    (start, end, open): When,
    record: &mut Record,
    place: &str,
) -> Option<(PartialDate, PartialDate)> {
    if open.is_some() {
        record.problem(
            place,
            "an era needs a date at both ends, not an open or unknown one",
        );
        return None;
    }
    Some((start, end.unwrap_or(start)))
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

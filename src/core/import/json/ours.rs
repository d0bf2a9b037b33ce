//! Our own JSON schema read back, every event on its own.

use super::{items, kind_of, record_location, Refusal};
use crate::core::dataset::Story;
use crate::core::dataset::{
    Chronology, Domain, Event, Footnote, Phase, Reference, Source, ThirdParty,
};
use crate::core::date::PartialDate;
use crate::core::edtf::Edtf;
use crate::core::import::{
    file_stem, imported_source, quoted, too_many_records, Derive, Draft, Format, ImportProblem,
    Item, Record,
};
use crate::core::synthetic::MAX_EVENTS;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Our own schema: every part on its own, so that every broken event is reported.
pub(super) fn ours(root: Map<String, Value>, file_name: &str) -> Result<Draft, Refusal> {
    let format = Some(Format::Json);
    let mut fatal = Vec::new();
    let (base, view) = head(&root, file_name, &mut fatal);
    let events: &[Value] = match root.get("events") {
        None | Some(Value::Null) => &[],
        Some(Value::Array(events)) => events,
        Some(_) => {
            fatal.push(ImportProblem::new(
                "field events",
                "expected a list of events",
            ));
            &[]
        }
    };
    if events.len() > MAX_EVENTS {
        return Err((format, vec![too_many_records(events.len())]));
    }
    let mut records = Vec::with_capacity(events.len());
    let mut first_with_id: HashMap<String, usize> = HashMap::new();
    for (i, value) in events.iter().enumerate() {
        let position = i + 1;
        let id = value.get("id").and_then(Value::as_str).map(str::to_string);
        let mut record = Record::new(record_location("event", position, id.as_deref()));
        if let Some(id) = &id {
            if id.trim().is_empty() {
                record.problem("field id", "the id is empty");
            } else if let Some(first) = first_with_id.get(id) {
                record.problem(
                    "",
                    format!("the id {} is already used by event {first}", quoted(id)),
                );
            } else {
                first_with_id.insert(id.clone(), position);
            }
        }
        check_event(value, &mut record);
        if record.problems.is_empty() {
            match Event::deserialize(value) {
                Ok(e) => record.item = Item::Event(Box::new(e)),
                Err(e) => record.problem("", e.to_string()),
            }
        }
        records.push(record);
    }
    // A story is told over the file's events: scenes lose the events the file does not have
    // (e.g. removed by hand from an export), as an export of a selection does; the import says
    // which.
    let missing_events =
        crate::core::story::missing_events(&base.stories, |id| first_with_id.contains_key(id))
            .into_iter()
            .collect();
    Ok(Draft {
        missing_events,
        format: Format::Json,
        base,
        records,
        fatal,
        derive: Derive::Nothing,
        view,
        notices: vec![],
    })
}

/// Everything of our schema but the events (of a JSON file, or of our CSV's head lines), each
/// part on its own, with the problems of each; and the view it names.
pub(crate) fn head(
    root: &Map<String, Value>,
    file_name: &str,
    fatal: &mut Vec<ImportProblem>,
) -> (Chronology, Option<String>) {
    const FIELDS: [&str; 10] = [
        "title",
        "view",
        "source",
        "phases",
        "domains",
        "third_parties",
        "footnotes",
        "sources",
        "events",
        "stories",
    ];
    for key in root.keys() {
        if !FIELDS.contains(&key.as_str()) {
            fatal.push(ImportProblem::new(
                "top level",
                format!(
                    "unknown field `{key}`, expected one of {}",
                    FIELDS.join(", ")
                ),
            ));
        }
    }
    let title = match root.get("title") {
        None | Some(Value::Null) => file_stem(file_name),
        Some(v) => String::deserialize(v).unwrap_or_else(|e| {
            fatal.push(ImportProblem::new("field title", e.to_string()));
            file_stem(file_name)
        }),
    };
    let source = match root.get("source") {
        None | Some(Value::Null) => imported_source(&title, file_name, Format::Json),
        Some(v) => Source::deserialize(v).unwrap_or_else(|e| {
            fatal.push(ImportProblem::new("source", e.to_string()));
            imported_source(&title, file_name, Format::Json)
        }),
    };
    let phases: Vec<Phase> = items(root.get("phases"), "phase", "phases", fatal);
    let domains: Vec<Domain> = items(root.get("domains"), "domain", "domains", fatal);
    let third_parties: Vec<ThirdParty> = items(
        root.get("third_parties"),
        "third party",
        "third_parties",
        fatal,
    );
    let footnotes: Vec<Footnote> = items(root.get("footnotes"), "footnote", "footnotes", fatal);
    let stories: Vec<Story> = items(root.get("stories"), "story", "stories", fatal);
    let sources: Vec<Reference> = items(root.get("sources"), "source", "sources", fatal);
    let view = match root.get("view") {
        None | Some(Value::Null) => None,
        Some(v) => String::deserialize(v)
            .map_err(|e| fatal.push(ImportProblem::new("field view", e.to_string())))
            .ok()
            .filter(|v| !v.trim().is_empty()),
    };
    let base = Chronology {
        title,
        view: None,
        source,
        phases,
        domains,
        third_parties,
        footnotes,
        sources,
        events: vec![],
        stories,
    };
    (base, view)
}

/// Each field of an event on its own, so that every problem of the event is named.
fn check_event(value: &Value, record: &mut Record) {
    let Some(object) = value.as_object() else {
        record.problem("", format!("expected an object, found {}", kind_of(value)));
        return;
    };
    for (key, v) in object {
        let checked = match key.as_str() {
            "id" | "title" | "summary" | "phase" | "evidence" => String::deserialize(v).map(drop),
            "start" => Edtf::deserialize(v).map(drop),
            "end" => Option::<PartialDate>::deserialize(v).map(drop),
            "note" => Option::<String>::deserialize(v).map(drop),
            "domains" | "third_parties" | "actors" => Vec::<String>::deserialize(v).map(drop),
            "footnotes" => Vec::<u32>::deserialize(v).map(drop),
            _ => {
                record.problem("", format!("unknown field `{key}`"));
                continue;
            }
        };
        if let Err(e) = checked {
            record.problem(&format!("field {key}"), e.to_string());
        }
    }
    for required in ["id", "start", "title", "summary"] {
        if !object.contains_key(required) {
            record.problem("", format!("missing field `{required}`"));
        }
    }
}

//! TimelineJS3 JSON: its slides, eras and title slide.

use super::{era_dates, kind_of, record_location, Refusal};
use crate::core::dataset::Story;
use crate::core::dataset::{Chronology, Domain, Phase};
use crate::core::edtf::Edtf;
use crate::core::import::timeline::{chronology_title, no_title};
use crate::core::import::{
    imported_base, plain_media_text, plain_title, quoted, timeline_event, timeline_media,
    timeline_note, title_from, title_from_media, too_many_records, when, when_from_parts, Change,
    DatePart, Derive, Draft, Format, ImportProblem, Item, Record, Slugs, When,
};
use crate::core::story::{slides_story, Slide};
use crate::core::synthetic::MAX_EVENTS;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// A text field of a slide (`text.headline`), or the problem with it. Numbers are taken as text.
fn text_at(slide: &Value, path: &[&str], record: &mut Record) -> String {
    let mut v = Some(slide);
    for key in path {
        v = v.and_then(|x| x.get(key));
    }
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(other) => {
            record.problem(
                &format!("field {}", path.join(".")),
                format!("expected text, found {}", kind_of(other)),
            );
            String::new()
        }
    }
}

/// A date part of a TimelineJS date object as text (`None` when absent or empty).
fn date_component(value: Option<&Value>) -> Result<Option<String>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.to_string(),
            (None, Some(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        })),
        Some(other) => Err(format!("expected a number, found {}", kind_of(other))),
    }
}

/// The time of day of a TimelineJS date object (`hour`, `minute`, `second`), as "10:05" or
/// "10:05:30"; `None` without an hour, or when a part is not a whole number in its range.
fn slide_time(slide: &Value, field: &str) -> Option<String> {
    let object = slide.get(field)?.as_object()?;
    // Some(None): absent; None: not a whole number up to `max`.
    let part = |key: &str, max: u8| match date_component(object.get(key)) {
        Ok(None) => Some(None),
        Ok(Some(text)) => text
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|n| *n <= max)
            .map(Some),
        Err(_) => None,
    };
    let hour = part("hour", 23)??;
    let minute = part("minute", 59)?.unwrap_or(0);
    Some(match part("second", 59)? {
        Some(second) => format!("{hour:02}:{minute:02}:{second:02}"),
        None => format!("{hour:02}:{minute:02}"),
    })
}

/// How a TimelineJS slide displays its date: the slide's `display_date`, else its dates' own.
fn slide_display(slide: &Value) -> Option<String> {
    fn text(v: Option<&Value>) -> Option<&str> {
        v.and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
    if let Some(d) = text(slide.get("display_date")) {
        return Some(d.to_string());
    }
    let of = |field: &str| text(slide.get(field).and_then(|d| d.get("display_date")));
    match (of("start_date"), of("end_date")) {
        (Some(s), Some(e)) => Some(format!("{s} – {e}")),
        (Some(s), None) => Some(s.to_string()),
        (None, Some(e)) => Some(format!("until {e}")),
        (None, None) => None,
    }
}

/// A TimelineJS date object (`start_date`, `end_date`) as a date at its own precision, or an
/// EDTF interval in its `year` (`"year": "1990/2003"`).
fn slide_date(slide: &Value, field: &str, record: &mut Record) -> Result<Option<Edtf>, ()> {
    let object = match slide.get(field) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(o)) => o,
        Some(other) => {
            record.problem(
                &format!("field {field}"),
                format!("expected an object with a year, found {}", kind_of(other)),
            );
            return Err(());
        }
    };
    let mut parts = Vec::with_capacity(3);
    let mut broken = false;
    for key in ["year", "month", "day"] {
        match date_component(object.get(key)) {
            Ok(p) => parts.push(p),
            Err(message) => {
                record.problem(&format!("field {field}.{key}"), message);
                parts.push(None);
                broken = true;
            }
        }
    }
    if broken {
        return Err(());
    }
    let part = |i: usize| parts.get(i).and_then(|p| p.as_deref());
    match when_from_parts(part(0), part(1), part(2)) {
        Ok(Some(d)) => Ok(Some(d)),
        // An end date with nothing in it (`{}`, `{"year": ""}`, as spreadsheets export an
        // empty end): no end.
        Ok(None) if field == "end_date" && parts.iter().all(Option::is_none) => Ok(None),
        Ok(None) => {
            record.problem(&format!("field {field}.year"), "the year is missing");
            Err(())
        }
        Err((which, message)) => {
            let key = match which {
                DatePart::Year => "year",
                DatePart::Month => "month",
                DatePart::Day => "day",
            };
            record.problem(&format!("field {field}.{key}"), message);
            Err(())
        }
    }
}

/// The dates of a slide or an era; `None` (with the problems recorded) when broken.
fn slide_span(slide: &Value, record: &mut Record) -> Option<When> {
    let start = slide_date(slide, "start_date", record);
    let end = slide_date(slide, "end_date", record);
    let start = match start {
        Ok(Some(s)) => s,
        Ok(None) => {
            record.problem("field start_date", "the start date is missing");
            return None;
        }
        Err(()) => return None,
    };
    let end = end.ok()?;
    match when(start, end) {
        Ok(w) => Some(w),
        Err(message) => {
            record.problem("field end_date", message);
            None
        }
    }
}

/// TimelineJS3 JSON: a title slide, slides and eras. `format` is the one the file is said to be
/// in: TimelineJS 2 JSON is read through here once made TimelineJS3's shape.
pub(super) fn timeline(
    root: Map<String, Value>,
    file_name: &str,
    format: Format,
) -> Result<Draft, Refusal> {
    let mut fatal = Vec::new();
    let mut notices = Vec::new();
    let headline = root
        .get("title")
        .and_then(|t| t.get("text"))
        .and_then(|t| t.get("headline"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let title = chronology_title(
        headline,
        "title, field text.headline",
        file_name,
        &mut notices,
    );
    // The title slide's picture has no place: said, as a TimelineJS 2 file's is.
    if let Some(url) = root
        .get("title")
        .and_then(|t| t.get("media"))
        .and_then(|m| m.get("url"))
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        notices.push(ImportProblem::new(
            "title, field media.url",
            format!(
                "the title slide's media ({}) was left out: a chronology has no picture of its own",
                quoted(url)
            ),
        ));
    }
    let list = |key: &str, fatal: &mut Vec<ImportProblem>| -> &[Value] {
        match root.get(key) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                fatal.push(ImportProblem::new(
                    format!("field {key}"),
                    format!("expected a list, found {}", kind_of(other)),
                ));
                &[]
            }
        }
    };
    let slides = list("events", &mut fatal);
    let eras = list("eras", &mut fatal);
    let count = slides.len().saturating_add(eras.len());
    if count > MAX_EVENTS {
        return Err((Some(format), vec![too_many_records(count)]));
    }
    let mut records = Vec::with_capacity(count);
    let mut groups = Slugs::default();
    let mut first_with_id: HashMap<String, usize> = HashMap::new();
    // The file's story: a scene for each slide that makes an event, in the file's order.
    let mut story_slides = Vec::new();
    for (i, slide) in slides.iter().enumerate() {
        let position = i + 1;
        let unique_id = match slide.get("unique_id") {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let mut record = Record::new(record_location("event", position, unique_id.as_deref()));
        if !slide.is_object() {
            record.problem("", format!("expected an object, found {}", kind_of(slide)));
            records.push(record);
            continue;
        }
        if matches!(slide.get("unique_id"), Some(v) if !(v.is_string() || v.is_number() || v.is_null()))
        {
            record.problem("field unique_id", "expected text");
        }
        let id = unique_id.unwrap_or_else(|| format!("event-{position}"));
        if let Some(first) = first_with_id.get(&id) {
            record.problem(
                "field unique_id",
                format!("the id {} is already used by event {first}", quoted(&id)),
            );
        } else {
            first_with_id.insert(id.clone(), position);
        }
        let span = slide_span(slide, &mut record);
        let headline = text_at(slide, &["text", "headline"], &mut record);
        let text = text_at(slide, &["text", "text"], &mut record);
        let (title, read_as_html, from_text) = title_from(&headline, &text);
        if read_as_html {
            record.tally("field text.headline", Change::PlainHeadline, &headline);
        }
        if let Some(title) = title.as_deref().filter(|_| from_text) {
            record.tally("field text.text", Change::TitleFromText, title);
        }
        if let Some(tag) = crate::core::rich_text::hidden_element(&text) {
            record.tally("field text.text", Change::TextHidden, &format!("<{tag}>"));
        }
        let url = text_at(slide, &["media", "url"], &mut record);
        let caption = text_at(slide, &["media", "caption"], &mut record);
        let credit = text_at(slide, &["media", "credit"], &mut record);
        let title = title.or_else(|| {
            let title = title_from_media(&url, &caption, &credit)?;
            record.tally("field media.caption", Change::TitleFromMedia, &title);
            Some(title)
        });
        if title.is_none() {
            record.problem("field text.headline", no_title(&headline, &text));
        }
        let (media, change) = timeline_media(&url, &caption, &credit);
        if media.is_some() {
            for (field, value) in [
                ("field media.credit", &credit),
                ("field media.caption", &caption),
            ] {
                if plain_media_text(value) {
                    record.tally(field, Change::PlainCredit, value.trim());
                }
            }
        }
        record.media = media;
        if let Some(change) = change {
            record.tally("field media.url", change, url.trim());
        }
        // What an event has no place for is said, not dropped silently (a slide's background,
        // a media's link or thumbnail; `autolink` is how TimelineJS shows text, nothing more).
        if let Some(slide) = slide.as_object() {
            for (key, value) in slide {
                let kept = matches!(
                    key.as_str(),
                    "start_date"
                        | "end_date"
                        | "display_date"
                        | "text"
                        | "media"
                        | "group"
                        | "unique_id"
                        | "autolink"
                );
                if !kept && super::timeline2::has_content(value) {
                    record.tally(&format!("field {key}"), Change::SlideFieldLeftOut, "");
                }
            }
            if let Some(media) = slide.get("media").and_then(Value::as_object) {
                for (key, value) in media {
                    if !matches!(key.as_str(), "url" | "caption" | "credit")
                        && super::timeline2::has_content(value)
                    {
                        record.tally(&format!("field media.{key}"), Change::SlideFieldLeftOut, "");
                    }
                }
            }
        }
        let group = text_at(slide, &["group"], &mut record);
        if let (Some(w), Some(title), true) = (span, title, record.problems.is_empty()) {
            story_slides.push(Slide {
                event_id: id.clone(),
                start: w.0,
                end: w.1,
                title: title.clone(),
                text: text.clone(),
            });
            let mut event = timeline_event(id, w, title, text, &group, &mut groups);
            event.note = timeline_note(
                slide_time(slide, "start_date").as_deref(),
                slide_time(slide, "end_date").as_deref(),
                slide_display(slide).as_deref(),
            );
            record.item = Item::Event(Box::new(event));
        }
        records.push(record);
    }
    let mut era_ids = Slugs::default();
    for (i, era) in eras.iter().enumerate() {
        let mut record = Record::new(format!("era {}", i + 1));
        if !era.is_object() {
            record.problem("", format!("expected an object, found {}", kind_of(era)));
            records.push(record);
            continue;
        }
        let span = slide_span(era, &mut record);
        let raw = text_at(era, &["text", "headline"], &mut record);
        let (headline, read_as_html) = plain_title(&raw);
        if read_as_html {
            record.tally("field text.headline", Change::PlainHeadline, &raw);
        }
        let headline = headline.as_str();
        if headline.is_empty() {
            record.problem("field text.headline", "an era needs a headline");
        }
        let dates = span.and_then(|w| era_dates(w, &mut record, "field start_date"));
        if let (Some((start, end)), true) = (dates, record.problems.is_empty()) {
            record.item = Item::Era(Phase {
                id: era_ids.fresh(headline, "era"),
                label: headline.to_string(),
                start,
                end,
                summary: String::new(),
                evidence: String::new(),
            });
        }
        records.push(record);
    }
    let domains = groups
        .order
        .into_iter()
        .map(|(id, label)| Domain {
            id,
            label,
            description: String::new(),
        })
        .collect();
    let stories = timeline_story(&root, &title, story_slides);
    Ok(Draft {
        format,
        base: Chronology {
            domains,
            stories,
            ..imported_base(title, file_name, format)
        },
        records,
        fatal,
        derive: Derive::Eras,
        // Its story is made from its slides.
        missing_events: Default::default(),
        view: None,
        notices,
    })
}

/// The story of a TimelineJS file: its title slide (`title`, when it is an object) and its
/// slides in order. Empty when no slide makes an event.
fn timeline_story(root: &Map<String, Value>, title: &str, slides: Vec<Slide>) -> Vec<Story> {
    let text_of = |key: &str| {
        root.get("title")
            .and_then(|t| t.get("text"))
            .and_then(|t| t.get(key))
            .and_then(Value::as_str)
            .unwrap_or_default()
    };
    // The title slide's headline is the chronology's title, read as plain text.
    let title_slide = root
        .get("title")
        .is_some_and(Value::is_object)
        .then(|| (title, text_of("text")));
    slides_story(title, title_slide, slides)
        .into_iter()
        .collect()
}

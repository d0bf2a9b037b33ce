//! TimelineJS 2 JSON (`{"timeline": {"headline", "text", "asset", "date": […], "era": […]}}`),
//! the format before TimelineJS3's: made into TimelineJS3's shape and read as that is, so that
//! every rule of that reading applies (headlines read as HTML, media links, dates at their
//! precision), each place then said in TimelineJS 2's words ("date 3, field startDate").

use super::{kind_of, timeline, Refusal};
use crate::core::import::tally::places;
use crate::core::import::{quoted, Draft, Format, ImportProblem};
use serde_json::{Map, Value};

/// A TimelineJS 2 file: its one `timeline` object, with no TimelineJS3 slides beside it.
pub(super) fn is_timeline2(root: &Map<String, Value>) -> bool {
    root.contains_key("timeline") && !root.contains_key("events")
}

/// The fields of a date and of an era that are carried over; the others are said to be left out.
const DATE_FIELDS: [&str; 5] = ["startDate", "endDate", "headline", "text", "tag"];
const ASSET_FIELDS: [&str; 3] = ["media", "credit", "caption"];
const ERA_FIELDS: [&str; 3] = ["startDate", "endDate", "headline"];

/// A TimelineJS 2 date ("2011,12,10", "2011,12", "2011", "-500", with spaces or not; a time may
/// follow the day: "2011,12,10,9,30"; "12/10/2011" as a sheet gives it; "2011-12-10" as other
/// tools write it, see [`iso_parts`]) as a TimelineJS3 date
/// object. `Ok(None)` when empty; the message when it is not a TimelineJS 2 date at all.
fn date_object(value: &Value) -> Result<Option<Value>, String> {
    let text = match value {
        Value::Null => return Ok(None),
        Value::Number(_) => return Ok(Some(serde_json::json!({ "year": value }))),
        Value::String(s) => s.trim(),
        other => {
            return Err(format!(
                "expected a date as text (2011,12,10), found {}",
                kind_of(other)
            ))
        }
    };
    if text.is_empty() {
        return Ok(None);
    }
    let not_a_date = || {
        format!(
            "{} is not a TimelineJS 2 date: give it as year,month,day (2011,12,10), year,month \
             (2011,12), a year (2011, -500) or as 2011-12-10",
            quoted(text)
        )
    };
    let parts: Vec<String> = if text.contains(',') {
        text.split(',').map(|p| p.trim().to_string()).collect()
    } else if text.contains('/') {
        // A sheet's month/day/year, as TimelineJS 2 read it.
        match text.split('/').map(str::trim).collect::<Vec<_>>()[..] {
            [month, day, year] => vec![year.into(), month.into(), day.into()],
            _ => return Err(not_a_date()),
        }
    } else if let Some(parts) = iso_parts(text) {
        parts
    } else {
        vec![text.to_string()]
    };
    if parts.len() > 6 {
        return Err(not_a_date());
    }
    let mut object = Map::new();
    for (key, part) in ["year", "month", "day", "hour", "minute", "second"]
        .into_iter()
        .zip(parts)
    {
        if !part.is_empty() {
            object.insert(key.into(), Value::String(part));
        }
    }
    Ok(Some(Value::Object(object)))
}

/// An ISO 8601 date as files written by other tools give it ("2011-12-10", "2011-12",
/// "-0500-03", "2011-12-10T09:30:00Z"), in the parts of a TimelineJS 2 date (year, month, day,
/// hour, minute, second); `None` for text that is not one ("-500" is a year of its own).
fn iso_parts(text: &str) -> Option<Vec<String>> {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    if !rest.contains('-') {
        return None;
    }
    let (date, time) = rest.split_once(['T', ' ']).unwrap_or((rest, ""));
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let date: Vec<&str> = date.split('-').collect();
    if date.len() > 3 || !date.iter().all(|p| digits(p)) {
        return None;
    }
    let mut parts: Vec<String> = date.iter().map(|p| p.to_string()).collect();
    parts[0] = format!("{sign}{}", parts[0]);
    let time = time.trim().trim_end_matches('Z');
    if !time.is_empty() {
        if parts.len() < 3 {
            return None;
        }
        // Seconds' fraction and an offset from UTC are left out: a time is kept in the note.
        let time = time.split(['+', '-']).next().unwrap_or_default();
        let hms: Vec<&str> = time.split(':').collect();
        if hms.len() > 3 {
            return None;
        }
        for (i, p) in hms.into_iter().enumerate() {
            let p = if i == 2 {
                p.split('.').next().unwrap_or_default()
            } else {
                p
            };
            if !digits(p) {
                return None;
            }
            parts.push(p.to_string());
        }
    }
    Some(parts)
}

/// What one date or era of the file becomes, and what is needed to say its places.
#[derive(Default)]
struct Converted {
    /// The dates as the file gives them (startDate, endDate), for messages about their parts.
    raw: [Option<String>; 2],
    /// Why a date is not a TimelineJS 2 date at all (startDate, endDate).
    broken: [Option<String>; 2],
}

/// A date or an era's `startDate` and `endDate` as TimelineJS3's `start_date` and `end_date`.
fn convert_dates(entry: &Map<String, Value>, out: &mut Map<String, Value>) -> Converted {
    let mut converted = Converted::default();
    for (i, (from, to)) in [("startDate", "start_date"), ("endDate", "end_date")]
        .into_iter()
        .enumerate()
    {
        let Some(value) = entry.get(from) else {
            continue;
        };
        converted.raw[i] = match value {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        match date_object(value) {
            Ok(Some(object)) => {
                out.insert(to.into(), object);
            }
            Ok(None) => {}
            Err(message) => {
                // Never a date object: the reading finds a problem at the field, whose message
                // is then this one.
                out.insert(to.into(), Value::Bool(false));
                converted.broken[i] = Some(message);
            }
        }
    }
    converted
}

/// Whether a value says something (not null, blank, or an empty list or object).
pub(super) fn has_content(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        _ => true,
    }
}

/// The fields of the file that are not carried over: for each, how many records give it and the
/// first few of them.
#[derive(Default)]
struct LeftOut(Vec<(String, usize, Vec<String>, &'static str)>);

impl LeftOut {
    fn add(&mut self, field: String, record: &str, why: &'static str) {
        match self.0.iter_mut().find(|(f, ..)| *f == field) {
            Some((_, count, named, _)) => {
                *count += 1;
                if named.len() < 3 {
                    named.push(record.to_string());
                }
            }
            None => self.0.push((field, 1, vec![record.to_string()], why)),
        }
    }

    fn notices(self) -> Vec<ImportProblem> {
        self.0
            .into_iter()
            .map(|(field, count, named, why)| {
                let named: Vec<&str> = named.iter().map(String::as_str).collect();
                ImportProblem::new(
                    format!("field {field}"),
                    format!("left out (in {}): {why}", places(&named, count)),
                )
            })
            .collect()
    }
}

const DATE_WHY: &str = "an event keeps a date's startDate, endDate, headline, text, tag and \
                        media (asset.media, with its credit and caption)";
const ERA_WHY: &str = "an era keeps its startDate, endDate and headline";

/// TimelineJS 2 JSON, read as the TimelineJS3 JSON it is made into.
pub(super) fn timeline2(root: &Map<String, Value>, file_name: &str) -> Result<Draft, Refusal> {
    let format = Format::TimelineJson2;
    let refuse = |place: &str, message: String| {
        Err((Some(format), vec![ImportProblem::new(place, message)]))
    };
    let tl = match root.get("timeline") {
        Some(Value::Object(tl)) => tl,
        other => {
            return refuse(
                "field timeline",
                format!(
                    "expected an object (a TimelineJS 2 timeline, with its events in \"date\"), found {}",
                    other.map_or("nothing", kind_of)
                ),
            )
        }
    };
    let list = |key: &str| match tl.get(key) {
        None | Some(Value::Null) => Ok(&[][..]),
        Some(Value::Array(items)) => Ok(&items[..]),
        Some(other) => Err((
            Some(format),
            vec![ImportProblem::new(
                format!("timeline, field {key}"),
                format!("expected a list, found {}", kind_of(other)),
            )],
        )),
    };
    let dates = list("date")?;
    let eras = list("era")?;
    if dates.is_empty() {
        return refuse(
            "timeline, field date",
            "the file has no events: a TimelineJS 2 file lists them in timeline.date, and this \
             one has none"
                .into(),
        );
    }
    let mut left_out = LeftOut::default();
    let mut converted = Vec::with_capacity(dates.len() + eras.len());
    let mut slides = Vec::with_capacity(dates.len());
    for (i, date) in dates.iter().enumerate() {
        let Value::Object(date) = date else {
            // Read as it is: the reading says it is not an object.
            slides.push(date.clone());
            converted.push(Converted::default());
            continue;
        };
        let record = format!("date {}", i + 1);
        let mut slide = Map::new();
        converted.push(convert_dates(date, &mut slide));
        slide.insert(
            "text".into(),
            serde_json::json!({
                "headline": date.get("headline").cloned().unwrap_or(Value::Null),
                "text": date.get("text").cloned().unwrap_or(Value::Null),
            }),
        );
        if let Some(group) = date.get("tag") {
            slide.insert("group".into(), group.clone());
        }
        if let Some(Value::Object(asset)) = date.get("asset") {
            // Inserted one by one: collecting into a map compiles a sort of its own.
            let mut media = Map::new();
            for (from, to) in ASSET_FIELDS.iter().zip(["url", "credit", "caption"]) {
                if let Some(v) = asset.get(*from) {
                    media.insert(to.to_string(), v.clone());
                }
            }
            slide.insert("media".into(), Value::Object(media));
            for (key, value) in asset {
                if !ASSET_FIELDS.contains(&key.as_str()) && has_content(value) {
                    left_out.add(format!("asset.{key}"), &record, DATE_WHY);
                }
            }
        } else if date.get("asset").is_some_and(has_content) {
            left_out.add("asset".into(), &record, DATE_WHY);
        }
        for (key, value) in date {
            if !DATE_FIELDS.contains(&key.as_str()) && key != "asset" && has_content(value) {
                left_out.add(key.clone(), &record, DATE_WHY);
            }
        }
        slides.push(Value::Object(slide));
    }
    let mut tl3_eras = Vec::with_capacity(eras.len());
    for (i, era) in eras.iter().enumerate() {
        let Value::Object(era) = era else {
            tl3_eras.push(era.clone());
            converted.push(Converted::default());
            continue;
        };
        let mut out = Map::new();
        converted.push(convert_dates(era, &mut out));
        out.insert(
            "text".into(),
            serde_json::json!({ "headline": era.get("headline").cloned().unwrap_or(Value::Null) }),
        );
        for (key, value) in era {
            if !ERA_FIELDS.contains(&key.as_str()) && has_content(value) {
                left_out.add(key.clone(), &format!("era {}", i + 1), ERA_WHY);
            }
        }
        tl3_eras.push(Value::Object(out));
    }
    let mut tl3 = Map::new();
    if tl.contains_key("headline") || tl.contains_key("text") {
        tl3.insert(
            "title".into(),
            serde_json::json!({ "text": {
                "headline": tl.get("headline").cloned().unwrap_or(Value::Null),
                "text": tl.get("text").cloned().unwrap_or(Value::Null),
            }}),
        );
    }
    tl3.insert("events".into(), Value::Array(slides));
    tl3.insert("eras".into(), Value::Array(tl3_eras));
    let mut draft = timeline(tl3, file_name, format).map_err(|(_, mut problems)| {
        problems.iter_mut().for_each(|p| say(p, None));
        (Some(format), problems)
    })?;
    for (record, converted) in draft.records.iter_mut().zip(&converted) {
        record.location = location(&record.location);
        for problem in &mut record.problems {
            say(problem, Some(converted));
        }
        for tallied in &mut record.tallied {
            tallied.place = location(&tallied.place);
        }
        for notice in &mut record.notices {
            notice.location = location(&notice.location);
        }
    }
    draft.fatal.iter_mut().for_each(|p| say(p, None));
    for notice in &mut draft.notices {
        notice.location = location(&notice.location);
    }
    // The title slide's picture has no place in a chronology.
    if let Some(media) = tl
        .get("asset")
        .and_then(|a| a.get("media"))
        .and_then(Value::as_str)
        .filter(|m| !m.trim().is_empty())
    {
        draft.notices.push(ImportProblem::new(
            "timeline, field asset.media",
            format!(
                "the title slide's media ({}) was left out: a chronology has no picture of its own",
                quoted(media.trim())
            ),
        ));
    }
    draft.notices.extend(left_out.notices());
    Ok(draft)
}

/// A place of TimelineJS3 JSON ("event 3, field start_date.year", "title, field text.headline")
/// in TimelineJS 2's words ("date 3, field startDate", "timeline, field headline").
fn location(place: &str) -> String {
    place
        .split(", ")
        .map(|part| {
            if let Some(n) = part.strip_prefix("event ") {
                format!("date {n}")
            } else if part == "title" {
                "timeline".to_string()
            } else if let Some(field) = part.strip_prefix("field ") {
                format!("field {}", field_name(field))
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A TimelineJS3 field's TimelineJS 2 name.
fn field_name(field: &str) -> &str {
    match field {
        "text.headline" => "headline",
        "text.text" => "text",
        "media.url" => "asset.media",
        "media.credit" => "asset.credit",
        "media.caption" => "asset.caption",
        "group" => "tag",
        f if f.starts_with("start_date") || f == "display_date" => "startDate",
        f if f.starts_with("end_date") => "endDate",
        f => f,
    }
}

/// A problem found by the TimelineJS3 reading, said in TimelineJS 2's words: its place, and for a
/// date the date as the file gives it ("'2011,13,1' is not a date: '13' is not a month (1–12)"),
/// or why it is no date at all.
fn say(problem: &mut ImportProblem, converted: Option<&Converted>) {
    let field = problem
        .location
        .split(", ")
        .find_map(|part| part.strip_prefix("field "))
        .unwrap_or_default();
    let which = if field.starts_with("start_date") {
        Some(0)
    } else if field.starts_with("end_date") {
        Some(1)
    } else {
        None
    };
    if let (Some(i), Some(converted)) = (which, converted) {
        if let Some(broken) = &converted.broken[i] {
            problem.message.clone_from(broken);
        } else if let Some(raw) = converted.raw[i].as_deref().filter(|raw| {
            // A date of several parts (a year alone is said as it is).
            field.contains('.')
                && (raw.contains([',', '/']) || raw.trim_start_matches('-').contains('-'))
        }) {
            problem.message = format!("{} is not a date: {}", quoted(raw), problem.message);
        }
    }
    problem.location = location(&problem.location);
}

//! The TimelineJS sheet template.

use super::{row_record, Cells, Row};
use crate::core::dataset::{Chronology, Domain, Phase};
use crate::core::edtf::Edtf;
use crate::core::import::json::era_dates;
use crate::core::import::timeline::{chronology_title, no_title};
use crate::core::import::{
    file_stem, imported_base, plain_media_text, plain_title, timeline_event, timeline_media,
    timeline_note, title_from, title_from_media, when, when_from_parts, Change, DatePart, Derive,
    Draft, Format, Item, Record, Slugs,
};
use crate::core::story::{slides_story, Slide};
use std::collections::HashMap;

/// A date from the Year/Month/Day columns (with a prefix: "" or "end "), or an EDTF interval
/// in the Year column.
fn row_date(cells: &Cells, prefix: &str, record: &mut Record) -> Result<Option<Edtf>, ()> {
    let name = |part: &str| format!("{prefix}{part}");
    match when_from_parts(
        cells.some(&name("year")),
        cells.some(&name("month")),
        cells.some(&name("day")),
    ) {
        Ok(d) => Ok(d),
        Err((part, message)) => {
            let column = match part {
                DatePart::Year => name("year"),
                DatePart::Month => name("month"),
                DatePart::Day => name("day"),
            };
            record.problem(&cells.column(&column), message);
            Err(())
        }
    }
}

/// The TimelineJS Google-sheet template.
pub(super) fn timeline(
    header: &Row,
    cols: &HashMap<String, usize>,
    data: &[&Row],
    file_name: &str,
) -> Draft {
    let mut title: Option<String> = None;
    let mut notices = Vec::new();
    let mut records = Vec::with_capacity(data.len());
    let mut groups = Slugs::default();
    let mut era_ids = Slugs::default();
    // The sheet's story: its (first) title row, then a scene for each row that makes an event.
    let mut title_slide: Option<&str> = None;
    let mut story_slides = Vec::new();
    for row in data {
        let cells = Cells {
            header,
            cols,
            row,
            restore: false,
        };
        let kind = cells.get("type").trim().to_lowercase();
        if kind == "title" {
            // The first title row whose headline has text names the chronology; the first
            // title row is the story's title slide, under that title.
            let headline = cells.get("headline");
            if title.is_none() && !plain_title(headline).0.is_empty() {
                let place = format!("row {}, {}", row.number, cells.column("headline"));
                title = Some(chronology_title(headline, &place, file_name, &mut notices));
            }
            title_slide.get_or_insert(cells.get("text"));
            continue;
        }
        let mut record = row_record(header, row);
        let start = row_date(&cells, "", &mut record);
        let end = row_date(&cells, "end ", &mut record);
        let span = match (start, end) {
            (Ok(None), _) => {
                record.problem(&cells.column("year"), "the year is missing");
                None
            }
            (Ok(Some(start)), Ok(end)) => match when(start, end) {
                Ok(w) => Some(w),
                Err(message) => {
                    record.problem(&cells.column("end year"), message);
                    None
                }
            },
            _ => None,
        };
        let headline = cells.get("headline");
        let text = cells.get("text");
        if kind == "era" {
            let (label, read_as_html) = plain_title(headline);
            if read_as_html {
                record.tally(&cells.column("headline"), Change::PlainHeadline, headline);
            }
            let label = label.as_str();
            if label.is_empty() {
                record.problem(&cells.column("headline"), "an era needs a headline");
            }
            let column = cells.column("year");
            let dates = span.and_then(|w| era_dates(w, &mut record, &column));
            if let (Some((start, end)), true) = (dates, record.problems.is_empty()) {
                record.item = Item::Era(Phase {
                    id: era_ids.fresh(label, "era"),
                    label: label.to_string(),
                    start,
                    end,
                    summary: String::new(),
                    evidence: String::new(),
                });
            }
            records.push(record);
            continue;
        }
        let (event_title, read_as_html, from_text) = title_from(headline, text);
        if read_as_html {
            record.tally(&cells.column("headline"), Change::PlainHeadline, headline);
        }
        if let Some(title) = event_title.as_deref().filter(|_| from_text) {
            record.tally(&cells.column("text"), Change::TitleFromText, title);
        }
        if let Some(tag) = crate::core::rich_text::hidden_element(text) {
            record.tally(
                &cells.column("text"),
                Change::TextHidden,
                &format!("<{tag}>"),
            );
        }
        let url = cells.get("media");
        let event_title = event_title.or_else(|| {
            let title =
                title_from_media(url, cells.get("media caption"), cells.get("media credit"))?;
            record.tally(
                &cells.column("media caption"),
                Change::TitleFromMedia,
                &title,
            );
            Some(title)
        });
        if event_title.is_none() {
            record.problem(&cells.column("headline"), no_title(headline, text));
        }
        let (media, change) =
            timeline_media(url, cells.get("media caption"), cells.get("media credit"));
        if media.is_some() {
            for column in ["media credit", "media caption"] {
                if plain_media_text(cells.get(column)) {
                    record.tally(
                        &cells.column(column),
                        Change::PlainCredit,
                        cells.get(column).trim(),
                    );
                }
            }
        }
        record.media = media;
        if let Some(change) = change {
            record.tally(&cells.column("media"), change, url.trim());
        }
        if let (Some(w), Some(event_title), true) = (span, event_title, record.problems.is_empty())
        {
            let id = format!("row-{}", row.number);
            story_slides.push(Slide {
                event_id: id.clone(),
                start: w.0,
                end: w.1,
                title: event_title.clone(),
                text: text.to_string(),
            });
            let mut event = timeline_event(
                id,
                w,
                event_title,
                text.to_string(),
                cells.get("group"),
                &mut groups,
            );
            event.note = timeline_note(
                cells.some("time"),
                cells.some("end time"),
                cells.some("display date"),
            );
            record.item = Item::Event(Box::new(event));
        }
        records.push(record);
    }
    let title = title.unwrap_or_else(|| file_stem(file_name));
    let title_slide = title_slide.map(|text| (title.as_str(), text));
    let stories = slides_story(&title, title_slide, story_slides)
        .into_iter()
        .collect();
    Draft {
        format: Format::TimelineCsv,
        base: Chronology {
            domains: groups
                .order
                .into_iter()
                .map(|(id, label)| Domain {
                    id,
                    label,
                    description: String::new(),
                })
                .collect(),
            stories,
            ..imported_base(title, file_name, Format::TimelineCsv)
        },
        records,
        fatal: vec![],
        derive: Derive::Eras,
        // Its story is made from its slides.
        missing_events: Default::default(),
        view: None,
        notices,
    }
}

//! An imported chronology as the browser keeps it between visits: a versioned envelope, read
//! back with care (stored state may be corrupt, from an older version, or too large).

use crate::core::dataset::{validate::validate, Chronology};
use serde::{Deserialize, Serialize};

/// Names what the envelope is, so that another app's value under the same key is not taken.
pub const APP: &str = "japan-nato-explorer";
/// Bumped whenever the stored form changes; older envelopes are discarded with a notice.
pub const VERSION: u32 = 1;
/// Stored state larger than this (in bytes of JSON) is not read.
pub const MAX_SAVED_BYTES: usize = 64 * 1024 * 1024;

/// An imported chronology with where it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Saved {
    pub app: String,
    pub version: u32,
    /// The file name it was imported from.
    pub name: String,
    /// The format it was imported from, as shown to the user ("TimelineJS CSV").
    pub format: String,
    pub chronology: Chronology,
}

/// The envelope as stored.
pub fn encode(name: &str, format: &str, chronology: &Chronology) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        app: &'a str,
        version: u32,
        name: &'a str,
        format: &'a str,
        chronology: &'a Chronology,
    }
    serde_json::to_string(&Out {
        app: APP,
        version: VERSION,
        name,
        format,
        chronology,
    })
    // Serialising plain data cannot fail.
    .unwrap_or_default()
}

/// Reads a stored envelope; the error is the reason it was discarded, for a notice that
/// completes "The imported chronology kept in this browser was discarded: …".
pub fn decode(text: &str) -> Result<Saved, String> {
    if text.len() > MAX_SAVED_BYTES {
        return Err(format!(
            "it is too large ({:.1} MB)",
            text.len() as f64 / 1_048_576.0
        ));
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| "it is corrupt (not valid JSON)".to_string())?;
    let app = value.get("app").and_then(|v| v.as_str());
    let version = value.get("version").and_then(|v| v.as_u64());
    match (app, version) {
        (Some(APP), Some(v)) if v == u64::from(VERSION) => {}
        (Some(APP), Some(v)) if v < u64::from(VERSION) => {
            return Err("it was saved by an older version of the explorer".into())
        }
        (Some(APP), Some(_)) => {
            return Err("it was saved by a newer version of the explorer".into())
        }
        _ => return Err("it is corrupt (not a saved chronology)".into()),
    }
    let mut saved = Saved::deserialize(&value).map_err(|e| {
        format!(
            "it is corrupt ({})",
            e.to_string().split(" at line").next().unwrap_or_default()
        )
    })?;
    // Kept before a TimelineJS import marked its text as markup: marked now, so that it reads
    // as it did (see `rich_text::is_markup`).
    if saved.format.starts_with("TimelineJS") {
        let c = &mut saved.chronology;
        for e in &mut c.events {
            e.summary = crate::core::import::as_markup(std::mem::take(&mut e.summary));
        }
        for scene in c.stories.iter_mut().flat_map(|s| s.scenes.iter_mut()) {
            scene.text = crate::core::import::as_markup(std::mem::take(&mut scene.text));
        }
        for s in &mut c.stories {
            s.summary = crate::core::import::as_markup(std::mem::take(&mut s.summary));
        }
    }
    // Kept before imports capped the chronology's title: cut now as an import cuts it, so that
    // a title of 100,000 characters does not hold the page at every visit.
    let c = &mut saved.chronology;
    for title in [&mut c.title, &mut c.source.title] {
        if let Some((cut, _)) = crate::core::text::capped_title(title) {
            *title = cut;
        }
    }
    // A title longer than imports now take was kept before the limit: it is not corrupt.
    let problems: Vec<_> = validate(&saved.chronology)
        .into_iter()
        .filter(|p| p.rule != "title-length")
        .collect();
    if let Some(first) = problems.first() {
        return Err(format!("it is corrupt ({first})"));
    }
    if saved.chronology.events.is_empty() {
        return Err("it is corrupt (no events)".into());
    }
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::embedded;

    #[test]
    fn a_saved_chronology_reads_back() {
        let c = embedded().unwrap();
        let text = encode("thesis.csv", "chronology CSV", &c);
        let saved = decode(&text).unwrap();
        assert_eq!(saved.chronology, c);
        assert_eq!(saved.name, "thesis.csv");
        assert_eq!(saved.format, "chronology CSV");
    }

    /// Kept by the version before: a TimelineJS import's text without a tag of the allow-list
    /// reads as HTML still, and a title longer than imports now take is not "corrupt".
    #[test]
    fn an_import_kept_before_reads_as_it_did() {
        let mut c = embedded().unwrap();
        c.events[0].summary = "<span>Sumer</span> &amp; Akkad".into();
        c.events[1].title = "T".repeat(2_000);
        let saved = decode(&encode("old.json", "TimelineJS JSON", &c)).unwrap();
        let summary = &saved.chronology.events[0].summary;
        assert!(crate::core::rich_text::is_markup(summary), "{summary}");
        assert_eq!(crate::core::rich_text::plain_text(summary), "Sumer & Akkad");
        assert_eq!(saved.chronology.events[1].title.len(), 2_000);
        // The chronology's title, which imports now cap, is cut as they cut it.
        let mut long = c.clone();
        long.title = "W".repeat(100_000);
        let saved = decode(&encode("old.json", "TimelineJS JSON", &long)).unwrap();
        assert_eq!(
            saved.chronology.title.chars().count(),
            crate::core::text::MAX_TITLE_CHARS
        );
        assert!(saved.chronology.title.ends_with("W…"));
        // Our own files' text stays text.
        let ours = decode(&encode("ours.json", "chronology JSON", &c)).unwrap();
        assert_eq!(
            ours.chronology.events[0].summary,
            "<span>Sumer</span> &amp; Akkad"
        );
    }

    #[test]
    fn bad_stored_state_is_discarded_with_a_reason() {
        let c = embedded().unwrap();
        let good = encode("a.json", "chronology JSON", &c);
        assert!(decode("{not json").unwrap_err().contains("corrupt"));
        assert!(decode("\"hello\"").unwrap_err().contains("corrupt"));
        let older = good.replacen("\"version\":1", "\"version\":0", 1);
        assert!(decode(&older).unwrap_err().contains("older version"));
        let newer = good.replacen("\"version\":1", "\"version\":7", 1);
        assert!(decode(&newer).unwrap_err().contains("newer version"));
        let truncated = &good[..good.len() / 2];
        assert!(decode(truncated).unwrap_err().contains("corrupt"));
        let broken = good.replacen("\"title\":", "\"titel\":", 1);
        assert!(decode(&broken).unwrap_err().contains("corrupt"));
        let duplicate = {
            let mut d = c.clone();
            let first = d.events[0].clone();
            d.events.push(first);
            encode("a.json", "chronology JSON", &d)
        };
        assert!(decode(&duplicate).unwrap_err().contains("unique-id"));
        let big = format!("{}{}", good, " ".repeat(MAX_SAVED_BYTES));
        assert!(decode(&big).unwrap_err().contains("too large"));
    }
}

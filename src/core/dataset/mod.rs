//! The chronology dataset: its schema, the embedded default, and validation.

pub mod export;
pub mod schema;
pub mod story;
pub mod validate;

pub use schema::*;
use serde::Deserialize;
pub use story::*;

/// The embedded default dataset, exactly as committed in `assets/data/japan-nato.json`.
pub const EMBEDDED_JSON: &str = include_str!("../../../assets/data/japan-nato.json");

/// The same JSON without the whitespace between tokens (made by `build.rs`): what the page parses.
const EMBEDDED_COMPACT: &str = include_str!(concat!(env!("OUT_DIR"), "/japan-nato.min.json"));

/// Parses a dataset in our own JSON schema, with an error that says where it went wrong.
pub fn parse_json(text: &str) -> Result<Chronology, String> {
    serde_json::from_str::<Chronology>(text).map_err(|e| {
        format!(
            "line {}, column {}: {}",
            e.line(),
            e.column(),
            e.to_string().split(" at line ").next().unwrap_or_default()
        )
    })
}

/// The embedded Japan–NATO chronology, parsed. An error here means the committed file is broken;
/// the native tests make sure it never is, and the page reports it rather than panicking.
///
/// It is read through a [`serde_json::Value`], as imported files and saved chronologies are, so
/// that the bundle holds one copy of the schema's deserialisers instead of one per input kind.
/// [`parse_json`] reads straight from the text and says where a malformed file goes wrong.
pub fn embedded() -> Result<Chronology, String> {
    let value: serde_json::Value =
        serde_json::from_str(EMBEDDED_COMPACT).map_err(|e| e.to_string())?;
    Chronology::deserialize(&value).map_err(|e| e.to_string())
}

/// A chronology with no events (what shows when the built-in one cannot be read).
pub fn empty_chronology() -> Chronology {
    Chronology {
        title: "Japan–NATO relations: a chronology".into(),
        source: Source {
            title: String::new(),
            subtitle: None,
            series: None,
            author: String::new(),
            affiliations: vec![],
            year: None,
            note: None,
        },
        phases: vec![],
        domains: vec![],
        third_parties: vec![],
        footnotes: vec![],
        events: vec![],
        stories: vec![],
        sources: vec![],
        view: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compact_embedded_json_is_the_committed_file_without_whitespace() {
        let committed: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
        let compact: serde_json::Value = serde_json::from_str(EMBEDDED_COMPACT).unwrap();
        assert_eq!(compact, committed);
        assert!(EMBEDDED_COMPACT.len() < EMBEDDED_JSON.len() && !EMBEDDED_COMPACT.contains('\n'));
        assert_eq!(embedded().unwrap(), parse_json(EMBEDDED_JSON).unwrap());
    }

    #[test]
    fn the_list_runs_in_the_order_of_the_dates_it_shows() {
        // "circa 2008" (2008~, which may be 2007) is read among 2008, after every 2007 event.
        let mut data = embedded().unwrap();
        data.sort_events();
        let stated: Vec<(i64, &str)> = data
            .events
            .iter()
            .map(|e| (e.start.stated_days().0, e.id.as_str()))
            .collect();
        for pair in stated.windows(2) {
            assert!(pair[0].0 <= pair[1].0, "{pair:?}");
        }
        let circa = data
            .events
            .iter()
            .position(|e| e.id == "2007-momentum-from-opportunities-and-formalities")
            .unwrap();
        assert_eq!(data.events[circa].start.to_iso(), "2008~");
        assert!(data.events[..circa]
            .iter()
            .any(|e| e.start.to_iso() == "2007"));
    }

    #[test]
    fn events_are_sorted_by_start_then_end_and_ties_keep_their_order() {
        let mut data = crate::core::synthetic::generate(3_000, 7);
        // A tie on start and end, whose id comes after its twin's but which comes first once
        // reversed: it stays first.
        let mut twin = data.events[10].clone();
        let original = twin.id.clone();
        twin.id = "zzz-twin".into();
        data.events.push(twin);
        data.events.reverse();
        let mut expected = data.events.clone();
        expected.sort_by_key(|e| (e.start, e.end_day()));
        data.sort_events();
        let ids =
            |events: &[schema::Event]| events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&data.events), ids(&expected));
        assert_eq!(data.events.len(), 3_001);
        let at = |id: &str| data.events.iter().position(|e| e.id == id).unwrap();
        assert!(at("zzz-twin") < at(&original));
        // Sorting again changes nothing.
        let before = ids(&data.events);
        data.sort_events();
        assert_eq!(ids(&data.events), before);
    }
}

//! Whose label shows first where not every label fits: a pure function of the event.
//!
//! A label is drawn whole or not at all; where two collide in a lane, the one with the lower
//! priority is left out (its event stays a mark, with its date and whole title a hover or focus
//! away). The priority adds up what makes an event a landmark of the story:
//!
//! | what | points |
//! |---|---|
//! | each footnote the source cites for it (up to four): the source's own weight | 3 |
//! | an agreement or institution (a domain whose id names an agreement, institution or treaty) | 4 |
//! | a "first" (the title says first, inaugural or founding) | 4 |
//! | a date known to the day (a dated act rather than a trend), or to the month | 2, 1 |
//!
//! Background (a year-only state of things the source mentions in passing) thus scores 0–3,
//! the Tokyo Declaration or the first Japanese address to the North Atlantic Council 10 or more.

use crate::core::dataset::Event;
use crate::core::date::Precision;

/// Footnotes counted at most (beyond four, an event is a landmark anyway).
const MAX_FOOTNOTES: usize = 4;

/// The priority of the event's label (higher first); see the module's table.
pub fn label_priority(event: &Event) -> u16 {
    let cited = event.footnotes.len().min(MAX_FOOTNOTES) as u16 * 3;
    let formal = if event.domains.iter().any(|d| is_formal(d)) {
        4
    } else {
        0
    };
    let first = if is_first(&event.title) { 4 } else { 0 };
    let precise = match event.start.precision() {
        Precision::Day => 2,
        Precision::Month => 1,
        Precision::Year => 0,
    };
    cited + formal + first + precise
}

/// A domain of agreements and institutions, by its id ("agreements-institutions", "treaties").
fn is_formal(domain_id: &str) -> bool {
    let id = domain_id.to_ascii_lowercase();
    ["agreement", "institution", "treat"]
        .iter()
        .any(|word| id.contains(word))
}

/// A title that marks a first: the word "first", "inaugural", "founding".
fn is_first(title: &str) -> bool {
    const WORDS: [&str; 3] = ["first", "inaugural", "founding"];
    // Most titles hold none of the words anywhere: a scan of the bytes says so without reading
    // the title as words (a million titles at an import). No other character lowers to these
    // words' letters, so comparing ASCII without case is exact.
    let bytes = title.as_bytes();
    let at = |i: usize, w: &str| {
        bytes
            .get(i..i + w.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
    };
    let somewhere = (0..bytes.len()).any(|i| match bytes[i].to_ascii_lowercase() {
        b'f' => at(i, WORDS[0]) || at(i, WORDS[2]),
        b'i' => at(i, WORDS[1]),
        _ => false,
    });
    somewhere
        && title
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::embedded;

    fn event(id: &str) -> Event {
        embedded()
            .unwrap()
            .events
            .into_iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("{id} is in the chronology"))
    }

    #[test]
    fn landmarks_outrank_background() {
        // Aso's address to the NAC: a first, day-precise, cited.
        let aso = event("2006-05-04-aso-addresses-nac");
        assert!(label_priority(&aso) >= 9, "{}", label_priority(&aso));
        // The mission to NATO: an institution, cited, to the month.
        let mission = event("2018-07-japan-mission-to-nato");
        assert_eq!(label_priority(&mission), 3 + 4 + 1);
        // A state of affairs the brief mentions without a footnote.
        let plateau = event("2004-relationship-evolves-significantly");
        assert_eq!(label_priority(&plateau), 0);
        assert!(label_priority(&aso) > label_priority(&plateau));
    }

    #[test]
    fn the_parts_add_up_as_documented() {
        let mut e = event("2004-relationship-evolves-significantly");
        e.footnotes = vec![1, 2, 3, 4, 5, 6];
        assert_eq!(label_priority(&e), 12, "four footnotes at most");
        e.footnotes.clear();
        e.domains = vec!["agreements-institutions".into()];
        assert_eq!(label_priority(&e), 4);
        e.domains.clear();
        e.title = "The First exercise".into();
        assert_eq!(label_priority(&e), 4);
        e.title = "INAUGURAL meeting".into();
        assert_eq!(label_priority(&e), 4, "in any case");
        e.title = "The alliance's founding (1949)".into();
        assert_eq!(label_priority(&e), 4, "at any place in the title");
        e.title = "Firstly, nothing".into();
        assert_eq!(label_priority(&e), 0, "whole words only");
    }
}
